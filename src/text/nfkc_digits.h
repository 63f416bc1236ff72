// src/text/nfkc_digits.h — which characters NFKC turns into text holding an
// ASCII digit (０ → 0, ⅝ → 5⁄8, ² → 2, ① → 1): where a number may appear in
// the normalized view although the text as written has no digit.
#ifndef ZHPOLICY_SRC_TEXT_NFKC_DIGITS_H_
#define ZHPOLICY_SRC_TEXT_NFKC_DIGITS_H_

namespace zhpolicy {
namespace internal {

// True for a character whose NFKC form holds an ASCII digit; true for every
// character beyond the BMP (a few are, and they are rare). Thread-safe; the
// first call builds the table from ICU.
bool nfkc_has_digit(char32_t c);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_TEXT_NFKC_DIGITS_H_
