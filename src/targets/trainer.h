// src/targets/trainer.h — trains the target boundary model: an averaged
// perceptron that ranks the candidate starts of an indicator (the rules'
// runs of words before a number), from annotated clauses. Deterministic.
#ifndef ZHPOLICY_SRC_TARGETS_TRAINER_H_
#define ZHPOLICY_SRC_TARGETS_TRAINER_H_

#include <set>
#include <string>
#include <vector>

#include "zhpolicy/lexicon.h"

namespace zhpolicy {
namespace internal {

// One annotated clause and its (indicator, number text) records.
struct TargetClause {
  std::string group;  // the province: held out together
  std::string doc;
  std::string text;
  std::vector<std::pair<std::string, std::string>> records;
};

// Reads src/data/training/targets.tsv (scripts/make_target_training_data.py
// describes it). Throws Error(kBadFormat) naming "path:line".
std::vector<TargetClause> read_target_clauses(const std::string& path);

struct TargetTrainReport {
  size_t clauses = 0, cases = 0, cases_with_gold = 0;
  size_t rules_right = 0, model_right = 0;  // of cases_with_gold, on the training data
  size_t features = 0;
};

// The kTargetModel section trained on `clauses` except the groups in
// `held_out`, with `lexicon` (its own target model, if any, is not used).
std::string train_target_model(const Lexicon& lexicon, const std::vector<TargetClause>& clauses,
                               const std::set<std::string>& held_out, int epochs,
                               TargetTrainReport* report = nullptr);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_TARGETS_TRAINER_H_
