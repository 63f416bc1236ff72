// Number extraction: a byte scan finds numeral cores in the normalized text; the
// context around each core (prefix 第, qualifiers, ranges, units, quotes,
// names) decides whether it is a number and of which kind.
#include "numbers/extractor_impl.h"
#include "text/nfkc_digits.h"

#include <boost/container/small_vector.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <array>
#include <bitset>
#include <iterator>

#include "lexicon/lexicon_data.h"
#include "lexicon/word_graph.h"
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

// Whether the digits at `numeral` after Latin letters (ending at `letters_end`)
// are an indicator's value (人均GDP1.2万美元, GDP5.2%): the letters an
// acronym of capitals, two or more, and the digits read as a share or an
// amount. Letters glued to digits are otherwise a name (PM2.5, H7N9, G20).
bool indicator_value_at(std::string_view s, size_t letters_end, size_t numeral) {
  size_t b = letters_end;
  while (b > 0 && is_ascii_alpha(s[b - 1])) --b;
  if (letters_end - b < 2 || (b > 0 && is_ascii_digit(s[b - 1]))) return false;
  for (size_t k = b; k < letters_end; ++k) {
    if (s[k] < 'A' || s[k] > 'Z') return false;
  }
  size_t d = numeral;
  while (d < s.size() && is_ascii_digit(s[d])) ++d;
  if (d + 1 < s.size() && s[d] == '.' && is_ascii_digit(s[d + 1])) {
    ++d;
    while (d < s.size() && is_ascii_digit(s[d])) ++d;
  }
  for (std::string_view unit : {"%", "万", "亿", "元", "美元", "个百分点"}) {
    if (starts_with(s, d, unit)) return true;
  }
  return false;
}

// Qualifier words, longest first within each list (the gold conventions).
struct QualifierWord {
  std::string_view text;
  Qualifier qualifier;
  bool word_start = false;  // a qualifier only where it starts a word
};
// 破 alone is news's "past" (票房破10亿元, 销量破百万) where it starts a word
// (not inside 打破, 冲破); 近 "nearly" likewise (not 最近 "latest", 附近).
// (Longer words first where one ends another: 将近 before 近, 大约有 before 约有.)
constexpr std::array<QualifierWord, 20> kLeadingQualifiers = {{
    {"不低于", Qualifier::kGe}, {"不少于", Qualifier::kGe}, {"不超过", Qualifier::kLe}, {"约为", Qualifier::kApprox},
    {"大约有", Qualifier::kApprox}, {"约有", Qualifier::kApprox}, {"将近", Qualifier::kApprox}, {"接近", Qualifier::kApprox},
    {"超过", Qualifier::kGt},   {"突破", Qualifier::kGt},   {"大约", Qualifier::kApprox},
    {"不到", Qualifier::kLt},   {"不足", Qualifier::kLt},   {"低于", Qualifier::kLt},
    {"超", Qualifier::kGt},     {"逾", Qualifier::kGt},     {"约", Qualifier::kApprox},
    {"近", Qualifier::kApprox, true}, {"高于", Qualifier::kGt},   {"破", Qualifier::kGt, true},
}};
constexpr std::array<QualifierWord, 8> kTrailingQualifiers = {{
    {"及以上", Qualifier::kGe},   {"及以下", Qualifier::kLe},
    {"左右", Qualifier::kApprox}, {"上下", Qualifier::kApprox}, {"以上", Qualifier::kGe},
    {"以下", Qualifier::kLe},     {"以内", Qualifier::kLe},     {"之内", Qualifier::kLe},
}};
// Range connectors between two numbers: 3至5个, 三到五年, 3-5家, 10%~15%.
// (The en dash too: web text and typeset tables write ranges with it, 1–2月.)
constexpr std::array<std::string_view, 7> kRangeWords = {"至", "到", "-", "~", "—", "－", "–"};
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

// 第 and every character that can be part of a Chinese numeral. 半 starts
// only 半百 (fifty); core_extent takes nothing else from it. 陸 is 陆 once
// Traditional is folded (as 萬, 億, 貳, 兩 are their Simplified forms).
std::bitset<0x10000> numeral_chars() {
  std::bitset<0x10000> out;
  out.set(U'第');
  const std::string_view chars = "零〇○一二两三四五六七八九十百千万亿兆壹贰叁肆伍陆柒捌玖拾佰仟萬億貳兩陸半廿卄卅卌";
  for (size_t i = 0, len; i < chars.size(); i += len) out.set(utf8::decode(chars, i, len));
  return out;
}

// Those, and what NFKC turns into a digit or one of them (０, ⅝, ①, 〸):
// the same for every extractor, so made once per process (ICU, ~3 ms).
const std::bitset<0x10000>& numeral_or_nfkc_numeral_chars() {
  static const std::bitset<0x10000> bits = [] {
    const std::bitset<0x10000> numerals = numeral_chars();
    std::bitset<0x10000> out = numerals;
    for_each_nfkc_change([&](char32_t c, const std::u32string& form) {
      for (char32_t f : form) {
        // (And the Roman numerals' letters: Ⅱ is II, take_roman's.)
        if ((f >= U'0' && f <= U'9') || (f < 0x10000 && numerals[f]) || f == U'I' || f == U'V' || f == U'X') out.set(c);
      }
    });
    return out;
  }();
  return bits;
}

}  // namespace

NumberExtractorImpl::NumberExtractorImpl(Lexicon lexicon)
    : lexicon_(std::move(lexicon)),
      units_(lexicon_.data().base.units_tsv(), "unit table of the lexicon"),
      starts_candidate_(numeral_chars()),
      may_become_candidate_(numeral_or_nfkc_numeral_chars()) {}

namespace {

// Whether 半 at s[pos] starts half a span of time said alone: 半年, 半个月,
// 半小时, 半天; not a half of a year named (上半年, 下半年, 前半年), nor
// "most" (多半, 大半年), nor a half-year's report (半年度, 半年报).
bool half_of_time_at(std::string_view s, size_t pos) {
  static constexpr std::string_view kSpans[] = {"年", "个月", "个小时", "小时", "个钟头", "天", "日", "周",
                                                "个星期", "星期", "个世纪", "世纪", "分钟"};
  const char32_t before = char_before(s, pos);
  if (std::u32string_view(U"上下前后多大过一").find(before) != std::u32string_view::npos) return false;
  const size_t after = pos + 3;
  for (std::string_view span : kSpans) {
    if (!starts_with(s, after, span)) continue;
    return !(span == "年" && (starts_with(s, after + 3, "度") || starts_with(s, after + 3, "报")));
  }
  return false;
}

}  // namespace

size_t NumberExtractorImpl::core_extent(std::string_view s, size_t pos, size_t limit) const {
  limit = std::min(limit, s.size());
  size_t p = pos;
  if (starts_with(s, p, "第") && p + 3 <= limit) p += 3;
  const size_t first = p;
  size_t end = p;  // the end of the numeral so far
  enum class Last { kNone, kArabic, kDigit, kScale, kZero } last = Last::kNone;
  // What the character at q starts: a scale character, a numeral character, an ASCII digit.
  auto scale_at = [&](size_t q) { return chinese_unit_power(char_at(s, q)) != 0; };
  auto chinese_at = [&](size_t q) {
    const char32_t c = char_at(s, q);
    return chinese_digit(c) >= 0 || chinese_unit_power(c) != 0;
  };
  while (p < limit) {
    const unsigned char b = static_cast<unsigned char>(s[p]);
    if (is_ascii_digit(static_cast<char>(b))) {
      // Arabic digits start a numeral or follow a scale or 零 (5万4千, 2千零30万).
      if (last == Last::kArabic || last == Last::kDigit) break;
      while (p < limit && (is_ascii_digit(s[p]) || s[p] == ',')) ++p;
      if (p + 1 < limit && s[p] == '.' && is_ascii_digit(s[p + 1])) {
        for (++p; p < limit && is_ascii_digit(s[p]);) ++p;
      } else if (p + 2 < limit && starts_with(s, p, "\u00B7") && is_ascii_digit(s[p + 2])) {
        // Older typesetting's decimal point, a middle dot, before a percent
        // sign (增长4·3％); elsewhere it joins a date or a code (“8·22”).
        size_t q = p + 2;
        while (q < limit && is_ascii_digit(s[q])) ++q;
        if (q < s.size() && s[q] == '%') p = q;
      }
      end = p;
      last = Last::kArabic;
      continue;
    }
    if (b == ' ') {
      // One space between a scale and a number (7 万5 千4 百, 一百 五 十 二).
      const size_t q = p + 1;
      if (q >= limit || last == Last::kNone) break;
      const bool joins = (last == Last::kScale && (chinese_at(q) || is_ascii_digit(s[q]))) ||
                         ((last == Last::kArabic || last == Last::kDigit) && scale_at(q));
      if (!joins) break;
      p = q;
      continue;
    }
    if (b < 0xE0 || p + 3 > limit) break;
    size_t len = 0;
    const char32_t c = char_at(s, p, &len);
    if (c == U'半') {
      // 半百: half a hundred, and only at the start.
      if (last == Last::kNone && starts_with(s, p + len, "百")) {
        p += len + 3;
        end = p;
        last = Last::kScale;
        continue;
      }
      // Half a span of time, said alone (半年, 半个月, 半小时: 0.5 of it);
      // 上半年 and 下半年 are halves of one year, 多半 and 大半 "most".
      if (last == Last::kNone && p == first && half_of_time_at(s, p)) end = p + len;
      // 半数: half of them (read_fraction), not 大半数 or 多半数 ("most").
      if (last == Last::kNone && p == first && starts_with(s, p + len, "数") &&
          std::u32string_view(U"大多一").find(char_before(s, p)) == std::u32string_view::npos) {
        end = p + len;
      }
      break;
    }
    if (chinese_tens(c) != 0) {
      // 廿, 卅: a digit and 十 in one character, only at a numeral's start.
      if (last != Last::kNone) break;
      p += len;
      end = p;
      last = Last::kScale;
      continue;
    }
    if (const int d = chinese_digit(c); d >= 0) {
      if (last == Last::kArabic) break;  // 5三: no numeral
      // 两 counts, it is no digit of a reading: after a digit it starts the
      // next number (一九八〇 两年: two years after a year).
      if (c == U'两' && (last == Last::kDigit || last == Last::kZero)) break;
      // After a scale only before another (一万两千, 三千两百); 十两, 一百两
      // count taels.
      if (c == U'两' && last == Last::kScale && chinese_unit_power(char_at(s, p + len)) == 0) break;
      p += len;
      end = p;
      last = d == 0 ? Last::kZero : Last::kDigit;
      continue;
    }
    if (chinese_unit_power(c) != 0) {
      // A scale character that begins a unit of its own (千克, 千米, 千瓦时,
      // 兆瓦) ends the numeral: 1千克 is one kilogram, not a thousand grams.
      size_t unit_len = 0;
      const UnitInfo* unit = units_.match(s, p, unit_len);
      if (unit && unit_len > len && unit->scale_power == 0 && last != Last::kNone) break;
      p += len;
      end = p;
      last = Last::kScale;
      continue;
    }
    if (last == Last::kNone) break;
    if (c == U'点') {
      // A decimal part: digits after 点, unless they read a clock time (十点三十分).
      size_t q = p + len, digits = 0;
      while (q < limit) {
        size_t l = 0;
        const char32_t x = char_at(s, q, &l);
        if (!(chinese_digit(x) >= 0 || (x >= U'0' && x <= U'9'))) break;
        q += l;
        ++digits;
      }
      // After the decimal digits only a big scale may follow (三点五万), not
      // 十 (十点三十分) nor 分/刻.
      const int after = chinese_unit_power(char_at(s, q));
      if (digits == 0 || (after != 0 && after < 4) || starts_with(s, q, "分") || starts_with(s, q, "刻")) break;
      p = q;
      end = p;
      last = Last::kDigit;
      continue;
    }
    if (is_more_char(c) && last != Last::kZero && p + len < limit && scale_at(p + len)) {
      p += len;  // 十多万, 五百余万: the scale follows
      continue;
    }
    break;
  }
  return end > first ? end - pos : 0;
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
  for (size_t i = begin, len; i < end; i += len) {
    const char32_t c = utf8::decode(s, i, len);
    cps.push_back(c == U'\u00B7' ? U'.' : c);  // core_extent takes a middle dot only as a decimal point
  }
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
    while (!cps.empty() && cps.back() == U' ') cps.pop_back();
  }
  return false;
}

