#include "entities/model/chain.h"

#include <algorithm>
#include <limits>

#include "entities/model/model_format.h"

namespace zhpolicy {
namespace internal {
namespace {

using model_format::may_end;
using model_format::may_follow;
using model_format::may_start;

constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// For each label, its allowed predecessors, computed once per label count.
struct Predecessors {
  uint32_t labels = 0;
  std::vector<uint32_t> begin;  // per label, into from; plus an end
  std::vector<uint8_t> from;
};

const Predecessors& predecessors(uint32_t labels) {
  thread_local Predecessors p;
  if (p.labels != labels) {
    p.labels = labels;
    p.begin.clear();
    p.from.clear();
    for (uint32_t to = 0; to < labels; ++to) {
      p.begin.push_back(static_cast<uint32_t>(p.from.size()));
      for (uint32_t from = 0; from < labels; ++from) {
        if (may_follow(from, to)) p.from.push_back(static_cast<uint8_t>(from));
      }
    }
    p.begin.push_back(static_cast<uint32_t>(p.from.size()));
  }
  return p;
}

}  // namespace

void viterbi(const ChainScores& s, std::vector<uint8_t>& out, ChainScratch& scratch) {
  const uint32_t n = s.length, L = s.labels;
  out.assign(n, 0);
  if (n == 0) return;
  std::vector<float>& best = scratch.best;
  best.assign(size_t(n) * L, kNegInf);
  scratch.back.assign(size_t(n) * L, 0);
  const float* start = s.transitions + size_t(L) * L;
  for (uint32_t y = 0; y < L; ++y) {
    if (may_start(y)) best[y] = start[y] + s.emissions[y];
  }
  const Predecessors& pred = predecessors(L);
  for (uint32_t i = 1; i < n; ++i) {
    const float* prev = &best[size_t(i - 1) * L];
    float* cur = &best[size_t(i) * L];
    uint8_t* back = &scratch.back[size_t(i) * L];
    const float* e = s.emissions + size_t(i) * L;
    for (uint32_t to = 0; to < L; ++to) {
      // Branch-free: the winner is data-dependent and mispredicts often.
      float top = kNegInf;
      uint8_t arg = 0;
      for (uint32_t k = pred.begin[to]; k < pred.begin[to + 1]; ++k) {
        const uint8_t from = pred.from[k];
        const float v = prev[from] + s.transitions[from * L + to];
        const bool better = v > top;
        top = better ? v : top;
        arg = better ? from : arg;
      }
      cur[to] = top + e[to];
      back[to] = arg;
    }
  }
  const float* last = &best[size_t(n - 1) * L];
  uint32_t y = 0;
  float top = kNegInf;
  for (uint32_t k = 0; k < L; ++k) {
    if (may_end(k) && last[k] > top) {
      top = last[k];
      y = k;
    }
  }
  for (uint32_t i = n; i-- > 0;) {
    out[i] = static_cast<uint8_t>(y);
    if (i > 0) y = scratch.back[size_t(i) * L + y];
  }
}

float emission_margin(const ChainScores& s, uint32_t begin, uint32_t end, const uint8_t* labels) {
  float margin = std::numeric_limits<float>::infinity();
  for (uint32_t i = begin; i < end; ++i) {
    const float* e = s.emissions + size_t(i) * s.labels;
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
