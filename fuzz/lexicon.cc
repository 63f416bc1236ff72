// fuzz/lexicon.cc — the lexicon the targets share.
#include "invariants.h"

namespace zhpolicy_fuzz {

const zhpolicy::Lexicon& lexicon() {
  static const zhpolicy::Lexicon lex = zhpolicy::Lexicon::open(ZHPOLICY_FUZZ_LEXICON);
  return lex;
}

}  // namespace zhpolicy_fuzz
