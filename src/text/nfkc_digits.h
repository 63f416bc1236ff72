// src/text/nfkc_digits.h — the characters NFKC changes, with what it makes
// of them (０ → 0, ⅝ → 5⁄8, 〸 → 十): where the normalized view holds a
// character that the text as written does not.
#ifndef ZHPOLICY_SRC_TEXT_NFKC_DIGITS_H_
#define ZHPOLICY_SRC_TEXT_NFKC_DIGITS_H_

#include <string>

namespace zhpolicy {
namespace internal {

// Calls on_change(c, form) for every BMP character c that NFKC changes,
// `form` its NFKC form. About 5,000 calls; slow (ICU per character): for
// tables built once.
template <typename OnChange>
void for_each_nfkc_change(OnChange&& on_change);

// The NFKC form of c if NFKC changes it, else an empty string.
std::u32string nfkc_change(char32_t c);

template <typename OnChange>
void for_each_nfkc_change(OnChange&& on_change) {
  for (char32_t c = 0x80; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::u32string form = nfkc_change(c);
    if (!form.empty()) on_change(c, form);
  }
}

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_TEXT_NFKC_DIGITS_H_
