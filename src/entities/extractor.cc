// Entity extraction: typed lexicon terms found at every character, then
// composition rules on top (bodies, titles, meetings, names next to titles,
// quoted programme names, suffix-named companies and places), resolved
// longest-first into non-overlapping mentions. The rules live in the files
// listed in extractor_impl.h; this file decodes, runs them and resolves.
#include "entities/extractor_impl.h"

#include <algorithm>
#include <exception>
#include <unordered_set>

#include "lexicon/lexicon_data.h"
#include "segment/char_class.h"
#include "zhpolicy/text.h"
#include "zhpolicy/utf8.h"
#include "util/parallel.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

EntityExtractorImpl::EntityExtractorImpl(Lexicon lexicon, EntityOptions options)
    : lexicon_(lexicon),
      segmenter_(lexicon, SegmenterOptions{}) {
  const std::string_view model = lexicon_.data().base.entity_model();
  if (options.model && !model.empty()) model_.emplace(model);
  const std::string_view person_names = lexicon_.data().base.person_names();
  if (!person_names.empty()) person_names_.emplace(person_names);
  if (const std::string_view posseg = lexicon_.data().base.posseg_hmm(); !posseg.empty()) {
    posseg_.emplace(posseg);
    posseg_nr_ = posseg_->tag_id("nr");
    posseg_nrfg_ = posseg_->tag_id("nrfg");
  }
  for (std::u32string& s : surname_list(lexicon_.data().base.surnames())) {
    if (s.size() == 1 && s[0] < 0x10000) {
      char_flags_[s[0]] |= kSurname;
    } else {
      if (s[0] < 0x10000) char_flags_[s[0]] |= kCompoundFirst;
      compound_surnames_.push_back(std::move(s));
    }
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
  auto end_pairs = [&](const auto& suffixes) {
    for (std::u32string_view x : suffixes) suffix_ends_.set(pair_bit(x[x.size() - 2], x[x.size() - 1]));
  };
  for (const SuffixFamily& family : kNameSuffixFamilies) {
    for (std::u32string_view x : family) mark(x.substr(x.size() - 1), kSuffixLast);
    end_pairs(family);
  }
  end_pairs(kLineKinds);
  for (auto x : kLineKinds) mark(x.substr(x.size() - 1), kSuffixLast);
  for (auto v : kSubjectVerbs) mark(v.substr(0, 1), kVerbFirst);
  mark(U"《“「", kQuoteOpen);
  mark(U"一二三四五六七八九十两", kNumeral);
  mark(kPlaceChars, kPlaceChar);
  mark(kLandformChars, kPlaceChar);  // (add_token_rules tells them apart)
  mark(kSiteChars, kPlaceChar);
  mark(U"届政次", kAnchorFirst);
  for (auto verb : kIssuingVerbs) mark(verb.substr(0, 1), kIssuingFirst);
  mark(U"某老小", kSurnameForm);
  mark(U"（(", kParenOpen);
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (is_han(c)) char_flags_[c] |= kHan;
  }
  index_terms();
  index_tag_facts();
  const std::string n = "[零〇一二两三四五六七八九十百0-9０-９]+";
  for (const std::string& p : {
           // 区政协十五届二次会议, 区委十三届十次全会, 十四届全国人大二次会议,
           // (河北省)第十四届人民代表大会第四次会议; the body after the
           // edition too: (省)十四届人大二次会议, 五届人大四次会议, 全国政协
           // 十四届常委会第十次会议
           "(?:(?:区|市|县|省|自治区|州)(?:委|党委|政协|人大常委会|人大)|全国人大|全国政协|中共中央|中国共产党|"
               "中国人民政治协商会议|党的)?第?" + n +
               "届(?:全国人大常委会|全国人民代表大会常务委员会|全国人大|全国人民代表大会|人民代表大会常务委员会|"
               "人民代表大会|全国委员会常务委员会|全国委员会|常务委员会|常委会|委员会|中央委员会|人大常委会|人大|政协)?第?" +
               n + "次(?:全体)?(?:会议|全会)",
           // 区第十三次党代会, 中国共产党第二十次全国代表大会 (and a national
           // body's: 中国妇女第十三次全国代表大会)
           "(?:中国共产党|中共|党的|区|市|县|省)?第" + n + "次(?:党代会|党员代表大会|全国代表大会)",
           // 第四届中国工业软件大会
           "第" + n + "届\\p{Han}{2,12}?(?:大会|会议|论坛|峰会|博览会|交易会|运动会|年会)",
           // 党的二十届四中全会, 十二届三中全会: plenary sessions numbered in 中
           "(?:党的|中共)?第?" + n + "届(?:中央委员会)?[一二三四五六七八九十]中全会"}) {
    meetings_.push_back(std::make_unique<RE2>(p));
  }
}

