// Names: people (surname + given name, before a verb of speech), and names
// that end in a company, organization or place suffix, or a place character.
#include <algorithm>
#include <bitset>
#include <iterator>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

#include "entities/extractor_impl.h"
#include "lexicon/lexicon_data.h"
#include "util/data_lines.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

namespace {
// Words of where before a place: prepositions and verbs of being or going there.
constexpr std::u32string_view kPlaceVerbs[] = {U"在", U"于", U"赴", U"到", U"从", U"来自", U"抵达", U"飞抵", U"来到",
                                              U"前往", U"位于", U"地处", U"途经", U"经过", U"落户", U"回到"};
bool is_place_verb(std::u32string_view word) {
  return std::find(std::begin(kPlaceVerbs), std::end(kPlaceVerbs), word) != std::end(kPlaceVerbs);
}
// A word jieba's dictionary sees this seldom before 集团 in one of its words
// names the group (海螺 68, 方正 144; not 反党 186, 贩毒 175, 实业 810).
constexpr uint32_t kRareGroupNameFreq = 150;
// A pair of characters jieba's dictionary holds this rarely is no evidence
// that the HMM did not glue a name's last character to a preposition (华以).
constexpr uint32_t kRareGluedPairFreq = 30;
}  // namespace

uint32_t EntityExtractorImpl::surname_length(const CharText& t, uint32_t at) const {
  if (at >= t.cps.size()) return 0;
  if (t.has(at, kCompoundFirst)) {
    for (const auto& s : compound_surnames_) {
      if (t.matches(at, s)) return static_cast<uint32_t>(s.size());
    }
  }
  return t.has(at, kSurname) ? 1 : 0;
}

// Before a title written after a name (刘洋教授, 张磊同志) a coinage of a
// surname and one or two characters is a name unless its characters read
// as a word far more than as a name: the model, learned from a dictionary's
// words, scores common given names low (刘洋 0.2, 张磊 1.8, 郑洁 -1.6),
// and a verb rarely precedes such a title.
constexpr float kMinTitledNameLogOdds = -2.0f;

// How sure the person name model must be (log-odds). Policy prose has many
// unknown coinages after a surname character; read off the persons found in
// the provincial reports (unlabelled) with the held-out regions of
// scripts/eval_entities.py unchanged: three-character coinages (林长制,
// 郭家台, 康养房: 2.1 to 3.7) score higher than two-character ones.
constexpr float kMinNameLogOdds = 2.0f;       // two characters (张伟 2.3)
constexpr float kMinLongNameLogOdds = 4.0f;   // three (孔繁森 7.9, 周乃翔 6.1)

// How far left a head word's name may reach, in characters: 中华人民共和国澳门特别行政区基本法
// (at 10 the rule stopped at 澳门特别行政区基本法).
constexpr uint32_t kMaxHeadedName = 16;
// How many words saying what kind may stand between a place and a head word.
constexpr int kMaxKindWords = 4;

namespace {
// Characters of function words the HMM glues to the end of an unknown word
// (上官 文是 西安交通大学): no name ends in them.
bool glued_function_char(char32_t c) {
  return std::u32string_view(U"是的了在把被从").find(c) != std::u32string_view::npos;
}
}  // namespace

bool EntityExtractorImpl::name_like_token(const CharText& t, uint32_t begin, uint32_t end) const {
  for (uint32_t i = begin; i < end; ++i) {
    if (!t.han(i)) return false;
  }
  const auto w = word_info(t, begin, end);
  if (!w) {
    // Unknown to the lexicon: a name-like coinage, but not one right after
    // a number (3 个省 实验室: the HMM glued the measure word on), nor one
    // ending in a function word the HMM glued on (上官 文是 西安交通大学).
    const char32_t before = begin > 0 ? t.cps[begin - 1] : 0;
    if (glued_function_char(t.cps[end - 1])) return false;
    return !((before >= U'0' && before <= U'9') || (begin > 0 && t.has(begin - 1, kNumeral)));
  }
  if (common_abbreviation(*w)) return false;
  for (auto tag : kStopTags) {
    if (w->tag == tag) return false;
  }
  return true;
}

bool EntityExtractorImpl::surname_and_title(const CharText& t, uint32_t b, uint32_t e) const {
  const uint32_t surname = surname_length(t, b);
  if (surname == 0 || e - b <= surname) return false;
  const std::u32string_view rest(t.cps.data() + b + surname, e - b - surname);
  if (std::find(kFormsOfAddress.begin(), kFormsOfAddress.end(), rest) != kFormsOfAddress.end()) return true;
  const auto w = word_info(t, b + surname, e);
  return w && w->entity == EntityType::kPosition;
}

// A personal name: Han characters after a surname, unknown to the lexicon,
// typed person by our data, or (with `trust_nr`) a word jieba tags as a
// person's name (nr, nrfg: 王晓明, 刘慈欣). That tag alone is not trusted (it
// marks 智慧, 楼宇, 文明 and 秦岭 too), nor after a title (政协委员智慧和力量):
// only before a verb of speech and in a list with a name already found.
bool EntityExtractorImpl::person_like(const CharText& t, uint32_t begin, uint32_t end, bool trust_nr) const {
  const uint32_t surname = surname_length(t, begin);
  if (surname == 0 || end - begin > surname + 2 || surname_and_title(t, begin, end)) return false;
  for (uint32_t i = begin; i < end; ++i) {
    if (!t.han(i)) return false;
  }
  // Particles are no given names (总书记 党的 十八大: 党 is the party).
  for (uint32_t i = begin + surname; i < end; ++i) {
    if (std::u32string_view(U"的了着们").find(t.cps[i]) != std::u32string_view::npos) return false;
  }
  const auto w = word_info(t, begin, end);
  return !w || w->entity == EntityType::kPerson ||
         (trust_nr && w->entity == EntityType::kNone && (w->tag == "nr" || w->tag == "nrfg") &&
          name_word_plausible(t, begin, end));
}

bool EntityExtractorImpl::common_non_name_word(std::u32string_view name) const {
  const ZplView* view = nullptr;
  const format::WordEntry* w = lexicon_.data().find_word(name.data(), name.size(), &view);
  if (!w || w->freq < kCommonNameWordFreq || static_cast<EntityType>(w->entity) == EntityType::kPerson) return false;
  return !is_name_word_tag(view->tag(w->tag));
}

std::u32string_view EntityExtractorImpl::name_title_ending_at(const CharText& t, uint32_t end, uint32_t from) const {
  // The titles by their last character, in for_each_name_title's order (the first
  // that matches is the answer): a token ending in 子 or 员 tries only the
  // few titles that end so.
  static const std::unordered_map<char32_t, std::vector<std::u32string_view>> by_last = [] {
    std::unordered_map<char32_t, std::vector<std::u32string_view>> out;
    for_each_name_title([&](std::u32string_view title) { out[title.back()].push_back(title); });
    return out;
  }();
  if (end <= from) return {};
  const auto bucket = by_last.find(t.cps[end - 1]);
  if (bucket == by_last.end()) return {};
  for (std::u32string_view title : bucket->second) {
    const auto size = static_cast<uint32_t>(title.size());
    if (end >= from + size && t.matches(end - size, title)) return title;
  }
  return {};
}

namespace {
// The level a foreign division's name ends in (得克萨斯州, 安大略省).
bool division_level(char32_t c) { return c == U'州' || c == U'省'; }
// A verb of going or a preposition the HMM glues to a name before the
// place or thing it governs (张文到 江北区, 王刚在 会上).
bool glued_preposition(char32_t c) {
  return c == U'到' || c == U'在' || c == U'向' || c == U'对' || c == U'从' || c == U'赴';
}
// Characters the HMM glues to the end of a two-character name it did not
// know: a byline's or a speech's verb (戴冰摄, 王芳称, 李华说) or an adverb
// opening the predicate (孙浩已 连续…, 王芳也 表示). Only these, none a usual
// last character of a given name: jieba tags given names' characters as
// verbs too (庆 of 赵世庆), and 才, 正, 均, 亦 end given names.
bool glued_verb(char32_t c) { return c == U'摄' || c == U'说' || c == U'称'; }
bool glued_after_name(char32_t c) {
  switch (c) {
    case U'也': case U'还': case U'已': case U'曾': case U'又': case U'就': case U'都': case U'便': case U'却':
      return true;
    default:
      return glued_verb(c);
  }
}
}  // namespace

bool EntityExtractorImpl::glued_adverb_and_preposition(const CharText& t, uint32_t at) const {
  return at + 2 <= t.cps.size() && t.token_end_of[at] == at + 2 && glued_after_name(t.cps[at]) &&
         glued_preposition(t.cps[at + 1]) && !word_info(t, at, at + 2);
}

// The HMM glues a verb or an adverb to a name it did not know
// (glued_after_name), and a title's name takes a single character after it
// (主席 包钢 作): such three or four, unknown, are a name of two or three.
uint32_t EntityExtractorImpl::without_glued_verb(const CharText& t, uint32_t begin, uint32_t end) const {
  // One token, or the name's token and the verb (包钢 作).
  const bool joined = t.token_end_of[begin] == end || t.token_end_of[begin] == end - 1;
  const uint32_t name = end - begin - 1;
  if (end - begin < 3 || end - begin > 4 || !joined || word_info(t, begin, end)) return end;
  // A name of three only when the name model reads it as one far more than
  // not (黄茂军 作 政府工作报告).
  if (name == 3 && (!person_names_ || person_names_->log_odds(&t.cps[begin], 3) < kMinLongNameLogOdds)) return end;
  // 作 too before the report the name delivers (主席包钢作政府工作报告).
  auto before_report = [&] {
    for (uint32_t k = end; k < t.cps.size() && k < end + 8 && t.han(k); ++k) {
      if (t.matches(k, U"报告")) return true;
    }
    return false;
  };
  // An adverb only before the predicate it opens, after two characters the
  // name model reads as a name (孙浩已 连续; not 都 of 阿不都 热合曼, a
  // transliteration).
  auto predicate_after = [&] {
    if (end >= t.cps.size() || !t.token_start(end) || t.token_end_of[end] > t.cps.size()) return false;
    const auto w = word_info(t, end, t.token_end_of[end]);
    return w && tag_is(w->tag, {"v", "vn", "d", "ad", "p", "a"}) &&
           (!person_names_ || person_names_->log_odds(&t.cps[begin], name) >= kMinCoinedNameLogOdds);
  };
  // A preposition only before a place or a noun it governs, after two
  // characters the name model reads as a name.
  auto object_after = [&] {
    if (end >= t.cps.size() || !t.token_start(end) || t.token_end_of[end] > t.cps.size()) return false;
    const auto w = word_info(t, end, t.token_end_of[end]);
    return w && (w->entity == EntityType::kPlace || tag_is(w->tag, {"ns", "n", "nz", "s"})) &&
           (!person_names_ || person_names_->log_odds(&t.cps[begin], name) >= kMinCoinedNameLogOdds);
  };
  const bool glued = (glued_after_name(t.cps[end - 1]) && (glued_verb(t.cps[end - 1]) || predicate_after())) ||
                     (glued_preposition(t.cps[end - 1]) && object_after()) ||
                     (t.cps[end - 1] == U'作' && before_report());
  // (The segmenter cut the verb off: the name is a token of its own, known or not.)
  const bool cut_off = t.token_end_of[begin] == end - 1;
  return glued && (cut_off || !word_info(t, begin, end - 1)) ? end - 1 : end;
}

// jieba's dictionary tags some common words as names (殷殷, 从严治党 nr): a
// word of it is read as a name only when it is no reduplication (殷殷: a
// surname does not repeat as the given name) and, of four or more
// characters, does not open with a word of another kind (从严 of 从严治党).
bool EntityExtractorImpl::name_word_plausible(const CharText& t, uint32_t begin, uint32_t end) const {
  if (end - begin == 2 && t.cps[begin] == t.cps[begin + 1]) return false;
  // A word ending in the head word of an institution or a place names no
  // person, whatever jieba's tag (天文台 nr).
  // (Only a word whose last character ends some head word is compared.)
  if (t.has(end - 1, kSuffixLast)) {
    const std::u32string_view word(t.cps.data() + begin, end - begin);
    for (const SuffixFamily& family : kNameSuffixFamilies) {
      if (ends_with_any(word, family)) return false;
    }
  }
  // A preposition that is a surname too, then a place (从博鳌, 向重庆: jieba
  // lists some such glued phrases as names).
  if (end - begin >= 3 &&
      (glued_preposition(t.cps[begin]) || std::u32string_view(U"于同跟为和与").find(t.cps[begin]) != std::u32string_view::npos)) {
    const auto rest = word_info(t, begin + 1, end);
    if (rest && (rest->entity == EntityType::kPlace || rest->tag == "ns")) return false;
  }
  if (end - begin >= 4) {
    const auto head = word_info(t, begin, begin + 2);
    return !head || head->entity != EntityType::kNone || !is_stop_word_tag(head->tag);
  }
  return true;
}

// A word jieba tags as a person's name (nr, nrt for transliterated names,
// nrfg) and no list types otherwise, of Han characters: asked only before a
// verb of speech, where a name without a surname is most often a foreign one.
bool EntityExtractorImpl::foreign_name(const CharText& t, uint32_t begin, uint32_t end) const {
  for (uint32_t i = begin; i < end; ++i) {
    if (!t.han(i)) return false;
  }
  const auto w = word_info(t, begin, end);
  return w && w->entity == EntityType::kNone && is_name_word_tag(w->tag) && name_word_plausible(t, begin, end);
}

void EntityExtractorImpl::add_transport_line(const CharText& t, uint32_t i, uint32_t e,
                                             std::vector<Candidate>& out) const {
  // Railways and roads are named by the short names of the places they join:
  // 渝湘高铁, 成渝高铁, 沪昆铁路, 渝黔高速. Two or three of them in a row,
  // starting a token, right before the kind of line that ends token [i, e)
  // (written as one word or not: 京广铁路, 成渝/铁路).
  for (std::u32string_view kind : kLineKinds) {
    const auto size = static_cast<uint32_t>(kind.size());
    if (e - i < size || !t.matches(e - size, kind)) continue;
    const uint32_t at = e - size;
    uint32_t b = at;
    while (b > 0 && at - b < 3 && kPlaceShortNames.find(t.cps[b - 1]) != std::u32string_view::npos) --b;
    if (at - b < 2 || !t.token_start(b) || (b < i && at != i)) continue;
    if (b > 0 && kPlaceShortNames.find(t.cps[b - 1]) != std::u32string_view::npos) continue;
    out.push_back({b, e, EntityType::kPlace, kRulePriority});
    return;
  }
}

void EntityExtractorImpl::add_firms_before_titles(const CharText& t, const std::vector<Candidate>& titles,
                                                  std::vector<Candidate>& out) const {
  // A firm's name right before the titles only a firm has (比亚迪 董事长,
  // 腾讯 总裁): one word, a coinage or a proper noun of the lexicon that is
  // no place, and no person's name (王传福 董事长 is the person).
  static constexpr std::u32string_view kFirmTitles[] = {U"董事长", U"总裁", U"总经理", U"首席执行官"};
  for (const Candidate& title : titles) {
    const std::u32string_view text(t.cps.data() + title.begin, title.end - title.begin);
    if (std::find(std::begin(kFirmTitles), std::end(kFirmTitles), text) == std::end(kFirmTitles)) continue;
    if (title.begin < 2 || !t.token_start(title.begin)) continue;
    uint32_t b = t.token_begin(title.begin - 1);
    if (title.begin - b < 2 || !name_like_token(t, b, title.begin) || person_like(t, b, title.begin)) continue;
    if (surname_length(t, b) != 0 && person_names_ &&
        person_names_->log_odds(&t.cps[b], title.begin - b) >= kMinCoinedNameLogOdds) {
      continue;  // reads as a person's name (王传福)
    }
    const auto w = word_info(t, b, title.begin);
    if (w && (w->entity != EntityType::kNone || !tag_is(w->tag, {"nz", "nt", "j", "nr", "nrt"}))) continue;
    // (A name ending in 会 is an association's, not a firm's: 海基会 董事长.)
    const EntityType type = t.cps[title.begin - 1] == U'会' ? EntityType::kOrganization : EntityType::kCompany;
    out.push_back({b, title.begin, type, kRulePriority});
  }
}

