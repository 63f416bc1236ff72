// The segmenter: runs of character classes, then the word graph + HMM on Han
// runs, and the numeric recognizer on digits; spans mapped back to the input.
#include "zhpolicy/segmenter.h"

#include "lexicon/lexicon_data.h"
#include "segment/numeric_token.h"
#include "segment/segmenter_impl.h"
#include "util/buffers.h"
#include "util/parallel.h"
#include "zhpolicy/error.h"
#include "zhpolicy/text.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether cps[0, n) is a word (frequency > 0) of the lexicon or its user layer.
bool is_word(const LexiconData& lex, const char32_t* cps, uint32_t n) {
  return lex.find_word(cps, n, nullptr, /*segmentation_only=*/true) != nullptr;
}

// 和, 与, 及 join a list's members and 等 closes a list.
bool is_list_conjunction(char32_t c) { return c == U'和' || c == U'与' || c == U'及' || c == U'等'; }

}  // namespace

void Workspace::trim() {
  const size_t held = bytes_held(text.cps, text.byte_at, edge_begin, next, hmm_ends, edges, score, hmm.score,
                                 hmm.back, hmm.states, typed_terms, token_chars,
                                 token_words, edge_words);
  if (held > kWorkspaceKeepBytes) *this = Workspace();
}

ThreadWorkspace::ThreadWorkspace()
    : ws_([]() -> Workspace& {
        thread_local Workspace ws;
        return ws;
      }()) {}

// Tokens are found as char spans of the normalized text and given as byte
// spans of the original.
class SegmenterImpl::Emitter {
 public:
  Emitter(const NormalizedText& nt, const uint32_t* byte_at, std::vector<Token>& out,
          std::vector<CharSpan>* token_chars, std::vector<TokenWord>* token_words)
      : nt_(nt),
        byte_at_(byte_at),
        out_(out),
        token_chars_(token_chars),
        token_words_(token_words),
        // Most text is its own normalized view: one identity piece, offsets
        // the same in both (no lookup in the map per token).
        unchanged_(nt.pieces.size() == 1 && nt.pieces[0].identity && nt.pieces[0].original_begin == 0 &&
                   nt.normalized.size() == nt.original_size) {}
  // `word`: what the lexicon says of the token, if the word graph knows.
  void operator()(uint32_t begin, uint32_t end, TokenKind kind, TokenWord word = {}) {
    // In chars every token is kept: they tile the normalized view.
    if (token_chars_) {
      token_chars_->push_back({begin, end});
      token_words_->push_back(word);
    }
    const ByteSpan normalized{byte_at_[begin], byte_at_[end]};
    const ByteSpan span = unchanged_ ? normalized : ByteSpan{original(normalized.begin), original(normalized.end)};
    // Empty only inside one expanded character (㈠ → (一)): its bytes
    // already belong to the token that holds the end of the expansion.
    if (!span.empty()) out_.push_back({span, kind});
  }

 private:
  // nt_.to_original(n), walking the map with the tokens (they come in
  // order, but for the sub-words of search mode) instead of a binary search
  // over all its pieces per offset: a long text has thousands.
  uint32_t original(uint32_t n) {
    const auto& pieces = nt_.pieces;
    if (pieces.empty() || n >= nt_.normalized.size() || n < pieces[piece_].normalized_begin) return nt_.to_original(n);
    while (piece_ + 1 < pieces.size() && pieces[piece_ + 1].normalized_begin <= n) ++piece_;
    const NormalizedText::Piece& p = pieces[piece_];
    return p.identity ? p.original_begin + (n - p.normalized_begin) : p.original_begin;
  }

  const NormalizedText& nt_;
  size_t piece_ = 0;  // the piece of the last offset mapped
  const uint32_t* byte_at_;
  std::vector<Token>& out_;
  std::vector<CharSpan>* token_chars_;
  std::vector<TokenWord>* token_words_;
  const bool unchanged_;
};

void SegmenterImpl::emit_word(const HanRun& run, uint32_t a, uint32_t b, SegmentMode mode,
                              Emitter& emit, TokenWord word) const {
  if (mode == SegmentMode::kSearch && b - a > 2) {
    const LexiconData& lex = lexicon_.data();
    for (uint32_t len = 2; len <= 3 && len < b - a; ++len) {
      for (uint32_t k = a; k + len <= b; ++k) {
        if (is_word(lex, run.cps + k, len)) emit(run.first + k, run.first + k + len, TokenKind::kWord);
      }
    }
  }
  emit(run.first + a, run.first + b, TokenKind::kWord, mode == SegmentMode::kSearch ? TokenWord{} : word);
}