void EntityExtractorImpl::decode(std::string_view text, const std::vector<Token>& tokens, CharText& t) const {
  // Buffers sized for the worst case and written by index. Straight loops
  // and one over the tokens: no loop or branch here depends on where a
  // token ends (a per-token inner loop mispredicted its exit at nearly
  // every token).
  t.own.decode(text);
  use_decoding(t.own, t);
  const size_t size = text.size();
  const uint32_t n = t.own.size();
  if (t.char_of_byte.size() < size + 4) t.char_of_byte.resize(size + 4);
  // The char holding each byte (all four entries written always; the next
  // char overwrites its own).
  uint32_t* const char_of = t.char_of_byte.data();
  for (uint32_t k = 0; k < n; ++k) {
    const uint32_t i = t.byte_at[k];
    char_of[i] = char_of[i + 1] = char_of[i + 2] = char_of[i + 3] = k;
  }
  char_of[size] = n;
  // Each token's first char gets the char its end falls in (a byte inside a
  // character counts as that character, for tokens that are not
  // segment()'s); tokens outside the text are ignored.
  uint32_t* const token_end_of = t.token_end_of.data();
  for (const Token& tok : tokens) {
    if (tok.span.begin >= size) continue;
    const uint32_t b = char_of[tok.span.begin], e = tok.span.end >= size ? n : char_of[tok.span.end];
    if (e > b) {
      token_end_of[b] = e;
      t.token_word[b] = {};  // the lexicon is asked
    }
  }
}

void EntityExtractorImpl::decode(const SegmentedText& segmented, CharText& t) const {
  use_decoding(*segmented.decoded, t);
  t.typed_terms = segmented.typed_terms;
  const auto n = static_cast<uint32_t>(t.cps.size());
  uint32_t* const token_end_of = t.token_end_of.data();
  const std::vector<CharSpan>& tokens = *segmented.tokens;
  const std::vector<TokenWord>* words = segmented.token_words;
  if (words && words->size() != tokens.size()) words = nullptr;
  if (t.token_word.size() < n + 1) t.token_word.resize(n + 1);
  for (size_t k = 0; k < tokens.size(); ++k) {
    const CharSpan& tok = tokens[k];
    if (tok.begin < tok.end && tok.end <= n) {
      token_end_of[tok.begin] = tok.end;
      t.token_word[tok.begin] = words ? (*words)[k] : TokenWord{};
    }
  }
  // Every rule and the model ask what each token is (word_info): its lexicon
  // entry is a cache miss apiece when asked one by one, so all are fetched
  // at once here, their loads overlapping.
  if (words) {
    const auto& trie = lexicon_.data().base.trie();
    for (const TokenWord& w : *words) {
      if (!w.known()) continue;
      if (const auto* entry = trie.word(w.node)) __builtin_prefetch(entry);
    }
  }
}

void EntityExtractorImpl::use_decoding(const DecodedText& decoded, CharText& t) const {
  const uint32_t n = decoded.size();
  const char32_t* const cps = decoded.cps.data();
  t.cps = std::u32string_view(cps, n);
  t.byte_at = decoded.byte_at.data();
  t.typed_terms = nullptr;
  t.last_lookup = {};
  for (auto* v : {&t.token_end_of, &t.triggers.buffer, &t.term_starts.buffer}) {
    if (v->size() < n + 1) v->resize(n + 1);
  }
  if (t.token_word.size() < n + 1) t.token_word.resize(n + 1);
  if (t.flags.size() < n + 1) t.flags.resize(n + 1);

  // Class bits, and the lists of trigger characters and term starts
  // (written always, counted when the character qualifies).
  uint16_t* const flags = t.flags.data();
  uint32_t* const trigger_list = t.triggers.buffer.data();
  uint32_t* const term_start_list = t.term_starts.buffer.data();
  const uint8_t* const flag_table = char_flags_.data();
  const uint16_t* const rare_table = rare_flags_.data();
  uint32_t triggers = 0, term_starts = 0;
  for (uint32_t k = 0; k < n; ++k) {
    const char32_t c = cps[k];
    uint16_t f = c < 0x10000 ? flag_table[c] : (is_han(c) ? kHan | kTermFirst : 0);
    if (f & kTrigger) f |= rare_table[c];
    flags[k] = f;
    trigger_list[triggers] = k;
    triggers += (f & kTrigger) != 0;
    term_start_list[term_starts] = k;
    term_starts += (f & (kTermFirst | kHan)) == (kTermFirst | kHan);
  }
  flags[n] = 0;  // the character after the last: none
  t.triggers.count = triggers;
  t.term_starts.count = term_starts;
  // No char starts a token until the caller says so.
  std::fill(t.token_end_of.data(), t.token_end_of.data() + n, CharText::kNoToken);
  t.token_end_of[n] = n;
}

Entities EntityExtractorImpl::extract(std::string_view text) const {
  // The pipeline of Analyzer: the normalized view, segmented, what the
  // segmenter met kept for the rules.
  const NormalizedText normalized = normalize(text);
  ThreadWorkspace seg;
  segmenter_.segment_normalized(normalized, SegmentMode::kDefault, seg.get(), /*for_entities=*/true);
  return extract(SegmentedText{&normalized, &seg.get().text, &seg.get().token_chars, &seg.get().typed_terms, &seg.get().token_words});
}

Entities EntityExtractorImpl::extract(const SegmentedText& segmented) const {
  return with_workspace([&](Workspace& ws) {
    decode(segmented, ws.t);
    return find(segmented.normalized->normalized, segmented.normalized, ws);
  });
}

Entities EntityExtractorImpl::extract(std::string_view text, const std::vector<Token>& tokens) const {
  // The rules read the normalized view (Traditional folded, full-width
  // forms as ASCII), as extract(text) does: the caller's tokens are moved
  // onto it, and the mentions found there mapped back.
  const NormalizedText normalized = normalize(text);
  const std::vector<Token> moved = tokens_of_normalized(normalized, tokens);
  return with_workspace([&](Workspace& ws) {
    decode(normalized.normalized, moved, ws.t);
    return find(normalized.normalized, &normalized, ws);
  });
}

