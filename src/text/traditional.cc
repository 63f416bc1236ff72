#include "text/traditional.h"

#include <opencc/opencc.h>

#include <cstring>
#include <memory>
#include <string_view>

#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

#include "traditional_chars.inc"  // kTraditionalLimit, kTraditionalBits (generated)

bool in_table(char32_t c) { return c < kTraditionalLimit && (kTraditionalBits[c / 64] >> (c % 64) & 1); }

bool is_han(char32_t c) {
  for (const auto& r : kHanRanges) {
    if (c >= r[0] && c <= r[1]) return true;
  }
  return false;
}

// The process's converter, loaded on first need (most texts never need it);
// OpenCC's converters are safe to share between threads.
const opencc::SimpleConverter& converter() {
  struct Loaded {
    std::unique_ptr<opencc::SimpleConverter> converter;
    std::string error;
  };
  static const Loaded loaded = [] {
    Loaded l;
    try {
      l.converter = std::make_unique<opencc::SimpleConverter>("t2s.json");
    } catch (const std::exception& e) {
      l.error = e.what();
    }
    return l;
  }();
  if (!loaded.converter) {
    throw Error(ErrorCode::kNotFound, "Traditional Chinese text needs OpenCC's t2s.json, which could not be loaded (" +
                                          loaded.error + "): install Debian's libopencc-data");
  }
  return *loaded.converter;
}

// Replaces text[begin, end) by its Simplified form where the byte length
// allows (see fold_traditional).
void fold_run(std::string& text, size_t begin, size_t end) {
  const opencc::SimpleConverter& t2s = converter();
  const std::string whole = t2s.Convert(text.data() + begin, end - begin);
  if (whole.size() == end - begin) {
    std::memcpy(&text[begin], whole.data(), whole.size());
    return;
  }
  // Character by character (no phrase context), each only if its length holds.
  for (size_t i = begin, len = 0; i < end; i += len) {
    const char32_t c = utf8::decode(text, i, len);
    if (!in_table(c)) continue;
    const std::string one = t2s.Convert(text.data() + i, len);
    if (one.size() == len) std::memcpy(&text[i], one.data(), len);
  }
}

}  // namespace

bool is_traditional(char32_t c) { return in_table(c); }

// Whether `s` holds a character of the table: a scan that decodes only the
// lead bytes of Han characters, without validating (a hit is checked again
// by the conversion pass).
static bool holds_traditional(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const uint8_t b = p[i];
    if (b < 0xE3) {
      ++i;
    } else if (b < 0xF0) {
      if (i + 2 >= n) break;
      // The table's word of this character's block of 64, then its bit
      // (every BMP character is inside the table).
      const uint64_t word = kTraditionalBits[(b & 0x0F) << 6 | (p[i + 1] & 0x3F)];
      if (word >> (p[i + 2] & 0x3F) & 1) return true;
      i += 3;
    } else {
      if (i + 3 >= n) break;
      const char32_t c = char32_t(b & 0x07) << 18 | char32_t(p[i + 1] & 0x3F) << 12 |
                         char32_t(p[i + 2] & 0x3F) << 6 | (p[i + 3] & 0x3F);
      if (in_table(c)) return true;
      i += 4;
    }
  }
  return false;
}

void fold_traditional(std::string& text) {
  const std::string_view s = text;
  if (!holds_traditional(s)) return;
  size_t run_begin = 0;
  bool in_run = false, traditional = false;
  for (size_t i = 0, len = 0; i <= s.size(); i += len) {
    // Bytes below 0xE3 begin no Han character: the common ASCII case costs a compare.
    char32_t c = 0;
    len = 1;
    if (i < s.size() && static_cast<uint8_t>(s[i]) >= 0xE3) c = utf8::decode(s, i, len);
    const bool han = i < s.size() && is_han(c);
    if (han && !in_run) {
      in_run = true;
      traditional = false;
      run_begin = i;
    }
    if (han) {
      traditional = traditional || in_table(c);
    } else if (in_run) {
      in_run = false;
      if (traditional) fold_run(text, run_begin, i);
    }
  }
}

}  // namespace internal
}  // namespace zhpolicy