// Whether the Chinese numeral at s[begin] belongs to a word of the lexicon
// that is a name or fixed expression rather than a count: a word covering it
// that starts before it (统一, 进一步, 门前三包) where the segmenter would
// keep that word (全国三成 is 全国/三成, not 全/国三/成), or a proper-noun
// word starting at it that reaches past the candidate (两江, 九三学社, 二十大;
// a fixed expression, tag l, only when the candidate has no measure word:
// 二期工程 and 十年规划 count).
template <typename F>
inline bool NumberExtractorImpl::for_each_word_at(std::string_view s, size_t at, F&& f) const {
  const LexiconData& lex = lexicon_.data();
  for (const ZplView* view : {lex.overlay ? &*lex.overlay : nullptr, &lex.base}) {
    if (!view) continue;
    const TrieView& trie = view->trie();
    TrieStep step;
    size_t i = at, len = 0;
    bool ok = trie.first(char_at(s, i, &len), step);
    while (ok) {
      i += len;
      if (step.has_term() && f(i, step, *view)) return true;
      if (i >= s.size() || !step.has_children()) break;
      const char32_t c = char_at(s, i, &len);
      if (!is_han(c)) break;
      ok = trie.next(step, c, step);
    }
  }
  return false;
}

bool NumberExtractorImpl::numeral_in_name(std::string_view s, size_t begin, size_t candidate_end,
                                          bool counted) const {
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
    // A word that opens with a qualifier qualifies the number (近两年 l).
    const std::string_view opening = s.substr(q, begin - q);
    if (q < begin && std::any_of(kLeadingQualifiers.begin(), kLeadingQualifiers.end(),
                                 [&](const QualifierWord& w) { return w.text == opening; })) {
      continue;
    }
    const bool in_name = for_each_word_at(s, q, [&](size_t i, const TrieStep& step, const ZplView& view) {
      if (i <= begin) return false;
      const format::WordEntry* w = view.trie().word(step.node);
      const std::string_view tag = w ? view.tag(w->tag) : "";
      const bool entity = w && w->entity != 0;
      if (q < begin && !contains(kNumeralTags, tag) && !segmented_at(s, starts[n_starts - 1], i, begin)) {
        return true;
      }
      const bool fixed = tag == "l" && !counted;
      return q == begin && i > candidate_end && (entity || fixed || (tag != "l" && contains(kNameTags, tag)));
    });
    if (in_name) return true;
  }
  return false;
}

bool NumberExtractorImpl::unit_ends_word(std::string_view s, size_t from, size_t unit_end) const {
  return unit_end >= s.size() || !is_han(char_at(s, unit_end)) || segmented_at(s, from, unit_end, unit_end);
}

bool NumberExtractorImpl::segmented_at(std::string_view s, size_t from, size_t to, size_t at) const {
  // The segmenter's best path over the few characters around (jieba's DAG
  // and its maximum-probability path), extended to the end of the Han run
  // so that the next word weighs in.
  size_t end = to;
  for (int extra = 0; extra < 4 && end < s.size(); ++extra) {
    size_t len = 0;
    if (!is_han(char_at(s, end, &len))) break;
    end += len;
  }
  boost::container::small_vector<char32_t, 16> cps;
  boost::container::small_vector<size_t, 16> offsets;
  for (size_t i = from, len; i < end; i += len) {
    offsets.push_back(i);
    cps.push_back(utf8::decode(s, i, len));
  }
  thread_local std::vector<uint32_t> edge_begin, next;
  thread_local std::vector<WordEdge> edges;
  thread_local std::vector<double> score;
  const auto n = static_cast<uint32_t>(cps.size());
  build_word_graph(lexicon_.data(), cps.data(), n, edge_begin, edges);
  best_path(n, edge_begin, edges, score, next);
  for (uint32_t k = 0; k < n; k = next[k]) {
    if (offsets[k] == at) return true;
    if (offsets[k] > at) return false;
  }
  return false;
}

bool NumberExtractorImpl::common_noun(std::string_view s, size_t begin, size_t end) const {
  // As frequent in jieba's dictionary as its common words (城市 25084, 百度
  // 11008; 百人 3, 千家 57 are counts).
  constexpr uint32_t kCommonWordFreq = 1000;
  boost::container::small_vector<char32_t, 8> cps;
  for (size_t i = begin, len; i < end && i < s.size(); i += len) cps.push_back(utf8::decode(s, i, len));
  const ZplView* view = nullptr;
  const format::WordEntry* w = lexicon_.data().find_word(cps.data(), cps.size(), &view);
  return w && w->freq >= kCommonWordFreq && !contains(kNumeralTags, view->tag(w->tag));
}

bool NumberExtractorImpl::latin_unit_at(std::string_view s, size_t pos) const {
  size_t end = pos;
  while (end < s.size() && is_ascii_alpha(s[end])) ++end;
  if (end < s.size() && is_ascii_digit(s[end])) return false;  // 5G is a generation
  size_t len = 0;
  if (!units_.match(s, pos, len)) return false;
  // The letters whole (10GW, not 10GWs), or a letter that is part of a
  // Chinese unit (5A级: a grade of scenic spots).
  return (len == end - pos && len >= 2) || len > end - pos;
}

size_t NumberExtractorImpl::longest_word_at(std::string_view s, size_t at) const {
  size_t longest = 0;
  for_each_word_at(s, at, [&](size_t end, const TrieStep&, const ZplView&) {
    longest = std::max(longest, utf8::count_chars(s.substr(at, end - at)));
    return false;
  });
  return longest;
}

bool NumberExtractorImpl::is_word(std::string_view s, size_t begin, size_t end) const {
  boost::container::small_vector<char32_t, 8> cps;
  for (size_t i = begin, len; i < end && i < s.size(); i += len) cps.push_back(utf8::decode(s, i, len));
  return lexicon_.data().find_word(cps.data(), cps.size()) != nullptr;
}

bool NumberExtractorImpl::numeral_at(std::string_view s, size_t at, Core& out, size_t limit) const {
  const size_t size = core_extent(s, at, at + limit);
  return size > 0 && !starts_with(s, at, "第") && parse_core(s, at, at + size, out);
}

size_t NumberExtractorImpl::read_sign(std::string_view s, size_t span_begin, Number& n) const {
  size_t sign_begin = span_begin;
  if (span_begin > 0 && s[span_begin - 1] == '-' && is_ascii_digit(s[span_begin])) {
    // -0.2, but not 3-5 (a range) nor COVID-19.
    const char32_t b2 = char_before(s, span_begin - 1);
    if (b2 < 0x80 && (is_ascii_digit(static_cast<char>(b2)) || is_ascii_alpha(static_cast<char>(b2)))) {
      return span_begin;
    }
    sign_begin = span_begin - 1;
  } else if (ends_with_at(s, span_begin, "−")) {  // U+2212 minus sign
    sign_begin = span_begin - 3;
  } else if (ends_with_at(s, span_begin, "零下")) {  // 零下二十摄氏度: below zero
    sign_begin = span_begin - 6;
  } else if (ends_with_at(s, span_begin, "负")) {
    // 负3.9%, 负三十二; not the 负 of a word before it (胜负, 正负, 抱负).
    size_t word_begin = span_begin - 3;
    if (char_before(s, span_begin - 3, &word_begin) != 0 && is_word(s, word_begin, span_begin)) return span_begin;
    sign_begin = span_begin - 3;
  } else {
    return span_begin;
  }
  if (!n.value.is_zero()) n.value = n.value.negated();
  return sign_begin;
}