std::vector<Token> EntityExtractorImpl::tokens_of_normalized(const NormalizedText& normalized,
                                                             const std::vector<Token>& tokens) const {
  // An original offset inside one piece of the map: the same distance into
  // an identity piece, the start of a change. Tokens come in order, so the
  // piece only moves forward (pieces are in order of both offsets).
  const auto& pieces = normalized.pieces;
  size_t k = 0;
  auto to_normalized = [&](uint32_t original) -> uint32_t {
    if (pieces.empty()) return std::min<uint32_t>(original, static_cast<uint32_t>(normalized.normalized.size()));
    while (k + 1 < pieces.size() && pieces[k + 1].original_begin <= original) ++k;
    while (k > 0 && pieces[k].original_begin > original) --k;
    const auto& p = pieces[k];
    const uint32_t end = k + 1 < pieces.size() ? pieces[k + 1].normalized_begin
                                               : static_cast<uint32_t>(normalized.normalized.size());
    if (original >= normalized.original_size) return static_cast<uint32_t>(normalized.normalized.size());
    return p.identity ? std::min(end, p.normalized_begin + (original - p.original_begin)) : p.normalized_begin;
  };
  // Whether normalized bytes [b, e) hold a change that wrote more than one
  // character.
  auto expands = [&](uint32_t b, uint32_t e) {
    size_t first = static_cast<size_t>(
        std::upper_bound(pieces.begin(), pieces.end(), b,
                         [](uint32_t x, const NormalizedText::Piece& p) { return x < p.normalized_begin; }) -
        pieces.begin());
    for (size_t j = first > 0 ? first - 1 : 0; j < pieces.size() && pieces[j].normalized_begin < e; ++j) {
      if (pieces[j].identity) continue;
      const uint32_t pb = pieces[j].normalized_begin;
      const uint32_t pe = j + 1 < pieces.size() ? pieces[j + 1].normalized_begin
                                                : static_cast<uint32_t>(normalized.normalized.size());
      if (pe > b && utf8::count_chars(std::string_view(normalized.normalized).substr(pb, pe - pb)) > 1) return true;
    }
    return false;
  };
  std::vector<Token> out;
  out.reserve(tokens.size());
  ThreadWorkspace seg;
  for (const Token& t : tokens) {
    const uint32_t b = to_normalized(t.span.begin), e = to_normalized(t.span.end);
    if (e <= b) continue;
    if (!expands(b, e)) {
      out.push_back({{b, e}, t.kind});
      continue;
    }
    const std::string_view piece = std::string_view(normalized.normalized).substr(b, e - b);
    for (const Token& cut : segmenter_.segment(piece, SegmentMode::kDefault, seg.get())) {
      out.push_back({{b + cut.span.begin, b + cut.span.end}, cut.kind});
    }
  }
  return out;
}

template <typename F>
Entities EntityExtractorImpl::with_workspace(F&& f) {
  thread_local Workspace ws;
  // first[] is kept clean between calls: a call left by an exception
  // leaves a fresh workspace behind.
  struct Trim {
    Workspace& ws;
    int exceptions = std::uncaught_exceptions();
    ~Trim() {
      if (std::uncaught_exceptions() > exceptions) {
        ws = Workspace();
      } else {
        ws.trim();
      }
    }
  } trim{ws};
  return f(ws);
}

void EntityExtractorImpl::featurize(std::string_view text, const FeatureTables& tables, TrainingText& out) const {
  const NormalizedText normalized = normalize(text);
  ThreadWorkspace seg;
  segmenter_.segment_normalized(normalized, SegmentMode::kDefault, seg.get(), /*for_entities=*/true);
  const SegmentedText segmented{&normalized, &seg.get().text, &seg.get().token_chars, &seg.get().typed_terms, &seg.get().token_words};
  with_workspace([&](Workspace& ws) {
    decode(segmented, ws.t);
    rule_pass(normalized.normalized, ws);
    const CharText& t = ws.t;
    model_inputs(t, ws, tables);
    const auto n = static_cast<uint32_t>(t.cps.size());
    out = TrainingText();
    out.windows = ws.model.windows;
    for (const auto& [b, e] : out.windows) {
      for (uint32_t i = b; i < e; ++i) {
        out.key_begin.push_back(static_cast<uint32_t>(out.keys.size()));
        char_features(t, ws.model, tables, i, out.keys);
        out.closed.push_back(closed_at(t, ws.model, i));
      }
    }
    out.key_begin.push_back(static_cast<uint32_t>(out.keys.size()));
    out.original_byte.resize(n + 1);
    for (uint32_t k = 0; k <= n; ++k) out.original_byte[k] = normalized.to_original(t.byte_at[k]);
    for (const Candidate& c : ws.chosen) {
      out.rule_mentions.push_back({c.begin, c.end, static_cast<uint8_t>(c.type)});
    }
    return Entities();
  });
}

