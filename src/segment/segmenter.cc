// The segmenter: runs of character classes, then the word graph + HMM on Han
// runs, and the numeric recognizer on digits; spans mapped back to the input.
#include "zhpolicy/segmenter.h"


#include "lexicon/lexicon_data.h"
#include "lexicon/word_graph.h"
#include "segment/char_class.h"
#include "segment/hmm.h"
#include "segment/numeric_token.h"
#include "util/parallel.h"
#include "zhpolicy/error.h"
#include "zhpolicy/text.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether cps[0, n) is a word (frequency > 0) of the lexicon or its user layer.
bool is_word(const LexiconData& lex, const char32_t* cps, uint32_t n) {
  return lex.find_word(cps, n, nullptr, /*segmentation_only=*/true) != nullptr;
}



}  // namespace

// Scratch memory of one segmentation, reused across the runs of a text
// (and across texts by the batch API).
struct Workspace {
  std::vector<char32_t> cps;
  std::vector<uint32_t> offsets;  // byte offset of each cp in the normalized text, plus end
  std::vector<uint32_t> edge_begin, next, hmm_ends;
  std::vector<WordEdge> edges;
  std::vector<double> score;
};

class SegmenterImpl {
 public:
  SegmenterImpl(Lexicon lexicon, SegmenterOptions options)
      : lexicon_(std::move(lexicon)), options_(options), classes_(bmp_char_classes()) {}

  std::vector<Token> segment(std::string_view text, SegmentMode mode) const {
    Workspace ws;
    return segment(text, mode, ws);
  }
  // The same with caller-owned scratch memory, reused across calls (the
  // batch API keeps one per worker thread).
  std::vector<Token> segment(std::string_view text, SegmentMode mode, Workspace& ws) const;
  // Segmentation of an already normalized text (spans in its original).
  std::vector<Token> segment_normalized(const NormalizedText& nt, SegmentMode mode, Workspace& ws) const;

  const Lexicon& lexicon() const { return lexicon_; }
  const SegmenterOptions& options() const { return options_; }

 private:
  // Tokens are first collected with spans into the normalized text.
  class Emitter {
   public:
    Emitter(const NormalizedText& nt, std::vector<Token>& out) : nt_(nt), out_(out) {}
    void operator()(uint32_t begin, uint32_t end, TokenKind kind) {
      const ByteSpan span = nt_.original_span({begin, end});
      // Empty only inside one expanded character (… → ...): its bytes already
      // belong to the token that holds the end of the expansion.
      if (!span.empty()) out_.push_back({span, kind});
    }

   private:
    const NormalizedText& nt_;
    std::vector<Token>& out_;
  };

  void segment_han(std::string_view s, uint32_t begin, uint32_t end, SegmentMode mode,
                   Workspace& ws, Emitter& emit) const;
  void emit_word(uint32_t a, uint32_t b, SegmentMode mode, Workspace& ws, Emitter& emit) const;

  CharClass char_class(char32_t c) const { return internal::char_class(classes_, c); }

  Lexicon lexicon_;
  SegmenterOptions options_;
  const CharClass* classes_;
};

void SegmenterImpl::emit_word(uint32_t a, uint32_t b, SegmentMode mode, Workspace& ws,
                              Emitter& emit) const {
  if (mode == SegmentMode::kSearch && b - a > 2) {
    const LexiconData& lex = lexicon_.data();
    for (uint32_t len = 2; len <= 3 && len < b - a; ++len) {
      for (uint32_t k = a; k + len <= b; ++k) {
        if (is_word(lex, &ws.cps[k], len)) emit(ws.offsets[k], ws.offsets[k + len], TokenKind::kWord);
      }
    }
  }
  emit(ws.offsets[a], ws.offsets[b], TokenKind::kWord);
}

void SegmenterImpl::segment_han(std::string_view s, uint32_t begin, uint32_t end,
                                SegmentMode mode, Workspace& ws, Emitter& emit) const {
  const LexiconData& lex = lexicon_.data();
  ws.cps.clear();
  ws.offsets.clear();
  for (size_t i = begin, len; i < end; i += len) {
    ws.offsets.push_back(static_cast<uint32_t>(i));
    ws.cps.push_back(utf8::decode(s, i, len));
  }
  ws.offsets.push_back(end);
  const auto n = static_cast<uint32_t>(ws.cps.size());
  build_word_graph(lex, ws.cps.data(), n, ws.edge_begin, ws.edges);
  best_path(n, ws.edge_begin, ws.edges, ws.score, ws.next);

  // Consecutive single characters are buffered: if the buffer is not itself a
  // word, the HMM may join them into unknown words (names, new terms).
  uint32_t buffer_start = n;  // n: empty
  auto flush = [&](uint32_t buffer_end) {
    if (buffer_start >= buffer_end) return;
    const uint32_t len = buffer_end - buffer_start;
    if (len == 1 || !options_.hmm || is_word(lex, &ws.cps[buffer_start], len)) {
      for (uint32_t k = buffer_start; k < buffer_end; ++k) emit_word(k, k + 1, mode, ws, emit);
    } else {
      ws.hmm_ends.clear();
      hmm_cut(lex.base.hmm(), &ws.cps[buffer_start], len, ws.hmm_ends);
      uint32_t a = buffer_start;
      for (uint32_t e : ws.hmm_ends) {
        emit_word(a, buffer_start + e, mode, ws, emit);
        a = buffer_start + e;
      }
    }
    buffer_start = n;
  };
  for (uint32_t x = 0; x < n;) {
    const uint32_t y = ws.next[x];
    if (y - x == 1) {
      if (buffer_start == n) buffer_start = x;
    } else {
      flush(x);
      emit_word(x, y, mode, ws, emit);
    }
    x = y;
  }
  flush(n);
}

