// zhpolicy/target.h — a policy target or result: an indicator, the number
// that measures it, how, and whether it is a goal or an outcome.
#ifndef ZHPOLICY_TARGET_H_
#define ZHPOLICY_TARGET_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "zhpolicy/number.h"
#include "zhpolicy/span.h"

namespace zhpolicy {

// How the number measures the indicator: its rise (增长 5%), its fall
// (下降 3%), or its amount or rate (失业率 5.5%左右, 增至 26 个, 涨幅 2%).
enum class TargetRelation : uint8_t { kIncrease, kDecrease, kLevel };
// A goal (预期目标, 力争, 确保, the plan for the coming year) or a result
// reached (the review of past years, 比上年, 完成).
enum class TargetModality : uint8_t { kTarget, kActual };

// Names as in shared/gold/targets/README.md: "increase", "decrease", "level";
// "target", "actual".
constexpr std::string_view to_string(TargetRelation r) {
  return r == TargetRelation::kIncrease ? "increase" : r == TargetRelation::kDecrease ? "decrease" : "level";
}
constexpr std::string_view to_string(TargetModality m) {
  return m == TargetModality::kTarget ? "target" : "actual";
}

// One (indicator, number) record. `indicator` is a span of the ORIGINAL text
// (bytes); `number` is the number mention it links (a copy of the one in the
// document's numbers(), `number_index` its position there). `canonical` is
// the shared name of a common indicator (地区生产总值 for 生产总值, GDP,
// 全省生产总值 …; the list is src/data/targets/indicators.tsv), empty for
// others. `score` (0-1) is how sure the extractor is of the record, for
// ranking and filtering.
struct Target {
  ByteSpan indicator;
  std::string canonical;
  TargetRelation relation = TargetRelation::kLevel;
  TargetModality modality = TargetModality::kActual;
  Number number;
  uint32_t number_index = 0;
  float score = 1.0f;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_TARGET_H_
