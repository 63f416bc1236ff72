#include "lexicon/word_graph.h"

#include <algorithm>

namespace zhpolicy {
namespace internal {
namespace {

// Appends the words of `trie` starting at cps[k] to `out` as (end, log_prob).
template <typename Out>
void walk(const TrieView& trie, const char32_t* cps, uint32_t k, uint32_t n, Out&& out) {
  TrieStep step;
  if (!trie.first(cps[k], step)) return;
  for (uint32_t i = k;;) {
    if (step.has_word()) out(i + 1, step.log_prob);
    if (++i == n || !step.has_children() || !trie.next(step, cps[i], step)) break;
  }
}

}  // namespace

void build_word_graph(const LexiconData& lexicon, const char32_t* cps, uint32_t n,
                      std::vector<uint32_t>& edge_begin, std::vector<WordEdge>& edges) {
  edge_begin.resize(n + 1);
  edges.clear();
  const float single = static_cast<float>(-lexicon.base.log_total());
  constexpr uint32_t kPrefetchDistance = 4;
  const TrieView& base = lexicon.base.trie();
  for (uint32_t k = 0; k + 1 < n && k < kPrefetchDistance; ++k) base.prefetch_pair(cps[k], cps[k + 1]);
  for (uint32_t k = 0; k < n; ++k) {
    if (k + kPrefetchDistance + 1 < n) {
      base.prefetch_pair(cps[k + kPrefetchDistance], cps[k + kPrefetchDistance + 1]);
    }
    const uint32_t first = static_cast<uint32_t>(edges.size());
    edge_begin[k] = first;
    walk(lexicon.base.trie(), cps, k, n,
         [&](uint32_t end, float lp) { edges.push_back({end, lp}); });
    if (lexicon.overlay) {
      walk(lexicon.overlay->trie(), cps, k, n, [&](uint32_t end, float lp) {
        auto it = std::lower_bound(edges.begin() + first, edges.end(), end,
                                   [](const WordEdge& e, uint32_t x) { return e.end < x; });
        if (it != edges.end() && it->end == end) {
          it->log_prob = lp;
        } else {
          edges.insert(it, {end, lp});
        }
      });
    }
    if (edges.size() == first) edges.push_back({k + 1, single});
  }
  edge_begin[n] = static_cast<uint32_t>(edges.size());
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