void SegmenterImpl::segment_han(const HanRun& run, SegmentMode mode, Workspace& ws, Emitter& emit,
                                std::vector<TypedTermHit>* typed_terms) const {
  const LexiconData& lex = lexicon_.data();
  const uint32_t n = run.n;
  build_word_graph(lex, run.cps, n, ws.edge_begin, ws.edges, typed_terms, run.first,
                   typed_terms ? &ws.edge_words : nullptr);
  best_path(n, ws.edge_begin, ws.edges, ws.score, ws.next);
  // What the lexicon says of the word [a, b) of the graph (entities only).
  auto graph_word = [&](uint32_t a, uint32_t b) -> TokenWord {
    if (ws.edge_words.empty()) return {};
    for (uint32_t e = ws.edge_begin[a]; e < ws.edge_begin[a + 1]; ++e) {
      if (ws.edges[e].end == b) return ws.edge_words[e];
    }
    return {};
  };

  // Consecutive single characters are buffered: if the buffer is not itself a
  // word, the HMM may join them into unknown words (names, new terms).
  uint32_t buffer_start = n;  // n: empty
  auto flush = [&](uint32_t buffer_end) {
    if (buffer_start >= buffer_end) return;
    const uint32_t len = buffer_end - buffer_start;
    if (len == 1 || !options_.hmm || is_word(lex, run.cps + buffer_start, len)) {
      for (uint32_t k = buffer_start; k < buffer_end; ++k) emit_word(run, k, k + 1, mode, emit, graph_word(k, k + 1));
    } else {
      // A list's conjunctions are words of their own, never part of a word
      // the HMM joins (歌剧 节等 → 节 等, 哩哩哩等 → 哩哩哩 等; jieba's
      // finalseg joins them): the HMM runs on the pieces between them.
      for (uint32_t a = buffer_start; a < buffer_end;) {
        uint32_t b = a;
        while (b < buffer_end && !is_list_conjunction(run.cps[b])) ++b;
        if (b - a == 1) {
          emit_word(run, a, b, mode, emit, graph_word(a, b));
        } else if (b > a) {
          ws.hmm_ends.clear();
          hmm_cut(lex.base.hmm(), run.cps + a, b - a, ws.hmm_ends, ws.hmm);
          uint32_t x = a;
          for (uint32_t e : ws.hmm_ends) {
            emit_word(run, x, a + e, mode, emit);
            x = a + e;
          }
        }
        if (b < buffer_end) emit_word(run, b, b + 1, mode, emit, graph_word(b, b + 1));
        a = b + 1;
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
      emit_word(run, x, y, mode, emit, graph_word(x, y));
    }
    x = y;
  }
  flush(n);
}

uint32_t SegmenterImpl::latin_end(const DecodedText& t, uint32_t k) const {
  const char32_t* const cps = t.cps.data();
  const uint32_t n = t.size();
  for (;;) {
    while (k < n) {
      const CharClass c = char_class(cps[k]);
      if (c != CharClass::kLatin && c != CharClass::kDigit) break;
      ++k;
    }
    if (k + 1 < n && (cps[k] == '-' || cps[k] == '.' || cps[k] == '_' || cps[k] == '&' || cps[k] == '\'') &&
        is_ascii_alnum(cps[k + 1])) {
      ++k;
      continue;
    }
    return k;
  }
}

void SegmenterImpl::check_utf8(std::string_view text) const {
  if (options_.invalid_utf8 != InvalidUtf8::kThrow) return;
  const size_t bad = utf8::find_invalid(text);
  if (bad != std::string_view::npos) {
    throw Error(ErrorCode::kInvalidArgument, "invalid UTF-8 at byte " + std::to_string(bad) + " of the text");
  }
}

std::vector<Token> SegmenterImpl::segment(std::string_view text, SegmentMode mode, Workspace& ws) const {
  check_utf8(text);
  return segment_normalized(normalize(text), mode, ws);
}

std::vector<Token> SegmenterImpl::segment_normalized(const NormalizedText& nt, SegmentMode mode,
                                                     Workspace& ws, bool for_entities) const {
  const std::string_view s = nt.normalized;
  std::vector<Token> out;
  out.reserve(s.size() / 3 + 1);
  // Decoded once: runs are found, and Han runs segmented, on code points.
  DecodedText& t = ws.text;
  t.decode(s);
  std::vector<TypedTermHit>* const typed_terms = for_entities ? &ws.typed_terms : nullptr;
  ws.typed_terms.clear();
  ws.token_chars.clear();
  ws.token_words.clear();
  ws.edge_words.clear();
  Emitter emit(nt, t.byte_at.data(), out, for_entities ? &ws.token_chars : nullptr,
               for_entities ? &ws.token_words : nullptr);
  const char32_t* const cps = t.cps.data();
  const uint32_t* const at = t.byte_at.data();
  const uint32_t n = t.size();
  auto run_while = [&](uint32_t from, auto&& pred) {
    while (from < n && pred(cps[from])) ++from;
    return from;
  };
  // The first char starting at or after byte `byte` (at most a few chars on).
  auto char_at_byte = [&](uint32_t from, size_t byte) {
    while (from < n && at[from] < byte) ++from;
    return from;
  };

  for (uint32_t k = 0; k < n;) {
    const char32_t c = cps[k];
    const CharClass cls = char_class(c);
    uint32_t j;
    TokenKind kind;
    switch (cls) {
      case CharClass::kHan:
        j = run_while(k, [this](char32_t x) { return char_class(x) == CharClass::kHan; });
        segment_han({cps + k, j - k, k}, mode, ws, emit, typed_terms);
        k = j;
        continue;
      case CharClass::kDigit: {
        const NumericMatch m = match_numeric(s, at[k]);
        j = char_at_byte(k, at[k] + m.length);
        kind = m.kind;
        // Digits running into Latin letters form one Latin word: 5G, 3D, 100km.
        if (j < n && char_class(cps[j]) == CharClass::kLatin && is_ascii_alnum(cps[j - 1])) {
          j = latin_end(t, k);
          kind = TokenKind::kLatin;
        }
        break;
      }
      case CharClass::kLatin:
        j = latin_end(t, k);
        kind = TokenKind::kLatin;
        break;
      case CharClass::kOtherLetter:
        j = run_while(k, [this](char32_t x) { return char_class(x) == CharClass::kOtherLetter; });
        kind = TokenKind::kWord;
        break;
      case CharClass::kSpace:
        j = run_while(k, [this](char32_t x) { return char_class(x) == CharClass::kSpace; });
        kind = TokenKind::kWhitespace;
        break;
      case CharClass::kPunct:
        // A run of one repeated mark (…… ——) is one token; others stand alone.
        j = run_while(k, [c](char32_t x) { return x == c; });
        kind = TokenKind::kPunctuation;
        break;
      case CharClass::kInvalid:
        j = k + 1;
        kind = TokenKind::kInvalid;
        break;
      default:
        j = k + 1;
        kind = TokenKind::kSymbol;
        break;
    }
    emit(k, j, kind);
    k = j;
  }
  return out;
}

}  // namespace internal