void EntityExtractorImpl::join_dotted_names(const CharText& t, std::vector<Candidate>& chosen) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  auto dot = [&](uint32_t i) {
    const char32_t c = t.cps[i];
    return c == U'·' || c == U'•' || c == U'‧' || c == U'・' || c == U'･';
  };
  // Asked of every char, so first a scan on a plain pointer: one compare
  // skips Han and most other text (every dot lies outside U+3100..U+FF64).
  const char32_t* const cps = t.cps.data();
  auto next_dot = [&](uint32_t from) {
    for (uint32_t k = from; k + 1 < n; ++k) {
      if (cps[k] - 0x3100u >= 0xFF65u - 0x3100u && dot(k)) return k;
    }
    return n;
  };
  // The mention covering char i, or chosen.end().
  auto covering = [&](uint32_t i) {
    auto it = std::partition_point(chosen.begin(), chosen.end(), [&](const Candidate& c) { return c.end <= i; });
    return it != chosen.end() && it->begin <= i ? it : chosen.end();
  };
  for (uint32_t i = next_dot(1); i + 1 < n; i = next_dot(i + 1)) {
    if (!t.han(i - 1) || !t.han(i + 1) || !t.token_start(i + 1)) continue;
    // The parts: the token before the first dot, then one after each dot.
    uint32_t b = t.token_begin(i - 1);
    // A first name the segmenter cut into pieces (阿不都 热合 曼·买买提): the
    // pieces before it too, up to six characters, while each is a word the
    // lexicon does not know, one jieba tags as a name, or a single
    // character that is no function word.
    while (b > 0) {
      uint32_t pb = t.token_begin(b - 1);
      if (i - pb > 6 || t.token_end_of[pb] != b) break;
      bool han = true;
      for (uint32_t k = pb; k < b; ++k) han = han && t.han(k);
      if (!han) break;
      const auto w = word_info(t, pb, b);
      const bool piece = !w || (w->entity == EntityType::kNone && (tag_is(w->tag, {"nr", "nrt", "nrfg"}) ||
                                                                   (b - pb == 1 && !is_stop_word_tag(w->tag))));
      if (!piece) break;
      b = pb;
    }
    // A piece of a transliterated name: a character, or a word the lexicon
    // does not hold or holds as no verb, function word … (not 宣布 of 苏纳克 宣布).
    auto transliterated_piece = [&](uint32_t pb, uint32_t pe) {
      return pe - pb == 1 || !is_stop_word(word_info(t, pb, pe));
    };
    // Or back over pieces that read, with the part, as a transliteration
    // (买买提 明·阿不都拉: jieba has 明 an adjective).
    while (b > 0) {
      uint32_t pb = t.token_begin(b - 1);
      if (i - pb > 6 || t.token_end_of[pb] != b || !t.han(pb) || !transliterated_piece(pb, b) ||
          !reads_as_transliteration(t, pb, i)) {
        break;
      }
      b = pb;
    }
    // Or back to a person the rules found just before, whatever the pieces
    // between are tagged (阿不都 热合 曼·买买提: jieba has 热合 a verb), when
    // they are Han characters and no single function word.
    for (auto it = std::partition_point(chosen.begin(), chosen.end(),
                                        [&](const Candidate& c) { return c.end + 6 <= i; });
         it != chosen.end() && it->end <= b; ++it) {
      if (it->type != EntityType::kPerson || it->begin + 6 < i) continue;
      bool joins = true;
      for (uint32_t k = it->end; k < b && joins; k = std::max(k + 1, t.token_end_of[k])) {
        joins = t.han(k) && t.token_start(k) &&
                !(t.token_end_of[k] == k + 1 && is_stop_word(word_info(t, k, k + 1)));
      }
      if (joins) b = it->begin;
      break;
    }
    uint32_t e = i;
    bool person = false;
    int tagged = 0;
    bool translit = true;  // every part reads as a transliteration
    bool unknown_translit = false;  // a part the lexicon does not know reads as one
    bool rare_noun = false;         // a part is a rare common noun
    bool parts_ok;
    auto part = [&](uint32_t pb, uint32_t pe) {
      if (pe - pb > 6) return false;
      for (uint32_t k = pb; k < pe; ++k) {
        if (!t.han(k)) return false;
      }
      const auto at = covering(pb);
      if (at != chosen.end() && at->type == EntityType::kPerson && at->begin >= b) person = true;
      const auto w = word_info(t, pb, pe);
      if (w && tag_is(w->tag, {"nr", "nrt", "nrfg"})) ++tagged;
      const bool reads = pe - pb >= 2 && reads_as_transliteration(t, pb, pe);
      translit = translit && reads;
      unknown_translit = unknown_translit || (!w && reads);
      // A common word is no part of a name (记忆·山城), unless a person's, or
      // a word after the dot of a name that opens with a person (阿不都热合曼·
      // 买买提: jieba tags 买买提 a common noun), or a rare noun beside a
      // part the lexicon does not know that reads as a transliteration
      // (艾力·买买提: asked below, once every part is read).
      if (!w || w->entity != EntityType::kNone || tag_is(w->tag, {"nr", "nrt", "nrfg", "ns", "nz"}) ||
          (at != chosen.end() && at->type == EntityType::kPerson) || (pb > i && person && !is_stop_word_tag(w->tag))) {
        return true;
      }
      if (w->tag != "n" || pe - pb < 2 || w->freq >= kCommonNameWordFreq) return false;
      rare_noun = true;
      return true;
    };
    parts_ok = part(b, i);
    for (uint32_t k = i; parts_ok && k + 1 < n && dot(k) && t.han(k + 1) && t.token_start(k + 1);) {
      e = std::min(t.token_end_of[k + 1], n);
      // A part the segmenter cut into pieces (吐 尼亚 孜): on while the
      // pieces read as a transliteration together.
      while (e < n && t.token_start(e) && t.han(e) && t.token_end_of[e] <= n && t.token_end_of[e] - (k + 1) <= 6 &&
             transliterated_piece(e, t.token_end_of[e]) && reads_as_transliteration(t, k + 1, t.token_end_of[e])) {
        e = t.token_end_of[e];
      }
      parts_ok = part(k + 1, e);
      k = e;
    }
    const uint32_t dot_at = i;
    i = e;  // the next name starts after this one
    // (A name only its transliteration vouches for ends where a word of the
    // lexicon, or no Han character, follows: not 阿里木江·艾海 of …艾海 提是.)
    translit = translit && (e >= n || !t.han(e) || (t.token_start(e) && t.token_end_of[e] <= n &&
                                                    word_info(t, e, t.token_end_of[e])));
    // (A rare noun counts only beside an unknown part that reads as a transliteration.)
    if (rare_noun && !unknown_translit) continue;
    if (!parts_ok || e <= dot_at + 1 || !(person || tagged >= 1 || translit || rare_noun)) continue;
    // The mentions inside give way; one reaching outside, or a title, a
    // document or a slogan around the name, keeps it as it is.
    auto first = std::partition_point(chosen.begin(), chosen.end(), [&](const Candidate& c) { return c.end <= b; });
    auto last = first;
    bool inside = true;
    float score = 0.0f;
    for (; last != chosen.end() && last->begin < e; ++last) {
      inside = inside && last->begin >= b && last->end <= e;
      if (last->type == EntityType::kPerson) score = std::max(score, last->score);
    }
    if (!inside) continue;
    Candidate name{b, e, EntityType::kPerson, kRulePriority};
    name.score = score > 0.0f ? score : 0.5f;
    const auto at = chosen.erase(first, last);
    chosen.insert(at, name);
  }
}