bool NumberExtractorImpl::read_fraction(std::string_view s, const Core& core, size_t& pos, Number& n) const {
  auto set_fraction = [&](double v) {
    n.kind = NumberKind::kFraction;
    char buf[64];
    // The gold convention: 7 places (三分之一 0.3333333); below 0.1, 7
    // significant digits, so that a small share is not read as 0
    // (两千万分之一 0.00000005).
    const double magnitude = std::fabs(v);
    const int places = magnitude > 0 && magnitude < 0.1
                           ? std::min(20, 7 + static_cast<int>(-std::floor(std::log10(magnitude))) - 1)
                           : 7;
    std::snprintf(buf, sizeof buf, "%.*f", places, v);
    n.value = Decimal::parse(buf).value_or(Decimal());
    if (n.value.negative() != (v < 0) && !n.value.is_zero()) n.value = n.value.negated();
  };
  const double sign = n.value.negative() ? -1.0 : 1.0;
  // 一半, 半数: a half (超过一半, 一半以上, 半数以上), not 第一 and a half of
  // something.
  if (!core.arabic && core.chars == 1 &&
      ((char_at(s, core.begin) == U'一' && starts_with(s, pos, "半") && !ends_with_at(s, core.begin, "第")) ||
       (char_at(s, core.begin) == U'半' && starts_with(s, pos, "数")))) {
    set_fraction(sign * 0.5);
    pos += 3;
    return true;
  }
  // Words: [whole 又] denominator 分之 numerator.
  Decimal whole;
  const Core* den = &core;
  Core mixed_den;
  size_t at = pos;
  if (!core.arabic && starts_with(s, pos, "又")) {
    if (!numeral_at(s, pos + 3, mixed_den) || mixed_den.arabic) return false;
    whole = core.parsed.value;
    den = &mixed_den;
    at = mixed_den.end;
  }
  if (starts_with(s, at, "分之")) {
    Core numerator;
    if (!numeral_at(s, at + 6, numerator) || numerator.parsed.more) return false;
    const Decimal& d = den->parsed.value;
    if (d.is_zero()) return false;
    if (den == &core && (d == Decimal::from_int(100) || d == Decimal::from_int(1000))) {
      n.kind = NumberKind::kPercent;
      n.unit = d == Decimal::from_int(100) ? "%" : "‰";
      n.value = sign < 0 ? numerator.parsed.value.negated() : numerator.parsed.value;
      // A range in words: 百分之三十到四十, 百分之三十至百分之四十.
      for (std::string_view conn : kRangeWords) {
        if (!starts_with(s, numerator.end, conn)) continue;
        size_t second_begin = numerator.end + conn.size();
        const std::string_view again = d == Decimal::from_int(100) ? "百分之" : "千分之";
        if (starts_with(s, second_begin, again)) second_begin += again.size();
        Core second;
        // (Not a year: 百分之三十九点七 到 一九五七年.)
        if (numeral_at(s, second_begin, second) && !second.arabic && !second.parsed.more &&
            !second.parsed.digit_sequence &&
            numerator.parsed.value.to_double() < second.parsed.value.to_double()) {
          n.value_max = second.parsed.value;
          pos = second.end;
          return true;
        }
        break;
      }
      // 百分之十几, 百分之二十多: more than the tens written.
      if (is_more_char(char_at(s, numerator.end)) && chinese_unit_power(char_before(s, numerator.end)) != 0) {
        n.qualifier = Qualifier::kGt;
        pos = numerator.end + 3;
        return true;
      }
    } else {
      set_fraction(sign * (std::fabs(whole.to_double()) + numerator.parsed.value.to_double() / d.to_double()));
    }
    pos = numerator.end;
    return true;
  }
  if (!core.arabic || !core.parsed.value.is_integer()) return false;
  // Arabic: 3/4, and 1 4/3 (a whole number, a space, a fraction).
  auto integer_at = [&](size_t q, size_t& end) {
    end = q;
    while (end < s.size() && is_ascii_digit(s[end])) ++end;
    return end > q && end - q <= 9;
  };
  // The slash, or the fraction slash that NFKC makes of ⅝ (5⁄8): its length.
  auto slash_at = [&](size_t q) -> size_t { return starts_with(s, q, "/") ? 1 : starts_with(s, q, "⁄") ? 3 : 0; };
  size_t num_end = pos, den_end = 0;
  double whole_part = 0, numerator = core.parsed.value.to_double();
  if (starts_with(s, pos, " ") && integer_at(pos + 1, num_end) && slash_at(num_end)) {
    whole_part = std::fabs(core.parsed.value.to_double());
    numerator = std::stod(std::string(s.substr(pos + 1, num_end - pos - 1)));
  } else if (slash_at(pos)) {
    num_end = pos;
    numerator = std::fabs(core.parsed.value.to_double());
  } else {
    return false;
  }
  const size_t den_begin = num_end + slash_at(num_end);
  if (!integer_at(den_begin, den_end) || slash_at(den_end)) return false;  // 2024/1/5 is a date
  const double denominator = std::stod(std::string(s.substr(den_begin, den_end - den_begin)));
  if (denominator == 0) return false;
  set_fraction(sign * (whole_part + numerator / denominator));
  pos = den_end;
  return true;
}

bool NumberExtractorImpl::read_ratio(std::string_view s, const Core& core, size_t numeral_begin, size_t& pos,
                                     Number& n) const {
  const bool tenths = starts_with(s, pos, "成");  // 三成: 30%
  if (!tenths && !starts_with(s, pos, "折")) return false;
  // Not the first character of a word (成为, 成效, 折合, 折旧), nor a
  // numeral of a name (一成不变).
  size_t next_len = 0;
  const char32_t next = char_at(s, pos + 3, &next_len);
  if (is_han(next) && is_word(s, pos, pos + 3 + next_len)) return false;
  if (!core.arabic && numeral_in_name(s, numeral_begin, pos + 3, /*counted=*/false)) return false;
  const Decimal& v = core.parsed.value;
  // 九折, 八点五折 are tenths; two digits (五五折, 75折) are already percent.
  const bool as_percent = !tenths && (core.parsed.digit_sequence || v.to_double() >= 10);
  if (as_percent && !v.is_integer()) return false;
  if (v.to_double() > (tenths ? 10 : 100)) return false;
  n.kind = NumberKind::kPercent;
  n.unit = "%";
  n.value = as_percent ? v : v.times_pow10(1).value_or(v);
  pos += 3;
  // 三成五: and five hundredths (a digit that starts no count of its own).
  size_t digit_len = 0;
  const int hundredths = tenths && core.parsed.value.is_integer() ? chinese_digit(char_at(s, pos, &digit_len)) : -1;
  if (hundredths > 0 && chinese_digit(char_at(s, pos + digit_len)) < 0 &&
      chinese_unit_power(char_at(s, pos + digit_len)) == 0) {
    size_t unit_len = 0;
    if (!units_.match(s, pos + digit_len, unit_len)) {
      if (auto sum = n.value.plus(Decimal::from_int(hundredths))) n.value = *sum;
      pos += digit_len;
    }
  } else if (tenths && core.parsed.value.is_integer() && starts_with(s, pos, "半")) {
    // 两成半: and half a tenth (25%), unless 半 opens a word (三成半数).
    size_t after_len = 0;
    const char32_t after = char_at(s, pos + 3, &after_len);
    if (!(is_han(after) && is_word(s, pos, pos + 3 + after_len))) {
      if (auto sum = n.value.plus(Decimal::from_int(5))) n.value = *sum;
      pos += 3;
    }
  }
  return true;
}

void NumberExtractorImpl::read_money_tail(std::string_view s, size_t& pos, Number& n, bool in_jiao) const {
  // One digit (Chinese or Arabic) and its byte length, or -1.
  auto digit_at = [&](size_t q, size_t& len) {
    const char32_t c = char_at(s, q, &len);
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    return chinese_digit(c);
  };
  size_t q = pos, len = 0;
  Decimal cents;
  bool any = false;
  bool tenths_alone = false;
  // A Chinese digit alone that counts nothing after it: the unit left unsaid.
  auto lone_digit = [&](size_t at) {
    size_t digit_len = 0;
    const int d = digit_at(at, digit_len);
    if (d <= 0 || at + digit_len > s.size() || is_ascii_digit(s[at]) || !counts_nothing_at(s, at + digit_len, U"角毛分")) {
      return -1;
    }
    len = digit_len;
    return d;
  };
  // 十块五, 三元五: a Chinese digit alone after the yuan is its tenths (the
  // 角 left unsaid), when nothing that counts follows it.
  if (const int d = in_jiao ? -1 : lone_digit(q); d > 0) {
    cents = Decimal::from_int(d).times_pow10(-1).value_or(Decimal());
    q += len;
    any = tenths_alone = true;
  }
  // 三块零五分, 三块零五: no 角, then the 分 (said or not).
  if (!tenths_alone && !in_jiao && starts_with(s, q, "零")) {
    size_t digit_len = 0;
    const int d = digit_at(q + 3, digit_len);
    const bool fen = d > 0 && starts_with(s, q + 3 + digit_len, "分");
    if (fen || (d > 0 && lone_digit(q + 3) == d)) {
      cents = Decimal::from_int(d).times_pow10(-2).value_or(Decimal());
      q += 3 + digit_len + (fen ? 3 : 0);
      any = tenths_alone = true;
    }
  }
  bool tenths_read = in_jiao;  // a 角 read: what follows is its 分
  for (const auto& [marks, power] : {std::pair<std::array<std::string_view, 2>, int>{{"角", "毛"}, -1},
                                     std::pair<std::array<std::string_view, 2>, int>{{"分", "分"}, -2}}) {
    if (tenths_alone) break;
    if (in_jiao && power == -1) continue;
    const int d = digit_at(q, len);
    if (d < 0) break;
    const size_t mark = q + len;
    if (!starts_with(s, mark, marks[0]) && !starts_with(s, mark, marks[1])) {
      // 一块二毛五: a digit alone after the 角 is its 分.
      if (tenths_read && power == -2 && lone_digit(q) == d) {
        if (auto v = Decimal::from_int(d).times_pow10(power)) {
          if (auto sum = cents.plus(*v)) cents = *sum;
        }
        q += len;
        any = true;
      }
      break;
    }
    if (auto v = Decimal::from_int(d).times_pow10(power)) {
      if (auto sum = cents.plus(*v)) cents = *sum;
    }
    q = mark + 3;
    any = true;
    tenths_read = power == -1;
  }
  // In 角, the 分 is a tenth (五毛五 5.5 角).
  if (in_jiao) cents = cents.times_pow10(1).value_or(Decimal());
  if (any && !n.value.negative()) {
    if (auto v = n.value.plus(cents)) {
      n.value = *v;
      pos = q;
    }
  }
  if (starts_with(s, pos, "整")) pos += 3;  // 元整, 圆整: "exactly"
}

bool NumberExtractorImpl::counts_nothing_at(std::string_view s, size_t at, std::u32string_view also) const {
  size_t len = 0, unit_len = 0;
  const char32_t c = char_at(s, at, &len);
  return chinese_digit(c) < 0 && chinese_unit_power(c) == 0 && also.find(c) == std::u32string_view::npos &&
         !units_.match(s, at, unit_len);
}

void NumberExtractorImpl::read_spoken_decimals(std::string_view s, size_t& pos, Number& n) const {
  // One or two digits (一米七五; 一米零五 with 零 first), then nothing that
  // counts: no digit, scale or unit (一米八个 is 1 米 and 8 个).
  std::string digits;
  size_t q = pos;
  while (digits.size() < 2) {
    size_t len = 0;
    const char32_t c = char_at(s, q, &len);
    const int d = chinese_digit(c);  // 零 and 〇 are 0
    if (d < 0 || c == U'两' || len == 0) break;
    digits += static_cast<char>('0' + d);
    q += len;
  }
  if (digits.empty() || digits.back() == '0' || !counts_nothing_at(s, q, U"点半年月日号时分秒")) return;
  const auto fraction = Decimal::parse("0." + digits);
  if (!fraction) return;
  if (auto v = n.value.plus(*fraction)) {
    n.value = *v;
    pos = q;
  }
}

