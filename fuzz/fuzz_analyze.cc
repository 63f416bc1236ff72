// The analyzer on any bytes (entity tokens on or off): tokens tile the text,
// numbers, entities and targets satisfy their invariants, the document keeps the text.
#include "invariants.h"

using namespace zhpolicy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const Analyzer plain(zhpolicy_fuzz::lexicon());
  static const Analyzer merged(zhpolicy_fuzz::lexicon(), [] {
    AnalyzerOptions o;
    o.entity_tokens = true;
    return o;
  }());
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const Document doc = (data[0] & 1 ? merged : plain).analyze(text);
  zhpolicy_fuzz::require(doc.text() == text, "the document keeps the text");
  zhpolicy_fuzz::check_tiles(text, doc.tokens());
  zhpolicy_fuzz::check_numbers(text, doc.numbers());
  zhpolicy_fuzz::check_entities(text, Entities{doc.entities(), doc.relations()});
  zhpolicy_fuzz::check_targets(text, doc.numbers(), doc.targets());
  return 0;
}
