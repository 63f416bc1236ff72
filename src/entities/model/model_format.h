// src/entities/model/model_format.h — the on-disk layout of the entity model,
// stored as one section (kEntityModel) of a compiled lexicon.
//
// The model is a linear-chain labeler over characters (tags O and B/I of
// each modeled entity type) with hashed features, trained by
// zhpolicy_train_entities (an averaged structured perceptron). Layout, all
// little-endian and 8-byte aligned from the section's start:
//
//   ModelHeader
//   FeatureSlot[slot_count]           open addressing on the feature key
//   int16[feature_count * kRowStride]  weights, times weight_scale (rows
//                                      padded with zeros past label_count)
//   float[(label_count + 1) * label_count] transitions; row label_count: start
//   uint8[kCharTableSize * kPossegTags]   jieba posseg evidence per BMP char
//   uint64[kCharTableSize / 64]            head characters (last chars of names)
//   int8[kCharTableSize * 4]               transliteration evidence (kNrtGaps)
#ifndef ZHPOLICY_SRC_ENTITIES_MODEL_MODEL_FORMAT_H_
#define ZHPOLICY_SRC_ENTITIES_MODEL_MODEL_FORMAT_H_

#include <cstdint>

namespace zhpolicy {
namespace internal {
namespace model_format {

inline constexpr char kMagic[4] = {'Z', 'P', 'E', 'M'};
inline constexpr uint32_t kVersion = 3;  // 3: the transliteration table
inline constexpr uint32_t kMaxTypes = 7;  // labels (1 + 2 per type) fit one row
// A weight row's length: every label (at most 15) and padding, so that a
// row is added with fixed-width vector instructions; two rows per cache line.
inline constexpr uint32_t kRowStride = 16;
inline constexpr uint32_t kCharTableSize = 0x10000;
// jieba posseg tags whose character evidence is a feature: nr (Chinese
// person), nrt (transliterated name), ns (place), nt (organization).
inline constexpr uint32_t kPossegTags = 4;
inline constexpr const char* kPossegTagNames[kPossegTags] = {"nr", "nrt", "ns", "nt"};
// Transliteration evidence: for each BMP char and place in a word (B M E S,
// jieba posseg's states), how far the log-probability that jieba's posseg
// HMM emits it as that part of a transliterated name (nrt) lies below its
// best emission by any state, rounded, 0 to -126; kNoNrt where it never does.
inline constexpr uint32_t kNrtPlaces = 4;
inline constexpr int8_t kNoNrt = -127;

struct ModelHeader {
  char magic[4];
  uint32_t version;
  uint32_t type_count;     // modeled entity types; labels: O, then B I of each
  uint32_t label_count;    // label_count(type_count)
  uint8_t types[kMaxTypes + 1];  // EntityType of each modeled type; the last is 0
  uint32_t feature_count;  // weight rows
  uint32_t slot_count;     // a power of two
  float weight_scale;      // a weight is int16 * weight_scale
  // A mention's score is 1 / (1 + exp(-(score_slope * margin + score_bias +
  // score_alone * [the rules did not find it]))), margin being the smallest
  // lead of its labels' emission scores over the next best label, char by
  // char (fitted on held-back training sentences).
  float score_slope;
  // By EntityType: the precision, on the training data, of rule mentions of
  // that type (the score of mentions of types the model does not label).
  float rule_precision[16];
  uint64_t slots_offset;      // from the section's start
  uint64_t weights_offset;
  uint64_t transitions_offset;
  uint64_t chars_offset;
  uint64_t heads_offset;
  float score_bias;
  float score_alone;
  uint64_t nrt_offset;  // the transliteration table
};
static_assert(sizeof(ModelHeader) == 160, "model header layout");

struct FeatureSlot {
  uint32_t check;  // the key's high 32 bits; 0 with row 0: empty
  uint32_t row;    // 1 + weight row; 0: empty
};
static_assert(sizeof(FeatureSlot) == 8, "slot layout");

// Labels: 0 is O; type t (0-based) has B = 1 + 2t (a mention's first char)
// and I = 2 + 2t (the others). BIO rather than BIES: half the labels, so half
// the weights to add per char and a quarter of the transitions to decode.
inline constexpr uint32_t kOutside = 0;
inline constexpr uint32_t kLabelsPerType = 2;
enum class Part : uint32_t { kBegin = 0, kInside = 1 };
constexpr uint32_t label_count(uint32_t types) { return 1 + kLabelsPerType * types; }
constexpr uint32_t label_of(uint32_t type, Part part) { return 1 + kLabelsPerType * type + static_cast<uint32_t>(part); }
constexpr uint32_t type_of(uint32_t label) { return (label - 1) / kLabelsPerType; }
constexpr Part part_of(uint32_t label) { return static_cast<Part>((label - 1) % kLabelsPerType); }
constexpr bool is_inside(uint32_t label) { return label != kOutside && part_of(label) == Part::kInside; }
// Whether label `to` may follow label `from`: I continues a mention of its type.
constexpr bool may_follow(uint32_t from, uint32_t to) {
  return !is_inside(to) || (from != kOutside && type_of(from) == type_of(to));
}
constexpr bool may_start(uint32_t label) { return !is_inside(label); }
constexpr bool may_end(uint32_t) { return true; }
// The end of the mention whose first char is labels[k] (of n).
inline uint32_t mention_end(const uint8_t* labels, uint32_t n, uint32_t k) {
  uint32_t e = k + 1;
  while (e < n && is_inside(labels[e])) ++e;
  return e;
}

}  // namespace model_format
}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_MODEL_MODEL_FORMAT_H_
