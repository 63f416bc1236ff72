// src/numbers/extractor_impl.h — the number extractor behind
// zhpolicy::NumberExtractor, also driven directly by the Analyzer, which
// hands it the segmenter's decoding of the normalized text.
#ifndef ZHPOLICY_SRC_NUMBERS_EXTRACTOR_IMPL_H_
#define ZHPOLICY_SRC_NUMBERS_EXTRACTOR_IMPL_H_

#include <bitset>
#include <string_view>
#include <vector>

#include "numbers/numeral.h"
#include "numbers/units.h"
#include "text/decoded_text.h"
#include "zhpolicy/numbers.h"
#include "zhpolicy/text.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {

struct NumberRegions;

class NumberExtractorImpl {
 public:
  explicit NumberExtractorImpl(Lexicon lexicon);

  std::vector<Number> extract(std::string_view text) const;
  // `decoded`, when given, is the decoding of nt.normalized (the
  // segmenter's, inside Analyzer): candidates are then found on its chars.
  std::vector<Number> extract_normalized(const NormalizedText& nt, const DecodedText* decoded = nullptr) const;
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  struct Core {
    size_t begin, end;  // bytes of the numeral (without 第)
    ParsedNumeral parsed;
    bool arabic;
    size_t chars;  // code points
  };
  bool may_contain_numbers(std::string_view text) const;
  // Whether the character at text[pos] can continue a numeral core.
  bool next_can_continue(std::string_view text, size_t pos) const {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) return c >= '0' && c <= '9';
    if (c < 0xE0 || c > 0xEF || pos + 2 >= text.size() || (text[pos + 1] & 0xC0) != 0x80 ||
        (text[pos + 2] & 0xC0) != 0x80) {
      return false;
    }
    const char32_t cp = (char32_t(c & 0x0F) << 12) | (char32_t(text[pos + 1] & 0x3F) << 6) |
                        char32_t(text[pos + 2] & 0x3F);
    return cp != U'第' && starts_candidate_[cp];
  }
  // The length of the numeral candidate at s[pos] (0: none), within `limit`
  // bytes: 第? then digits [0-9][0-9,]*(\.[0-9]+)? with scale characters
  // 十百千万亿兆 after them, or a run of Chinese numeral characters. A
  // scan rather than a regex: it runs at every candidate, and a DFA's states
  // crowd the segmenter's trie out of the cache.
  size_t core_extent(std::string_view s, size_t pos, size_t limit) const;
  bool parse_core(std::string_view s, size_t begin, size_t end, Core& core) const;
  bool numeral_in_name(std::string_view s, size_t begin, size_t candidate_end) const;
  void extract_at(std::string_view s, const NumberRegions& regions, size_t match_begin, size_t match_end,
                  std::vector<Number>& out, size_t& resume) const;

  // Numerals longer than this are cut into several candidates; it bounds the
  // work per candidate on adversarial input (a 10,000-digit run).
  static constexpr size_t kMaxCandidateBytes = 256;

  Lexicon lexicon_;
  UnitTable units_;
  // By BMP code point: 第 and the Chinese numerals. Bits, not bytes: asked at
  // every character, 8 KiB stays in cache where 64 KiB crowded out the trie.
  std::bitset<0x10000> starts_candidate_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_NUMBERS_EXTRACTOR_IMPL_H_
