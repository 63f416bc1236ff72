// zhpolicy/segmenter.h — words of Chinese text, with byte offsets.
#ifndef ZHPOLICY_SEGMENTER_H_
#define ZHPOLICY_SEGMENTER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "zhpolicy/export.h"
#include "zhpolicy/lexicon.h"
#include "zhpolicy/text.h"
#include "zhpolicy/token.h"

namespace zhpolicy {
namespace internal {
class SegmenterImpl;
}  // namespace internal

enum class SegmentMode {
  // Tokens tile the input (see token.h).
  kDefault,
  // For indexing: right before each word of 3+ characters, also yields its 2-
  // and 3-character sub-words that are in the lexicon, in order of start
  // (jieba's cut_for_search). Sub-words overlap their word, so these tokens do
  // not tile the input; dropping the sub-words gives the default tokens.
  kSearch,
};

enum class InvalidUtf8 {
  // Each ill-formed byte becomes its own TokenKind::kInvalid token.
  kIsolate,
  // Throw Error(kInvalidArgument) naming the byte offset of the first one.
  kThrow,
};

struct SegmenterOptions {
  // Use the HMM for runs of characters the lexicon does not know.
  bool hmm = true;
  InvalidUtf8 invalid_utf8 = InvalidUtf8::kIsolate;
};

// Maximum-probability segmentation over the lexicon's word graph, an HMM for
// unknown words, and recognizers that keep numbers, dates and Latin words whole.
//
// A Segmenter is immutable after construction and safe for concurrent use by
// any number of threads (like RE2). Copies are cheap and share the lexicon.
class ZHPOLICY_API Segmenter {
 public:
  explicit Segmenter(Lexicon lexicon, SegmenterOptions options = {});

  // Tokens of `utf8_text`, with spans in bytes of `utf8_text`. Total: any bytes
  // give a defined result (see InvalidUtf8).
  std::vector<Token> segment(std::string_view utf8_text,
                             SegmentMode mode = SegmentMode::kDefault) const;

  // segment() on a text already normalized by normalize(utf8_text), so that
  // callers running several stages normalize once (Analyzer does). Spans are
  // in bytes of `utf8_text`.
  std::vector<Token> segment(std::string_view utf8_text, const NormalizedText& normalized,
                             SegmentMode mode = SegmentMode::kDefault) const;

  // The token texts; convenience for scoring and printing.
  std::vector<std::string_view> cut(std::string_view utf8_text,
                                    SegmentMode mode = SegmentMode::kDefault) const;

  // segment() on each text, on `n_threads` threads (0: all cores). The result
  // is identical to calling segment() on each text in order.
  std::vector<std::vector<Token>> segment_many(const std::vector<std::string_view>& texts,
                                               SegmentMode mode = SegmentMode::kDefault,
                                               unsigned n_threads = 0) const;

  const Lexicon& lexicon() const;
  const SegmenterOptions& options() const;

 private:
  std::shared_ptr<const internal::SegmenterImpl> impl_;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_SEGMENTER_H_
