// zhpolicy/targets.h — the indicators, values and goals that reports state.
#ifndef ZHPOLICY_TARGETS_H_
#define ZHPOLICY_TARGETS_H_

#include <memory>
#include <string_view>
#include <vector>

#include "zhpolicy/analyzer.h"
#include "zhpolicy/export.h"
#include "zhpolicy/lexicon.h"
#include "zhpolicy/target.h"

namespace zhpolicy {
namespace internal {
class TargetExtractorImpl;
}  // namespace internal

// Targets and results of policy text: for each number that measures
// something (an amount, a rate, a count of things), the indicator it
// measures, the relation (increase, decrease, level) and the modality (a
// goal or a result). `地区生产总值增长5%以上` gives indicator 地区生产总值,
// increase, 5%以上; `建设5家省级中试平台` gives 省级中试平台, level, 5家.
//
// Modality comes from the clause's cues (力争, 预期目标 / 比上年, 累计) and,
// where the clause has none, from the section of the report it stands in:
// give a whole report, not clauses cut out of it, when sections matter.
//
// Immutable and safe for concurrent use by any number of threads.
class ZHPOLICY_API TargetExtractor {
 public:
  explicit TargetExtractor(Lexicon lexicon);

  // Records of `utf8_text`, in the order of their numbers, with byte spans
  // of it. Total: any bytes give a defined result.
  std::vector<Target> extract(std::string_view utf8_text) const;

  std::vector<std::vector<Target>> extract_many(const std::vector<std::string_view>& texts,
                                                unsigned n_threads = 0) const;

  const Lexicon& lexicon() const;

 private:
  Analyzer analyzer_;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_TARGETS_H_