void EntityExtractorImpl::add_token_rules(const CharText& t, std::vector<Candidate>& out,
                                          std::vector<Candidate>& subjects, std::vector<Candidate>& landforms,
                                          std::vector<uint32_t>& listed) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  auto try_suffixes = [&](uint32_t tok_b, uint32_t tok_e, auto& suffixes, EntityType type) {
    for (std::u32string_view suffix : suffixes) {
      const auto len = static_cast<uint32_t>(suffix.size());
      // The suffix ends the token and starts inside it or on a token of its
      // own: 服务中心, or 传播/中心.
      if (tok_e < len || t.cps[tok_e - 1] != suffix.back() || !t.matches(tok_e - len, suffix)) continue;
      if (tok_e - len < tok_b && !t.token_start(tok_e - len)) continue;
      // A parent or subsidiary is no firm's name (拼多多 母公司, 华为 全资
      // 子公司): the firm before it is named by what names it alone.
      // (Not 子 ending a word: 微电子 公司.)
      if (suffix == U"公司" && tok_e >= 3 && (t.cps[tok_e - 3] == U'母' || t.cps[tok_e - 3] == U'子') &&
          t.token_start(tok_e - 3)) {
        continue;
      }
      // A kind of insurance the lexicon knows as a common noun (养老保险,
      // 医疗保险, 社会保险) is no insurer, whatever words come before it,
      // unless a place names it (太平洋保险).
      if (suffix == U"保险" && tok_e - tok_b > len) {
        const auto whole = word_info(t, tok_b, tok_e);
        const auto name = word_info(t, tok_b, tok_e - len);
        const bool place = name && (name->entity == EntityType::kPlace || name->tag == "ns");
        if (whole && whole->entity == EntityType::kNone && whole->tag == "n" && !place) continue;
      }
      // Extend left over name-like tokens (proper nouns, coinages), under kMaxHeadedName characters.
      uint32_t b = tok_e - len;
      bool proper = false;
      int name_tokens = 0;
      auto note = [&](uint32_t pb, uint32_t pe) {
        const auto w = word_info(t, pb, pe);
        proper = proper || !w || w->entity != EntityType::kNone ||
                 std::find(kProperTags.begin(), kProperTags.end(), w->tag) != kProperTags.end();
      };
      bool after_place = false;
      int places = 0;       // places the name opens with
      bool province_taken = false;
      bool coined = false;  // a word the lexicon does not know is part of the name
      if (tok_e - tok_b > len && name_like_token(t, tok_b, tok_e - len)) {
        note(tok_b, tok_e - len);
        b = tok_b;
        // (A place opening the token, 朝鲜 of 朝鲜半岛, as one before it.)
        const auto w = word_info(t, tok_b, tok_e - len);
        after_place = w && w->entity == EntityType::kPlace;
        places = after_place;
        // (A place opening a word of the name counts as one: 洛阳 of 洛阳龙门石窟 ns.)
        for (uint32_t k = tok_b + 2; k + 2 <= tok_e - len && k <= tok_b + 3 && places == 0; ++k) {
          const auto opening = word_info(t, tok_b, k);
          places = opening && opening->entity == EntityType::kPlace;
        }
      } else if (tok_e - tok_b == len + 1) {
        // One character before the head word in its token says what size
        // or kind (大 of 大都市圈): the token is the head word.
        b = tok_b;
      }
      // A firm jieba's dictionary names whole (nt: 微软公司, 波音公司), though
      // its name is a common word (微软 a, 波音 n); but firms of a place
      // (美国公司: American firms) or of a kind of action (上市公司: 上市 v)
      // are no firm's name. Only by 公司: the dictionary's banks and groups
      // by nt are kinds (商业银行, 中央银行, 反党集团).
      bool generic_firm = false;
      if (type == EntityType::kCompany && suffix.back() == U'司' && tok_e - tok_b >= len + 2) {
        const auto whole = word_info(t, tok_b, tok_e);
        if (whole && whole->entity == EntityType::kNone && whole->tag == "nt") {
          const auto name = word_info(t, tok_b, tok_e - len);
          generic_firm = name && (name->entity == EntityType::kPlace || name->tag == "ns" || name->tag == "v" ||
                                  name->tag == "vn");
          if (!generic_firm) {
            b = tok_b;
            proper = true;
          }
        }
      }
      // A group jieba's dictionary names whole, whatever its tag, by a name
      // it does not know or sees seldom (海螺集团 n: 海螺 68, 横店集团, 台塑集团);
      // not by a common word or a count (利益集团, 犯罪集团, 反党 186 集团, 七国集团).
      if (type == EntityType::kCompany && suffix == U"集团" && !proper && tok_e - tok_b >= len + 2) {
        const auto whole = word_info(t, tok_b, tok_e);
        const auto name = word_info(t, tok_b, tok_e - len);
        if (whole && whole->entity == EntityType::kNone && !t.has(tok_b, kNumeral) &&
            (!name || (name->entity == EntityType::kNone && name->freq < kRareGroupNameFreq &&
                       !tag_is(name->tag, {"v", "vn", "a", "m"})))) {
          b = tok_b;
          proper = true;
        }
      }
      // Schools and hospitals are numbered (北京市 第四 中学, 附属 第二 医院,
      // 市 第三 中心医院): an ordinal word is part of their names; schools by
      // 中学 and 小学 are names only so (重点中学 is a kind).
      const bool numbered = type == EntityType::kOrganization &&
                            (suffix == U"医院" || suffix == U"中学" || suffix == U"小学");
      bool ordinal = false;
      auto ordinal_word = [&](uint32_t pb, uint32_t pe) {
        if (pe - pb < 2 || t.cps[pb] != U'第') return false;
        for (uint32_t k = pb + 1; k < pe; ++k) {
          if (!ordinal_digit(t, k)) return false;
        }
        return true;
      };
      // A firm's legal name holds words of its trade and rank that read as
      // verbs, adjectives or ordinals (中芯国际 集成电路 制造 有限公司, 浙江 吉利
      // 控股集团 有限公司, 中国 建筑 第八 工程局 有限公司): up to two such words
      // are crossed when a name-like word comes before them.
      const bool legal_form = type == EntityType::kCompany && (suffix == U"有限公司" || suffix == U"股份有限公司" ||
                                                               suffix == U"有限责任公司");
      uint32_t unconfirmed = 0;  // the start of the name before the words crossed, or 0
      int crossed = 0;
      // Sites are named by dates and by words jieba reads as numerals (二七
      // 广场, 八一 广场, 三星堆 m 博物馆): a word of two or three tagged m
      // right before a place's head word, of digits alone without a unit
      // (not 三百 广场, 千亿 园区), or a numeral and what is no measure word
      // (三 星堆; not 五 个, 一 批, 千 座: 五个 新城, 一批 景区).
      auto numeral_name = [&](uint32_t pb, uint32_t pe) {
        if (type != EntityType::kPlace || pe != tok_e - len || pe - pb < 2 || pe - pb > 3) return false;
        const auto w = word_info(t, pb, pe);
        if (!w || w->entity != EntityType::kNone || w->tag != "m") return false;
        constexpr std::u32string_view kDigits = U"一二三四五六七八九";
        uint32_t rest = pb;
        bool digits = true;
        while (rest < pe && std::u32string_view(U"一二三四五六七八九十百千万亿两零〇几").find(t.cps[rest]) !=
                                std::u32string_view::npos) {
          digits = digits && kDigits.find(t.cps[rest]) != std::u32string_view::npos;
          ++rest;
        }
        if (rest == pe) return digits;
        if (rest == pb || !t.han(rest)) return false;
        const auto tail = word_info(t, rest, pe);
        return !tail || tail->tag != "q";
      };
      while (b > 0 && tok_e - b < kMaxHeadedName) {
        uint32_t pb = t.token_begin(b - 1);
        if (numbered && !ordinal && ordinal_word(pb, b)) {
          ordinal = true;
          b = pb;
          continue;
        }
        if (numeral_name(pb, b)) {
          b = pb;
          proper = true;
          ++name_tokens;
          continue;
        }
        if (!name_like_token(t, pb, b)) {
          const auto w = legal_form && crossed < 2 && b - pb >= 2 && t.han(pb) ? word_info(t, pb, b) : std::nullopt;
          if ((w && w->entity == EntityType::kNone && tag_is(w->tag, {"v", "vn", "a", "b"})) ||
              (legal_form && crossed < 2 && ordinal_word(pb, b))) {
            if (crossed++ == 0) unconfirmed = b;
            b = pb;
            continue;
          }
          break;
        }
        // A level written alone opens the name of the level's body (投用 |
        // 市 第三 人民 医院: the city's third hospital); nothing before it
        // belongs to the name.
        if (b - pb == 1 && (type == EntityType::kOrganization || type == EntityType::kGovernment) &&
            std::u32string_view(U"省市区县").find(t.cps[pb]) != std::u32string_view::npos && t.token_end_of[pb] == b) {
          b = pb;
          break;
        }
        crossed = 0;
        unconfirmed = 0;
        // A name starts at its place (礼县四角坪遗址, 西安咸阳国际机场,
        // 重庆市渝中区…); a province before a place of the name says where,
        // as before a title (湖北 | 宜昌三峡大坝, 河南 | 洛阳龙门石窟, 安徽 |
        // 黄山风景区); an unknown word before a place is not part of the name
        // (投用 化龙桥邮件处理中心), but a firm's brand of two is (中车 株洲
        // 电力机车有限公司).
        const auto w = word_info(t, pb, b);
        const bool brand = type == EntityType::kCompany && !w && b - pb == 2;
        if (after_place && !(w && (w->entity != EntityType::kNone || w->tag == "ns")) && !brand) break;
        const bool place_token = w && w->entity == EntityType::kPlace;
        const bool province = place_token && is_province_name(std::u32string_view(t.cps.data() + pb, b - pb));
        if (province && places >= 1 && !province_taken) break;
        places += place_token;
        province_taken = province_taken || province;
        // A place's name is a coinage or a place and what kind of place
        // it is: a common word before the coinage is the sentence's (项目
        // 落户 | 沈抚 科创园). (jieba's tags call common words names too,
        // 文明 nr: only coinages count.)
        if (type == EntityType::kPlace && coined && w && w->entity == EntityType::kNone &&
            !is_proper_word_tag(w->tag)) {
          break;
        }
        coined = coined || !w;
        after_place = w && w->entity == EntityType::kPlace;
        note(pb, b);
        ++name_tokens;
        b = pb;
      }
      if (unconfirmed != 0) b = unconfirmed;
      // A place, then up to four words saying what kind (体育, 现代 服务,
      // 生态 绿色 一体化 发展; coinages too: 普惠 金融 改革), then the
      // suffix: 大田湾体育产业园, 解放碑公共停车楼, 长三角生态绿色一体化发展示范区,
      // 铜川普惠金融改革试验区. The place is one of our lists' or a word
      // jieba tags as a place's name (京津 合作 示范区).
      auto place_word = [&](uint32_t pb, uint32_t pe) {
        const auto w = word_info(t, pb, pe);
        return w && (w->entity == EntityType::kPlace || (w->entity == EntityType::kNone && w->tag == "ns"));
      };
      // When a place opens the name already, only nouns lead to another
      // (怀柔 实验室 山西研究院; not 西宁 建设 青藏高原城市群).
      const bool opens_with_place = b < tok_e - len && place_word(b, std::min(t.token_end_of[b], tok_e - len));
      if (b > 0 && tok_e - b < kMaxHeadedName) {
        uint32_t m = b;
        for (int words = 0; words < kMaxKindWords && m > 0; ++words) {
          uint32_t pb = t.token_begin(m - 1);
          const auto w = word_info(t, pb, m);
          const bool coinage = !w && m - pb >= 2 && name_like_token(t, pb, m) && !opens_with_place;
          const bool kind = w && (opens_with_place ? w->tag == "n"
                                                   : std::find(kKindTags.begin(), kKindTags.end(), w->tag) != kKindTags.end());
          if (!coinage && !kind) break;
          m = pb;
        }
        if (m < b && m > 0) {
          uint32_t pb = t.token_begin(m - 1);
          if (place_word(pb, m) && tok_e - pb <= kMaxHeadedName + 2) {
            b = pb;
            proper = true;
          }
        }
      }
      // Places joined by a dash name a zone, area or belt of both (中国－东盟
      // 自贸区, 西宁—海东都市圈, 天津 滨海-中关村科技园), or an event of both
      // (中国—东盟法治论坛); before other places the dash is a route
      // (大田湾—贺龙广场—文化宫).
      const bool zone = type == EntityType::kPlace &&
                        std::u32string_view(U"区圈园带").find(t.cps[tok_e - 1]) != std::u32string_view::npos;
      if ((zone || type == EntityType::kMeeting) && b >= 3 && t.token_start(b) &&
          std::u32string_view(U"－—–-").find(t.cps[b - 1]) != std::u32string_view::npos) {
        for (uint32_t pe = b - 1, places = 0; pe > 0 && places < 2; ++places) {
          uint32_t pb = t.token_begin(pe - 1);
          if (t.token_end_of[pb] != pe || !place_word(pb, pe) || tok_e - pb > kMaxHeadedName + 2) break;
          b = pe = pb;
        }
      }
      // Companies are often named with ordinary words (民生轮船公司): two of
      // them before the suffix are enough, unless the words before the suffix
      // end in another company suffix (外资银行保险 is a kind of business;
      // but a legal form follows a group's or a bank's name: 吉利控股集团
      // 有限公司).
      if (type == EntityType::kCompany) {
        // (Not an insurer: common words before 保险 say what it insures,
        // 基本 养老 保险, 企业 职工 医疗 保险; 平安保险 is named by a name.)
        if (name_tokens >= 2 && suffix != U"保险") proper = true;
        for (std::u32string_view other : kCompanySuffixes) {
          if (legal_form) break;
          const auto ol = static_cast<uint32_t>(other.size());
          if (tok_e - len >= b + ol && t.matches(tok_e - len - ol, other)) proper = false;
        }
      }
      // The length of a scope word written as a word of its own at [at, …), or 0.
      auto scope_at = [&](uint32_t at) -> uint32_t {
        for (std::u32string_view scope : kEventScopes) {
          const auto size = static_cast<uint32_t>(scope.size());
          if (t.matches(at, scope) && t.token_start(at) && t.token_start(at + size)) return size;
        }
        return 0;
      };
      // Events are named with ordinary words (世界技能大赛, 全国博士后创新创业
      // 大赛): an edition before the name, or a scope word opening it with
      // a word between it and the head word, is enough. (代表大会 is a
      // body's or a congress's, named by other rules.)
      if (type == EntityType::kMeeting && !proper) {
        // The words of the event's subject may be nouns and verbs (博士后 创新
        // 创业, 职工 数字化 应用 技术 技能) up to the scope word or the edition;
        // across a verb (举办, or 创新) only when an edition or a year opens
        // the name (第三届…, 2025全球创新创业大赛; not 在全国 举办 …大赛).
        uint32_t m = b;
        bool crossed_verb = false;
        for (int words = 0; words <= kMaxKindWords && m > 0 && scope_at(m) == 0 && edition_start(t, m) == m;
             ++words) {
          uint32_t pb = t.token_begin(m - 1);
          if (scope_at(pb) != 0) {
            m = pb;
            break;
          }
          const auto w = word_info(t, pb, m);
          const bool verb = w && (w->tag == "v" || w->tag == "vn");
          if (!(name_like_token(t, pb, m) || verb)) break;
          crossed_verb = crossed_verb || (w && w->tag == "v");
          m = pb;
        }
        const uint32_t scope = scope_at(m);
        auto digit = [&](uint32_t k) { return t.cps[k] >= U'0' && t.cps[k] <= U'9'; };
        const bool year = m >= 4 && digit(m - 4) && digit(m - 3) && digit(m - 2) && digit(m - 1) &&
                          (m == 4 || !digit(m - 5)) && (t.cps[m - 4] == U'1' || t.cps[m - 4] == U'2');
        const bool edition = edition_start(t, m) < m;
        proper = edition || (scope != 0 && tok_e - len > m + scope && (!crossed_verb || year));
        if (proper) b = year && !edition ? m - 4 : m;
      }
      if (type == EntityType::kMeeting && suffix == U"大会" && tok_e - len >= 2 && t.matches(tok_e - len - 2, U"代表")) {
        return;
      }
      // (大会发言 is a speech at a plenary session: 何报翔 作 大会 发言.)
      if (type == EntityType::kMeeting && suffix == U"大会" && t.matches(tok_e, U"发言")) return;
      // A name our lists type whole is theirs (七十七国集团 is an
      // organization, not a company by its 集团).
      const auto whole = tok_e - len - b >= 2 && proper ? word_info(t, b, tok_e) : std::nullopt;
      if (whole && whole->entity != EntityType::kNone && whole->entity != type) return;
      if (tok_e - len - b < 2 || !proper || generic_firm) return;
      // Head words that name a place only after one (kPlaceSuffixesAfterPlace:
      // not 庆祝 中华人民共和国, a verb and the lexicon's name): the name opens
      // with a place word (朝鲜 民主主义 人民 共和国, 浦东 引领区).
      if (type == EntityType::kPlace && std::find(std::begin(kPlaceSuffixesAfterPlace), std::end(kPlaceSuffixesAfterPlace),
                                                  suffix) != std::end(kPlaceSuffixesAfterPlace)) {
        // (The place may lie inside one word of the name: 朝鲜民主主义人民共和国 nt.)
        bool after_place_word = false;
        for (uint32_t k = b + 2; k <= std::min(b + 6, tok_e - len) && !after_place_word; ++k) {
          after_place_word = place_word(b, k);
        }
        if (!after_place_word) return;
        // A name our lists hold whole stays theirs (中华人民共和国).
        const auto listed_whole = word_info(t, b, tok_e);
        if (listed_whole && listed_whole->entity == type) return;
      }
      // A school without its number is named right before its head word by
      // a place of our lists not written with its level (衡水 中学, 巴蜀 中学;
      // not 北京市 学校: the city's schools), or after a place by a word the
      // lexicon does not know or a rare one jieba tags a place, person or
      // proper noun (南山区 松坪 学校, 郑州 外国语 nz 学校; not 如象 小学, 各种
      // 红专 nr 学校, 全日制 nz 学校). Not kinds: 乡镇 中学, 民办 学校.
      const bool school = suffix == U"中学" || suffix == U"小学" || suffix == U"学校";
      if (school && !ordinal) {
        const uint32_t head = tok_e - len;
        if (head == 0 || !t.han(head - 1)) return;
        const uint32_t nb = head > tok_b ? tok_b : t.token_begin(head - 1);
        const auto w = word_info(t, nb, head);
        auto after_place = [&] {
          if (nb == 0 || !t.han(nb - 1)) return false;
          const auto before = word_info(t, t.token_begin(nb - 1), nb);
          return before && before->entity == EntityType::kPlace;
        };
        const bool named =
            (w && w->entity == EntityType::kPlace &&
             std::u32string_view(U"省市县区").find(t.cps[head - 1]) == std::u32string_view::npos) ||
            (after_place() && (w ? w->entity == EntityType::kNone && tag_is(w->tag, {"ns", "nr", "nz"}) &&
                                       w->freq < kCommonNameWordFreq
                                 : head - nb >= 2 && name_like_token(t, nb, head)));
        if (!named) return;
      }
      // A word of grade or class in the name or right before it (市州级 医院,
      // 央企二 三级 公司, 理工类 中外合作 大学, 紧密 型 城市医疗集团: a word of
      // up to three characters ending in 级 or 类, or 型 alone) makes the
      // phrase a kind, not a name (大型 and 附属 are parts of names:
      // 榆安大型灌区, 医学院附属第二医院).
      if (type != EntityType::kMeeting) {
        auto kind_marker = [&](uint32_t pb, uint32_t pe) {
          const char32_t last = t.cps[pe - 1];
          if (pe - pb == 1) return last == U'型';
          if (pe - pb > 3 || (last != U'级' && last != U'类')) return false;
          const auto w = word_info(t, pb, pe);
          return !(w && (w->tag == "v" || w->tag == "vn"));  // 升级 文图大厦
        };
        const uint32_t from = b > 0 ? t.token_begin(b - 1) : b;
        for (uint32_t k = from; k < tok_e - len;) {
          const uint32_t ke = t.token_start(k) ? std::min(t.token_end_of[k], tok_e - len) : k + 1;
          if (ke <= k) break;
          if (t.han(k) && kind_marker(k, ke)) return;
          k = ke;
        }
      }
      if (type == EntityType::kMeeting) {
        // An event takes the scope word before its place (全球 + 渝商大会)
        // and its edition (第48届 + 世界技能大赛).
        for (uint32_t size = 2; size >= 1 && b >= size; --size) {
          if (scope_at(b - size) == size) {
            b -= size;
            break;
          }
        }
        b = edition_start(t, b);
      }
      // A province's one-character name after a verb of presence says where
      // (在晋 全国重点实验室: the labs in Shanxi), it opens no name.
      if (b > 0 && t.token_end_of[b] == b + 1 &&
          std::u32string_view(U"在驻援来赴对访").find(t.cps[b - 1]) != std::u32string_view::npos) {
        return;
      }
      // A firm's legal form written after its name is part of it (中国工商银行
      // 股份有限公司, 中国石油天然气集团 有限公司, 阿里巴巴集团 控股有限公司).
      uint32_t end = tok_e;
      if (type == EntityType::kCompany) {
        for (std::u32string_view form : {std::u32string_view(U"控股有限公司"), std::u32string_view(U"股份有限公司"),
                                         std::u32string_view(U"有限责任公司"), std::u32string_view(U"有限公司"),
                                         std::u32string_view(U"股份公司")}) {
          const auto size = static_cast<uint32_t>(form.size());
          if (t.token_start(tok_e) && t.matches(tok_e, form) && t.token_start(tok_e + size)) {
            end = tok_e + size;
            break;
          }
        }
        // (A group's legal name may end in 公司 alone: 海尔集团 公司.)
        if (end == tok_e && t.cps[tok_e - 1] == U'团' && t.token_start(tok_e) && t.token_end_of[tok_e] == tok_e + 2 &&
            t.matches(tok_e, U"公司")) {
          end = tok_e + 2;
        }
      }
      out.push_back({b, end, type, kRulePriority});
      return;
    }
  };
  // Each family's suffixes by their last character, in the family's order
  // (the first that matches is taken): a token tries only those ending as
  // it does, not the whole list.
  using SuffixBuckets = std::unordered_map<char32_t, std::vector<std::u32string_view>>;
  static const auto family_by_last = [] {
    std::array<SuffixBuckets, std::size(kNameSuffixFamilies)> out;
    for (size_t k = 0; k < out.size(); ++k) {
      for (std::u32string_view x : kNameSuffixFamilies[k]) out[k][x.back()].push_back(x);
    }
    return out;
  }();
  // Every suffix has two characters or more; it lies inside the token, or
  // the token is its last character alone (上海 化工 区).
  auto may_end_in_suffix = [&](uint32_t i, uint32_t e) {
    const uint32_t before_last = e >= 2 ? e - 2 : e - 1;
    // (Both looked up, then combined without a branch: most tokens fail.)
    const bool last = t.has(e - 1, kSuffixLast);
    const bool pair = suffix_ends_.test(pair_bit(t.cps[before_last], t.cps[e - 1]));
    return (e >= 2) & (e > i) & last & pair;
  };
  // Where the short name of an institute that token [i, e) opens ends (the
  // token of three ending in 所 or 院, or one of two and that character
  // alone: 郑商所, 工生 所), or 0.
  auto institute_end = [&](uint32_t i, uint32_t e) -> uint32_t {
    const uint32_t end = e - i == 2 && e < n && t.token_end_of[e] == e + 1 ? e + 1 : e;
    const char32_t head = t.cps[end - 1];
    return end - i == 3 && (head == U'所' || head == U'院') ? end : 0;
  };
  // First the tokens any rule below can apply to, from the class bits of
  // their first, last and next characters, listed without a branch: most
  // tokens are ordinary words, and a test on each mispredicted often.
  if (listed.size() < n) listed.resize(n);
  // The last characters that list a token of three (a name and what the HMM
  // glued to it: bit 0) or of four to eight (a division, 得克萨斯州: bit 1):
  // one lookup per token, not a comparison with each.
  static const std::vector<uint8_t> end_kinds = [] {
    std::vector<uint8_t> kinds(0x10000, 0);
    for (char32_t c = 0; c < 0x10000; ++c) {
      kinds[c] = (glued_after_name(c) || glued_preposition(c) ? 1 : 0) | (division_level(c) ? 2 : 0);
    }
    return kinds;
  }();
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; i = t.token_end_of[i]) {
    const uint32_t e = t.token_end_of[i];
    if (e > n) break;  // not a token start: given tokens that leave a gap
    const uint32_t len = e - i;
    const uint16_t first = t.flags[i], last = t.flags[e - 1], next = t.flags[e];
    // (A name without a surname, 2 to 4 characters, may be a foreign one: 特朗普表示.)
    const bool subject = (len - 2 <= 2) & ((next & kVerbFirst) != 0);
    const char32_t end_char = t.cps[e - 1];
    const uint8_t end_kind = end_char < 0x10000 ? end_kinds[end_char] : 0;
    const bool glued = ((len == 2) & (t.cps[i + 1] == U'说')) | ((len == 3) & (end_kind & 1)) |
                       ((len - 4 <= 4) & ((end_kind & 2) != 0));
    // (Of two characters, only a street's head word: 东路, 大街 …, street_begin.)
    const bool street_head = (len == 2) & ((end_char == U'路') | (end_char == U'街'));
    const bool place = ((len - 3 <= 2) | (len == 1) | street_head) & ((last & kPlaceChar) != 0);
    const bool suffix = may_end_in_suffix(i, e);
    const bool institute = institute_end(i, e) != 0;
    // (A head word and a title as one word: 大学校长, 医院院长, see below.)
    const bool titled_head = (len - 4 <= 1) & t.has(i + 1, kSuffixLast);
    listed[count] = i;
    count += ((first & kHan) != 0) & (subject | glued | place | suffix | institute | titled_head);
  }
  // The start of the token that ends at i, or i when none does.
  auto token_before = [&](uint32_t i) {
    uint32_t pb = i;
    while (pb > 0 && !t.token_start(--pb)) {
    }
    return pb == i || t.token_end_of[pb] != i ? i : pb;
  };
  // Where a street or road ending with token [i, e) starts, or e. jieba's
  // dictionary names streets whole (长安街 ns, 玉泉路 nr, 解放路 nz): a word of
  // three to five characters ending in a street's head word and tagged a
  // place, or of three tagged another proper noun after a stem that is no
  // common word (not 致富路: 致富 is a word; not 康庄大道, 集成电路). A head
  // word written as a token of its own (路, 东路, 大街) names a street after a
  // place (上海 路, 延安 东路, 北京 大道) or a stem the dictionary names
  // streets with (解放 大道: 解放路 nz); ideals make roads of metaphor (致富
  // 大道), so a 大道 only after a place.
  auto street_begin = [&](uint32_t i, uint32_t e) -> uint32_t {
    // (Asked of every listed token: most end in no street's last character.)
    const char32_t end_char = t.cps[e - 1];
    if (end_char != U'路' && end_char != U'街' && end_char != U'道' && end_char != U'同') return e;
    auto head_at = [&](uint32_t b, uint32_t end) {
      const std::u32string_view w(t.cps.data() + b, end - b);
      return w == U"路" || w == U"街" || w == U"大街" || w == U"大道" || w == U"胡同" ||
             (w.size() == 2 && (w[1] == U'路' || w[1] == U'街') &&
              std::u32string_view(U"东西南北中正").find(w[0]) != std::u32string_view::npos);
    };
    const uint32_t len = e - i;
    if (len >= 3 && len <= 5 &&
        (end_char == U'路' || end_char == U'街' || t.matches(e - 2, U"大道") || t.matches(e - 2, U"胡同"))) {
      const auto w = word_info(t, i, e);
      if (!w || w->entity != EntityType::kNone) return e;
      // (Of four or five, not a way of speaking that ends in a common word
      // for a way, 铺平 道路, 广开 门路: jieba tags them ns too; a named road
      // ends in 公路, 铁路 or 大道 as well.)
      if (len >= 4 && !t.matches(e - 2, U"公路") && !t.matches(e - 2, U"铁路") && !t.matches(e - 2, U"大道")) {
        const auto tail = word_info(t, e - 2, e);
        if (tail && tail->tag == "n" && tail->freq >= 100) return e;
      }
      if (w->tag == "ns") return i;
      // (Or, after a place of ours, a noun jieba's dictionary holds at its
      // lowest count: 郑州市 金水路 n 3; not 新思路 alone.)
      if (len == 3 && w->tag == "n" && w->freq <= kLowestWordFreq) {
        const uint32_t pb = token_before(i);
        const auto before = pb < i ? word_info(t, pb, i) : std::nullopt;
        if (before && before->entity == EntityType::kPlace) return i;
      }
      if (len == 3 && tag_is(w->tag, {"nr", "nrt", "nz", "nt"})) {
        const auto stem = word_info(t, i, i + 2);
        return stem && stem->freq >= kCommonNameWordFreq ? e : i;
      }
      return e;
    }
    if (len > 2 || !head_at(i, e)) return e;
    const uint32_t pb = token_before(i);
    if (pb == i || i - pb < 2 || i - pb > 3 || !t.han(pb)) return e;
    const auto stem = word_info(t, pb, i);
    if (stem && (stem->entity == EntityType::kPlace || (stem->entity == EntityType::kNone && stem->tag == "ns"))) {
      return pb;
    }
    // Roads are named by verbs and adjectives too, as a direction of them
    // shows (解放 西路, 建设 北路, 胜利 东路); not where a verb of going
    // leads (通往 南路).
    const bool direction = e - i == 2 && std::u32string_view(U"东西南北中").find(t.cps[i]) != std::u32string_view::npos;
    if (direction && i - pb == 2 && stem && stem->entity == EntityType::kNone &&
        tag_is(stem->tag, {"v", "vn", "a", "an"})) {
      const std::u32string_view verb(t.cps.data() + pb, 2);
      if (!is_place_verb(verb) && verb != U"通往" && verb != U"走向" && verb != U"进入" && verb != U"沿着") return pb;
    }
    if (t.matches(i, U"大道") || (stem && is_stop_word_tag(stem->tag))) return e;
    for (char32_t h : {U'路', U'街'}) {
      std::u32string named(t.cps.data() + pb, i - pb);
      named.push_back(h);
      const ZplView* view = nullptr;
      const format::WordEntry* w = lexicon_.data().find_word(named.data(), named.size(), &view);
      if (w && tag_is(view->tag(w->tag), {"ns", "nr", "nrt", "nz", "nt"})) return pb;
    }
    return e;
  };
  // Whether the token at i follows an adverb (始终 爱戴 总书记): then it is a
  // predicate, not the subject a name before a verb or title would be.
  auto after_adverb = [&](uint32_t i) {
    const uint32_t pb = token_before(i);
    if (pb == i) return false;
    const auto w = word_info(t, pb, i);
    return w && w->tag == "d";
  };
  // Whether the token at i follows a verb of going or a preposition of
  // whence (飞往 图森, 前往 斯波坎, 从 坎昆): then it is the place gone to,
  // not the subject a name before a verb would be.
  auto after_going = [&](uint32_t i) {
    static constexpr std::u32string_view kGoing[] = {
        U"飞往", U"前往", U"抵达", U"到达", U"来到", U"赶赴", U"奔赴", U"赴", U"途经", U"飞抵", U"飞赴", U"驶往",
        U"开往", U"位于", U"地处", U"落户", U"离开", U"返回", U"回到", U"定居", U"移居", U"从", U"到", U"去", U"往"};
    const uint32_t pb = token_before(i);
    const std::u32string_view before(t.cps.data() + pb, i - pb);
    return pb != i && std::find(std::begin(kGoing), std::end(kGoing), before) != std::end(kGoing);
  };
  // How name-like two characters glued to a verb or adverb must be: a
  // clause that opens with them and a verb of speech (，李华说) vouches for a
  // name more than the characters need to (more name-like than not).
  auto glued_min_log_odds = [&](uint32_t i, uint32_t e) {
    const bool clause_start = i == 0 || outside_any_mention(t.cps[i - 1]);
    const bool speech = t.cps[e - 1] == U'说' || t.cps[e - 1] == U'称';  // (not 摄: a byline)
    return clause_start && speech ? 0.0f : kMinCoinedNameLogOdds;
  };
  for (uint32_t x = 0; x < count; ++x) {
    const uint32_t i = listed[x], e = t.token_end_of[i];
    // A name-shaped token before a verb of speech or action: 赵世庆强调; or a
    // word jieba tags as a (foreign) person's name there: 特朗普表示, 默克尔指出.
    // (The verbs tried are those opening with the character at e, in
    // kSubjectVerbs' order; the words before are read once one matches.)
    const std::vector<std::u32string_view>* verbs = nullptr;
    if (e - i >= 2 && e - i <= 4 && e < n && t.has(e, kVerbFirst)) {
      static const std::unordered_map<char32_t, std::vector<std::u32string_view>> by_first = [] {
        std::unordered_map<char32_t, std::vector<std::u32string_view>> out;
        for (std::u32string_view verb : kSubjectVerbs) out[verb[0]].push_back(verb);
        return out;
      }();
      const auto bucket = by_first.find(t.cps[e]);
      if (bucket != by_first.end() &&
          std::any_of(bucket->second.begin(), bucket->second.end(), [&](std::u32string_view v) { return t.matches(e, v); })) {
        verbs = &bucket->second;
      }
    }
    if (verbs && !after_adverb(i) && !after_going(i)) {
      const bool chinese = e - i <= 3 && surname_length(t, i) != 0;
      for (auto verb : *verbs) {
        // The verb whole, or a verb of two or more characters opening a
        // phrase the lexicon holds as one word with a word of two or more
        // (表示 同意, 出席 会议); not a noun a verb and one character make
        // (称 号 of 荣获称号, 发布 会, 获得 者).
        const auto verb_end = e + static_cast<uint32_t>(verb.size());
        if (!t.matches(e, verb)) continue;
        if (verb_end < n && !t.token_start(verb_end) &&
            (verb.size() < 2 || t.token_end_of[e] == CharText::kNoToken || t.token_end_of[e] < verb_end + 2)) {
          continue;
        }
        // Before a title written after a name (钟南山院士, 张华同志) or 团队
        // (钟南山团队) a surname and a word jieba tags as a place is a person
        // too (钟南山 is also a mountain).
        const bool titled = verb == U"院士" || verb == U"教授" || verb == U"同志" || verb == U"先生" ||
                            verb == U"女士" || verb == U"团队";
        // So before a verb of speech is a name of three ending as given
        // names and landforms both do (钟南山表示; a mountain says nothing).
        const bool speech = verb == U"表示" || verb == U"指出" || verb == U"强调" || verb == U"认为" ||
                            verb == U"介绍" || verb == U"透露" || verb == U"坦言" || verb == U"说";
        const bool landform_name = speech && e - i == 3 &&
                                   kGivenNameLandformChars.find(t.cps[e - 1]) != std::u32string_view::npos;
        const auto w = (titled || landform_name) && chinese ? word_info(t, i, e) : std::nullopt;
        const bool place_word = w && w->entity == EntityType::kNone && w->tag == "ns";
        // An unknown word there is a name only if its characters read as
        // one (赵世庆强调; not 普惠率分别达96%), on less evidence before a
        // title or form of address written after a name.
        const bool coinage = chinese && !word_info(t, i, e);
        const bool addressed = titled || std::find(kFormsOfAddress.begin(), kFormsOfAddress.end(), verb) !=
                                             kFormsOfAddress.end();
        const float min_log_odds = addressed ? kMinTitledNameLogOdds : kMinCoinedNameLogOdds;
        if (coinage && person_names_ && person_names_->log_odds(&t.cps[i], e - i) < min_log_odds) break;
        if (chinese ? (person_like(t, i, e, /*trust_nr=*/true) || place_word) : foreign_name(t, i, e)) {
          subjects.push_back({i, e, EntityType::kPerson, kRulePriority});
        }
        break;
      }
    }
    // A name and the verb or adverb the HMM glued to it, as the subject (李华说,
    // 孙浩已 连续…): the name alone, when the three are no word and the two read
    // as a name (a coinage by the name model, as before a verb).
    if (e - i == 3 && (glued_after_name(t.cps[e - 1]) || glued_preposition(t.cps[e - 1])) &&
        without_glued_verb(t, i, e) == e - 1 &&
        surname_length(t, i) == 1 && person_like(t, i, e - 1, /*trust_nr=*/true) &&
        (word_info(t, i, e - 1) || !person_names_ ||
         person_names_->log_odds(&t.cps[i], 2) >= glued_min_log_odds(i, e))) {
      subjects.push_back({i, e - 1, EntityType::kPerson, kRulePriority});
    }
    // The HMM glues 说 to the last character of an unknown name it cut
    // (张远/洪说): the name is the token before and that character.
    if (e - i == 2 && t.cps[i + 1] == U'说' && i > 0 && !word_info(t, i, e)) {
      uint32_t pb = t.token_begin(i - 1);
      if (i - pb <= 2 && surname_length(t, pb) != 0 && person_like(t, pb, i + 1)) {
        subjects.push_back({pb, i + 1, EntityType::kPerson, kRulePriority});
      }
    }
    // Institutes and exchanges by their short names, words the lexicon does
    // not know, one token or cut before the head (郑商所 of 郑州商品交易所,
    // 石科院, 工生 所 of 工业生物研究所); not a classical phrase (民之所望).
    if (const uint32_t name_end = institute_end(i, e);
        name_end != 0 && t.cps[i + 1] != U'之' && !word_info(t, i, name_end) &&
        !(name_end != e && word_info(t, i, e)) && name_like_token(t, i, e)) {
      out.push_back({i, name_end, EntityType::kOrganization, kRulePriority});
    }
    // A word jieba's dictionary tags a place (ns), that no list types, of a
    // name and 州 or 省 is a division, mostly a foreign one (得克萨斯州,
    // 安大略省, 昆士兰州); not a kind or a count of them (自治州: 自治 is a
    // verb; 沿海各省, 东北三省).
    if (e - i >= 4 && division_level(t.cps[e - 1])) {
      const auto w = word_info(t, i, e);
      if (w && w->entity == EntityType::kNone && w->tag == "ns") {
        bool counted = false;
        for (uint32_t k = i; k + 1 < e; ++k) {
          counted = counted || t.has(k, kNumeral) || t.cps[k] == U'各' || t.cps[k] == U'几' || t.cps[k] == U'多';
        }
        const auto stem = word_info(t, i, e - 1);
        if (!counted && (!stem || stem->entity != EntityType::kNone ||
                         tag_is(stem->tag, {"ns", "nr", "nrt", "nz", "j"}))) {
          out.push_back({i, e, EntityType::kPlace, kRulePriority});
        }
      }
    }
    // Unknown words ending in a place character (双钢路, 恒大云邸), and 路/街
    // written after an unknown name (大黄 路), are places.
    const bool place_char_end = e <= n && t.has(e - 1, kPlaceChar);
    if (place_char_end && e - i >= 3 && e - i <= 5 && kPlaceChars.find(t.cps[e - 1]) != std::u32string_view::npos &&
        !word_info(t, i, e) && name_like_token(t, i, e)) {
      // (A township's level opening it belongs to the name before, which
      // the HMM cut off: 岚天 乡岚溪村 is 岚天乡 and 岚溪村.)
      uint32_t b = i;
      if ((t.cps[i] == U'乡' || t.cps[i] == U'镇') && i >= 2 && t.han(i - 1)) {
        b = i + 1;
        const uint32_t tb = t.token_begin(i - 1);
        const auto w = word_info(t, tb, i);
        if (i - tb >= 2 && i - tb <= 3 && name_like_token(t, tb, i) &&
            (!w || (w->entity == EntityType::kNone && is_proper_word_tag(w->tag) && w->freq < kCommonNameWordFreq))) {
          out.push_back({tb, i + 1, EntityType::kPlace, kRulePriority});
        }
      }
      if (e - b >= 2) out.push_back({b, e, EntityType::kPlace, kRulePriority});
    }
    // Streets and roads (长安街, 中山路, 上海 路, 延安 东路, 北京 大道).
    if (const uint32_t sb = street_begin(i, e); sb != e) out.push_back({sb, e, EntityType::kPlace, kRulePriority});
    // Gardens, palaces, tombs, walled cities and towers jieba's dictionary
    // names whole (颐和园, 布达拉宫, 八达岭长城, 宛平城 ns), unless a common
    // word and the character make a kind of place (葡萄 园, 美食 城, 贵宾 楼;
    // 山水 园: jieba tags 山水 ns, a common word of ours), or it opens with a
    // verb (重建 家园).
    if (place_char_end && e - i >= 3 && e - i <= 5 && kSiteChars.find(t.cps[e - 1]) != std::u32string_view::npos) {
      const auto w = word_info(t, i, e);
      // (A gate or a pass not by a common word for one: 机关, 海关, 大门.)
      const bool gate = t.cps[e - 1] == U'门' || t.cps[e - 1] == U'关';
      const auto tail = gate ? word_info(t, e - 2, e) : std::nullopt;
      const bool common_tail = tail && tail->entity == EntityType::kNone && tail->freq >= kCommonNameWordFreq;
      if (w && w->entity == EntityType::kNone && w->tag == "ns" && !is_stop_word(word_info(t, i, i + 2)) && !common_tail) {
        const auto stem = word_info(t, i, e - 1);
        if (!stem || stem->entity != EntityType::kNone ||
            (is_proper_word_tag(stem->tag) && stem->freq < kCommonNameWordFreq)) {
          out.push_back({i, e, EntityType::kPlace, kRulePriority});
        }
      }
    }
    // Landforms, waters and sites by their last character (大黑河, 美岱沟,
    // 云居寺, 牛首山): a word jieba tags a place, a name it tags a person's
    // or a proper noun, or a coinage; not what a person's name ends in too,
    // after a surname (徐庆海 nr, 钟南山), nor a saying (高山峻岭 ns).
    if (place_char_end && e - i >= 3 && e - i <= 5 && kLandformChars.find(t.cps[e - 1]) != std::u32string_view::npos) {
      const auto w = word_info(t, i, e);
      const bool given_name_char = kGivenNameLandformChars.find(t.cps[e - 1]) != std::u32string_view::npos;
      const bool after_surname = surname_length(t, i) != 0;
      // (A common word opening it makes it a saying or a phrase: 高山峻岭, 北方 四岛.)
      // Nor landforms and waters listed (江河湖海, 山水林田湖草沙 cut 林田湖,
      // 碧水青山, 河入海): a name has one, at its end.
      const auto head = word_info(t, i, i + 2);
      bool common_head = head && head->entity == EntityType::kNone && !is_proper_word_tag(head->tag);
      for (uint32_t k = i; k + 1 < e; ++k) {
        common_head = common_head || std::u32string_view(U"山水林田湖草沙河海江").find(t.cps[k]) != std::u32string_view::npos;
      }
      bool place = false;
      if (!w) {
        // (After a surname, a coinage ending as given names do is a place
        // only when it reads less as a name than not: not 王金海, nor 哈素海.)
        const bool name_like = given_name_char && after_surname &&
                               (!person_names_ || person_names_->log_odds(&t.cps[i], e - i) >= 0.0f);
        place = !common_head && name_like_token(t, i, e) && !name_like;
      } else if (w->entity == EntityType::kNone && w->tag == "ns") {
        place = !common_head;
      } else if (w->entity == EntityType::kNone && (w->tag == "nr" || w->tag == "nz")) {
        place = !common_head && !(given_name_char && after_surname);
      }
      if (place) landforms.push_back({i, e, EntityType::kPlace, kRulePriority});
    }
    if (e - i == 1 && (t.cps[i] == U'路' || t.cps[i] == U'街') && i >= 2) {
      uint32_t pb = t.token_begin(i - 1);
      // (Not a coinage the HMM opened with the level of the word before:
      // 风貌 区开 街.)
      const bool level_first = pb > 0 && t.han(pb - 1) && kLevelChars.find(t.cps[pb]) != std::u32string_view::npos;
      if (i - pb >= 2 && i - pb <= 3 && !level_first && !word_info(t, pb, i) && name_like_token(t, pb, i)) {
        out.push_back({pb, e, EntityType::kPlace, kRulePriority});
      }
    }
    // jieba's dictionary holds a head word and a title as one word (大学校长,
    // 医院院长, 银行行长, 协会会长): the name ends inside it (西湖 大学|校长).
    if (e - i >= 4 && e - i <= 5 && may_end_in_suffix(i, i + 2) && name_title_ending_at(t, e, i + 2).size() == e - i - 2) {
      for (size_t k = 0; k < std::size(kNameSuffixFamilies); ++k) {
        if (const auto bucket = family_by_last[k].find(t.cps[i + 1]); bucket != family_by_last[k].end()) {
          try_suffixes(i, i + 2, bucket->second, kNameSuffixFamilies[k].type);
        }
      }
    }
    // Only tokens ending in a suffix (or a kind of line) can end a name.
    if (!may_end_in_suffix(i, e)) continue;
    add_transport_line(t, i, e, out);
    const char32_t c = t.cps[e - 1];
    for (size_t k = 0; k < std::size(kNameSuffixFamilies); ++k) {
      if (const auto bucket = family_by_last[k].find(c); bucket != family_by_last[k].end()) {
        try_suffixes(i, e, bucket->second, kNameSuffixFamilies[k].type);
      }
    }
  }
}

