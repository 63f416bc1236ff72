// Number extraction: a byte scan finds numeral cores in the normalized text; the
// context around each core (prefix 第, qualifiers, ranges, units, quotes,
// names) decides whether it is a number and of which kind.
#include "numbers/extractor_impl.h"

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <array>
#include <bitset>
#include <iterator>

#include "lexicon/lexicon_data.h"
#include "segment/char_class.h"
#include "numbers/dates.h"
#include "numbers/numeral.h"
#include "numbers/units.h"
#include "util/parallel.h"
#include "zhpolicy/text.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {

// Regions where numerals are not numbers (《titles》, “slogans”), and quoted
// digit strings (“11241”) that are programme codes. Both are asked at every
// candidate: after finish() they are sorted (skip merged into disjoint
// spans) and answered by binary search, so a long text with thousands of
// quotes costs no more per candidate than a line.
struct NumberRegions {
  std::vector<ByteSpan> skip;
  std::vector<ByteSpan> codes;
  void finish() {
    auto by_begin = [](const ByteSpan& a, const ByteSpan& b) { return a.begin < b.begin; };
    std::sort(skip.begin(), skip.end(), by_begin);
    size_t kept = 0;
    for (const ByteSpan& r : skip) {
      if (kept > 0 && r.begin <= skip[kept - 1].end) {
        skip[kept - 1].end = std::max(skip[kept - 1].end, r.end);
      } else {
        skip[kept++] = r;
      }
    }
    skip.resize(kept);
    std::sort(codes.begin(), codes.end(), by_begin);
  }
  bool skipped(size_t pos) const {
    // The last span starting at or before pos.
    auto it = std::upper_bound(skip.begin(), skip.end(), pos, [](size_t p, const ByteSpan& r) { return p < r.begin; });
    return it != skip.begin() && pos < std::prev(it)->end;
  }
  // The code starting at pos, or nullptr.
  const ByteSpan* code_at(size_t pos) const {
    auto it = std::lower_bound(codes.begin(), codes.end(), pos, [](const ByteSpan& r, size_t p) { return r.begin < p; });
    return it != codes.end() && it->begin == pos ? &*it : nullptr;
  }
};

namespace {

// These run many times per candidate: the first (last) byte test avoids most
// memcmp calls.
bool starts_with(std::string_view s, size_t pos, std::string_view p) {
  return s.size() >= pos + p.size() && !p.empty() && s[pos] == p[0] &&
         s.compare(pos, p.size(), p) == 0;
}
bool ends_with_at(std::string_view s, size_t end, std::string_view p) {
  return end >= p.size() && !p.empty() && end <= s.size() && s[end - 1] == p.back() &&
         s.compare(end - p.size(), p.size(), p) == 0;
}
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// The code point ending at byte `end` (and its start), or 0 at the start.
char32_t char_before(std::string_view s, size_t end, size_t* start = nullptr) {
  if (end == 0) return 0;
  size_t b = end - 1;
  while (b > 0 && end - b < 4 && (static_cast<unsigned char>(s[b]) & 0xC0) == 0x80) --b;
  size_t len;
  const char32_t c = utf8::decode(s, b, len);
  if (start) *start = b;
  return (b + len == end) ? c : 0;
}
char32_t char_at(std::string_view s, size_t pos, size_t* len_out = nullptr) {
  if (pos >= s.size()) return 0;
  size_t len;
  const char32_t c = utf8::decode(s, pos, len);
  if (len_out) *len_out = len;
  return c == utf8::kInvalid ? 0 : c;
}

// Qualifier words, longest first within each list (the gold conventions).
struct QualifierWord {
  std::string_view text;
  Qualifier qualifier;
};
constexpr std::array<QualifierWord, 14> kLeadingQualifiers = {{
    {"不低于", Qualifier::kGe}, {"不少于", Qualifier::kGe}, {"不超过", Qualifier::kLe},
    {"超过", Qualifier::kGt},   {"突破", Qualifier::kGt},   {"大约", Qualifier::kApprox},
    {"不到", Qualifier::kLt},   {"不足", Qualifier::kLt},   {"低于", Qualifier::kLt},
    {"超", Qualifier::kGt},     {"逾", Qualifier::kGt},     {"约", Qualifier::kApprox},
    {"近", Qualifier::kApprox}, {"高于", Qualifier::kGt},
}};
constexpr std::array<QualifierWord, 6> kTrailingQualifiers = {{
    {"左右", Qualifier::kApprox}, {"上下", Qualifier::kApprox}, {"以上", Qualifier::kGe},
    {"以下", Qualifier::kLe},     {"以内", Qualifier::kLe},     {"之内", Qualifier::kLe},
}};
// Range connectors between two numbers: 3至5个, 三到五年, 3-5家, 10%~15%.
constexpr std::array<std::string_view, 6> kRangeWords = {"至", "到", "-", "~", "—", "－"};
// After 次, these make 一次 / 二次 the session number of a meeting.
constexpr std::array<std::string_view, 8> kMeetingWords = {
    "会议", "全会", "全体会议", "常务会议", "常委会", "代表大会", "党代会", "主席会议"};
// Tags of lexicon words that are names or fixed expressions: a numeral at the
// start of such a word is part of the name (两江, 九三学社, 一带一路).
constexpr std::array<std::string_view, 9> kNameTags = {"ns", "nt", "nr", "nrt", "nrfg", "nz", "i", "l", "nw"};
// Tags of words that contain a numeral as an ordinary number (三年, 近三年).
constexpr std::array<std::string_view, 4> kNumeralTags = {"m", "mq", "q", "t"};

template <size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}


