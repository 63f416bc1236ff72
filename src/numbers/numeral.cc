#include "numbers/numeral.h"

#include <string>

namespace zhpolicy {
namespace internal {

int chinese_digit(char32_t c) {
  switch (c) {
    case U'零': case U'〇': return 0;
    case U'一': case U'壹': return 1;
    // 两 is 2 only as a numeral; 两会, 两江 are caught by the extractor's
    // name checks before this is asked.
    case U'二': case U'两': case U'贰': case U'貳': case U'兩': return 2;
    case U'三': case U'叁': case U'參': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

int chinese_unit_power(char32_t c) {
  switch (c) {
    case U'十': case U'拾': return 1;
    case U'百': case U'佰': return 2;
    case U'千': case U'仟': return 3;
    case U'万': case U'萬': return 4;
    case U'亿': case U'億': return 8;
    case U'兆': return 12;
    default: return 0;
  }
}

std::optional<Decimal> parse_arabic(std::string_view text) { return Decimal::parse(text); }

namespace {

std::optional<Decimal> add(const std::optional<Decimal>& a, const std::optional<Decimal>& b) {
  if (!a || !b) return std::nullopt;
  return a->plus(*b);
}

std::optional<Decimal> scaled(const std::optional<Decimal>& a, int power) {
  if (!a) return std::nullopt;
  return a->times_pow10(power);
}

}  // namespace

std::optional<ParsedNumeral> parse_chinese_numeral(std::u32string_view cps) {
  ParsedNumeral out;
  // One digit character (一, 三, 五): most numerals of running text, and what
  // the general path below would give.
  if (cps.size() == 1 && chinese_digit(cps[0]) > 0) {
    out.value = Decimal::from_int(chinese_digit(cps[0]));
    return out;
  }
  // An Arabic lead: 1.4万亿, 3千万, 4.6万.
  size_t i = 0;
  std::optional<Decimal> lead;
  {
    std::string ascii;
    while (i < cps.size() && ((cps[i] >= U'0' && cps[i] <= U'9') || cps[i] == U'.' || cps[i] == U',')) {
      ascii.push_back(static_cast<char>(cps[i]));
      ++i;
    }
    if (!ascii.empty()) {
      lead = parse_arabic(ascii);
      if (!lead) return std::nullopt;
    }
  }
  if (i == cps.size()) {
    if (!lead) return std::nullopt;
    out.value = *lead;
    return out;
  }

  // Digit sequences (二〇二四): every character a digit.
  if (!lead) {
    bool all_digits = cps.size() > 1;
    for (char32_t c : cps) all_digits = all_digits && chinese_digit(c) >= 0;
    if (all_digits) {
      std::string ascii;
      for (char32_t c : cps) ascii.push_back(static_cast<char>('0' + chinese_digit(c)));
      auto v = parse_arabic(ascii);
      if (!v) return std::nullopt;
      out.value = *v;
      out.digit_sequence = true;
      return out;
    }
  }

  // Positional numerals. `high` holds the part at or above the last big unit
  // (万/亿/兆) seen, `section` the part below it (< 10^4), `digit` a digit that
  // waits for its unit. A digit after a unit with nothing between (三千五)
  // takes the next lower unit, as people read it.
  std::optional<Decimal> high = Decimal();
  std::optional<Decimal> section = Decimal();
  std::optional<Decimal> digit = lead;  // an Arabic lead acts as a digit
  bool digit_is_arabic = lead.has_value();
  int last_unit_power = -1;  // power of the unit just before, or -1
  int section_floor = 0;     // the lowest small unit used in this section
  int big_power_in_high = 1 << 30;
  bool after_zero = false;
  for (; i < cps.size(); ++i) {
    const char32_t c = cps[i];
    const int d = chinese_digit(c);
    const int p = chinese_unit_power(c);
    if (d >= 0) {
      if (digit && !(after_zero)) return std::nullopt;  // 三三: two digits in a row
      if (d == 0) {
        after_zero = true;
        digit.reset();
        last_unit_power = -1;
        continue;
      }
      digit = Decimal::from_int(d);
      digit_is_arabic = false;
      after_zero = false;
      continue;
    }
    if (p == 0) return std::nullopt;  // not a numeral character
    out.has_unit = true;
    after_zero = false;
    if (p < 4) {
      // 十 may stand alone (十五 = 15); 百/千 too at the start (百万, 千万).
      if (!digit) {
        if (!section->is_zero() && p != 1) return std::nullopt;  // 三百千
        digit = Decimal::from_int(1);
      }
      if (!section->is_zero() && section_floor <= p) return std::nullopt;  // 三十五十
      section = add(section, scaled(digit, p));
      section_floor = p;
      digit.reset();
      last_unit_power = p;
    } else {
      // 万 / 亿 / 兆 multiply everything of lower order written before them.
      std::optional<Decimal> part = add(section, digit ? digit : std::optional<Decimal>(Decimal()));
      if (!part) return std::nullopt;
      if (part->is_zero()) {
        // 亿万 / 万亿: a big unit right after a big unit multiplies (1.4万亿).
        if (last_unit_power < 4) return std::nullopt;  // 万一, 亿 alone
        high = scaled(high, p);
      } else if (p >= big_power_in_high) {
        // 一亿二千万 then 亿 again: the whole so far is multiplied.
        high = scaled(add(high, part), p);
      } else {
        high = add(high, scaled(part, p));
      }
      if (!high) return std::nullopt;
      big_power_in_high = p;
      section = Decimal();
      section_floor = 0;
      digit.reset();
      last_unit_power = p;
    }
  }
  if (digit) {
    // 三千五 = 3500, 一万五 = 15000: a final digit right after a unit.
    int power = 0;
    if (last_unit_power > 0 && !digit_is_arabic) power = last_unit_power - 1;
    section = add(section, scaled(digit, power));
  }
  auto total = add(high, section);
  if (!total) return std::nullopt;
  out.value = *total;
  return out;
}

}  // namespace internal
}  // namespace zhpolicy
