// src/numbers/units.h — the unit table (src/data/units.tsv, compiled into
// the lexicon): which words after a number are units, and what they mean.
#ifndef ZHPOLICY_SRC_NUMBERS_UNITS_H_
#define ZHPOLICY_SRC_NUMBERS_UNITS_H_

#include <string>
#include <string_view>
#include <deque>
#include <unordered_map>

#include "zhpolicy/number.h"

namespace zhpolicy {
namespace internal {

struct UnitInfo {
  NumberKind kind;   // kMoney, kQuantity or kPercent
  std::string unit;  // normalized unit
  int scale_power;   // the value is multiplied by 10^scale_power (万元: 4)
};

class UnitTable {
 public:
  // Parses the TSV (`surface kind unit scale`, '#' comments). Throws
  // Error(kBadFormat) naming `source:line` for a malformed row.
  UnitTable(std::string_view tsv, const std::string& source);

  UnitTable(const UnitTable&) = delete;  // units_ points into surfaces_
  UnitTable& operator=(const UnitTable&) = delete;

  // The longest unit starting at text[pos], and its length in bytes.
  const UnitInfo* match(std::string_view text, size_t pos, size_t& length) const;

 private:
  std::deque<std::string> surfaces_;  // owns the keys of units_ (a deque never moves them)
  std::unordered_map<std::string_view, UnitInfo> units_;
  size_t max_bytes_ = 0;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_NUMBERS_UNITS_H_
