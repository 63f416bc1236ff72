// Typed lexicon terms (places, bodies, titles, slogans …) found in a text,
// and word lookups for the rules.
#include "entities/extractor_impl.h"

#include "lexicon/lexicon_data.h"
#include "segment/char_class.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

std::optional<WordRef> EntityExtractorImpl::word_info(const CharText& t, uint32_t begin, uint32_t end) const {
  if (end <= begin) return std::nullopt;
  // Rules often ask for the same span twice in a row (whether a token is a
  // word, then what kind): the last answer is kept, a trie walk saved.
  if (t.last_lookup.begin == begin && t.last_lookup.end == end) return t.last_lookup.word;
  const ZplView* view = nullptr;
  const format::WordEntry* w = nullptr;
  if (t.token_end_of[begin] == end && t.token_word[begin].known()) {
    // The segmenter's word graph found it (in the base layer: with a user
    // layer nothing is known).
    w = lexicon_.data().base.trie().word(t.token_word[begin].node);
    view = &lexicon_.data().base;
  } else {
    w = lexicon_.data().find_word(t.cps.data() + begin, end - begin, &view);
  }
  std::optional<WordRef> word;
  if (w) word = WordRef{w->freq, view->tag(w->tag), static_cast<EntityType>(w->entity)};
  t.last_lookup = {begin, end, word};
  return word;
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
      if (is_han(term[0]) && !std::all_of(term.begin(), term.end(), is_han)) {
        mixed_terms_.add(term, static_cast<EntityType>(type), rank);
      }
      if (term[0] < 0x10000) char_flags_[term[0]] |= kTermFirst;
      if (type == static_cast<int>(EntityType::kPosition) && term.back() < 0x10000) {
        title_last_chars_.set(term.back());
      }
      if (type == static_cast<int>(EntityType::kPlace) && term.size() >= 3 && term.back() == U'市' && is_han(term[0]) &&
          term[0] < 0x10000) {
        city_initials_.set(term[0]);
      }
    }
    ++rank;
  }
  for (char32_t c : kPlaceShortNames) city_initials_.set(c);
  for_each_name_title([&](std::u32string_view title) { title_last_chars_.set(title.back()); });
  for (char32_t c : kRoleSuffixes) title_last_chars_.set(c);
  terms_.build();
  mixed_terms_.build();
}

