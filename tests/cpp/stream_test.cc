// Analyzer::analyze_stream: pieces tile the stream, and cut at lines they
// give the whole text's numbers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "test_support.h"
#include "zhpolicy/analyzer.h"

using namespace zhpolicy;

namespace {

struct Streamed {
  std::vector<Token> tokens;    // spans in the whole text
  std::vector<Number> numbers;  // spans in the whole text
  size_t pieces = 0;
};

Streamed stream(const std::string& text, size_t piece_bytes) {
  const Analyzer analyzer(test::lexicon());
  std::istringstream in(text);
  Streamed out;
  analyzer.analyze_stream(in, [&](const Document& doc, uint64_t offset) {
    ++out.pieces;
    CHECK(doc.text() == std::string_view(text).substr(offset, doc.text().size()));
    auto shift = [&](ByteSpan s) { return ByteSpan{s.begin + uint32_t(offset), s.end + uint32_t(offset)}; };
    for (Token t : doc.tokens()) out.tokens.push_back({shift(t.span), t.kind});
    for (Number n : doc.numbers()) {
      n.span = shift(n.span);
      out.numbers.push_back(n);
    }
  }, piece_bytes);
  return out;
}

}  // namespace

TEST_CASE("stream: pieces cut at lines give the whole text's tokens' tiling and numbers", "[stream]") {
  const std::string text = test::read_file(std::string(ZHPOLICY_SHARED_DIR) + "/corpus/000_896179ee8e786521.txt");
  REQUIRE(text.size() > 3000);
  const Document whole = Analyzer(test::lexicon()).analyze(text);
  for (size_t piece : {size_t(64), size_t(1000), size_t(4096), size_t(1) << 20}) {
    INFO(piece);
    const Streamed s = stream(text, piece);
    CHECK(test::tiles(text, s.tokens));
    size_t longest_line = 0;
    for (size_t at = 0, eol; at < text.size(); at = eol + 1) {
      eol = std::min(text.find('\n', at), text.size());
      longest_line = std::max(longest_line, eol + 1 - at);
    }
    if (piece < longest_line) continue;  // lines cut inside: only the tiling holds
    REQUIRE(s.numbers.size() == whole.numbers().size());
    for (size_t i = 0; i < s.numbers.size(); ++i) {
      CHECK(s.numbers[i].span == whole.numbers()[i].span);
      CHECK(s.numbers[i].value == whole.numbers()[i].value);
    }
    CHECK(s.pieces >= text.size() / (piece + 4096));
  }
}

TEST_CASE("stream: long lines are cut at sentence ends, else at characters; nothing is lost", "[stream][adversarial]") {
  std::string sentences;
  for (int i = 0; i < 2000; ++i) sentences += "投资增长12%。";
  std::string marks;
  for (int i = 0; i < 30000; ++i) marks += "《";
  std::string junk;
  for (int i = 0; i < 50000; ++i) junk.push_back(static_cast<char>((i * 7919 + 13) & 0xFF));
  for (const std::string& text : {sentences, marks, junk, std::string()}) {
    const Streamed s = stream(text, 1000);
    CHECK(test::tiles(text, s.tokens));
    if (&text == &sentences) CHECK(s.numbers.size() == 2000);
    if (text.empty()) CHECK(s.pieces == 0);
  }
}
