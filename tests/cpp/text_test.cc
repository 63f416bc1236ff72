#include <catch2/catch.hpp>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <random>
#include <string>
#include <vector>

#include "text/traditional.h"
#include "text/decoded_text.h"
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

TEST_CASE("text: the normalized view is ICU's NFKC of the whole text, then Traditional folded, wherever a change starts", "[text]") {
  // Any mix of characters that NFKC keeps, changes, composes (e + U+0301 →
  // é) or expands must give what ICU gives for the whole text, with a map
  // back that never decreases.
  const icu::Normalizer2* nfkc = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::Normalizer2::getNFKCInstance(status);
  }();
  REQUIRE(nfkc);
  const std::vector<std::string> pieces = {
      "政", "协", "a", "e", "\xCC\x81" /* U+0301 */, "，", "１", "…", "㈠", "ｶ", "\xEF\xBE\x9E" /* ﾞ */,
      "\xE1\x84\x80" /* ᄀ */, "\xE1\x85\xA1" /* ᅡ */, "가", "Å", "\xEF\xA4\x80" /* U+F900 */, " ", "\xC2\xA0",
      "\xF0\xA0\x80\x80" /* U+20000 */, "。", "、"};
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    INFO(text);
    std::string expected;
    icu::StringByteSink<std::string> sink(&expected);
    UErrorCode status = U_ZERO_ERROR;
    nfkc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, status);
    REQUIRE(U_SUCCESS(status));
    zhpolicy::internal::fold_traditional(expected);  // then Traditional folded (U+F900 → 豈 → 岂)
    const auto nt = normalize(text);
    CHECK(nt.normalized == expected);
    for (uint32_t i = 1; i <= nt.normalized.size(); ++i) CHECK(nt.to_original(i - 1) <= nt.to_original(i));
    CHECK(nt.to_original(static_cast<uint32_t>(nt.normalized.size())) == text.size());
  }
}

TEST_CASE("text: a decoding grows past a third of the bytes and is reused across texts", "[text]") {
  // Buffers for a long text start at a third of its bytes (Chinese text)
  // and grow for one with more characters (ASCII, ill-formed bytes); short
  // texts get one entry per byte at once. Each decode of a reused
  // DecodedText gives what utf8::decode gives, whatever came before.
  zhpolicy::internal::DecodedText d;
  const std::string ascii(70000, 'a');
  std::string mixed, chinese;
  for (int i = 0; i < 20000; ++i) mixed += (i % 3 == 0) ? "政" : (i % 3 == 1) ? "\xFF" : "x\xF0\xA0\x80\x80";
  for (int i = 0; i < 30000; ++i) chinese += "政协";
  for (const std::string& text : {chinese, std::string("政协") + ascii, std::string("政协委员"), mixed, ascii,
                                  std::string(), chinese + ascii}) {
    d.decode(text);
    std::vector<uint32_t> starts;
    std::vector<char32_t> expected;
    for (size_t i = 0, len; i < text.size(); i += len) {
      starts.push_back(static_cast<uint32_t>(i));
      expected.push_back(zhpolicy::utf8::decode(text, i, len));
    }
    REQUIRE(d.size() == expected.size());
    CHECK(d.decodes(text));
    bool same = true;
    for (size_t k = 0; k < expected.size(); ++k) same = same && d.cps[k] == expected[k] && d.byte_at[k] == starts[k];
    CHECK(same);
    CHECK(d.byte_at[d.size()] == text.size());
  }
  zhpolicy::internal::DecodedText fresh;
  fresh.decode(chinese);
  CHECK(fresh.size() == 60000);
  CHECK(fresh.cps.size() < chinese.size() / 2);  // a long Chinese text: far fewer entries than bytes
}
