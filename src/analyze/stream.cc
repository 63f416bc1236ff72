// PieceReader: a text of any size in bounded pieces, cut where no name or
// number runs across (Analyzer::analyze_stream reads them).
#include <algorithm>
#include <istream>
#include <string>

#include "analyze/piece_end.h"
#include "zhpolicy/error.h"
#include "zhpolicy/pieces.h"

namespace zhpolicy {
namespace internal {

size_t piece_end(std::string_view buf, size_t limit) {
  const std::string_view head = buf.substr(0, limit);
  const size_t line = head.rfind('\n');
  if (line != std::string_view::npos) {
    // After the line end; but when white space goes on after it (blank
    // lines, a paragraph's full-width indent), before the run of white space
    // that holds it, which the segmenter reads as one token.
    auto space_before = [&](size_t at) -> size_t {  // bytes of a white-space char ending at `at`, or 0
      if (at == 0) return 0;
      const char c = buf[at - 1];
      if (c == '\n' || c == '\r' || c == ' ' || c == '\t') return 1;
      return at >= 3 && buf.substr(at - 3, 3) == "\u3000" ? 3 : 0;
    };
    size_t cut = line + 1;
    const bool space_after = cut < buf.size() && (space_before(cut + 1) == 1 || buf.substr(cut, 3) == "\u3000");
    if (!space_after) return cut;
    while (size_t n = space_before(cut)) cut -= n;
    return cut > 0 ? cut : line + 1;
  }
  size_t best = 0;
  for (std::string_view mark : {"。", "！", "？", "；"}) {
    const size_t at = head.rfind(mark);
    if (at != std::string_view::npos) best = std::max(best, at + mark.size());
  }
  if (best > 0) return best;
  size_t cut = limit;
  // Back over at most three continuation bytes to the start of a character
  // (not at all in bytes that are not UTF-8).
  for (int k = 0; k < 3 && cut > 0 && cut < buf.size() && (static_cast<unsigned char>(buf[cut]) & 0xC0) == 0x80; ++k) {
    --cut;
  }
  return cut > 0 ? cut : limit;
}

}  // namespace internal

PieceReader::PieceReader(std::istream& in, size_t piece_bytes)
    : in_(in), piece_bytes_(std::max<size_t>(piece_bytes, 64)) {}

bool PieceReader::next(std::string& piece, uint64_t& offset) {
  // Fill to a piece and a few bytes more, so that a piece is cut where the
  // character after it is known.
  const size_t want = piece_bytes_ + 4;
  while (!eof_ && buf_.size() < want) {
    const size_t held = buf_.size();
    buf_.resize(want);
    in_.read(&buf_[held], static_cast<std::streamsize>(want - held));
    buf_.resize(held + static_cast<size_t>(in_.gcount()));
    if (in_.bad()) throw Error(ErrorCode::kNotFound, "reading the input failed");
    eof_ = !in_;
  }
  if (buf_.empty()) return false;
  const size_t end =
      eof_ && buf_.size() <= piece_bytes_ ? buf_.size() : internal::piece_end(buf_, std::min(buf_.size(), piece_bytes_));
  piece.assign(buf_, 0, end);
  offset = offset_;
  offset_ += end;
  buf_.erase(0, end);
  return true;
}

}  // namespace zhpolicy
