// The learned model beside the rules: which characters it labels (windows),
// what it reads of each (features), and how its mentions and the rules' are
// combined.
//
// Combination policy (measured against the alternatives with
// scripts/eval_entities.py on held-out regions). The model labels persons,
// places, government bodies, organizations, companies and positions, reading
// the rules' own mentions as features. Then:
//   - every rule and lexicon mention stays, unless a model mention extends it;
//   - a model mention where the rules found nothing is added (source
//     "model") when its score is at least kMinModelScore;
//   - a model mention overlapping rule mentions replaces them only when it
//     extends exactly one, of a type the model labels, to a longer name;
//   - a person the rules found by its characters alone takes the model's
//     type where the model labels the same span otherwise (吴淞江: a river);
//   - a window the rules explain whole is not labelled (apply_model).
// Letting the model drop, retype, cut or merge what the rules found lost
// more on held-out text (composed bodies, names after titles, user terms,
// adjacent places) than it gained.
#include <algorithm>
#include <array>
#include <cstring>

#include "entities/extractor_impl.h"
#include "entities/model/chain.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

namespace {

// Feature templates (the first argument of feature_key). Numbers, not an
// enum order: a trained model depends on them. Retired, measured worse on
// held-out regions with them: 4 (c[i-1] c[i+1]), 5 (token shape), 16 (c[i]
// and its position in its token). Retired as adding nothing on held-out
// regions and the read news-style sets, while about half of the model's
// work per char (scripts/eval_entities.py, eval_news_style.py): 3 (the
// bigrams c[i-1] c[i], c[i] c[i+1]), 7 (the token's text), 8 (the tags of
// the tokens before and after), 10 (the rule mentions over the chars before
// and after), 11 (the longest typed term over the char), 14 (character
// classes of c[i-1], c[i], c[i+1]), and c[i-2], c[i+2] of 2.
enum Template : uint32_t {
  kBias = 1,
  kChar = 2,          // c[i + d] for d in -1..1 (d + 2 in the second value)
  kWordTag = 6,       // lexicon tag of the token, position in it
  kRule = 9,          // the rule mention over the char
  kSurnameEvidence = 12,  // surname evidence, position in token
  kPosseg = 13,       // jieba posseg evidence for nr, nrt, ns, nt
  kHead = 15,         // a head character (names of the training data end in it)
};

// Position of char i in its token: 0 begin, 1 inside, 2 end, 3 single.
uint32_t part_in(uint32_t i, uint32_t begin, uint32_t end) {
  if (end - begin == 1) return 3;
  return i == begin ? 0 : i + 1 == end ? 2 : 1;
}

uint64_t hash_tag(std::string_view tag) {
  uint64_t h = 0x84222325CBF29CE4ull;
  for (char c : tag) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001B3ull;
  return h | 1;  // never 0: 0 is "not in the lexicon"
}

uint8_t mention_code(const Candidate& c, uint32_t i) {
  const uint32_t part = c.end - c.begin == 1 ? 3 : i == c.begin ? 0 : i + 1 == c.end ? 2 : 1;
  return static_cast<uint8_t>(1 + (static_cast<uint32_t>(c.type) - 1) * 8 + part * 2 +
                              (c.source == EntitySource::kRule ? 1 : 0));
}

// Whether a mention_code() is of a mention of a type the model labels.
bool modeled_code(uint8_t code) { return code != 0 && is_modeled(static_cast<EntityType>((code - 1) / 8 + 1)); }

// Whether a token's tag (hash_tag) is one of kStopTags: a function word,
// verb, numeral ... that names do not run across.
bool is_stop_tag(uint64_t tag) {
  static const std::array<uint64_t, std::size(kStopTags)> stop_tags = [] {
    std::array<uint64_t, std::size(kStopTags)> out{};
    for (size_t k = 0; k < out.size(); ++k) out[k] = hash_tag(kStopTags[k]);
    return out;
  }();
  return std::find(stop_tags.begin(), stop_tags.end(), tag) != stop_tags.end();
}

constexpr std::string_view kProperWordTags[] = {"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"};
bool is_proper_tag(uint64_t tag) {
  static const std::array<uint64_t, std::size(kProperWordTags)> proper_tags = [] {
    std::array<uint64_t, std::size(kProperWordTags)> out{};
    for (size_t k = 0; k < out.size(); ++k) out[k] = hash_tag(kProperWordTags[k]);
    return out;
  }();
  return std::find(proper_tags.begin(), proper_tags.end(), tag) != proper_tags.end();
}
TagFacts facts_of(std::string_view tag) {
  const uint64_t hash = hash_tag(tag);
  return {hash, is_stop_tag(hash), is_proper_tag(hash)};
}

// How sure a mention only the model finds must be to be reported. Adding a
// mention that is right with chance p raises the expected F1 when p exceeds
// half of the F1 (about 0.7 on held-out regions): 0.35.
constexpr float kMinModelScore = 0.35f;

}  // namespace