NumberRegions find_regions(std::string_view s) {
  NumberRegions r;
  constexpr std::string_view kOpenQuote = "\xE2\x80\x9C", kCloseQuote = "\xE2\x80\x9D";
  constexpr std::string_view kOpenTitle = "《", kCloseTitle = "》";
  // Each opening mark is closed by the first closing mark after it. Opening
  // marks come in order, so that closing mark only moves forward: it is
  // searched again only once an opening mark lies past it (a run of opening
  // marks before one closing mark would otherwise rescan the text for each).
  size_t close = 0;
  bool found = false;
  auto first_close = [&](std::string_view mark, size_t from) {
    if (!found || (close != std::string_view::npos && close < from)) {
      close = s.find(mark, from);
      found = true;
    }
    return close;
  };
  for (size_t pos = s.find(kOpenTitle); pos != std::string_view::npos; pos = s.find(kOpenTitle, pos + 1)) {
    if (first_close(kCloseTitle, pos) == std::string_view::npos) break;
    r.skip.push_back({static_cast<uint32_t>(pos), static_cast<uint32_t>(close)});
  }
  found = false;
  for (size_t pos = s.find(kOpenQuote); pos != std::string_view::npos; pos = s.find(kOpenQuote, pos + 1)) {
    const size_t inner = pos + kOpenQuote.size();
    if (first_close(kCloseQuote, inner) == std::string_view::npos) break;
    const std::string_view quoted = s.substr(inner, close - inner);
    if (!quoted.empty() && quoted.size() <= 8 &&
        std::all_of(quoted.begin(), quoted.end(), is_ascii_digit)) {
      r.codes.push_back({static_cast<uint32_t>(inner), static_cast<uint32_t>(close)});
    } else if (quoted.size() <= 3 * 16) {
      // A short quoted phrase is a slogan or a programme name (“一核三带六园区”,
      // “五张消费名片”): its numerals are part of the name.
      r.skip.push_back({static_cast<uint32_t>(inner), static_cast<uint32_t>(close)});
    }
  }
  r.finish();
  return r;
}

}  // namespace

NumberExtractorImpl::NumberExtractorImpl(Lexicon lexicon)
    : lexicon_(std::move(lexicon)),
      units_(lexicon_.data().base.units_tsv(), "unit table of the lexicon"),
      starts_candidate_() {
  starts_candidate_.set(U'第');
  // Every character that can be part of a Chinese numeral.
  const std::string_view chars = "零〇一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟萬億貳兩";
  for (size_t i = 0, len; i < chars.size(); i += len) starts_candidate_.set(utf8::decode(chars, i, len));
}

