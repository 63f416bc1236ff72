// The analyzer: one segmentation shared by number and entity extraction.
#include "zhpolicy/analyzer.h"

#include "entities/extractor_impl.h"
#include "numbers/extractor_impl.h"
#include "segment/segmenter_impl.h"
#include "targets/extractor_impl.h"
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

  Document analyze(std::string_view text) const {
    segmenter_.check_utf8(text);
    // text -> one normalized view -> tokens -> numbers and entities. The
    // segmenter leaves the normalized view decoded, with each token's char
    // span and the typed terms its word graphs met: number and entity
    // extraction take them instead of decoding and looking up again.
    const NormalizedText normalized = normalize(text);
    ThreadWorkspace seg;
    Workspace& ws = seg.get();
    std::vector<Token> tokens = segmenter_.segment_normalized(normalized, SegmentMode::kDefault, ws, true);
    std::vector<Number> numbers = numbers_.extract_normalized(normalized, &ws.text);
    Entities entities = entities_.extract(entity_detail::SegmentedText{&normalized, &ws.text, &ws.token_chars,
                                                                       &ws.typed_terms, &ws.token_words});
    std::vector<Target> targets;
    if (options_.targets) targets = targets_.extract(normalized, tokens, numbers, entities.entities);
    if (options_.entity_tokens) tokens = merge_entity_tokens(tokens, entities.entities);
    return Document(std::string(text), std::move(tokens), std::move(numbers), std::move(entities),
                    std::move(targets));
  }
  const Lexicon& lexicon() const { return segmenter_.lexicon(); }
  const AnalyzerOptions& options() const { return options_; }

 private:
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

std::vector<Document> Analyzer::analyze_many(const std::vector<std::string_view>& texts,
                                             unsigned n_threads) const {
  std::vector<Document> results(texts.size());
  internal::parallel_for(texts.size(), n_threads, [&](size_t i) { results[i] = impl_->analyze(texts[i]); });
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
