#include "segment/char_class.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>

#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

CharClass classify(char32_t c) {
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  const auto uc = static_cast<UChar32>(c);
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(uc, &status);
  if (script == USCRIPT_HAN) return CharClass::kHan;
  if (u_isUWhiteSpace(uc)) return CharClass::kSpace;
  if (u_isalpha(uc) || u_isdigit(uc) || (U_GET_GC_MASK(uc) & U_GC_M_MASK)) {
    return script == USCRIPT_LATIN ? CharClass::kLatin : CharClass::kOtherLetter;
  }
  if (u_ispunct(uc)) return CharClass::kPunct;
  return CharClass::kSymbol;
}

}  // namespace

const CharClass* bmp_char_classes() {
  static const auto* table = [] {
    auto* t = new std::array<CharClass, 0x10000>;
    for (char32_t c = 0; c < 0x10000; ++c) {
      (*t)[c] = (c >= 0xD800 && c <= 0xDFFF) ? CharClass::kInvalid : classify(c);
    }
    return t;
  }();
  return table->data();
}

CharClass char_class_slow(char32_t c) {
  if (c == utf8::kInvalid) return CharClass::kInvalid;
  return classify(c);
}

}  // namespace internal
}  // namespace zhpolicy