namespace {
#include "tibetan_name_parts_txt.inc"
}  // namespace

void EntityExtractorImpl::add_tibetan_names(const CharText& t, std::vector<Candidate>& out) const {
  // The parts, and their first characters as bits: most tokens open with
  // none (asked of every token).
  struct Parts {
    std::bitset<0x10000> first;
    std::vector<uint64_t> pairs;  // sorted, (first << 32) | second
  };
  static const Parts parts = [] {
    Parts out;
    for_each_data_line(kTibetanNamePartsTxt, [&](std::string_view line) {
      const std::u32string part = to_u32(line);
      if (part.size() == 2 && part[0] < 0x10000) {
        out.first.set(part[0]);
        out.pairs.push_back(uint64_t{part[0]} << 32 | part[1]);
      }
    });
    std::sort(out.pairs.begin(), out.pairs.end());
    return out;
  }();
  const auto n = static_cast<uint32_t>(t.cps.size());
  auto part_at = [&](uint32_t i) {
    if (i + 2 > n || t.cps[i] >= 0x10000 || !parts.first[t.cps[i]]) return false;
    return std::binary_search(parts.pairs.begin(), parts.pairs.end(), uint64_t{t.cps[i]} << 32 | t.cps[i + 1]);
  };
  // Two parts side by side, the name opening and ending on a token's edge
  // (次仁卓玛, 达瓦次仁; jieba tags some such pairs a place: 洛桑达瓦 ns).
  for (uint32_t i = 0, next = 0; i + 4 <= n; i = next) {
    next = t.token_start(i) && t.token_end_of[i] > i && t.token_end_of[i] <= n ? t.token_end_of[i] : i + 1;
    if (!t.token_start(i) || !part_at(i) || !part_at(i + 2)) continue;
    const uint32_t e = i + 4;
    // (Or the segmenter glued a conjunction or a function word to its last
    // character: 达瓦次 仁和 格桑梅朵.)
    const bool glued = e < n && std::u32string_view(U"和与及说在是的也将").find(t.cps[e]) != std::u32string_view::npos &&
                       t.token_end_of[t.token_begin(e - 1)] == e + 1;
    if (e < n && t.han(e) && !t.token_start(e) && !glued) continue;
    out.push_back({i, e, EntityType::kPerson, kRulePriority});
    next = e;
  }
}

