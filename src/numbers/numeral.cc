#include "numbers/numeral.h"

#include <boost/container/small_vector.hpp>

#include <string>

namespace zhpolicy {
namespace internal {

int chinese_digit(char32_t c) {
  switch (c) {
    // ○ (a white circle) stands for 〇 in much typeset text: 二○三五年.
    case U'零': case U'〇': case U'○': return 0;
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

int chinese_tens(char32_t c) {
  switch (c) {
    case U'廿': case U'卄': return 2;
    case U'卅': return 3;
    case U'卌': return 4;
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

bool is_ascii_number_char(char32_t c) { return (c >= U'0' && c <= U'9') || c == U'.' || c == U','; }

// One part of a numeral: a digit (Chinese, or an Arabic number of any
// length), a scale character, or a zero.
struct Part {
  enum Kind { kDigit, kScale, kZero } kind;
  Decimal value;       // kDigit
  int power = 0;       // kScale
  bool arabic = false;  // kDigit written in Arabic
  bool single = true;   // kDigit of one character
};

using Parts = boost::container::small_vector<Part, 24>;

// Splits cps into parts; false on a character that is no part of a numeral.
bool split(std::u32string_view cps, Parts& parts) {
  for (size_t i = 0; i < cps.size();) {
    const char32_t c = cps[i];
    if (is_ascii_number_char(c)) {
      std::string ascii;
      size_t j = i;
      while (j < cps.size() && is_ascii_number_char(cps[j])) ascii.push_back(static_cast<char>(cps[j++]));
      const auto v = parse_arabic(ascii);
      if (!v) return false;
      parts.push_back({Part::kDigit, *v, 0, true, j - i == 1});
      i = j;
      continue;
    }
    const int d = chinese_digit(c);
    if (d == 0) {
      parts.push_back({Part::kZero, Decimal(), 0, false, true});
    } else if (d > 0) {
      parts.push_back({Part::kDigit, Decimal::from_int(d), 0, false, true});
    } else if (const int p = chinese_unit_power(c)) {
      parts.push_back({Part::kScale, Decimal(), p, false, true});
    } else if (const int tens = chinese_tens(c)) {
      // 廿一 = 二十一: the digit and its 十 (written only at a numeral's start).
      if (i != 0) return false;
      parts.push_back({Part::kDigit, Decimal::from_int(tens), 0, false, true});
      parts.push_back({Part::kScale, Decimal(), 1, false, true});
    } else {
      return false;
    }
    ++i;
  }
  return !parts.empty();
}

// The positional reading of parts (no 点, 多). Big scales (万, 亿, 兆) close
// terms, kept with their powers in decreasing order: 三千万亿零七亿 is
// 3000·10^12 + 7·10^8. A big scale right after another one compounds it
// (万亿 = 10^12, 10万万 = 10^9); a bigger one than the terms before it
// multiplies them too (两万三千亿 = 23000·10^8). Below 万, `section` sums
// digit·10^p (p < 4) and `digit` waits for its scale; a lone digit right
// after a scale (三千五, 一万五) takes the next lower power, as people read it.
std::optional<ParsedNumeral> positional(const Parts& parts) {
  ParsedNumeral out;
  // Digit sequences (二〇二四): every part a single Chinese digit or zero.
  if (parts.size() > 1) {
    bool all_digits = true;
    for (const Part& p : parts) all_digits = all_digits && p.kind != Part::kScale && !p.arabic;
    if (all_digits) {
      std::string ascii;
      for (const Part& p : parts) ascii += p.kind == Part::kZero ? "0" : p.value.to_string();
      auto v = parse_arabic(ascii);
      if (!v) return std::nullopt;
      out.value = *v;
      out.digit_sequence = true;
      return out;
    }
  }
  struct Term {
    Decimal value;
    int power;
  };
  boost::container::small_vector<Term, 6> terms;
  std::optional<Decimal> section = Decimal();
  std::optional<Decimal> digit;
  bool digit_reads_lower = false;  // a lone digit after a scale: 三千五, 1万5
  int last_power = -1;             // power of the scale just before, or -1
  int section_floor = 0;           // the lowest small scale used in this section
  bool after_zero = false;
  for (const Part& part : parts) {
    if (part.kind == Part::kZero) {
      if (digit) return std::nullopt;  // 三零: a digit needs its scale first
      after_zero = true;
      last_power = -1;
      continue;
    }
    if (part.kind == Part::kDigit) {
      if (digit) return std::nullopt;  // 三三: two digits in a row
      digit = part.value;
      digit_reads_lower = part.single && last_power > 0 && !after_zero;
      after_zero = false;
      continue;
    }
    const int p = part.power;
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
      if (!section) return std::nullopt;
      section_floor = p;
    } else {
      std::optional<Decimal> v = add(section, digit ? digit : std::optional<Decimal>(Decimal()));
      if (!v) return std::nullopt;
      if (v->is_zero()) {
        // 万亿, 10万万: compounds the term just closed (万一, 亿 alone: none);
        // never by a smaller scale (亿万人民 is a multitude, 5亿万 no number).
        if (last_power < 4 || terms.empty() || p < last_power) return std::nullopt;
        terms.back().power += p;
        if (terms.size() > 1 && terms[terms.size() - 2].power <= terms.back().power) return std::nullopt;
      } else {
        // 两万三千亿: the terms below p join this one.
        while (!terms.empty() && terms.back().power < p) {
          v = add(v, scaled(terms.back().value, terms.back().power));
          terms.pop_back();
          if (!v) return std::nullopt;
        }
        if (!terms.empty() && terms.back().power == p) return std::nullopt;  // 一万一万
        terms.push_back({*v, p});
      }
      section = Decimal();
      section_floor = 0;
    }
    digit.reset();
    last_power = p;
  }
  if (digit) {
    // 三千五 = 3500, 一万五 = 15000: a final lone digit right after a scale.
    section = add(section, scaled(digit, digit_reads_lower ? last_power - 1 : 0));
  }
  std::optional<Decimal> total = section;
  for (const Term& t : terms) total = add(total, scaled(t.value, t.power));
  if (!total) return std::nullopt;
  out.value = *total;
  return out;
}

}  // namespace

std::optional<ParsedNumeral> parse_chinese_numeral(std::u32string_view in) {
  // One digit character (一, 三, 五): most numerals of running text.
  if (in.size() == 1 && chinese_digit(in[0]) > 0) {
    ParsedNumeral out;
    out.value = Decimal::from_int(chinese_digit(in[0]));
    return out;
  }
  // Spaces between the parts are not part of the value (7 万5 千4 百).
  boost::container::small_vector<char32_t, 32> cps;
  for (char32_t c : in) {
    if (c != U' ') cps.push_back(c);
  }
  if (cps.empty()) return std::nullopt;
  const std::u32string_view all(cps.data(), cps.size());
  if (all == U"半") {  // a half (the extractor takes 半 alone only before a span of time: 半年)
    ParsedNumeral out;
    out.value = *Decimal::parse("0.5");
    return out;
  }
  if (all == U"半百") {  // half a hundred (年过半百)
    ParsedNumeral out;
    out.value = Decimal::from_int(50);
    out.has_unit = true;
    return out;
  }

  // 多/余/几 ("and some"): before scale characters only, or at the end, after
  // a scale or a number; read as the numeral without it, a lower bound.
  bool more = false;
  for (size_t i = 0; i < all.size(); ++i) {
    if (!is_more_char(all[i])) continue;
    if (more || i == 0) return std::nullopt;
    for (size_t j = i + 1; j < all.size(); ++j) {
      if (chinese_unit_power(all[j]) == 0) return std::nullopt;
    }
    more = true;
    cps.erase(cps.begin() + static_cast<std::ptrdiff_t>(i));
    break;
  }
  const std::u32string_view s(cps.data(), cps.size());

  // A decimal part after 点: digits, then only scale characters (三点五万).
  const size_t point = s.find(U'点');
  if (point != std::u32string_view::npos) {
    if (point == 0 || point + 1 >= s.size()) return std::nullopt;
    auto whole = parse_chinese_numeral(s.substr(0, point));
    if (!whole || whole->value.negative() || !whole->value.is_integer()) return std::nullopt;
    std::string fraction;
    size_t i = point + 1;
    for (; i < s.size(); ++i) {
      const int d = chinese_digit(s[i]);
      if (d >= 0) {
        fraction.push_back(static_cast<char>('0' + d));
      } else if (s[i] >= U'0' && s[i] <= U'9') {
        fraction.push_back(static_cast<char>(s[i]));
      } else {
        break;
      }
    }
    if (fraction.empty()) return std::nullopt;
    int power = 0;
    for (; i < s.size(); ++i) {
      const int p = chinese_unit_power(s[i]);
      if (p == 0) return std::nullopt;
      power += p;
    }
    auto value = Decimal::parse(whole->value.to_string() + "." + fraction);
    if (value) value = value->times_pow10(power);
    if (!value) return std::nullopt;
    ParsedNumeral out;
    out.value = *value;
    out.has_unit = whole->has_unit || power > 0;
    out.more = more;
    return out;
  }

  Parts parts;
  if (!split(s, parts)) return std::nullopt;
  auto out = positional(parts);
  if (!out) return std::nullopt;
  if (more && out->digit_sequence) return std::nullopt;
  out->more = more;
  return out;
}

}  // namespace internal
}  // namespace zhpolicy
