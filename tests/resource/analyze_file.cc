// zhpolicy_analyze_file LEXICON FILE — Analyzer::analyze of FILE as one text
// (for instruction counts of pathological inputs under callgrind).
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "zhpolicy.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: zhpolicy_analyze_file LEXICON FILE\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), {});
  const zhpolicy::Document doc = zhpolicy::Analyzer(zhpolicy::Lexicon::open(argv[1])).analyze(text);
  std::cout << doc.tokens().size() << " tokens, " << doc.numbers().size() << " numbers, " << doc.entities().size()
            << " entities\n";
  return 0;
}
