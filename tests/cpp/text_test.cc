#include <catch2/catch.hpp>

#include "zhpolicy/text.h"

using zhpolicy::ByteSpan;
using zhpolicy::normalize;

TEST_CASE("text: NFKC folds full-width digits, letters and punctuation", "[text]") {
  const std::string text = "ＧＤＰ增长１２．５％，";
  const auto nt = normalize(text);
  CHECK(nt.normalized == "GDP增长12.5%,");
  // "G" maps to the first full-width letter, "1" to "１".
  CHECK(nt.to_original(0) == 0);
  CHECK(nt.to_original(3) == 9);  // 增
  CHECK(nt.original_span({9, 13}) == (ByteSpan{15, 27}));  // 12.5 <- １２．５
  CHECK(nt.to_original(static_cast<uint32_t>(nt.normalized.size())) == text.size());
}

TEST_CASE("text: an expansion maps all its bytes to the original character", "[text]") {
  const std::string text = "甲…乙";  // … becomes "..."
  const auto nt = normalize(text);
  CHECK(nt.normalized == "甲...乙");
  CHECK(nt.original_span({3, 6}) == (ByteSpan{3, 6}));
  CHECK(nt.original_span({3, 4}).empty());  // inside the expansion
  CHECK(nt.original_span({4, 9}) == (ByteSpan{3, 9}));
}

TEST_CASE("text: the offset map never decreases", "[text]") {
  const std::string text = "①㈠ｶﾞ＆Å\xFF政\xE6\x94";
  const auto nt = normalize(text);
  for (uint32_t i = 1; i <= nt.normalized.size(); ++i) {
    CHECK(nt.to_original(i - 1) <= nt.to_original(i));
  }
  CHECK(nt.to_original(static_cast<uint32_t>(nt.normalized.size())) == text.size());
}

TEST_CASE("text: ill-formed bytes pass through one to one", "[text]") {
  const std::string text("a\xFF\xC0政", 6);
  const auto nt = normalize(text);
  CHECK(nt.normalized == text);
  CHECK(nt.original_span({1, 2}) == (ByteSpan{1, 2}));
  CHECK(nt.original_span({2, 3}) == (ByteSpan{2, 3}));
}

TEST_CASE("text: ill-formed bytes pass through next to normalized characters", "[text]") {
  const std::string text("\xEF\xBC\x91\xFF\xEF\xBC\x92\xE6\x94\xE2\x80\xA6", 12);  // １ FF ２ (truncated) …
  const auto nt = normalize(text);
  CHECK(nt.normalized == std::string("1\xFF" "2\xE6\x94...", 8));
  CHECK(nt.original_span({1, 2}) == (ByteSpan{3, 4}));
  CHECK(nt.original_span({3, 5}) == (ByteSpan{7, 9}));
}

TEST_CASE("text: identity text is one piece", "[text]") {
  const std::string text = "区政协十五届二次会议";
  const auto nt = normalize(text);
  CHECK(nt.normalized == text);
  CHECK(nt.pieces.size() == 1);
  for (uint32_t i = 0; i <= text.size(); ++i) CHECK(nt.to_original(i) == i);
}

TEST_CASE("text: empty input", "[text]") {
  const auto nt = normalize("");
  CHECK(nt.normalized.empty());
  CHECK(nt.to_original(0) == 0);
}
