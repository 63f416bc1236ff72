// parse_number() and to_chinese(): one numeral alone, both ways.
#include <string>

#include "numbers/numeral.h"
#include "zhpolicy/error.h"
#include "zhpolicy/numeral.h"
#include "zhpolicy/text.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace {

[[noreturn]] void not_a_numeral(std::string_view text, const std::string& why) {
  throw Error(ErrorCode::kInvalidArgument, "not a numeral: '" + std::string(text.substr(0, 200)) + "' (" + why + ")");
}

// Four digits (0 <= group < 10000) in Chinese, with 零 for inner zeros;
// `leading_zero`: the group follows a higher one, so its missing thousands
// are read as 零 (一万零五).
std::string group_text(int group, bool leading_zero, const char* const* digits, const char* const* units) {
  std::string out;
  bool zero_pending = leading_zero;
  for (int k = 3; k >= 0; --k) {
    int power = 1;
    for (int i = 0; i < k; ++i) power *= 10;
    const int d = group / power % 10;
    if (d == 0) {
      if (!out.empty()) zero_pending = true;
      continue;
    }
    if (zero_pending) out += digits[0];
    zero_pending = false;
    out += digits[d];
    out += units[k];
  }
  return out;
}

}  // namespace

Decimal parse_number(std::string_view utf8_text) {
  if (utf8::find_invalid(utf8_text) != std::string_view::npos) not_a_numeral(utf8_text, "ill-formed UTF-8");
  const NormalizedText nt = normalize(utf8_text);
  std::u32string cps;
  for (size_t i = 0, len; i < nt.normalized.size(); i += len) cps.push_back(utf8::decode(nt.normalized, i, len));
  // Surrounding spaces are no part of it.
  auto space = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r'; };
  while (!cps.empty() && space(cps.back())) cps.pop_back();
  size_t b = 0;
  while (b < cps.size() && space(cps[b])) ++b;
  bool negative = false;
  if (b < cps.size() && (cps[b] == U'负' || cps[b] == U'-' || cps[b] == U'−')) {
    negative = true;
    ++b;
  } else if (b < cps.size() && (cps[b] == U'+' || cps[b] == U'正')) {
    ++b;
  }
  const std::u32string_view body = std::u32string_view(cps).substr(b);
  if (body.empty()) not_a_numeral(utf8_text, "no digits");
  const auto parsed = internal::parse_chinese_numeral(body);
  if (!parsed) not_a_numeral(utf8_text, "not a well-formed numeral");
  if (parsed->more) not_a_numeral(utf8_text, "approximate: 多, 余 or 几 give no exact value");
  return negative && !parsed->value.is_zero() ? parsed->value.negated() : parsed->value;
}

std::string to_chinese(const Decimal& value, ChineseNumeralStyle style) {
  static const char* const kLowerDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* const kUpperDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
  static const char* const kLowerUnits[] = {"", "十", "百", "千"};
  static const char* const kUpperUnits[] = {"", "拾", "佰", "仟"};
  // Groups of four digits from the right: 万, 亿, then 万 again (read with
  // the 亿 after it: 九千八百七十六万五千四百三十二亿 …), then 亿亿.
  static const char* const kGroupUnits[] = {"", "万", "亿", "万", "亿亿"};
  const bool lower = style == ChineseNumeralStyle::kLower;
  const char* const* digits = lower ? kLowerDigits : kUpperDigits;
  const char* const* units = lower ? kLowerUnits : kUpperUnits;

  // Plain digits: the integer part and the fraction.
  std::string plain = value.to_string();
  const bool negative = !plain.empty() && plain[0] == '-';
  if (negative) plain.erase(0, 1);
  const size_t dot = plain.find('.');
  const std::string integer = plain.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? "" : plain.substr(dot + 1);
  if (integer.size() > 20) {
    throw Error(ErrorCode::kInvalidArgument, "to_chinese: " + plain + " is 10^20 or more");
  }
  if (style == ChineseNumeralStyle::kRmb && negative) {
    throw Error(ErrorCode::kInvalidArgument, "to_chinese: a negative amount has no RMB form");
  }
  if (style == ChineseNumeralStyle::kRmb && fraction.size() > 2) {
    throw Error(ErrorCode::kInvalidArgument, "to_chinese: an RMB amount has at most two decimals (角, 分)");
  }

  // Groups of four digits from the right, each with its 万/亿 unit.
  std::string out;
  const size_t groups = (integer.size() + 3) / 4;
  bool written = false, zero_between = false;
  for (size_t g = 0; g < groups; ++g) {
    const size_t end = integer.size() - 4 * (groups - 1 - g);
    const size_t begin = end >= 4 ? end - 4 : 0;
    const int group = std::stoi(integer.substr(begin, end - begin));
    const size_t power_group = groups - 1 - g;
    if (group == 0) {
      zero_between = written;
      continue;
    }
    std::string text = group_text(group, written && (group < 1000 || zero_between), digits, units);
    // 十五, 十万: a leading 一十 is read 十 in ordinary writing.
    if (!written && lower && group >= 10 && group < 20) text.erase(0, std::string(digits[1]).size());
    out += text;
    out += kGroupUnits[power_group];
    // 一万亿: the 亿 of the group below, when that group is empty.
    if (power_group == 3 && std::stoi(integer.substr(end, 4)) == 0) out += "亿";
    written = true;
    zero_between = false;
  }
  if (style == ChineseNumeralStyle::kRmb) {
    const int jiao = fraction.size() > 0 ? fraction[0] - '0' : 0;
    const int fen = fraction.size() > 1 ? fraction[1] - '0' : 0;
    if (written) out += "元";
    if (jiao == 0 && fen == 0) return (written ? out : std::string(digits[0]) + "元") + "整";
    if (jiao != 0) {
      out += digits[jiao];
      out += "角";
    } else if (written) {
      out += digits[0];  // 壹拾元零伍分
    }
    if (fen != 0) {
      out += digits[fen];
      out += "分";
    }
    return out;
  }
  if (!written) out = digits[0];
  if (!fraction.empty()) {
    out += "点";
    for (char c : fraction) out += digits[c - '0'];
  }
  return negative ? "负" + out : out;
}

}  // namespace zhpolicy