void EntityExtractorImpl::rule_pass(std::string_view text, Workspace& ws) const {
  const CharText& t = ws.t;
  const auto n = static_cast<uint32_t>(t.cps.size());

  std::vector<Candidate>& terms = ws.terms;
  terms.clear();
  add_terms(t, terms, ws.probes);
  std::vector<Candidate>& cands = ws.cands;
  cands.assign(terms.begin(), terms.end());
  add_composed(t, terms, cands, ws);
  add_level_institutions(t, cands);
  add_documents_and_slogans(t, cands);
  add_regex_near(*meetings_[0], U"届", text, t, EntityType::kMeeting, cands, {}, "次");
  add_regex_near(*meetings_[1], U"次党", text, t, EntityType::kMeeting, cands);
  add_regex_near(*meetings_[1], U"次全国代表大会", text, t, EntityType::kMeeting, cands);
  add_regex_near(*meetings_[2], U"届", text, t, EntityType::kMeeting, cands, "第", {});
  add_regex_near(*meetings_[3], U"届", text, t, EntityType::kMeeting, cands, {}, "中全会");
  add_numbered_sessions(t, cands);
  // A meeting takes its edition written right before it (第17届 + 省运会,
  // 第九届 + 进博会), then the place written right before that as its
  // owner (河北省 + 第十四届人民代表大会第四次会议, 北京 + 奥运会): one name.
  for (Candidate& c : cands) {
    if (c.type != EntityType::kMeeting) continue;
    if (t.cps[c.begin] != U'第') c.begin = edition_start(t, c.begin);
    for (const Candidate& place : terms) {
      if (place.type == EntityType::kPlace && place.end == c.begin && place.begin < c.begin) c.begin = place.begin;
    }
  }
  {
    // Committees of the CPPCC: the name between 政协 and 委 has no title in it.
    std::vector<Candidate>& committees = ws.committees;
    committees.clear();
    add_committees(t, committees);
    for (const Candidate& c : committees) {
      if (c.end < n && t.cps[c.end] == U'员') continue;  // 政协委员 is a title
      // (The name before a closing 委员会: its 委员 is no title, 经济委员会.)
      std::u32string_view inner = t.cps.substr(c.begin, c.end - c.begin);
      if (inner.size() > 3 && inner.substr(inner.size() - 3) == U"委员会") inner.remove_suffix(3);
      bool title_inside = false;
      for (std::u32string_view w : {U"主席", U"书记", U"委员", U"会议", U"常委", U"秘书长", U"、"}) {
        title_inside = title_inside || inner.find(w) != std::u32string_view::npos;
      }
      if (!title_inside) cands.push_back(c);
    }
  }
  // (Before the persons: a group of cities reads as a name, 苏锡常.)
  add_city_groups(t, cands);
  add_trade_names(t, cands);
  add_firms_with_parenthetical(t, cands);
  add_surname_forms(t, cands);
  ws.subjects.clear();
  ws.landforms.clear();
  add_token_rules(t, cands, ws.subjects, ws.landforms, ws.listed);
  add_names_by_characters(t, ws.subjects);
  add_posseg_names(t, ws.posseg_words, ws.posseg, ws.subjects);
  add_clause_subjects(t, ws.subjects);
  add_foreign_subjects(t, ws.subjects);
  add_tibetan_names(t, cands);
  add_short_place_names(t, cands);
  add_places_after_places(t, terms, cands);
  add_place_administrations(t, cands);
  add_short_event_names(t, cands);

  // A hospital or school attached to a university is one name with it
  // (复旦大学 附属 华山医院: the two found apart).
  {
    const size_t found = cands.size();
    for (size_t a = 0; a < found; ++a) {
      const Candidate& owner = cands[a];
      if (owner.type != EntityType::kOrganization || !t.matches(owner.end, U"附属")) continue;
      uint32_t end = 0;
      for (size_t b = 0; b < found; ++b) {
        if (cands[b].type == EntityType::kOrganization && cands[b].begin == owner.end + 2) end = std::max(end, cands[b].end);
      }
      if (end != 0) cands.push_back({owner.begin, end, EntityType::kOrganization, kRulePriority});
    }
  }
  // A firm's branch by its place is one firm's name (招商银行 深圳 分行,
  // 中国人寿保险股份有限公司 江苏省 分公司): the firm, a place term right
  // after it and the branch's word.
  {
    const size_t found = cands.size();
    for (size_t a = 0; a < found; ++a) {
      if (cands[a].type != EntityType::kCompany) continue;
      const uint32_t firm_begin = cands[a].begin, at = cands[a].end;
      uint32_t place_end = 0;
      for (const Candidate& place : terms) {
        if (place.type == EntityType::kPlace && place.begin == at) place_end = std::max(place_end, place.end);
      }
      if (place_end == 0) continue;
      for (std::u32string_view branch : {U"分行", U"支行", U"分公司"}) {
        const auto end = static_cast<uint32_t>(place_end + branch.size());
        if (t.matches(place_end, branch) && t.token_start(end)) {
          cands.push_back({firm_begin, end, EntityType::kCompany, kRulePriority});
          break;
        }
      }
    }
  }
  // A post takes the rank written before it as a word of its own (常务副
  // 市长, 常务 副主任, 执行 主席).
  for (Candidate& c : cands) {
    if (c.type != EntityType::kPosition || !t.token_start(c.begin)) continue;
    for (uint32_t len = 3; len >= 1; --len) {
      if (c.begin < len || !t.token_start(c.begin - len) || t.token_end_of[c.begin - len] != c.begin) continue;
      const std::u32string_view rank(t.cps.data() + c.begin - len, len);
      if (rank == U"常务副" || rank == U"常务" || rank == U"执行" || rank == U"副") c.begin -= len;
      break;
    }
  }
  // Persons: a name right after a title (区委书记赵世庆, 记者 李传芳, 编辑:冉建苹),
  // and the same names elsewhere in the text.
  std::vector<Candidate>& titles = ws.titles;
  titles.clear();
  for (const Candidate& c : cands) {
    if (c.type == EntityType::kPosition) titles.push_back(c);
  }
  add_firms_before_titles(t, titles, cands);
  auto stop = [&](uint32_t c) {
    const auto w = word_info(t, c, c + 1);
    return w && is_stop_word_tag(w->tag) && std::u32string_view(U"摄说称作").find(t.cps[c]) == std::u32string_view::npos;
  };
  std::unordered_set<std::u32string> names;
  // Names found by their characters alone: their repeats are as weak.
  std::unordered_set<std::u32string> weak_names;
  for (const Candidate& title : titles) {
    uint32_t at = title.end;
    while (at < n && (t.cps[at] == U':' || t.cps[at] == U'：' || is_space(t.cps[at]))) ++at;
    for (int chain = 0; chain < 4 && at < n; ++chain) {
      if (!t.token_start(at) || glued_adverb_and_preposition(t, at)) break;
      const uint32_t sl = surname_length(t, at);
      if (sl == 0) break;
      uint32_t e = t.token_end_of[at];
      // A surname cut off as its own token takes the next single characters,
      // but no function word or verb (宋平 将 出席) other than one the
      // glued-verb check below cuts off again (包钢 作 报告).
      // (A surname's character or an adjective ends a given name too, 秦前红:
      // taken when the three characters read more as a name than the two.)
      auto given_char = [&](uint32_t c) {
        if (!t.has(c, kSurname) && !stop(c)) return true;
        if (c - at != 2 || !person_names_ ||
            person_names_->log_odds(&t.cps[at], 3) <= person_names_->log_odds(&t.cps[at], 2)) {
          return false;
        }
        const auto w = word_info(t, c, c + 1);
        return !w || !is_stop_word_tag(w->tag) || w->tag == "a";
      };
      while (e - at < sl + 2 && e < n && t.token_end_of[e] == e + 1 && t.han(e) && e - at < 3 && given_char(e)) {
        e = t.token_end_of[e];
      }
      // A verb cut off the name confirms it, whatever else the lexicon
      // calls its word (主席 包钢 作…报告: 包钢 is a steel works too).
      const uint32_t before_verb = sl == 1 ? without_glued_verb(t, at, e) : e;
      const bool verb_after = before_verb != e;
      e = before_verb;
      // (Or, after the title, a name of three jieba's dictionary holds at its
      // lowest count under another tag, 陈佳洱 n 3, that reads as a name.)
      // (Asked last: most names pass the checks before it.)
      auto rare_word_name = [&] {
        if (e - at != 3 || sl != 1 || !person_names_) return false;
        const auto w = word_info(t, at, e);
        return w && w->entity == EntityType::kNone && w->freq <= kLowestWordFreq && tag_is(w->tag, {"n", "nz"}) &&
               person_names_->log_odds(&t.cps[at], 3) >= kMinCoinedNameLogOdds;
      };
      if (e - at < 2 || e - at > 4 || !(person_like(t, at, e) || verb_after || rare_word_name())) break;
      cands.push_back({at, e, EntityType::kPerson, kRulePriority});
      names.emplace(t.cps.substr(at, e - at));
      // Bylines list several names: 记者 李传芳 张烨.
      at = e;
      if (at < n && (is_space(t.cps[at]) || t.cps[at] == U'、')) ++at; else break;
    }
  }
  // Names after the titles news writes (法国总统马克龙, 教授李建国).
  {
    std::vector<Candidate>& titled = ws.titled;
    titled.clear();
    add_names_after_titles(t, titled);
    for (const Candidate& c : titled) {
      cands.push_back(c);
      names.emplace(t.cps.substr(c.begin, c.end - c.begin));
    }
  }
  // Names before a verb of speech or action (赵世庆强调), found by add_token_rules.
  for (const Candidate& c : ws.subjects) {
    cands.push_back(c);
    (c.model_may_retype ? weak_names : names).emplace(t.cps.substr(c.begin, c.end - c.begin));
  }
  // Names listed with a name found (陈建华、赵丽颖、黄晓明等人): a name-shaped
  // token joined to a person by 、 or 和 is a person too, in both directions.
  if (!names.empty() || !weak_names.empty()) {
    auto is_joint = [&](uint32_t b, uint32_t e) {
      return e - b == 1 && (t.cps[b] == U'、' || t.cps[b] == U'和' || t.cps[b] == U'与' || is_space(t.cps[b]));
    };
    // (A mountain's name a person bears too is the person's in such a list:
    // 钟南山 ns 和 李兰娟 院士.)
    auto name_like = [&](uint32_t b, uint32_t e) {
      if (person_like(t, b, e, /*trust_nr=*/true)) return true;
      if (e - b != 3 || kGivenNameLandformChars.find(t.cps[e - 1]) == std::u32string_view::npos ||
          surname_length(t, b) == 0) {
        return false;
      }
      const auto w = word_info(t, b, e);
      return w && w->entity == EntityType::kNone && w->tag == "ns";
    };
    const size_t found = cands.size();
    for (size_t k = 0; k < found; ++k) {
      if (cands[k].type != EntityType::kPerson || cands[k].source != EntitySource::kRule) continue;
      // Forward: person 、 name 、 name …
      for (uint32_t at = cands[k].end; at < n && t.token_start(at) && is_joint(at, t.token_end_of[at]);) {
        const uint32_t b = at + 1;
        if (b >= n || !t.token_start(b)) break;
        uint32_t e = t.token_end_of[b];
        if (e > n || e - b < 2 || !name_like(b, e) || ends_like_village(t.cps, e)) break;
        // (Names of a byline are set apart by spaces: 记者 刘晓东 周雨涵 报道;
        // a space before a name that runs on into prose is no list.)
        if (is_space(t.cps[at]) && e < n && !is_space(t.cps[e]) && t.han(e)) break;
        e = with_cut_off_char(t, b, e);  // 孙颖莎 和 王楚 钦
        cands.push_back({b, e, EntityType::kPerson, kRulePriority});
        names.emplace(t.cps.substr(b, e - b));
        at = e;
      }
      // Backward: name 、 name 、 person
      for (uint32_t end = cands[k].begin; end >= 3;) {
        const uint32_t joint = end - 1;
        if (!t.token_start(joint) || !is_joint(joint, end)) break;
        uint32_t b = t.token_begin(joint - 1);
        if (joint - b < 2 || !name_like(b, joint) || ends_like_village(t.cps, joint)) break;
        cands.push_back({b, joint, EntityType::kPerson, kRulePriority});
        names.emplace(t.cps.substr(b, joint - b));
        end = b;
      }
    }
  }
  if (!names.empty() || !weak_names.empty()) {
    // Asked at every token of the text: the names sorted by first character,
    // with a bit per first character (modulo 4096) that most tokens fail.
    // Each with whether it is only weakly a name.
    std::vector<std::pair<std::u32string_view, bool>> sorted;
    for (const std::u32string& name : names) sorted.emplace_back(name, false);
    for (const std::u32string& name : weak_names) {
      if (!names.count(name)) sorted.emplace_back(name, true);
    }
    // A common word of the lexicon not tagged a name is not looked for
    // again (one 城市 read as a name must not make every 城市 one).
    sorted.erase(std::remove_if(sorted.begin(), sorted.end(),
                                [&](const auto& name) { return common_non_name_word(name.first); }),
                 sorted.end());
    std::sort(sorted.begin(), sorted.end());
    std::bitset<4096> first_chars;
    for (const auto& name : sorted) first_chars.set(name.first[0] & 4095);
    for (uint32_t i = 0; i < n; i = t.token_end_of[i]) {
      const char32_t c = t.cps[i];
      if (!first_chars.test(c & 4095)) continue;
      auto it = std::lower_bound(sorted.begin(), sorted.end(), c,
                                 [](const auto& name, char32_t x) { return name.first[0] < x; });
      for (; it != sorted.end() && it->first[0] == c; ++it) {
        const auto e = i + static_cast<uint32_t>(it->first.size());
        if (t.matches(i, it->first) && t.token_start(e)) {
          Candidate name{i, e, EntityType::kPerson, kRulePriority};
          name.model_may_retype = it->second;
          cands.push_back(name);
        }
      }
    }
  }

  add_places_before_level_titles(t, cands);

  // Landforms last: a person's name of the same span is the reading (钟南山院士).
  cands.insert(cands.end(), ws.landforms.begin(), ws.landforms.end());
  // Longest first; on ties rules before terms, then the earlier; of two
  // readings of one span the first found (user words) wins.
  for (size_t i = 0; i < cands.size(); ++i) cands[i].order = static_cast<uint32_t>(i);
  std::sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    if (a.priority != b.priority) return a.priority > b.priority;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.order < b.order;
  });
  // A char is taken in this call when it holds this call's stamp: nothing
  // to clear per call (but once every 2^32 calls).
  std::vector<uint32_t>& taken = ws.taken;
  if (taken.size() < n) taken.resize(n, 0);
  if (++ws.stamp == 0) {
    std::fill(taken.begin(), taken.end(), 0);
    ws.stamp = 1;
  }
  const uint32_t stamp = ws.stamp;
  std::vector<Candidate>& chosen = ws.chosen;
  chosen.clear();
  for (const Candidate& c : cands) {
    if (c.end <= c.begin || c.end > n) continue;
    bool free = true;
    for (uint32_t i = c.begin; i < c.end && free; ++i) free = taken[i] != stamp;
    if (!free) continue;
    for (uint32_t i = c.begin; i < c.end; ++i) taken[i] = stamp;
    chosen.push_back(c);
  }
  std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });

  for (Candidate& c : chosen) c.source = c.priority == kTermPriority ? EntitySource::kLexicon : EntitySource::kRule;
  settle_addresses(t, chosen);
}

