// Entity extraction: typed lexicon terms found at every character, then
// composition rules on top (bodies, titles, meetings, names next to titles,
// quoted programme names, suffix-named companies and places), resolved
// longest-first into non-overlapping mentions.
#include "zhpolicy/entities.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_set>

#include "entities/term_index.h"
#include "lexicon/lexicon_data.h"
#include "segment/char_class.h"
#include "util/parallel.h"
#include "zhpolicy/segmenter.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

// What the rules look for in a character, as bits found once per text while
// decoding: most rules start only at a few kinds of characters, and testing a
// bit is cheaper than comparing words. The common bits come from a byte table
// (64 KiB, mostly cache-resident); the bits of the rare trigger characters
// from a second table read only for characters marked kTrigger.
enum CharFlag : uint16_t {
  kHan = 1 << 0,
  kTermFirst = 1 << 1,      // some typed lexicon term starts with it
  kSuffixLast = 1 << 2,     // last character of a company/organization/place suffix
  kSurname = 1 << 3,        // a one-character surname
  kCompoundFirst = 1 << 4,  // first character of a compound surname
  kVerbFirst = 1 << 5,      // first character of a speech/action verb after names
  kPlaceChar = 1 << 6,      // 路 街 巷 … ending unknown place names
  kTrigger = 1 << 7,        // one of the rare bits below is set
  // Rare bits: their positions are listed per text, so those rules never scan it.
  kQuoteOpen = 1 << 8,      // 《 “ 「
  kNumeral = 1 << 9,        // 一 … 十 两 (numbered slogans)
  kPartyFirst = 1 << 10,    // first character of a party name (民革 …)
  kAnchorFirst = 1 << 11,   // first character of a regex anchor literal (届, 政协, 次党, 政府工作报告)
};
constexpr uint16_t kCommonFlags = 0xFF;
// A numeral followed by one of these is a number (三年, 五个), not a slogan
// part. Looked up in the rare table directly (these are common characters,
// so they are not triggers).
constexpr uint16_t kCounter = 1 << 12;
constexpr std::u32string_view kCounters = U"届次年个家名人项条期位天月日";

// A candidate mention in character indices. Longer wins; on equal length the
// higher priority (rules over plain terms).
struct Candidate {
  uint32_t begin, end;
  EntityType type;
  uint8_t priority;
  uint32_t order = 0;  // position among all candidates, the last tie-break
};

// A lexicon entry as the rules need it (the tag points into the lexicon).
struct WordRef {
  uint32_t freq;
  std::string_view tag;
  EntityType entity;
};

constexpr uint8_t kTermPriority = 1;
constexpr uint8_t kRulePriority = 2;

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0, len; i < s.size(); i += len) out.push_back(utf8::decode(s, i, len));
  return out;
}

// The text as code points with their byte offsets, and the token starts.
// Lives in a per-thread workspace (see extract), so its buffers are reused.
struct CharText {
  // A list of char indices in a buffer that only grows (reused across texts).
  struct Indices {
    std::vector<uint32_t> buffer;
    uint32_t count = 0;
    const uint32_t* begin() const { return buffer.data(); }
    const uint32_t* end() const { return buffer.data() + count; }
  };

  // The arrays are buffers that only grow (reused across texts, never
  // value-initialized again); cps views the current text's code points, and
  // entries past cps.size() + 1 are stale, never read.
  std::u32string cps_buffer;
  std::u32string_view cps;
  std::vector<uint16_t> flags;       // CharFlag bits by char index
  Indices triggers;     // char indices marked kTrigger
  Indices term_starts;  // char indices of Han chars marked kTermFirst
  std::vector<uint32_t> byte_at;  // cps.size() + 1 entries
  std::vector<uint32_t> token_end_of;  // token start -> its end; kNoToken elsewhere

  // The first char starting at or after byte offset `byte`.
  uint32_t char_index(size_t byte) const {
    const auto last = byte_at.begin() + static_cast<std::ptrdiff_t>(cps.size()) + 1;
    return static_cast<uint32_t>(std::lower_bound(byte_at.begin(), last, byte) - byte_at.begin());
  }
  static constexpr uint32_t kNoToken = 0xFFFFFFFFu;
  // Whether a token starts at char i (i == cps.size() counts as one).
  bool token_start(uint32_t i) const { return token_end_of[i] != kNoToken; }
  bool han(uint32_t i) const { return flags[i] & kHan; }
  bool has(uint32_t i, uint16_t flag) const { return flags[i] & flag; }
  bool matches(uint32_t at, std::u32string_view word) const {
    // Called at every position for many words: the first character decides most.
    return at + word.size() <= cps.size() && !word.empty() && cps[at] == word[0] &&
           std::u32string_view(cps).substr(at, word.size()) == word;
  }
};

// Calls f(i) for each char index i where `literal` occurs; its first character
// must be marked kAnchorFirst (so the trigger list holds every candidate).
template <typename F>
void for_each_anchor(const CharText& t, std::u32string_view literal, F&& f) {
  for (const uint32_t i : t.triggers) {
    if (t.matches(i, literal)) f(i);
  }
}

const std::array<std::u32string_view, 9> kParties = {U"民革", U"民盟", U"民建", U"民进", U"农工党",
                                                      U"致公党", U"九三学社", U"台盟", U"中共"};
const std::array<std::u32string_view, 8> kPartyBodySuffixes = {U"区委", U"市委", U"县委", U"省委",
                                                                U"委员会", U"支部", U"总支", U"委"};
const std::array<std::u32string_view, 9> kCourtSuffixes = {U"金融法院", U"中级人民法院", U"高级人民法院",
                                                            U"人民法院", U"人民检察院", U"法院",
                                                            U"检察院", U"海关", U"铁路运输法院"};
const std::array<std::u32string_view, 9> kCompanySuffixes = {U"股份有限公司", U"有限责任公司", U"有限公司",
                                                              U"集团", U"公司", U"银行", U"人寿", U"证券", U"保险"};