size_t NumberExtractorImpl::core_extent(std::string_view s, size_t pos, size_t limit) const {
  limit = std::min(limit, s.size());
  size_t p = pos;
  if (starts_with(s, p, "第") && p + 3 <= limit) p += 3;
  if (p < limit && is_ascii_digit(s[p])) {
    while (p < limit && (is_ascii_digit(s[p]) || s[p] == ',')) ++p;
    if (p + 1 < limit && s[p] == '.' && is_ascii_digit(s[p + 1])) {
      for (++p; p < limit && is_ascii_digit(s[p]);) ++p;
    }
    for (;;) {
      bool scale = false;
      for (std::string_view w : {"十", "百", "千", "万", "亿", "兆"}) {
        if (p + w.size() <= limit && starts_with(s, p, w)) {
          p += w.size();
          scale = true;
          break;
        }
      }
      if (!scale) break;
    }
    return p - pos;
  }
  const size_t first = p;
  // next_can_continue is true for ASCII digits too; the Chinese run takes
  // only three-byte numeral characters.
  while (p + 3 <= limit && static_cast<unsigned char>(s[p]) >= 0x80 && next_can_continue(s, p)) p += 3;
  return p > first ? p - pos : 0;
}

bool NumberExtractorImpl::parse_core(std::string_view s, size_t begin, size_t end, Core& core) const {
  // Arabic groups: cut at the first ',' that is not followed by exactly three
  // digits (a list 3,5 is not 35).
  if (is_ascii_digit(s[begin])) {
    size_t i = begin;
    while (i < end && is_ascii_digit(s[i])) ++i;
    while (i < end && s[i] == ',') {
      if (i + 3 < end + 1 && i + 3 < s.size() + 1 && i + 4 <= end && is_ascii_digit(s[i + 1]) &&
          is_ascii_digit(s[i + 2]) && is_ascii_digit(s[i + 3]) && (i + 4 == end || !is_ascii_digit(s[i + 4]))) {
        i += 4;
      } else {
        end = i;
        break;
      }
    }
    while (end > begin && s[end - 1] == ',') --end;
  }
  boost::container::small_vector<char32_t, 24> cps;
  for (size_t i = begin, len; i < end; i += len) cps.push_back(utf8::decode(s, i, len));
  // Shrink from the right until it parses: 三十五十 -> 三十五.
  while (!cps.empty()) {
    if (auto p = parse_chinese_numeral(std::u32string_view(cps.data(), cps.size()))) {
      core.begin = begin;
      core.parsed = *p;
      core.arabic = is_ascii_digit(s[begin]);
      core.chars = cps.size();
      size_t e = begin;
      for (size_t k = 0, len; k < cps.size(); ++k) {
        utf8::decode(s, e, len);
        e += len;
      }
      core.end = e;
      return true;
    }
    cps.pop_back();
  }
  return false;
}

// Whether the Chinese numeral at s[begin] belongs to a word of the lexicon
// that is a name or fixed expression rather than a count: a word covering it
// that starts before it (统一, 进一步, 门前三包), or a proper-noun word
// starting at it that reaches past the candidate (两江, 九三学社, 二十大).
bool NumberExtractorImpl::numeral_in_name(std::string_view s, size_t begin, size_t candidate_end) const {
  const LexiconData& lex = lexicon_.data();
  size_t starts[4];
  int n_starts = 0;
  starts[n_starts++] = begin;
  for (size_t p = begin; n_starts < 4;) {
    size_t prev = p;
    const char32_t c = char_before(s, p, &prev);
    if (!is_han(c)) break;
    starts[n_starts++] = prev;
    p = prev;
  }
  for (int k = 0; k < n_starts; ++k) {
    const size_t q = starts[k];
    for (const ZplView* view : {lex.overlay ? &*lex.overlay : nullptr, &lex.base}) {
      if (!view) continue;
      const TrieView& trie = view->trie();
      TrieStep step;
      size_t i = q, len = 0;
      bool ok = trie.first(char_at(s, i, &len), step);
      while (ok) {
        i += len;
        if (step.has_term() && i > begin) {
          const format::WordEntry* w = trie.word(step.node);
          const std::string_view tag = w ? view->tag(w->tag) : "";
          const bool entity = w && w->entity != 0;
          if (q < begin && !contains(kNumeralTags, tag)) return true;
          if (q == begin && i > candidate_end && (entity || contains(kNameTags, tag))) return true;
        }
        if (i >= s.size() || !step.has_children()) break;
        const char32_t c = char_at(s, i, &len);
        if (!is_han(c)) break;
        ok = trie.next(step, c, step);
      }
    }
  }
  return false;
}