void NumberExtractorImpl::read_lone_scale(std::string_view s, size_t begin, size_t end, bool ordinal,
                                          std::vector<Number>& out, size_t& resume) const {
  if (ordinal) return;
  int power = 0, last = 0;
  size_t q = begin;
  while (q < end) {
    size_t len = 0;
    const int p = chinese_unit_power(char_at(s, q, &len));
    // Scales compound upward only (千万, 万亿); 亿万 (人民) is a multitude,
    // 万千 (气象) a wealth: no number.
    if (p == 0 || p < last || p == 12) return;  // 兆: see read_numeral
    power += p;
    last = p;
    q += len;
  }
  if (power == 0) return;
  // Written twice, a multitude (千千万万); before a negation, an adverb (万万不可).
  if (chinese_unit_power(char_before(s, begin)) != 0 ||
      std::u32string_view(U"不没别勿莫").find(char_at(s, q)) != std::u32string_view::npos) {
    return;
  }
  Number n;
  n.value = Decimal::from_int(1).times_pow10(power).value_or(Decimal());
  if (starts_with(s, q, "分之")) {
    // 万分之三 = 0.0003, 千万分之六.
    Core den;
    den.begin = begin;
    den.end = q;
    den.parsed.value = n.value;
    den.parsed.has_unit = true;
    den.arabic = false;
    den.chars = 0;
    size_t pos = q;
    if (!read_fraction(s, den, pos, n)) return;
    n.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(pos)};
    out.push_back(std::move(n));
    resume = pos;
    return;
  }
  // 万亿 (元), 亿元级, 万吨级: a magnitude. 数万, 几万: several
  // ten-thousands, more than one; 上万 (as many as), 近万人, 超亿元, 逾万家:
  // the scale after a qualifier word; 万余元: more than the scale.
  const bool more = starts_with(s, q, "余");
  const size_t unit_at = q + (more ? 3 : 0);
  size_t unit_len = 0;
  const UnitInfo* unit = units_.match(s, unit_at, unit_len);
  // 万亿级: a magnitude's 级 is no grade (as read_unit has it).
  if (unit && (unit->scale_power != 0 || s.substr(unit_at, unit_len) == "级")) unit = nullptr;
  // 上亿 市场, 上亿 家庭: a character that opens a word there is no unit.
  const std::string_view unit_text = unit ? s.substr(unit_at, unit_len) : std::string_view();
  if (unit && (is_division_unit(unit_text) || unit_text == "家") && !unit_ends_word(s, begin, unit_at + unit_len)) {
    unit = nullptr;
  }
  const bool grade = unit && !more && starts_with(s, unit_at + unit_len, "级") && power >= 4;
  const bool magnitude = (q > begin + 3 && power >= 8) || grade;
  const bool several = after_several(s, begin);
  // A magnitude after 上 is reached, not approximated (迈上 万亿元 台阶).
  const Qualifier lead = magnitude && ends_with_at(s, begin, "上") ? Qualifier::kNone : leading_qualifier(s, begin);
  const bool counted_by_word = several || lead != Qualifier::kNone || more;
  if (!magnitude && (!counted_by_word || q != begin + 3)) return;
  if (counted_by_word) n.qualifier = several || more ? Qualifier::kGt : lead;
  if (more) q += 3;
  if (unit) {
    n.kind = unit->kind;
    n.unit = unit->unit;
    q += unit_len;
  }
  n.span = {static_cast<uint32_t>(begin), static_cast<uint32_t>(q)};
  out.push_back(std::move(n));
  resume = q;
}

bool NumberExtractorImpl::take_roman(std::string_view s, size_t pos, std::vector<Number>& out, size_t& resume) const {
  auto roman_letter = [](char c) { return c == 'I' || c == 'V' || c == 'X'; };
  if (pos > 0 && is_ascii_alpha(s[pos - 1])) return false;  // inside a Latin word (VIP, ICU)
  size_t end = pos;
  while (end < s.size() && end - pos < 6 && roman_letter(s[end])) ++end;
  if (end == pos || end - pos >= 6) return false;
  const char32_t unit = char_at(s, end);
  if (unit != U'类' && unit != U'级' && unit != U'期') return false;
  // The value, and whether the letters are the numeral's usual form (IV, not IIII).
  static constexpr std::string_view kRomans[] = {"I",   "II",   "III",  "IV",  "V",  "VI",  "VII",
                                                 "VIII", "IX", "X",  "XI",  "XII", "XIII", "XIV",
                                                 "XV",  "XVI", "XVII", "XVIII", "XIX", "XX"};
  const std::string_view letters = s.substr(pos, end - pos);
  const auto it = std::find(std::begin(kRomans), std::end(kRomans), letters);
  if (it == std::end(kRomans)) return false;
  Number n;
  n.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(end + 3)};
  n.kind = NumberKind::kOrdinal;
  n.value = Decimal::from_int(static_cast<int64_t>(it - std::begin(kRomans)) + 1);
  n.unit = std::string(s.substr(end, 3));
  out.push_back(std::move(n));
  resume = end + 3;
  return true;
}

bool NumberExtractorImpl::take_code_or_date(std::string_view s, const NumberRegions& regions, const Reading& r,
                                            std::vector<Number>& out, size_t& resume) const {
  // Programme codes: a quoted digit string.
  if (const ByteSpan* code = regions.code_at(r.numeral_begin)) {
    Number n;
    n.span = *code;
    n.kind = NumberKind::kCode;
    n.iso = std::string(s.substr(code->begin, code->end - code->begin));
    if (auto v = Decimal::parse(n.iso)) n.value = *v;
    out.push_back(std::move(n));
    resume = code->end;
    return true;
  }
  const bool arabic = is_ascii_digit(s[r.numeral_begin]);
  if (arabic) {
    // Part of a Latin word (COVID-19, 5G) or an identifier (2号楼): no number.
    size_t before_start = r.match_begin;
    char32_t before = char_before(s, r.match_begin, &before_start);
    if (before == '-' || before == '.') before = char_before(s, before_start);  // COVID-19, v2.0
    if (before < 0x80 && (is_ascii_alpha(static_cast<char>(before)) || before == '_') &&
        !indicator_value_at(s, r.match_begin, r.numeral_begin)) {
      return true;
    }
    // A number one dials (拨打110, 热线电话12345, 致电023-63891234): a
    // code, digits and the dashes between their groups, whatever follows.
    size_t dial_from = r.match_begin;
    if (ends_with_at(s, dial_from, "：") || ends_with_at(s, dial_from, ":")) {
      dial_from -= ends_with_at(s, dial_from, ":") ? 1 : 3;
    }
    const bool dialed = !r.ordinal && (ends_with_at(s, dial_from, "拨打") || ends_with_at(s, dial_from, "致电") ||
                                       ends_with_at(s, dial_from, "电话") || ends_with_at(s, dial_from, "热线"));
    // A service's number, named by what it serves (12345政务服务便民热线,
    // 12356心理援助热线): a code, as a quoted programme's.
    // (At most seven digits are looked at: a longer run is no such number,
    // and the scan must not grow with a run of digits cut into many
    // candidates; a dialed number is read only from its first digit.)
    const size_t max_digits = dialed ? 16 : 7;
    size_t d = r.numeral_begin;
    while (d < s.size() && d - r.numeral_begin < max_digits &&
           (is_ascii_digit(s[d]) ||
            (dialed && s[d] == '-' && d + 1 < s.size() && is_ascii_digit(s[d + 1]) && is_ascii_digit(s[d - 1])))) {
      ++d;
    }
    auto code = [&] {
      Number n;
      n.span = {static_cast<uint32_t>(r.numeral_begin), static_cast<uint32_t>(d)};
      n.kind = NumberKind::kCode;
      n.iso = std::string(s.substr(r.numeral_begin, d - r.numeral_begin));
      if (auto v = Decimal::parse(n.iso)) n.value = *v;
      out.push_back(std::move(n));
      resume = d;
      return true;
    };
    // (Not a count or a year before the word: 2025年 热线, 300个 热线.)
    const bool counted = d < s.size() && std::u32string_view(U"年月日号时分秒个家人条项部次多余万亿千百元%.").find(
                                             char_at(s, d)) != std::u32string_view::npos;
    if (dialed && d - r.numeral_begin >= 3 && d - r.numeral_begin < max_digits && !counted) return code();
    if (!r.ordinal && d - r.numeral_begin >= 3 && d - r.numeral_begin <= 6 && !counted) {
      size_t q = d, len = 0;
      for (int chars = 0; chars <= 8 && q < s.size(); ++chars, q += len) {
        if (starts_with(s, q, "热线")) return code();
        if (!is_han(char_at(s, q, &len)) || len == 0) break;
      }
    }
  }
  if (r.ordinal) return false;
  const auto date = match_date_or_time(s, r.numeral_begin);
  if (!date) return false;
  // A month in a name: 十月革命 (七月份 is a month: jieba tags it nz).
  const size_t date_end = r.numeral_begin + date->length;
  if (!arabic && numeral_in_name(s, r.numeral_begin, date_end + (starts_with(s, date_end, "份") ? 3 : 0),
                                 /*counted=*/true)) {
    resume = r.numeral_begin + date->length;
    return true;
  }
  Number n;
  n.span = {static_cast<uint32_t>(r.numeral_begin), static_cast<uint32_t>(r.numeral_begin + date->length)};
  n.kind = date->kind;
  n.iso = date->iso;
  for (std::string_view rel : {"去年", "今年", "明年", "前年", "上年", "当年", "同年", "次年", "本月", "上月", "下月",
                               "上世纪", "本世纪"}) {
    if (ends_with_at(s, r.numeral_begin, rel)) n.relative = true;
  }
  // A trailing word of about is inside the span, as a count's (一九六二年前后,
  // 10时左右, 9时许: 许 of a clock time only).
  for (std::string_view about : {"左右", "前后", "许"}) {
    if (starts_with(s, n.span.end, about) && (about != "许" || n.kind == NumberKind::kTime)) {
      n.span.end += static_cast<uint32_t>(about.size());
      n.qualifier = Qualifier::kApprox;
      break;
    }
  }
  resume = n.span.end;
  out.push_back(std::move(n));
  return true;
}

