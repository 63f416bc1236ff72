#include "numbers/dates.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "numbers/numeral.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

constexpr char kY[] = "(1\\d{3}|20\\d{2})";
constexpr char kM[] = "(1[0-2]|0?[1-9])";
constexpr char kD[] = "(3[01]|[12]\\d|0?[1-9])";
constexpr char kH[] = "([01]?\\d|2[0-3])";
constexpr char kMin[] = "([0-5]\\d)";

RE2::Options longest() {
  RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  return o;
}

std::string cat(std::initializer_list<std::string> parts) {
  std::string s;
  for (const auto& p : parts) s += p;
  return s;
}

// Each shape has fixed groups: year, month, day, hour, minute (absent ones
// are empty groups in the pattern, so every RE2 has five).
struct Shape {
  std::unique_ptr<RE2> re;
  NumberKind kind;
  // What follows the first run of digits in every match: "-", "/" or ".",
  // "年" ...; a position is tried only on the shapes its separator fits.
  std::vector<std::string_view> separators;

  bool fits(std::string_view after) const {
    for (std::string_view sep : separators) {
      if (after.substr(0, sep.size()) == sep) return true;
    }
    return false;
  }
};

const std::vector<Shape>& shapes() {
  static const std::vector<Shape>* s = [] {
    const std::string y = kY, m = kM, d = kD, h = kH, mi = kMin, none = "()";
    auto* v = new std::vector<Shape>();
    auto add = [&](const std::string& pattern, NumberKind kind, std::vector<std::string_view> separators) {
      v->push_back({std::make_unique<RE2>(pattern, longest()), kind, std::move(separators)});
    };
    add(cat({y, "-", m, "-", d, "(?:[ T]", h, ":", mi, "(?::[0-5]\\d)?)?"}), NumberKind::kDate, {"-"});
    add(cat({y, "[/.]", m, "[/.]", d, none, none}), NumberKind::kDate, {"/", "."});
    // (Older typesetting puts a space before 年: 1980 年.)
    add(cat({y, " ?年(?:", m, "月(?:", d, "[日号])?)?", none, none}), NumberKind::kDate, {"年", " 年"});
    // A year of two digits (the century not written: XX98, EDTF's
    // unspecified digits, as the decades' XX8X) before a month (98年5月), or
    // alone when it opens with 0 (03年): a count of years has no leading
    // zero, and 12年 alone is as often twelve years.
    add(cat({"(\\d{2})年", m, "月(?:", d, "[日号])?", none, none}), NumberKind::kDate, {"年"});
    add(cat({"(0\\d)年", none, none, none, none}), NumberKind::kDate, {"年"});
    add(cat({none, m, "月(?:", d, "[日号])?", none, none}), NumberKind::kDate, {"月"});
    add(cat({none, none, d, "日", none, none}), NumberKind::kDate, {"日"});
    add(cat({none, none, none, h, ":", mi, "(?::[0-5]\\d)?"}), NumberKind::kTime, {":"});
    add(cat({none, none, none, h, "时(?:", mi, "分(?:[0-5]?\\d秒)?)?"}), NumberKind::kTime, {"时"});
    return v;
  }();
  return *s;
}

