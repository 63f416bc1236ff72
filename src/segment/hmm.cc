#include "segment/hmm.h"

#include <array>

namespace zhpolicy {
namespace internal {
namespace {

using format::kB;
using format::kE;
using format::kM;
using format::kS;

// jieba's MIN_FLOAT: the log probability of the impossible.
constexpr double kImpossible = -3.14e100;

// Allowed predecessors of each state: B after E/S, M after M/B, E after B/M,
// S after S/E.
constexpr std::array<std::array<int, 2>, 4> kPrev = {{{kE, kS}, {kM, kB}, {kB, kM}, {kS, kE}}};

}  // namespace

void hmm_cut(const HmmView& hmm, const char32_t* cps, uint32_t n, std::vector<uint32_t>& word_ends,
             HmmScratch& scratch) {
  if (n == 0) return;
  if (hmm.empty()) {  // a lexicon without HMM tables: unknown runs stay single characters
    for (uint32_t i = 1; i <= n; ++i) word_ends.push_back(i);
    return;
  }
  // Tables store "impossible" as -3e38 (a float); widen it back to jieba's value.
  auto widen = [](float x) { return x <= -1e38f ? kImpossible : double(x); };
  auto emit = [&](uint32_t t, int state) -> double {
    const float* row = hmm.emit(cps[t]);
    return row ? widen(row[state]) : kImpossible;
  };
  // Every entry read below is written first: resizing is enough.
  if (scratch.score.size() < n) {
    scratch.score.resize(n);
    scratch.back.resize(n);
    scratch.states.resize(n);
  }
  std::array<double, 4>* const v = scratch.score.data();
  std::array<uint8_t, 4>* const back = scratch.back.data();
  for (int s = 0; s < 4; ++s) v[0][s] = widen(hmm.start()[s]) + emit(0, s);
  for (uint32_t t = 1; t < n; ++t) {
    for (int s = 0; s < 4; ++s) {
      const double em = emit(t, s);
      double best = 0;
      int best_prev = -1;
      for (int prev : kPrev[s]) {
        const double p = v[t - 1][prev] + widen(hmm.trans()[prev * 4 + s]) + em;
        // jieba takes the max of (prob, state) tuples: ties go to the later state letter.
        if (best_prev < 0 || p > best || (p == best && prev > best_prev)) {
          best = p;
          best_prev = prev;
        }
      }
      v[t][s] = best;
      back[t][s] = static_cast<uint8_t>(best_prev);
    }
  }
  int state = (v[n - 1][kS] >= v[n - 1][kE]) ? kS : kE;
  uint8_t* const states = scratch.states.data();
  for (uint32_t t = n; t-- > 0;) {
    states[t] = static_cast<uint8_t>(state);
    if (t > 0) state = back[t][state];
  }
  for (uint32_t t = 0; t < n; ++t) {
    if (states[t] == kE || states[t] == kS || t + 1 == n) word_ends.push_back(t + 1);
  }
}

}  // namespace internal
}  // namespace zhpolicy