bool NumberExtractorImpl::read_numeral(std::string_view s, size_t match_end, Reading& r, std::vector<Number>& out,
                                       size_t& resume) const {
  Core& core = r.core;
  if (!parse_core(s, r.numeral_begin, match_end, core)) {
    // Scale characters alone: 万分之三 (a denominator), 上万 (as many as).
    read_lone_scale(s, r.numeral_begin, match_end, r.ordinal, out, resume);
    return false;
  }
  // 千兆, 百兆, 万兆 (光网, 宽带) are tiers of bandwidth: 兆 is mega there,
  // as in 兆瓦; scale characters alone ending in it make no number.
  if (!core.arabic && ends_with_at(s, core.end, "兆")) {
    bool scales_only = true;
    for (size_t q = r.numeral_begin, len = 0; q < core.end && scales_only; q += len) {
      scales_only = chinese_unit_power(char_at(s, q, &len)) != 0;
    }
    if (scales_only) return false;
  }
  // Chinese digits that do not read as one numeral and end in one left
  // over name something (十三五, 十一五期间, 十五五规划: five-year plans, as
  // 十四五 is), unless a measure word or scale follows that digit.
  if (!core.arabic && !r.ordinal && core.end < match_end) {
    size_t rest_len = 0;
    const int rest = chinese_digit(char_at(s, core.end, &rest_len));
    if (rest > 0 && core.end + rest_len == match_end && chinese_digit(char_before(s, core.end)) > 0) {
      // (A measure word that opens a longer word is none: 期 of 期间.)
      size_t after_len = 0;
      const bool measured = units_.match(s, match_end, after_len) &&
                            longest_word_at(s, match_end) <= utf8::count_chars(s.substr(match_end, after_len));
      if (!measured) {
        resume = match_end;
        return false;
      }
    }
  }
  // A digit after a scale of a thousand or more, right before a measure
  // word, counts on its own (4万亿、5万亿 两个台阶), though 一万二 is 12000.
  if (core.chars >= 2 && core.end >= r.numeral_begin + 6) {
    size_t digit_begin = core.end, scale_begin = core.end;
    const int digit = chinese_digit(char_before(s, core.end, &digit_begin));
    const int power = chinese_unit_power(char_before(s, digit_begin, &scale_begin));
    size_t unit_len = 0;
    if (digit > 0 && power >= 3 && units_.match(s, core.end, unit_len)) {
      Core shorter;
      if (parse_core(s, r.numeral_begin, digit_begin, shorter)) core = shorter;
    }
  }
  r.pos = core.end;
  resume = r.pos;
  if (core.arabic && r.pos < s.size() && is_ascii_alpha(s[r.pos]) && !latin_unit_at(s, r.pos)) {
    // 15k, 30w: thousands and ten-thousands written as a suffix; a letter
    // that starts a word (5G, 3D, 4F) makes no number, but a unit of
    // letters does (10GW, 200MWh, 220kV: read_unit takes it).
    const char x = static_cast<char>(s[r.pos] | 0x20);
    const bool word = r.pos + 1 < s.size() && (is_ascii_alpha(s[r.pos + 1]) || is_ascii_digit(s[r.pos + 1]));
    if ((x != 'k' && x != 'w') || word) return false;
    if (auto v = core.parsed.value.times_pow10(x == 'k' ? 3 : 4)) core.parsed.value = *v;
    core.end = ++r.pos;
    resume = r.pos;
  }
  if (starts_with(s, r.pos, "打") && !r.ordinal) {
    // 一打, 三打: dozens, unless 打 begins a word (打造, 打通).
    size_t next_len = 0;
    const char32_t next = char_at(s, r.pos + 3, &next_len);
    if (!(is_han(next) && is_word(s, r.pos, r.pos + 3 + next_len))) {
      // Twelve times: ten times plus twice (Decimal has no product).
      const Decimal& v = core.parsed.value;
      const auto ten = v.times_pow10(1);
      const auto twice = v.plus(v);
      if (ten && twice) {
        if (auto dozen = ten->plus(*twice)) core.parsed.value = *dozen;
      }
      r.pos += 3;
      r.dozen = true;
      resume = r.pos;
    }
  }
  r.n.value = core.parsed.value;
  r.n.kind = r.ordinal ? NumberKind::kOrdinal : NumberKind::kCardinal;
  if (core.parsed.more) r.n.qualifier = Qualifier::kGt;  // 十多万, 五百余万
  r.span_begin = r.ordinal ? r.match_begin : r.numeral_begin;
  if (!r.ordinal) r.span_begin = read_sign(s, r.span_begin, r.n);
  return true;
}

NumberExtractorImpl::NeighbourDigits NumberExtractorImpl::read_neighbour_digits(std::string_view s,
                                                                             Reading& r) const {
  if (r.ordinal || is_ascii_digit(s[r.numeral_begin])) return NeighbourDigits::kNone;
  size_t q = r.numeral_begin, len = 0;
  // Tens before the pair: 十七八 (17 or 18), 二十七八.
  int tens = 0;
  const int lead = chinese_digit(char_at(s, q, &len));
  if (char_at(s, q) == U'十') {
    tens = 10;
    q += len;
  } else if (lead > 0 && starts_with(s, q + len, "十") && chinese_digit(char_at(s, q + len + 3)) > 0) {
    tens = lead * 10;
    q += len + 3;
  }
  size_t first_len = 0, second_len = 0;
  int first = chinese_digit(char_at(s, q, &first_len));
  int second = chinese_digit(char_at(s, q + first_len, &second_len));
  // Two idioms of the same kind: 三五 (three to five), 三两 (two or three).
  // (Not inside digits written one by one: 二三五年, a year missing its 〇.)
  const bool idiom = tens == 0 && first == 3 && (second == 5 || (second == 2 && char_at(s, q + first_len) == U'两')) &&
                     chinese_digit(char_before(s, q)) < 0;
  if (idiom && second == 2) std::swap(first, second);
  if (first <= 0 || (second != first + 1 && !idiom)) return NeighbourDigits::kNone;
  q += first_len + second_len;
  if (chinese_digit(char_at(s, q)) >= 0) return NeighbourDigits::kNone;  // 一二三: digit by digit
  int power = 0;  // the scale after the pair: 十 (七八十), 十万 (三四十万), at most three characters
  for (int p, k = 0; k < 3 && (p = chinese_unit_power(char_at(s, q, &len))) != 0; q += len, ++k) power += p;
  r.core.begin = r.numeral_begin;
  r.core.end = r.pos = q;
  r.core.arabic = false;
  r.core.parsed = ParsedNumeral{};
  r.core.parsed.has_unit = true;
  r.n.kind = NumberKind::kCardinal;
  r.n.value = Decimal::from_int(tens + first).times_pow10(power).value_or(Decimal());
  r.n.value_max = Decimal::from_int(tens + second).times_pow10(power).value_or(Decimal());
  r.span_begin = r.numeral_begin;
  // 三四月, 七八月份 (March and April): two months, no count of them; the
  // ISO interval of the months, as 三至四月.
  if (starts_with(s, q, "月")) {
    if (tens != 0 || power != 0 || second > 12 || idiom) return NeighbourDigits::kName;
    char buf[32];
    std::snprintf(buf, sizeof buf, "--%02d/--%02d", first, second);
    r.n.kind = NumberKind::kDate;
    r.n.iso = buf;
    r.n.value = Decimal();
    r.n.value_max.reset();
    r.pos = q + 3;
    return NeighbourDigits::kRange;
  }
  read_unit(s, r);
  return r.has_unit || (power > 0 && tens == 0) ? NeighbourDigits::kRange : NeighbourDigits::kName;
}

namespace {
// Whether a year of four digits follows s[pos]'s 、 (1980、1981年; 一九八〇、
// 一九八一年): Arabic ones starting with 1 or 2 and no decimal point after
// them, or Chinese ones written one by one (the last of the list writes 年).
bool year_listed_after(std::string_view s, size_t pos) {
  if (!starts_with(s, pos, "、")) return false;
  size_t q = pos + 3, digits = 0;
  if (q < s.size() && is_ascii_digit(s[q])) {
    while (q < s.size() && is_ascii_digit(s[q]) && digits < 5) ++q, ++digits;
    return digits == 4 && (s[pos + 3] == '1' || s[pos + 3] == '2') && !(q < s.size() && s[q] == '.');
  }
  size_t len = 0;
  for (char32_t c; digits < 5; q += len, ++digits) {
    c = char_at(s, q, &len);
    if (len == 0 || chinese_digit(c) < 0 || c == U'两') break;
  }
  return digits == 4;
}
}  // namespace

bool NumberExtractorImpl::reads_as_number(std::string_view s, const Reading& r) const {
  // Enumeration markers opening a line or a sentence (2.实现…, 3、加强…,
  // (4)提升…, 第二，推进…): no numbers, as (五), 一是, 一、 below (the silver
  // set's call). Not before another number (1、2月份; 2.5亿元).
  // (The mark after it first: most numbers have none.)
  if (const char32_t after = char_at(s, r.pos);
      (after == U'.' || after == U'、' || after == U'，' || after == U',' || after == U')' || after == U'．') &&
      !r.n.value_max && r.core.parsed.value.is_integer() && r.core.parsed.value.to_double() < 100) {
    size_t q = r.match_begin;
    char32_t before = 0;
    while (q > 0 && ((before = char_before(s, q, &q)) == U' ' || before == U'\t' || before == U'\u3000')) before = 0;
    if (after == U')') {
      if (r.core.arabic && before == U'(' && char_before(s, r.match_begin) == U'(') return false;
    } else {
      const bool opens = before == 0 || std::u32string_view(U"\n。；;！!？?").find(before) != std::u32string_view::npos;
      size_t after_len = 0;
      char_at(s, r.pos, &after_len);
      const char32_t next = r.pos + after_len < s.size() ? char_at(s, r.pos + after_len) : 0;
      const bool next_number = (next >= U'0' && next <= U'9') || chinese_digit(next) >= 0 || next == U'第';  // 第八、第九
      const bool marker = r.ordinal ? after != U'.' && after != U'．' : r.core.arabic && after != U'，' && after != U',';
      if (opens && !next_number && marker) return false;
    }
  }
  // 双11, 双12: shopping days' names (双十一 is a word of the lexicon).
  if (ends_with_at(s, r.numeral_begin, "双")) {
    const std::string_view digits = s.substr(r.core.begin, r.core.end - r.core.begin);
    if (digits == "11" || digits == "12") return false;
  }
  if (r.core.arabic || r.ordinal) return true;
  // Chinese numerals in running text are often words, not counts.
  // Written digit by digit and no year (take_code_or_date took 二〇二四年): a
  // name (九三, 一二九师), unless as long as a phone number's or with a zero
  // in it: digits read one by one (一三八零零一三八零零零, 三零一), as the
  // Arabic ones are.
  if (r.core.parsed.digit_sequence) {
    const std::string_view numeral = s.substr(r.core.begin, r.core.end - r.core.begin);
    bool zero = false;
    for (std::string_view z : {"零", "〇", "○"}) zero = zero || numeral.find(z) != std::string_view::npos;
    const double value = r.core.parsed.value.to_double();
    const bool listed_year = r.core.chars == 4 && value >= 1900 && value <= 2099 && year_listed_after(s, r.pos);
    return r.core.chars >= 5 || (r.core.chars >= 3 && zero) || listed_year;  // 一九八一、一九八二年
  }
  // 十一 the National Day holiday (十一长假, 十一黄金周, 国庆十一期间): a day's
  // name, as 五一 is a word of the lexicon.
  if (s.substr(r.core.begin, r.core.end - r.core.begin) == "十一") {
    for (std::string_view holiday : {"长假", "小长假", "黄金周", "假期", "期间", "前夕"}) {
      if (starts_with(s, r.pos, holiday)) return false;
    }
    if (ends_with_at(s, r.numeral_begin, "国庆")) return false;
  }
  // Enumerations: (五), 一是, 一、
  const char32_t before = char_before(s, r.numeral_begin);
  const char32_t after = char_at(s, r.pos);
  // An enumeration's marker is a small numeral (一、 十一、); 五千亿、 is a number of a list.
  const bool marker = r.core.parsed.value.to_double() < 100;
  return !((before == U'(' && after == U')') || after == U'是' || (after == U'、' && marker));
}

