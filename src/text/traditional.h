// src/text/traditional.h — Traditional characters folded into Simplified in
// the normalized view, through OpenCC (t2s), keeping offsets.
#ifndef ZHPOLICY_SRC_TEXT_TRADITIONAL_H_
#define ZHPOLICY_SRC_TEXT_TRADITIONAL_H_

#include <cstdint>
#include <string>

namespace zhpolicy {
namespace internal {

// The Han code points whose runs are converted (CJK unified, extension A,
// compatibility, extensions B to F); the build-time table covers them.
inline constexpr char32_t kHanRanges[][2] = {
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2FA1F}};

// Whether OpenCC's t2s conversion changes `c` on its own (a build-time table).
bool is_traditional(char32_t c);

// Converts each run of Han characters of `text` that holds a Traditional one
// with OpenCC's t2s conversion (phrases first, then characters), in place:
// a run whose Simplified form has another byte length is converted character
// by character, and a character whose form has another length stays as
// written, so every byte offset keeps its meaning. Text without Traditional
// characters is left untouched (one table lookup per Han character). Throws
// Error(kNotFound) if OpenCC's data cannot be loaded when it is needed.
void fold_traditional(std::string& text);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_TEXT_TRADITIONAL_H_