bool EntityExtractorImpl::accept_term(const CharText& t, uint32_t k, uint32_t end, EntityType type) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // A two-character title in the plural (委员们, 代表们) is a common noun
  // for a group; a full title stays one (政协委员们).
  if (type == EntityType::kPosition && end - k <= 2 && end < n && t.cps[end] == U'们') return false;
  // The word (token) the term starts in; word_end 0 when there is none.
  uint32_t word_start = t.token_begin(k);
  const uint32_t word_end = t.token_start(word_start) ? t.token_end_of[word_start] : 0;
  // A term must start or end on a token boundary (中行 inside 渝中行 is
  // not a bank), except a place inside a long compound word, which is a
  // phrase rather than a name (中国 in 习近平新时代中国特色社会主义思想).
  if (!(t.token_start(k) || t.token_start(end))) {
    if (type != EntityType::kPlace) return false;
    if (word_end < end || word_end - word_start < kLongCompound) return false;
  }
  // A term ending inside a word that is itself a name cuts the name off
  // (新宁 of 新/宁夏); one of two characters ending inside a word, after an
  // ordinary word of one character, cuts that word (新安 of 新/安全格局, 三原
  // of 三/原则; not 渝中 of 渝/中段: 渝 is a name). But a township's level
  // the segmenter read as the first character of a place is the township's
  // (陈埭镇 of 陈/埭/镇江/头村: no town is named 镇江 after a name).
  if (type == EntityType::kPlace && !t.token_start(end)) {
    uint32_t last_start = end - 1;
    while (last_start > k && !t.token_start(last_start)) --last_start;
    if (t.token_start(last_start) && last_start > k) {
      const auto cut = word_info(t, last_start, std::min(t.token_end_of[last_start], n));
      const bool township = last_start == end - 1 && end - k >= 3 && (t.cps[end - 1] == U'镇' || t.cps[end - 1] == U'乡') &&
                            cut && cut->entity == EntityType::kPlace;
      if (cut && cut->entity != EntityType::kNone && !township) return false;
    }
    if (end - k == 2 && t.token_start(k) && t.token_end_of[k] == k + 1 && t.token_start(k + 1)) {
      const auto first = word_info(t, k, k + 1);
      const auto next = word_info(t, k + 1, std::min(t.token_end_of[k + 1], n));
      if (first && first->entity == EntityType::kNone && next) return false;
    }
  }
  // Nor does a place start inside a word jieba tags as a place's or body's
  // name or a transliterated one (俄罗斯 of 白俄罗斯, 巴马 of 奥巴马 ns,
  // 努克 of 西哈努克 nrt): that word names something else whole; unless a
  // place of ours comes before it there (中国 台湾).
  if (type == EntityType::kPlace && !t.token_start(k) && word_end != 0 && word_end >= end) {
    const auto whole = word_info(t, word_start, word_end);
    const auto before = word_info(t, word_start, k);
    if (whole && whole->entity == EntityType::kNone && tag_is(whole->tag, {"ns", "nt", "nrt"}) &&
        !(before && before->entity == EntityType::kPlace)) {
      return false;
    }
  }
  // A term that starts inside a word runs on past it only by cutting it:
  // 西部地区 of 中西部/地区 (a word's tail alone, 渝 of 驻渝, is a name).
  if (!t.token_start(k) && word_end != 0 && word_end < end) return false;
  // Nor a given name: a place of two characters ending a word the lexicon
  // does not know, after a surname that opens it (秀英 of 王秀英: 秀英 is a
  // district of Haikou, and a common given name).
  if (type == EntityType::kPlace && end - k == 2 && word_end == end && k == word_start + 1 &&
      t.has(word_start, kSurname) && !word_info(t, word_start, word_end)) {
    return false;
  }
  // Or cut from it as a word jieba tags a name (王 / 秀英): after a surname
  // of one character that is no function word (向, 于 are prepositions).
  if (type == EntityType::kPlace && end - k == 2 && word_start == k && word_end == end && k > 0 &&
      t.has(k - 1, kSurname) && t.token_start(k - 1) && t.token_end_of[k - 1] == k) {
    const auto given = word_info(t, k, end);
    const auto surname = word_info(t, k - 1, k);
    if (given && is_name_word_tag(given->tag) && !(surname && is_stop_word_tag(surname->tag))) {
      return false;
    }
  }
  // A place ending a word of the lexicon that it starts inside: of two or
  // more characters, a common word's tail (范县 of 示范县, a county's name
  // inside "model county"; a proper noun the word is may hold it: 大武汉);
  // of one, a name's last character (川 of 金川, 四川: the word names the
  // place; 驻渝, 援藏 are verbs, and there the character is the name).
  if (type == EntityType::kPlace && !t.token_start(k) && word_end == end) {
    if (const auto w = word_info(t, word_start, word_end)) {
      const bool name = w->entity != EntityType::kNone || is_proper_word_tag(w->tag);
      if (end - k >= 2 ? w->entity == EntityType::kNone && !is_proper_word_tag(w->tag) : name) return false;
    }
  }
  // A place inside an idiom or set phrase of the lexicon is a figure of
  // speech (泰山 of 重于泰山), not the place.
  if (type == EntityType::kPlace && word_end >= end && word_end - word_start > end - k) {
    const auto w = word_info(t, word_start, word_end);
    if (w && (w->tag == "i" || w->tag == "l")) return false;
  }
  // A title that ends inside a word of the lexicon is part of the word's
  // name for a thing, not a person's post (记者 of 记者会, 主任 of 主任委员会).
  if (type == EntityType::kPosition && t.token_start(k) && !t.token_start(end) && t.token_end_of[k] > end &&
      word_info(t, k, t.token_end_of[k])) {
    return false;
  }
  // Nor does a body's name end one character short of a common word of the
  // lexicon: with that character it is a word for a class (民主党 of 民主党派,
  // the parties as a class); 东盟 of 东盟国家, 区委 of 区委书记 stay. Nor
  // by the first character of a common word (商务部 of 商务 / 部门, 建设部 of
  // 建设 / 部署; 区政协 of 区 / 政协主席 stays).
  const bool body = type == EntityType::kOrganization || type == EntityType::kGovernment ||
                    type == EntityType::kCompany;
  if (body && t.token_start(k) && t.token_end_of[k] == end + 1 && end + 1 <= n) {
    const auto w = word_info(t, k, t.token_end_of[k]);
    if (w && w->entity == EntityType::kNone && !is_proper_word_tag(w->tag)) return false;
  }
  if (body && !t.token_start(end)) {
    uint32_t last_start = end - 1;
    while (last_start > k && !t.token_start(last_start)) --last_start;
    if (last_start > k && last_start + 1 == end && t.token_start(last_start) && t.token_end_of[last_start] <= n) {
      const auto w = word_info(t, last_start, t.token_end_of[last_start]);
      if (w && w->entity == EntityType::kNone && !is_proper_word_tag(w->tag)) return false;
    }
  }
  // A people is not its country (蒙古族, 朝鲜族 as one word).
  if (type == EntityType::kPlace && end < n && !t.token_start(end) && t.cps[end] == U'族') return false;
  // Nor may a division name lend its level to the next word: 滨江区 in
  // 滨江/区域, 某某县 in …/县城 (渝中区 in the one word 渝中区委 stays).
  if (!t.token_start(end) && kLevelChars.find(t.cps[end - 1]) != std::u32string_view::npos) {
    uint32_t word_start = end - 1;
    while (word_start > k && !t.token_start(word_start)) --word_start;
    if (word_start > k) return false;
  }
  return true;
}

