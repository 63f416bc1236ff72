// src/entities/model/person_name_trainer.h — learns the person name model
// (entities/person_names.h) from a dictionary's words and tags.
#ifndef ZHPOLICY_SRC_ENTITIES_MODEL_PERSON_NAME_TRAINER_H_
#define ZHPOLICY_SRC_ENTITIES_MODEL_PERSON_NAME_TRAINER_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhpolicy {
namespace internal {

struct PersonNameReport {
  size_t names = 0, other_words = 0;
};

// Logistic regression by averaged stochastic gradient over the words of two
// or three Han characters whose first is a one-character surname of
// `surnames` (white-space separated): a word tagged nr or nrfg is a name,
// any other is not. Deterministic. Returns the bytes of the kPersonNames
// section, or "" when there is nothing to learn from (no surnames given, or
// no tagged names among the words): a lexicon without the section.
std::string train_person_names(const std::vector<std::pair<std::string, std::string>>& words_and_tags,
                               std::string_view surnames, PersonNameReport* report = nullptr);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_MODEL_PERSON_NAME_TRAINER_H_
