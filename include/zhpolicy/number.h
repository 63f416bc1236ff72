// zhpolicy/number.h — a number mention: the vocabulary of shared/gold/README.md.
#ifndef ZHPOLICY_NUMBER_H_
#define ZHPOLICY_NUMBER_H_

#include <optional>
#include <string>
#include <string_view>

#include "zhpolicy/decimal.h"
#include "zhpolicy/span.h"

namespace zhpolicy {

enum class NumberKind {
  kCardinal,  // a bare number: 六 (六大重点产业), 1,234
  kOrdinal,   // 第四届, 十五届, 二次 (会议), 第一组
  kPercent,   // 12%, 百分之十五, 3‰, 三成, 2个百分点 (unit 个百分点)
  kMoney,     // 1450亿元, 20万美元
  kQuantity,  // with a unit or measure word: 4.6万人, 5家, 54公里, 2.3倍
  kDate,      // 2024年2月5日, 2023年12月, 1月31日, 19日, 2022-01-10 14:31
  kTime,      // 14:31, 9时30分
  kFraction,  // 三分之一, 万分之三, 三又三分之一, 3/4
  kCode,      // a number used as a name: “11241”
};

enum class Qualifier {
  kNone,
  kApprox,  // 约, 左右, 近, 大约, 上下, 上千 (a scale after 上)
  kGt,      // 超, 超过, 逾, 突破, 余, 多, 几 (十多万, 二十几万: the value written)
  kGe,      // 以上, 不低于, 不少于
  kLt,      // 不到, 不足, 低于
  kLe,      // 以下, 以内, 不超过
};

// Names exactly as in the gold schema: "cardinal", ..., "approx", ...; "" for kNone.
constexpr std::string_view to_string(NumberKind kind) {
  constexpr std::string_view kNames[] = {"cardinal", "ordinal", "percent", "money", "quantity",
                                         "date",     "time",    "fraction", "code"};
  return kNames[static_cast<int>(kind)];
}
constexpr std::string_view to_string(Qualifier q) {
  constexpr std::string_view kNames[] = {"", "approx", "gt", "ge", "lt", "le"};
  return kNames[static_cast<int>(q)];
}

// One number mention. `span` covers the mention in the ORIGINAL text: a
// trailing qualifier (左右, 以上, 余) is inside it, a leading one (突破, 约) is
// not. For dates and times `value` is unused and `iso` holds ISO 8601 with only
// what is written (2024-02-05, 2023-12, --01-31, ---19, 2022-01-10T14:31, 14:31;
// decades with ISO 8601-2's X for digits not written, 198X, XX8X; intervals
// with /, 2019/2023, XX5X/XX6X). For codes `iso` holds the digit string.
struct Number {
  ByteSpan span;
  NumberKind kind = NumberKind::kCardinal;
  Decimal value;                     // scale folded in: 1450亿元 -> 145000000000
  std::optional<Decimal> value_max;  // upper end of a range: 3至5个 -> 3 and 5
  std::string unit;                  // normalized: 元, %, 个百分点, 平方米, 届 ...; "" if none
  Qualifier qualifier = Qualifier::kNone;
  std::string iso;                   // date/time ISO string, or the code's digits
  bool relative = false;             // a date written relative to another: 去年10月8日, 上世纪90年代
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_NUMBER_H_
