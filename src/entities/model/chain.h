// src/entities/model/chain.h — decoding a linear chain of BIO labels:
// Viterbi for the best labels, and the margin a span's labels win by.
// Shared by the runtime labeler and the trainer.
#ifndef ZHPOLICY_SRC_ENTITIES_MODEL_CHAIN_H_
#define ZHPOLICY_SRC_ENTITIES_MODEL_CHAIN_H_

#include <cstdint>
#include <vector>

namespace zhpolicy {
namespace internal {

// Labels are decoded kChainWidth at a time (fixed width: the compiler turns
// the loops over labels into vector instructions); a chain has at most this
// many labels.
inline constexpr uint32_t kChainWidth = 16;
// The score of an impossible label: far below any reachable score, yet
// finite so that sums of a few never overflow.
inline constexpr float kClosed = -1e30f;

// Transitions padded to kChainWidth: from[f][t] for label f followed by t,
// from[kChainWidth][t] for a first char; kClosed where model_format::may_follow
// forbids it and for labels past the chain's.
struct ChainTransitions {
  float from[kChainWidth + 1][kChainWidth];
};
// From transitions[from * labels + to] with row `labels` for the first char.
ChainTransitions chain_transitions(const float* transitions, uint32_t labels);

// Scores of one window: emissions[i * stride + y] for char i and label y < labels.
struct ChainScores {
  const float* emissions;
  uint32_t length;
  uint32_t labels;
  uint32_t stride;
  const ChainTransitions* transitions;
};

struct ChainScratch {
  std::vector<float> best, into;
};

// Makes every label but O impossible in one char's emission row.
inline void close_labels(float* row, uint32_t labels) {
  for (uint32_t y = 1; y < labels; ++y) row[y] = kClosed;
}

// The best label sequence (a valid BIO sequence) into `out` (length entries).
void viterbi(const ChainScores& s, std::vector<uint8_t>& out, ChainScratch& scratch);
// viterbi() as built for the baseline CPU, whatever this one has: the same
// labels (the tests compare the two).
void viterbi_baseline(const ChainScores& s, std::vector<uint8_t>& out, ChainScratch& scratch);

// The smallest lead, over chars [begin, end), of the emission score of
// `labels` (one per char) over the best other label: how clearly the
// chars' own evidence picks this reading.
float emission_margin(const ChainScores& s, uint32_t begin, uint32_t end, const uint8_t* labels);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_MODEL_CHAIN_H_
