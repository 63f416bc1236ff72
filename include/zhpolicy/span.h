// zhpolicy/span.h — half-open byte ranges into the caller's original text.
#ifndef ZHPOLICY_SPAN_H_
#define ZHPOLICY_SPAN_H_

#include <cstdint>
#include <string_view>

namespace zhpolicy {

// [begin, end) in bytes of the UTF-8 text that was analyzed. Offsets are
// 32-bit, so a single text is limited to 4 GiB - 1 bytes.
struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;

  constexpr uint32_t size() const { return end - begin; }
  constexpr bool empty() const { return begin == end; }
  friend constexpr bool operator==(ByteSpan a, ByteSpan b) {
    return a.begin == b.begin && a.end == b.end;
  }
  friend constexpr bool operator!=(ByteSpan a, ByteSpan b) { return !(a == b); }
};

// The bytes of `text` covered by `span`. The view points into `text`.
inline std::string_view slice(std::string_view text, ByteSpan span) {
  return text.substr(span.begin, span.size());
}

}  // namespace zhpolicy

#endif  // ZHPOLICY_SPAN_H_
