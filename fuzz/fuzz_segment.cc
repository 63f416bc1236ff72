// Segmentation in every mode and option: default tokens tile any input;
// search tokens lie inside it in order, and without the sub-words they are
// the default tokens; refusing ill-formed UTF-8 throws only kInvalidArgument.
#include "invariants.h"

using namespace zhpolicy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  SegmenterOptions options;
  options.hmm = flags & 1;
  options.invalid_utf8 = flags & 2 ? InvalidUtf8::kThrow : InvalidUtf8::kIsolate;
  const Segmenter segmenter(zhpolicy_fuzz::lexicon(), options);
  try {
    const std::vector<Token> tokens = segmenter.segment(text);
    zhpolicy_fuzz::check_tiles(text, tokens);
    const std::vector<std::string_view> words = segmenter.cut(text);
    zhpolicy_fuzz::require(words.size() == tokens.size(), "cut gives one string per token");
    for (size_t i = 0; i < words.size(); ++i) {
      zhpolicy_fuzz::require(words[i] == slice(text, tokens[i].span), "cut's strings are the tokens' text");
    }
    const std::vector<Token> search = segmenter.segment(text, SegmentMode::kSearch);
    zhpolicy_fuzz::check_search_tokens(text, search, tokens);
  } catch (const Error& e) {
    zhpolicy_fuzz::require(options.invalid_utf8 == InvalidUtf8::kThrow && e.code() == ErrorCode::kInvalidArgument,
                           "segment throws only when asked to refuse ill-formed UTF-8");
  }
  return 0;
}
