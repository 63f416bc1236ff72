// src/targets/extractor_impl.h — targets from an analyzed text: what the
// rules share and the extractor's class. Its parts, one concern per file:
//   items.cc            the text as items: words, numbers, marks (normalized view)
//   sections.cc         which parts of a report review the past and which plan
//   indicator_names.cc  canonical names of common indicators
//   extractor.cc        clauses, indicators, relations, modality
#ifndef ZHPOLICY_SRC_TARGETS_EXTRACTOR_IMPL_H_
#define ZHPOLICY_SRC_TARGETS_EXTRACTOR_IMPL_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "targets/boundary_model.h"
#include "zhpolicy/entity.h"
#include "zhpolicy/lexicon.h"
#include "zhpolicy/number.h"
#include "zhpolicy/target.h"
#include "zhpolicy/text.h"
#include "zhpolicy/token.h"

namespace zhpolicy {
namespace internal {
namespace target_detail {

// One unit of a clause, in bytes of the normalized view.
struct Item {
  enum Kind : uint8_t {
    kWord,         // a word (Han, Latin, or other)
    kValue,        // a number that may measure an indicator (numbers[number])
    kOtherNumber,  // a date, ordinal, code, or a count of time: part of the prose
    kMark,         // punctuation within a sentence: ， 、 ： （ ） “ ” …
    kEnd,          // a sentence end: 。 ； ！ ？ or a line break
  };
  uint32_t begin = 0, end = 0;
  std::string_view text;  // of the normalized view
  Kind kind = kWord;
  int32_t number = -1;    // index into the numbers for kValue and kOtherNumber
  bool place = false;     // inside a place or government entity (the scope, not the indicator)
};

// Items [first, last) of an indicator. `cut` bytes at the end belong to a
// relation word that the segmenter joined to the indicator's last word (价格上涨).
struct Range {
  size_t first = 0, last = 0;
  uint32_t cut = 0;
  bool empty() const { return first >= last; }
};

// One choice of where an indicator starts, for training the boundary model:
// each candidate start's indicator (a span of the original text) and
// features, and which candidate the rules chose.
struct BoundaryCase {
  uint32_t number_index = 0;
  std::vector<ByteSpan> spans;
  std::vector<std::vector<uint64_t>> features;
  size_t rule_choice = 0;
};

// The part-of-speech tag of a word, "" when the lexicon lacks it.
using TagOf = std::function<std::string_view(std::string_view)>;

// The features of starting an indicator at items[k], in the run [run_begin,
// end) whose rule start is `rule_start` (boundary_model.cc). Shared by the
// extractor and the trainer.
void start_features(const std::vector<Item>& items, size_t k, size_t run_begin, size_t rule_start, size_t end,
                    const TagOf& tag_of, std::vector<uint64_t>& out);

// The normalized byte offset where original offset `original` lands (the
// inverse of NormalizedText::to_original, rounded up inside a change).
uint32_t to_normalized(const NormalizedText& nt, uint32_t original);

// The items of a text. Numbers inside slogans, documents and meetings (十四五,
// 二十届四中全会) and numbers of time and order are kOtherNumber.
std::vector<Item> make_items(const NormalizedText& nt, const std::vector<Token>& tokens,
                             const std::vector<Number>& numbers, const std::vector<Entity>& entities);

// Per line of the normalized view (begin offsets in order): the modality its
// section of a report implies, from the numbered headings (一、2025年工作回顾
// reviews, 三、2026年重点工作 plans); `before` ahead of the first heading
// (kNone in a text of its own, the section a piece starts in otherwise).
enum class SectionModality : uint8_t { kNone, kActual, kTarget };
struct Sections {
  std::vector<uint32_t> begins;
  std::vector<SectionModality> modality;
  SectionModality before = SectionModality::kNone;
  SectionModality at(uint32_t offset) const;
};
}  // namespace target_detail

// What the section reading of a text's pieces so far carries to the next
// piece (a text analyzed in pieces, Analyzer): whether the title line and the
// first heading were seen, and the section the last piece ended in.
struct SectionState {
  bool first_line = true;
  bool first_heading = true;
  target_detail::SectionModality current = target_detail::SectionModality::kNone;
};

namespace target_detail {
// The sections of `normalized`, a whole text, or the next piece of one when
// `state` carries the pieces before it (updated for the next).
Sections find_sections(std::string_view normalized, SectionState* state = nullptr);

// Canonical names of common indicators (src/data/targets/indicators.tsv).
class IndicatorNames {
 public:
  IndicatorNames();
  // The canonical name of `indicator` (normalized text), or "".
  std::string_view canonical(std::string_view indicator) const;

 private:
  std::unordered_map<std::string, std::string> alias_to_name_;
};

}  // namespace target_detail

class TargetExtractorImpl {
 public:
  // use_model=false: the rules alone even when the lexicon has a target model (training).
  explicit TargetExtractorImpl(Lexicon lexicon, bool use_model = true);
  // Records of a text analyzed already: `tokens`, `numbers`, `entities` are
  // spans of the original text that `nt` normalizes. With `cases`, each
  // choice of an indicator's start is also recorded there (for training).
  // `sections` carries a text's earlier pieces when it is one of them.
  std::vector<Target> extract(const NormalizedText& nt, const std::vector<Token>& tokens,
                              const std::vector<Number>& numbers, const std::vector<Entity>& entities,
                              std::vector<target_detail::BoundaryCase>* cases = nullptr,
                              SectionState* sections = nullptr) const;
  const Lexicon& lexicon() const { return lexicon_; }
  bool has_model() const { return boundary_.has_value(); }

 private:
  std::string_view tag_of(std::string_view word) const;
  bool is_verb(std::string_view word) const;
  // Where the run [run_begin, run.last) starts: the model's choice, or the rules' (run.first).
  void choose_start(const NormalizedText& nt, const std::vector<target_detail::Item>& items, size_t run_begin,
                    target_detail::Range& run, int32_t number,
                    std::vector<target_detail::BoundaryCase>* cases) const;

  Lexicon lexicon_;
  target_detail::IndicatorNames names_;
  std::optional<BoundaryModel> boundary_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_TARGETS_EXTRACTOR_IMPL_H_
