#include "entities/model/person_name_trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <unordered_set>

#include "entities/person_names.h"
#include "segment/char_class.h"
#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

using namespace person_names;

struct Example {
  std::array<uint32_t, 5> features;  // index into the weights; kNoFeature past the word
  uint32_t bias;                     // index of its length's intercept
  bool name;
};
constexpr uint32_t kNoFeature = UINT32_MAX;
constexpr uint32_t kBiasTwo = kCharTableSize * kSlots, kBiasThree = kBiasTwo + 1;

}  // namespace

std::string train_person_names(const std::vector<std::pair<std::string, std::string>>& words_and_tags,
                               std::string_view surnames, PersonNameReport* report) {
  std::unordered_set<char32_t> surname_chars;
  for (const std::u32string& s : surname_list(surnames)) {
    if (s.size() == 1) surname_chars.insert(s[0]);
  }
  std::vector<Example> examples;
  PersonNameReport r;
  for (const auto& [word, tag] : words_and_tags) {
    std::u32string cps;
    size_t len;
    bool ok = true;
    for (size_t i = 0; i < word.size() && ok; i += len) {
      const char32_t c = utf8::decode(word, i, len);
      ok = is_han(c) && c < kCharTableSize;
      cps.push_back(c);
    }
    if (!ok || cps.size() < 2 || cps.size() > 3 || !surname_chars.count(cps[0])) continue;
    Example e{{kNoFeature, kNoFeature, kNoFeature, kNoFeature, kNoFeature}, kBiasTwo, tag == "nr" || tag == "nrfg"};
    e.features[0] = cps[0] * kSlots + kSurname;
    e.features[1] = cps[1] * kSlots + kGiven;
    if (cps.size() == 2) {
      e.features[2] = cps[1] * kSlots + kGivenOfTwo;
    } else {
      e.features[2] = cps[2] * kSlots + kGiven;
      e.features[3] = cps[1] * kSlots + kFirstGivenOfThree;
      e.features[4] = cps[2] * kSlots + kSecondGivenOfThree;
      e.bias = kBiasThree;
    }
    (e.name ? r.names : r.other_words) += 1;
    examples.push_back(e);
  }
  if (report) *report = r;
  if (r.names == 0 || r.other_words == 0) return std::string();

  // Stochastic gradient ascent on the log-likelihood with a small L2 penalty,
  // in an order shuffled by a fixed generator (deterministic); each weight is
  // then the mean of its values after its updates in the last epoch, steadier
  // than its final value.
  std::vector<double> w(kBiasThree + 1, 0.0), sum(w.size(), 0.0);
  std::vector<uint32_t> order(examples.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next_random = [&] {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  constexpr int kEpochs = 8;
  constexpr double kL2 = 1e-4;
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[next_random() % k]);
    const double rate = 0.2 / (1 + epoch);
    for (uint32_t x : order) {
      const Example& e = examples[x];
      double z = w[e.bias];
      for (uint32_t f : e.features) z += f == kNoFeature ? 0.0 : w[f];
      const double gradient = (e.name ? 1.0 : 0.0) - 1.0 / (1.0 + std::exp(-z));
      for (uint32_t f : e.features) {
        if (f != kNoFeature) w[f] += rate * (gradient - kL2 * w[f]);
      }
      w[e.bias] += rate * gradient;
      if (epoch == kEpochs - 1) {
        for (uint32_t f : e.features) {
          if (f != kNoFeature) sum[f] += w[f];
        }
        sum[e.bias] += w[e.bias];
      }
    }
  }
  std::vector<uint32_t> visits(w.size(), 0);
  for (const Example& e : examples) {
    for (uint32_t f : e.features) {
      if (f != kNoFeature) ++visits[f];
    }
    ++visits[e.bias];
  }
  double top = 0;
  for (size_t f = 0; f < w.size(); ++f) {
    w[f] = visits[f] ? sum[f] / visits[f] : 0.0;
    if (f < kBiasTwo) top = std::max(top, std::fabs(w[f]));
  }
  const float scale = top > 0 ? static_cast<float>(top / 127.0) : 1.0f;
  Header h{};
  std::memcpy(h.magic, kMagic, 4);
  h.version = kVersion;
  h.scale = scale;
  h.bias_two = static_cast<float>(w[kBiasTwo]);
  h.bias_three = static_cast<float>(w[kBiasThree]);
  std::string out(sizeof(Header) + size_t(kCharTableSize) * kSlots, '\0');
  std::memcpy(&out[0], &h, sizeof(h));
  for (uint32_t f = 0; f < kBiasTwo; ++f) {
    const double q = std::round(w[f] / scale);
    out[sizeof(Header) + f] = static_cast<char>(static_cast<int8_t>(std::max(-127.0, std::min(127.0, q))));
  }
  return out;
}

}  // namespace internal
}  // namespace zhpolicy
