// Number extraction on any bytes: disjoint spans in order inside the text,
// exact decimal values where the kind has one; the same with the text
// normalized first.
#include "invariants.h"

using namespace zhpolicy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const NumberExtractor extractor(zhpolicy_fuzz::lexicon());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<Number> numbers = extractor.extract(text);
  zhpolicy_fuzz::check_numbers(text, numbers);
  const NormalizedText normalized = normalize(text);
  const std::vector<Number> again = extractor.extract(text, normalized);
  zhpolicy_fuzz::require(again.size() == numbers.size(), "extract(text, normalize(text)) == extract(text)");
  return 0;
}
