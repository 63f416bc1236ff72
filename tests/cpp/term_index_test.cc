#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "entities/term_index.h"

using zhpolicy::EntityType;
using zhpolicy::internal::TermIndex;

namespace {

// The terms found for a start, as "text/type" in the index's order.
std::vector<std::string> found(const TermIndex& index, char32_t c0, char32_t c1) {
  std::vector<std::string> out;
  for (const TermIndex::Term& term : index.starting_with(c0, c1)) {
    std::string s;
    for (char32_t c : index.text(term)) s += std::to_string(static_cast<uint32_t>(c)) + ",";
    out.push_back(s + std::string(to_string(term.type)));
  }
  return out;
}

std::string code_points(std::u32string_view text) {
  std::string s;
  for (char32_t c : text) s += std::to_string(static_cast<uint32_t>(c)) + ",";
  return s;
}

}  // namespace

TEST_CASE("term index: lower rank first, then shorter; one-character terms apart", "[entities][terms]") {
  TermIndex index;
  index.add(U"渝中区", EntityType::kPlace, 1);
  index.add(U"渝中", EntityType::kPlace, 1);
  index.add(U"渝中区委", EntityType::kGovernment, 0);  // a user term: rank 0
  index.add(U"渝", EntityType::kPlace, 1);
  index.build();
  CHECK(found(index, U'渝', U'中') == std::vector<std::string>{code_points(U"渝中区委") + "government",
                                                              code_points(U"渝中") + "place",
                                                              code_points(U"渝中区") + "place"});
  CHECK(found(index, U'渝', 0) == std::vector<std::string>{code_points(U"渝") + "place"});
  // No term starts with 中 or 中区; no one-character term is 中.
  CHECK(found(index, U'中', U'区').empty());
  CHECK(found(index, U'中', 0).empty());
  CHECK_FALSE(index.may_start(U'中', 0));
}

TEST_CASE("term index: many terms, every one found by its start, none by another", "[entities][terms]") {
  TermIndex index;
  std::vector<std::u32string> terms;
  for (char32_t a = 0x4E00; a < 0x4E00 + 300; ++a) {
    for (char32_t b : {U'市', U'区', U'县'}) terms.push_back(std::u32string{a, b, U'委'});
  }
  terms.push_back(U"\U00020000\U00020001");  // outside the BMP
  for (const auto& t : terms) index.add(t, EntityType::kGovernment, 1);
  index.build();
  for (const auto& t : terms) {
    bool seen = false;
    for (const TermIndex::Term& term : index.starting_with(t[0], t[1])) {
      const std::u32string_view text = index.text(term);
      seen = seen || text == t;
      // A run may hold terms of another start (hash keys), never a wrong text for this one.
      if (text[0] == t[0] && text[1] == t[1]) CHECK(text == t);
    }
    INFO(code_points(t));
    CHECK(seen);
  }
  CHECK(found(index, U'委', U'市').empty());
}

TEST_CASE("term index: empty, and terms too long to hold, are left out", "[entities][terms]") {
  TermIndex index;
  index.add(U"", EntityType::kPlace, 0);
  index.add(std::u32string(70000, U'长'), EntityType::kPlace, 0);
  index.build();
  CHECK(index.empty());
  CHECK(found(index, U'长', U'长').empty());
}
