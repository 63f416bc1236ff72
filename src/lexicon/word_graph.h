// src/lexicon/word_graph.h — the graph of lexicon words over a run of
// characters, and its maximum-probability path (jieba's get_DAG and calc).
#ifndef ZHPOLICY_SRC_LEXICON_WORD_GRAPH_H_
#define ZHPOLICY_SRC_LEXICON_WORD_GRAPH_H_

#include <cstdint>
#include <vector>

#include "lexicon/lexicon_data.h"
#include "zhpolicy/entity_type.h"

namespace zhpolicy {
namespace internal {

struct WordEdge {
  uint32_t end;    // exclusive, in characters of the run
  float log_prob;  // of the word [start, end)
};

// Word edges for every start position of cps[0, n), reusing the vectors'
// memory. Edges of start k are edges[edge_begin[k], edge_begin[k + 1]), sorted
// by end. Words of the user layer replace base words with the same span. A
// start with no word gets one single-character edge scored as frequency 1.
// A term with an entity type met while building a word graph (entity
// extraction takes these instead of looking every character up again).
struct TypedTermHit {
  uint32_t begin, end;  // in characters of the text the run lies in
  EntityType type;
};

// Where one token's word is in the base lexicon's trie, when the segmenter
// already knows it (entity extraction then skips a trie walk per token):
// base.trie().word(node) is what LexiconData::find_word would return. Not
// known(): ask the lexicon.
struct TokenWord {
  static constexpr uint32_t kUnknown = 0xFFFFFFFFu;
  uint32_t node = kUnknown;
  bool known() const { return node != kUnknown; }
};

// The words of cps[0, n) at every start, as edges. With `typed_terms`, also
// appends the typed terms met on the way, by start, the user layer's before
// the base lexicon's at one start; `first` is cps[0]'s index in the text.
// With `typed_terms` and `edge_words`, also what find_word says of each
// edge's word (parallel to `edges`; not known with a user layer, whose
// entries find_word prefers, nor for the single-character fallback edges).
void build_word_graph(const LexiconData& lexicon, const char32_t* cps, uint32_t n,
                      std::vector<uint32_t>& edge_begin, std::vector<WordEdge>& edges,
                      std::vector<TypedTermHit>* typed_terms = nullptr, uint32_t first = 0,
                      std::vector<TokenWord>* edge_words = nullptr);

// The best path: next[k] is the end of the word chosen at k, score[k] the log
// probability of the best segmentation of [k, n). Ties prefer the longer word,
// as jieba does.
void best_path(uint32_t n, const std::vector<uint32_t>& edge_begin,
               const std::vector<WordEdge>& edges, std::vector<double>& score,
               std::vector<uint32_t>& next);

// The log probability of the best segmentation of `cps` alone.
double best_path_log_prob(const LexiconData& lexicon, const std::vector<char32_t>& cps);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_LEXICON_WORD_GRAPH_H_