// The last characters of sites' and landforms' names besides kLandformChars
// and kSiteChars, and how rare in jieba's dictionary a noun so ending must
// be to name one after a place (外滩 140, 夫子庙 33; 宝塔 201, 寺庙 481 are
// kinds).
constexpr std::u32string_view kMoreSiteEnds = U"屿顶洲";
constexpr uint32_t kRareSiteNounFreq = 150;

void EntityExtractorImpl::add_places_after_places(const CharText& t, const std::vector<Candidate>& terms,
                                                  std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // Whether the rare word jieba tags a place (or, with `nr_reads_as_place`,
  // a person's name that the name model reads as none; with `after_place`,
  // a site's name), of two or three characters from b, names a place of its
  // own: it ends the phrase and is no count nor a common word so tagged.
  auto rare_place_word = [&](uint32_t b, uint32_t e, bool nr_reads_as_place, bool after_place = false) {
    const auto w = word_info(t, b, e);
    // (Not a common word jieba tags so, 新建 ns of 西班牙 新建 物流中心,
    // 东西, 南北; nor one our lists type.)
    if (!w || w->entity != EntityType::kNone || w->freq >= kCommonNameWordFreq) return false;
    // (Or one jieba tags a person's name that reads as none, after a
    // division: 桂林 阳朔 nr; not after a river, 汉江 秋汛 nr.)
    const bool place_like_name =
        nr_reads_as_place && w->tag == "nr" && person_names_ && person_names_->log_odds(&t.cps[b], e - b) < 0.0f;
    // (Or, right after a place, a rare noun that ends as the names of sites
    // and landforms do: 南京 夫子庙, 厦门 鼓浪屿, 黄山 光明顶, 上海 外滩 n;
    // not 寺庙, 宝塔, common words.)
    auto site_end = [](char32_t c) {
      for (std::u32string_view ends : {kLandformChars, kSiteChars, kMoreSiteEnds}) {
        if (ends.find(c) != std::u32string_view::npos) return true;
      }
      return false;
    };
    const bool site_noun = after_place && w->tag == "n" && w->freq < kRareSiteNounFreq && site_end(t.cps[e - 1]);
    if (w->tag != "ns" && !place_like_name && !site_noun) return false;
    // Not a count (中亚 四国, 三河 三湖) nor a word opening with a function
    // character (和澳洲, 东至: 至 of a route).
    if (t.has(b, kNumeral) || glued_function_char(t.cps[b]) || glued_function_char(t.cps[e - 1]) ||
        std::u32string_view(U"和与及同跟至").find(t.cps[b]) != std::u32string_view::npos || t.cps[e - 1] == U'至') {
      return false;
    }
    // The word ends the phrase: a mark, a function word or verb, or another
    // place follows; else it opens a name of its own (合肥 中欧 班列, 湘潭
    // 中联 矿山机械, 西安 太古 里).
    if (e >= n || !t.han(e) || !t.token_start(e)) return true;
    const uint32_t ne = std::min(t.token_end_of[e], n);
    const auto next = word_info(t, e, ne);
    // (Not a word of place or measure of one character: 太古 里, 兴安 台.)
    const bool single_noun = ne == e + 1 && next && tag_is(next->tag, {"f", "q"});
    return next && !single_noun && (is_stop_word_tag(next->tag) || next->entity == EntityType::kPlace);
  };
  auto word_after = [&](uint32_t b) -> uint32_t {
    if (b >= n || !t.token_start(b)) return 0;
    const uint32_t e = t.token_end_of[b];
    return e <= n && e - b >= 2 && e - b <= 3 && t.han(b) && t.han(e - 1) ? e : 0;
  };
  // A village after its county or town that the segmenter cut into pieces
  // (花垣县 十八 洞村, 阜平县 骆驼 湾 村, 三道湾 村): a name of two to four
  // characters, then 村 alone or ending a coinage of two (洞村). Its pieces
  // are Han words that are no verb, function word or name our lists type,
  // or a numeral opening it that counts nothing (十八 洞村; not 三 个 村);
  // and one says it is a name: a coinage, a rare proper noun, or the last
  // character before 村, as villages end (骆驼 湾 村; not 重点 村, 试点 村).
  // A coinage X村 after a proper noun is a village of its own (安吉 余村).
  auto village_in_pieces = [&](uint32_t b) -> uint32_t {
    constexpr std::u32string_view kVillageStemEnds = U"湾沟坪坝岭山河洞铺庄寨岗坡口湖塘堡营峪滩桥屯店集墩台冲垭";
    // (Most places are followed by no 村 within five characters.)
    bool village = false;
    for (uint32_t k = b + 2; k < n && k <= b + 4 && !village; ++k) village = t.cps[k] == U'村';
    if (!village) return 0;
    bool evidence = false, proper = false;
    for (uint32_t at = b; at < n && at - b <= 4 && t.han(at) && t.token_start(at);) {
      const uint32_t e = t.token_end_of[at];
      if (e > n || e - at > 3 || !t.han(e - 1)) return 0;
      const auto w = word_info(t, at, e);
      if (t.cps[e - 1] == U'村') {
        // (A word of the lexicon ending in 村 is a kind, 农村, 城中村, unless
        // a rare one tagged a place: 光 东村 ns.)
        const bool rare_place = w && w->entity == EntityType::kNone && w->tag == "ns" && w->freq < kCommonNameWordFreq;
        if (at == b || e - at > 2 || (e - at == 2 && ((w && !rare_place) || proper)) || e - 1 - b < 2 || e - 1 - b > 4) {
          return 0;
        }
        evidence = evidence || e - at == 2 || kVillageStemEnds.find(t.cps[e - 2]) != std::u32string_view::npos;
        return evidence ? e : 0;
      }
      if (!w) {
        if (!name_like_token(t, at, e)) return 0;
        evidence = true;
      } else if (w->tag == "m") {
        for (uint32_t k = at; k < e; ++k) {
          if (at != b || std::u32string_view(U"一二三四五六七八九十").find(t.cps[k]) == std::u32string_view::npos) return 0;
        }
      } else if (w->entity != EntityType::kNone || is_stop_word_tag(w->tag)) {
        return 0;
      } else if (is_proper_word_tag(w->tag) && w->freq < kCommonNameWordFreq) {
        evidence = proper = true;
      }
      at = e;
    }
    return 0;
  };
  // A village after its township, by the 村 a few characters on, however
  // the HMM cut them (天荒坪镇 余村 as 镇余村, 岚天乡 岚溪村 as 乡岚溪村, 马牧池乡
  // 常山庄村): one to four Han characters, none a level's, a count's or a
  // function word's (镇 各 村, 乡 所辖 村, 镇 十个 村), no word of them a verb or
  // function word (镇 下辖 村), and no kind of village (中心 村, 重点 村, 新农村:
  // a common word of the lexicon).
  auto village_after_township = [&](const Candidate& township) -> uint32_t {
    const char32_t level = t.cps[township.end - 1];
    if (township.end - township.begin < 3 || (level != U'乡' && level != U'镇' && level != U'道') ||
        (level == U'道' && t.cps[township.end - 2] != U'街')) {
      return 0;
    }
    constexpr std::u32string_view kNotInName = U"个各全该本每所等和与及的在是了到对将从向为把被乡镇县区市省村";
    const uint32_t b = township.end;
    uint32_t v = b;
    while (v < n && v < b + 4 && t.han(v) && kNotInName.find(t.cps[v]) == std::u32string_view::npos) ++v;
    if (v == b || v >= n || t.cps[v] != U'村') return 0;
    auto common = [&](uint32_t we) {
      const auto w = word_info(t, b, we);
      return w && w->entity == EntityType::kNone && !is_proper_word_tag(w->tag) && w->freq >= kRareSiteNounFreq;
    };
    // (One character is the name, its village a word of its own: 余村; not 农村.)
    if ((v - b >= 2 && common(v)) || common(v + 1)) return 0;
    for (uint32_t x = b; x < v; x = t.token_end_of[x]) {
      if (!t.token_start(x) || t.token_end_of[x] > v) break;
      if (is_stop_word(word_info(t, x, t.token_end_of[x]))) return 0;
    }
    return v + 1;
  };
  // A place of ours of two or more characters that is no province (a port's city).
  auto city = [&](const Candidate& c) {
    return c.type == EntityType::kPlace && c.end - c.begin >= 2 &&
           !is_province_name(std::u32string_view(t.cps.data() + c.begin, c.end - c.begin));
  };
  // Whether a character ends names of sites, waters, streets and divisions.
  auto site_like = [](char32_t c) {
    for (std::u32string_view ends : {kLandformChars, kSiteChars, kMoreSiteEnds, std::u32string_view(U"街道路县区市镇乡村")}) {
      if (ends.find(c) != std::u32string_view::npos) return true;
    }
    return false;
  };
  for (const Candidate& place : terms) {
    if (place.type != EntityType::kPlace) continue;
    // A place of ours opening a rarer word jieba tags a place's name that
    // ends as waters, landforms and ports do is the start of that name (约旦
    // of 约旦河西岸, 辽河流域, 天津港, 黄河口 ns; not 亚洲各国, 中亚国家,
    // 香港回归, 新疆棉: jieba's tag is given to phrases of a place too).
    if (t.token_start(place.begin) && t.token_end_of[place.begin] > place.end && t.token_end_of[place.begin] <= n &&
        std::u32string_view(U"河江湖海岛峡岸口港洲域").find(t.cps[t.token_end_of[place.begin] - 1]) !=
            std::u32string_view::npos) {
      const uint32_t we = t.token_end_of[place.begin];
      const auto whole = word_info(t, place.begin, we);
      if (whole && whole->entity == EntityType::kNone && whole->tag == "ns" && whole->freq < kCommonNameWordFreq) {
        out.push_back({place.begin, we, EntityType::kPlace, kRulePriority});
        continue;
      }
    }
    const uint32_t b = place.end;
    // A city or port abroad by a rare word jieba tags a transliterated name,
    // after its country or region: before 港 (巴基斯坦 瓜达尔 港, 希腊
    // 比雷埃夫斯 港), or where a verb of where puts the place (从 德国 杜伊斯堡
    // 出发) and what follows is not what follows a person (普京 表示, 约翰逊
    // 总统). A name of our lists is not read so, nor a firm after its
    // country (美国 莱卡、, 青海 诺德 3.5微米).
    if (!(place.end - place.begin == 2 && t.matches(place.begin, U"中国")) && t.token_start(b) &&
        t.token_end_of[b] <= n && t.token_end_of[b] - b >= 2 && t.token_end_of[b] - b <= 5 &&
        t.han(b)) {
      const uint32_t te = t.token_end_of[b];
      const bool port = te < n && t.cps[te] == U'港' && t.token_end_of[te] == te + 1;
      auto where_before = [&] {
        if (place.begin == 0) return false;
        const uint32_t vb = t.token_begin(place.begin - 1);
        const std::u32string_view verb(t.cps.data() + vb, place.begin - vb);
        return verb == U"经" || is_place_verb(verb);
      };
      // (The context first: most places have neither, and the word's tag is a lookup.)
      const bool where = !port && where_before();
      const auto tw = port || where ? word_info(t, b, te) : std::nullopt;
      if (tw && tw->entity == EntityType::kNone && tw->tag == "nrt" && tw->freq < kCommonNameWordFreq) {
        if (port) {
          out.push_back({b, te + 1, EntityType::kPlace, kRulePriority});
          continue;
        }
        bool ends = te >= n || !t.han(te);
        if (!ends && t.token_start(te) && t.token_end_of[te] <= n) {
          const uint32_t ne = t.token_end_of[te];
          const std::u32string_view next(t.cps.data() + te, ne - te);
          const auto nw = word_info(t, te, ne);
          ends = nw && (nw->entity == EntityType::kPlace ||
                        (is_stop_word_tag(nw->tag) &&
                         std::find(kSubjectVerbs.begin(), kSubjectVerbs.end(), next) == kSubjectVerbs.end()));
        }
        if (ends) {
          out.push_back({b, te, EntityType::kPlace, kRulePriority});
          continue;
        }
      }
    }
    if (const uint32_t ve = village_in_pieces(b)) {
      out.push_back({b, ve, EntityType::kPlace, kRulePriority});
      continue;
    }
    if (const uint32_t ve = village_after_township(place)) {
      out.push_back({b, ve, EntityType::kPlace, kRulePriority});
      // (A post opening with the village's level starts after it: 花茂 村党总支书记.)
      for (Candidate& post : out) {
        if (post.begin == ve - 1 && post.end > ve && post.type == EntityType::kPosition) post.begin = ve;
      }
      continue;
    }
    // A port by its city's name and 港 written apart (舟山 港), the city
    // before it in the name of a port of two (宁波 舟山 港); not after a
    // province (广东 港), nor 港 of Hong Kong in a pair (粤 港 澳, 深 港 台).
    if (b < n && t.cps[b] == U'港' && t.token_end_of[b] == b + 1 && city(place) &&
        (b + 1 >= n || std::u32string_view(U"澳台").find(t.cps[b + 1]) == std::u32string_view::npos)) {
      uint32_t pb = place.begin;
      for (const Candidate& other : terms) {
        if (other.end == place.begin && city(other)) pb = other.begin;
      }
      out.push_back({pb, b + 1, EntityType::kPlace, kRulePriority});
      continue;
    }
    // A site or place of the place after 的, read as right after it, when
    // it ends as sites, waters, streets and divisions do (苏州 的 拙政园 今年,
    // 哈尔滨 的 中央大街; not 吐鲁番 的 葡萄干 ns: the place's products).
    if (b + 1 < n && t.cps[b] == U'的' && t.token_end_of[b] == b + 1) {
      const uint32_t de = word_after(b + 1);
      if (de != 0 && site_like(t.cps[de - 1]) &&
          rare_place_word(b + 1, de, /*nr_reads_as_place=*/false, /*after_place=*/true)) {
        out.push_back({b + 1, de, EntityType::kPlace, kRulePriority});
      }
      continue;
    }
    const uint32_t e = word_after(b);
    if (e == 0) continue;
    const auto w = word_info(t, b, e);
    // A village or town by its level after the county (安吉县 余村, 漠河 北极村
    // ns, 安徽 小岗村 nr): a word of two the lexicon does not know, or a rare
    // one tagged a place or a name, that ends in a village's or town's
    // level, whatever follows (not 东部地区 城镇, 台湾 乡建乡创).
    const bool village =
        std::u32string_view(U"村镇乡屯寨").find(t.cps[e - 1]) != std::u32string_view::npos &&
        (w ? w->entity == EntityType::kNone && (w->tag == "ns" || (w->tag == "nr" && e - b == 3)) &&
                 w->freq < kCommonNameWordFreq
           : e - b == 2 && name_like_token(t, b, e));
    if (village && !t.has(b, kNumeral)) {
      out.push_back({b, e, EntityType::kPlace, kRulePriority});
      continue;
    }
    // A state or province abroad by a rare word jieba tags a place and its
    // level, cut apart (德国 图林根 州, 加拿大 安大略 省).
    if (w && w->entity == EntityType::kNone && w->tag == "ns" && w->freq < kCommonNameWordFreq && e < n &&
        t.token_start(e) && t.token_end_of[e] == e + 1 && division_level(t.cps[e]) && !t.has(b, kNumeral)) {
      out.push_back({b, e + 1, EntityType::kPlace, kRulePriority});
      continue;
    }
    // (After a country the word is its firm's or its kind's: 中国 盐湖.)
    if (place.end - place.begin == 2 && t.matches(place.begin, U"中国")) continue;
    const bool after_division = kLandformChars.find(t.cps[place.end - 1]) == std::u32string_view::npos;
    if (rare_place_word(b, e, after_division, /*after_place=*/true)) {
      out.push_back({b, e, EntityType::kPlace, kRulePriority});
    }
  }
  // A neighbourhood community by its name after its sub-district or town
  // (二七街道 的 百步亭 社区 nz, 西航港街道 空港 社区): a rare proper noun or a
  // rare noun of the lexicon; not a kind of community (智慧 社区), nor a
  // coinage. (Without the sub-district, rare nouns name kinds as often:
  // 居家 社区, 开源 社区, 嵌入式 社区.)
  auto after_township = [&](uint32_t b) {
    uint32_t end = b;
    if (end >= 2 && t.cps[end - 1] == U'的' && t.token_start(end - 1)) --end;
    if (end < 3 || !t.han(end - 1)) return false;
    const uint32_t pb = t.token_begin(end - 1);
    const std::u32string_view before(t.cps.data() + pb, end - pb);
    return before.size() >= 2 && ends_with_any(before, {U"街道", U"镇", U"乡"});
  };
  // (`coined`: a word the lexicon does not know names one too, as villages
  // are named: 港中坪 村.)
  auto add_community = [&](uint32_t i, uint32_t ie, bool coined = false) {
    if (i < 2 || !t.han(i - 1)) return false;
    const uint32_t b = t.token_begin(i - 1);
    if (i - b < 2 || i - b > 3 || t.has(b, kNumeral) || !name_like_token(t, b, i) || !after_township(b)) return false;
    const auto w = word_info(t, b, i);
    // (A place of our lists names one after its sub-district too: 解放碑街道 较场口 社区.)
    const bool named = w ? (w->entity == EntityType::kNone &&
                            ((tag_is(w->tag, {"ns", "nz", "nr"}) && w->freq < kCommonNameWordFreq) ||
                             (w->tag == "n" && w->freq < kRareSiteNounFreq))) ||
                               w->entity == EntityType::kPlace
                         : coined;
    if (named) out.push_back({b, ie, EntityType::kPlace, kRulePriority});
    return named;
  };
  // A post of our lists that opens with the level of the community or
  // village it is of (梅园 社区党委书记, 港中坪 村党支部书记): after a name
  // there, the level is the place's and the post starts after it.
  auto add_place_of_post = [&](uint32_t i, uint32_t ie) {
    const uint32_t level = t.cps[i] == U'村' ? 1 : 2;
    // (Not after a name that has its level already: 红岩村 村主任.)
    if (ie - i <= level || i < 2 || t.cps[i - 1] == t.cps[i + level - 1]) return;
    const auto w = word_info(t, i, ie);
    if (!w || w->entity != EntityType::kPosition || !add_community(i, i + level, /*coined=*/level == 1)) return;
    for (Candidate& post : out) {
      if (post.begin == i && post.end == ie && post.type == EntityType::kPosition) post.begin = i + level;
    }
  };
  // A rare place word (rare_place_word) after a verb or preposition of where
  // (在 中关村 接受采访, 前往 洋浦，), and communities, in one pass over the
  // tokens. (Most tokens open with none of the verbs' first characters.)
  static const std::bitset<0x10000> firsts = [] {
    std::bitset<0x10000> s;
    for (std::u32string_view verb : kPlaceVerbs) s.set(verb[0]);
    return s;
  }();
  // A city named after the noun that says it is one (城市 杰宁, 大城市
  // 哈尔科夫, 首都 X), before a verb, function word or mark: a rare word
  // jieba tags a transliterated or place's name, or one it does not know
  // when the noun is said of a place (约旦河西岸 城市 杰宁, 南部 城市 拉法,
  // 第二 大城市; not 新增 城市 绿道, 在 城市 中先: compounds of 城市 in
  // prose).
  auto add_city_in_apposition = [&](uint32_t i, uint32_t ie) {
    if (ie >= n || !t.token_start(ie) || t.token_end_of[ie] > n) return;
    const uint32_t e = t.token_end_of[ie];
    if (e - ie < 2 || e - ie > 5) return;
    for (uint32_t k = ie; k < e; ++k) {
      if (!t.han(k)) return;
    }
    const auto w = word_info(t, ie, e);
    auto said_of_place = [&] {
      if (ie - i == 3 || t.cps[i] == U'首') return true;  // 大城市, 首都, 首府
      if (i == 0 || !t.han(i - 1)) return false;
      const auto before = word_info(t, t.token_begin(i - 1), i);
      return before && (before->tag == "f" || before->tag == "ns" || before->entity == EntityType::kPlace);
    };
    const bool name = w ? w->entity == EntityType::kNone && tag_is(w->tag, {"nrt", "ns"}) &&
                              w->freq < kCommonNameWordFreq
                        : name_like_token(t, ie, e) && said_of_place();
    if (!name) return;
    bool ends = e >= n || !t.han(e);
    if (!ends && t.token_start(e) && t.token_end_of[e] <= n) {
      const auto next = word_info(t, e, t.token_end_of[e]);
      ends = next && is_stop_word_tag(next->tag);
    }
    if (ends) out.push_back({ie, e, EntityType::kPlace, kRulePriority});
  };
  // A shopping district or a quarter of a city by its name: the name is
  // the place (新街口 商圈, 大坪 片区, as the gold marks 化龙桥 of 化龙桥
  // 新兴商圈): a word of two to four the lexicon does not know, a rare one
  // tagged a place or a name, or a rarer noun (观音桥 n, 春熙路 i); not a
  // kind (核心 商圈, 重点 片区). The name opens the phrase: a mark, a verb
  // or a function word before it, not a word that makes it a modifier
  // (特色 宜居 片区, 大坪 城市地标 商圈).
  auto add_quarter_name = [&](uint32_t i) {
    if (i < 2 || !t.han(i - 1)) return;
    const uint32_t b = t.token_begin(i - 1);
    if (i - b < 2 || i - b > 4 || t.has(b, kNumeral) || !name_like_token(t, b, i)) return;
    if (b > 0 && t.han(b - 1) && !is_stop_word(word_info(t, t.token_begin(b - 1), b))) return;
    // (A place of our lists there is whole too: 大坪 片区.)
    const auto w = word_info(t, b, i);
    if (w && w->entity == EntityType::kPlace) {
      for (Candidate& c : out) {
        if (c.begin == b && c.end == i && c.type == EntityType::kPlace) c.whole = true;
      }
    } else if (!w || (w->entity == EntityType::kNone &&
                      w->freq < (tag_is(w->tag, {"ns", "nr", "nz"}) ? kCommonNameWordFreq : kRareSiteNounFreq))) {
      Candidate name{b, i, EntityType::kPlace, kRulePriority};
      name.whole = true;
      out.push_back(name);
    }
  };
  for_each_token(t, [&](uint32_t i, uint32_t ie) {
    if (ie - i == 2) {
      const char32_t a = t.cps[i], z = t.cps[i + 1];
      if (a == U'社' && z == U'区') {
        add_community(i, ie);
        return;
      }
      if ((a == U'片' && z == U'区') || (a == U'商' && z == U'圈')) {
        add_quarter_name(i);
        return;
      }
    }
    // (Most tokens end in neither 市 nor open with 首.)
    if ((t.cps[ie - 1] == U'市' || t.cps[i] == U'首') && ie - i >= 2 && ie - i <= 3) {
      const std::u32string_view noun(t.cps.data() + i, ie - i);
      if (noun == U"城市" || noun == U"大城市" || noun == U"首都" || noun == U"首府") {
        add_city_in_apposition(i, ie);
        return;
      }
    }
    if (ie - i > 2 && (t.cps[i] == U'村' || (t.cps[i] == U'社' && t.cps[i + 1] == U'区'))) {
      add_place_of_post(i, ie);
      return;
    }
    const std::u32string_view word(t.cps.data() + i, ie - i);
    if (word.size() > 2 || word[0] >= 0x10000 || !firsts.test(word[0]) || !is_place_verb(word)) return;
    if (const uint32_t ve = village_in_pieces(ie)) {
      out.push_back({ie, ve, EntityType::kPlace, kRulePriority});
      return;
    }
    const uint32_t e = word_after(ie);
    if (e == 0 || !rare_place_word(ie, e, /*nr_reads_as_place=*/false)) return;
    // Here the word is where something happens: a verb or a mark follows
    // (not 从 上列 的, 在 广度 和 深度上: jieba tags many words of degree
    // and kind ns), and it is no common word with a modifier before it (挤在
    // 大 城市，).
    bool verb_or_mark = e >= n || !t.han(e);
    if (!verb_or_mark && t.token_start(e)) {
      const auto next = word_info(t, e, std::min(t.token_end_of[e], n));
      verb_or_mark = next && (next->tag == "v" || next->entity == EntityType::kPlace);
    }
    const auto tail = e - ie == 3 ? word_info(t, ie + 1, e) : std::nullopt;
    const bool modified_common_word = tail && tail->entity == EntityType::kNone && tail->freq >= kCommonNameWordFreq;
    if (verb_or_mark && !modified_common_word) out.push_back({ie, e, EntityType::kPlace, kRulePriority});
  });
}

