#include "text/nfkc_digits.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <bitset>
#include <memory>

namespace zhpolicy {
namespace internal {

bool nfkc_has_digit(char32_t c) {
  static const std::unique_ptr<std::bitset<0x10000>> table = [] {
    auto bits = std::make_unique<std::bitset<0x10000>>();
    for (char32_t d = U'0'; d <= U'9'; ++d) bits->set(d);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) return bits;
    for (UChar32 x = 0x80; x < 0x10000; ++x) {
      if (x >= 0xD800 && x <= 0xDFFF) continue;
      // Most characters have no decomposition and are their own NFKC form.
      icu::UnicodeString decomposition;
      if (!nfkc->getDecomposition(x, decomposition)) continue;
      icu::UnicodeString s(x);
      status = U_ZERO_ERROR;
      const icu::UnicodeString n = nfkc->normalize(s, status);
      if (U_FAILURE(status)) continue;
      for (int32_t i = 0; i < n.length(); ++i) {
        if (n.charAt(i) >= u'0' && n.charAt(i) <= u'9') bits->set(static_cast<size_t>(x));
      }
    }
    return bits;
  }();
  return c >= 0x10000 || table->test(c);
}

}  // namespace internal
}  // namespace zhpolicy