void EntityExtractorImpl::index_tag_facts() {
  const ZplView& base = lexicon_.data().base;
  base_tag_facts_.resize(base.tag_count());
  for (size_t id = 0; id < base_tag_facts_.size(); ++id) base_tag_facts_[id] = facts_of(base.tag(static_cast<uint16_t>(id)));
}

void EntityExtractorImpl::model_inputs(const CharText& t, Workspace& ws, const FeatureTables& tables) const {
  ModelWorkspace& m = ws.model;
  const auto n = static_cast<uint32_t>(t.cps.size());
  const auto& base_trie = lexicon_.data().base.trie();
  m.tokens.clear();
  m.token_of.resize(n + 1);
  m.rule_code.assign(n + 1, 0);
  m.term_code.assign(n + 1, 0);
  for (uint32_t i = 0; i < n;) {
    // Caller-given tokens may leave chars outside any token: one char each.
    const uint32_t end_of = t.token_end_of[i];
    const uint32_t e = end_of == CharText::kNoToken || end_of <= i ? i + 1 : std::min(end_of, n);
    // A token the segmenter found in the base lexicon: its tag's facts by
    // the tag's id (word_info would look the same entry up and hand back
    // the tag's text to hash); any other asks word_info.
    TagFacts facts;
    const TokenWord word = t.token_end_of[i] == e ? t.token_word[i] : TokenWord{};
    const format::WordEntry* entry = word.known() ? base_trie.word(word.node) : nullptr;
    if (entry && entry->tag < base_tag_facts_.size()) {
      facts = base_tag_facts_[entry->tag];
    } else if (const auto w = word_info(t, i, e)) {
      facts = facts_of(w->tag);
    }
    m.tokens.push_back({i, e, facts.hash, facts.stop, facts.proper});
    for (uint32_t k = i; k < e; ++k) m.token_of[k] = static_cast<uint32_t>(m.tokens.size() - 1);
    i = e;
  }
  for (const Candidate& c : ws.chosen) {
    for (uint32_t i = c.begin; i < c.end && i < n; ++i) m.rule_code[i] = mention_code(c, i);
  }
  // The longest typed term over each char (the terms list is short).
  std::vector<int32_t>& term_len = m.sums;  // scratch until the scores
  term_len.assign(n + 1, 0);
  for (const Candidate& c : ws.terms) {
    for (uint32_t i = c.begin; i < c.end && i < n; ++i) {
      if (c.end - c.begin > static_cast<uint32_t>(term_len[i])) {
        term_len[i] = static_cast<int32_t>(c.end - c.begin);
        Candidate typed = c;
        typed.source = EntitySource::kLexicon;
        m.term_code[i] = mention_code(typed, i);
      }
    }
  }

  // Windows: tokens that may hold or end a name, with the token before and
  // after; the model labels only there (the rest is ordinary prose).
  const auto tokens = static_cast<uint32_t>(m.tokens.size());
  std::vector<uint8_t>& seed = m.labels;  // scratch until decoding
  seed.assign(tokens, 0);
  for (uint32_t k = 0; k < tokens; ++k) {
    const TokenFacts& tok = m.tokens[k];
    bool s = false;
    bool han = false;
    for (uint32_t i = tok.begin; i < tok.end; ++i) {
      s = s || modeled_code(m.rule_code[i]) || modeled_code(m.term_code[i]);
      han = han || t.han(i);
    }
    if (!han) {
      seed[k] = s;
      continue;
    }
    const uint32_t len = tok.end - tok.begin;
    // An unknown coinage (names the HMM joined), a proper noun of the
    // lexicon, a head character alone or ending a name-like token, or a
    // surname before single characters.
    const bool proper = tok.proper;
    const bool unknown = tok.tag == 0;
    s = s || unknown || proper;
    if (!s && tables.head(t.cps[tok.end - 1])) s = len == 1;
    if (!s && len == 1 && (t.has(tok.begin, kSurname) || t.has(tok.begin, kCompoundFirst)) && k + 1 < tokens) {
      const TokenFacts& next = m.tokens[k + 1];
      s = next.end - next.begin == 1 && t.han(next.begin);
    }
    seed[k] = s;
  }
  // A neighbour joins the window unless it is a function word, verb,
  // numeral ... (kStopTags): names do not run across those.
  auto joins = [&](uint32_t k) {
    const TokenFacts& tok = m.tokens[k];
    return t.han(tok.begin) && !tok.stop;
  };
  m.windows.clear();
  for (uint32_t k = 0; k < tokens; ++k) {
    if (!seed[k]) continue;
    const uint32_t first = k > 0 && joins(k - 1) ? k - 1 : k;
    const uint32_t last = k + 1 < tokens && joins(k + 1) ? k + 1 : k;
    const uint32_t b = m.tokens[first].begin, e = m.tokens[last].end;
    if (!m.windows.empty() && b <= m.windows.back().second) {
      m.windows.back().second = std::max(m.windows.back().second, e);
    } else {
      m.windows.emplace_back(b, e);
    }
  }
}

