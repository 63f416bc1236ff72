// zhpolicy_train_targets — trains the target boundary model.
//
//   zhpolicy_train_targets --lexicon LEXICON.zpl --data targets.tsv [--hold-out P1,P2]
//                          [--epochs N] -o MODEL.ztm
//
// LEXICON is the lexicon the model will be attached to (zhpolicy_lexc
// --base LEXICON --target-model MODEL); targets.tsv is
// src/data/training/targets.tsv; --hold-out leaves out the clauses of the
// named provinces (for held-out evaluation: scripts/eval_targets.py).
#include <fstream>
#include <iostream>
#include <set>
#include <string>

#include "targets/trainer.h"
#include "zhpolicy/error.h"

namespace {

int usage() {
  std::cerr << "usage: zhpolicy_train_targets --lexicon LEXICON.zpl --data targets.tsv [--hold-out P1,P2] "
               "[--epochs N] -o MODEL.ztm\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string lexicon_path, data, output;
  std::set<std::string> held_out;
  int epochs = 10;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage();
    const std::string value = argv[++i];
    if (arg == "--lexicon") lexicon_path = value;
    else if (arg == "--data") data = value;
    else if (arg == "-o") output = value;
    else if (arg == "--epochs") epochs = std::stoi(value);
    else if (arg == "--hold-out") {
      size_t start = 0;
      while (start <= value.size()) {
        size_t comma = value.find(',', start);
        if (comma == std::string::npos) comma = value.size();
        if (comma > start) held_out.insert(value.substr(start, comma - start));
        start = comma + 1;
      }
    } else {
      return usage();
    }
  }
  if (lexicon_path.empty() || data.empty() || output.empty() || epochs < 1) return usage();
  try {
    using namespace zhpolicy;
    const Lexicon lexicon = Lexicon::open(lexicon_path);
    internal::TargetTrainReport report;
    const std::string model =
        internal::train_target_model(lexicon, internal::read_target_clauses(data), held_out, epochs, &report);
    std::ofstream out(output, std::ios::binary);
    out.write(model.data(), static_cast<std::streamsize>(model.size()));
    if (!out) throw Error(ErrorCode::kNotFound, "cannot write " + output);
    std::cout << "zhpolicy_train_targets: " << report.clauses << " clauses, " << report.cases
              << " indicator starts to choose, " << report.cases_with_gold << " with the annotated one among them; "
              << "on them the rules chose right " << report.rules_right << ", the model " << report.model_right
              << " (training data); " << report.features << " features -> " << output << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "zhpolicy_train_targets: " << e.what() << "\n";
    return 1;
  }
}