void EntityExtractorImpl::add_places_before_level_titles(const CharText& t, std::vector<Candidate>& cands) const {
  // A title that opens with a level (街道党工委书记, 区委书记, 镇长) after a
  // name that the level makes a place of our lists (观音桥 + 街道 of
  // 观音桥街道): the name is that place, as 渝中 of 渝中区委书记 is, and
  // no person (杨家坪).
  const size_t found = cands.size();
  for (size_t k = 0; k < found; ++k) {
    const Candidate& title = cands[k];
    if (title.type != EntityType::kPosition || title.begin < 2 || !t.token_start(title.begin)) continue;
    const uint32_t level = t.first_match(title.begin, {U"街道", U"镇", U"乡", U"区", U"县"});
    if (level == 0 || title.end - title.begin <= level) continue;
    // The name: one or two words right before the title, up to four characters.
    for (uint32_t b = t.token_begin(title.begin - 1), words = 1; words <= 2; ++words) {
      if (!t.han(b) || title.begin - b > 4) break;
      const auto place = word_info(t, b, title.begin + level);
      if (title.begin - b >= 2 && place && place->entity == EntityType::kPlace) {
        bool placed = false;
        for (Candidate& c : cands) {
          if (c.begin != b || c.end != title.begin) continue;
          if (c.type == EntityType::kPerson) c.type = EntityType::kPlace;
          placed = placed || c.type == EntityType::kPlace;
        }
        if (!placed) cands.push_back({b, title.begin, EntityType::kPlace, kRulePriority});
        break;
      }
      if (b == 0) break;
      b = t.token_begin(b - 1);
    }
  }
}