bool EntityExtractorImpl::closed_at(const CharText& t, const ModelWorkspace& m, uint32_t i) const {
  const char32_t c = t.cps[i];
  if (outside_any_mention(c)) return true;
  // The unit of a number or date (年 of 2023年, % of 5%) starts no name.
  const char32_t first = t.cps[m.tokens[m.token_of[i]].begin];
  return first >= U'0' && first <= U'9' && !(c >= U'0' && c <= U'9');
}

void EntityExtractorImpl::char_features(const CharText& t, const ModelWorkspace& m, const FeatureTables& tables,
                                        uint32_t i, std::vector<uint64_t>& keys) const {
  const auto n = static_cast<int64_t>(t.cps.size());
  auto c = [&](int64_t k) -> uint64_t { return k < 0 ? 1 : k >= n ? 2 : 16 + t.cps[static_cast<size_t>(k)]; };
  const TokenFacts& tok = m.tokens[m.token_of[i]];
  const uint32_t part = part_in(i, tok.begin, tok.end);
  const char32_t ch = t.cps[i];
  keys.push_back(feature_key(kBias, 0));
  for (int d = -1; d <= 1; ++d) keys.push_back(feature_key(kChar, c(int64_t(i) + d), uint64_t(d + 2)));
  keys.push_back(feature_key(kWordTag, tok.tag, part));
  keys.push_back(feature_key(kRule, m.rule_code[i]));
  const uint32_t surname = t.has(i, kCompoundFirst) ? 2 : t.has(i, kSurname) ? 1 : 0;
  if (surname) keys.push_back(feature_key(kSurnameEvidence, surname, part));
  if (ch < model_format::kCharTableSize) {
    for (uint32_t tag = 0; tag < model_format::kPossegTags; ++tag) {
      const uint8_t code = tables.posseg[ch * model_format::kPossegTags + tag];
      if (code) keys.push_back(feature_key(kPosseg, tag, code));
    }
  }
  if (tables.head(ch)) keys.push_back(feature_key(kHead, part));
}

