// zhpolicy/document.h — everything zhpolicy found in one text.
#ifndef ZHPOLICY_DOCUMENT_H_
#define ZHPOLICY_DOCUMENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "zhpolicy/entity.h"
#include "zhpolicy/number.h"
#include "zhpolicy/span.h"
#include "zhpolicy/target.h"
#include "zhpolicy/token.h"

namespace zhpolicy {

// The result of Analyzer::analyze(): a copy of the input and its tokens,
// numbers, entities and person-position links, all as byte spans of text().
// IMPORTANT: the views returned by text() point into the Document and die
// with it.
class Document {
 public:
  Document() = default;
  Document(std::string text, std::vector<Token> tokens, std::vector<Number> numbers, Entities entities,
           std::vector<Target> targets = {})
      : text_(std::move(text)),
        tokens_(std::move(tokens)),
        numbers_(std::move(numbers)),
        entities_(std::move(entities)),
        targets_(std::move(targets)) {}

  std::string_view text() const { return text_; }
  std::string_view text(ByteSpan span) const { return slice(text_, span); }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Number>& numbers() const { return numbers_; }
  const std::vector<Entity>& entities() const { return entities_.entities; }
  const std::vector<Relation>& relations() const { return entities_.relations; }
  // Indicators with the numbers that measure them (zhpolicy/targets.h);
  // empty when AnalyzerOptions::targets is off.
  const std::vector<Target>& targets() const { return targets_; }

 private:
  std::string text_;
  std::vector<Token> tokens_;
  std::vector<Number> numbers_;
  Entities entities_;
  std::vector<Target> targets_;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_DOCUMENT_H_
