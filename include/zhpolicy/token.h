// zhpolicy/token.h — the unit of segmentation.
#ifndef ZHPOLICY_TOKEN_H_
#define ZHPOLICY_TOKEN_H_

#include <cstdint>
#include <string_view>

#include "zhpolicy/span.h"

namespace zhpolicy {

// A coarse class of a token, decided by its characters, not by its meaning.
enum class TokenKind : uint8_t {
  kWord,         // Han or other-script words, from the lexicon or the HMM
  kNumber,       // 1450亿, 12.5%, 4.6万, 1,234, ３.５ (scale words and %/‰ kept)
  kDate,         // 2024年2月5日, 2023年12月, 1月31日, 19日, 2022-01-10 14:31, 14:31
  kLatin,        // Latin letters, possibly mixed with digits: GDP, 5G, COVID-19
  kPunctuation,  // one punctuation mark, or a run of one repeated mark (……, ——)
  kSymbol,       // other symbols: +, ¥, emoji, ...
  kWhitespace,   // a run of white space, line breaks included
  kInvalid,      // one byte that is not part of well-formed UTF-8
};

// The lower-case name used in Python and in JSON output: "word", "number", ...
constexpr std::string_view to_string(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord: return "word";
    case TokenKind::kNumber: return "number";
    case TokenKind::kDate: return "date";
    case TokenKind::kLatin: return "latin";
    case TokenKind::kPunctuation: return "punctuation";
    case TokenKind::kSymbol: return "symbol";
    case TokenKind::kWhitespace: return "whitespace";
    case TokenKind::kInvalid: return "invalid";
  }
  return "word";
}

// A token is a span of the ORIGINAL text (bytes) and its kind.
//
// Invariant (property-tested): in the default segmentation mode the tokens of a
// text tile it — they are in order, do not overlap, leave no gap, and the
// concatenation of their bytes is the input, byte for byte, whatever the input
// (empty, binary junk, invalid UTF-8). Search mode adds sub-word tokens that
// overlap their parent word; see SegmentMode.
struct Token {
  ByteSpan span;
  TokenKind kind = TokenKind::kWord;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_TOKEN_H_
