// posseg_cut — the compiled part-of-speech HMM of a lexicon on each line of
// standard input (a run of Han characters), written as "word/tag word/tag":
// for posseg_vs_jieba.py, which compares it with jieba's own decoder.
//
//   zhpolicy_posseg_cut LEXICON.zpl < runs.txt
#include <iostream>
#include <string>
#include <vector>

#include "entities/posseg_hmm.h"
#include "lexicon/lexicon_data.h"
#include "zhpolicy/error.h"
#include "zhpolicy/lexicon.h"
#include "zhpolicy/utf8.h"

int main(int argc, char** argv) {
  using namespace zhpolicy;
  using namespace zhpolicy::internal;
  if (argc != 2) {
    std::cerr << "usage: zhpolicy_posseg_cut LEXICON.zpl < runs.txt\n";
    return 2;
  }
  try {
    const Lexicon lexicon = Lexicon::open(argv[1]);
    if (lexicon.data().base.posseg_hmm().empty()) {
      std::cerr << argv[1] << ": no part-of-speech HMM section\n";
      return 1;
    }
    const PossegHmm hmm(lexicon.data().base.posseg_hmm());
    std::string line;
    std::vector<PossegWord> words;
    PossegScratch scratch;
    while (std::getline(std::cin, line)) {
      std::u32string cps;
      size_t len;
      for (size_t i = 0; i < line.size(); i += len) cps.push_back(utf8::decode(line, i, len));
      words.clear();
      hmm.cut(cps.data(), static_cast<uint32_t>(cps.size()), words, scratch);
      std::string out;
      for (const PossegWord& w : words) {
        if (!out.empty()) out += ' ';
        for (uint32_t k = w.begin; k < w.end; ++k) utf8::append(out, cps[k]);
        out += '/';
        out += hmm.tag_name(w.tag);
      }
      std::cout << out << '\n';
    }
  } catch (const Error& e) {
    std::cerr << "zhpolicy_posseg_cut: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