void EntityExtractorImpl::apply_model(const CharText& t, Workspace& ws) const {
  const EntityModel& model = *model_;
  const FeatureTables tables = model.tables();
  model_inputs(t, ws, tables);
  ModelWorkspace& m = ws.model;
  const uint32_t L = model.labels();
  constexpr uint32_t W = model_format::kRowStride;
  // Per label: the weight scale, or 0 and kClosed past the model's labels.
  alignas(64) float scale[W], pad[W];
  for (uint32_t y = 0; y < W; ++y) {
    scale[y] = y < L ? model.weight_scale() : 0.0f;
    pad[y] = y < L ? 0.0f : kClosed;
  }

  // Every mention of the rules stays, scored by the precision its type's
  // rules had on the training data (the model's score where it agrees).
  std::vector<Candidate>& out = ws.cands;
  out.clear();
  for (const Candidate& c : ws.chosen) {
    Candidate kept = c;
    kept.score = model.rule_precision(c.type);
    out.push_back(kept);
  }
  // out[0, fixed) are the rules' mentions: disjoint and in order, so their
  // ends are in order too and a span's neighbours are found by binary search
  // (a whole document has many thousands). A replaced one is marked dead
  // (type kNone) and dropped at the end.
  const size_t fixed = out.size();
  auto first_ending_after = [&](uint32_t b) {
    return static_cast<size_t>(std::partition_point(out.begin(), out.begin() + fixed,
                                                    [&](const Candidate& r) { return r.end <= b; }) -
                               out.begin());
  };
  auto overlaps_fixed = [&](uint32_t b, uint32_t e) {
    const size_t k = first_ending_after(b);
    return k < fixed && out[k].begin < e;
  };
  // The rules' mention of exactly this span and type, or nullptr.
  auto same_as_rules = [&](uint32_t b, uint32_t e, EntityType type) -> Candidate* {
    const size_t k = first_ending_after(b);
    return k < fixed && out[k].begin == b && out[k].end == e && out[k].type == type ? &out[k] : nullptr;
  };
  // A model mention that overlaps rule mentions replaces them only when it
  // extends exactly one of them, of a type it labels, to a longer name
  // to the right (重庆 -> 重庆印象城, 重庆 -> 重庆长航): it never cuts what the rules or
  // the lexicon found, nor merges two names (浙江省杭州市 stays two places).
  auto extends_one = [&](const Candidate& c) {
    const size_t k = first_ending_after(c.begin);
    if (k >= fixed || out[k].begin >= c.end) return false;
    Candidate& r = out[k];
    const bool longer = c.begin <= r.begin && r.end <= c.end && c.end - c.begin > r.end - r.begin;
    // To the left, not over a verb, function word or unknown coinage: the
    // rules chose where a name starts (投用 朝天门物流处理中心).
    // Nor by "former" or "current" (原 国家计委, 前 …, 现 …; 总 书记 is a title).
    if (c.begin < r.begin) {
      const TokenFacts& first = m.tokens[m.token_of[c.begin]];
      const bool tense = r.begin - c.begin == 1 && std::u32string_view(U"原前现").find(t.cps[c.begin]) != std::u32string_view::npos;
      if (first.tag == 0 || first.stop || tense) return false;
    }
    const bool alone = k + 1 >= fixed || out[k + 1].begin >= c.end;
    if (!longer || !alone || r.type == EntityType::kNone || model.type_index(r.type) < 0) return false;
    if (r.whole && c.end > r.end) return false;
    // A person's name grows into another kind of name only by a word, not
    // by a character (王志宏 + 都; but 吴淞江 + 科创带).
    if (r.type == EntityType::kPerson && c.type != EntityType::kPerson && c.end - c.begin < r.end - r.begin + 2) {
      return false;
    }
    // Nor by a word of where (扎西 + 家里, 村里, 心中: jieba's s).
    if (r.type == EntityType::kPerson && c.type != EntityType::kPerson) {
      static const uint64_t where_tag = hash_tag("s");
      for (uint32_t k = m.token_of[r.end < c.end ? r.end : c.end - 1]; k < m.tokens.size() && m.tokens[k].begin < c.end; ++k) {
        if (m.tokens[k].begin >= r.end && m.tokens[k].tag == where_tag) return false;
      }
    }
    // Nor over the verb the rules found it before (斯塔默 + 说).
    if (r.type == EntityType::kPerson && r.end < c.end && t.has(r.end, kVerbFirst) &&
        std::any_of(kSubjectVerbs.begin(), kSubjectVerbs.end(), [&](std::u32string_view v) { return t.matches(r.end, v); })) {
      return false;
    }
    // Nor a place by the 电 of a news dateline (新华社 华盛顿 电, 本报 巴黎 电).
    if (r.type == EntityType::kPlace && c.end == r.end + 1 && t.cps[r.end] == U'电') return false;
    // To the right, it ends in a word the lexicon does not hold, a proper
    // noun or a head character (重庆印象城), not in a common word (渝中 公共);
    // and a name the rules found with the head word of a place or line is
    // whole: no common word goes on from it, whatever its last character
    // (密云水库 水源, 京九铁路 全线; but 泉州 湾).
    if (c.end > r.end) {
      const TokenFacts& last = m.tokens[m.token_of[c.end - 1]];
      const bool common = last.tag != 0 && !last.proper;
      if (common && !tables.head(t.cps[c.end - 1])) return false;
      // (A name before the head word: its first character is left out.)
      const std::u32string_view named(t.cps.data() + r.begin + 1, r.end - r.begin - 1);
      if (common && (ends_with_any(named, kPlaceSuffixes) || ends_with_any(named, kLineKinds))) return false;
    }
    r.type = EntityType::kNone;
    return true;
  };

  auto first_token_end = [&](uint32_t b) { return m.tokens[m.token_of[b]].end; };
  static const uint64_t ns_tag = hash_tag("ns");
  // A window the rules have fully explained is not labelled: its every
  // token lies inside a rule mention of a modeled type, or is a word of the
  // lexicon that is no proper noun and ends in no head character (so no
  // model mention could add to, extend or retype what the rules found).
  auto explained = [&](uint32_t wb, uint32_t we) {
    for (uint32_t k = m.token_of[wb]; k < m.tokens.size() && m.tokens[k].begin < we; ++k) {
      const TokenFacts& tok = m.tokens[k];
      bool covered = true;
      for (uint32_t i = tok.begin; i < tok.end && covered; ++i) covered = modeled_code(m.rule_code[i]);
      if (covered) {
        const size_t at = first_ending_after(tok.begin);
        if (at < fixed && out[at].model_may_retype) return false;
        continue;
      }
      if (tok.tag == 0 || tok.proper || tables.head(t.cps[tok.end - 1])) return false;
    }
    return true;
  };
  for (const auto& [wb, we] : m.windows) {
    if (explained(wb, we)) continue;
    const uint32_t len = we - wb;
    m.sums.assign(size_t(len) * W, 0);
    // All keys of the window first, their slots fetched, then the sums.
    m.keys.clear();
    m.key_begin.clear();
    for (uint32_t i = wb; i < we; ++i) {
      m.key_begin.push_back(static_cast<uint32_t>(m.keys.size()));
      char_features(t, m, tables, i, m.keys);
    }
    m.key_begin.push_back(static_cast<uint32_t>(m.keys.size()));
    for (uint64_t key : m.keys) model.prefetch(key);
    model.sum_rows(m.keys.data(), m.key_begin.data(), len, m.sums.data());
    m.emissions.resize(m.sums.size());
    for (uint32_t i = 0; i < len; ++i) {
      const int32_t* sum = &m.sums[size_t(i) * W];
      float* e = &m.emissions[size_t(i) * W];
      for (uint32_t y = 0; y < W; ++y) e[y] = static_cast<float>(sum[y]) * scale[y] + pad[y];
      if (closed_at(t, m, wb + i)) close_labels(e, L);
    }
    const ChainScores scores{m.emissions.data(), len, L, W, &model.transitions()};
    viterbi(scores, m.labels, m.chain);
    bool any = false;
    for (uint8_t y : m.labels) any = any || y != model_format::kOutside;
    if (!any) continue;
    const std::vector<uint8_t>& labels = m.labels;
    for (uint32_t k = 0; k < len;) {
      const uint8_t y = labels[k];
      if (y == model_format::kOutside) {
        ++k;
        continue;
      }
      const uint32_t e = model_format::mention_end(labels.data(), len, k);
      const uint32_t b = wb + k, end = wb + e;
      const EntityType type = model.type(model_format::type_of(y));
      const float margin = emission_margin(scores, k, e, &labels[k]);
      const size_t at = first_ending_after(b);
      Candidate* same_span = at < fixed && out[at].begin == b && out[at].end == end ? &out[at] : nullptr;
      if (same_span && same_span->type == type) {
        same_span->score = model.score(margin, /*alone=*/false);
      } else if (same_span && same_span->model_may_retype && model.score(margin, true) >= kMinModelScore) {
        same_span->type = type;
        same_span->score = model.score(margin, /*alone=*/true);
        same_span->source = EntitySource::kModel;
      } else {
        // Only the model finds it: reported when sure enough (kMinModelScore).
        Candidate c{b, end, type, kRulePriority};
        c.score = model.score(margin, /*alone=*/true);
        c.source = EntitySource::kModel;
        // A place (the rules' or a place word of the lexicon) followed by one
        // more place-like word is two places side by side (嘉陵江 井口, 安康 汉江), not one name: only
        // the second is the model's.
        if (type == EntityType::kPlace && first_token_end(b) < end &&
            (same_as_rules(b, first_token_end(b), EntityType::kPlace) || m.tokens[m.token_of[b]].tag == ns_tag)) {
          const TokenFacts& second = m.tokens[m.token_of[first_token_end(b)]];
          // (With its level as a word of its own: 越南 北宁 省.)
          const bool level_after = second.end + 1 == end && t.token_start(second.end) &&
                                   std::u32string_view(U"省州府市县").find(t.cps[second.end]) != std::u32string_view::npos;
          if ((second.end == end || level_after) && second.end - second.begin >= 2 &&
              (level_after || !tables.head(t.cps[end - 1])) && (second.tag == 0 || second.tag == ns_tag)) {
            c.begin = second.begin;
          }
        }
        // A division the rules found, then a name inside it, is two places
        // (化隆县 谢家滩乡, 朝阳区 望京街道): the division is not part of the name.
        // A division the lexicon tags as a place but the rules did not
        // find (徐汇区 龙华街道) is split off as a place of its own.
        if (type == EntityType::kPlace && c.begin == b) {
          const size_t k = first_ending_after(b);
          auto division_end = [&](uint32_t x) {
            return x + 2 <= end && t.token_start(x) &&
                   std::u32string_view(U"省市区县州盟旗").find(t.cps[x - 1]) != std::u32string_view::npos;
          };
          const TokenFacts& head = m.tokens[m.token_of[b]];
          if (k < fixed && out[k].begin == b && out[k].type == EntityType::kPlace && division_end(out[k].end)) {
            // Divisions in a row (上海市 徐汇区 龙华街道): past each of them.
            size_t next = k;
            while (next < fixed && out[next].begin == c.begin && out[next].type == EntityType::kPlace &&
                   division_end(out[next].end)) {
              c.begin = out[next++].end;
            }
          } else if ((k >= fixed || out[k].begin >= end) && head.begin == b && head.end - b >= 2 &&
                     head.tag == ns_tag && division_end(head.end) && c.score >= kMinModelScore) {
            Candidate division = c;
            division.end = head.end;
            out.push_back(division);
            c.begin = head.end;
          }
        }
        // A name does not open with a whole verb or function word (投用 朝天门…).
        const uint32_t cb = c.begin;
        const TokenFacts& first = m.tokens[m.token_of[cb]];
        const bool opens_with_stop = first.begin == cb && first.end < end && first.stop;
        // Nor does it start or end inside a word of the lexicon (丽中国… of
        // 美丽中国, 虹桥国 of 虹桥国际): the segmenter knows those words whole;
        // nor end inside a pair the segmenter joined (广东长 of 广东 长隆:
        // a cut leaving one character of it).
        const TokenFacts& last = m.tokens[m.token_of[end - 1]];
        const bool cuts_word = (first.begin < cb && first.tag != 0) ||
                               (last.end > end && (last.tag != 0 || last.end - last.begin == 2));
        // One character is no name of the model's: a lone 原 is no post, and
        // 苏 of 苏翊鸣 no province (short forms of places are the rules':
        // 援藏, 驻渝; held-out figures unchanged without the model's).
        const bool lone_char = end - cb == 1;
        // Doctrines are no names of the model's types (马克思列宁主义 and
        // 毛泽东思想 are words jieba tags ns and nz).
        const bool doctrine = end - cb >= 2 && (t.matches(end - 2, U"主义") || t.matches(end - 2, U"思想") ||
                                                t.matches(end - 2, U"理论"));
        // A township-level division is named with its level (望京 街道,
        // 谢家滩 乡): a place only the model finds takes the level written
        // after it as a word of its own.
        uint32_t name_end = end;
        if (type == EntityType::kPlace && end < t.cps.size() && t.token_start(end)) {
          const TokenFacts& next = m.tokens[m.token_of[end]];
          const std::u32string_view level(t.cps.data() + next.begin, next.end - next.begin);
          if (level == U"街道" || level == U"镇" || level == U"乡") name_end = next.end;
        }
        if (c.score >= kMinModelScore && !opens_with_stop && !cuts_word && !lone_char && !doctrine &&
            (!overlaps_fixed(cb, name_end) || extends_one(c))) {
          c.end = name_end;
          out.push_back(c);
        }
      }
      k = e;
    }
  }
  out.erase(std::remove_if(out.begin(), out.end(), [](const Candidate& c) { return c.type == EntityType::kNone; }),
            out.end());
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  ws.chosen.swap(out);
}

}  // namespace internal
}  // namespace zhpolicy
