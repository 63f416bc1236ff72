// The analyzer: one segmentation shared by number and entity extraction; a
// long text, or a stream, in bounded pieces.
#include "zhpolicy/analyzer.h"

#include <istream>
#include <string>

#include "analyze/piece_end.h"
#include "entities/extractor_impl.h"
#include "numbers/extractor_impl.h"
#include "segment/segmenter_impl.h"
#include "targets/extractor_impl.h"
#include "zhpolicy/error.h"
#include "util/parallel.h"

namespace zhpolicy {
namespace internal {

class AnalyzerImpl {
 public:
  AnalyzerImpl(Lexicon lexicon, AnalyzerOptions options)
      : segmenter_(lexicon, options.segmenter),
        numbers_(lexicon),
        entities_(lexicon, options.entities),
        targets_(lexicon),
        options_(options) {}

  // A whole text (`context` null), or the next piece of one (`context`
  // carrying the earlier pieces' sections, updated for the next).
  Document analyze(std::string_view text, PieceContext* context = nullptr) const {
    segmenter_.check_utf8(text);
    SectionState sections;
    if (context) sections = {context->first_line_, context->first_heading_,
                             static_cast<target_detail::SectionModality>(context->section_)};
    struct SaveContext {
      PieceContext* context;
      const SectionState& sections;
      ~SaveContext() {
        if (!context) return;
        context->first_line_ = sections.first_line;
        context->first_heading_ = sections.first_heading;
        context->section_ = static_cast<uint8_t>(sections.current);
      }
    } save{context, sections};
    const size_t piece_bytes = std::max<size_t>(options_.whole_text_bytes, 64);
    if (text.size() <= piece_bytes) {
      Parts parts = analyze_part(text, context ? &sections : nullptr);
      return Document(std::string(text), std::move(parts.tokens), std::move(parts.numbers),
                      std::move(parts.entities), std::move(parts.targets));
    }
    // In pieces: each one's spans moved to where it starts, its relations and
    // targets' number indices past the earlier pieces'.
    Parts all;
    for (size_t at = 0; at < text.size();) {
      const std::string_view rest = text.substr(at);
      const size_t len = rest.size() <= piece_bytes ? rest.size() : piece_end(rest, piece_bytes);
      Parts part = analyze_part(rest.substr(0, len), &sections);
      const auto offset = static_cast<uint32_t>(at);
      auto shift = [offset](ByteSpan& s) {
        s.begin += offset;
        s.end += offset;
      };
      const auto numbers_before = static_cast<uint32_t>(all.numbers.size());
      const auto entities_before = static_cast<uint32_t>(all.entities.entities.size());
      for (Token& t : part.tokens) shift(t.span);
      for (Number& n : part.numbers) shift(n.span);
      for (Entity& e : part.entities.entities) shift(e.span);
      for (Relation& r : part.entities.relations) {
        r.head += entities_before;
        r.tail += entities_before;
      }
      for (Target& t : part.targets) {
        shift(t.indicator);
        shift(t.number.span);
        t.number_index += numbers_before;
      }
      append(all.tokens, part.tokens);
      append(all.numbers, part.numbers);
      append(all.entities.entities, part.entities.entities);
      append(all.entities.relations, part.entities.relations);
      append(all.targets, part.targets);
      at += len;
    }
    return Document(std::string(text), std::move(all.tokens), std::move(all.numbers), std::move(all.entities),
                    std::move(all.targets));
  }

  void analyze_stream(std::istream& in, const std::function<void(const Document&, uint64_t)>& on_piece,
                      size_t piece_bytes) const {
    PieceReader reader(in, piece_bytes);
    std::string piece;
    uint64_t offset = 0;
    SectionState sections;  // a report's sections run across pieces
    while (reader.next(piece, offset)) {
      segmenter_.check_utf8(piece);
      Parts parts = analyze_part(piece, &sections);
      on_piece(Document(piece, std::move(parts.tokens), std::move(parts.numbers), std::move(parts.entities),
                        std::move(parts.targets)),
               offset);
    }
  }
  // What analyze(piece, context) leaves in `context`, read off the piece's
  // lines alone.
  void skip_piece(std::string_view piece, PieceContext& context) const {
    SectionState sections{context.first_line_, context.first_heading_,
                          static_cast<target_detail::SectionModality>(context.section_)};
    const NormalizedText normalized = normalize(piece);
    target_detail::find_sections(normalized.normalized, &sections);
    context.first_line_ = sections.first_line;
    context.first_heading_ = sections.first_heading;
    context.section_ = static_cast<uint8_t>(sections.current);
  }
  const Lexicon& lexicon() const { return segmenter_.lexicon(); }
  const AnalyzerOptions& options() const { return options_; }