void NumberExtractorImpl::extract_at(std::string_view s, const NumberRegions& regions, size_t match_begin,
                                     size_t match_end, std::vector<Number>& out, size_t& resume) const {
  const bool ordinal_prefix = starts_with(s, match_begin, "第");
  const size_t numeral_begin = ordinal_prefix ? match_begin + 3 : match_begin;
  resume = match_end;
  if (numeral_begin >= match_end || regions.skipped(numeral_begin)) return;

  // Programme codes: a quoted digit string.
  if (const ByteSpan* code = regions.code_at(numeral_begin)) {
    Number n;
    n.span = *code;
    n.kind = NumberKind::kCode;
    n.iso = std::string(s.substr(code->begin, code->end - code->begin));
    if (auto v = Decimal::parse(n.iso)) n.value = *v;
    out.push_back(std::move(n));
    resume = code->end;
    return;
  }

  const bool arabic_start = is_ascii_digit(s[numeral_begin]);
  if (arabic_start) {
    // Part of a Latin word (COVID-19, 5G) or an identifier (2号楼): not a quantity.
    size_t before_start = match_begin;
    char32_t before = char_before(s, match_begin, &before_start);
    if (before == '-' || before == '.') before = char_before(s, before_start);  // COVID-19, v2.0
    if (before < 0x80 && (is_ascii_alpha(static_cast<char>(before)) || before == '_')) return;
    if (!ordinal_prefix) {
      if (auto date = match_date(s, numeral_begin)) {
        Number n;
        n.span = {static_cast<uint32_t>(numeral_begin), static_cast<uint32_t>(numeral_begin + date->length)};
        n.kind = date->kind;
        n.iso = date->iso;
        for (std::string_view rel : {"去年", "今年", "明年", "前年", "上年", "当年", "同年", "次年", "本月", "上月", "下月"}) {
          if (ends_with_at(s, numeral_begin, rel)) n.relative = true;
        }
        out.push_back(std::move(n));
        resume = n.span.end;
        return;
      }
    }
  }

  Core core;
  if (!parse_core(s, numeral_begin, match_end, core)) return;
  size_t pos = core.end;
  resume = pos;
  if (core.arabic && pos < s.size() && is_ascii_alpha(s[pos])) return;  // 5G, 3D

  Number n;
  n.value = core.parsed.value;
  n.kind = ordinal_prefix ? NumberKind::kOrdinal : NumberKind::kCardinal;
  bool has_unit = false;

  // Negative numbers: a minus sign right before Arabic digits.
  size_t span_begin = ordinal_prefix ? match_begin : numeral_begin;
  if (core.arabic && !ordinal_prefix && span_begin > 0 && s[span_begin - 1] == '-') {
    const char32_t b2 = char_before(s, span_begin - 1);
    if (!(b2 < 0x80 && (is_ascii_digit(static_cast<char>(b2)) || is_ascii_alpha(static_cast<char>(b2))))) {
      n.value = n.value.negated();
      --span_begin;
    }
  }

  // Fractions and percentages in words: 三分之一, 百分之十五, 千分之五.
  if (starts_with(s, pos, "分之")) {
    Core denominator_is_core = core;
    const size_t num_begin = pos + 6;
    size_t num_end = num_begin;
    while (num_end < s.size()) {
      size_t len;
      const char32_t c = char_at(s, num_end, &len);
      if (chinese_digit(c) < 0 && chinese_unit_power(c) == 0 && !(c == U'.' || (c >= U'0' && c <= U'9'))) break;
      num_end += len;
    }
    Core numerator;
    if (num_end > num_begin && parse_core(s, num_begin, num_end, numerator)) {
      const auto& den = denominator_is_core.parsed.value;
      n.span = {static_cast<uint32_t>(span_begin), static_cast<uint32_t>(numerator.end)};
      if (den == Decimal::from_int(100) || den == Decimal::from_int(1000)) {
        n.kind = NumberKind::kPercent;
        n.unit = den == Decimal::from_int(100) ? "%" : "‰";
        n.value = numerator.parsed.value;
      } else {
        n.kind = NumberKind::kFraction;
        const double v = numerator.parsed.value.to_double() / den.to_double();
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.7f", v);  // the gold convention: 7 places
        n.value = Decimal::parse(buf).value_or(Decimal());
      }
      resume = numerator.end;
      pos = numerator.end;
      goto trailing;
    }
    return;
  }

  if (!core.arabic && !ordinal_prefix) {
    // Chinese numerals in running text are often words, not counts.
    if (core.parsed.digit_sequence) {
      // 二〇二四年: a year; anything else written digit by digit is a name (九三).
      if (core.chars == 4 && starts_with(s, pos, "年")) {
        Number d;
        d.span = {static_cast<uint32_t>(numeral_begin), static_cast<uint32_t>(pos + 3)};
        d.kind = NumberKind::kDate;
        d.iso = core.parsed.value.to_string();
        out.push_back(std::move(d));
        resume = pos + 3;
      }
      return;
    }
    // Enumerations: (五), 一是, 一、
    const char32_t before = char_before(s, numeral_begin);
    const char32_t after = char_at(s, pos);
    if ((before == U'(' && after == U')') || after == U'是' || after == U'、') return;
  }

  // Percent signs and percentage points.
  if (starts_with(s, pos, "%") || starts_with(s, pos, "‰")) {
    n.kind = NumberKind::kPercent;
    n.unit = s[pos] == '%' ? "%" : "‰";
    pos += s[pos] == '%' ? 1 : 3;
    has_unit = true;
  }

  // Ranges: the second number takes the same unit and scale words.
  for (std::string_view conn : kRangeWords) {
    if (!starts_with(s, pos, conn)) continue;
    const size_t second_begin = pos + conn.size();
    const size_t second_size = core_extent(s, second_begin, second_begin + 64);
    if (second_size == 0 || starts_with(s, second_begin, "第")) break;
    Core second;
    if (!parse_core(s, second_begin, second_begin + second_size, second) || second.arabic != core.arabic) break;
    size_t after_second = second.end;
    if (n.kind == NumberKind::kPercent) {
      if (starts_with(s, after_second, "%")) ++after_second;
    }
    n.value_max = second.parsed.value;
    // A scale written once covers both ends: 3至5亿元 is 3亿 to 5亿, 三到五万
    // 30000 to 50000; but 500至1万 stays 500 to 10000 (the first end is not
    // smaller than the second as written).
    static constexpr std::pair<std::string_view, int> kSharedScales[] = {
        {"万亿", 12}, {"亿", 8}, {"万", 4}, {"千", 3}, {"百", 2}};
    for (const auto& [scale, power] : kSharedScales) {
      if (!ends_with_at(s, second.end, scale)) continue;
      bool first_scaled = false;
      for (const auto& [other, unused] : kSharedScales) first_scaled = first_scaled || ends_with_at(s, core.end, other);
      const auto second_as_written = second.parsed.value.times_pow10(-power);
      if (!first_scaled && second_as_written && n.value.to_double() < second_as_written->to_double()) {
        if (auto v = n.value.times_pow10(power)) n.value = *v;
      }
      break;
    }
    pos = after_second;
    break;
  }

  // 余 / 多 between the number and its unit: 20余家, 2万多人 (gt).
  if (!has_unit && (starts_with(s, pos, "余") || starts_with(s, pos, "多"))) {
    size_t unit_len;
    if (units_.match(s, pos + 3, unit_len)) {
      n.qualifier = Qualifier::kGt;
      pos += 3;
    }
  }

  if (!has_unit) {
    size_t unit_len = 0;
    if (const UnitInfo* unit = units_.match(s, pos, unit_len)) {
      const std::string_view unit_text = s.substr(pos, unit_len);
      // 大 is a unit only in 六大重点产业-like slogans handled below; and
      // Arabic 号 is an identifier (2号楼), never a quantity.
      has_unit = true;
      n.unit = unit->unit;
      if (unit->scale_power != 0) {
        if (auto v = n.value.times_pow10(unit->scale_power)) n.value = *v;
        if (n.value_max) {
          if (auto v = n.value_max->times_pow10(unit->scale_power)) n.value_max = *v;
        }
      }
      if (!ordinal_prefix) {
        n.kind = unit->kind;
        if (!core.arabic && (unit_text == "届" || unit_text == "期")) {
          n.kind = NumberKind::kOrdinal;  // 十五届, 一期 (phase one)
        } else if (!core.arabic && unit_text == "次") {
          // 十五届二次会议: the session number.
          bool meeting = ends_with_at(s, numeral_begin, "届");
          for (std::string_view w : kMeetingWords) meeting = meeting || starts_with(s, pos + unit_len, w);
          if (meeting) n.kind = NumberKind::kOrdinal;
        }
      }
      pos += unit_len;
      // 一年半, 两个半小时: the half after the unit (个半 takes the next unit).
      if (starts_with(s, pos, "半") && n.kind == NumberKind::kQuantity) {
        if (auto v = n.value.plus(*Decimal::parse("0.5"))) n.value = *v;
        pos += 3;
        size_t next_len = 0;
        const UnitInfo* next = unit_text == "个" ? units_.match(s, pos, next_len) : nullptr;
        if (next && next->kind == NumberKind::kQuantity && next->scale_power == 0) {
          n.unit = next->unit;
          pos += next_len;
        }
      }
    }
  }

  if (!core.arabic && !ordinal_prefix) {
    // X又X is an idiom (一场又一场), X性 an adjective (一次性).
    if (starts_with(s, pos, "又") || starts_with(s, pos, "性")) return;
    if (!has_unit) {
      // A bare numeral: only 六大/两大 + noun (cardinal), or multi-character
      // numerals with a unit character (十五, 三千五百万) that start with a digit or 十.
      const char32_t first = char_at(s, numeral_begin);
      const bool big_list = core.chars == 1 && starts_with(s, pos, "大") && is_han(char_at(s, pos + 3)) &&
                            core.parsed.value != Decimal::from_int(1);
      const bool written_number = core.chars > 1 && core.parsed.has_unit &&
                                  (chinese_digit(first) > 0 || first == U'十');
      if (!big_list && !written_number) return;
    } else if (core.chars == 1 && core.parsed.value == Decimal::from_int(1) &&
               n.kind != NumberKind::kOrdinal && n.value.is_integer()) {
      return;  // 一个好报告, 一批项目, 新的一年: the indefinite article (一年半 is kept)
    }
    if (numeral_in_name(s, numeral_begin, pos)) return;
  }
  // 第三方, 第一线: fixed expressions, not ordinals.
  if (ordinal_prefix && numeral_in_name(s, match_begin, pos)) return;
  if (core.arabic && !has_unit && starts_with(s, pos, "号")) return;  // 2号楼, 1号线

trailing:
  for (const auto& q : kTrailingQualifiers) {
    if (starts_with(s, pos, q.text)) {
      n.qualifier = q.qualifier;
      pos += q.text.size();
      break;
    }
  }
  if (n.qualifier == Qualifier::kNone && starts_with(s, pos, "多") && has_unit) {
    n.qualifier = Qualifier::kGt;  // 3年多
    pos += 3;
  }
  for (const auto& q : kLeadingQualifiers) {
    if (n.qualifier == Qualifier::kNone && ends_with_at(s, span_begin, q.text)) n.qualifier = q.qualifier;
  }
  n.span = {static_cast<uint32_t>(span_begin), static_cast<uint32_t>(pos)};
  resume = pos;
  out.push_back(std::move(n));
}

