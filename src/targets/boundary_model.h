// src/targets/boundary_model.h — the learned part of target extraction:
// where an indicator starts. The rules give a run of words before a number
// and their own start; the model ranks every word of the run as the start
// (a linear score of features of the word and its neighbour), trained by
// zhpolicy_train_targets from the annotated clauses in src/data/training.
//
// Section bytes (kTargetModel): "ZPTM", uint32 version, uint32 count,
// uint32 reserved, then count uint64 feature keys (sorted, distinct) and
// count float weights.
#ifndef ZHPOLICY_SRC_TARGETS_BOUNDARY_MODEL_H_
#define ZHPOLICY_SRC_TARGETS_BOUNDARY_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhpolicy {
namespace internal {

inline constexpr uint32_t kTargetModelVersion = 1;

class BoundaryModel {
 public:
  // Validates and copies `bytes` (a few thousand features). Throws
  // Error(kBadFormat) for bytes that are not a model, kVersionMismatch for
  // another version.
  explicit BoundaryModel(std::string_view bytes);
  float score(const std::vector<uint64_t>& features) const;
  size_t size() const { return keys_.size(); }

  // Serializes weights (any order; zero weights dropped).
  static std::string serialize(std::vector<std::pair<uint64_t, float>> weights);

 private:
  std::vector<uint64_t> keys_;
  std::vector<float> weights_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_TARGETS_BOUNDARY_MODEL_H_
