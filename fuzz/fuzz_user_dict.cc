// The user dictionary and entity dictionary loaders on any file: a new
// lexicon whose words are all found, or Error(kBadFormat) naming "path:line";
// never a crash, and segmenting with what loaded still tiles.
#include <unistd.h>

#include <fstream>
#include <string>

#include "invariants.h"

using namespace zhpolicy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const std::string path = "/tmp/zhpolicy_fuzz_dict_" + std::to_string(getpid()) + ".txt";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  }
  const bool entities = data[0] & 1;
  try {
    const Lexicon lex = entities ? zhpolicy_fuzz::lexicon().with_entity_dict(path)
                                 : zhpolicy_fuzz::lexicon().with_user_dict(path);
    for (const UserWord& w : lex.user_words()) {
      zhpolicy_fuzz::require(!w.word.empty() && lex.lookup(w.word).has_value(), "every loaded word is found");
    }
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    zhpolicy_fuzz::check_tiles(text, Segmenter(lex).segment(text));
  } catch (const Error& e) {
    zhpolicy_fuzz::require(e.code() == ErrorCode::kBadFormat || e.code() == ErrorCode::kInvalidArgument,
                           "a bad dictionary is kBadFormat (or a bad word kInvalidArgument)");
    zhpolicy_fuzz::require(std::string(e.what()).find(path) != std::string::npos, "the error names the file");
  }
  return 0;
}
