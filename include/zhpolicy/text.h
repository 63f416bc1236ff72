// zhpolicy/text.h — the normalized view that analysis runs on.
#ifndef ZHPOLICY_TEXT_H_
#define ZHPOLICY_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "zhpolicy/export.h"
#include "zhpolicy/span.h"

namespace zhpolicy {

// The input after Unicode NFKC normalization (full-width digits and letters
// become ASCII, the ideographic space a space, compatibility ideographs their
// unified form), with a map back to the original bytes. Each ill-formed UTF-8
// byte of the input becomes U+FFFD in `normalized` and maps to that one byte.
struct NormalizedText {
  std::string normalized;
  // to_original[i] is the original byte offset of normalized byte i; it has
  // normalized.size() + 1 entries and never decreases. All bytes produced by
  // one change (an expansion such as … → ..., or a composition) map to the
  // start of the original bytes it replaced.
  std::vector<uint32_t> to_original;

  // The original span of a normalized span. Because the map never decreases,
  // adjacent normalized spans map to adjacent original spans; a span lying
  // wholly inside one expansion maps to an empty span.
  ByteSpan original_span(ByteSpan normalized_span) const {
    return {to_original[normalized_span.begin], to_original[normalized_span.end]};
  }
};

// Normalizes `text` (any bytes). Thread-safe. Throws zhpolicy::Error
// (kInvalidArgument) only if `text` is 4 GiB or larger.
ZHPOLICY_API NormalizedText normalize(std::string_view text);

}  // namespace zhpolicy

#endif  // ZHPOLICY_TEXT_H_
