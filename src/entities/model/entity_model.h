// src/entities/model/entity_model.h — a read-only view of the entity model
// section of a lexicon (model_format.h): feature weights by key, transitions,
// and the per-character tables the features read.
#ifndef ZHPOLICY_SRC_ENTITIES_MODEL_ENTITY_MODEL_H_
#define ZHPOLICY_SRC_ENTITIES_MODEL_ENTITY_MODEL_H_

#include <cmath>
#include <cstdint>
#include <string_view>

#include "entities/model/features.h"
#include "entities/model/model_format.h"
#include "zhpolicy/entity_type.h"

namespace zhpolicy {
namespace internal {

// The key of one feature: a template number and up to two values.
inline uint64_t feature_key(uint32_t templ, uint64_t a, uint64_t b = 0) {
  uint64_t h = (uint64_t(templ) << 56) ^ a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 31;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 29;
  return h;
}

class EntityModel {
 public:
  // A view of `section` (which must outlive it). Throws Error(kBadFormat)
  // when the section is not a well-formed model.
  explicit EntityModel(std::string_view section);

  uint32_t labels() const { return header_->label_count; }
  uint32_t type_count() const { return header_->type_count; }
  EntityType type(uint32_t t) const { return static_cast<EntityType>(header_->types[t]); }
  // The model's type index of `type`, or -1 when it does not label it.
  int type_index(EntityType type) const;
  // The score of a mention whose labels lead by `margin` (chain.h), which
  // the rules found too or not (`alone`).
  float score(float margin, bool alone) const {
    const float z = header_->score_slope * margin + header_->score_bias + (alone ? header_->score_alone : 0.0f);
    return 1.0f / (1.0f + std::exp(-z));
  }
  float rule_precision(EntityType type) const { return header_->rule_precision[static_cast<uint32_t>(type) & 15]; }
  const ChainTransitions& transitions() const { return transitions_; }

  // The weight row of the feature `key` (kRowStride int16s), or nullptr
  // when the model does not have it.
  const int16_t* row(uint64_t key) const {
    uint32_t slot = static_cast<uint32_t>(key) & mask_;
    const uint32_t check = static_cast<uint32_t>(key >> 32);
    for (;;) {
      const model_format::FeatureSlot s = slots_[slot];
      if (s.row == 0) return nullptr;
      if (s.check == check) return weights_ + size_t(s.row - 1) * model_format::kRowStride;
      slot = (slot + 1) & mask_;
    }
  }
  // Hints the cache to fetch the slot of `key` (lookups of a window's keys
  // are independent: fetching them all first hides the memory latency).
  void prefetch(uint64_t key) const { __builtin_prefetch(&slots_[static_cast<uint32_t>(key) & mask_]); }
  // Adds the weights of the feature `key` (if the model has it) to
  // `scores` (kRowStride entries; those past labels() get zeros).
  void add(uint64_t key, int32_t* __restrict scores) const {
    if (const int16_t* __restrict w = row(key)) {
      for (uint32_t y = 0; y < model_format::kRowStride; ++y) scores[y] += w[y];
    }
  }
  // Adds to sums[i * kRowStride …] the rows of keys[key_begin[i],
  // key_begin[i + 1]) for each of `chars` characters: a window's scores.
  // Where the CPU has AVX2, a build of the same loop for it (chosen at run
  // time: the library is built for the baseline x86-64).
  void sum_rows(const uint64_t* keys, const uint32_t* key_begin, uint32_t chars, int32_t* sums) const;
  // sum_rows() as built for the baseline CPU (the tests compare the two).
  void sum_rows_baseline(const uint64_t* keys, const uint32_t* key_begin, uint32_t chars, int32_t* sums) const;
  float weight_scale() const { return header_->weight_scale; }
  FeatureTables tables() const { return {chars_, heads_}; }
  // jieba posseg evidence of `c` for posseg tag `tag` (0: none).
  uint8_t posseg(char32_t c, uint32_t tag) const {
    return c < model_format::kCharTableSize ? chars_[c * model_format::kPossegTags + tag] : 0;
  }
  // How far below its best emission jieba's posseg HMM emits `c` as part
  // `place` (0 B, 1 M, 2 E, 3 S) of a transliterated name, rounded (0 to
  // -126), or model_format::kNoNrt where it never does.
  int nrt_gap(char32_t c, uint32_t place) const {
    return c < model_format::kCharTableSize ? nrt_[c * model_format::kNrtPlaces + place] : model_format::kNoNrt;
  }
  // Whether names of a modeled type end in `c` in the training data.
  bool head_char(char32_t c) const {
    return c < model_format::kCharTableSize && (heads_[c / 64] >> (c % 64) & 1);
  }

 private:
  const model_format::ModelHeader* header_;
  const model_format::FeatureSlot* slots_;
  const int16_t* weights_;
  ChainTransitions transitions_;
  const uint8_t* chars_;
  const uint64_t* heads_;
  const int8_t* nrt_;
  uint32_t mask_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_MODEL_ENTITY_MODEL_H_
