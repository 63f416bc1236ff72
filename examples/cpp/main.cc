// Segments a UTF-8 file with the installed zhpolicy and prints word/kind pairs.
//
//   zhpolicy_example FILE [LEXICON]
#include <zhpolicy.h>

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: zhpolicy_example FILE [LEXICON]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "zhpolicy_example: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  try {
    const zhpolicy::Segmenter segmenter(
        zhpolicy::Lexicon::open(argc > 2 ? argv[2] : ZHPOLICY_DEFAULT_LEXICON));
    const std::vector<zhpolicy::Token> tokens = segmenter.segment(text);
    std::string rebuilt;
    for (const zhpolicy::Token& t : tokens) {
      const std::string_view word = zhpolicy::slice(text, t.span);
      rebuilt += word;
      if (t.kind != zhpolicy::TokenKind::kWhitespace) {
        std::cout << word << '/' << zhpolicy::to_string(t.kind) << ' ';
      } else if (word.find('\n') != std::string_view::npos) {
        std::cout << '\n';
      }
    }
    std::cout << "\n" << tokens.size() << " tokens; tokens tile the input: "
              << (rebuilt == text ? "yes" : "NO") << "\n";
    return rebuilt == text ? 0 : 1;
  } catch (const zhpolicy::Error& e) {
    std::cerr << "zhpolicy_example: " << e.what() << "\n";
    return 1;
  }
}