int to_int(const re2::StringPiece& s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// ":SS" when a match goes on past its minutes to seconds (12:30:45,
// 12时30分45秒), else "".
std::string seconds_written(const re2::StringPiece& match, const re2::StringPiece& minutes) {
  if (minutes.empty()) return "";
  const std::string_view rest(minutes.data() + minutes.size(), match.data() + match.size() - (minutes.data() + minutes.size()));
  std::string_view digits;
  if (rest.size() == 3 && rest[0] == ':') {
    digits = rest.substr(1);  // :45
  } else if (rest.size() > 6 && rest.substr(rest.size() - 3) == "秒") {
    digits = rest.substr(3, rest.size() - 6);  // 分45秒
  } else {
    return "";
  }
  return (digits.size() == 1 ? ":0" : ":") + std::string(digits);
}

// The code points from text[pos] on, at most `max`, with the byte offset
// after each: a Chinese date is read char by char.
struct Chars {
  char32_t cp[16];
  size_t end[16];  // byte offset after cp[k]
  size_t count = 0;

  Chars(std::string_view text, size_t pos, size_t max) {
    for (size_t at = pos, len; at < text.size() && count < std::min<size_t>(max, 16); at += len) {
      const char32_t c = utf8::decode(text, at, len);
      if (c == utf8::kInvalid) break;
      cp[count] = c;
      end[count++] = at + len;
    }
  }
  char32_t at(size_t k) const { return k < count ? cp[k] : 0; }
};

// A digit of a date: 一 to 九 (两 counts things, 两月 is no month).
int date_digit(char32_t c) { return c == U'两' ? -1 : chinese_digit(c); }

// A numeral from 1 to `max_tens`9 at chars[k]: 五, 十, 十二, 二十, 三十一
// (days: tens up to 3; minutes: up to 5, 四十五). Its value and length in
// chars, or {0, 0}.
std::pair<int, size_t> small_numeral(const Chars& chars, size_t k, int max_tens = 3) {
  const int first = date_digit(chars.at(k));
  // 廿, 卅: the tens in one character (廿一日, 卅日).
  if (const int tens = chinese_tens(chars.at(k)); tens > 0 && tens <= max_tens) {
    const int ones = date_digit(chars.at(k + 1));
    return ones > 0 ? std::pair<int, size_t>{tens * 10 + ones, 2} : std::pair<int, size_t>{tens * 10, 1};
  }
  if (chars.at(k) == U'十') {
    const int ones = date_digit(chars.at(k + 1));
    return ones > 0 ? std::pair<int, size_t>{10 + ones, 2} : std::pair<int, size_t>{10, 1};
  }
  if (first <= 0) return {0, 0};
  if (chars.at(k + 1) != U'十') return {first, 1};
  if (first > max_tens) return {0, 0};
  const int ones = date_digit(chars.at(k + 2));
  return ones > 0 ? std::pair<int, size_t>{first * 10 + ones, 3} : std::pair<int, size_t>{first * 10, 2};
}

// The longest date in Chinese numerals starting at text[pos]: a year
// written digit by digit (一九五四年, 二〇二四年), a month 一 to 十二 and a
// day 一 to 三十一 (日 or 号), as 一九五四年七月二十五日, 十月一日, 七月. A day
// alone needs two characters or more (二十五日; 五日 is as often five days)
// and is none before 内 (三十日内: a time limit).
std::optional<DateMatch> match_chinese_date(std::string_view text, size_t pos) {
  const Chars c(text, pos, 14);
  size_t k = 0;
  int year = -1, month = 0, day = 0;
  bool short_year = false;  // two digits: the century not written (九八年: XX98)
  if (c.count >= 5 && c.at(4) == U'年') {
    int y = 0;
    for (size_t i = 0; i < 4 && y >= 0; ++i) {
      const int d = date_digit(c.at(i));
      y = d < 0 ? -1 : y * 10 + d;
    }
    if (y >= 0) {
      year = y;
      k = 5;
    }
  } else if (const int a = date_digit(c.at(0)), b = date_digit(c.at(1)); a >= 0 && b >= 0 && c.at(2) == U'年') {
    // Digit by digit, two digits are a year (九八年, 〇三年, 二五年) unless
    // they say "a few" (三四年, 七八年: one and the next; 三五年) and no
    // month follows (八九年六月 is a date).
    const bool few = a > 0 && (b == a + 1 || (a == 3 && b == 5));
    const auto [month_after, month_len] = small_numeral(c, 3);
    if (!few || (month_after >= 1 && month_after <= 12 && c.at(3 + month_len) == U'月')) {
      year = a * 10 + b;
      short_year = true;
      k = 3;
    }
  }
  if (const auto [m, len] = small_numeral(c, k); m >= 1 && m <= 12 && c.at(k + len) == U'月') {
    month = m;
    k += len + 1;
  }
  bool day_has_tens = false;  // 二十五, 十五, 廿: the day names its tens
  if (const auto [d, len] = small_numeral(c, k); d >= 1 && d <= 31 && (c.at(k + len) == U'日' || c.at(k + len) == U'号')) {
    day = d;
    day_has_tens = len >= 2 || chinese_tens(c.at(k)) != 0;
    k += len + 1;
  }
  if (year < 0 && month == 0) {
    // A day alone: 二十五日, 廿日, not 五日 (five days) nor 三十日内 (within thirty days).
    if (day == 0 || !day_has_tens || c.at(k) == U'内' || (c.at(k) == U'以' && c.at(k + 1) == U'内')) return std::nullopt;
  }
  if (k == 0) return std::nullopt;
  char buf[24];
  std::string iso;
  if (year >= 0) {
    std::snprintf(buf, sizeof buf, short_year ? "XX%02d" : "%04d", year);
    iso = buf;
  }
  if (month) {
    std::snprintf(buf, sizeof buf, "%s-%02d", year >= 0 ? "" : "-", month);
    iso += buf;
  }
  if (day) {
    std::snprintf(buf, sizeof buf, "%s-%02d", (year >= 0 || month) ? "" : "--", day);
    iso += buf;
  }
  return DateMatch{c.end[k - 1] - pos, NumberKind::kDate, std::move(iso)};
}

// A time of day by the clock starting at text[pos], in either script:
// 9点30分, 三点半, 十点整, 八点钟, 九时三十分, 24时; 点 alone (两点, 三点五) is
// a time only after a part of the day (上午, 下午, 晚上 ...), which also
// turns 下午三点 into 15:00.
std::optional<DateMatch> match_clock_time(std::string_view text, size_t pos) {
  const Chars c(text, pos, 14);
  // An hour: one or two Arabic digits, or 零 to 二十四 in Chinese.
  auto number = [&](size_t k, int max) -> std::pair<int, size_t> {
    if (c.at(k) >= U'0' && c.at(k) <= U'9') {
      int v = 0;
      size_t n = 0;
      while (n < 2 && c.at(k + n) >= U'0' && c.at(k + n) <= U'9') v = v * 10 + static_cast<int>(c.at(k + n++) - U'0');
      if (c.at(k + n) >= U'0' && c.at(k + n) <= U'9') return {-1, 0};
      return v <= max ? std::pair<int, size_t>{v, n} : std::pair<int, size_t>{-1, 0};
    }
    if (c.at(k) == U'零') return {0, 1};
    if (c.at(k) == U'两' && k == 0) return {2, 1};  // 两点: two o'clock (a count without a part of the day)
    const auto [v, n] = small_numeral(c, k, max / 10);
    return n && v <= max ? std::pair<int, size_t>{v, n} : std::pair<int, size_t>{-1, 0};
  };
  // Minutes and seconds under ten are written with 零 (十一点零五分).
  auto sixtieths = [&](size_t k) -> std::pair<int, size_t> {
    if (const int digit = date_digit(c.at(k + 1)); c.at(k) == U'零' && digit > 0 && c.at(k + 2) != U'十') {
      return {digit, 2};
    }
    return number(k, 59);
  };
  const auto [hour, hour_len] = number(0, 24);
  if (hour < 0 || hour_len == 0) return std::nullopt;
  size_t k = hour_len;
  const bool dot = c.at(k) == U'点';
  if (!dot && c.at(k) != U'时') return std::nullopt;
  ++k;
  int minute = 0, second = -1;
  bool exact = false;  // minutes, 半, 整 or 钟 say it is a time
  if (const auto [m, len] = sixtieths(k); m >= 0 && len && c.at(k + len) == U'分') {
    minute = m;
    k += len + 1;
    exact = true;
    if (const auto [sec, sec_len] = sixtieths(k); sec >= 0 && sec_len && c.at(k + sec_len) == U'秒') {
      second = sec;  // 12时30分45秒
      k += sec_len + 1;
    }
  } else if (c.at(k) == U'半') {
    minute = 30;
    ++k;
    exact = true;
  } else if ((c.at(k) == U'一' || c.at(k) == U'三') && c.at(k + 1) == U'刻' && dot) {
    minute = c.at(k) == U'一' ? 15 : 45;  // 三点一刻, 三点三刻: quarters of an hour
    k += 2;
    exact = true;
  } else if (c.at(k) == U'整' || (dot && c.at(k) == U'钟')) {
    ++k;
    exact = true;
  }
  // The part of the day written before: afternoon and evening hours are
  // counted from noon.
  auto before = [&](std::string_view word) {
    return pos >= word.size() && text.compare(pos - word.size(), word.size(), word) == 0;
  };
  bool day_part = false, after_noon = false;
  for (std::string_view w : {"上午", "早上", "凌晨", "清晨", "中午"}) day_part = day_part || before(w);
  for (std::string_view w : {"下午", "晚上", "傍晚", "夜里", "晚"}) after_noon = after_noon || before(w);
  // 两点 (two points) and 一时 (for a while) are no times; 24时 is.
  const bool arabic = c.at(0) >= U'0' && c.at(0) <= U'9';
  if (!exact && !day_part && !after_noon && (dot || !arabic)) return std::nullopt;
  if (hour == 24 && minute != 0) return std::nullopt;
  const int h = after_noon && hour < 12 ? hour + 12 : hour;
  char buf[40];  // room for any int, so no compiler sees a truncation
  if (second >= 0) {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", h, minute, second);
  } else {
    std::snprintf(buf, sizeof buf, "%02d:%02d", h, minute);
  }
  return DateMatch{c.end[k - 1] - pos, NumberKind::kTime, buf};
}

// A decade starting at text[pos]: 八十年代, 90年代 (XX8X, XX9X: the century
// is not written), 二十世纪八十年代, 20世纪90年代, 1990年代 (198X, 199X), and
// two decades together, 五六十年代 (XX5X/XX6X, an ISO 8601 interval).
std::optional<DateMatch> match_decade(std::string_view text, size_t pos) {
  const Chars c(text, pos, 12);
  size_t k = 0;
  // The century, when written: 二十世纪, 20世纪 (the 1900s: "19").
  int century = -1;
  auto arabic = [&](size_t i) { return c.at(i) >= U'0' && c.at(i) <= U'9' ? static_cast<int>(c.at(i) - U'0') : -1; };
  {
    int value = 0;
    size_t len = 0;
    if (arabic(0) >= 0) {
      while (len < 2 && arabic(len) >= 0) value = value * 10 + arabic(len++);
    } else {
      std::tie(value, len) = small_numeral(c, 0);
    }
    if (len && value >= 1 && value <= 21 && c.at(len) == U'世' && c.at(len + 1) == U'纪') {
      century = value - 1;
      k = len + 2;
    }
  }
  // The decade (or two in a row): 八十, 五六十, 90, 1990.
  int first = -1, last = -1;
  if (arabic(k) >= 0) {
    size_t n = 0;
    int value = 0;
    while (n < 4 && arabic(k + n) >= 0) value = value * 10 + arabic(k + n++);
    if ((n != 2 && n != 4) || value % 10 != 0 || arabic(k + n) >= 0) return std::nullopt;
    if (n == 4) {
      if (century >= 0) return std::nullopt;
      century = value / 100;
    }
    first = last = value / 10 % 10;
    k += n;
  } else if (c.at(k) == U'十') {
    first = last = 1;
    k += 1;
  } else if (auto zero = [](char32_t x) { return x == U'〇' || x == U'零'; };
             century < 0 && date_digit(c.at(k)) > 0 && zero(c.at(k + 3)) &&
             (zero(c.at(k + 1)) || date_digit(c.at(k + 1)) > 0) && (zero(c.at(k + 2)) || date_digit(c.at(k + 2)) > 0)) {
    // A year written digit by digit (一九八〇年代, 二〇二〇年代): its decade.
    century = date_digit(c.at(k)) * 10 + (zero(c.at(k + 1)) ? 0 : date_digit(c.at(k + 1)));
    first = last = zero(c.at(k + 2)) ? 0 : date_digit(c.at(k + 2));
    k += 4;
  } else {
    const int a = date_digit(c.at(k)), b = date_digit(c.at(k + 1));
    if (a <= 0) return std::nullopt;
    if (b == a + 1 && c.at(k + 2) == U'十') {
      first = a;
      last = b;
      k += 3;
    } else if (c.at(k + 1) == U'十') {
      first = last = a;
      k += 2;
    } else {
      return std::nullopt;
    }
  }
  if (c.at(k) != U'年' || c.at(k + 1) != U'代') return std::nullopt;
  k += 2;
  char buf[40];  // room for any int, so no compiler sees a truncation
  auto decade = [&](int d) {
    if (century >= 0) {
      std::snprintf(buf, sizeof buf, "%02d%dX", century, d);
    } else {
      std::snprintf(buf, sizeof buf, "XX%dX", d);
    }
    return std::string(buf);
  };
  std::string iso = decade(first);
  if (last != first) iso += "/" + decade(last);
  return DateMatch{c.end[k - 1] - pos, NumberKind::kDate, std::move(iso)};
}

}  // namespace