const std::array<std::u32string_view, 11> kOrganizationSuffixes = {
    U"医院", U"大学", U"学院", U"协会", U"学会", U"商会", U"联合会", U"研究院", U"研究所", U"基金会", U"服务团"};
const std::array<std::u32string_view, 14> kPlaceSuffixes = {
    U"大厦", U"广场", U"新村", U"陈列馆", U"博物馆", U"会馆", U"产业园", U"娱乐区", U"商务区",
    U"停车楼", U"公园", U"大桥", U"大道", U"码头"};
// A name-shaped unknown token before one of these is a person: 赵世庆强调.
const std::array<std::u32string_view, 16> kSubjectVerbs = {
    U"强调", U"指出", U"表示", U"认为", U"介绍", U"要求", U"希望", U"建议", U"提出", U"认真",
    U"先后", U"分别", U"主持", U"出席", U"讲话", U"说"};
// The level at the end of a division name: 渝中区, 石柱县, 重庆市.
constexpr std::u32string_view kLevelChars = U"区县市州旗盟";
// Unknown words ending in one of these are places (双钢路, 恒大云邸).
constexpr std::u32string_view kPlaceChars = U"路街巷湾城邸苑园村桥坝";
// Tags of words that cannot be part of a name before a suffix (verbs,
// function words, numerals, pronouns ...).
const std::array<std::string_view, 18> kStopTags = {"v", "vn", "p", "c", "u", "d", "r", "m", "q",
                                                     "f", "y", "e", "o", "uj", "ul", "ud", "ad", "a"};
// Tags of proper nouns: a name before a suffix needs one of these, or a word
// the lexicon does not know (口袋公园 and 特色产业园 are not names).
const std::array<std::string_view, 7> kProperTags = {"ns", "nz", "nt", "nr", "nrt", "j", "nw"};

// Buffers of one extract() call, kept per thread: a document is analyzed line
// by line in pipelines, and allocating them for every line costs more than the
// work on a short line.
struct Workspace {
  CharText t;
  std::vector<Candidate> terms, cands, titles, chosen, committees, subjects;
  std::vector<uint32_t> first;
  std::vector<const Candidate*> by_start;
  std::vector<uint8_t> taken;

  // After a huge text, give the memory back instead of holding it per thread.
  void trim() {
    constexpr size_t kKeepChars = size_t(1) << 22;
    if (t.cps_buffer.size() > kKeepChars) *this = Workspace();
  }
};

}  // namespace

class EntityExtractorImpl {
 public:
  explicit EntityExtractorImpl(Lexicon lexicon);
  Entities extract(std::string_view text) const { return extract(text, segmenter_.segment(text)); }
  Entities extract(std::string_view text, const std::vector<Token>& tokens) const;
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  // Fills t from the text: code points, class bits, byte offsets, token starts.
  void decode(std::string_view text, const std::vector<Token>& tokens, CharText& t) const;
  // Builds the typed-term index from the lexicon's typed-term lists (and kTermFirst).
  void index_terms();
  void add_terms(const CharText& t, std::vector<Candidate>& out) const;
  void add_regex(const RE2& re, std::string_view text, const CharText& t, EntityType type,
                 std::vector<Candidate>& out, size_t from = 0) const;
  // add_regex() only in windows around each occurrence of `literal` (which
  // every match contains): an unanchored scan of a whole long text per
  // pattern costs far more.
  // `before`/`after`, when given, must occur in the window before/after the
  // literal as well.
  void add_regex_near(const RE2& re, std::u32string_view literal, std::string_view text, const CharText& t,
                      EntityType type, std::vector<Candidate>& out, std::string_view before = {},
                      std::string_view after = {}) const;
  void add_documents_and_slogans(const CharText& t, std::vector<Candidate>& out) const;
  void add_composed(const CharText& t, const std::vector<Candidate>& terms, std::vector<Candidate>& out,
                    Workspace& ws) const;
  // 区政协提案委, 市政协文化文史和学习委: at each 政协, the shortest run of
  // 1-14 Han characters followed by 委员会, 联组 or 委.
  void add_committees(const CharText& t, std::vector<Candidate>& out) const;
  // Rules on each token: names ending in a company/organization/place suffix,
  // unknown place names, and (into `subjects`) names before a speech verb.
  void add_token_rules(const CharText& t, std::vector<Candidate>& out, std::vector<Candidate>& subjects) const;
  bool slogan_like(const CharText& t, uint32_t begin, uint32_t end) const;
  // Whether the word after a closing quote makes the quote a programme name:
  // “满天星”计划, “智融惠畅”工程.
  static bool names_programme(const CharText& t, uint32_t at) {
    static const std::array<std::u32string_view, 12> kProgrammeNouns = {
        U"计划", U"工程", U"行动", U"品牌", U"战略", U"项目", U"模式", U"机制", U"工作法", U"平台", U"活动", U"专项"};
    for (auto w : kProgrammeNouns) {
      if (t.matches(at, w)) return true;
    }
    return false;
  }
  bool name_like_token(const CharText& t, uint32_t begin, uint32_t end) const;
  bool person_like(const CharText& t, uint32_t begin, uint32_t end) const;
  uint32_t surname_length(const CharText& t, uint32_t at) const;
  // The lexicon entry of the characters [begin, end), looked up without
  // building a string (user words first, as Lexicon::lookup does).
  std::optional<WordRef> word_info(const CharText& t, uint32_t begin, uint32_t end) const;

  Lexicon lexicon_;
  Segmenter segmenter_;
  std::vector<std::u32string> compound_surnames_;
  std::vector<uint8_t> char_flags_ = std::vector<uint8_t>(0x10000, 0);    // common CharFlag bits (BMP)
  TermIndex terms_;  // the typed lexicon terms
  std::vector<uint16_t> rare_flags_ = std::vector<uint16_t>(0x10000, 0);  // rare CharFlag bits (BMP)
  std::vector<std::unique_ptr<RE2>> meetings_;
};

