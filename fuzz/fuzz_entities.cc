// Entity extraction on any bytes, with and without the learned model, and
// on the segmenter's tokens: disjoint typed spans in order inside the text,
// scores in (0, 1], relations between found entities.
#include "invariants.h"

using namespace zhpolicy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const EntityExtractor with_model(zhpolicy_fuzz::lexicon());
  static const EntityExtractor rules(zhpolicy_fuzz::lexicon(), [] {
    EntityOptions o;
    o.model = false;
    return o;
  }());
  static const Segmenter segmenter(zhpolicy_fuzz::lexicon());
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const Entities found = with_model.extract(text);
  zhpolicy_fuzz::check_entities(text, found);
  zhpolicy_fuzz::check_entities(text, rules.extract(text));
  const Entities with_tokens = with_model.extract(text, segmenter.segment(text));
  zhpolicy_fuzz::check_entities(text, with_tokens);
  zhpolicy_fuzz::require(with_tokens.entities.size() == found.entities.size(),
                         "segment()'s tokens give what extract(text) gives");
  return 0;
}
