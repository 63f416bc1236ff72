// Analyzer::analyze_stream: a text of any size in bounded pieces, cut where
// no name or number runs across.
#include <algorithm>
#include <istream>
#include <string>

#include "zhpolicy/analyzer.h"
#include "zhpolicy/error.h"

namespace zhpolicy {
namespace {

// Where the piece of buf[0, limit) ends: after its last line end, else after
// its last sentence end, else at the last character boundary (limit when the
// bytes there are not UTF-8 at all).
size_t piece_end(std::string_view buf, size_t limit) {
  const std::string_view head = buf.substr(0, limit);
  const size_t line = head.rfind('\n');
  if (line != std::string_view::npos) return line + 1;
  size_t best = 0;
  for (std::string_view mark : {"。", "！", "？", "；"}) {
    const size_t at = head.rfind(mark);
    if (at != std::string_view::npos) best = std::max(best, at + mark.size());
  }
  if (best > 0) return best;
  size_t cut = limit;
  // Back over at most three continuation bytes to the start of a character.
  for (int k = 0; k < 3 && cut > 0 && cut < buf.size() && (static_cast<unsigned char>(buf[cut]) & 0xC0) == 0x80; ++k) {
    --cut;
  }
  return cut > 0 ? cut : limit;
}

}  // namespace

void Analyzer::analyze_stream(std::istream& in, const std::function<void(const Document&, uint64_t)>& on_piece,
                              size_t piece_bytes) const {
  piece_bytes = std::max<size_t>(piece_bytes, 64);
  std::string buf;
  uint64_t offset = 0;
  bool eof = false;
  while (true) {
    // Fill to a piece and a few bytes more, so that a piece is cut where the
    // character after it is known.
    const size_t want = piece_bytes + 4;
    while (!eof && buf.size() < want) {
      const size_t held = buf.size();
      buf.resize(want);
      in.read(&buf[held], static_cast<std::streamsize>(want - held));
      buf.resize(held + static_cast<size_t>(in.gcount()));
      if (in.bad()) throw Error(ErrorCode::kNotFound, "analyze_stream: reading the input failed");
      eof = !in;
    }
    if (buf.empty()) return;
    const size_t end = eof && buf.size() <= piece_bytes ? buf.size() : piece_end(buf, std::min(buf.size(), piece_bytes));
    on_piece(analyze(std::string_view(buf).substr(0, end)), offset);
    offset += end;
    buf.erase(0, end);
  }
}

}  // namespace zhpolicy
