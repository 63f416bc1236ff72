// src/segment/segmenter_impl.h — the segmenter behind zhpolicy::Segmenter,
// also driven directly by the Analyzer, which hands the decoded text on to
// entity extraction instead of decoding it again.
#ifndef ZHPOLICY_SRC_SEGMENT_SEGMENTER_IMPL_H_
#define ZHPOLICY_SRC_SEGMENT_SEGMENTER_IMPL_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "lexicon/word_graph.h"
#include "segment/char_class.h"
#include "segment/hmm.h"
#include "text/decoded_text.h"
#include "zhpolicy/segmenter.h"

namespace zhpolicy {
namespace internal {

// Scratch memory of one segmentation, kept per thread and reused across the
// runs of a text and across texts (allocating it per call cost more than
// segmenting a short line).
struct Workspace {
  DecodedText text;  // the normalized text's code points
  std::vector<uint32_t> edge_begin, next, hmm_ends;
  std::vector<WordEdge> edges;
  std::vector<double> score;
  HmmScratch hmm;
  // Kept for entity extraction when asked (segment_normalized):
  std::vector<TypedTermHit> typed_terms;  // the typed terms the word graphs met
  // Each token's span in chars of `text`, also of those dropped from the
  // tokens for an empty original span (in chars they tile the view).
  std::vector<CharSpan> token_chars;
  std::vector<TokenWord> token_words;  // parallel to token_chars
  std::vector<TokenWord> edge_words;   // parallel to edges

  // After a huge text, gives the memory back instead of holding it per thread.
  void trim();
};

// The calling thread's workspace for the length of one call.
class ThreadWorkspace {
 public:
  ThreadWorkspace();
  ~ThreadWorkspace() { ws_.trim(); }
  ThreadWorkspace(const ThreadWorkspace&) = delete;
  ThreadWorkspace& operator=(const ThreadWorkspace&) = delete;
  Workspace& get() { return ws_; }

 private:
  Workspace& ws_;
};

class SegmenterImpl {
 public:
  SegmenterImpl(Lexicon lexicon, SegmenterOptions options)
      : lexicon_(std::move(lexicon)), options_(options), classes_(bmp_char_classes()) {}

  // With the options' handling of ill-formed UTF-8 (may throw).
  std::vector<Token> segment(std::string_view text, SegmentMode mode, Workspace& ws) const;
  // Throws Error(kInvalidArgument) naming the first ill-formed byte if the
  // options say InvalidUtf8::kThrow; else does nothing.
  void check_utf8(std::string_view text) const;
  // Segmentation of an already normalized text (spans in its original);
  // leaves the normalized text decoded in ws.text. With for_entities, also
  // keeps ws.typed_terms, ws.token_chars and ws.token_words, what entity
  // extraction reuses.
  std::vector<Token> segment_normalized(const NormalizedText& nt, SegmentMode mode, Workspace& ws,
                                        bool for_entities = false) const;

  const Lexicon& lexicon() const { return lexicon_; }
  const SegmenterOptions& options() const { return options_; }

 private:
  class Emitter;
  // A run of Han characters: its code points, and where it starts.
  struct HanRun {
    const char32_t* cps;
    uint32_t n;
    uint32_t first;  // the char index of cps[0] in the text
  };

  void segment_han(const HanRun& run, SegmentMode mode, Workspace& ws, Emitter& emit,
                   std::vector<TypedTermHit>* typed_terms) const;
  void emit_word(const HanRun& run, uint32_t a, uint32_t b, SegmentMode mode, Emitter& emit,
                 TokenWord word = {}) const;
  // The end (a char index) of the Latin word starting at char k: letters and
  // digits, joined by - . _ & ' when followed by more.
  uint32_t latin_end(const DecodedText& t, uint32_t k) const;

  CharClass char_class(char32_t c) const { return internal::char_class(classes_, c); }

  Lexicon lexicon_;
  SegmenterOptions options_;
  const CharClass* classes_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_SEGMENT_SEGMENTER_IMPL_H_
