// src/lexicon/builder.h — turns word lists and HMM tables into .zpl bytes.
#ifndef ZHPOLICY_SRC_LEXICON_BUILDER_H_
#define ZHPOLICY_SRC_LEXICON_BUILDER_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/format.h"

namespace zhpolicy {
namespace internal {

struct LexiconEntry {
  std::string word;  // valid UTF-8, non-empty
  uint32_t freq = 0; // 0: a known prefix that is not a word itself
  std::string tag;
  uint8_t entity = 0;  // EntityType
  bool entity_only = false;  // a term for entity recognition, not a segmentation word
};

struct HmmTables {
  std::array<float, 4> start{};   // B M E S
  std::array<float, 16> trans{};  // from * 4 + to
  std::vector<std::pair<char32_t, std::array<float, 4>>> emit;  // any order
  bool empty() const { return emit.empty(); }
};

struct LexiconSource {
  // For a word listed twice, the later entry wins: lists are given in order of
  // precedence (jieba first, then the policy lexicon, then user words).
  std::vector<LexiconEntry> entries;
  HmmTables hmm;
  std::string units_tsv;
  std::string surnames;  // white-space separated
  std::string sources;
  // If set, word probabilities use this log total instead of the entries' own
  // (user layers are scored against their base lexicon).
  std::optional<double> log_total;
};

// Serializes `source` in the format of format.h. Throws Error(kInvalidArgument)
// for an empty or ill-formed word.
std::string build_lexicon(const LexiconSource& source);

// The compiled lexicon `zpl` with `bytes` as its section `id` (an earlier
// one replaced); every other section is copied as it is. For the optional
// model sections (kEntityModel, kTargetModel).
std::string with_section(std::string_view zpl, format::SectionId id, std::string_view bytes);
inline std::string with_entity_model(std::string_view zpl, std::string_view model) {
  return with_section(zpl, format::SectionId::kEntityModel, model);
}

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_LEXICON_BUILDER_H_