EntityExtractorImpl::EntityExtractorImpl(Lexicon lexicon)
    : lexicon_(lexicon),
      segmenter_(lexicon) {
  const std::string_view names = lexicon_.data().base.surnames();
  for (size_t i = 0; i < names.size();) {
    while (i < names.size() && (names[i] == ' ' || names[i] == '\n' || names[i] == '\t')) ++i;
    size_t j = i;
    while (j < names.size() && names[j] != ' ' && names[j] != '\n' && names[j] != '\t') ++j;
    if (j > i) {
      const std::u32string s = to_u32(names.substr(i, j - i));
      if (s.size() == 1 && s[0] < 0x10000) {
        char_flags_[s[0]] |= kSurname;
      } else if (!s.empty()) {
        compound_surnames_.push_back(s);
        if (s[0] < 0x10000) char_flags_[s[0]] |= kCompoundFirst;
      }
    }
    i = j;
  }
  auto mark = [&](std::u32string_view chars, uint16_t flag) {
    for (char32_t c : chars) {
      if (c >= 0x10000) continue;
      if (flag & kCommonFlags) {
        char_flags_[c] |= static_cast<uint8_t>(flag);
      } else {
        rare_flags_[c] |= flag;
        char_flags_[c] |= kTrigger;
      }
    }
  };
  for (auto p : kParties) mark(p.substr(0, 1), kPartyFirst);
  for (char32_t c : kCounters) rare_flags_[c] |= kCounter;
  for (auto x : kCompanySuffixes) mark(x.substr(x.size() - 1), kSuffixLast);
  for (auto x : kOrganizationSuffixes) mark(x.substr(x.size() - 1), kSuffixLast);
  for (auto x : kPlaceSuffixes) mark(x.substr(x.size() - 1), kSuffixLast);
  for (auto v : kSubjectVerbs) mark(v.substr(0, 1), kVerbFirst);
  mark(U"《“「", kQuoteOpen);
  mark(U"一二三四五六七八九十两", kNumeral);
  mark(kPlaceChars, kPlaceChar);
  mark(U"届政次", kAnchorFirst);
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (is_han(c)) char_flags_[c] |= kHan;
  }
  index_terms();
  const std::string n = "[零〇一二两三四五六七八九十百0-9０-９]+";
  for (const std::string& p : {
           // 区政协十五届二次会议, 区委十三届十次全会, 十四届全国人大二次会议
           "(?:(?:区|市|县|省)(?:委|政协|人大常委会|人大)|全国人大|全国政协|中共中央|党的)?第?" + n +
               "届(?:全国人大|全国委员会|中央委员会)?第?" + n + "次(?:全体)?(?:会议|全会)",
           // 区第十三次党代会
           "(?:区|市|县|省)?第" + n + "次(?:党代会|党员代表大会)",
           // 第四届中国工业软件大会
           "第" + n + "届\\p{Han}{2,12}?(?:大会|会议|论坛|峰会|博览会|交易会|运动会|年会)"}) {
    meetings_.push_back(std::make_unique<RE2>(p));
  }
}

std::optional<WordRef> EntityExtractorImpl::word_info(const CharText& t, uint32_t begin, uint32_t end) const {
  if (end <= begin) return std::nullopt;
  const ZplView* view = nullptr;
  const format::WordEntry* w = lexicon_.data().find_word(t.cps.data() + begin, end - begin, &view);
  if (!w) return std::nullopt;
  return WordRef{w->freq, view->tag(w->tag), static_cast<EntityType>(w->entity)};
}

void EntityExtractorImpl::index_terms() {
  const LexiconData& lex = lexicon_.data();
  int rank = 0;
  for (const ZplView* view : {lex.overlay ? &*lex.overlay : nullptr, &lex.base}) {
    if (!view) continue;
    const std::string_view lines = view->entity_terms();
    for (size_t pos = 0; pos < lines.size();) {
      size_t eol = lines.find('\n', pos);
      if (eol == std::string_view::npos) eol = lines.size();
      const std::string_view line = lines.substr(pos, eol - pos);
      pos = eol + 1;
      const size_t tab = line.find('\t');
      if (tab == std::string_view::npos || tab == 0 || tab + 1 >= line.size()) continue;
      int type = 0;
      for (char d : line.substr(0, tab)) type = (d >= '0' && d <= '9' && type < 1000) ? type * 10 + (d - '0') : -1;
      if (type <= 0 || type > static_cast<int>(EntityType::kSlogan)) continue;
      const std::u32string term = to_u32(line.substr(tab + 1));
      if (term.empty()) continue;
      terms_.add(term, static_cast<EntityType>(type), rank);
      if (term[0] < 0x10000) char_flags_[term[0]] |= kTermFirst;
    }
    ++rank;
  }
  terms_.build();
}

void EntityExtractorImpl::add_terms(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  auto add_starting = [&](uint32_t k, char32_t c0, char32_t c1) {
    for (const TermIndex::Term& term : terms_.starting_with(c0, c1)) {
      if (!t.matches(k, terms_.text(term))) continue;
      const auto end = static_cast<uint32_t>(k + term.size);
      // A term must start or end on a token boundary (中行 inside 渝中行 is
      // not a bank); a title in the plural (委员们) names nobody.
      const bool plural = term.type == EntityType::kPosition && end < n && t.cps[end] == U'们';
      if (plural || !(t.token_start(k) || t.token_start(end))) continue;
      // Nor may a division name lend its level to the next word: 滨江区 in
      // 滨江/区域, 某某县 in …/县城 (渝中区 in the one word 渝中区委 stays).
      if (!t.token_start(end) && kLevelChars.find(t.cps[end - 1]) != std::u32string_view::npos) {
        uint32_t word_start = end - 1;
        while (word_start > k && !t.token_start(word_start)) --word_start;
        if (word_start > k) continue;
      }
      out.push_back({k, end, term.type, kTermPriority});
    }
  };
  for (const uint32_t k : t.term_starts) {
    add_starting(k, t.cps[k], 0);
    if (k + 1 < n) add_starting(k, t.cps[k], t.cps[k + 1]);
  }
}

