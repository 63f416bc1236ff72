// tests/cpp/test_support.h — shared fixtures: the compiled default lexicon
// (loaded once) and helpers.
#ifndef ZHPOLICY_TESTS_TEST_SUPPORT_H_
#define ZHPOLICY_TESTS_TEST_SUPPORT_H_

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "zhpolicy.h"

namespace test {

inline const zhpolicy::Lexicon& lexicon() {
  static const zhpolicy::Lexicon lex = zhpolicy::Lexicon::open(ZHPOLICY_TEST_LEXICON);
  return lex;
}

inline const zhpolicy::Segmenter& segmenter() {
  static const zhpolicy::Segmenter seg(lexicon());
  return seg;
}

inline std::vector<std::string> cut(const zhpolicy::Segmenter& seg, std::string_view text,
                                    zhpolicy::SegmentMode mode = zhpolicy::SegmentMode::kDefault) {
  std::vector<std::string> out;
  for (auto w : seg.cut(text, mode)) out.emplace_back(w);
  return out;
}

inline std::vector<std::string> cut(std::string_view text) { return cut(segmenter(), text); }

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// True if the tokens are in order, non-empty, gap-free and cover `text`.
inline bool tiles(std::string_view text, const std::vector<zhpolicy::Token>& tokens) {
  uint32_t pos = 0;
  for (const auto& t : tokens) {
    if (t.span.begin != pos || t.span.end <= t.span.begin) return false;
    pos = t.span.end;
  }
  return pos == text.size();
}

}  // namespace test

#endif  // ZHPOLICY_TESTS_TEST_SUPPORT_H_
