// NFKC normalization with an offset map back to the original bytes.
#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <limits>

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

void append_identity(std::string_view run, uint32_t base, NormalizedText& out) {
  out.normalized.append(run);
  const size_t at = out.to_original.size();
  out.to_original.resize(at + run.size());
  uint32_t* map = out.to_original.data() + at;
  for (uint32_t k = 0; k < run.size(); ++k) map[k] = base + k;
}

// Normalizes one well-formed run, recording for each output byte where it came from.
void normalize_run(std::string_view run, uint32_t base, NormalizedText& out) {
  const icu::Normalizer2* n = nfkc();
  UErrorCode status = U_ZERO_ERROR;
  // The quick check is much cheaper than normalizing into a copy, and most
  // runs are already normalized.
  if (!n || n->isNormalizedUTF8(icu::StringPiece(run.data(), static_cast<int32_t>(run.size())),
                                status)) {
    append_identity(run, base, out);
    return;
  }
  status = U_ZERO_ERROR;
  std::string buffer;
  buffer.reserve(run.size());
  icu::StringByteSink<std::string> sink(&buffer, static_cast<int32_t>(run.size()));
  icu::Edits edits;
  n->normalizeUTF8(0, icu::StringPiece(run.data(), static_cast<int32_t>(run.size())), sink,
                   &edits, status);
  if (U_FAILURE(status) || !edits.hasChanges()) {  // failure: only on allocation failure
    append_identity(run, base, out);
    return;
  }
  const size_t at = out.to_original.size();
  out.to_original.resize(at + buffer.size());
  uint32_t* map = out.to_original.data() + at;
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const uint32_t source = base + static_cast<uint32_t>(it.sourceIndex());
    const int32_t dest = it.destinationIndex();
    const uint32_t step = it.hasChange() ? 0 : 1;
    for (int32_t k = 0; k < it.newLength(); ++k) map[dest + k] = source + step * static_cast<uint32_t>(k);
  }
  out.normalized += buffer;
}

}  // namespace

NormalizedText normalize(std::string_view text) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) {
    throw Error(ErrorCode::kInvalidArgument, "text of 4 GiB or more cannot be analyzed");
  }
  NormalizedText out;
  out.normalized.reserve(text.size());
  out.to_original.reserve(text.size() + 1);
  // ICU's UTF-8 normalization copies ill-formed bytes through unchanged (they
  // stay ill-formed, and decoders report them again), so the whole text goes
  // through in one call.
  normalize_run(text, 0, out);
  out.to_original.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

}  // namespace zhpolicy