void EntityExtractorImpl::add_regex(const RE2& re, std::string_view text, const CharText& t, EntityType type,
                                    std::vector<Candidate>& out, size_t from) const {
  re2::StringPiece input(text.data(), text.size()), m;
  size_t pos = from;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto b = static_cast<uint32_t>(m.data() - text.data());
    const auto e = static_cast<uint32_t>(b + m.size());
    const uint32_t cb = t.char_index(b), ce = t.char_index(e);
    if (ce > cb) out.push_back({cb, ce, type, kRulePriority});
    pos = std::max<size_t>(e, b + 1);
  }
}

void EntityExtractorImpl::add_regex_near(const RE2& re, std::u32string_view literal, std::string_view text,
                                         const CharText& t, EntityType type, std::vector<Candidate>& out,
                                         std::string_view before, std::string_view after) const {
  constexpr size_t kBefore = 60, kAfter = 90;  // bytes: longer than any match around the literal
  // Windows around every occurrence, merged where they overlap, so that no
  // match is cut between two windows.
  size_t win_b = 0, win_e = 0;
  auto flush = [&] {
    if (win_e > win_b) add_regex(re, text.substr(0, win_e), t, type, out, win_b);
  };
  for_each_anchor(t, literal, [&](uint32_t i) {
    const size_t at = t.byte_at[i], literal_end = t.byte_at[i + literal.size()];
    size_t b = at > kBefore ? at - kBefore : 0;
    while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;  // a character start
    size_t e = std::min(text.size(), literal_end + kAfter);
    while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
    // Literals every match also has before or after this one: most 届 are not meetings.
    if (!before.empty() && text.substr(b, at - b).find(before) == std::string_view::npos) return;
    if (!after.empty() && text.substr(literal_end, e - literal_end).find(after) == std::string_view::npos) return;
    if (b <= win_e && win_e > win_b) {
      win_e = std::max(win_e, e);
    } else {
      flush();
      win_b = b;
      win_e = e;
    }
  });
  flush();
}

void EntityExtractorImpl::add_committees(const CharText& t, std::vector<Candidate>& out) const {
  // A scan of a few characters on the decoded text: an anchored regex here
  // cost a DFA walk per 政协, and its states crowded the segmenter's trie
  // out of the cache.
  const auto n = static_cast<uint32_t>(t.cps.size());
  for_each_anchor(t, U"政协", [&](uint32_t i) {
    const uint32_t name = i + 2;
    uint32_t e = 0;
    for (uint32_t len = 1; len <= 14 && name + len <= n && t.han(name + len - 1) && e == 0; ++len) {
      const uint32_t at = name + len;
      for (std::u32string_view suffix : {U"委员会", U"联组", U"委"}) {
        if (t.matches(at, suffix)) {
          e = at + static_cast<uint32_t>(suffix.size());
          break;
        }
      }
    }
    if (e == 0) return;
    uint32_t b = i;
    // The level written before 政协 belongs to the name: 区政协, 全国政协.
    if (b >= 2 && t.matches(b - 2, U"全国")) {
      b -= 2;
    } else if (b >= 1 && std::u32string_view(U"区市县省").find(t.cps[b - 1]) != std::u32string_view::npos) {
      b -= 1;
    }
    out.push_back({b, e, EntityType::kGovernment, kRulePriority});
  });
}

// Quoted phrases are programme names or slogans unless the quotes only stress
// an ordinary word (“温度”, “新地标”) or a clause.
bool EntityExtractorImpl::slogan_like(const CharText& t, uint32_t begin, uint32_t end) const {
  const uint32_t len = end - begin;
  if (len == 0 || len > 30) return false;
  bool digits_only = true, has_numeral = false, has_plus = false, has_de = false;
  uint32_t part = 0, longest_part = 0;
  for (uint32_t i = begin; i < end; ++i) {
    const char32_t c = t.cps[i];
    digits_only = digits_only && c >= U'0' && c <= U'9';
    has_numeral = has_numeral || std::u32string_view(U"一二三四五六七八九十两0123456789").find(c) != std::u32string_view::npos;
    has_plus = has_plus || c == U'+' || c == U'＋';
    has_de = has_de || c == U'的';
    if (c == U'、' || c == U',' || c == U'，') {
      part = 0;
    } else {
      longest_part = std::max(longest_part, ++part);
    }
  }
  if (digits_only) return false;                       // a programme code, a number
  for (auto suffix : kPlaceSuffixes) {                 // “大田湾体育产业园” names a place
    if (len > suffix.size() && t.matches(end - static_cast<uint32_t>(suffix.size()), suffix)) return false;
  }
  if (longest_part > 8) return false;                  // a clause, not a name
  if (has_numeral || has_plus) return true;            // 四首经济, 国际范+烟火气
  if (has_de) return false;                            // 舌尖上的安全
  const std::u32string_view tail = t.cps.substr(end - std::min<uint32_t>(len, 2), 2);
  if (len <= 3 && (tail == U"起来" || tail == U"进来" || tail == U"出来" || tail == U"下去")) return false;
  // One common word in quotes is emphasis: 温度, 空间, 精度.
  if (t.token_start(begin) && t.token_end_of[begin] == end) {
    if (auto w = word_info(t, begin, end)) {
      if (w->entity != EntityType::kNone) return true;
      if (w->tag == "i" || w->tag == "l") return true;  // 老有所养, 全心全意
      return false;
    }
  }
  // A few common words in quotes are emphasis too: “新地标”, “多元消费供给”.
  uint32_t tokens = 0, common = 0;
  for (uint32_t i = begin; i < end; i = t.token_end_of[i]) {
    if (!t.token_start(i) || t.token_end_of[i] > end) return true;  // quotes cut a word: a coinage
    ++tokens;
    const auto w = word_info(t, i, t.token_end_of[i]);
    if (w && w->entity == EntityType::kNone && w->freq >= 1000) ++common;
  }
  return !(tokens <= 3 && common == tokens);
}