 private:
  struct Parts {
    std::vector<Token> tokens;
    std::vector<Number> numbers;
    Entities entities;
    std::vector<Target> targets;
  };

  template <typename T>
  static void append(std::vector<T>& to, std::vector<T>& from) {
    if (to.empty()) {
      to.swap(from);
    } else {
      to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
    }
  }

  // A text, or the next piece of one (`sections` carrying the earlier
  // pieces'): text -> one normalized view -> tokens -> numbers and entities
  // -> targets. The segmenter leaves the normalized view decoded, with each
  // token's char span and the typed terms its word graphs met: number and
  // entity extraction take them instead of decoding and looking up again.
  Parts analyze_part(std::string_view text, SectionState* sections) const {
    const NormalizedText normalized = normalize(text);
    ThreadWorkspace seg;
    Workspace& ws = seg.get();
    Parts out;
    out.tokens = segmenter_.segment_normalized(normalized, SegmentMode::kDefault, ws, true);
    out.numbers = numbers_.extract_normalized(normalized, &ws.text);
    out.entities = entities_.extract(entity_detail::SegmentedText{&normalized, &ws.text, &ws.token_chars,
                                                                   &ws.typed_terms, &ws.token_words});
    if (options_.targets) {
      out.targets = targets_.extract(normalized, out.tokens, out.numbers, out.entities.entities, nullptr, sections);
    }
    if (options_.entity_tokens) out.tokens = merge_entity_tokens(out.tokens, out.entities.entities);
    return out;
  }

  SegmenterImpl segmenter_;
  NumberExtractorImpl numbers_;
  EntityExtractorImpl entities_;
  TargetExtractorImpl targets_;
  AnalyzerOptions options_;
};

}  // namespace internal

Analyzer::Analyzer(Lexicon lexicon, AnalyzerOptions options)
    : impl_(std::make_shared<internal::AnalyzerImpl>(std::move(lexicon), options)) {}

Document Analyzer::analyze(std::string_view utf8_text) const { return impl_->analyze(utf8_text); }

void Analyzer::analyze_stream(std::istream& in, const std::function<void(const Document&, uint64_t)>& on_piece,
                              size_t piece_bytes) const {
  impl_->analyze_stream(in, on_piece, piece_bytes);
}

std::vector<Document> Analyzer::analyze_many(const std::vector<std::string_view>& texts,
                                             unsigned n_threads) const {
  std::vector<Document> results(texts.size());
  internal::parallel_for(texts.size(), n_threads, [&](size_t i) { results[i] = impl_->analyze(texts[i]); });
  return results;
}

Document Analyzer::analyze_piece(std::string_view piece, PieceContext& context) const {
  return impl_->analyze(piece, &context);
}

void Analyzer::skip_piece(std::string_view piece, PieceContext& context) const { impl_->skip_piece(piece, context); }

std::vector<Document> Analyzer::analyze_pieces(const std::vector<std::string_view>& pieces,
                                               const std::vector<PieceContext>& contexts, unsigned n_threads) const {
  if (contexts.size() != pieces.size()) {
    throw Error(ErrorCode::kInvalidArgument, "analyze_pieces: " + std::to_string(pieces.size()) + " pieces but " +
                                                 std::to_string(contexts.size()) + " contexts");
  }
  std::vector<Document> results(pieces.size());
  internal::parallel_for(pieces.size(), n_threads, [&](size_t i) {
    PieceContext context = contexts[i];
    results[i] = impl_->analyze(pieces[i], &context);
  });
  return results;
}

const Lexicon& Analyzer::lexicon() const { return impl_->lexicon(); }
const AnalyzerOptions& Analyzer::options() const { return impl_->options(); }

std::vector<Token> merge_entity_tokens(const std::vector<Token>& tokens, const std::vector<Entity>& entities) {
  std::vector<Token> out;
  out.reserve(tokens.size());
  size_t e = 0;
  for (const Token& tok : tokens) {
    uint32_t pos = tok.span.begin;
    while (pos < tok.span.end) {
      while (e < entities.size() && entities[e].span.end <= pos) ++e;
      if (e < entities.size() && entities[e].span.begin <= pos) {
        // Inside an entity: one token for all of it, emitted at its start
        // (tokens are split there, so every entity start is reached).
        if (entities[e].span.begin == pos) out.push_back({entities[e].span, TokenKind::kWord});
        pos = std::min(tok.span.end, entities[e].span.end);
        continue;
      }
      // Outside entities: the token's bytes up to the next entity start.
      uint32_t end = tok.span.end;
      if (e < entities.size() && entities[e].span.begin < end) end = entities[e].span.begin;
      out.push_back({{pos, end}, tok.kind});
      pos = end;
    }
  }
  return out;
}

}  // namespace zhpolicy
