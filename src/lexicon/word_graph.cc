#include "lexicon/word_graph.h"

#include <algorithm>

namespace zhpolicy {
namespace internal {
namespace {

// Calls word(end, log_prob, node) for each word of `trie` starting at cps[k],
// and (if kTyped) typed(end, node) for each typed term.
template <bool kTyped, typename Word, typename Typed>
void walk(const TrieView& trie, const char32_t* cps, uint32_t k, uint32_t n, Word&& word, Typed&& typed) {
  TrieStep step;
  if (!trie.first(cps[k], step)) return;
  for (uint32_t i = k;;) {
    if (step.has_word()) word(i + 1, step.log_prob, step.node);
    if constexpr (kTyped) {
      if (step.typed()) typed(i + 1, step.node);
    }
    if (++i == n || !step.has_children() || !trie.next(step, cps[i], step)) break;
  }
}

template <bool kTyped>
void build(const LexiconData& lexicon, const char32_t* cps, uint32_t n, std::vector<uint32_t>& edge_begin,
           std::vector<WordEdge>& edges, std::vector<TypedTermHit>* typed_terms, uint32_t first_index,
           std::vector<TokenWord>* edge_words) {
  edge_begin.resize(n + 1);
  edges.clear();
  // With a user layer, find_word may answer from either layer: not recorded.
  if (edge_words) edge_words->clear();
  std::vector<TokenWord>* const words = kTyped && !lexicon.overlay ? edge_words : nullptr;
  const float single = static_cast<float>(-lexicon.base.log_total());
  constexpr uint32_t kPrefetchDistance = 4;
  const TrieView& base = lexicon.base.trie();
  // The entity type of the term of `trie` at `node`, 0 if none of ours.
  auto type_at = [](const TrieView& trie, uint32_t node) -> uint8_t {
    const format::WordEntry* w = trie.word(node);
    return w && w->entity <= static_cast<uint8_t>(EntityType::kSlogan) ? w->entity : 0;
  };
  for (uint32_t k = 0; k + 1 < n && k < kPrefetchDistance; ++k) base.prefetch_pair(cps[k], cps[k + 1]);
  for (uint32_t k = 0; k < n; ++k) {
    if (k + kPrefetchDistance + 1 < n) {
      base.prefetch_pair(cps[k + kPrefetchDistance], cps[k + kPrefetchDistance + 1]);
    }
    const uint32_t first = static_cast<uint32_t>(edges.size());
    edge_begin[k] = first;
    const size_t typed_first = kTyped ? typed_terms->size() : 0;
    walk<kTyped>(
        base, cps, k, n,
        [&](uint32_t end, float lp, uint32_t node) {
          edges.push_back({end, lp});
          if constexpr (kTyped) {
            if (words) words->push_back({node});
          }
        },
        [&](uint32_t end, uint32_t node) {
          if (const uint8_t type = type_at(base, node)) {
            typed_terms->push_back({first_index + k, first_index + end, static_cast<EntityType>(type)});
          }
        });
    if (lexicon.overlay) {
      const TrieView& user = lexicon.overlay->trie();
      size_t user_typed = typed_first;  // the user layer's go first
      walk<kTyped>(
          user, cps, k, n,
          [&](uint32_t end, float lp, uint32_t) {
            auto it = std::lower_bound(edges.begin() + first, edges.end(), end,
                                       [](const WordEdge& e, uint32_t x) { return e.end < x; });
            if (it != edges.end() && it->end == end) {
              it->log_prob = lp;
            } else {
              edges.insert(it, {end, lp});
            }
          },
          [&](uint32_t end, uint32_t node) {
            if (const uint8_t type = type_at(user, node)) {
              typed_terms->insert(typed_terms->begin() + static_cast<std::ptrdiff_t>(user_typed++),
                                  {first_index + k, first_index + end, static_cast<EntityType>(type)});
            }
          });
    }
    if (edges.size() == first) {
      edges.push_back({k + 1, single});
      if constexpr (kTyped) {
        if (words) words->push_back({});  // an entity-only entry may still be there
      }
    }
  }
  edge_begin[n] = static_cast<uint32_t>(edges.size());
}

}  // namespace

void build_word_graph(const LexiconData& lexicon, const char32_t* cps, uint32_t n,
                      std::vector<uint32_t>& edge_begin, std::vector<WordEdge>& edges,
                      std::vector<TypedTermHit>* typed_terms, uint32_t first,
                      std::vector<TokenWord>* edge_words) {
  // Two instantiations: segmentation alone pays nothing for the typed terms.
  if (typed_terms) {
    build<true>(lexicon, cps, n, edge_begin, edges, typed_terms, first, edge_words);
  } else {
    if (edge_words) edge_words->clear();
    build<false>(lexicon, cps, n, edge_begin, edges, nullptr, first, nullptr);
  }
}

void best_path(uint32_t n, const std::vector<uint32_t>& edge_begin,
               const std::vector<WordEdge>& edges, std::vector<double>& score,
               std::vector<uint32_t>& next) {
  score.resize(n + 1);
  next.resize(n + 1);
  score[n] = 0;
  next[n] = n;
  for (uint32_t k = n; k-- > 0;) {
    double best = -1e300;
    uint32_t best_end = k + 1;
    for (uint32_t e = edge_begin[k]; e < edge_begin[k + 1]; ++e) {
      const double s = edges[e].log_prob + score[edges[e].end];
      if (s >= best) {  // edges ascend by end, so >= keeps the longest on ties
        best = s;
        best_end = edges[e].end;
      }
    }
    score[k] = best;
    next[k] = best_end;
  }
}

double best_path_log_prob(const LexiconData& lexicon, const std::vector<char32_t>& cps) {
  std::vector<uint32_t> edge_begin, next;
  std::vector<WordEdge> edges;
  std::vector<double> score;
  const auto n = static_cast<uint32_t>(cps.size());
  build_word_graph(lexicon, cps.data(), n, edge_begin, edges);
  best_path(n, edge_begin, edges, score, next);
  return score[0];
}

}  // namespace internal
}  // namespace zhpolicy