Segmenter::Segmenter(Lexicon lexicon, SegmenterOptions options)
    : impl_(std::make_shared<internal::SegmenterImpl>(std::move(lexicon), options)) {}

std::vector<Token> Segmenter::segment(std::string_view utf8_text, SegmentMode mode) const {
  internal::ThreadWorkspace ws;
  return impl_->segment(utf8_text, mode, ws.get());
}

std::vector<std::string_view> Segmenter::cut(std::string_view utf8_text, SegmentMode mode) const {
  std::vector<std::string_view> words;
  for (const Token& t : segment(utf8_text, mode)) words.push_back(slice(utf8_text, t.span));
  return words;
}

std::vector<std::vector<Token>> Segmenter::segment_many(const std::vector<std::string_view>& texts,
                                                        SegmentMode mode,
                                                        unsigned n_threads) const {
  std::vector<std::vector<Token>> results(texts.size());
  internal::parallel_for(texts.size(), n_threads, [&](size_t i) {
    internal::ThreadWorkspace ws;
    results[i] = impl_->segment(texts[i], mode, ws.get());
  });
  return results;
}

std::vector<Token> Segmenter::segment(std::string_view utf8_text, const NormalizedText& normalized,
                                      SegmentMode mode) const {
  impl_->check_utf8(utf8_text);
  internal::ThreadWorkspace ws;
  return impl_->segment_normalized(normalized, mode, ws.get());
}

const Lexicon& Segmenter::lexicon() const { return impl_->lexicon(); }
const SegmenterOptions& Segmenter::options() const { return impl_->options(); }

}  // namespace zhpolicy
