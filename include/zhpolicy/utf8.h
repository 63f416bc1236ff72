// zhpolicy/utf8.h — small, inlinable UTF-8 helpers used on hot paths.
#ifndef ZHPOLICY_UTF8_H_
#define ZHPOLICY_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace zhpolicy {
namespace utf8 {

// Returned by decode() for an ill-formed sequence.
inline constexpr char32_t kInvalid = 0xFFFFFFFFu;

// Decodes the code point starting at s[i] and sets `len` to its byte length.
// An ill-formed sequence (bad lead byte, truncated, overlong, surrogate, or
// beyond U+10FFFF) returns kInvalid with len == 1, so that every invalid byte
// is reported on its own and decoding resynchronizes on the next byte.
inline char32_t decode(std::string_view s, size_t i, size_t& len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  const size_t avail = s.size() - i;
  const unsigned char b0 = p[0];
  len = 1;
  if (b0 < 0x80) return b0;
  auto cont = [&](size_t k) { return k < avail && (p[k] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return kInvalid;
    len = 2;
    return (char32_t(b0 & 0x1F) << 6) | (p[1] & 0x3F);
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return kInvalid;
    const char32_t c =
        (char32_t(b0 & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF)) return kInvalid;
    len = 3;
    return c;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return kInvalid;
    const char32_t c = (char32_t(b0 & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
                       (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (c < 0x10000 || c > 0x10FFFF) return kInvalid;
    len = 4;
    return c;
  }
  return kInvalid;
}

// Appends the UTF-8 encoding of a valid code point `c` to `out`.
template <typename String>
inline void append(String& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(char(c));
  } else if (c < 0x800) {
    out.push_back(char(0xC0 | (c >> 6)));
    out.push_back(char(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(char(0xE0 | (c >> 12)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(char(0x80 | (c & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (c >> 18)));
    out.push_back(char(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(char(0x80 | (c & 0x3F)));
  }
}

// Byte offset of the first ill-formed sequence in `s`, or npos if `s` is valid.
// Every text is checked before it is segmented: ASCII goes eight bytes at a
// time and three-byte sequences (Han, CJK punctuation) are checked without
// decoding them; the rest is decode()'s.
inline size_t find_invalid(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char b0 = p[i];
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    if ((b0 & 0xF0) == 0xE0 && i + 2 < n) {
      const unsigned char b1 = p[i + 1], b2 = p[i + 2];
      // Continuation bytes; not overlong (E0 needs A0..BF), no surrogate (ED needs 80..9F).
      const bool ok = (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && (b0 != 0xE0 || b1 >= 0xA0) &&
                      (b0 != 0xED || b1 < 0xA0);
      if (!ok) return i;
      i += 3;
      continue;
    }
    size_t len;
    if (decode(s, i, len) == kInvalid) return i;
    i += len;
  }
  return std::string_view::npos;
}

// At most the first `max_bytes` of `s`, not cutting a character in two (for
// quoting text in messages, which must stay UTF-8).
inline std::string_view prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// The number of characters of valid UTF-8 `s` (bytes that do not continue a
// sequence).
inline size_t count_chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace utf8
}  // namespace zhpolicy

#endif  // ZHPOLICY_UTF8_H_
