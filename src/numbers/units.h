// src/numbers/units.h — the unit table (src/data/units.tsv, compiled into
// the lexicon): which words after a number are units, and what they mean.
#ifndef ZHPOLICY_SRC_NUMBERS_UNITS_H_
#define ZHPOLICY_SRC_NUMBERS_UNITS_H_

#include <boost/container/flat_map.hpp>
#include <boost/container/small_vector.hpp>

#include <string>
#include <string_view>

#include "zhpolicy/number.h"

namespace zhpolicy {
namespace internal {

struct UnitInfo {
  NumberKind kind;   // kMoney, kQuantity or kPercent
  std::string unit;  // normalized unit
  int scale_power;   // the value is multiplied by 10^scale_power (万元: 4)
};

// Units that count divisions (关中5市, 3乡, 三地): the numbers' extractor
// takes them only where a word ends (市场, 地区 open words), and such a count
// names a group of places, measuring no indicator (targets).
inline bool is_division_unit(std::string_view unit) {
  for (std::string_view division : {"省", "市", "县", "区", "乡", "镇", "地"}) {
    if (unit == division) return true;
  }
  return false;
}

class UnitTable {
 public:
  // Parses the TSV (`surface kind unit scale`, '#' comments). Throws
  // Error(kBadFormat) naming `source:line` for a malformed row.
  UnitTable(std::string_view tsv, const std::string& source);

  // The longest unit starting at text[pos], and its length in bytes.
  const UnitInfo* match(std::string_view text, size_t pos, size_t& length) const;

 private:
  struct Unit {
    std::string surface;
    UnitInfo info;
  };
  // By first code point, longest surface first: asked after every number,
  // where most next characters start no unit; no hashing of candidate
  // lengths (a hash map of surfaces hashed each length in turn).
  boost::container::flat_map<char32_t, boost::container::small_vector<Unit, 4>> by_first_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_NUMBERS_UNITS_H_
