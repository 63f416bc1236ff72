// Substring search in UTF-8 text. std::string_view::find looks for the first
// byte and compares from there; in Chinese text the first byte of a character
// (0xE4-0xE9) recurs every few bytes, so that is a near-quadratic crawl.
// glibc's memmem hashes byte pairs instead; elsewhere Boyer-Moore-Horspool.
#pragma once

#include <string.h>

#include <algorithm>
#include <functional>
#include <string_view>

namespace zhpolicy {
namespace internal {

// Position of `needle` in `text` at or after `from`, or npos.
inline size_t find_bytes(std::string_view text, std::string_view needle, size_t from = 0) {
  if (from > text.size() || needle.size() > text.size() - from) return std::string_view::npos;
  if (needle.empty()) return from;
#if defined(__GLIBC__)
  const void* hit = memmem(text.data() + from, text.size() - from, needle.data(), needle.size());
  return hit ? static_cast<size_t>(static_cast<const char*>(hit) - text.data()) : std::string_view::npos;
#else
  const auto it = std::search(text.begin() + from, text.end(),
                              std::boyer_moore_horspool_searcher(needle.begin(), needle.end()));
  return it == text.end() ? std::string_view::npos : static_cast<size_t>(it - text.begin());
#endif
}

}  // namespace internal
}  // namespace zhpolicy
