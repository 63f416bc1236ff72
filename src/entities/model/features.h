// src/entities/model/features.h — what the entity model reads of a text
// besides its characters: the rule pass's mentions, typed terms and tokens,
// as per-character codes, and the windows where the model runs.
#ifndef ZHPOLICY_SRC_ENTITIES_MODEL_FEATURES_H_
#define ZHPOLICY_SRC_ENTITIES_MODEL_FEATURES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "entities/model/chain.h"
#include "zhpolicy/entity_type.h"

namespace zhpolicy {
namespace internal {

// The types the model labels, in the order of its labels; the others
// (meetings, documents, slogans) are the rules' alone.
inline constexpr EntityType kModeledTypes[] = {EntityType::kPerson, EntityType::kPlace, EntityType::kGovernment,
                                               EntityType::kOrganization, EntityType::kCompany,
                                               EntityType::kPosition};
// The index of `type` in kModeledTypes, or -1.
constexpr int modeled_index(EntityType type) {
  for (size_t t = 0; t < std::size(kModeledTypes); ++t) {
    if (kModeledTypes[t] == type) return static_cast<int>(t);
  }
  return -1;
}
constexpr bool is_modeled(EntityType type) { return modeled_index(type) >= 0; }

// Characters no mention holds (sentence and clause punctuation, quotes,
// title marks, space): the model's labels there are O, whatever the scores.
constexpr bool outside_any_mention(char32_t c) {
  // A switch, not a scan of a string: asked of every char the model labels.
  switch (c) {
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'！': case U'？': case U'“': case U'”':
    case U'‘': case U'’': case U'《': case U'》': case U'「': case U'」': case U',': case U';': case U':':
    case U'!': case U'?': case U' ': case U'\t': case U'\u3000':
      return true;
    default:
      return false;
  }
}

// The per-character tables the features read: from the model at run time,
// from jieba's data and the training set in the trainer.
struct FeatureTables {
  const uint8_t* posseg;  // kCharTableSize * kPossegTags codes
  const uint64_t* heads;  // kCharTableSize bits
  bool head(char32_t c) const { return c < 0x10000 && (heads[c / 64] >> (c % 64) & 1); }
};

// One token as the features see it.
struct TokenFacts {
  uint32_t begin, end;
  uint64_t tag;  // hash of the lexicon tag; 0: not in the lexicon
  bool stop = false;    // a function word, verb, numeral ... (kStopTags)
  bool proper = false;  // a proper noun of the lexicon (nr, ns, nt, nz, j ...)
};

// What the model needs of a lexicon tag.
struct TagFacts {
  uint64_t hash = 0;  // 0: no tag (not in the lexicon)
  bool stop = false, proper = false;
};

// Buffers of the model pass, kept per thread with the extractor's workspace.
struct ModelWorkspace {
  std::vector<TokenFacts> tokens;
  std::vector<uint32_t> token_of;   // char -> index in tokens
  std::vector<uint8_t> rule_code;   // char -> code of the rule mention over it (0: none)
  std::vector<uint8_t> term_code;   // char -> code of the longest typed term over it
  std::vector<std::pair<uint32_t, uint32_t>> windows;  // char ranges the model labels
  std::vector<uint64_t> keys;
  std::vector<uint32_t> key_begin;  // per char of a window: its first key
  std::vector<int32_t> sums;
  std::vector<float> emissions;
  std::vector<uint8_t> labels;
  ChainScratch chain;
};

// A text as the trainer sees it: the windows, the feature keys of each of
// their characters, and where each character of the normalized view lies in
// the text as written.
struct TrainingText {
  std::vector<std::pair<uint32_t, uint32_t>> windows;
  std::vector<uint32_t> key_begin;  // per char of the windows, in order, plus an end
  std::vector<uint64_t> keys;
  std::vector<uint8_t> closed;  // per char of the windows: outside_any_mention
  std::vector<uint32_t> original_byte;  // per char of the normalized view, plus the end
  // The rule pass's mentions (char ranges, EntityType) for its precision.
  struct Mention {
    uint32_t begin, end;
    uint8_t type;
  };
  std::vector<Mention> rule_mentions;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_MODEL_FEATURES_H_