std::vector<Token> SegmenterImpl::segment(std::string_view text, SegmentMode mode, Workspace& ws) const {
  if (options_.invalid_utf8 == InvalidUtf8::kThrow) {
    const size_t bad = utf8::find_invalid(text);
    if (bad != std::string_view::npos) {
      throw Error(ErrorCode::kInvalidArgument,
                  "invalid UTF-8 at byte " + std::to_string(bad) + " of the text");
    }
  }
  return segment_normalized(normalize(text), mode, ws);
}

std::vector<Token> SegmenterImpl::segment_normalized(const NormalizedText& nt, SegmentMode mode,
                                                     Workspace& ws) const {
  const std::string_view s = nt.normalized;
  std::vector<Token> out;
  out.reserve(s.size() / 3 + 1);
  Emitter emit(nt, out);

  size_t i = 0, len = 0;
  auto run_while = [&](size_t from, auto&& pred) {
    size_t j = from, l = 0;
    while (j < s.size()) {
      const char32_t c = utf8::decode(s, j, l);
      if (!pred(c)) break;
      j += l;
    }
    return j;
  };
  // Latin words: letters and digits, joined by - . _ & ' when followed by more.
  auto latin_end = [&](size_t from) {
    size_t j = from;
    for (;;) {
      j = run_while(j, [this](char32_t c) {
        const CharClass k = char_class(c);
        return k == CharClass::kLatin || k == CharClass::kDigit;
      });
      if (j + 1 < s.size() && (s[j] == '-' || s[j] == '.' || s[j] == '_' || s[j] == '&' ||
                               s[j] == '\'') && is_ascii_alnum(s[j + 1])) {
        ++j;
        continue;
      }
      return j;
    }
  };

  while (i < s.size()) {
    const char32_t c = utf8::decode(s, i, len);
    const CharClass cls = char_class(c);
    size_t j;
    TokenKind kind;
    switch (cls) {
      case CharClass::kHan:
        j = run_while(i, [this](char32_t x) { return char_class(x) == CharClass::kHan; });
        segment_han(s, static_cast<uint32_t>(i), static_cast<uint32_t>(j), mode, ws, emit);
        i = j;
        continue;
      case CharClass::kDigit: {
        const NumericMatch m = match_numeric(s, i);
        j = i + m.length;
        kind = m.kind;
        // Digits running into Latin letters form one Latin word: 5G, 3D, 100km.
        if (j < s.size() && char_class(utf8::decode(s, j, len)) == CharClass::kLatin &&
            is_ascii_alnum(s[j - 1])) {
          j = latin_end(i);
          kind = TokenKind::kLatin;
        }
        break;
      }
      case CharClass::kLatin:
        j = latin_end(i);
        kind = TokenKind::kLatin;
        break;
      case CharClass::kOtherLetter:
        j = run_while(i, [this](char32_t x) { return char_class(x) == CharClass::kOtherLetter; });
        kind = TokenKind::kWord;
        break;
      case CharClass::kSpace:
        j = run_while(i, [this](char32_t x) { return char_class(x) == CharClass::kSpace; });
        kind = TokenKind::kWhitespace;
        break;
      case CharClass::kPunct:
        // A run of one repeated mark (…… ——) is one token; others stand alone.
        j = run_while(i, [c](char32_t x) { return x == c; });
        kind = TokenKind::kPunctuation;
        break;
      case CharClass::kInvalid:
        j = i + 1;
        kind = TokenKind::kInvalid;
        break;
      default:
        j = i + len;
        kind = TokenKind::kSymbol;
        break;
    }
    emit(static_cast<uint32_t>(i), static_cast<uint32_t>(j), kind);
    i = j;
  }
  return out;
}

}  // namespace internal

Segmenter::Segmenter(Lexicon lexicon, SegmenterOptions options)
    : impl_(std::make_shared<internal::SegmenterImpl>(std::move(lexicon), options)) {}

std::vector<Token> Segmenter::segment(std::string_view utf8_text, SegmentMode mode) const {
  return impl_->segment(utf8_text, mode);
}

std::vector<std::string_view> Segmenter::cut(std::string_view utf8_text, SegmentMode mode) const {
  std::vector<std::string_view> words;
  for (const Token& t : impl_->segment(utf8_text, mode)) words.push_back(slice(utf8_text, t.span));
  return words;
}

std::vector<std::vector<Token>> Segmenter::segment_many(const std::vector<std::string_view>& texts,
                                                        SegmentMode mode,
                                                        unsigned n_threads) const {
  std::vector<std::vector<Token>> results(texts.size());
  internal::parallel_for(texts.size(), n_threads, [&](size_t i) {
    // One scratch area per worker thread, reused for all its texts.
    thread_local internal::Workspace workspace;
    results[i] = impl_->segment(texts[i], mode, workspace);
  });
  return results;
}

std::vector<Token> Segmenter::segment(std::string_view utf8_text, const NormalizedText& normalized,
                                      SegmentMode mode) const {
  if (impl_->options().invalid_utf8 == InvalidUtf8::kThrow) return segment(utf8_text, mode);
  internal::Workspace ws;
  return impl_->segment_normalized(normalized, mode, ws);
}

const Lexicon& Segmenter::lexicon() const { return impl_->lexicon(); }
const SegmenterOptions& Segmenter::options() const { return impl_->options(); }

}  // namespace zhpolicy
