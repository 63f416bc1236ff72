// The public TargetExtractor: an analyzer (tokens, numbers, entities and
// targets in one pass) whose targets are returned.
#include "zhpolicy/targets.h"

#include "util/parallel.h"

namespace zhpolicy {

TargetExtractor::TargetExtractor(Lexicon lexicon) : analyzer_(std::move(lexicon)) {}

std::vector<Target> TargetExtractor::extract(std::string_view utf8_text) const {
  return analyzer_.analyze(utf8_text).targets();
}

std::vector<std::vector<Target>> TargetExtractor::extract_many(const std::vector<std::string_view>& texts,
                                                               unsigned n_threads) const {
  std::vector<std::vector<Target>> out(texts.size());
  internal::parallel_for(texts.size(), n_threads, [&](size_t i) { out[i] = extract(texts[i]); });
  return out;
}

const Lexicon& TargetExtractor::lexicon() const { return analyzer_.lexicon(); }

}  // namespace zhpolicy
