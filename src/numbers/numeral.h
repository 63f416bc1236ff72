// src/numbers/numeral.h — exact parsing of Chinese and Arabic numerals: the
// grammar every number of a text, and parse_number(), goes through.
#ifndef ZHPOLICY_SRC_NUMBERS_NUMERAL_H_
#define ZHPOLICY_SRC_NUMBERS_NUMERAL_H_

#include <optional>
#include <string_view>

#include "zhpolicy/decimal.h"

namespace zhpolicy {
namespace internal {

// The value of one Chinese digit character (零〇一二两三…九, financial
// 壹贰叁…玖, traditional 兩貳參陸), or -1.
int chinese_digit(char32_t c);
// The power of ten of a scale character: 十拾 1, 百佰 2, 千仟 3, 万萬 4,
// 亿億 8, 兆 12; or 0 if `c` is not one.
int chinese_unit_power(char32_t c);
// The tens a single character writes (廿 卄 20, 卅 30, 卌 40: older and
// calendar text, 廿一世纪, 腊月廿三), or 0. It stands for a digit and 十.
int chinese_tens(char32_t c);
// 多 余 几: "and some" between a numeral and its scale (十多万, 五百余万).
constexpr bool is_more_char(char32_t c) { return c == U'多' || c == U'余' || c == U'几'; }

struct ParsedNumeral {
  Decimal value;
  // Written digit by digit without units (二〇二四, 九三): a reading, not a
  // quantity, unless the context (a following 年) says so.
  bool digit_sequence = false;
  // Contains a unit character (十, 百, 万 ...): 十五, 三千五百万.
  bool has_unit = false;
  // 多/余/几 stood for "and some" (十多万, 二十几万, 500余万): `value` is
  // the part written, a lower bound.
  bool more = false;
};

// Parses a whole numeral: Chinese digits and scale characters in any mix
// with Arabic numbers ("1.4万亿", "3千万", "5万4千6百", "2千零30万", "十五",
// "二十万零三百", "一百零五", "三千五" = 3500, "壹拾贰", "10万万"), a
// decimal part after 点 ("一万零十二点一五", "三点五万"), 多/余/几 before a
// scale or at the end ("十多万", "二十几"), ASCII spaces between the parts
// ("7 万5 千4 百"). nullopt if it is not a well-formed numeral (万一, 亿,
// 三三 ...) or exceeds Decimal's limits.
std::optional<ParsedNumeral> parse_chinese_numeral(std::u32string_view cps);

// Parses ASCII digits with optional ',' groups and a decimal point.
std::optional<Decimal> parse_arabic(std::string_view text);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_NUMBERS_NUMERAL_H_