void NumberExtractorImpl::read_range(std::string_view s, Reading& r) const {
  // 1 万(含)-5 万元: an inclusive mark and spaces may stand around the connector.
  size_t at = r.pos;
  while (starts_with(s, at, " ")) ++at;
  if (starts_with(s, at, "(含)")) at += 5;
  while (starts_with(s, at, " ")) ++at;
  for (std::string_view conn : kRangeWords) {
    if (!starts_with(s, at, conn)) continue;
    size_t second_begin = at + conn.size();
    while (starts_with(s, second_begin, " ")) ++second_begin;
    Core second;
    if (!numeral_at(s, second_begin, second, 64) || second.arabic != r.core.arabic) return;
    size_t after_second = second.end;
    if (r.n.kind == NumberKind::kPercent && starts_with(s, after_second, "%")) ++after_second;
    r.n.value_max = second.parsed.value;
    // A scale written once covers both ends: 3至5亿元 is 3亿 to 5亿, 三到五万
    // 30000 to 50000; but 500至1万 stays 500 to 10000 (the first end is not
    // smaller than the second as written).
    static constexpr std::pair<std::string_view, int> kSharedScales[] = {
        {"万亿", 12}, {"亿", 8}, {"万", 4}, {"千", 3}, {"百", 2}};
    for (const auto& [scale, power] : kSharedScales) {
      if (!ends_with_at(s, second.end, scale)) continue;
      bool first_scaled = false;
      for (const auto& [other, unused] : kSharedScales) first_scaled = first_scaled || ends_with_at(s, r.core.end, other);
      const auto second_as_written = second.parsed.value.times_pow10(-power);
      if (!first_scaled && second_as_written && r.n.value.to_double() < second_as_written->to_double()) {
        if (auto v = r.n.value.times_pow10(power)) r.n.value = *v;
      }
      break;
    }
    r.pos = after_second;
    return;
  }
}

bool NumberExtractorImpl::round_count(std::string_view s, const Reading& r) const {
  const char32_t last = char_before(s, r.pos);
  return r.n.value.is_integer() && !r.n.value_max && (last == U'0' || chinese_unit_power(last) != 0);
}

const UnitInfo* NumberExtractorImpl::unit_counted_after_ge(std::string_view s, size_t pos, size_t& len) const {
  // The table writes some units with their 个 (个月, 个百分点): tried first.
  std::string with_ge = "个";
  with_ge.append(s.substr(pos, 12));
  const UnitInfo* unit = units_.match(with_ge, 0, len);
  if (unit && len > 3) {
    len -= 3;
  } else {
    unit = units_.match(s, pos, len);
  }
  return unit && unit->kind != NumberKind::kMoney && unit->scale_power == 0 ? unit : nullptr;
}

std::optional<std::string> NumberExtractorImpl::currency_before(std::string_view s, size_t begin) const {
  // The currency names are two or three characters (港币, 新台币), of the
  // unit table's money units of no scale.
  for (size_t chars = 3; chars >= 2; --chars) {
    if (begin < chars * 3) continue;
    const size_t at = begin - chars * 3;
    if (!is_han(char_at(s, at))) continue;
    size_t len = 0;
    const UnitInfo* unit = units_.match(s, at, len);
    if (unit && at + len == begin && unit->kind == NumberKind::kMoney && unit->scale_power == 0 &&
        unit->unit != "元") {
      return unit->unit;
    }
  }
  return std::nullopt;
}

void NumberExtractorImpl::read_unit(std::string_view s, Reading& r) const {
  Number& n = r.n;
  size_t& pos = r.pos;
  // 余 / 多 / 几 between the number and its unit: 20余家, 2万多人, 十几个 (gt);
  // 来 after a scale: 十来个, 一百来人 (about).
  // (把 too after 百, 千, 万: 千把人, 万把块.)
  const bool about = (starts_with(s, pos, "来") || (starts_with(s, pos, "把") && char_before(s, pos) != U'十')) &&
                     !r.core.arabic && chinese_unit_power(char_before(s, pos)) != 0;
  const bool more = starts_with(s, pos, "余") || starts_with(s, pos, "多");
  // 数 after 十: ten and some (十数个, 十数年).
  const bool some = starts_with(s, pos, "数") && !r.core.arabic && char_before(s, pos) == U'十';
  if (!r.has_unit && (about || more || some || starts_with(s, pos, "几"))) {
    size_t unit_len;
    if (units_.match(s, pos + 3, unit_len)) {
      n.qualifier = about ? Qualifier::kApprox : Qualifier::kGt;
      pos += 3;
    } else if (more && n.qualifier == Qualifier::kNone && !is_han(char_at(s, pos + 3)) && round_count(s, r)) {
      // Nothing counted after it (共三百多。, 增加20多): still more than.
      n.qualifier = Qualifier::kGt;
      pos += 3;
      return;
    }
  }
  if (r.has_unit) return;
  size_t unit_len = 0;
  const UnitInfo* unit = units_.match(s, pos, unit_len);
  if (!unit) return;
  const std::string_view unit_text = s.substr(pos, unit_len);
  // 千亿级, 百万级: a magnitude's 级 is no grade; the magnitude is a cardinal.
  if (unit_text == "级" && n.value.to_double() >= 10000) return;
  // 10大类 counts classes; 十大类 is 十大 + noun, a list's size (cardinal 十).
  if (unit_text == "大类" && !r.core.arabic) return;
  // 期间 says when, it counts no 期 (双11期间, 国庆十一期间).
  if (unit_text == "期" && starts_with(s, pos + unit_len, "间")) return;
  // Divisions counted (关中5市, 3乡, 三地, 东北三省): the number no bare
  // magnitude (千亿县: a county of a hundred billion) nor a numeral of
  // amounts (陆地), the character ending a word there (unit_ends_word).
  if (is_division_unit(unit_text)) {
    const char32_t first = char_at(s, r.numeral_begin);
    if (!r.core.arabic &&
        (chinese_unit_power(first) != 0 || std::u32string_view(U"壹贰叁肆伍陆柒捌玖拾").find(first) != std::u32string_view::npos)) {
      return;
    }
    if (!unit_ends_word(s, r.numeral_begin, pos + unit_len)) return;
    // A word after it, not one character that goes on a name (八县办: a
    // place), unless a function word (三地的, 5市等).
    const size_t after = pos + unit_len;
    if (after < s.size() && is_han(char_at(s, after)) && longest_word_at(s, after) < 2 &&
        std::u32string_view(U"的等和与及、").find(char_at(s, after)) == std::u32string_view::npos) {
      return;
    }
  }
  r.has_unit = true;
  n.unit = unit->unit;
  if (unit->scale_power != 0) {
    if (auto v = n.value.times_pow10(unit->scale_power)) n.value = *v;
    if (n.value_max) {
      if (auto v = n.value_max->times_pow10(unit->scale_power)) n.value_max = *v;
    }
  }
  if (!r.ordinal) {
    n.kind = unit->kind;
    // 三季度, 一季度: the third, the first quarter of a year (三个季度 counts
    // three; 前三季度 the first three).
    const bool quarter = unit_text == "季度" && n.value.is_integer() && n.value.to_double() >= 1 &&
                         n.value.to_double() <= 4 && !n.value_max && !ends_with_at(s, r.span_begin, "前");
    // (A grade is a whole number: 6.2级 of an earthquake, 12.5级 of a wind
    // are magnitudes, counted.)
    const bool grade = (unit_text == "级" || unit_text == "A级") && n.value.is_integer();
    if (grade || unit_text == "年级" || unit_text == "世纪" || quarter || (!r.core.arabic && (unit_text == "届" || unit_text == "期" || unit_text == "中全会"))) {
      // 十五届, 一期 (phase one), 三级医院 (a grade), 三年级 (a school year),
      // 四中全会 (the fourth plenary session)
      n.kind = NumberKind::kOrdinal;
    } else if (!r.core.arabic && unit_text == "次") {
      // 十五届二次会议: the session number.
      bool meeting = ends_with_at(s, r.numeral_begin, "届");
      for (std::string_view w : kMeetingWords) meeting = meeting || starts_with(s, pos + unit_len, w);
      if (meeting) n.kind = NumberKind::kOrdinal;
    }
  }
  pos += unit_len;
  // A rate: a unit per another (25万元/人, 29微克/立方米, 0.5吨标准煤/万元):
  // the second as written.
  if (pos + 1 < s.size() && s[pos] == '/') {
    size_t per_len = 0;
    if (units_.match(s, pos + 1, per_len) && !is_ascii_digit(s[pos + 1])) {
      n.unit += "/";
      n.unit.append(s.substr(pos + 1, per_len));
      pos += 1 + per_len;
      return;
    }
  }
  if (unit->kind == NumberKind::kMoney && unit->unit == "角") {
    read_money_tail(s, pos, n, /*in_jiao=*/true);
  }
  if (unit->kind == NumberKind::kMoney && unit->unit == "元") {
    read_money_tail(s, pos, n);
    // A currency named before the amount counts its 元 (港币100元, 美金5元,
    // 新台币3000元); 人民币 is 元 already.
    n.unit = currency_before(s, r.span_begin).value_or(n.unit);
  }
  if ((unit_text == "米" || unit_text == "度") && !r.core.arabic && !r.ordinal && !n.value_max &&
      n.value.is_integer() && !n.value.negative() && n.kind == NumberKind::kQuantity) {
    read_spoken_decimals(s, pos, n);
  }
  // 一年半, 两个半小时: the half after the unit (个半 takes the next unit).
  if (starts_with(s, pos, "半") && n.kind == NumberKind::kQuantity) {
    if (auto v = n.value.plus(*Decimal::parse("0.5"))) n.value = *v;
    pos += 3;
    size_t next_len = 0;
    const UnitInfo* next = unit_text == "个" ? unit_counted_after_ge(s, pos, next_len) : nullptr;
    if (next && next->kind == NumberKind::kQuantity) {
      n.unit = next->unit;
      pos += next_len;
    }
  }
}

void NumberExtractorImpl::read_currency_symbol(std::string_view s, Reading& r) const {
  if (r.has_unit || r.ordinal) return;
  // Longest first: US$ before $. ￥ is ¥ in the normalized view; in Chinese
  // text it is the yuan.
  static constexpr std::pair<std::string_view, std::string_view> kSymbols[] = {
      {"US$", "美元"}, {"HK$", "港元"}, {"$", "美元"}, {"¥", "元"}, {"€", "欧元"}, {"£", "英镑"}};
  for (const auto& [symbol, unit] : kSymbols) {
    if (!ends_with_at(s, r.span_begin, symbol)) continue;
    // A$, S$, NT$: other dollars than these.
    const char32_t before = char_before(s, r.span_begin - symbol.size());
    if (before < 0x80 && is_ascii_alpha(static_cast<char>(before))) return;
    r.n.kind = NumberKind::kMoney;
    r.n.unit = std::string(unit);
    r.span_begin -= symbol.size();
    r.has_unit = true;
    return;
  }
}