void EntityExtractorImpl::add_documents_and_slogans(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  for (uint32_t i : t.triggers) {
    if (!t.has(i, kQuoteOpen)) continue;
    const char32_t open = t.cps[i];
    const char32_t close = open == U'《' ? U'》' : open == U'“' ? U'”' : open == U'「' ? U'」' : 0;
    if (!close) continue;
    uint32_t j = i + 1;
    while (j < n && t.cps[j] != close && t.cps[j] != U'\n' && j - i <= 80) ++j;
    if (j >= n || t.cps[j] != close || j == i + 1) continue;
    if (open == U'《') {
      out.push_back({i + 1, j, EntityType::kDocument, kRulePriority});
    } else if (slogan_like(t, i + 1, j) ||
               (names_programme(t, j + 1) && !std::all_of(t.cps.begin() + i + 1, t.cps.begin() + j,
                                                          [](char32_t c) { return c >= U'0' && c <= U'9'; }))) {
      out.push_back({i + 1, j, EntityType::kSlogan, kRulePriority});
    }
  }
  // Named reports: [重庆市渝中区|区|市]人民政府工作报告, 政府工作报告.
  const std::u32string_view report = U"政府工作报告";
  for_each_anchor(t, report, [&](uint32_t i) {
    uint32_t b = i;
    if (b >= 2 && t.matches(b - 2, U"人民")) b -= 2;
    // Places and 区/市/县/省 written right before it belong to the title.
    for (bool grew = true; grew && b > 0;) {
      grew = false;
      const char32_t c = t.cps[b - 1];
      if (c == U'区' || c == U'市' || c == U'县' || c == U'省') {
        --b;
        grew = true;
        continue;
      }
      for (uint32_t len = std::min<uint32_t>(b, 6); len >= 2 && !grew; --len) {
        if (auto w = word_info(t, b - len, b); w && w->entity == EntityType::kPlace) {
          b -= len;
          grew = true;
        }
      }
    }
    out.push_back({b, static_cast<uint32_t>(i + report.size()), EntityType::kDocument, kRulePriority});
  });
  // Numbered slogans written without quotes: 一核三带六园区 (numeral + 1-2
  // characters, three times or more).
  const auto numeral = [&](uint32_t k) { return t.has(k, kNumeral); };
  uint32_t resume = 0;
  for (uint32_t i : t.triggers) {
    if (i < resume || !numeral(i)) continue;
    uint32_t j = i, parts = 0;
    while (j < n && numeral(j)) {
      uint32_t k = j + 1, body = 0;
      while (k < n && body < 2 && t.han(k) && !numeral(k) && !(rare_flags_[t.cps[k]] & kCounter)) {
        ++k;
        ++body;
      }
      if (body == 0) break;
      // The last part may take one more character (园区).
      if (k < n && t.han(k) && !numeral(k) && (k + 1 >= n || !t.han(k + 1) || numeral(k + 1))) {
        if (k + 1 >= n || !t.han(k + 1)) ++k;
      }
      j = k;
      ++parts;
    }
    if (parts >= 3) {
      out.push_back({i, j, EntityType::kSlogan, kRulePriority});
      resume = j + 1;
    }
  }
}

uint32_t EntityExtractorImpl::surname_length(const CharText& t, uint32_t at) const {
  if (at >= t.cps.size()) return 0;
  if (t.has(at, kCompoundFirst)) {
    for (const auto& s : compound_surnames_) {
      if (t.matches(at, s)) return static_cast<uint32_t>(s.size());
    }
  }
  return t.has(at, kSurname) ? 1 : 0;
}

void EntityExtractorImpl::add_composed(const CharText& t, const std::vector<Candidate>& terms,
                                       std::vector<Candidate>& out, Workspace& ws) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // "What terms start here": terms come in start order (add_terms), so the
  // terms starting at a char are a run of them; first[at] is where it begins.
  constexpr uint32_t kNoTerm = 0xFFFFFFFFu;
  std::vector<uint32_t>& first = ws.first;
  first.assign(n + 1, kNoTerm);
  std::vector<const Candidate*>& by_start = ws.by_start;
  by_start.resize(terms.size());
  for (size_t k = terms.size(); k-- > 0;) {
    first[terms[k].begin] = static_cast<uint32_t>(k);
    by_start[k] = &terms[k];
  }
  struct Range {
    const Candidate* const* b;
    const Candidate* const* e;
    const Candidate* const* begin() const { return b; }
    const Candidate* const* end() const { return e; }
  };
  auto starting_at = [&](uint32_t at) {
    if (at >= n || first[at] == kNoTerm) return Range{nullptr, nullptr};
    const Candidate* const* b = by_start.data() + first[at];
    const Candidate* const* e = b;
    const Candidate* const* last = by_start.data() + by_start.size();
    while (e != last && (*e)->begin == at) ++e;
    return Range{b, e};
  };
  auto term_at = [&](uint32_t at, EntityType type) {
    const Candidate* best = nullptr;
    for (const Candidate* c : starting_at(at)) {
      if (c->type == type && (!best || c->end > best->end)) best = c;
    }
    return best;
  };

  // 民革渝中区委: party + place + body suffix.
  for (uint32_t i : t.triggers) {
    if (!t.has(i, kPartyFirst)) continue;
    for (auto party : kParties) {
      if (!t.matches(i, party)) continue;
      const uint32_t p = i + static_cast<uint32_t>(party.size());
      for (const Candidate* place : starting_at(p)) {
        if (place->type != EntityType::kPlace) continue;
        for (auto suffix : kPartyBodySuffixes) {
          if (t.matches(place->end, suffix)) {
            out.push_back({i, place->end + static_cast<uint32_t>(suffix.size()), EntityType::kGovernment, kRulePriority});
            break;
          }
        }
      }
    }
  }
  // The other rules start at a term: visit each distinct term start (terms
  // are in start order).
  for (size_t k = 0; k < terms.size(); ++k) {
    const uint32_t i = terms[k].begin;
    if (k > 0 && terms[k - 1].begin == i) continue;
    // 成渝金融法院: place + court.
    for (const Candidate* place : starting_at(i)) {
      if (place->type != EntityType::kPlace) continue;
      for (auto suffix : kCourtSuffixes) {
        if (t.matches(place->end, suffix)) {
          out.push_back({i, place->end + static_cast<uint32_t>(suffix.size()), EntityType::kGovernment, kRulePriority});
          break;
        }
      }
    }
    // 重庆(化龙桥)国际商务区: place, a place in brackets, then a named area.
    for (const Candidate* outer : starting_at(i)) {
      if (outer->type != EntityType::kPlace || outer->end + 2 >= n) continue;
      const char32_t open = t.cps[outer->end];
      if (open != U'(' && open != U'（') continue;
      const Candidate* inner = term_at(outer->end + 1, EntityType::kPlace);
      if (!inner || inner->end >= n || (t.cps[inner->end] != U')' && t.cps[inner->end] != U'）')) continue;
      for (uint32_t e = inner->end + 2; e <= std::min(n, inner->end + 12); ++e) {
        bool done = false;
        for (auto suffix : kPlaceSuffixes) {
          if (e >= suffix.size() && t.matches(e - static_cast<uint32_t>(suffix.size()), suffix) && t.token_start(e)) {
            out.push_back({i, e, EntityType::kPlace, kRulePriority});
            done = true;
            break;
          }
        }
        if (done || !t.han(e - 1)) break;
      }
    }
    // 腾讯电竞: a company and its line of business.
    for (const Candidate* company : starting_at(i)) {
      if (company->type != EntityType::kCompany) continue;
      for (std::u32string_view line : {U"电竞", U"科技", U"控股", U"文化", U"传媒", U"音乐", U"视频", U"游戏",
                                       U"金融", U"汽车", U"地产", U"物流", U"健康", U"医疗", U"云"}) {
        if (t.matches(company->end, line) && t.token_start(company->end + line.size())) {
          out.push_back({i, static_cast<uint32_t>(company->end + line.size()), EntityType::kCompany, kRulePriority});
          break;
        }
      }
    }
    // 区委书记, 区政协党组书记, 区委副书记: body + title.
    for (const Candidate* body : starting_at(i)) {
      if (body->type != EntityType::kGovernment && body->type != EntityType::kOrganization) continue;
      if (const Candidate* title = term_at(body->end, EntityType::kPosition)) {
        out.push_back({i, title->end, EntityType::kPosition, kRulePriority});
      }
    }
  }
}

