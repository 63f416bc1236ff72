// icu_segment — ICU's word segmentation as a command line, the peer of
// `zhpolicy segment` in bench/run_bench.py (ICU ships no such tool): the
// words of each line of FILE separated by single spaces, white space
// dropped, one output line per input line, on stdout.
//
//   icu_segment FILE
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: icu_segment FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "icu_segment: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status)) {
    std::cerr << "icu_segment: ICU word break iterator unavailable\n";
    return 2;
  }
  std::string out, word;
  out.reserve(1 << 20);
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const icu::UnicodeString line = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data() + pos, static_cast<int32_t>(eol - pos)));
    it->setText(line);
    bool first = true;
    for (int32_t b = it->first(), e = it->next(); e != icu::BreakIterator::DONE; b = e, e = it->next()) {
      word.clear();
      line.tempSubStringBetween(b, e).toUTF8String(word);
      if (word.find_first_not_of(" \t\r\u3000") == std::string::npos) continue;
      if (!first) out += ' ';
      out += word;
      first = false;
    }
    out += '\n';
    if (out.size() >= (1 << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
    pos = eol + 1;
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}
