// zhpolicy/numbers.h — finds and normalizes the numbers of a text.
#ifndef ZHPOLICY_NUMBERS_H_
#define ZHPOLICY_NUMBERS_H_

#include <memory>
#include <string_view>
#include <vector>

#include "zhpolicy/export.h"
#include "zhpolicy/lexicon.h"
#include "zhpolicy/number.h"
#include "zhpolicy/text.h"

namespace zhpolicy {
namespace internal {
class NumberExtractorImpl;
}  // namespace internal

// Number extraction: money, percentages, quantities with units, ordinals,
// dates, times, fractions and programme codes, with exact values, ranges and
// qualifiers. Units come from the lexicon's unit table; the lexicon also tells
// which numerals belong to names (九三学社, 两江) and fixed expressions.
//
// Immutable and safe for concurrent use by any number of threads.
class ZHPOLICY_API NumberExtractor {
 public:
  explicit NumberExtractor(Lexicon lexicon);

  // The numbers of `utf8_text` in order of position, spans in bytes of it.
  // Total: any bytes give a defined result; ill-formed UTF-8 is skipped.
  std::vector<Number> extract(std::string_view utf8_text) const;

  // extract() on a text already normalized by normalize(utf8_text), so that
  // callers running several stages normalize once (Analyzer does).
  std::vector<Number> extract(std::string_view utf8_text, const NormalizedText& normalized) const;

  // extract() of each text on `n_threads` threads (0: all cores).
  std::vector<std::vector<Number>> extract_many(const std::vector<std::string_view>& texts,
                                                unsigned n_threads = 0) const;

  const Lexicon& lexicon() const;

 private:
  std::shared_ptr<const internal::NumberExtractorImpl> impl_;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_NUMBERS_H_
