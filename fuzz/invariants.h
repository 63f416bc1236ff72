// fuzz/invariants.h — what every result must satisfy, whatever the input:
// checked by the fuzz targets, which abort (a finding) when one fails.
#ifndef ZHPOLICY_FUZZ_INVARIANTS_H_
#define ZHPOLICY_FUZZ_INVARIANTS_H_

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "zhpolicy.h"

namespace zhpolicy_fuzz {

// A failed invariant is a finding: say which, then abort so libFuzzer keeps the input.
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "zhpolicy fuzz: invariant violated: %s\n", what);
  std::abort();
}
inline void require(bool ok, const char* what) {
  if (!ok) fail(what);
}

// The default lexicon built beside the target (path compiled in), loaded once.
const zhpolicy::Lexicon& lexicon();

// Tokens tile the text: consecutive, non-empty, from 0 to its end.
inline void check_tiles(std::string_view text, const std::vector<zhpolicy::Token>& tokens) {
  uint32_t pos = 0;
  for (const auto& t : tokens) {
    require(t.span.begin == pos && t.span.end > t.span.begin, "tokens tile the text");
    pos = t.span.end;
  }
  require(pos == text.size(), "tokens end at the end of the text");
}

// A span lies inside the text, is not empty, and starts no earlier than `from`.
inline void check_span(std::string_view text, zhpolicy::ByteSpan span, uint32_t from, const char* what) {
  require(span.begin < span.end && span.end <= text.size() && span.begin >= from, what);
}

// Search-mode tokens: inside the text; dropping the sub-words (each given
// right before its word) leaves the default tokens, in order.
inline void check_search_tokens(std::string_view text, const std::vector<zhpolicy::Token>& search,
                                const std::vector<zhpolicy::Token>& tokens) {
  size_t next = 0;
  for (const auto& t : search) {
    check_span(text, t.span, 0, "search tokens are inside the text");
    if (next < tokens.size() && t.span == tokens[next].span) {
      ++next;
    } else {
      require(next < tokens.size() && t.span.begin >= tokens[next].span.begin && t.span.end <= tokens[next].span.end,
              "a search sub-word lies inside the word after it");
    }
  }
  require(next == tokens.size(), "search tokens hold the default tokens in order");
}

inline bool finite_decimal(const zhpolicy::Decimal& d) {
  if (d.digits().empty()) return false;
  for (char c : d.digits()) {
    if (c < '0' || c > '9') return false;
  }
  const auto back = zhpolicy::Decimal::parse(d.to_string());
  return back && *back == d;
}

// Numbers: in order, disjoint, inside the text; values are decimals that read
// back as written, where the kind has a value; dates and times have their ISO form.
inline void check_numbers(std::string_view text, const std::vector<zhpolicy::Number>& numbers) {
  uint32_t end = 0;
  for (const auto& n : numbers) {
    check_span(text, n.span, end, "numbers are disjoint, in order and inside the text");
    end = n.span.end;
    if (n.kind == zhpolicy::NumberKind::kDate || n.kind == zhpolicy::NumberKind::kTime) {
      require(!n.iso.empty(), "dates and times have an ISO form");
      continue;
    }
    if (n.kind == zhpolicy::NumberKind::kCode) {
      require(!n.iso.empty(), "codes keep their digits");
      continue;
    }
    require(finite_decimal(n.value), "number values are finite decimals");
    if (n.value_max) require(finite_decimal(*n.value_max), "range ends are finite decimals");
  }
}

// Entities: in order, disjoint, inside the text, typed, scored in (0, 1];
// relations point at entities.
inline void check_entities(std::string_view text, const zhpolicy::Entities& result) {
  uint32_t end = 0;
  for (const auto& e : result.entities) {
    check_span(text, e.span, end, "entities are disjoint, in order and inside the text");
    end = e.span.end;
    require(e.type != zhpolicy::EntityType::kNone, "entities have a type");
    require(e.score > 0.0f && e.score <= 1.0f, "entity scores are in (0, 1]");
  }
  for (const auto& r : result.relations) {
    require(r.head < result.entities.size() && r.tail < result.entities.size(), "relations point at entities");
  }
}

// Targets: the indicator inside the text and apart from its number, which is
// the document's own; records in the order of their numbers; scores in (0, 1].
inline void check_targets(std::string_view text, const std::vector<zhpolicy::Number>& numbers,
                          const std::vector<zhpolicy::Target>& targets) {
  uint32_t last_number = 0;
  for (const auto& t : targets) {
    check_span(text, t.indicator, 0, "target indicators lie inside the text");
    require(t.number_index < numbers.size(), "a target points at a number of the document");
    require(t.number_index >= last_number, "targets come in the order of their numbers");
    last_number = t.number_index;
    const zhpolicy::Number& n = numbers[t.number_index];
    require(n.span == t.number.span && n.kind == t.number.kind, "a target's number is the document's");
    require(t.indicator.end <= n.span.begin || t.indicator.begin >= n.span.end,
            "an indicator does not overlap its number");
    require(t.score > 0.0f && t.score <= 1.0f, "target scores are in (0, 1]");
  }
}

}  // namespace zhpolicy_fuzz

#endif  // ZHPOLICY_FUZZ_INVARIANTS_H_