void EntityExtractorImpl::settle_addresses(const CharText& t, std::vector<Candidate>& chosen) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // A place's name takes the level written after it as a word of its own
  // (朝天门 社区, 较场口 社区: the gold's 模力社区, 拉扎村); not a
  // division's (渝中区 社区 are the district's communities).
  for (size_t k = 0; k < chosen.size(); ++k) {
    Candidate& c = chosen[k];
    if (c.type != EntityType::kPlace || c.end - c.begin < 2 || c.end >= n || !t.token_start(c.end) ||
        std::u32string_view(U"省市区县州").find(t.cps[c.end - 1]) != std::u32string_view::npos) {
      continue;
    }
    const uint32_t level_end = t.token_end_of[c.end];
    if (level_end == CharText::kNoToken || level_end > n || (k + 1 < chosen.size() && chosen[k + 1].begin < level_end)) continue;
    const std::u32string_view level(t.cps.data() + c.end, level_end - c.end);
    if (level == U"社区" || level == U"街道" || level == U"村" || level == U"镇" || level == U"乡") {
      c.end = level_end;
      c.source = EntitySource::kRule;
    }
  }
  // A place a rule composed of divisions and a name (广州市 天河区 珠江新城,
  // 重庆市 渝北区 红锦大道: the head word's rule takes the places before it) is
  // the divisions and the name, each a place: the gold's 化隆县 | 谢家滩乡
  // (an address is no name of its own).
  // (A division of three characters or more by its level, 广州市, not 扬州;
  // the name after it opens with a proper noun or a coinage, not with a
  // kind: 兴安盟 现代畜牧业试验区, 滁州 保税物流中心 are names whole.)
  auto named_at = [&](uint32_t b) {
    const uint32_t e = t.token_end_of[b];
    if (e == CharText::kNoToken || e <= b) return false;
    const auto w = word_info(t, b, e);
    return !w || w->entity == EntityType::kPlace || is_proper_word_tag(w->tag);
  };
  // (The lexicon asked at the few ends inside the place, not the text's
  // terms scanned: a whole document has thousands of them.)
  auto division_at = [&](uint32_t b, uint32_t limit) -> uint32_t {
    for (uint32_t e = limit - 2; e >= b + 3; --e) {
      if (!t.token_start(e) || std::u32string_view(U"省市区县").find(t.cps[e - 1]) == std::u32string_view::npos) continue;
      const auto w = word_info(t, b, e);
      if (w && w->entity == EntityType::kPlace && named_at(e)) return e;
    }
    return 0;
  };
  const size_t count = chosen.size();
  bool split = false;
  for (size_t k = 0; k < count; ++k) {
    // (By index: the divisions are appended to chosen.)
    if (chosen[k].type != EntityType::kPlace || chosen[k].source != EntitySource::kRule ||
        chosen[k].end - chosen[k].begin < 5) {
      continue;
    }
    for (uint32_t e = division_at(chosen[k].begin, chosen[k].end); e != 0;
         e = division_at(chosen[k].begin, chosen[k].end)) {
      Candidate division = chosen[k];
      division.end = e;
      division.source = EntitySource::kLexicon;
      chosen[k].begin = e;
      chosen.push_back(division);
      split = true;
    }
  }
  if (split) {
    std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  }
}