void EntityExtractorImpl::add_indexed_terms(const TermIndex& index, const CharText& t, std::vector<Candidate>& out,
                                            std::vector<uint32_t>& probes) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // First the filter at every term start, listing without a branch the
  // starts that pass (2k: the one-character terms at k; 2k+1: the longer
  // ones); few pass, and a branch on each test mispredicted often.
  if (probes.size() < 2 * t.term_starts.count) probes.resize(2 * t.term_starts.count);
  uint32_t* const list = probes.data();
  uint32_t m = 0;
  for (const uint32_t k : t.term_starts) {
    const char32_t c1 = k + 1 < n ? t.cps[k + 1] : 0;
    list[m] = 2 * k;
    m += index.may_start(t.cps[k], 0);
    list[m] = 2 * k + 1;
    m += c1 != 0 && index.may_start(t.cps[k], c1);
  }
  for (uint32_t x = 0; x < m; ++x) {
    const uint32_t k = list[x] / 2;
    for (const TermIndex::Term& term : index.find(t.cps[k], list[x] % 2 ? t.cps[k + 1] : 0)) {
      if (!t.matches(k, index.text(term))) continue;
      const auto end = static_cast<uint32_t>(k + term.size);
      if (accept_term(t, k, end, term.type)) out.push_back({k, end, term.type, kTermPriority});
    }
  }
}

void EntityExtractorImpl::add_terms(const CharText& t, std::vector<Candidate>& out,
                                    std::vector<uint32_t>& probes) const {
  if (!t.typed_terms) {
    add_indexed_terms(terms_, t, out, probes);
    return;
  }
  // The segmenter met every term made of Han characters; the index is asked
  // only for the others.
  for (const TypedTermHit& hit : *t.typed_terms) {
    if (accept_term(t, hit.begin, hit.end, hit.type)) out.push_back({hit.begin, hit.end, hit.type, kTermPriority});
  }
  if (!mixed_terms_.empty()) add_indexed_terms(mixed_terms_, t, out, probes);
}

}  // namespace internal
}  // namespace zhpolicy
