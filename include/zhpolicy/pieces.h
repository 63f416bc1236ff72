// zhpolicy/pieces.h — a text of any size read in pieces of bounded size.
#ifndef ZHPOLICY_PIECES_H_
#define ZHPOLICY_PIECES_H_

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>

#include "zhpolicy/export.h"

namespace zhpolicy {

// Reads a stream in pieces of about `piece_bytes`, each cut where no name
// or number runs across: after its last line end (before the run of white
// space holding it when blank lines or an indent follow, so that the run
// stays one white-space token), else after its last sentence end (。！？；),
// else at a character boundary. Analyzing the pieces
// one by one keeps memory bounded by the piece, not the text
// (Analyzer::analyze_stream does that).
class ZHPOLICY_API PieceReader {
 public:
  static constexpr size_t kDefaultPieceBytes = size_t(1) << 20;

  // `in` must outlive the reader; pieces hold at least 64 bytes but the last.
  explicit PieceReader(std::istream& in, size_t piece_bytes = kDefaultPieceBytes);

  // The next piece into `piece` and where it starts in the stream (bytes)
  // into `offset`; false at the end. Throws Error(kNotFound) when reading
  // the stream fails.
  bool next(std::string& piece, uint64_t& offset);

 private:
  std::istream& in_;
  size_t piece_bytes_;
  std::string buf_;
  uint64_t offset_ = 0;
  bool eof_ = false;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_PIECES_H_