void NumberExtractorImpl::read_year_range(Reading& r) const {
  Number& n = r.n;
  if (!(r.core.arabic || r.core.parsed.digit_sequence) || r.core.chars != 4 || n.unit != "年" || !n.value_max) return;
  const double first = n.value.to_double(), last = n.value_max->to_double();
  if (!n.value.is_integer() || !n.value_max->is_integer() || first < 1000 || last > 2099 || first >= last) return;
  n.kind = NumberKind::kDate;
  n.iso = n.value.to_string() + "/" + n.value_max->to_string();
  n.unit.clear();
  n.value_max.reset();
}

void NumberExtractorImpl::read_rank(std::string_view s, Reading& r) const {
  Number& n = r.n;
  const bool after_front = ends_with_at(s, r.span_begin, "前");
  if (r.ordinal || n.value_max || (!after_front && n.unit != "位") || !n.value.is_integer() ||
      n.value.to_double() < 1 || (n.kind != NumberKind::kCardinal && n.unit != "位" && n.unit != "名")) {
    return;
  }
  // The clause before the number, back to its punctuation (at most 16 characters).
  size_t clause = r.span_begin;
  for (int k = 0; k < 16 && clause > 0; ++k) {
    size_t prev = clause;
    const char32_t c = char_before(s, clause, &prev);
    if (!is_han(c) && !(c >= U'0' && c <= U'9')) break;
    clause = prev;
  }
  const std::string_view before = s.substr(clause, r.span_begin - clause);
  // 前六, 前5位 after a verb of standing (居, 位居, 跻身 …) and a scope.
  if (after_front && (n.unit.empty() || n.unit == "位" || n.unit == "名")) {
    for (std::string_view verb : {"居", "位列", "跻身", "进入", "保持"}) {
      const size_t at = before.rfind(verb);
      if (at != std::string_view::npos && before.size() - at - verb.size() <= 3 * 5) {
        r.rank = true;
        break;
      }
    }
  }
  // 369位 in a clause about a ranking (排名由369位上升到235位), but not a
  // change of places (排名提升7位: seven places up).
  bool change = false;
  for (std::string_view verb : {"提升", "上升", "下降", "提高", "前移", "后移", "攀升", "跃升", "下滑"}) {
    change = change || ends_with_at(s, r.span_begin, verb);
  }
  if (n.unit == "位" && !change &&
      (before.find("排名") != std::string_view::npos || before.find("位次") != std::string_view::npos)) {
    r.rank = true;
  }
  if (r.rank) n.kind = NumberKind::kOrdinal;
}

void NumberExtractorImpl::read_bare_year(std::string_view s, Reading& r) const {
  Number& n = r.n;
  // (Arabic digits, or Chinese ones written one by one: 一九八〇、一九八一年.)
  const bool digits = r.core.arabic || r.core.parsed.digit_sequence;
  if (!digits || r.core.chars != 4 || r.has_unit || n.kind != NumberKind::kCardinal ||
      r.span_begin != r.numeral_begin || !n.value.is_integer()) {
    return;
  }
  const double year = n.value.to_double();
  if (year < 1900 || year > 2099) return;
  // Or two years in a row, before the word the first would take
  // (2024-2025学年, 2024—2025赛季).
  const double last = n.value_max ? n.value_max->to_double() : year;
  if (n.value_max && (!n.value_max->is_integer() || last <= year || last > 2099)) return;
  // A name, an edition or a verb after it (2025中国足协杯, 2026版, 2025回望),
  // not a qualifier or a count's word (2000余, 2000多); or the first of
  // years listed before their 年 (1980、1981年).
  const char32_t next = char_at(s, r.pos);
  bool year_like = is_han(next) && std::u32string_view(U"余多几来").find(next) == std::u32string_view::npos;
  year_like = year_like || year_listed_after(s, r.pos);
  if (!year_like) return;
  for (const auto& q : kTrailingQualifiers) {
    if (starts_with(s, r.pos, q.text)) return;  // 2000以上
  }
  n.kind = NumberKind::kDate;
  n.iso = n.value.to_string();
  if (n.value_max) n.iso += "/" + n.value_max->to_string();
  n.value = Decimal();
  n.value_max.reset();
}

bool NumberExtractorImpl::read_month_range(std::string_view s, Reading& r) const {
  Number& n = r.n;
  if (!n.value_max || r.has_unit || n.kind != NumberKind::kCardinal || !starts_with(s, r.pos, "月")) return false;
  const double first = n.value.to_double(), last = n.value_max->to_double();
  if (!n.value.is_integer() || !n.value_max->is_integer() || first < 1 || last > 12 || first >= last) return false;
  char buf[16];
  std::snprintf(buf, sizeof buf, "--%02d/--%02d", static_cast<int>(first), static_cast<int>(last));
  n.kind = NumberKind::kDate;
  n.iso = buf;
  n.value = Decimal();
  n.value_max.reset();
  r.pos += 3;
  return true;
}

bool NumberExtractorImpl::read_listed_month(std::string_view s, Reading& r) const {
  Number& n = r.n;
  // (The mark first: asked of every number, most are not before one.)
  if (!starts_with(s, r.pos, "、") || r.ordinal || r.has_unit || n.value_max || n.kind != NumberKind::kCardinal ||
      r.span_begin != r.numeral_begin || !n.value.is_integer()) {
    return false;
  }
  const double month = n.value.to_double();
  if (month < 1 || month > 12) return false;
  // The members after it: numbers of one or two digits, each before a 、,
  // up to one written as a month (8月, 8月15日 is no list of months).
  size_t q = r.pos + 3;
  for (int members = 0; members < 12; ++members) {
    if (const auto date = match_date_or_time(s, q)) {
      if (date->kind != NumberKind::kDate || date->iso.size() != 4 || date->iso.compare(0, 2, "--") != 0) return false;
      break;
    }
    size_t digits = 0;
    while (digits < 2 && q + digits < s.size() && is_ascii_digit(s[q + digits])) ++digits;
    if (digits == 0 || !starts_with(s, q + digits, "、")) return false;
    q += digits + 3;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "--%02d", static_cast<int>(month));
  n.kind = NumberKind::kDate;
  n.iso = buf;
  n.value = Decimal();
  return true;
}

bool NumberExtractorImpl::is_counted(std::string_view s, const Reading& r) const {
  const Core& core = r.core;
  if (r.dozen) return true;
  if (!core.arabic && !r.ordinal) {
    // X又X is an idiom (一场又一场), X性 an adjective (一次性).
    if (starts_with(s, r.pos, "又") || starts_with(s, r.pos, "性")) return false;
    // Scale characters alone written twice are a multitude (千千万万), and
    // before a negation an adverb (万万不可, 万万没想到).
    bool scales_only = true;
    for (size_t q = core.begin, len = 0; q < core.end && scales_only; q += len) {
      scales_only = chinese_unit_power(char_at(s, q, &len)) != 0 && len != 0;
    }
    if (scales_only) {
      if (chinese_unit_power(char_before(s, core.begin)) != 0) return false;
      if (!r.has_unit && std::u32string_view(U"不没别勿莫").find(char_at(s, r.pos)) != std::u32string_view::npos) {
        return false;
      }
    }
    if (!r.has_unit) {
      // A bare numeral: only 六大/两大 + noun (cardinal), or multi-character
      // numerals with a unit character (十五, 三千五百万) that start with a digit or 十.
      const char32_t first = char_at(s, r.numeral_begin);
      const bool big_list = core.chars == 1 && starts_with(s, r.pos, "大") && is_han(char_at(s, r.pos + 3)) &&
                            core.parsed.value != Decimal::from_int(1);
      const bool written_number = core.chars > 1 && core.parsed.has_unit &&
                                  (chinese_digit(first) > 0 || first == U'十' || first == U'半');
      // A decimal part after 点: 三点一四, 零点五 (not 一点 of 一点意见), ending
      // where a word does (not 两点一 of 两点 一线).
      const size_t dot = s.substr(core.begin, core.end - core.begin).find("点");
      const bool decimal = dot != std::string_view::npos && core.begin + dot + 3 < core.end &&
                           (!is_han(char_at(s, core.end)) || segmented_at(s, core.begin, core.end, core.end));
      // A magnitude: 千亿, 百亿 (级); not 千万 the adverb (千万不要).
      const bool magnitude = core.chars > 1 && chinese_unit_power(first) != 0 &&
                             (core.parsed.value.to_double() >= 1e8 || starts_with(s, r.pos, "级"));
      // A sign makes a count of one digit too (负五, 零下五).
      const bool signed_numeral = r.span_begin < r.numeral_begin;
      // 上千万, 数百万: a scale counted by the word before it.
      // Digits read one by one that reads_as_number let through (三零一).
      const bool digit_by_digit = core.parsed.digit_sequence;
      if (!big_list && !written_number && !decimal && !magnitude && !signed_numeral && !digit_by_digit &&
          approximation(s, r) == Qualifier::kNone) {
        return false;
      }
    } else if (core.chars == 1 && core.parsed.value == Decimal::from_int(1) && r.n.kind != NumberKind::kOrdinal &&
               r.n.value.is_integer() && !one_period(s, r)) {
      return false;  // 一个好报告, 一批项目, 新的一年: the indefinite article (一年半 is kept)
    }
    // 上千人, 上百家 are approximations, though the lexicon lists some as words.
    const bool approximate = approximation(s, r) != Qualifier::kNone;
    if (!approximate && numeral_in_name(s, r.numeral_begin, r.pos, r.has_unit)) return false;
    // A scale and a measure word that are together a frequent noun of the
    // lexicon name something (百度, the search engine: no 100 度).
    if (!approximate && core.chars == 1 && chinese_unit_power(char_at(s, r.numeral_begin)) != 0 &&
        common_noun(s, r.numeral_begin, r.pos)) {
      return false;
    }
  }
  // 第三方, 第一线: fixed expressions, not ordinals.
  if (r.ordinal && numeral_in_name(s, r.match_begin, r.pos, /*counted=*/false)) return false;
  return !(core.arabic && !r.has_unit && starts_with(s, r.pos, "号"));  // 2号楼, 1号线
}