bool EntityExtractorImpl::name_like_token(const CharText& t, uint32_t begin, uint32_t end) const {
  for (uint32_t i = begin; i < end; ++i) {
    if (!t.han(i)) return false;
  }
  const auto w = word_info(t, begin, end);
  if (!w) return true;  // unknown to the lexicon: a name-like coinage
  for (auto tag : kStopTags) {
    if (w->tag == tag) return false;
  }
  return true;
}

// A personal name: Han characters after a surname, unknown to the lexicon or
// typed person by our data. (jieba's "nr" tag is not trusted: it marks 智慧,
// 楼宇, 文明 too.)
bool EntityExtractorImpl::person_like(const CharText& t, uint32_t begin, uint32_t end) const {
  if (surname_length(t, begin) == 0) return false;
  for (uint32_t i = begin; i < end; ++i) {
    if (!t.han(i)) return false;
  }
  const auto w = word_info(t, begin, end);
  return !w || w->entity == EntityType::kPerson;
}

void EntityExtractorImpl::add_token_rules(const CharText& t, std::vector<Candidate>& out,
                                          std::vector<Candidate>& subjects) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  auto try_suffixes = [&](uint32_t tok_b, uint32_t tok_e, auto& suffixes, EntityType type) {
    for (std::u32string_view suffix : suffixes) {
      const auto len = static_cast<uint32_t>(suffix.size());
      if (tok_e - tok_b < len || t.cps[tok_e - 1] != suffix.back() || !t.matches(tok_e - len, suffix)) continue;
      // Extend left over name-like tokens (proper nouns, coinages), at most 10 characters.
      uint32_t b = tok_e - len;
      bool proper = false;
      int name_tokens = 0;
      auto note = [&](uint32_t pb, uint32_t pe) {
        const auto w = word_info(t, pb, pe);
        proper = proper || !w || w->entity != EntityType::kNone ||
                 std::find(kProperTags.begin(), kProperTags.end(), w->tag) != kProperTags.end();
      };
      if (tok_e - tok_b > len && name_like_token(t, tok_b, tok_e - len)) {
        note(tok_b, tok_e - len);
        b = tok_b;
      }
      while (b > 0 && tok_e - b < 10) {
        uint32_t pb = b - 1;
        while (pb > 0 && !t.token_start(pb)) --pb;
        if (!name_like_token(t, pb, b)) break;
        note(pb, b);
        ++name_tokens;
        b = pb;
      }
      // Companies are often named with ordinary words (民生轮船公司): two of
      // them before the suffix are enough, unless the words before the suffix
      // end in another company suffix (外资银行保险 is a kind of business).
      if (type == EntityType::kCompany) {
        if (name_tokens >= 2) proper = true;
        for (std::u32string_view other : kCompanySuffixes) {
          const auto ol = static_cast<uint32_t>(other.size());
          if (tok_e - len >= b + ol && t.matches(tok_e - len - ol, other)) proper = false;
        }
      }
      if (tok_e - len - b >= 2 && proper) out.push_back({b, tok_e, type, kRulePriority});
      return;
    }
  };
  for (uint32_t i = 0; i < n; i = t.token_end_of[i]) {
    if (!t.han(i)) continue;
    const uint32_t e = t.token_end_of[i];
    // A name-shaped unknown token before a verb of speech or action: 赵世庆强调.
    if (e - i >= 2 && e - i <= 3 && e < n && t.has(e, kVerbFirst) && surname_length(t, i) != 0) {
      for (auto verb : kSubjectVerbs) {
        if (t.matches(e, verb)) {
          if (person_like(t, i, e)) subjects.push_back({i, e, EntityType::kPerson, kRulePriority});
          break;
        }
      }
    }
    // Unknown words ending in a place character (双钢路, 恒大云邸), and 路/街
    // written after an unknown name (大黄 路), are places.
    if (e <= n && e - i >= 3 && e - i <= 5 && t.has(e - 1, kPlaceChar) &&
        !word_info(t, i, e) && name_like_token(t, i, e)) {
      out.push_back({i, e, EntityType::kPlace, kRulePriority});
    }
    if (e - i == 1 && (t.cps[i] == U'路' || t.cps[i] == U'街') && i >= 2) {
      uint32_t pb = i - 1;
      while (pb > 0 && !t.token_start(pb)) --pb;
      if (i - pb >= 2 && i - pb <= 3 && !word_info(t, pb, i) && name_like_token(t, pb, i)) {
        out.push_back({pb, e, EntityType::kPlace, kRulePriority});
      }
    }
    // Only tokens ending in a suffix's last character can end a name.
    if (e == 0 || e > n || !t.has(e - 1, kSuffixLast)) continue;
    try_suffixes(i, e, kCompanySuffixes, EntityType::kCompany);
    try_suffixes(i, e, kOrganizationSuffixes, EntityType::kOrganization);
    try_suffixes(i, e, kPlaceSuffixes, EntityType::kPlace);
  }
}

