// zhpolicy/analyzer.h — tokens, numbers and entities in one pass.
#ifndef ZHPOLICY_ANALYZER_H_
#define ZHPOLICY_ANALYZER_H_

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string_view>
#include <vector>

#include "zhpolicy/document.h"
#include "zhpolicy/entities.h"
#include "zhpolicy/export.h"
#include "zhpolicy/lexicon.h"
#include "zhpolicy/pieces.h"
#include "zhpolicy/segmenter.h"

namespace zhpolicy {
namespace internal {
class AnalyzerImpl;
}  // namespace internal

struct AnalyzerOptions {
  SegmenterOptions segmenter;
  // Keep each entity as one token (民革渝中区委 instead of 民革/渝中区/委);
  // tokens still tile the text.
  bool entity_tokens = false;
  EntityOptions entities;
  // Link numbers to the indicators they measure (Document::targets()).
  bool targets = true;
  // analyze() reads a text longer than this in pieces of about this size,
  // cut as analyze_stream cuts them (at a line end where there is one),
  // so that its working memory is bounded by the piece rather than the text.
  // The result is one Document as for a shorter text, with two differences
  // where a piece ends: a name found in one piece (a person after a title) is
  // not looked for in the others, and a piece cut inside a line (no line end
  // in it) may cut a name or number there. The sections of a report (its
  // numbered headings, a plan's title), which give targets their modality,
  // carry over from piece to piece.
  // 1 MB, as the command line's pieces: a longer single text is rare (a
  // long report is a few hundred KB), and a piece's working set stays in
  // cache (bench/run_bench.py: the corpus as one 10 MB text segmented whole
  // ran at half the speed of its lines).
  size_t whole_text_bytes = size_t(1) << 20;
};

// What the pieces of a text analyzed so far tell the next piece: a report's
// sections (its title line, numbered headings, the section the last piece
// ended in), which give targets their modality, run across pieces. Start
// each text with a default PieceContext; Analyzer::analyze_piece updates it.
class ZHPOLICY_API PieceContext {
 public:
  PieceContext() = default;
  bool operator==(const PieceContext& o) const {
    return first_line_ == o.first_line_ && first_heading_ == o.first_heading_ && section_ == o.section_;
  }
  bool operator!=(const PieceContext& o) const { return !(*this == o); }

 private:
  friend class internal::AnalyzerImpl;
  bool first_line_ = true;
  bool first_heading_ = true;
  uint8_t section_ = 0;
};

// Segments once and runs number, entity and target extraction on the result.
//
// An Analyzer is immutable after construction and safe for concurrent use by
// multiple threads (like RE2). Copies are cheap and share the lexicon.
class ZHPOLICY_API Analyzer {
 public:
  explicit Analyzer(Lexicon lexicon, AnalyzerOptions options = {});

  // Total: any bytes give a Document (see SegmenterOptions for ill-formed
  // UTF-8). A text over options().whole_text_bytes is read in pieces (see there).
  Document analyze(std::string_view utf8_text) const;

  // analyze() of each text on `n_threads` threads (0: all cores).
  std::vector<Document> analyze_many(const std::vector<std::string_view>& texts,
                                     unsigned n_threads = 0) const;

  // A text of any size read from `in`, analyzed in pieces of about
  // `piece_bytes` (memory stays bounded by the piece, not the text): each
  // piece ends at a line end (before its white space), or in a longer line
  // after a sentence end (。！？；), else at a character boundary. on_piece(document, offset) is
  // called for each piece in order; `offset` is where it starts in the whole
  // text, so a span plus `offset` is a position in it. Names and numbers do
  // not run across line ends, so pieces give what analyze() of the whole
  // text gives wherever the pieces end at lines. Throws Error(kNotFound) when
  // reading `in` fails, and what on_piece throws.
  // The pieces are PieceReader's (zhpolicy/pieces.h).
  void analyze_stream(std::istream& in, const std::function<void(const Document&, uint64_t)>& on_piece,
                      size_t piece_bytes = PieceReader::kDefaultPieceBytes) const;

  // The next piece of a text (its pieces analyzed in order, `context`
  // carrying the earlier ones' sections and updated for the next): what
  // analyze_stream does with the pieces it reads. Spans are the piece's.
  Document analyze_piece(std::string_view piece, PieceContext& context) const;
  // What analyze_piece() would leave in `context`, without analyzing: the
  // piece's lines are read for headings (a normalization and a scan), so
  // that the pieces of a text can then be analyzed in parallel, each from
  // the context it starts in (analyze_pieces).
  void skip_piece(std::string_view piece, PieceContext& context) const;
  // analyze_piece() of each piece from a copy of its own context, on
  // `n_threads` threads (0: all cores). Throws Error(kInvalidArgument) when
  // the two vectors differ in length.
  std::vector<Document> analyze_pieces(const std::vector<std::string_view>& pieces,
                                       const std::vector<PieceContext>& contexts, unsigned n_threads = 0) const;

  const Lexicon& lexicon() const;
  const AnalyzerOptions& options() const;

 private:
  std::shared_ptr<const internal::AnalyzerImpl> impl_;
};

// Merges the tokens covered by each entity into one token (kind kWord),
// splitting tokens that an entity boundary cuts; the result still tiles.
ZHPOLICY_API std::vector<Token> merge_entity_tokens(const std::vector<Token>& tokens,
                                                    const std::vector<Entity>& entities);

}  // namespace zhpolicy

#endif  // ZHPOLICY_ANALYZER_H_