bool NumberExtractorImpl::one_period(std::string_view s, const Reading& r) const {
  // A span of time with a qualifier is a count (一年多, 一个多月, 超过一年,
  // 一年以上): the article is never qualified. (Not other units: 突破 一批
  // 技术 and 一批 上下游 are the article before a verb's object and a word.)
  static constexpr std::string_view kSpansOfTime[] = {"年", "个月", "小时", "天", "周", "星期", "季度"};
  auto span_of_time = [](std::string_view unit) {
    return std::find(std::begin(kSpansOfTime), std::end(kSpansOfTime), unit) != std::end(kSpansOfTime);
  };
  // (个 may become 个月 with the qualifier: 一个多月. 一年比一年多: 多 is
  // the comparison's.)
  if ((span_of_time(r.n.unit) || r.n.unit == "个") && !ends_with_at(s, r.span_begin, "比")) {
    Reading qualified = r;
    read_qualifiers(s, qualified);
    if (qualified.n.qualifier != Qualifier::kNone && span_of_time(qualified.n.unit)) return true;
  }
  // 增长一倍, 一倍多: a multiple is always counted (no article reads 一倍).
  if (r.n.unit == "倍") return true;
  // 翻一番, 翻了一番: doubled, a count of doublings.
  if (r.n.unit == "番") return ends_with_at(s, r.span_begin, "翻") || ends_with_at(s, r.span_begin, "翻了");
  // 过去一年, 过去的一年, 一年来, 近一年, 学前一年 (a year of preschool): a span
  // of time counted, not the indefinite article.
  return r.n.unit == "年" && (starts_with(s, r.pos, "来") || ends_with_at(s, r.span_begin, "过去") ||
                             ends_with_at(s, r.span_begin, "过去的") || ends_with_at(s, r.span_begin, "近") ||
                             ends_with_at(s, r.span_begin, "学前"));
}

Qualifier NumberExtractorImpl::approximation(std::string_view s, const Reading& r) const {
  if (r.core.arabic || chinese_unit_power(char_at(s, r.numeral_begin)) == 0) return Qualifier::kNone;
  if (after_several(s, r.numeral_begin)) return Qualifier::kGt;  // 数十个, 几十年: several tens
  return leading_qualifier(s, r.numeral_begin);                   // 上千人, 近千家, 超千亿元
}

bool NumberExtractorImpl::after_several(std::string_view s, size_t begin) const {
  if (!ends_with_at(s, begin, "数") && !ends_with_at(s, begin, "几")) return false;
  if (ends_with_at(s, begin - 3, "分之")) return false;  // 百分之几十: no count of its own
  // Not the end of a word: 指数 百强, 人数 百万, 茶几.
  size_t word_begin = begin - 3;
  return !(char_before(s, begin - 3, &word_begin) != 0 && is_word(s, word_begin, begin));
}

Qualifier NumberExtractorImpl::leading_qualifier(std::string_view s, size_t begin) const {
  // 上 before a scale: as many as (上千人), where it starts a word.
  if (ends_with_at(s, begin, "上")) return word_starts_at(s, begin - 3, begin) ? Qualifier::kApprox : Qualifier::kNone;
  for (const auto& q : kLeadingQualifiers) {
    if (ends_with_at(s, begin, q.text)) {
      return word_starts_at(s, begin - q.text.size(), begin) ? q.qualifier : Qualifier::kNone;
    }
  }
  return Qualifier::kNone;
}

bool NumberExtractorImpl::word_starts_at(std::string_view s, size_t at, size_t to) const {
  // Not the end of a longer word (最近 百度, 靠近 万州, 迈上 万亿元), while 收入
  // 超 亿元 is (入超 is a word too): the segmenter's path over two characters
  // before decides.
  size_t from = at;
  for (int k = 0; k < 2; ++k) {
    size_t prev = from;
    if (!is_han(char_before(s, from, &prev))) break;
    from = prev;
  }
  return from == at || segmented_at(s, from, to, at);
}

void NumberExtractorImpl::read_qualifiers(std::string_view s, Reading& r) const {
  Number& n = r.n;
  for (const auto& q : kTrailingQualifiers) {
    if (starts_with(s, r.pos, q.text)) {
      n.qualifier = q.qualifier;
      r.pos += q.text.size();
      break;
    }
  }
  // 3年多: more than; not 多 opening a word (5条 多式联运, 多层次).
  if (n.qualifier == Qualifier::kNone && starts_with(s, r.pos, "多") && r.has_unit && longest_word_at(s, r.pos) < 3) {
    n.qualifier = Qualifier::kGt;
    r.pos += 3;
    // 三个多月, 两个多小时: 个 then the unit counted.
    if (n.unit == "个" && ends_with_at(s, r.pos - 3, "个")) {
      size_t len = 0;
      if (const UnitInfo* unit = unit_counted_after_ge(s, r.pos, len)) {
        n.unit = unit->unit;
        n.kind = unit->kind;  // 10个多百分点: a percent
        r.pos += len;
      }
    }
  }
  for (const auto& q : kLeadingQualifiers) {
    if (n.qualifier != Qualifier::kNone || !ends_with_at(s, r.span_begin, q.text)) continue;
    if (q.word_start && !word_starts_at(s, r.span_begin - q.text.size(), r.span_begin)) continue;
    n.qualifier = q.qualifier;
  }
  // 上千人, 上千万: scale characters after 上, about that many; 数十个, 数百万: more.
  if (n.qualifier == Qualifier::kNone) n.qualifier = approximation(s, r);
}

// One candidate through the stages: candidate (codes, dates) → numeral (with
// its sign and suffix) → a written form that is its own unit (fractions,
// ratios) or: word checks → percent sign → range → unit → counted or not →
// qualifiers.
void NumberExtractorImpl::extract_at(std::string_view s, const NumberRegions& regions, size_t match_begin,
                                     size_t match_end, std::vector<Number>& out, size_t& resume) const {
  Reading r;
  r.match_begin = match_begin;
  r.ordinal = starts_with(s, match_begin, "第");
  r.numeral_begin = r.ordinal ? match_begin + 3 : match_begin;
  resume = match_end;
  if (r.numeral_begin >= match_end || regions.skipped(r.numeral_begin)) return;
  if (take_code_or_date(s, regions, r, out, resume)) return;
  switch (read_neighbour_digits(s, r)) {
    case NeighbourDigits::kName:
      resume = r.pos;
      return;
    case NeighbourDigits::kRange:
      read_qualifiers(s, r);
      r.n.span = {static_cast<uint32_t>(r.span_begin), static_cast<uint32_t>(r.pos)};
      resume = r.pos;
      out.push_back(std::move(r.n));
      return;
    case NeighbourDigits::kNone:
      break;
  }
  if (!read_numeral(s, match_end, r, out, resume)) return;

  // Fractions and percentages in words (三分之一, 百分之十五, 三又三分之一, 3/4),
  // and ratios (三成 = 30%, 九折 = 90%) carry their own unit.
  if (read_fraction(s, r.core, r.pos, r.n)) {
    // The value is whole; qualifiers still follow.
  } else if (starts_with(s, r.pos, "分之")) {
    return;
  } else if (!r.ordinal && read_ratio(s, r.core, r.numeral_begin, r.pos, r.n)) {
    r.has_unit = true;
  } else {
    if (!reads_as_number(s, r)) return;
    // Percent signs.
    if (starts_with(s, r.pos, "%") || starts_with(s, r.pos, "‰")) {
      r.n.kind = NumberKind::kPercent;
      r.n.unit = s[r.pos] == '%' ? "%" : "‰";
      r.pos += s[r.pos] == '%' ? 1 : 3;
      r.has_unit = true;
    }
    read_range(s, r);
    if (read_month_range(s, r)) {
      // 2023年1—10月: the year before is the months' year.
      if (!out.empty() && out.back().kind == NumberKind::kDate && out.back().span.end == r.span_begin &&
          out.back().iso.size() == 4) {
        const std::string year = out.back().iso;
        r.span_begin = out.back().span.begin;
        r.n.iso = year + r.n.iso.substr(1, 3) + "/" + year + r.n.iso.substr(6);  // --01/--10
        out.pop_back();
      }
      r.n.span = {static_cast<uint32_t>(r.span_begin), static_cast<uint32_t>(r.pos)};
      resume = r.pos;
      out.push_back(std::move(r.n));
      return;
    }
    if (read_listed_month(s, r)) {
      r.n.span = {static_cast<uint32_t>(r.span_begin), static_cast<uint32_t>(r.pos)};
      resume = r.pos;
      out.push_back(std::move(r.n));
      return;
    }
    read_unit(s, r);
    read_currency_symbol(s, r);
    read_year_range(r);
    read_rank(s, r);
    if (!r.rank && !is_counted(s, r)) return;
    read_bare_year(s, r);
  }
  read_qualifiers(s, r);
  r.n.span = {static_cast<uint32_t>(r.span_begin), static_cast<uint32_t>(r.pos)};
  resume = r.pos;
  out.push_back(std::move(r.n));
}

bool NumberExtractorImpl::may_contain_numbers(std::string_view text) const {
  // A candidate character, or one the normalized view turns into a digit
  // (０, ⅝, ②): what extract_normalized would find. Ill-formed bytes are
  // stepped over one at a time, as the view copies them.
  const size_t n = text.size();
  for (size_t pos = 0; pos < n;) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      if ((c >= '0' && c <= '9') || c == 'I' || c == 'V' || c == 'X') return true;
      ++pos;
      continue;
    }
    // Han and CJK punctuation are three bytes: tested without a full decode.
    if ((c & 0xF0) == 0xE0 && pos + 2 < n) {
      const auto c1 = static_cast<unsigned char>(text[pos + 1]), c2 = static_cast<unsigned char>(text[pos + 2]);
      if (((c1 ^ 0x80) | (c2 ^ 0x80)) < 0x40) {
        const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(c1 & 0x3F) << 6) | char32_t(c2 & 0x3F);
        if (may_become_candidate_[cp]) return true;
        pos += 3;
        continue;
      }
    }
    size_t len;
    const char32_t cp = utf8::decode(text, pos, len);
    if (cp != utf8::kInvalid && (cp >= 0x10000 || may_become_candidate_[cp])) return true;
    pos += cp == utf8::kInvalid ? 1 : len;
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
    if (s[pos] == 'I' || s[pos] == 'V' || s[pos] == 'X') {
      size_t resume = pos + 1;
      take_roman(s, pos, out, resume);
      return resume;
    }
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
      count += (static_cast<uint32_t>(c - '0') < 10u) | ((c < 0x10000) & starts_candidate_[c & 0xFFFF]) |
               (c == U'I') | (c == U'V') | (c == U'X');
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
        const bool candidate = (static_cast<unsigned>(c - '0') < 10u) | (three & starts_candidate_[cp]) | (c == 'I') |
                               (c == 'V') | (c == 'X');
        if (!candidate) {
          pos += three ? 3 : 1;
          continue;
        }
      } else if (static_cast<unsigned>(c - '0') >= 10u) {
        ++pos;  // the last two bytes: only a digit can start a candidate there (a Roman numeral needs its unit)
        continue;
      }
      pos = take(pos);
      while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    }
  }
  // Spans were found in the normalized text; report them in the original.
  // A number inside one change of normalization (the 5 of ⅝ → 5⁄8) has no
  // span of its own there: it is dropped, as is one that would overlap the
  // number before it once mapped.
  size_t kept = 0;
  uint32_t last_end = 0;
  for (Number& n : found) {
    n.span = nt.original_span(n.span);
    if (n.span.empty() || n.span.begin < last_end) continue;
    last_end = n.span.end;
    if (&found[kept] != &n) found[kept] = std::move(n);
    ++kept;
  }
  found.resize(kept);
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