void EntityExtractorImpl::decode(std::string_view text, const std::vector<Token>& tokens, CharText& t) const {
  // Sized for the worst case (one char per byte), written by index; cps is
  // cut to size at the end.
  const size_t cap = text.size() + 1;
  if (t.cps_buffer.size() < cap) t.cps_buffer.resize(cap);
  for (auto* v : {&t.byte_at, &t.token_end_of}) {
    if (v->size() < cap) v->resize(cap);
  }
  if (t.flags.size() < cap) t.flags.resize(cap);
  for (auto* v : {&t.triggers.buffer, &t.term_starts.buffer}) {
    if (v->size() < cap) v->resize(cap);
  }
  char32_t* cps = t.cps_buffer.data();
  uint32_t* trigger_list = t.triggers.buffer.data();
  uint32_t* term_start_list = t.term_starts.buffer.data();
  // Raw pointers: the compiler need not reload a vector's data at each store.
  uint32_t* byte_at = t.byte_at.data();
  uint32_t* token_end_of = t.token_end_of.data();
  uint16_t* flags = t.flags.data();
  const uint8_t* flag_table = char_flags_.data();
  const uint16_t* rare_table = rare_flags_.data();
  const char* bytes = text.data();
  const size_t size = text.size();
  uint32_t n = 0, triggers = 0, term_starts = 0;  // counts of chars, triggers, term starts
  size_t i = 0;
  // One character at byte i: code point, class bits, offsets; i and n advance.
  auto decode_char = [&] {
    token_end_of[n] = CharText::kNoToken;
    byte_at[n] = static_cast<uint32_t>(i);
    const auto b = static_cast<unsigned char>(bytes[i]);
    char32_t c = b;
    size_t len = 1;
    unsigned char b1, b2;
    if (b >= 0xE1 && b <= 0xEC && i + 2 < size &&
        (((b1 = static_cast<unsigned char>(bytes[i + 1])) ^ 0x80) |
         ((b2 = static_cast<unsigned char>(bytes[i + 2])) ^ 0x80)) < 0x40) {
      // Three bytes led by E1-EC (every CJK ideograph; never overlong, never a
      // surrogate): decoded inline, the rest by utf8::decode.
      c = (char32_t(b & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
      len = 3;
    } else if (b >= 0x80) {
      c = utf8::decode(text, i, len);
    }
    if (c == utf8::kInvalid) c = U'\uFFFD';
    uint16_t f = c < 0x10000 ? flag_table[c] : (is_han(c) ? kHan | kTermFirst : 0);
    if (f & kTrigger) f |= rare_table[c];
    // Listed without a branch: written always, counted when it qualifies.
    trigger_list[triggers] = n;
    triggers += (f & kTrigger) != 0;
    term_start_list[term_starts] = n;
    term_starts += (f & (kTermFirst | kHan)) == (kTermFirst | kHan);
    cps[n] = c;
    flags[n] = f;
    i += len;
    ++n;
  };
  auto finish = [&] {
    t.byte_at[n] = static_cast<uint32_t>(text.size());
    t.token_end_of[n] = n;
    t.cps = std::u32string_view(cps, n);
    t.triggers.count = triggers;
    t.term_starts.count = term_starts;
  };

  // Tokens from segment() tile the text: decode token by token and mark each
  // start with its end on the way.
  bool tiled = true;
  for (const Token& tok : tokens) {
    if (tok.span.begin != i || tok.span.end <= i || tok.span.end > text.size()) {
      tiled = false;
      break;
    }
    const uint32_t start = n;
    while (i < tok.span.end) decode_char();
    token_end_of[start] = n;
  }
  if (tiled) {
    while (i < text.size()) decode_char();
    return finish();
  }

  // Any other tokens: decode everything, then map each token's byte offsets
  // to the chars that hold them.
  triggers = term_starts = 0;
  n = 0;
  i = 0;
  while (i < text.size()) decode_char();
  finish();
  uint32_t cursor = 0;
  auto char_of = [&](uint32_t byte) {
    while (cursor < n && t.byte_at[cursor] < byte) ++cursor;
    while (cursor > 0 && t.byte_at[cursor] > byte) --cursor;
    return cursor;
  };
  for (const Token& tok : tokens) {
    const uint32_t b = char_of(tok.span.begin), e = char_of(tok.span.end);
    if (b < n && e > b) {
      t.token_end_of[b] = e;
    }
  }
}

Entities EntityExtractorImpl::extract(std::string_view text, const std::vector<Token>& tokens) const {
  thread_local Workspace ws;
  struct Trim {
    Workspace& ws;
    ~Trim() { ws.trim(); }
  } trim{ws};
  CharText& t = ws.t;
  decode(text, tokens, t);
  const auto n = static_cast<uint32_t>(t.cps.size());

  std::vector<Candidate>& terms = ws.terms;
  terms.clear();
  add_terms(t, terms);
  std::vector<Candidate>& cands = ws.cands;
  cands.assign(terms.begin(), terms.end());
  add_composed(t, terms, cands, ws);
  add_documents_and_slogans(t, cands);
  add_regex_near(*meetings_[0], U"届", text, t, EntityType::kMeeting, cands, {}, "次");
  add_regex_near(*meetings_[1], U"次党", text, t, EntityType::kMeeting, cands);
  add_regex_near(*meetings_[2], U"届", text, t, EntityType::kMeeting, cands, "第", {});
  {
    // Committees of the CPPCC: the name between 政协 and 委 has no title in it.
    std::vector<Candidate>& committees = ws.committees;
    committees.clear();
    add_committees(t, committees);
    for (const Candidate& c : committees) {
      if (c.end < n && t.cps[c.end] == U'员') continue;  // 政协委员 is a title
      const std::u32string_view inner = t.cps.substr(c.begin, c.end - c.begin);
      bool title_inside = false;
      for (std::u32string_view w : {U"主席", U"书记", U"委员", U"会议", U"常委", U"秘书长", U"、"}) {
        title_inside = title_inside || inner.find(w) != std::u32string_view::npos;
      }
      if (!title_inside) cands.push_back(c);
    }
  }
  ws.subjects.clear();
  add_token_rules(t, cands, ws.subjects);

  // Persons: a name right after a title (区委书记赵世庆, 记者 李传芳, 编辑:冉建苹),
  // and the same names elsewhere in the text.
  std::vector<Candidate>& titles = ws.titles;
  titles.clear();
  for (const Candidate& c : cands) {
    if (c.type == EntityType::kPosition) titles.push_back(c);
  }
  std::unordered_set<std::u32string> names;
  for (const Candidate& title : titles) {
    uint32_t at = title.end;
    while (at < n && (t.cps[at] == U':' || t.cps[at] == U'：' || t.cps[at] == U' ' || t.cps[at] == U'\u3000')) ++at;
    for (int chain = 0; chain < 4 && at < n; ++chain) {
      const uint32_t sl = surname_length(t, at);
      if (sl == 0 || !t.token_start(at)) break;
      uint32_t e = t.token_end_of[at];
      // A surname cut off as its own token takes the next single characters.
      while (e - at < sl + 2 && e < n && t.token_end_of[e] == e + 1 && t.han(e) &&
             !t.has(e, kSurname) && e - at < 3) {
        e = t.token_end_of[e];
      }
      if (e - at < 2 || e - at > 4 || !person_like(t, at, e)) break;
      cands.push_back({at, e, EntityType::kPerson, kRulePriority});
      names.emplace(t.cps.substr(at, e - at));
      // Bylines list several names: 记者 李传芳 张烨.
      at = e;
      if (at < n && (t.cps[at] == U' ' || t.cps[at] == U'、' || t.cps[at] == U'\u3000')) ++at; else break;
    }
  }
  // Names before a verb of speech or action (赵世庆强调), found by add_token_rules.
  for (const Candidate& c : ws.subjects) {
    cands.push_back(c);
    names.emplace(t.cps.substr(c.begin, c.end - c.begin));
  }
  for (uint32_t i = 0; i < n && !names.empty(); i = t.token_end_of[i]) {
    for (const auto& name : names) {
      if (t.matches(i, name) && t.token_start(i + name.size())) {
        cands.push_back({i, static_cast<uint32_t>(i + name.size()), EntityType::kPerson, kRulePriority});
      }
    }
  }

  // Longest first; on ties rules before terms, then the earlier; of two
  // readings of one span the first found (user words) wins.
  for (size_t i = 0; i < cands.size(); ++i) cands[i].order = static_cast<uint32_t>(i);
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.order < b.order;
  });
  std::vector<uint8_t>& taken = ws.taken;
  taken.assign(n, 0);
  std::vector<Candidate>& chosen = ws.chosen;
  chosen.clear();
  for (const Candidate& c : cands) {
    if (c.end <= c.begin || c.end > n) continue;
    bool free = true;
    for (uint32_t i = c.begin; i < c.end && free; ++i) free = !taken[i];
    if (!free) continue;
    for (uint32_t i = c.begin; i < c.end; ++i) taken[i] = 1;
    chosen.push_back(c);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });

  Entities result;
  for (const Candidate& c : chosen) result.entities.push_back({{t.byte_at[c.begin], t.byte_at[c.end]}, c.type});
  // A person holds the title written right before the name (区委书记赵世庆,
  // 区委副书记、区长黄茂军: each title of the run).
  for (size_t i = 0; i < chosen.size(); ++i) {
    if (chosen[i].type != EntityType::kPerson) continue;
    uint32_t gap_end = chosen[i].begin;
    for (size_t j = i; j-- > 0;) {
      if (chosen[j].type != EntityType::kPosition) break;
      bool adjacent = true;
      for (uint32_t k = chosen[j].end; k < gap_end; ++k) {
        const char32_t c = t.cps[k];
        adjacent = adjacent && (c == U'、' || c == U':' || c == U'：' || c == U' ' || c == U'\u3000');
      }
      if (!adjacent) break;
      result.relations.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), RelationType::kHoldsPosition});
      gap_end = chosen[j].begin;
    }
  }
  return result;
}

}  // namespace internal

EntityExtractor::EntityExtractor(Lexicon lexicon)
    : impl_(std::make_shared<internal::EntityExtractorImpl>(std::move(lexicon))) {}

Entities EntityExtractor::extract(std::string_view utf8_text) const { return impl_->extract(utf8_text); }

Entities EntityExtractor::extract(std::string_view utf8_text, const std::vector<Token>& tokens) const {
  return impl_->extract(utf8_text, tokens);
}

std::vector<Entities> EntityExtractor::extract_many(const std::vector<std::string_view>& texts,
                                                    unsigned n_threads) const {
  std::vector<Entities> results(texts.size());
  internal::parallel_for(texts.size(), n_threads, [&](size_t i) { results[i] = impl_->extract(texts[i]); });
  return results;
}

const Lexicon& EntityExtractor::lexicon() const { return impl_->lexicon(); }

}  // namespace zhpolicy
