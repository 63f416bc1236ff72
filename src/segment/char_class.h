// src/segment/char_class.h — the coarse character classes that split text
// into runs before word segmentation.
#ifndef ZHPOLICY_SRC_SEGMENT_CHAR_CLASS_H_
#define ZHPOLICY_SRC_SEGMENT_CHAR_CLASS_H_

#include <cstdint>

namespace zhpolicy {
namespace internal {

enum class CharClass : uint8_t {
  kHan,          // Han script (CJK ideographs, 〇, 々)
  kDigit,        // ASCII 0-9 (full-width digits are ASCII after NFKC)
  kLatin,        // Latin-script letters
  kOtherLetter,  // letters, marks and digits of other scripts
  kSpace,        // white space
  kPunct,        // punctuation (general category P)
  kSymbol,       // anything else: symbols, controls, unassigned
  kInvalid,      // an ill-formed UTF-8 byte
};

// The class of every BMP code point, computed once from ICU properties
// (thread-safe; the first call takes a few milliseconds).
const CharClass* bmp_char_classes();

CharClass char_class_slow(char32_t c);

// Whether `c` is a Han character (ICU script Han: ideographs, 〇, 々 ...):
// the one definition the segmenter, number and entity extraction share.
inline bool is_han(char32_t c);

// Class of a code point from the table returned by bmp_char_classes();
// utf8::kInvalid gives kInvalid.
inline CharClass char_class(const CharClass* bmp, char32_t c) {
  return c < 0x10000 ? bmp[c] : char_class_slow(c);
}

inline bool is_han(char32_t c) { return char_class(bmp_char_classes(), c) == CharClass::kHan; }

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_SEGMENT_CHAR_CLASS_H_
