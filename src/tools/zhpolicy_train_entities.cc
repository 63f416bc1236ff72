// zhpolicy_train_entities — trains the entity model on annotated sentences.
//
//   zhpolicy_train_entities --lexicon RULES.zpl --posseg DIR --data FILE.tsv
//                           [--hold-out GROUP[,GROUP...]] [--epochs N] -o MODEL
//
// RULES.zpl is the lexicon compiled without a model (the rule features come
// from it); DIR is jieba's posseg folder (prob_emit.py); FILE.tsv is the
// training data (src/data/training/entities.tsv). Sentences of the held-out
// groups (regions) are left out, for held-out evaluation. MODEL is the
// kEntityModel section that zhpolicy_lexc --entity-model adds to a lexicon.
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>

#include "entities/model/trainer.h"
#include "lexicon/jieba_source.h"
#include "lexicon/lexicon_data.h"
#include "zhpolicy/error.h"

namespace {

using namespace zhpolicy;
using namespace zhpolicy::internal;

int usage() {
  std::cerr << "usage: zhpolicy_train_entities --lexicon RULES.zpl --posseg DIR --data FILE.tsv\n"
               "                               [--hold-out GROUP[,GROUP...]] [--epochs N] [--order-seed N]\n"
               "                               -o MODEL\n";
  return 2;
}

int run(int argc, char** argv) {
  std::string lexicon_path, posseg, data, output;
  std::set<std::string> held_out;
  TrainOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (arg == "--lexicon") lexicon_path = value;
    else if (arg == "--posseg") posseg = value;
    else if (arg == "--data") data = value;
    else if (arg == "-o") output = value;
    else if (arg == "--epochs") options.epochs = std::stoi(value);
    else if (arg == "--order-seed") options.order_seed = std::stoull(value, nullptr, 0);
    else if (arg == "--hold-out") {
      std::istringstream groups(value);
      for (std::string g; std::getline(groups, g, ',');) {
        if (!g.empty()) held_out.insert(g);
      }
    } else {
      return usage();
    }
  }
  if (lexicon_path.empty() || posseg.empty() || data.empty() || output.empty() || options.epochs < 1) return usage();
  const Lexicon lexicon = Lexicon::open(lexicon_path);
  if (!lexicon.data().base.entity_model().empty()) {
    std::cerr << "zhpolicy_train_entities: " << lexicon_path
              << " already has an entity model; train on a lexicon compiled without --entity-model\n";
    return 2;
  }
  std::vector<AnnotatedSentence> sentences;
  for (AnnotatedSentence& s : read_annotated(data)) {
    if (!held_out.count(s.group)) sentences.push_back(std::move(s));
  }
  if (sentences.empty()) {
    std::cerr << "zhpolicy_train_entities: no training sentences left in " << data << "\n";
    return 2;
  }
  TrainReport report;
  const std::string model = train_entity_model(lexicon, read_posseg_emission(posseg), sentences, options, &report);
  std::ofstream out(output, std::ios::binary);
  out.write(model.data(), static_cast<std::streamsize>(model.size()));
  out.close();
  if (!out) {
    std::cerr << "zhpolicy_train_entities: cannot write " << output << "\n";
    return 1;
  }
  std::cout << "zhpolicy_train_entities: " << report.sentences << " sentences, " << report.windows << " windows, "
            << report.chars << " chars, " << report.features << " features, score = logistic(" << report.score_slope << " * margin + " << report.score_bias << " + "
            << report.score_alone << " * alone) from "
            << report.calibration_mentions << " mentions"
            << "; " << report.mentions_outside_windows << " of " << report.mentions
            << " mentions outside the windows; " << model.size() << " bytes -> " << output << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const Error& e) {
    std::cerr << "zhpolicy_train_entities: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "zhpolicy_train_entities: " << e.what() << "\n";
    return 1;
  }
}