void EntityExtractorImpl::add_short_place_names(const CharText& t, std::vector<Candidate>& out) const {
  // One-character names of provinces and regions, and of countries, inside
  // two-character tokens: after a verb of presence, travel or aid (援藏,
  // 驻津, 在晋, 来华, 对非), a province before its firms or power (湘企,
  // 晋电). Two regions side by side are one region (below), not two places.
  // Asked of every two-character token: the sets as bits by code point.
  enum : uint8_t { kRegion = 1, kCountry = 2, kVerb = 4, kKind = 8, kDivert = 16 };
  static const std::vector<uint8_t> kinds = [] {
    std::vector<uint8_t> k(0x10000, 0);
    for (char32_t c : std::u32string_view(U"京津沪渝冀豫云滇辽黑湘皖鲁苏浙赣鄂桂甘陇晋蒙陕吉闽贵黔粤青藏川蜀宁琼港澳台疆")) {
      k[c] |= kRegion;
    }
    for (char32_t c : std::u32string_view(U"美日俄英法德韩朝越欧非华")) k[c] |= kCountry;
    for (char32_t c : std::u32string_view(U"在驻援来赴对访")) k[c] |= kVerb;
    for (char32_t c : std::u32string_view(U"企电")) k[c] |= kKind;
    k[U'引'] |= kDivert;
    return k;
  }();
  auto kind = [&](char32_t c) -> uint8_t { return c < 0x10000 ? kinds[c] : 0; };
  auto place = [&](uint32_t i) { out.push_back({i, i + 1, EntityType::kPlace, kRulePriority}); };
  const auto n = static_cast<uint32_t>(t.cps.size());
  // Water diversion works are named by the rivers or places they join:
  // 引 + where the water comes from + 济 + where it goes (引汉济渭, 引江济淮,
  // 引黄济宁); not a common verb that opens with 引 (引进 济南). (Asked in the
  // loop below, of the characters its table marks kDivert.)
  auto diversion_at = [&](uint32_t i) {
    if (i + 4 > n || t.cps[i + 2] != U'济' || !t.token_start(i) || !t.han(i + 1) || !t.han(i + 3)) return;
    if (i + 4 < n && !t.token_start(i + 4)) return;
    const auto opening = word_info(t, i, i + 2);
    if (opening && opening->freq >= kCommonNameWordFreq) return;
    out.push_back({i, i + 4, EntityType::kPlace, kRulePriority});
  };
  for (uint32_t i = 0; i + 1 < n; ++i) {
    // (Most characters are neither such a verb nor a region: one lookup.)
    const uint8_t a = kind(t.cps[i]);
    if (!(a & (kVerb | kRegion | kDivert))) continue;
    if (a & kDivert) {
      diversion_at(i);
      continue;
    }
    // One word of two characters, or the verb and the name cut apart (在 沪).
    const bool one_word = t.token_end_of[i] == i + 2;
    const bool cut_apart = t.token_end_of[i] == i + 1 && t.token_end_of[i + 1] == i + 2;
    if (!(one_word || cut_apart) || !t.han(i) || !t.han(i + 1)) continue;
    const uint8_t b = kind(t.cps[i + 1]);
    if ((a & kVerb) && (b & (kRegion | kCountry))) {
      place(i + 1);
    } else if (one_word && (a & kRegion) && (b & kKind)) {
      place(i);
    }
  }
  // Provinces and regions named together by their short names, as one
  // region: 港澳, 京津, 川渝, 苏皖鲁豫 (cut as 苏皖 鲁豫), 湘鄂渝黔. A run of
  // words made of them, each once, up to five, with a word of two or more
  // among them. jieba's dictionary tags such words ns, j, nr (云贵, 苏浙皖),
  // n (港台), m (港澳台) ...: every one of them names regions but two,
  // 黑云 (dark clouds) and 藏青 (navy blue), read off the whole dictionary.
  auto region_word = [&](uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e; ++k) {
      if (!(kind(t.cps[k]) & kRegion)) return false;
    }
    return true;
  };
  for (uint32_t i = 0; i < n;) {
    // Most tokens open with no region's character: skip them whole.
    const bool token = t.token_start(i) && t.token_end_of[i] <= n;
    if (!token || !(kind(t.cps[i]) & kRegion)) {
      i = token ? t.token_end_of[i] : i + 1;
      continue;
    }
    // A word of the lexicon that opens with such a run and goes on with a
    // common word: the run (港澳 of 港澳同胞, jieba's ns).
    {
      const uint32_t te = t.token_end_of[i];
      uint32_t r = i;
      while (r < te && r - i < 4 && (kind(t.cps[r]) & kRegion) &&
             std::find(&t.cps[i], &t.cps[r], t.cps[r]) == &t.cps[r]) {
        ++r;
      }
      if (r - i >= 2 && te - r >= 2 && !(kind(t.cps[r]) & kRegion)) {
        const auto rest = word_info(t, r, te);
        if (rest && rest->entity == EntityType::kNone && rest->tag == "n" && word_info(t, i, te)) {
          out.push_back({i, r, EntityType::kPlace, kRulePriority});
          i = te;
          continue;
        }
      }
    }
    uint32_t e = i;
    bool named = false;
    while (e < n && t.token_start(e) && t.token_end_of[e] <= n && t.token_end_of[e] - i <= 5 &&
           region_word(e, t.token_end_of[e])) {
      const uint32_t we = t.token_end_of[e];
      if (we - e >= 2) {
        const std::u32string_view word(&t.cps[e], we - e);
        named = named || (word != U"黑云" && word != U"藏青");
      }
      e = we;
    }
    bool distinct = true;
    for (uint32_t k = i + 1; k < e; ++k) distinct = distinct && std::find(&t.cps[i], &t.cps[k], t.cps[k]) == &t.cps[k];
    const uint32_t run_begin = i;
    i = e > i ? e : i + 1;
    if (!named || !distinct) continue;
    // A border or area named by them takes its word: 湘赣边, 京津地区.
    if (e < n && t.token_start(e) &&
        (t.token_end_of[e] == e + 1 ? t.cps[e] == U'边' : t.token_end_of[e] == e + 2 && t.matches(e, U"地区"))) {
      e = t.token_end_of[e];
    }
    out.push_back({run_begin, e, EntityType::kPlace, kRulePriority});
  }
}

void EntityExtractorImpl::add_short_event_names(const CharText& t, std::vector<Candidate>& out) const {
  // Fairs, expos and games are called by a short name of one or two
  // characters and their kind in one, then 会: 智博会 (博览会), 西洽会
  // (洽谈会), 高交会 (交易会), 服贸会 (贸易会), 省运会 (运动会), as jieba's
  // dictionary holds dozens of them (世博会, 农交会, 全运会). Whole tokens:
  // 交会 after a function word is a verb (与 交会), and a word ending in
  // the kind's character is another word (好运 会, 命运 会).
  const std::u32string_view kinds = U"博洽交贸运";
  const auto n = static_cast<uint32_t>(t.cps.size());
  for (uint32_t e = 3; e <= n; ++e) {
    if (t.cps[e - 1] != U'会' || kinds.find(t.cps[e - 2]) == std::u32string_view::npos) continue;
    if (e < n && !t.token_start(e)) continue;
    for (uint32_t len = 3; len <= 4 && len <= e; ++len) {
      const uint32_t b = e - len;
      if (!t.token_start(b) || t.token_end_of[b] > n) continue;
      bool han = true;
      for (uint32_t i = b; i < e - 2; ++i) han = han && t.han(i) && !t.has(i, kNumeral);
      const uint32_t first_end = t.token_end_of[b];
      // The short name's tokens end before the kind (智 博会) or the whole is one token.
      const bool aligned = first_end == e || first_end <= e - 2;
      if (!han || !aligned) continue;
      // A short name of its own is a character that is no function word
      // or verb, or a proper noun (a common word is the verb's subject:
      // 河道 交会).
      if (first_end <= e - 2) {
        const auto w = word_info(t, b, first_end);
        if (w && (first_end - b == 1 ? is_stop_word_tag(w->tag)
                                     : w->entity == EntityType::kNone && !is_proper_word_tag(w->tag))) {
          continue;
        }
      }
      out.push_back({edition_start(t, b), e, EntityType::kMeeting, kRulePriority});
      break;
    }
  }
}

namespace {
// The longest foreign name read after a title (斯托尔滕贝格, 格奥尔基耶娃).
constexpr uint32_t kMaxForeignName = 7;
// A word of the lexicon that jieba tags as a name (nr, nrfg) is taken as one
// only when its characters are far more name-like: the tag alone also marks
// 高水平, 幸福感, 马拉松 (log-odds 2.9, 3.2, 4.4).
constexpr float kMinTaggedNameLogOdds = 5.0f;
// Any of these, as the subject of a clause: before a one-character adverb
// or preposition right after a mark (，苏翊鸣也 3.5, 刘翔在 3.2).
constexpr float kMinSubjectNameLogOdds = 3.0f;
// A word of three jieba tags as a name, no common word and a character, as
// a clause's subject: more name-like than not.
constexpr float kMinSubjectTaggedNameLogOdds = 0.0f;
// A word is a compound of a common word and a character (高水平: 水平) when
// its first two or last two characters are a word at least this frequent
// in jieba's dictionary that it does not tag a name, or tags one but is far
// more frequent (文明 6584 of 文明村, 养老 651 of 养老金).
constexpr uint32_t kCommonPartFreq = 100;
// A given name of one character written twice (晶晶 3, 丽丽 81, 娜娜 16 in
// jieba's dictionary) is a word at most this frequent; the pairs that are
// common words are far more frequent (步步 236, 层层 711, 常常 5147).
constexpr uint32_t kRareGivenPairFreq = 100;
// A noun of one character as common as this is glued to a name as often as
// a verb is (刘美华时: 时 n).
constexpr uint32_t kCommonGluedNounFreq = 10000;
// A verb this frequent in jieba's dictionary (宣传 4745, 管理 ...) does not
// open a three-character name.
constexpr uint32_t kCommonVerbFreq = 1000;

}  // namespace

