// zhpolicy/entities.h — policy entities: bodies, people, positions, places,
// meetings, documents, slogans.
#ifndef ZHPOLICY_ENTITIES_H_
#define ZHPOLICY_ENTITIES_H_

#include <memory>
#include <string_view>
#include <vector>

#include "zhpolicy/entity.h"
#include "zhpolicy/export.h"
#include "zhpolicy/lexicon.h"
#include "zhpolicy/token.h"

namespace zhpolicy {
namespace internal {
class EntityExtractorImpl;
}  // namespace internal

struct EntityOptions {
  // Run the lexicon's learned entity model (if it has one) beside the rules.
  // Off: the rules and typed terms alone, about twice as fast on whole
  // documents, with fewer names found in text unlike the training data.
  bool model = true;
};

// Entity extraction from the lexicon's typed terms (places, bodies, titles,
// slogans, ...) and composition rules (民革渝中区委, 区政协提案委,
// 区政协十五届二次会议, 区委书记 + 赵世庆, quoted programme names).
//
// Immutable and safe for concurrent use by any number of threads.
class ZHPOLICY_API EntityExtractor {
 public:
  explicit EntityExtractor(Lexicon lexicon, EntityOptions options = {});

  // Entities of `utf8_text` in order, with spans in bytes of it, and the
  // person-position links. Total: any bytes give a defined result.
  Entities extract(std::string_view utf8_text) const;

  // The same on a text already segmented by a Segmenter on this lexicon
  // (`tokens` in default mode): saves the second segmentation in analyze().
  Entities extract(std::string_view utf8_text, const std::vector<Token>& tokens) const;

  std::vector<Entities> extract_many(const std::vector<std::string_view>& texts,
                                     unsigned n_threads = 0) const;

  const Lexicon& lexicon() const;

 private:
  std::shared_ptr<const internal::EntityExtractorImpl> impl_;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_ENTITIES_H_
