// src/entities/model/chain.h — decoding a linear chain of BIES labels:
// Viterbi for the best labels, and the margin a span's labels win by.
// Shared by the runtime labeler and the trainer.
#ifndef ZHPOLICY_SRC_ENTITIES_MODEL_CHAIN_H_
#define ZHPOLICY_SRC_ENTITIES_MODEL_CHAIN_H_

#include <cstdint>
#include <vector>

namespace zhpolicy {
namespace internal {

// Scores of one window: emissions[i * labels + y] for char i and label y;
// transitions[from * labels + to], and transitions[labels * labels + to] for
// the first char. Transitions that model_format::may_follow forbids are
// never taken, whatever their weight.
struct ChainScores {
  const float* emissions;
  uint32_t length;
  uint32_t labels;
  const float* transitions;
};

struct ChainScratch {
  std::vector<float> best;
  std::vector<uint8_t> back;
};

// Makes every label but O impossible in one char's emission row.
inline void close_labels(float* row, uint32_t labels) {
  for (uint32_t y = 1; y < labels; ++y) row[y] = -1e30f;
}

// The best label sequence (a valid BIES sequence) into `out` (length entries).
void viterbi(const ChainScores& s, std::vector<uint8_t>& out, ChainScratch& scratch);

// The smallest lead, over chars [begin, end), of the emission score of
// `labels` (one per char) over the best other label: how clearly the
// chars' own evidence picks this reading.
float emission_margin(const ChainScores& s, uint32_t begin, uint32_t end, const uint8_t* labels);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_MODEL_CHAIN_H_
