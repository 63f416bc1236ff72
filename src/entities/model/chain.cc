#include "entities/model/chain.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "entities/model/model_format.h"
#include "util/cpu.h"

namespace zhpolicy {
namespace internal {
namespace {

// Four labels as one value: GCC's and Clang's vector extension, compiled
// to the machine's 128-bit vector instructions (SSE on x86-64's baseline,
// NEON on arm64); a char's labels are kQuads of them.
typedef float Quad __attribute__((vector_size(16)));
constexpr uint32_t kQuads = kChainWidth / 4;

Quad quad(const float* p) {
  Quad v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

}  // namespace

ChainTransitions chain_transitions(const float* transitions, uint32_t labels) {
  ChainTransitions t;
  for (uint32_t from = 0; from <= kChainWidth; ++from) {
    for (uint32_t to = 0; to < kChainWidth; ++to) {
      const bool first = from == kChainWidth;
      const bool allowed = to < labels && (first ? model_format::may_start(to)
                                                 : from < labels && model_format::may_follow(from, to));
      t.from[from][to] = allowed ? transitions[size_t(first ? labels : from) * labels + to] : kClosed;
    }
  }
  return t;
}

namespace {

// The body of viterbi(), inlined into each build of it (chosen at run time:
// the library is built for the baseline x86-64; AVX2 where the CPU has it).
__attribute__((always_inline)) inline void viterbi_loop(const ChainScores& s, std::vector<uint8_t>& out,
                                                        ChainScratch& scratch) {
  const uint32_t n = s.length, L = std::min(s.labels, kChainWidth);
  const ChainTransitions& T = *s.transitions;
  // best[i][y]: the best score of chars [0, i] ending in y; into[i][y]: the
  // same before char i's emission (what the back pointer is recovered from).
  std::vector<float>& best = scratch.best;
  std::vector<float>& into = scratch.into;
  best.resize(size_t(n) * kChainWidth);
  into.resize(size_t(n) * kChainWidth);
  // One char's emissions, padded with kClosed.
  alignas(64) float e[kChainWidth];
  auto load = [&](uint32_t i) {
    const float* row = s.emissions + size_t(i) * s.stride;
    for (uint32_t y = 0; y < kChainWidth; ++y) e[y] = y < L ? row[y] : kClosed;
  };
  load(0);
  for (uint32_t y = 0; y < kChainWidth; ++y) best[y] = T.from[kChainWidth][y] + e[y];
  for (uint32_t i = 1; i < n; ++i) {
    const float* prev = &best[size_t(i - 1) * kChainWidth];
    // The maximum over predecessors for all labels at once, with no argmax:
    // fixed-width max loops compile to vector instructions; the back
    // pointers of the one best path are found afterwards.
    Quad top[kQuads];
    for (uint32_t q = 0; q < kQuads; ++q) top[q] = prev[0] + quad(T.from[0] + 4 * q);
    for (uint32_t from = 1; from < L; ++from) {
      const float p = prev[from];
      for (uint32_t q = 0; q < kQuads; ++q) {
        const Quad v = p + quad(T.from[from] + 4 * q);
        top[q] = top[q] < v ? v : top[q];
      }
    }
    load(i);
    float* cur = &best[size_t(i) * kChainWidth];
    float* in = &into[size_t(i) * kChainWidth];
    for (uint32_t q = 0; q < kQuads; ++q) {
      const Quad sum = top[q] + quad(e + 4 * q);
      std::memcpy(in + 4 * q, &top[q], sizeof(Quad));
      std::memcpy(cur + 4 * q, &sum, sizeof(Quad));
    }
  }
  const float* last = &best[size_t(n - 1) * kChainWidth];
  uint32_t y = 0;
  for (uint32_t k = 1; k < L; ++k) {
    if (last[k] > last[y]) y = k;
  }
  for (uint32_t i = n; i-- > 0;) {
    out[i] = static_cast<uint8_t>(y);
    if (i == 0) break;
    // The first predecessor reaching the maximum (the same sums as above,
    // so equality is exact; the first on ties, as a strict > scan keeps).
    const float* prev = &best[size_t(i - 1) * kChainWidth];
    const float target = into[size_t(i) * kChainWidth + y];
    uint32_t from = 0;
    while (from + 1 < L && prev[from] + T.from[from][y] != target) ++from;
    y = from;
  }
}

#if ZHPOLICY_AVX2_VARIANTS
ZHPOLICY_TARGET_AVX2 void viterbi_avx2(const ChainScores& s, std::vector<uint8_t>& out,
                                                  ChainScratch& scratch) {
  viterbi_loop(s, out, scratch);
}
#endif

}  // namespace

void viterbi(const ChainScores& s, std::vector<uint8_t>& out, ChainScratch& scratch) {
  out.assign(s.length, 0);
  if (s.length == 0) return;
#if ZHPOLICY_AVX2_VARIANTS
  if (cpu_has_avx2()) return viterbi_avx2(s, out, scratch);
#endif
  viterbi_loop(s, out, scratch);
}

void viterbi_baseline(const ChainScores& s, std::vector<uint8_t>& out, ChainScratch& scratch) {
  out.assign(s.length, 0);
  if (s.length > 0) viterbi_loop(s, out, scratch);
}

float emission_margin(const ChainScores& s, uint32_t begin, uint32_t end, const uint8_t* labels) {
  float margin = std::numeric_limits<float>::infinity();
  for (uint32_t i = begin; i < end; ++i) {
    const float* e = s.emissions + size_t(i) * s.stride;
    const uint8_t y = labels[i - begin];
    float other = -std::numeric_limits<float>::infinity();
    for (uint32_t k = 0; k < s.labels; ++k) {
      if (k != y) other = std::max(other, e[k]);
    }
    margin = std::min(margin, e[y] - other);
  }
  return begin < end ? margin : 0.0f;
}

}  // namespace internal
}  // namespace zhpolicy
