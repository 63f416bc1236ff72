#include "text/nfkc_digits.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace zhpolicy {
namespace internal {

std::u32string nfkc_change(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return {};
  // Most characters have no decomposition and are their own NFKC form.
  icu::UnicodeString decomposition;
  const auto x = static_cast<UChar32>(c);
  if (!nfkc->getDecomposition(x, decomposition)) return {};
  const icu::UnicodeString form = nfkc->normalize(icu::UnicodeString(x), status);
  if (U_FAILURE(status) || form == icu::UnicodeString(x)) return {};
  std::u32string out;
  for (int32_t i = 0; i < form.length(); i = form.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(form.char32At(i)));
  return out;
}

}  // namespace internal
}  // namespace zhpolicy
