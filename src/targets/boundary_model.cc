// The target boundary model: its section format and its features.
#include "targets/boundary_model.h"

#include <algorithm>

#include "targets/extractor_impl.h"
#include <cstring>

#include "targets/cues.h"
#include "zhpolicy/error.h"

namespace zhpolicy {
namespace internal {

namespace {

constexpr char kMagic[4] = {'Z', 'P', 'T', 'M'};
constexpr size_t kHeader = 16;

// Feature templates: numbers, not an enum order (a trained model depends on them).
enum Template : uint64_t {
  kWord = 1,         // the start word
  kBefore = 2,       // the word before it ("" at the run's start: then its kind)
  kTag = 3,          // the start word's tag
  kBeforeTag = 4,    // the tag of the word before
  kToRule = 5,       // where it stands from the rule's start: -3..3
  kRunStart = 6,     // it opens the run
  kPlace = 7,        // it is inside a place or body
  kLeadingWord = 8,  // it is one of the rules' leading words (cues, scope, light verbs)
  kWordAtRule = 9,   // the word, and whether the rules start there
  kLength = 10,      // words from it to the end: 1..5
  kBias = 11,
};

uint64_t key(uint64_t t, std::string_view value) {
  uint64_t h = 0xCBF29CE484222325ull ^ (t * 0x9E3779B97F4A7C15ull);
  for (char c : value) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001B3ull;
  return h;
}

}  // namespace

BoundaryModel::BoundaryModel(std::string_view bytes) {
  if (bytes.size() < kHeader || std::memcmp(bytes.data(), kMagic, 4) != 0) {
    throw Error(ErrorCode::kBadFormat, "target model: not a zhpolicy target model");
  }
  uint32_t version = 0, count = 0;
  std::memcpy(&version, bytes.data() + 4, 4);
  std::memcpy(&count, bytes.data() + 8, 4);
  if (version != kTargetModelVersion) {
    throw Error(ErrorCode::kVersionMismatch, "target model: version " + std::to_string(version) + ", expected " +
                                                 std::to_string(kTargetModelVersion));
  }
  if ((bytes.size() - kHeader) / 12 < count || bytes.size() != kHeader + size_t(count) * 12) {
    throw Error(ErrorCode::kBadFormat, "target model: size does not match its feature count");
  }
  keys_.resize(count);
  weights_.resize(count);
  if (count > 0) {
    std::memcpy(keys_.data(), bytes.data() + kHeader, size_t(count) * 8);
    std::memcpy(weights_.data(), bytes.data() + kHeader + size_t(count) * 8, size_t(count) * 4);
  }
  for (size_t i = 1; i < keys_.size(); ++i) {
    if (keys_[i - 1] >= keys_[i]) throw Error(ErrorCode::kBadFormat, "target model: keys out of order");
  }
  for (size_t i = 0; i < weights_.size(); ++i) {
    if (!(weights_[i] > -1e6f && weights_[i] < 1e6f)) throw Error(ErrorCode::kBadFormat, "target model: bad weight");
  }
}

float BoundaryModel::score(const std::vector<uint64_t>& features) const {
  float sum = 0;
  for (uint64_t f : features) {
    const auto it = std::lower_bound(keys_.begin(), keys_.end(), f);
    if (it != keys_.end() && *it == f) sum += weights_[static_cast<size_t>(it - keys_.begin())];
  }
  return sum;
}

std::string BoundaryModel::serialize(std::vector<std::pair<uint64_t, float>> weights) {
  weights.erase(std::remove_if(weights.begin(), weights.end(), [](const auto& w) { return w.second == 0.0f; }),
                weights.end());
  std::sort(weights.begin(), weights.end());
  std::string out(kHeader + weights.size() * 12, '\0');
  std::memcpy(&out[0], kMagic, 4);
  const uint32_t version = kTargetModelVersion, count = static_cast<uint32_t>(weights.size());
  std::memcpy(&out[4], &version, 4);
  std::memcpy(&out[8], &count, 4);
  for (size_t i = 0; i < weights.size(); ++i) {
    std::memcpy(&out[kHeader + i * 8], &weights[i].first, 8);
    std::memcpy(&out[kHeader + weights.size() * 8 + i * 4], &weights[i].second, 4);
  }
  return out;
}

namespace target_detail {

void start_features(const std::vector<Item>& items, size_t k, size_t run_begin, size_t rule_start,
                    size_t end, const TagOf& tag_of, std::vector<uint64_t>& out) {
  using target_detail::Item;
  const Item& it = items[k];
  const std::string_view before =
      k > run_begin ? items[k - 1].text : k > 0 ? std::string_view(items[k - 1].kind == Item::kMark ? "<mark>" : "<other>")
                                                : std::string_view("<start>");
  const long to_rule = std::clamp(static_cast<long>(k) - static_cast<long>(rule_start), -3L, 3L);
  const std::string at_rule = k == rule_start ? "=" : "";
  out.push_back(key(kBias, ""));
  out.push_back(key(kWord, it.text));
  out.push_back(key(kBefore, before));
  out.push_back(key(kTag, tag_of(it.text)));
  out.push_back(key(kBeforeTag, k > run_begin ? tag_of(before) : std::string_view("<none>")));
  out.push_back(key(kToRule, std::to_string(to_rule)));
  out.push_back(key(kRunStart, k == run_begin ? "1" : "0"));
  out.push_back(key(kPlace, it.place ? "1" : "0"));
  out.push_back(key(kLeadingWord, target_cues::in(target_cues::kLeading, it.text) ? "1" : "0"));
  out.push_back(key(kWordAtRule, std::string(it.text) + at_rule));
  out.push_back(key(kLength, std::to_string(std::min<size_t>(end - k, 5))));
}

}  // namespace target_detail

}  // namespace internal
}  // namespace zhpolicy
