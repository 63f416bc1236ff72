// src/entities/model/trainer.h — trains the entity model: an averaged
// structured perceptron over the windows of annotated sentences, with the
// features the extractor computes (EntityExtractorImpl::featurize).
// Deterministic: the same data, lexicon and options give the same bytes.
#ifndef ZHPOLICY_SRC_ENTITIES_MODEL_TRAINER_H_
#define ZHPOLICY_SRC_ENTITIES_MODEL_TRAINER_H_

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "zhpolicy/entity_type.h"
#include "zhpolicy/lexicon.h"

namespace zhpolicy {
namespace internal {

// One annotated sentence: mentions in code points of `text`.
struct AnnotatedSentence {
  std::string group;  // what held-out evaluation holds out together (a region)
  std::string doc;
  std::string text;
  struct Mention {
    uint32_t begin, end;
    EntityType type;
  };
  std::vector<Mention> mentions;
};

// Reads the training TSV (scripts/make_entity_training_data.py describes
// it). Throws Error(kBadFormat) naming "path:line" for a malformed line.
std::vector<AnnotatedSentence> read_annotated(const std::string& path);

struct TrainOptions {
  int epochs = 12;
  // The order of the sentences in each epoch (a perceptron depends on it):
  // another seed gives another model of the same data, for measuring how
  // much of a difference between two runs is the order alone.
  uint64_t order_seed = 0x2545F4914F6CDD1Dull;
  // The model is the mean of this many, each trained in another order.
  int orders = 4;
  // A head character ends at least this many names of a modeled type.
  int head_min_count = 2;
  // Features whose largest averaged weight is below this are dropped.
  float prune_below = 0.05f;
  // Parts of the data for calibrating the scores: each is labelled by a
  // model trained on the others (cross-fitting).
  int calibration_folds = 4;
};

struct TrainReport {
  size_t sentences = 0, windows = 0, chars = 0, features = 0;
  size_t mentions = 0, mentions_outside_windows = 0;
  float score_slope = 1, score_bias = 0, score_alone = 0;
  size_t calibration_mentions = 0;
};

// Trains on `data` with `lexicon` (a lexicon without a model: the rules
// alone give the rule features) and jieba's posseg emission table; returns
// the bytes of the kEntityModel section.
std::string train_entity_model(const Lexicon& lexicon,
                               const std::map<std::string, std::vector<std::pair<char32_t, float>>>& posseg,
                               const std::vector<AnnotatedSentence>& data, const TrainOptions& options,
                               TrainReport* report = nullptr);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_MODEL_TRAINER_H_
