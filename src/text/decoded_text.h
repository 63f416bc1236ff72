// src/text/decoded_text.h — a UTF-8 text as code points with the byte offset
// of each, decoded once per text and shared by the stages that walk
// characters (the segmenter, and entity extraction inside Analyzer).
#ifndef ZHPOLICY_SRC_TEXT_DECODED_TEXT_H_
#define ZHPOLICY_SRC_TEXT_DECODED_TEXT_H_

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {

// A span in characters of a DecodedText.
struct CharSpan {
  uint32_t begin, end;
};

struct DecodedText {
  // Buffers that only grow (reused across texts, never value-initialized
  // again); entries past size() + 1 are stale.
  std::vector<char32_t> cps;      // utf8::kInvalid for each ill-formed byte
  std::vector<uint32_t> byte_at;  // size() + 1 entries: each char's offset, then the text's size
  std::string_view text;          // what was decoded (not owned)

  uint32_t size() const { return count_; }

  // Decodes `s` (any bytes; under 4 GiB).
  void decode(std::string_view s) {
    const size_t size = s.size();
    if (size < kSmallText) {
      // Room for one char per byte, tested once.
      if (cps.size() < size + 1) grow(size + 1, size);
      count_ = decode_into<false>(s);
    } else {
      // A long text: Chinese has one char per three bytes, so the buffers
      // start at a third and grow when the text has more (a test per char).
      const size_t first = size / 3 + 64;
      if (cps.size() < first) grow(first, size);
      count_ = decode_into<true>(s);
    }
    text = s;
  }

  // Whether this holds the decoding of exactly the bytes of `s`.
  bool decodes(std::string_view s) const {
    return text.size() == s.size() && (text.data() == s.data() || text == s);
  }


 private:
  static constexpr size_t kSmallText = size_t(1) << 16;  // bytes

  // Decodes s into the buffers, which hold at least one entry; with
  // kGrow they may be shorter than one per byte and grow as needed.
  template <bool kGrow>
  uint32_t decode_into(std::string_view s) {
    const size_t size = s.size();
    size_t limit = cps.size();
    char32_t* out = cps.data();
    uint32_t* at = byte_at.data();
    const auto* const bytes = reinterpret_cast<const unsigned char*>(s.data());
    uint32_t n = 0;
    for (size_t i = 0; i < size; ++n) {
      if (kGrow && n + 1 >= limit) {  // room for this char and the end entry
        grow(n + 2, size);
        limit = cps.size();
        out = cps.data();
        at = byte_at.data();
      }
      at[n] = static_cast<uint32_t>(i);
      const unsigned char b = bytes[i];
      if (b >= 0xE1 && b <= 0xEC && i + 2 < size && (((bytes[i + 1] ^ 0x80) | (bytes[i + 2] ^ 0x80)) < 0x40)) {
        // Three bytes led by E1-EC (every CJK ideograph; never overlong,
        // never a surrogate): decoded inline, the rest by utf8::decode.
        out[n] = (char32_t(b & 0x0F) << 12) | (char32_t(bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F);
        i += 3;
      } else if (b < 0x80) {
        out[n] = b;
        ++i;
      } else {
        size_t len;
        out[n] = utf8::decode(s, i, len);
        i += len;
      }
    }
    at[n] = static_cast<uint32_t>(size);
    return n;
  }

  // Out of line and on members only, so the decoding loop keeps its
  // pointers in registers.
  __attribute__((noinline)) void grow(size_t need, size_t size) {
    const size_t c = std::min(size + 1, std::max(need, 2 * cps.size()));
    cps.resize(c);
    byte_at.resize(c);
  }

  uint32_t count_ = 0;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_TEXT_DECODED_TEXT_H_
