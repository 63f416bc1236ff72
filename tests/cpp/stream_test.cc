// Analyzer::analyze_stream: pieces tile the stream, and cut at lines they
// give the whole text's numbers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <utility>

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

TEST_CASE("analyze: a text over whole_text_bytes is read in pieces and gives the whole text's document",
          "[stream][analyze]") {
  // A provincial report (numbered sections: targets take their modality
  // from them) and the corpus, as one text.
  std::string text = test::read_file(std::string(ZHPOLICY_SHARED_DIR) + "/reports/provincial_2026/2026_江苏省.txt");
  for (const char* name : {"000_896179ee8e786521.txt", "003_0b9efb6d18d52ebe.txt"}) {
    text += "\n" + test::read_file(std::string(ZHPOLICY_SHARED_DIR) + "/corpus/" + name);
  }
  size_t longest_line = 0;
  for (size_t at = 0, eol; at < text.size(); at = eol + 1) {
    eol = std::min(text.find('\n', at), text.size());
    longest_line = std::max(longest_line, eol + 1 - at);
  }
  AnalyzerOptions whole_options;
  whole_options.whole_text_bytes = text.size();
  const Document whole = Analyzer(test::lexicon(), whole_options).analyze(text);
  AnalyzerOptions piece_options;
  piece_options.whole_text_bytes = std::max<size_t>(longest_line, 4096);
  REQUIRE(piece_options.whole_text_bytes * 8 < text.size());  // many pieces
  const Document pieces = Analyzer(test::lexicon(), piece_options).analyze(text);

  CHECK(pieces.text() == text);
  REQUIRE(pieces.tokens().size() == whole.tokens().size());
  for (size_t i = 0; i < whole.tokens().size(); ++i) CHECK(pieces.tokens()[i].span == whole.tokens()[i].span);
  REQUIRE(pieces.numbers().size() == whole.numbers().size());
  for (size_t i = 0; i < whole.numbers().size(); ++i) {
    CHECK(pieces.numbers()[i].span == whole.numbers()[i].span);
    CHECK(pieces.numbers()[i].value == whole.numbers()[i].value);
  }
  auto show = [](const Document& d, const Entity& e) {
    return std::string(d.text(e.span)) + " " + std::string(to_string(e.type));
  };
  // Entities: the same, but for persons the whole text finds again where a
  // name found in another piece recurs (documented in AnalyzerOptions).
  std::set<std::pair<uint32_t, std::string>> whole_entities, piece_entities;
  for (const Entity& e : whole.entities()) whole_entities.insert({e.span.begin, show(whole, e)});
  for (const Entity& e : pieces.entities()) piece_entities.insert({e.span.begin, show(pieces, e)});
  for (const auto& e : piece_entities) {
    INFO(e.second);
    CHECK(whole_entities.count(e) == 1);
  }
  for (const Entity& e : whole.entities()) {
    // A name found as a person and looked for again is a person, or what
    // the model retyped it to where it recurs (吴淞江, a river: source model).
    INFO(show(whole, e));
    if (!piece_entities.count({e.span.begin, show(whole, e)})) {
      CHECK((e.type == EntityType::kPerson || e.source == EntitySource::kModel));
    }
  }
  CHECK(piece_entities.size() + 5 >= whole_entities.size());
  // Relations point at the same mentions (their indices moved past the earlier pieces').
  auto relations = [&](const Document& d) {
    std::set<std::pair<uint32_t, uint32_t>> out;
    for (const Relation& r : d.relations()) out.insert({d.entities()[r.head].span.begin, d.entities()[r.tail].span.begin});
    return out;
  };
  const auto piece_relations = relations(pieces);
  REQUIRE_FALSE(piece_relations.empty());
  for (const auto& r : piece_relations) CHECK(relations(whole).count(r) == 1);
  // Targets, their modality from the report's sections carried across pieces.
  REQUIRE(whole.targets().size() > 50);
  REQUIRE(pieces.targets().size() == whole.targets().size());
  for (size_t i = 0; i < whole.targets().size(); ++i) {
    const Target &p = pieces.targets()[i], &w = whole.targets()[i];
    CHECK(p.indicator == w.indicator);
    CHECK(p.number.span == w.number.span);
    CHECK(p.number_index == w.number_index);
    CHECK(p.modality == w.modality);
    CHECK(pieces.numbers()[p.number_index].span == p.number.span);
  }
}

TEST_CASE("analyze: pieces keep a run of blank lines one white-space token", "[stream][analyze]") {
  // Paragraphs indented with full-width spaces after blank lines: the line
  // end and the indent are one white-space token.
  std::string text;
  for (int i = 0; i < 300; ++i) text += "全年新增就业4.6万人。  \r\n\n　　";
  AnalyzerOptions whole_options, piece_options;
  whole_options.whole_text_bytes = text.size();
  piece_options.whole_text_bytes = 100;
  const Document whole = Analyzer(test::lexicon(), whole_options).analyze(text);
  const Document pieces = Analyzer(test::lexicon(), piece_options).analyze(text);
  REQUIRE(pieces.tokens().size() == whole.tokens().size());
  for (size_t i = 0; i < whole.tokens().size(); ++i) CHECK(pieces.tokens()[i].span == whole.tokens()[i].span);
  CHECK(pieces.numbers().size() == 300);
}

TEST_CASE("analyze_piece: a context carries a report's sections; skip_piece reads them ahead for analyze_pieces",
          "[stream][analyze]") {
  // A plan's title makes its numbered headings' targets targets: the title
  // in one piece, the heading and its number in the next.
  const Analyzer analyzer(test::lexicon());
  const std::string title = "渝中区2025年政府工作要点\n", body = "一、全年地区生产总值增长6%\n";
  auto modalities = [](const Document& d) {
    std::string out;
    for (const Target& t : d.targets()) out += std::string(to_string(t.modality)) + " ";
    return out;
  };
  const std::string whole = modalities(analyzer.analyze(title + body));
  REQUIRE_FALSE(whole.empty());
  PieceContext context;
  analyzer.analyze_piece(title, context);
  CHECK(context != PieceContext());
  CHECK(modalities(analyzer.analyze_piece(body, context)) == whole);
  // Without the title's context the body alone reads otherwise.
  CHECK(modalities(analyzer.analyze(body)) != whole);
  // skip_piece leaves what analyze_piece leaves; analyze_pieces analyzes
  // each piece from its own context, in parallel, as analyze_piece in turn.
  PieceContext skipped;
  analyzer.skip_piece(title, skipped);
  PieceContext analyzed;
  analyzer.analyze_piece(title, analyzed);
  CHECK(skipped == analyzed);
  const std::vector<Document> docs =
      analyzer.analyze_pieces({title, body}, {PieceContext(), skipped}, 2);
  CHECK(modalities(docs[1]) == whole);
  CHECK_THROWS_AS(analyzer.analyze_pieces({title, body}, {PieceContext()}), Error);
}
