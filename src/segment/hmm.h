// src/segment/hmm.h — the B/M/E/S hidden Markov model for unknown words.
#ifndef ZHPOLICY_SRC_SEGMENT_HMM_H_
#define ZHPOLICY_SRC_SEGMENT_HMM_H_

#include <array>
#include <cstdint>
#include <vector>

#include "lexicon/lexicon_data.h"

namespace zhpolicy {
namespace internal {

// The Viterbi tables, kept by the caller across calls (the segmenter runs
// the HMM on many short runs per text).
struct HmmScratch {
  std::vector<std::array<double, 4>> score;
  std::vector<std::array<uint8_t, 4>> back;
  std::vector<uint8_t> states;
};

// Viterbi decoding of cps[0, n) (jieba's finalseg). Appends the end of each
// word, in characters, to `word_ends`; the last one is n.
void hmm_cut(const HmmView& hmm, const char32_t* cps, uint32_t n, std::vector<uint32_t>& word_ends,
             HmmScratch& scratch);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_SEGMENT_HMM_H_