bool NumberExtractorImpl::may_contain_numbers(std::string_view text) const {
  // Full-width digits (０-９) are candidates too: they become ASCII in the view.
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c >= '0' && c <= '9') return true;
    if (c >= 0xE0 && c <= 0xEF && pos + 2 < text.size()) {
      const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(text[pos + 1] & 0x3F) << 6) |
                          char32_t(text[pos + 2] & 0x3F);
      if (starts_candidate_[cp] || (cp >= U'０' && cp <= U'９')) return true;
      pos += 2;
    }
  }
  return false;
}

std::vector<Number> NumberExtractorImpl::extract(std::string_view text) const {
  // Most of the cost of a text without numerals would be its normalization.
  if (!may_contain_numbers(text)) return {};
  return extract_normalized(normalize(text));
}

std::vector<Number> NumberExtractorImpl::extract_normalized(const NormalizedText& nt,
                                                         const DecodedText* decoded) const {
  const std::string_view s = nt.normalized;
  const NumberRegions regions = find_regions(s);
  // Numbers are gathered in a per-thread buffer and the result is made at
  // its final size: growing it a Number at a time reallocated it several
  // times per line.
  thread_local std::vector<Number> found;
  found.clear();
  std::vector<Number>& out = found;
  // Takes the candidate at byte `pos`, if there is one; the next candidate
  // to try is at or after the byte returned.
  auto take = [&](size_t pos) {
    const size_t size = core_extent(s, pos, pos + kMaxCandidateBytes);
    if (size == 0) return pos + 1;  // also resynchronizes on ill-formed bytes that looked like a numeral
    size_t resume = pos + size;
    extract_at(s, regions, pos, pos + size, out, resume);
    return std::max(resume, pos + 1);
  };
  if (decoded && decoded->decodes(s)) {
    // The chars that may start a numeral, listed without a branch per
    // char, then taken in order (those inside a number just taken skipped).
    thread_local std::vector<uint32_t> starts;
    const uint32_t n = decoded->size();
    if (starts.size() < n) starts.resize(n);
    const char32_t* const cps = decoded->cps.data();
    uint32_t count = 0;
    for (uint32_t k = 0; k < n; ++k) {
      const char32_t c = cps[k];
      starts[count] = k;
      count += (static_cast<uint32_t>(c - '0') < 10u) | ((c < 0x10000) & starts_candidate_[c & 0xFFFF]);
    }
    size_t next = 0;
    for (uint32_t x = 0; x < count; ++x) {
      const size_t pos = decoded->byte_at[starts[x]];
      if (pos >= next) next = take(pos);
    }
    if (starts.size() > (size_t(1) << 22)) starts = {};  // after a huge text
  } else {
    for (size_t pos = 0; pos < s.size();) {
      // A byte scan finds where a numeral may start (an ASCII digit, or a
      // three-byte character among the numerals and 第); take() then takes
      // the candidate's extent. All candidate characters are three bytes
      // long; a well-formed three-byte character steps three bytes,
      // anything else one (continuation bytes never start a candidate). The
      // step and the test are computed without branching on the kind of
      // byte: ASCII punctuation and Han alternate in running text.
      const auto c = static_cast<unsigned char>(s[pos]);
      if (pos + 2 < s.size()) {
        const auto c1 = static_cast<unsigned char>(s[pos + 1]), c2 = static_cast<unsigned char>(s[pos + 2]);
        const bool three = ((c & 0xF0) == 0xE0) & ((((c1 ^ 0x80) | (c2 ^ 0x80)) & 0xC0) == 0);
        const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(c1 & 0x3F) << 6) | char32_t(c2 & 0x3F);
        const bool candidate = (static_cast<unsigned>(c - '0') < 10u) | (three & starts_candidate_[cp]);
        if (!candidate) {
          pos += three ? 3 : 1;
          continue;
        }
      } else if (static_cast<unsigned>(c - '0') >= 10u) {
        ++pos;  // the last two bytes: only a digit can start a candidate there
        continue;
      }
      pos = take(pos);
      while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
  // Spans were found in the normalized text; report them in the original.
  for (Number& n : found) n.span = nt.original_span(n.span);
  std::vector<Number> result(std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  found.clear();
  if (found.capacity() > 4096) found.shrink_to_fit();  // after a huge text
  return result;
}

}  // namespace internal

NumberExtractor::NumberExtractor(Lexicon lexicon)
    : impl_(std::make_shared<internal::NumberExtractorImpl>(std::move(lexicon))) {}

std::vector<Number> NumberExtractor::extract(std::string_view utf8_text) const {
  return impl_->extract(utf8_text);
}

std::vector<std::vector<Number>> NumberExtractor::extract_many(const std::vector<std::string_view>& texts,
                                                               unsigned n_threads) const {
  std::vector<std::vector<Number>> results(texts.size());
  internal::parallel_for(texts.size(), n_threads, [&](size_t i) { results[i] = impl_->extract(texts[i]); });
  return results;
}

std::vector<Number> NumberExtractor::extract(std::string_view /*utf8_text*/,
                                             const NormalizedText& normalized) const {
  return impl_->extract_normalized(normalized);
}

const Lexicon& NumberExtractor::lexicon() const { return impl_->lexicon(); }

}  // namespace zhpolicy
