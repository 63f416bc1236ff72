// src/numbers/extractor_impl.h — the number extractor behind
// zhpolicy::NumberExtractor, also driven directly by the Analyzer, which
// hands it the segmenter's decoding of the normalized text.
#ifndef ZHPOLICY_SRC_NUMBERS_EXTRACTOR_IMPL_H_
#define ZHPOLICY_SRC_NUMBERS_EXTRACTOR_IMPL_H_

#include <bitset>
#include <string_view>
#include <vector>

#include "numbers/numeral.h"
#include "numbers/units.h"
#include "text/decoded_text.h"
#include "zhpolicy/numbers.h"
#include "zhpolicy/text.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {

struct NumberRegions;

class NumberExtractorImpl {
 public:
  explicit NumberExtractorImpl(Lexicon lexicon);

  std::vector<Number> extract(std::string_view text) const;
  // `decoded`, when given, is the decoding of nt.normalized (the
  // segmenter's, inside Analyzer): candidates are then found on its chars.
  std::vector<Number> extract_normalized(const NormalizedText& nt, const DecodedText* decoded = nullptr) const;
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  struct Core {
    size_t begin, end;  // bytes of the numeral (without 第)
    ParsedNumeral parsed;
    bool arabic;
    size_t chars;  // code points
  };
  bool may_contain_numbers(std::string_view text) const;
  // The length of the numeral candidate at s[pos] (0: none), within `limit`
  // bytes: 第?, then Arabic numbers ([0-9][0-9,]*(\.[0-9]+)?), Chinese digits
  // and scale characters in the mixes numeral.h reads, with 点 and a decimal
  // part, 多/余/几 before a scale, and single spaces next to a scale. A
  // scan rather than a regex: it runs at every candidate, and a DFA's states
  // crowd the segmenter's trie out of the cache.
  size_t core_extent(std::string_view s, size_t pos, size_t limit) const;
  bool parse_core(std::string_view s, size_t begin, size_t end, Core& core) const;
  // The numeral (not led by 第) starting at s[at], within `limit` bytes; false if none.
  bool numeral_at(std::string_view s, size_t at, Core& out, size_t limit = kMaxCandidateBytes) const;
  // `counted`: the candidate has a measure word (二期, 十年).
  bool numeral_in_name(std::string_view s, size_t begin, size_t candidate_end, bool counted) const;
  // Whether the segmenter's best path over s[from, to) (and a few Han
  // characters after) has a word boundary at byte `at`.
  bool segmented_at(std::string_view s, size_t from, size_t to, size_t at) const;
  // Whether the segmenter ends a word at `unit_end` in the text from `from`
  // (or nothing Han follows).
  bool unit_ends_word(std::string_view s, size_t from, size_t unit_end) const;
  // Whether s[begin, end) is a frequent word of the lexicon that is no
  // numeral or measure word (百度).
  bool common_noun(std::string_view s, size_t begin, size_t end) const;
  // Whether the run of ASCII letters at byte `pos`, two or more, is a unit
  // of the table as a whole (GW, kWh, km; not the G of 5G, nor GWs).
  bool latin_unit_at(std::string_view s, size_t pos) const;
  // Calls f(end, step, view) for each word of the lexicon (the user layer's,
  // then the base's) that starts at byte `at` and runs over Han characters,
  // shortest first: `end` its end byte, `step` its trie node (its entry is
  // view.trie().word(step.node), fetched only where wanted); true as soon as
  // f returns true.
  template <typename F>
  bool for_each_word_at(std::string_view s, size_t at, F&& f) const;
  // The length in characters of the longest word of the lexicon starting
  // at byte `at` (0: none).
  size_t longest_word_at(std::string_view s, size_t at) const;
  // Whether chars [begin, end) of s, bytes, spell a word of the lexicon.
  bool is_word(std::string_view s, size_t begin, size_t end) const;

