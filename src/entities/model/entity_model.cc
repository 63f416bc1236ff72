#include "entities/model/entity_model.h"

#include <cmath>
#include <cstring>
#include <string>

#include "util/cpu.h"
#include "zhpolicy/error.h"

namespace zhpolicy {
namespace internal {
namespace {

[[noreturn]] void bad(const std::string& what) {
  throw Error(ErrorCode::kBadFormat, "entity model section: " + what);
}

}  // namespace

EntityModel::EntityModel(std::string_view section) {
  using namespace model_format;
  if (section.size() < sizeof(ModelHeader)) bad("shorter than its header");
  if (reinterpret_cast<uintptr_t>(section.data()) % 8 != 0) bad("not 8-byte aligned");
  header_ = reinterpret_cast<const ModelHeader*>(section.data());
  const ModelHeader& h = *header_;
  if (std::memcmp(h.magic, kMagic, 4) != 0) bad("wrong magic");
  if (h.version != kVersion) {
    throw Error(ErrorCode::kVersionMismatch, "entity model version " + std::to_string(h.version) + ", expected " +
                                                 std::to_string(kVersion) + ": recompile the lexicon");
  }
  if (h.type_count == 0 || h.type_count > kMaxTypes || h.label_count != label_count(h.type_count) ||
      h.label_count > kChainWidth) {
    bad("bad label count");
  }
  for (uint32_t t = 0; t < h.type_count; ++t) {
    if (h.types[t] == 0 || h.types[t] >= kEntityTypeCount) bad("bad entity type");
  }
  if (h.slot_count == 0 || (h.slot_count & (h.slot_count - 1)) != 0 || h.feature_count >= h.slot_count) {
    bad("bad feature table size");
  }
  if (!std::isfinite(h.weight_scale) || !std::isfinite(h.score_slope) || !std::isfinite(h.score_bias) ||
      !std::isfinite(h.score_alone)) bad("bad scale");
  const uint64_t size = section.size();
  auto fits = [&](uint64_t offset, uint64_t bytes) {
    return offset % 8 == 0 && offset <= size && bytes <= size - offset;
  };
  const uint64_t L = h.label_count;
  if (!fits(h.slots_offset, uint64_t(h.slot_count) * sizeof(FeatureSlot)) ||
      !fits(h.weights_offset, uint64_t(h.feature_count) * kRowStride * sizeof(int16_t)) ||
      !fits(h.transitions_offset, (L + 1) * L * sizeof(float)) ||
      !fits(h.chars_offset, uint64_t(kCharTableSize) * kPossegTags) ||
      !fits(h.heads_offset, kCharTableSize / 8) || !fits(h.nrt_offset, uint64_t(kCharTableSize) * kNrtPlaces)) {
    bad("a table lies outside the section");
  }
  slots_ = reinterpret_cast<const FeatureSlot*>(section.data() + h.slots_offset);
  weights_ = reinterpret_cast<const int16_t*>(section.data() + h.weights_offset);
  chars_ = reinterpret_cast<const uint8_t*>(section.data() + h.chars_offset);
  heads_ = reinterpret_cast<const uint64_t*>(section.data() + h.heads_offset);
  nrt_ = reinterpret_cast<const int8_t*>(section.data() + h.nrt_offset);
  mask_ = h.slot_count - 1;
  // Rows past the weights would be read out of bounds; an empty slot must
  // exist or a lookup would never end.
  bool has_empty = false;
  for (uint32_t i = 0; i < h.slot_count; ++i) {
    if (slots_[i].row > h.feature_count) bad("a slot points past the weights");
    has_empty = has_empty || slots_[i].row == 0;
  }
  if (!has_empty) bad("no empty slot");
  const auto* transitions = reinterpret_cast<const float*>(section.data() + h.transitions_offset);
  for (uint64_t i = 0; i < (L + 1) * L; ++i) {
    if (!std::isfinite(transitions[i])) bad("a transition is not finite");
  }
  transitions_ = chain_transitions(transitions, h.label_count);
}

namespace {

// The loop of EntityModel::sum_rows, inlined into each build of it.
__attribute__((always_inline)) inline void sum_rows_loop(const EntityModel& model, const uint64_t* keys,
                                                         const uint32_t* key_begin, uint32_t chars, int32_t* sums) {
  for (uint32_t i = 0; i < chars; ++i) {
    int32_t* __restrict row = sums + size_t(i) * model_format::kRowStride;
    for (uint32_t k = key_begin[i]; k < key_begin[i + 1]; ++k) model.add(keys[k], row);
  }
}

#if ZHPOLICY_AVX2_VARIANTS
ZHPOLICY_TARGET_AVX2 void sum_rows_avx2(const EntityModel& model, const uint64_t* keys,
                                                   const uint32_t* key_begin, uint32_t chars, int32_t* sums) {
  sum_rows_loop(model, keys, key_begin, chars, sums);
}
#endif

}  // namespace

void EntityModel::sum_rows(const uint64_t* keys, const uint32_t* key_begin, uint32_t chars, int32_t* sums) const {
#if ZHPOLICY_AVX2_VARIANTS
  if (cpu_has_avx2()) return sum_rows_avx2(*this, keys, key_begin, chars, sums);
#endif
  sum_rows_loop(*this, keys, key_begin, chars, sums);
}

void EntityModel::sum_rows_baseline(const uint64_t* keys, const uint32_t* key_begin, uint32_t chars,
                                    int32_t* sums) const {
  sum_rows_loop(*this, keys, key_begin, chars, sums);
}

int EntityModel::type_index(EntityType type) const {
  for (uint32_t t = 0; t < header_->type_count; ++t) {
    if (header_->types[t] == static_cast<uint8_t>(type)) return static_cast<int>(t);
  }
  return -1;
}

}  // namespace internal
}  // namespace zhpolicy
