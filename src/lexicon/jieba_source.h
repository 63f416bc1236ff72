// src/lexicon/jieba_source.h — reads jieba's HMM tables (finalseg/prob_*.py).
#ifndef ZHPOLICY_SRC_LEXICON_JIEBA_SOURCE_H_
#define ZHPOLICY_SRC_LEXICON_JIEBA_SOURCE_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "entities/posseg_hmm.h"
#include "lexicon/builder.h"

namespace zhpolicy {
namespace internal {

// Reads prob_start.py, prob_trans.py and prob_emit.py from jieba's finalseg
// folder. These are Python dict literals; only that subset of Python (strings
// with \u escapes, numbers, nested dicts) is accepted. Throws Error naming the
// file and byte offset on anything else.
HmmTables read_finalseg(const std::string& folder);

// The emission table of jieba's part-of-speech HMM (posseg/prob_emit.py):
// for each state, written "B nr", "E ns" ..., the log probability of each
// character. Throws Error(kBadFormat) for a file that is not such a table.
std::map<std::string, std::vector<std::pair<char32_t, float>>> read_posseg_emission(const std::string& folder);

// jieba's part-of-speech HMM whole (posseg: prob_start.py, prob_trans.py,
// prob_emit.py, char_state_tab.py), for build_posseg_hmm. Throws
// Error(kBadFormat) naming the file for tables that are not such.
PossegTables read_posseg_hmm(const std::string& folder);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_LEXICON_JIEBA_SOURCE_H_