uint32_t EntityExtractorImpl::with_cut_off_char(const CharText& t, uint32_t begin, uint32_t end) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  if (end - begin != 2 || end >= n || t.token_end_of[end] != end + 1 || !t.han(end) || !person_names_ ||
      !t.has(begin, kSurname) || word_info(t, begin, end + 1)) {
    return end;
  }
  // (The name model is asked last: most calls end before it.)
  auto name_like = [&] { return person_names_->log_odds(&t.cps[begin], 3) >= kMinTaggedNameLogOdds; };
  const auto c = word_info(t, end, end + 1);
  const auto pair = word_info(t, begin, end);
  if (!pair) {
    if (c && (c->entity != EntityType::kNone || is_stop_word_tag(c->tag))) return end;
    return name_like() ? end + 1 : end;
  }
  // A name of two the lexicon holds (李德, 王子: nr) and a character the HMM
  // left alone, that verbs and adjectives share with given names (李德 胜,
  // 王子 涵): the three, when nothing a verb would take follows (李德胜 今年,
  // 王子涵 的 作文, 王子涵 和; not 王军 任 组长), and the character is no function
  // word nor one glued after names (李强 说, 孙杰 在).
  if (!tag_is(pair->tag, {"nr", "nrfg"}) || (c && (c->entity != EntityType::kNone || is_function_word_tag(c->tag))) ||
      glued_after_name(t.cps[end]) || glued_preposition(t.cps[end])) {
    return end;
  }
  const uint32_t after = end + 1;
  const auto next = after < n && t.token_start(after) ? word_info(t, after, std::min(t.token_end_of[after], n)) : std::nullopt;
  const bool nothing_taken = after >= n || !t.han(after) ||
                             (next && (tag_is(next->tag, {"t", "c"}) ||
                                       (t.token_end_of[after] == after + 1 && t.cps[after] == U'的')));
  return nothing_taken && name_like() ? end + 1 : end;
}

void EntityExtractorImpl::add_names_by_characters(const CharText& t, std::vector<Candidate>& out) const {
  if (!person_names_) return;
  const auto n = static_cast<uint32_t>(t.cps.size());
  auto all_han = [&](uint32_t b, uint32_t e) {
    for (uint32_t i = b; i < e; ++i) {
      if (!t.han(i)) return false;
    }
    return true;
  };
  // Where a name may stand: after the start, a mark, a verb, a noun, a time
  // word, a conjunction or preposition (叫王秀英, 和刘芳); before the end, a
  // mark or a word the lexicon knows (赵丽颖主演, 刘芳和, 张伟昨天). Not
  // inside an unknown coinage, and not after a numeral.
  auto left_open = [&](uint32_t b) {
    if (b == 0) return true;
    // After a numeral the surname character is a measure word (560张家庭床位, 三张).
    const char32_t before = t.cps[b - 1];
    if ((before >= U'0' && before <= U'9') || std::u32string_view(U"〇一二三四五六七八九十百千万亿两几").find(before) !=
                                                   std::u32string_view::npos) {
      return false;
    }
    if (!t.han(b - 1)) return true;
    uint32_t pb = t.token_begin(b - 1);
    const auto w = word_info(t, pb, b);
    // Not right after a place: the character is the place's (阴山 段 "the
    // Yinshan section", 甘肃 段).
    if (w && (w->entity == EntityType::kPlace || w->tag == "ns")) return false;
    return w && (w->tag.substr(0, 1) == "n" || w->tag.substr(0, 1) == "v" || tag_is(w->tag, {"t", "c", "p"}));
  };
  // (With `tagged`, a word jieba tags as a name is asked about: then also
  // before an adverb, a verbal noun or an idiom of two or more, 竺可桢 长期,
  // 詹天佑 设计, 华罗庚 自学成才.)
  auto subject_position = [&](uint32_t b, uint32_t e, bool tagged = false) {
    // (Or after 、: a list's members are subjects too.)
    const bool clause_start = opens_clause(t.cps, b) || t.cps[b - 1] == U'、';
    if (!clause_start || e >= n || !t.token_start(e)) return false;
    const auto w = word_info(t, e, t.token_end_of[e]);
    if (!w) return false;
    // (A tagged name also before 的, its work or deeds following: 赵本山 的 小品.)
    if (t.token_end_of[e] - e == 1) return w->tag == "d" || w->tag == "p" || t.cps[e] == U'是' || (tagged && t.cps[e] == U'的');
    // Or before a verb or a time word of two or more (，邓稼先 生前…).
    if (w->entity != EntityType::kNone) return false;
    return tag_is(w->tag, {"v", "t"}) || (tagged && tag_is(w->tag, {"d", "vn", "l", "i"}));
  };
  auto compound_of_common_word = [&](uint32_t b, uint32_t e) {
    for (const auto part : {word_info(t, b, e - 1), word_info(t, b + 1, e)}) {
      const bool common = part && part->freq >= kCommonPartFreq;
      if (common && (!is_name_word_tag(part->tag) || part->freq >= kCommonNameWordFreq)) return true;
    }
    return false;
  };
  auto right_open = [&](uint32_t e) {
    if (e >= n || !t.han(e) || !t.token_start(e)) return e >= n || !t.han(e);
    const auto w = word_info(t, e, t.token_end_of[e]);
    // A one-character noun after it: the cut went through a word (师德师
    // 风 of 师德师风) or the name is a thing's (白玉兰 奖).
    return w.has_value() && !(t.token_end_of[e] == e + 1 && w->tag == "n");
  };
  for (uint32_t i = 0; i < n;) {
    const uint32_t e = t.token_end_of[i];
    if (e == CharText::kNoToken || e <= i || e > n) {
      ++i;
      continue;
    }
    const uint32_t b = i;
    i = e;
    // A compound surname written as a word of its own (jieba tags 欧阳 a
    // place, 司马 a name) and a given name of one or two characters after it:
    // unknown, a single character or a word jieba tags as a proper noun
    // (欧阳 娜娜, 欧阳 建国). Not a compound surname that is a word of
    // another kind (东方 a direction, 百里 a numeral, 独孤 a verb).
    if (e - b == 2 && t.has(b, kCompoundFirst) && surname_length(t, b) == 2 && e < n && t.token_start(e)) {
      const auto surname = word_info(t, b, e);
      const uint32_t token_end = t.token_end_of[e];
      // (An unknown pair ending in a function word the HMM glued on is a
      // given name of one: 上官 文是 西安交通大学.)
      const bool glued = token_end == e + 2 && token_end <= n && !word_info(t, e, token_end) &&
                         glued_function_char(t.cps[e + 1]);
      const uint32_t e2 = glued ? e + 1 : token_end;
      if (surname && surname->entity == EntityType::kNone && !is_stop_word_tag(surname->tag) &&
          !tag_is(surname->tag, {"s", "f", "m"}) && e2 != CharText::kNoToken && e2 > e && e2 - e <= 2 &&
          all_han(e, e2) && left_open(b) && (glued || right_open(e2))) {
        const auto given = glued ? std::nullopt : word_info(t, e, e2);
        const bool name_part = !given || (given->entity == EntityType::kNone &&
                                          (e2 - e == 1 ? !is_stop_word_tag(given->tag)
                                                       : tag_is(given->tag, {"nr", "nrt", "nrfg", "ns", "nz"})));
        if (name_part) {
          out.push_back({b, e2, EntityType::kPerson, kRulePriority});
          i = e2;
          continue;
        }
      }
    }
    if (!t.has(b, kSurname)) continue;
    uint32_t end = 0;
    float min_log_odds = kMinNameLogOdds;
    bool glued = false;
    // A word of three jieba tags as a name that is no common word and a
    // character (高水平, 幸福感, 养老金 are) nor a landform's name (惠济河):
    // asked as a clause's subject.
    bool tagged_whole = false;
    if (e - b >= 2 && e - b <= 3 && all_han(b, e)) {
      // One token the lexicon does not know (the HMM joined it), or tags as
      // a name and types as nothing else.
      const auto w = word_info(t, b, e);
      // (A word of the lexicon not tagged a name is no name: nothing more to read.)
      const bool tagged_name = w && w->entity == EntityType::kNone && tag_is(w->tag, {"nr", "nrfg"});
      const auto last = e - b == 3 && (!w || tagged_name) ? word_info(t, e - 1, e) : std::nullopt;
      const auto head = e - b == 3 && (!w || tagged_name) ? word_info(t, b, e - 1) : std::nullopt;
      // (Not before an adverb or preposition of the clause: ，苏翊鸣也 …)
      if (!w && last && tag_is(last->tag, {"v", "vg", "d", "p", "c", "u", "uj", "ul", "ud", "m", "r"}) &&
          (!head || tag_is(head->tag, {"nr", "nrfg"})) && !subject_position(b, e)) {
        // The HMM glued a verb, adverb or particle to a two-character name
        // (宋平将, 赵刚作, 戴冰摄): the name is the first two, unless they
        // are a word (高中将). (Not an adjective: 健 and 明 are given names'
        // characters too.)
        end = e - 1;
        glued = true;
      } else if (head && head->freq >= kCommonVerbFreq && tag_is(head->tag, {"v", "vn"})) {
        // A common verb and one character is a compound (宣传周, 管理处),
        // even where jieba's dictionary tags it a name (宣传周 nr).
        end = 0;
      } else if (!w) {
        end = e;
        if (e - b == 3) min_log_odds = kMinLongNameLogOdds;
        if (const uint32_t longer = with_cut_off_char(t, b, e); longer != e) {
          end = longer;
          min_log_odds = kMinTaggedNameLogOdds;
        }
      } else if (tagged_name && name_word_plausible(t, b, e)) {
        end = with_cut_off_char(t, b, e);
        min_log_odds = kMinTaggedNameLogOdds;
        // (Not a landform's name, 惠济河; but given names end in some of
        // their characters too, 赵本山.)
        const char32_t last_char = t.cps[e - 1];
        tagged_whole = e - b == 3 && !compound_of_common_word(b, e) &&
                       (kLandformChars.find(last_char) == std::u32string_view::npos ||
                        kGivenNameLandformChars.find(last_char) != std::u32string_view::npos);
      }
    } else if (e - b == 4 && all_han(b, e) && !word_info(t, b, e) && !word_info(t, b, e - 1) &&
               !ends_like_village(t.cps, e - 1) && [&] {
                 const auto c = word_info(t, e - 1, e);
                 return c && (c->tag != "n" || c->freq >= kCommonGluedNounFreq);
               }()) {
      // The HMM glued the next word's character to a name of three it did
      // not know (刘美华时, 李秀兰住, 王正谱作): the name is the three, when
      // they read surely as one; not before a rarer noun (齐风鲁 韵 of
      // 齐风鲁韵, a phrase).
      end = e - 1;
      min_log_odds = kMinTaggedNameLogOdds;
      glued = true;
    } else if (e - b == 1 && e < n && t.token_start(e)) {
      // A surname cut off as its own token, and a given name after it that
      // is unknown, a single character or a word tagged as a name (王 秀英);
      // another word (周 桂兰: jieba tags 桂兰 a place) only when the whole
      // is far more name-like than a word.
      const uint32_t e2 = t.token_end_of[e];
      if (e2 != CharText::kNoToken && e2 > e && e2 - b <= 3 && all_han(e, e2) && !word_info(t, b, e2)) {
        const auto given = word_info(t, e, e2);
        // (A county our lists hold that jieba tags a name is a given name
        // here: 秀英 of Haikou.)
        // (An adjective of two is a given name too, 周 宏伟, 郑 浩然: then the
        // whole must read far more as a name than not.)
        const bool adjective = given && given->entity == EntityType::kNone && given->tag == "a" && e2 - e == 2;
        // (So is a rare adverb or verb of two, 孙 立新 d: the same test;
        // common ones, 同时, 进行, 建成, are words after a surname-like char.)
        const bool rare_other = given && given->entity == EntityType::kNone && e2 - e == 2 &&
                                given->freq <= kRareGivenPairFreq && tag_is(given->tag, {"d", "v", "vn"});
        const bool content = !given ||
                             (given->entity == EntityType::kNone && !is_stop_word_tag(given->tag)) ||
                             (given->entity == EntityType::kPlace && is_name_word_tag(given->tag)) || adjective || rare_other;
        if (content) end = e2;
        if (e2 - b == 3) min_log_odds = kMinLongNameLogOdds;
        if (given && e2 - e > 1 && !tag_is(given->tag, {"nr", "nrfg"})) min_log_odds = kMinTaggedNameLogOdds;
        // A given name of one character written twice (郭 晶晶, 屠 呦 呦 cut
        // in two): a shape of given names that words seldom take, unless the
        // pair is a common word (层层, 天天) or a function word.
        const uint32_t e3 = e2 < n ? t.token_end_of[e2] : CharText::kNoToken;
        const bool cut_pair = e2 - e == 1 && e3 == e2 + 1 && t.cps[e2] == t.cps[e];
        if ((cut_pair || (e2 - e == 2 && t.cps[e] == t.cps[e + 1])) && t.han(e) && !word_info(t, b, e + 2)) {
          const auto pair = word_info(t, e, e + 2);
          if (!pair || (pair->entity == EntityType::kNone && pair->freq <= kRareGivenPairFreq &&
                        !is_stop_word_tag(pair->tag))) {
            end = e + 2;
            min_log_odds = kMinNameLogOdds;
          }
        }
      }
    }
    if (end == 0) continue;
    // A surname that is also a conjunction or preposition (和, 向, 于) is
    // read as that before a coinage (和双拥, 和卫星). (Asked only of a name
    // found: most tokens opening with a surname are words.)
    const auto first = word_info(t, b, b + 1);
    if (first && tag_is(first->tag, {"c", "p"})) continue;
    // (After 的 a name of three: 华为的 余承东, 大学的 潘建伟; two characters
    // there are as often a word the lexicon lacks, unless they act: a verb,
    // an adverb, a preposition or 是 follows, 35岁的 刘斌 是, and they read as
    // a name, never far below names' log-odds as the words do.)
    const bool after_de = b > 0 && t.cps[b - 1] == U'的' && t.token_start(b - 1);
    const bool acting = after_de && end - b == 2 && end < n && t.token_start(end) && [&] {
      const auto next = word_info(t, end, std::min(t.token_end_of[end], n));
      return next && next->entity == EntityType::kNone && (t.cps[end] == U'是' || tag_is(next->tag, {"v", "d", "p"}));
    }();
    if (acting) min_log_odds = std::max(min_log_odds, kMinNameLogOdds);
    if (!(left_open(b) || (after_de && (end - b == 3 || acting))) || !(glued || right_open(end)) ||
        surname_and_title(t, b, end)) {
      continue;
    }
    // A clause's subject (after a mark, before an adverb, a preposition or 是:
    // ，苏翊鸣也…, 刘翔在…, 饶漱石是…) is a name on weaker evidence of its characters.
    if (subject_position(b, end)) min_log_odds = std::min(min_log_odds, kMinSubjectNameLogOdds);
    // Such a word as the subject: jieba's tag is believed (华罗庚 1.0, 詹天佑 1.9).
    if (tagged_whole && subject_position(b, end, /*tagged=*/true)) {
      min_log_odds = std::min(min_log_odds, kMinSubjectTaggedNameLogOdds);
    }
    // Ending in a character of village and street names that given names
    // do not use (王家坝, 李村, 张湾; not 桥, 城, 园: 张春桥), it is more
    // likely a place than a person.
    if (ends_like_village(t.cps, end)) continue;
    if (person_names_->log_odds(&t.cps[b], end - b) < min_log_odds) continue;
    Candidate name{b, end, EntityType::kPerson, kRulePriority};
    // Right after a title news writes (村民张大山) it is a person whatever
    // the model reads; elsewhere the model may call it a place (吴淞江).
    name.model_may_retype = name_title_ending_at(t, b, 0).empty();
    out.push_back(name);
    i = end;
  }
}

}  // namespace internal
}  // namespace zhpolicy