void EntityExtractorImpl::add_villages_after_townships(const CharText& t, std::vector<Candidate>& chosen) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // A village named after its township is a place of its own, whatever its
  // name's words (七都镇 开弦弓村, 谢家滩乡 拉扎村, 龙泉关镇 骆驼湾村): two to
  // five characters up to 村 or 社区, none a mark. Not a kind of village
  // (七都镇 贫困村, 新农村: one word of the lexicon that names nothing).
  auto township = [&](const Candidate& c) {
    return c.type == EntityType::kPlace && c.end - c.begin >= 3 &&
           (t.cps[c.end - 1] == U'镇' || t.cps[c.end - 1] == U'乡' || t.matches(c.end - 2, U"街道"));
  };
  const size_t count = chosen.size();
  bool added = false;
  for (size_t k = 0; k < count; ++k) {
    // A mention the model joined across the township (龙泉关镇骆驼湾村) is
    // cut at its end when the township is a word of the lexicon's.
    Candidate& c = chosen[k];
    if (c.type == EntityType::kPlace && c.source == EntitySource::kModel && t.cps[c.end - 1] == U'村') {
      uint32_t cut = 0;
      for (uint32_t e = c.begin + 3; e + 3 <= c.end && cut == 0; ++e) {
        const auto w = (t.cps[e - 1] == U'镇' || t.cps[e - 1] == U'乡') ? word_info(t, c.begin, e) : std::nullopt;
        if (w && w->entity == EntityType::kPlace) cut = e;
      }
      if (cut == 0) continue;
      Candidate village = c;
      village.begin = cut;
      village.source = EntitySource::kRule;
      village.score = c.score = model_->rule_precision(EntityType::kPlace);
      c.end = cut;
      c.source = EntitySource::kLexicon;
      chosen.push_back(village);
      added = true;
      continue;
    }
    if (!township(c)) continue;
    const uint32_t b = c.end;
    uint32_t end = 0;
    for (uint32_t e = b + 3; e <= std::min(n, b + 6) && end == 0; ++e) {
      if (!t.han(e - 1)) break;
      if (t.cps[e - 1] == U'村') end = e;
      if (e + 1 <= n && t.matches(e - 1, U"社区")) end = e + 1;
    }
    if (end == 0 || !t.token_start(b)) continue;
    const uint32_t name_end = t.cps[end - 1] == U'村' ? end - 1 : end - 2;
    // No function word, numeral or measure word in the name (望京街道 新开 了
    // 一家 社区食堂: a clause, not a village).
    bool clause = false;
    for (uint32_t k = b; k < name_end && !clause; k = t.token_end_of[k]) {
      if (!t.token_start(k) || t.token_end_of[k] <= k) break;
      const auto w = word_info(t, k, std::min(t.token_end_of[k], name_end));
      clause = w && (is_function_word_tag(w->tag) || w->tag == "m" || w->tag == "q" || w->tag == "mq");
    }
    if (clause) continue;
    const auto whole = word_info(t, b, end);
    const auto name = word_info(t, b, name_end);
    if ((whole && whole->entity == EntityType::kNone) ||
        (name && name->entity == EntityType::kNone && !is_proper_word_tag(name->tag))) {
      continue;
    }
    // Nothing else may lie there but a place ending with the village.
    const size_t next = k + 1;
    if (next < count && chosen[next].begin < end &&
        !(chosen[next].type == EntityType::kPlace && chosen[next].end == end &&
          (next + 1 >= count || chosen[next + 1].begin >= end))) {
      continue;
    }
    if (next < count && chosen[next].begin < end) {
      chosen[next].begin = b;
      chosen[next].source = EntitySource::kRule;
      chosen[next].score = model_ ? model_->rule_precision(EntityType::kPlace) : 1.0f;
      continue;
    }
    Candidate village{b, end, EntityType::kPlace, kRulePriority};
    village.score = model_ ? model_->rule_precision(EntityType::kPlace) : 1.0f;
    village.source = EntitySource::kRule;
    chosen.push_back(village);
    added = true;
  }
  if (added) {
    std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  }
}

