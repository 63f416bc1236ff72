// NFKC normalization, then Traditional folded into Simplified, with an
// offset map back to the original bytes.
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <limits>

#include "text/traditional.h"
#include "zhpolicy/error.h"
#include "zhpolicy/text.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace {

const icu::Normalizer2* nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

void add_piece(NormalizedText& out, uint32_t normalized_begin, uint32_t original_begin, bool identity) {
  // Consecutive identity pieces that continue each other are one piece.
  if (identity && !out.pieces.empty()) {
    const auto& last = out.pieces.back();
    if (last.identity &&
        last.original_begin + (normalized_begin - last.normalized_begin) == original_begin) {
      return;
    }
  }
  out.pieces.push_back({normalized_begin, original_begin, identity});
}

// Normalizes one well-formed run, recording where each output piece came from.
void normalize_run(std::string_view run, uint32_t base, NormalizedText& out) {
  const icu::Normalizer2* n = nfkc();
  UErrorCode status = U_ZERO_ERROR;
  const auto out_begin = static_cast<uint32_t>(out.normalized.size());
  // The quick check is much cheaper than normalizing into a copy, and many
  // runs are already normalized.
  if (!n || n->isNormalizedUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())),
                                status)) {
    out.normalized.append(run);
    add_piece(out, out_begin, base, true);
    return;
  }
  status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out.normalized, static_cast<int32_t>(run.size()));
  icu::Edits edits;
  n->normalizeUTF8(0, icu::StringPiece(run.data(), static_cast<int32_t>(run.size())), sink,
                   &edits, status);
  if (U_FAILURE(status)) {  // only on allocation failure: keep the text as it is
    out.normalized.resize(out_begin);
    out.normalized.append(run);
    add_piece(out, out_begin, base, true);
    return;
  }
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    if (it.newLength() == 0) continue;  // a deletion: its bytes join the previous piece
    add_piece(out, out_begin + static_cast<uint32_t>(it.destinationIndex()),
              base + static_cast<uint32_t>(it.sourceIndex()), !it.hasChange());
  }
}

}  // namespace

NormalizedText normalize(std::string_view text) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) {
    throw Error(ErrorCode::kInvalidArgument, "text of 4 GiB or more cannot be analyzed");
  }
  NormalizedText out;
  out.normalized.reserve(text.size());
  out.original_size = static_cast<uint32_t>(text.size());
  // ICU's UTF-8 normalization copies ill-formed bytes through unchanged (they
  // stay ill-formed, and decoders report them again), so the whole text goes
  // through in one call.
  normalize_run(text, 0, out);
  if (out.pieces.empty()) out.pieces.push_back({0, 0, true});
  // Same byte lengths: the pieces hold as they are.
  internal::fold_traditional(out.normalized);
  return out;
}

}  // namespace zhpolicy