std::optional<DateMatch> match_date(std::string_view text, size_t pos) {
  // Every shape has one of 年 月 日 时 - / . : right after its first digits
  // (Shape::separators); most numbers have none, and need no regex at all.
  size_t d = pos;
  while (d < text.size() && d - pos < 5 && text[d] >= '0' && text[d] <= '9') ++d;
  if (d == pos || d >= text.size()) return std::nullopt;
  const std::string_view after = text.substr(d, 4);
  const size_t end = std::min(text.size(), pos + 48);
  const re2::StringPiece input(text.data(), end);
  std::optional<DateMatch> best;
  for (const Shape& shape : shapes()) {
    if (!shape.fits(after)) continue;
    re2::StringPiece g[6];
    if (!shape.re->Match(input, pos, end, RE2::ANCHOR_START, g, 6)) continue;
    if (best && g[0].size() <= best->length) continue;
    // A match never cuts a run of digits: 1:1000 is a scale, not 01:10 and 00.
    const size_t after_match = static_cast<size_t>(g[0].data() - text.data()) + g[0].size();
    auto digit = [&](size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
    if (digit(after_match) && digit(after_match - 1)) {
      continue;
    }
    char buf[40];
    std::string iso;
    const bool year = !g[1].empty(), month = !g[2].empty(), day = !g[3].empty(), hour = !g[4].empty();
    if (shape.kind == NumberKind::kTime) {
      std::snprintf(buf, sizeof buf, "%02d:%02d", to_int(g[4]), g[5].empty() ? 0 : to_int(g[5]));
      iso = buf;
      iso += seconds_written(g[0], g[5]);
    } else {
      // ISO 8601 with omitted parts: --MM-DD (no year), ---DD (day only).
      if (year) iso = (g[1].size() == 2 ? "XX" : "") + std::string(g[1].data(), g[1].size());
      if (month) {
        std::snprintf(buf, sizeof buf, "%s-%02d", year ? "" : "-", to_int(g[2]));
        iso += buf;
      }
      if (day) {
        std::snprintf(buf, sizeof buf, "%s-%02d", (year || month) ? "" : "--", to_int(g[3]));
        iso += buf;
      }
      if (hour) {
        std::snprintf(buf, sizeof buf, "T%02d:%02d", to_int(g[4]), to_int(g[5]));
        iso += buf;
        iso += seconds_written(g[0], g[5]);
      }
    }
    best = DateMatch{g[0].size(), shape.kind, std::move(iso)};
  }
  return best;
}

// A year of any size after the era's name (公元221年, 公元前221年, 公元前二百
// 二十一年), in either script: years before Christ as ISO 8601 numbers
// them (astronomical: 1 BC is 0000, 221 BC is -0220).
std::optional<DateMatch> match_era_year(std::string_view text, size_t pos) {
  auto after = [&](std::string_view era) {
    return pos >= era.size() && text.compare(pos - era.size(), era.size(), era) == 0;
  };
  const bool bc = after("公元前");
  if (!bc && !after("公元")) return std::nullopt;
  std::u32string numeral;
  size_t q = pos, len = 0;
  for (; q < text.size() && numeral.size() < 12; q += len) {
    const char32_t c = utf8::decode(text, q, len);
    if (c == U'年') break;
    numeral.push_back(c);
  }
  if (numeral.empty() || q >= text.size() || utf8::decode(text, q, len) != U'年') return std::nullopt;
  size_t next_len = 0;
  if (q + len < text.size() && utf8::decode(text, q + len, next_len) == U'代') return std::nullopt;  // a decade
  // Either script, digit by digit or with scales (221, 二二一, 二百二十一).
  const auto parsed = parse_chinese_numeral(numeral);
  if (!parsed || parsed->more || !parsed->value.is_integer()) return std::nullopt;
  const double year = parsed->value.to_double();
  if (year < 1 || year > 9999) return std::nullopt;
  char buf[32];
  if (bc) {
    std::snprintf(buf, sizeof buf, year == 1 ? "%04d" : "-%04d", static_cast<int>(year) - 1);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", static_cast<int>(year));
  }
  return DateMatch{q + len - pos, NumberKind::kDate, buf};
}

std::optional<DateMatch> match_date_or_time(std::string_view text, size_t pos) {
  if (auto era = match_era_year(text, pos)) return era;
  // The character after the first digits (at most eight are looked at: a
  // longer run is no date, and the scan must not grow with a run of digits
  // cut into many candidates).
  const bool arabic = pos < text.size() && text[pos] >= '0' && text[pos] <= '9';
  size_t q = pos, len = 0;
  char32_t after = 0;
  for (int digits = 0;; ++digits, q += len) {
    after = q < text.size() ? utf8::decode(text, q, len) : 0;
    if (!((after >= U'0' && after <= U'9') || chinese_digit(after) >= 0 || after == U'十' ||
          (digits == 0 && chinese_tens(after) != 0))) {
      break;
    }
    if (digits == 8) return std::nullopt;
  }
  const std::u32string_view marks = arabic ? U"年月日号世点时-/.:" : U"年月日号世点时";
  const bool spaced_year = arabic && after == U' ' && text.compare(q + 1, 3, "年") == 0;  // 1980 年
  if (marks.find(after) == std::u32string_view::npos && !spaced_year) return std::nullopt;
  auto date = match_decade(text, pos);  // 1990年代 is no year 1990
  if (!date) date = arabic ? match_date(text, pos) : match_chinese_date(text, pos);
  if (!date) date = match_clock_time(text, pos);
  return date;
}

}  // namespace internal
}  // namespace zhpolicy