void EntityExtractorImpl::settle_weak_persons(const CharText& t, std::vector<Candidate>& chosen) {
  auto weak_person = [](const Candidate& c) { return c.type == EntityType::kPerson && c.model_may_retype; };
  // Most texts have no weak person: nothing to collect then.
  if (std::none_of(chosen.begin(), chosen.end(), weak_person)) return;
  std::vector<std::u32string_view> places;
  for (const Candidate& c : chosen) {
    if (c.type == EntityType::kPlace && c.end - c.begin >= 2) places.push_back(t.cps.substr(c.begin, c.end - c.begin));
  }
  if (places.empty()) return;
  std::sort(places.begin(), places.end());
  for (Candidate& c : chosen) {
    if (!weak_person(c)) continue;
    if (std::binary_search(places.begin(), places.end(), t.cps.substr(c.begin, c.end - c.begin))) {
      c.type = EntityType::kPlace;
      c.source = EntitySource::kRule;
    }
  }
}

Entities EntityExtractorImpl::find(std::string_view text, const NormalizedText* normalized, Workspace& ws) const {
  rule_pass(text, ws);
  if (model_) apply_model(ws.t, ws);
  add_list_members(ws.t, ws.chosen);
  add_villages_after_townships(ws.t, ws.chosen);
  settle_weak_persons(ws.t, ws.chosen);
  join_dotted_names(ws.t, ws.chosen);
  const CharText& t = ws.t;
  std::vector<Candidate>& chosen = ws.chosen;
  // The contract: mentions in order, none overlapping another. The passes
  // after the rules' selection keep it each; should one not, the first
  // mention of a stretch is kept rather than two spans given for one.
  {
    uint32_t last_end = 0;
    size_t kept = 0;
    for (const Candidate& c : chosen) {
      if (c.begin < last_end || c.end <= c.begin) continue;
      last_end = c.end;
      chosen[kept++] = c;
    }
    chosen.resize(kept);
  }

  Entities result;
  result.entities.reserve(chosen.size());
  if (normalized) {
    // Spans of the normalized view, given in the original; a mention lying
    // wholly inside one change of normalization has no original span of its
    // own and is left out (before the links, which count positions).
    size_t kept = 0;
    for (const Candidate& c : chosen) {
      const ByteSpan span = normalized->original_span({t.byte_at[c.begin], t.byte_at[c.end]});
      if (span.empty()) continue;
      result.entities.push_back({span, c.type, c.score, c.source});
      chosen[kept++] = c;
    }
    chosen.resize(kept);
  } else {
    for (const Candidate& c : chosen) {
      result.entities.push_back({{t.byte_at[c.begin], t.byte_at[c.end]}, c.type, c.score, c.source});
    }
  }
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
        adjacent = adjacent && (c == U'、' || c == U':' || c == U'：' || is_space(c));
      }
      if (!adjacent) break;
      result.relations.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j), RelationType::kHoldsPosition});
      gap_end = chosen[j].begin;
    }
  }
  return result;
}

}  // namespace internal

EntityExtractor::EntityExtractor(Lexicon lexicon, EntityOptions options)
    : impl_(std::make_shared<internal::EntityExtractorImpl>(std::move(lexicon), options)) {}

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