namespace zhpolicy {
namespace internal {

// How far below the best reading of its characters, per character, a
// clause's subject may read as a transliterated name (the mean of the
// kNrtPlaces gaps): names lie above it (拜登, 古特雷斯, 泽连斯基), common words
// below it (努力提高) or cannot be read so at all (建立健全).
constexpr float kMinTransliterationGap = -2.5f;
// The longest transliterated subject read, in characters.
constexpr uint32_t kMaxForeignSubject = 5;

bool EntityExtractorImpl::reads_as_transliteration(const CharText& t, uint32_t begin, uint32_t end) const {
  if (!model_ || end - begin < 2) return false;
  int sum = 0;  // the characters' gaps, B M … E
  for (uint32_t k = begin; k < end; ++k) {
    const int g = model_->nrt_gap(t.cps[k], k == begin ? 0 : k + 1 == end ? 2 : 1);
    if (g == model_format::kNoNrt) return false;
    sum += g;
  }
  return sum >= kMinTransliterationGap * static_cast<float>(end - begin);
}

void EntityExtractorImpl::add_foreign_subjects(const CharText& t, std::vector<Candidate>& out) const {
  if (!model_) return;
  const auto n = static_cast<uint32_t>(t.cps.size());
  // (Asked of every character: Han ones, between 。 and ！, leave at once.)
  auto clause_mark = [](char32_t c) {
    if (c > U'。' && c < U'！') return false;
    switch (c) {
      case U'，': case U'。': case U'；': case U'：': case U'！': case U'？': case U',': case U';': case U':':
      case U'!': case U'?': case U'\n':
        return true;
      default:
        return false;
    }
  };
  uint32_t listed_after = n;  // a name found, then 与 / 和 / 同 / 、: the next opens like a clause
  const char32_t* const cps = t.cps.data();
  for (uint32_t b = 0; b < n; ++b) {
    if (b != 0 && b != listed_after) {
      // (Most characters follow a common Han one: one comparison.)
      if (cps[b - 1] - 0x4E00u < 0x5200u || !clause_mark(cps[b - 1])) continue;
    }
    if (!t.token_start(b) || !t.han(b)) continue;
    // (Most clauses open with a character no transliterated name opens with.)
    if (model_->nrt_gap(t.cps[b], 0) == model_format::kNoNrt) continue;
    // The pieces of the name: words the lexicon does not know, words jieba
    // tags as names that no list types (拜登, 特朗普; 马克 of 马克 龙),
    // single characters that are no function words.
    uint32_t e = b;
    int pieces = 0;
    bool tagged_word = false;
    while (e < n && t.token_start(e) && t.token_end_of[e] > e && t.token_end_of[e] <= n &&
           t.token_end_of[e] - b <= kMaxForeignSubject) {
      const uint32_t pe = t.token_end_of[e];
      bool han = true;
      for (uint32_t k = e; k < pe; ++k) han = han && t.han(k);
      if (!han) break;
      const auto w = word_info(t, e, pe);
      // (jieba tags some transliterated names nz, as other proper nouns: 格兰迪.)
      const bool name_word = w && w->entity == EntityType::kNone && tag_is(w->tag, {"nr", "nrt", "nrfg", "nz"}) &&
                             name_word_plausible(t, e, pe);
      // (A single character of any other kind: 古 of 古特雷斯 is an adjective.)
      const bool piece = !w || name_word ||
                         (pe - e == 1 && w->entity == EntityType::kNone &&
                          !(is_function_word_tag(w->tag) || tag_is(w->tag, {"m", "q"})));
      if (!piece) break;
      // (Alone, such a word is a name only if it is no common word: 文明 nr.)
      tagged_word = pieces == 0 && name_word && w->freq < kCommonNameWordFreq;
      ++pieces;
      e = pe;
      if (e >= n || !t.token_start(e) || t.token_end_of[e] <= e || t.token_end_of[e] > n) break;
      // The name ends before a verb, preposition, adverb or conjunction.
      const auto next = word_info(t, e, t.token_end_of[e]);
      if (!next || !tag_is(next->tag, {"v", "p", "d", "c"})) continue;
      // Two characters only as one word jieba tags as a name (拜登): an
      // unknown pair is as often a phrase the segmenter did not know.
      const bool long_enough = e - b >= 3 || (e - b == 2 && pieces == 1 && tagged_word);
      if (long_enough && reads_as_transliteration(t, b, e)) {
        Candidate name{b, e, EntityType::kPerson, kRulePriority};
        name.model_may_retype = true;  // the model may read a place (富拉尔基 和 …)
        out.push_back(name);
        if (t.token_end_of[e] == e + 1 && std::u32string_view(U"与和同、").find(t.cps[e]) != std::u32string_view::npos) {
          listed_after = e + 1;  // 拜登 与 特朗普
        }
      }
      break;
    }
  }
}

bool EntityExtractorImpl::role_noun_at(const CharText& t, uint32_t b, uint32_t e) const {
  if (e - b < 2 || e - b > 4 || !is_role_suffix(t.cps[e - 1])) return false;
  // (家 of two characters is a home, a family or a country more often: 国家, 大家, 老家.)
  if (t.cps[e - 1] == U'家' && e - b < 3) return false;
  const auto role = [&](uint32_t from) {
    const auto w = word_info(t, from, e);
    return w && w->entity == EntityType::kNone && w->tag == "n";
  };
  // (Or a word ending in such a noun, whatever jieba tags it: 奥运 冠军 is
  // one word of its dictionary, tagged nr; not in 国家 of 发达国家.)
  return role(b) || (e - b > 2 && t.cps[e - 1] != U'家' && role(e - 2) && word_info(t, b, e));
}

void EntityExtractorImpl::add_names_after_titles(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  for (uint32_t i = 0; i < n;) {
    const uint32_t e = t.token_end_of[i];
    if (e == CharText::kNoToken || e <= i || e > n) {
      ++i;
      continue;
    }
    const uint32_t b = i;
    i = e;
    // (Most tokens end in no title's last character.)
    if (t.cps[e - 1] >= 0x10000 || !title_last_chars_.test(t.cps[e - 1])) continue;
    // The token is a title or ends in one (日本首相, 教育部部长).
    // (It may open in the token before when the segmenter cut it across
    // its first character: 非 遗传 承人 of 非遗传承人.)
    std::u32string_view matched = name_title_ending_at(t, e, b);
    if (matched.empty() && b > 0 && e - b >= 2) matched = name_title_ending_at(t, e, t.token_begin(b - 1));
    // Or a title the segmenter cut before its last character (快递 员, 运动
    // 员): the two tokens whole.
    if (matched.empty() && b > 0 && e - b == 1) {
      const uint32_t pb = t.token_begin(b - 1);
      const std::u32string_view title = name_title_ending_at(t, e, pb);
      if (title.size() == e - pb) matched = title;
    }
    // Or a noun of a person's role by its last character (科学家, 党员,
    // 钢琴家, 前锋): read as strictly as the roles of ordinary people.
    const bool role_noun = matched.empty() && role_noun_at(t, b, e);
    // Or a title of our lists the token is (村主任, 社区党委书记, 厂长).
    const bool listed_title = matched.empty() && !role_noun && [&] {
      const auto w = word_info(t, b, e);
      return w && w->entity == EntityType::kPosition;
    }();
    if (matched.empty() && !role_noun && !listed_title) continue;
    // Titles found by their last character or in our lists (not news's
    // titles above) are read as strictly as the roles of ordinary people.
    const bool strict = role_noun || listed_title;
    uint32_t at = e;
    while (at < n && (t.cps[at] == U':' || t.cps[at] == U'：' || is_space(t.cps[at]))) ++at;
    if (at >= n || !t.han(at) || !t.token_start(at)) continue;
    // A name read as a foreign one (怀进鹏, 普京, 马克 龙, 古 特雷斯): its
    // end, or 0. The tokens up to a verb, function word, mark or known
    // name, when each is a single character, a word the lexicon does not
    // know or a word jieba tags as a proper noun.
    auto read_foreign_name = [&]() -> uint32_t {
      uint32_t end = at;
      while (end < n && t.han(end) && t.token_start(end) && t.token_end_of[end] <= n) {
        const uint32_t next = t.token_end_of[end];
        const auto w = word_info(t, end, next);
        const bool single = next - end == 1;
        if (w && w->entity != EntityType::kNone) break;
        if (is_stop_word(w) && !(single && end == at && w->tag == "a")) break;  // 古 of 古特雷斯 is an adjective
        // A word of the lexicon that names nothing ends the name (普京 举行会谈).
        if (w && !single && !tag_is(w->tag, {"nr", "nrt", "nrfg", "ns", "nz"})) break;
        end = next;
        if (end - at > kMaxForeignName) break;
      }
      // The HMM glues 说 to an unknown name (斯塔默说), and an adverb or a
      // preposition that no transliterated name ends in (斯塔 默在 伦敦:
      // jieba's posseg HMM never emits 在 as a name's last character).
      if (end - at >= 3 && !t.token_start(end - 1) && !word_info(t, at, end)) {
        const char32_t c = t.cps[end - 1];
        const bool function_char = glued_after_name(c) || glued_preposition(c) ||
                                   std::u32string_view(U"将于与和").find(c) != std::u32string_view::npos;
        if (c == U'说' || (function_char && model_ && model_->nrt_gap(c, 2) == model_format::kNoNrt)) --end;
      }
      // Evidence it is a name: a word jieba tags as a proper noun in it (马克,
      // 特雷斯, 普京), or one unknown word far more name-like than not
      // (怀进鹏); an unknown pair of characters alone is as often a phrase
      // the segmenter did not know (记者 从市 卫健委).
      bool evidence = false;
      for (uint32_t x = at; x < end; x = t.token_end_of[x]) {
        const auto w = word_info(t, x, std::min(t.token_end_of[x], end));
        evidence = evidence || (w && tag_is(w->tag, {"nr", "nrt", "nrfg", "ns", "nz"}));
      }
      if (!evidence && t.token_end_of[at] >= end && end - at == 3 && person_names_) {
        evidence = person_names_->log_odds(&t.cps[at], 3) >= kMinLongNameLogOdds;
      }
      // Or words the lexicon does not know that jieba's posseg HMM reads as
      // a transliterated name, after a post (耶伦 after 财政部长; not 从市
      // of 记者 从市 卫健委, nor 新修 after 农民: people of a place are
      // mostly named in Chinese).
      const bool domestic = strict || std::find(std::begin(kDomesticRoles), std::end(kDomesticRoles), matched) !=
                                             std::end(kDomesticRoles);
      if (!evidence && !domestic && reads_as_transliteration(t, at, end)) {
        evidence = true;
        for (uint32_t x = at; x < end && evidence; x = t.token_end_of[x]) {
          evidence = !word_info(t, x, std::min(t.token_end_of[x], end));
        }
      }
      // One word whose only evidence is its jieba tag: as in person_like
      // (殷殷 after 总书记); not a word that common unless tagged a name, and
      // after the people of a place (老人, 游客) not even then (游客 城市,
      // 老人 养老; but 牧民 扎西, 总统 普京).
      if (evidence && t.token_end_of[at] == end) {
        const auto w = word_info(t, at, end);
        if (w) {
          const bool name_tag = is_name_word_tag(w->tag);
          if (!name_word_plausible(t, at, end) || (w->freq >= kCommonNameWordFreq && (domestic || !name_tag))) {
            evidence = false;
          }
        }
      }
      // Names of six or seven characters are transliterations (斯托尔 滕 贝格,
      // 格奥尔基 耶娃): each word of them a name's or unknown, one of them a
      // word jieba tags as a transliterated name.
      if (evidence && end - at > 5) {
        bool transliterated = end - at <= kMaxForeignName;
        bool nrt = false;
        for (uint32_t x = at; x < end && transliterated; x = t.token_end_of[x]) {
          const auto w = word_info(t, x, std::min(t.token_end_of[x], end));
          transliterated = !w || tag_is(w->tag, {"nr", "nrt", "nrfg"});
          nrt = nrt || (w && w->tag == "nrt");
        }
        evidence = transliterated && nrt;
      }
      return evidence && end - at >= 2 && end - at <= kMaxForeignName ? end : 0;
    };
    // (Read once: the Chinese reading below may ask it first.)
    std::optional<uint32_t> foreign;
    auto foreign_name_end = [&] {
      if (!foreign) foreign = read_foreign_name();
      return *foreign;
    };
    // A Chinese name: a surname and one or two characters, as one token or
    // a surname cut off and single characters (as after the rules' titles);
    // not a conjunction the segmenter cut off (冠军 和 亚军: 和 is a surname
    // too, and jieba tags 亚军 nr).
    const bool conjunction = t.token_end_of[at] == at + 1 && [&] {
      const auto w = word_info(t, at, at + 1);
      return w && w->tag == "c";
    }();
    if (const uint32_t sl = conjunction || glued_adverb_and_preposition(t, at) ? 0 : surname_length(t, at)) {
      uint32_t end = t.token_end_of[at];
      // A single character joins the name unless it is a function word or
      // verb (刘婷 说, 余粮 等), or a surname starting the next name (but
      // 马克 龙 与: the last character before a stop).
      auto joins = [&](uint32_t c) {
        if (c >= n || t.token_end_of[c] != c + 1 || !t.han(c) || is_stop_word(word_info(t, c, c + 1))) return false;
        if (!t.has(c, kSurname)) return true;
        return c + 1 >= n || !t.han(c + 1) ||
               (t.token_start(c + 1) && is_stop_word(word_info(t, c + 1, std::min(t.token_end_of[c + 1], n))));
      };
      while (end - at < sl + 2 && joins(end)) end = t.token_end_of[end];
      // A surname and one character as a name's fragment (李家 nrfg), then a
      // character jieba reads as a verb (超), or that the HMM glued to the
      // preposition or adverb after it (超在 of 李家超在): the three a name
      // when the name model finds them far more name-like than not (李家超;
      // not a whole name and a verb, 李娜 nr 开; nor 王刚 到, 李强 说). So
      // a pair the lexicon does not know, before such a glued pair only,
      // when the three read as a name more than the two (潘展 乐以 46秒).
      const bool pair = sl == 1 && end - at == 2 && t.token_end_of[at] == end;
      const auto fragment = pair ? word_info(t, at, end) : std::nullopt;
      auto glued_to_next = [&] {
        return end + 2 <= n && t.token_end_of[end] == end + 2 && t.han(end + 1) &&
               (glued_after_name(t.cps[end + 1]) || glued_preposition(t.cps[end + 1]) || t.cps[end + 1] == U'以') &&
               [&] {
                 // (Or a word the lexicon holds but rarely sees: 华以 nz 16.)
                 const auto w = word_info(t, end, end + 2);
                 return !w || (w->entity == EntityType::kNone && w->freq < kRareGluedPairFreq);
               }();
      };
      const bool unknown_pair = pair && !fragment && person_names_ && glued_to_next() &&
                                person_names_->log_odds(&t.cps[at], 3) > person_names_->log_odds(&t.cps[at], 2);
      if (((fragment && fragment->tag == "nrfg" && (t.token_end_of[end] == end + 1 || glued_to_next())) ||
           unknown_pair) &&
          end < n &&
          t.han(end) && !glued_after_name(t.cps[end]) && !glued_preposition(t.cps[end]) && person_names_ &&
          [&] { const auto w = word_info(t, end, end + 1); return !w || !is_function_word_tag(w->tag); }() &&
          !word_info(t, at, end + 1) &&
          person_names_->log_odds(&t.cps[at], 3) >= kMinLongNameLogOdds) {
        end += 1;
      }
      // A surname cut off, then the given name's character the HMM glued
      // to the preposition or adverb after it (李 华以 高票): the two.
      if (sl == 1 && end == at + 1 && end < n && glued_to_next() && !glued_after_name(t.cps[end]) &&
          !glued_preposition(t.cps[end])) {
        end += 1;
      }
      // A surname and one character the lexicon does not know, then a word of
      // two whose first character ends the name and whose second opens a
      // word with the next token (移民 冉绍 之一 家: 冉绍之 一家): the three
      // a name when the name model reads them far more so than the two.
      if (sl == 1 && end - at == 2 && t.token_end_of[at] == end && !word_info(t, at, end) && end + 2 < n &&
          t.token_end_of[end] == end + 2 && t.han(end) && t.han(end + 1) && t.token_end_of[end + 2] <= n &&
          word_info(t, end + 1, t.token_end_of[end + 2]) && person_names_ &&
          person_names_->log_odds(&t.cps[at], 3) >= kMinLongNameLogOdds &&
          person_names_->log_odds(&t.cps[at], 3) > person_names_->log_odds(&t.cps[at], 2)) {
        end += 1;
      }
      if (sl == 1) end = without_glued_verb(t, at, end);
      // 黄某, 张某某: a person the text does not name.
      if (end - at == sl && end < n && t.cps[end] == U'某') {
        end += end + 1 < n && t.cps[end + 1] == U'某' ? 2 : 1;
      }
      // A surname cut off before a word of two characters (郭 广昌, where
      // 广昌 is a county): the three read as a name when the name model
      // finds them far more name-like than not; not a form of address or
      // title after the surname (陈 同志), nor what follows a name (王 表示).
      bool surname_and_word = false;
      // (A time word is a given name there too: 民警 赵 国庆.)
      auto time_word = [&](uint32_t wb, uint32_t we) {
        const auto w = word_info(t, wb, we);
        return w && w->entity == EntityType::kNone && w->tag == "t";
      };
      const std::u32string_view word(t.cps.data() + end, std::min<uint32_t>(2, n - end));
      if (end - at == sl && sl == 1 && end < n && t.token_start(end) && t.token_end_of[end] == end + 2 &&
          t.han(end) && t.han(end + 1) && (!is_stop_word(word_info(t, end, end + 2)) || time_word(end, end + 2)) &&
          std::find(kSubjectVerbs.begin(), kSubjectVerbs.end(), word) == kSubjectVerbs.end() && person_names_ &&
          person_names_->log_odds(&t.cps[at], 3) >= kMinLongNameLogOdds && !surname_and_title(t, at, end + 2)) {
        end += 2;
        surname_and_word = true;
      }
      // A transliterated name that opens with a surname's character (冯德
      // 莱恩, 斯托尔 滕 贝格): read as a foreign one, it goes on past the
      // Chinese reading with a word jieba tags as a transliterated name (nrt).
      const bool goes_on = [&] {
        const uint32_t foreign = end < n && t.token_start(end) ? foreign_name_end() : 0;
        for (uint32_t x = end; x < foreign; x = t.token_end_of[x]) {
          const auto w = word_info(t, x, t.token_end_of[x]);
          if (w && w->tag == "nrt") return true;
        }
        return false;
      }();
      // After a noun of a role or a title of our lists, only what the name
      // model does not find far more a word than a name (企业家 满意度 -5.4;
      // 前锋 武磊 -1.4).
      // Nor a word of the lexicon other than a rare name's (人员 养老金;
      // 政协委员 智慧, a common word jieba tags nr).
      const bool reads_as_name = !strict || ([&] {
        const auto w = word_info(t, at, end);
        return (!w || (is_name_word_tag(w->tag) && w->freq < kCommonNameWordFreq)) && person_names_ &&
               person_names_->log_odds(&t.cps[at], end - at) >= kMinTitledNameLogOdds;
      }());
      if (!goes_on && end - at >= 2 && end - at <= sl + 2 && reads_as_name &&
          (surname_and_word || person_like(t, at, end, /*trust_nr=*/true) || (t.cps[end - 1] == U'某'))) {
        out.push_back({at, end, EntityType::kPerson, kRulePriority});
        i = end;
        continue;
      }
    }
    // (A noun of a role introduces names in Chinese; foreign ones follow posts.)
    if (const uint32_t end = strict ? 0 : foreign_name_end()) {
      out.push_back({at, end, EntityType::kPerson, kRulePriority});
      i = end;
    }
  }
}

}  // namespace internal
}  // namespace zhpolicy
