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
// unified form) and with Traditional Chinese folded into Simplified (OpenCC's
// t2s: 兩萬億 → 两万亿, 會議 → 会议; a character whose Simplified form has
// another UTF-8 length stays as written), with a map back to the original
// bytes. Ill-formed UTF-8 bytes are copied through unchanged (decoders
// report them again).
struct NormalizedText {
  std::string normalized;

  // The map back to the original, as pieces in order of normalized offset.
  // A piece either maps bytes one to one (identity: the same bytes, or
  // Traditional characters folded into Simplified ones of the same length)
  // or is the output of one
  // change of the original bytes [original_begin, next piece's original_begin)
  // (an expansion such as … → ..., a full-width form → ASCII, a composition);
  // every byte of a change maps to the start of what it replaced. Most text
  // needs few pieces, so the map costs far less than one entry per byte.
  struct Piece {
    uint32_t normalized_begin;
    uint32_t original_begin;
    bool identity;
  };
  std::vector<Piece> pieces;
  uint32_t original_size = 0;

  // The original byte offset of normalized byte offset `n` (0 <= n <=
  // normalized.size()); it never decreases with n.
  uint32_t to_original(uint32_t n) const {
    if (n >= normalized.size()) return original_size;
    if (pieces.empty()) return n < original_size ? n : original_size;  // not made by normalize(): as is
    size_t lo = 0, hi = pieces.size();
    while (hi - lo > 1) {  // the last piece starting at or before n
      const size_t mid = (lo + hi) / 2;
      if (pieces[mid].normalized_begin <= n) lo = mid; else hi = mid;
    }
    const Piece& p = pieces[lo];
    return p.identity ? p.original_begin + (n - p.normalized_begin) : p.original_begin;
  }

  // The original span of a normalized span. Because the map never decreases,
  // adjacent normalized spans map to adjacent original spans; a span lying
  // wholly inside one change maps to an empty span.
  ByteSpan original_span(ByteSpan normalized_span) const {
    return {to_original(normalized_span.begin), to_original(normalized_span.end)};
  }
};

// Normalizes `text` (any bytes). Thread-safe. Throws zhpolicy::Error
// (kInvalidArgument) only if `text` is 4 GiB or larger.
ZHPOLICY_API NormalizedText normalize(std::string_view text);

}  // namespace zhpolicy

#endif  // ZHPOLICY_TEXT_H_