  // One candidate as its stages read it (extract_at).
  struct Reading {
    size_t match_begin = 0;    // the candidate, 第 included
    size_t numeral_begin = 0;  // the numeral, after 第
    size_t span_begin = 0;     // the mention: 第 or a sign included
    size_t pos = 0;            // how far the stages have read
    bool ordinal = false;      // led by 第
    bool has_unit = false;
    bool dozen = false;        // 一打: counted in dozens
    bool rank = false;         // 居全国前六, 排名由369位: a place in a ranking
    Core core;
    Number n;
  };
  // The stages of extract_at, in its order (numbers/extractor.cc).
  // A quoted code, a date or a decade (true: the candidate is taken or dropped).
  // A Roman numeral of grade or phase (Ⅱ类水质, Ⅲ期临床, Ⅳ级响应: NFKC
  // writes Ⅱ as II) at s[pos]: an ordinal with its unit; false if none.
  bool take_roman(std::string_view s, size_t pos, std::vector<Number>& out, size_t& resume) const;
  bool take_code_or_date(std::string_view s, const NumberRegions& regions, const Reading& r,
                         std::vector<Number>& out, size_t& resume) const;
  // The numeral, its k/w suffix and its sign; false: no number here.
  bool read_numeral(std::string_view s, size_t match_end, Reading& r, std::vector<Number>& out,
                    size_t& resume) const;
  // Two neighbouring digits for "this or the next" (三四个, 两三年, 七八十人,
  // 十七八岁): kRange sets r's value, value_max and pos; kName when no
  // measure word or scale follows (十四五, 一二·九): no number.
  enum class NeighbourDigits { kNone, kRange, kName };
  NeighbourDigits read_neighbour_digits(std::string_view s, Reading& r) const;
  // Whether a Chinese numeral counts here: not a word (九三, (五), 一是).
  bool reads_as_number(std::string_view s, const Reading& r) const;
  void read_range(std::string_view s, Reading& r) const;
  void read_unit(std::string_view s, Reading& r) const;
  // The normalized unit of a currency other than 元 named right before byte
  // `begin` (港币 -> 港元, 美金 -> 美元), or nothing.
  std::optional<std::string> currency_before(std::string_view s, size_t begin) const;
  // The unit counted after 个 and 半/多 at s[pos] (个半月 个月, 个多小时
  // 小时, 个多百分点 个百分点) and its length there, or nullptr: no money,
  // no scale.
  const UnitInfo* unit_counted_after_ge(std::string_view s, size_t pos, size_t& len) const;
  // Whether r's number so far is a round count (20, 三百, 1.5万), which may
  // take 余/多 with nothing counted after it.
  bool round_count(std::string_view s, const Reading& r) const;
  // $100, ¥100, €50, £30, US$500: money by the symbol before it (no unit after).
  void read_currency_symbol(std::string_view s, Reading& r) const;
  // 2021—2025年: a range of years is a date, the ISO interval 2021/2025.
  void read_year_range(Reading& r) const;
  // 1—10月, 一至十月: a range of months is a date, the ISO interval --01/--10
  // (true: r is that date, pos past 月).
  bool read_month_range(std::string_view s, Reading& r) const;
  // 7、8月, 6、7、8月份: a number of a list whose last member is a month is
  // a month too, --07 (true: r is that date).
  bool read_listed_month(std::string_view s, Reading& r) const;
  // A place in a ranking without 第: 居全国前六 (六), 排名由369位上升到235位
  // (369位, 235位): an ordinal.
  void read_rank(std::string_view s, Reading& r) const;
  // 2025中国足协杯, 2026版, 1980、1981年: a bare number of four digits from
  // 1900 to 2099 before a name, a word or another year is that year.
  void read_bare_year(std::string_view s, Reading& r) const;
  // Whether the number counts something (not 一个好报告, 统一, 第三方, 2号楼).
  bool is_counted(std::string_view s, const Reading& r) const;
  // 过去一年, 一年来, 翻一番: one (year, doubling) counted, not the article.
  bool one_period(std::string_view s, const Reading& r) const;
  // Scale characters after 上 (上千, 上万: about), 数 or 几 (数十, 几百万:
  // more than) or a qualifier word (近千家: about; 超千亿元: more than); kNone
  // otherwise.
  Qualifier approximation(std::string_view s, const Reading& r) const;
  // Whether 数 or 几 before byte `begin` means "several" (数十, 几百万), not
  // the end of a word (指数, 人数).
  bool after_several(std::string_view s, size_t begin) const;
  // The qualifier word (上, 近, 超过, 不足 …) right before byte `begin` that
  // is not the end of a longer word (迈上, 最近, 靠近); kNone when there is none.
  Qualifier leading_qualifier(std::string_view s, size_t begin) const;
  // Whether the segmenter starts a word at byte `at` of s[…, to).
  bool word_starts_at(std::string_view s, size_t at, size_t to) const;
  void read_qualifiers(std::string_view s, Reading& r) const;
  // The stages' readers of written forms; each reads what follows (or
  // precedes) the numeral and fills `n`.
  // A sign before the numeral (负, −, -, 零下): the span's new start.
  size_t read_sign(std::string_view s, size_t span_begin, Number& n) const;
  // 三分之一, 百分之十五, 万分之三, 三又三分之一, 3/4, 1 4/3 (the numeral is
  // the denominator, or the whole part): advances pos past it.
  bool read_fraction(std::string_view s, const Core& core, size_t& pos, Number& n) const;
  // 三成, 九折, 五五折, 八点五折: percent.
  bool read_ratio(std::string_view s, const Core& core, size_t numeral_begin, size_t& pos, Number& n) const;
  // 元 then 角 and 分 (123元1角1分, 十块三毛), and 整 (元整); or, after a
  // 角 (`in_jiao`), its 分 (五毛五分, 五毛五: 5.5 角): advances pos.
  void read_money_tail(std::string_view s, size_t& pos, Number& n, bool in_jiao = false) const;
  // 一米八 (1.8 米), 一米七五, 三十八度五: Chinese digits right after 米 or 度
  // that count nothing are the decimals of the measure, said without 点.
  void read_spoken_decimals(std::string_view s, size_t& pos, Number& n) const;
  // Whether nothing that counts starts at s[at]: no Chinese digit, scale
  // character or unit, nor a character of `also` (a digit said alone before
  // it is the decimals of what came before: 十块五, 一米八).
  bool counts_nothing_at(std::string_view s, size_t at, std::u32string_view also) const;
  // Scale characters with no digit: 万分之三, 千万分之六, 上万, 上千.
  void read_lone_scale(std::string_view s, size_t begin, size_t end, bool ordinal, std::vector<Number>& out,
                       size_t& resume) const;
  void extract_at(std::string_view s, const NumberRegions& regions, size_t match_begin, size_t match_end,
                  std::vector<Number>& out, size_t& resume) const;

  // Numerals longer than this are cut into several candidates; it bounds the
  // work per candidate on adversarial input (a 10,000-digit run).
  static constexpr size_t kMaxCandidateBytes = 256;

  Lexicon lexicon_;
  UnitTable units_;
  // By BMP code point: 第 and the Chinese numerals. Bits, not bytes: asked at
  // every character, 8 KiB stays in cache where 64 KiB crowded out the trie.
  std::bitset<0x10000> starts_candidate_;
  // Candidates, and characters whose NFKC form holds a digit or a candidate
  // (may_contain_numbers).
  std::bitset<0x10000> may_become_candidate_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_NUMBERS_EXTRACTOR_IMPL_H_
