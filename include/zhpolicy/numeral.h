// zhpolicy/numeral.h — one numeral on its own: its exact value, and a value
// written out in Chinese numerals.
#ifndef ZHPOLICY_NUMERAL_H_
#define ZHPOLICY_NUMERAL_H_

#include <string>
#include <string_view>

#include "zhpolicy/decimal.h"
#include "zhpolicy/export.h"

namespace zhpolicy {

// The exact value of a numeral written alone, in any form the number
// extractor reads: Chinese (一百零五, 三千五 = 3500, 二十万零三百), financial
// (壹佰贰拾万), digit by digit (一二三 = 123, 二〇二四), Arabic (1,234.5), mixed
// (1.4万亿, 5万4千6百), with a decimal part (负零点一零 = -0.1), a sign (负, −,
// -, +), spaces, full-width or Traditional characters (負三萬). Throws
// Error(kInvalidArgument) naming the text if it is not one numeral, or if it
// is approximate (十多万, 几十).
ZHPOLICY_API Decimal parse_number(std::string_view utf8_text);

enum class ChineseNumeralStyle {
  kLower,  // 一百万零五十四, 三点一四, 负十五
  kUpper,  // financial: 壹佰万零伍拾肆
  kRmb,    // an amount of yuan on a cheque: 壹佰万零伍拾肆元整, 壹拾贰元叁角肆分
};

// `value` written in Chinese numerals, in groups of 万 and 亿 (一万亿 = 10^12,
// 九千八百七十六万五千四百三十二亿 = 9876 5432 0000 0000, 一亿亿 = 10^16).
// Throws Error(kInvalidArgument) for |value| >= 10^20, and in kRmb style
// for a negative amount or one with more than two decimals.
ZHPOLICY_API std::string to_chinese(const Decimal& value, ChineseNumeralStyle style = ChineseNumeralStyle::kLower);

}  // namespace zhpolicy

#endif  // ZHPOLICY_NUMERAL_H_
