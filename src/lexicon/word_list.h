// src/lexicon/word_list.h — the jieba dictionary line format `word [freq] [tag]`.
#ifndef ZHPOLICY_SRC_LEXICON_WORD_LIST_H_
#define ZHPOLICY_SRC_LEXICON_WORD_LIST_H_

#include <string>
#include <string_view>
#include <vector>

#include "zhpolicy/lexicon.h"

namespace zhpolicy {
namespace internal {

// Parses `content`: one `word [freq] [tag]` per line, fields separated by
// spaces or tabs; blank lines and lines starting with '#' are skipped, and a
// UTF-8 byte-order mark is ignored. Throws Error(kBadFormat) with
// "<source_name>:<line>: expected ..., got ..." for a malformed line.
std::vector<UserWord> parse_word_list(std::string_view content, const std::string& source_name);

// Parses entity terms: one `term type [freq]` per line, same lexical rules as
// parse_word_list(); the type must be a gold entity type name.
std::vector<UserWord> parse_entity_list(std::string_view content, const std::string& source_name);

// Reads a whole file; throws Error(kNotFound) naming the path if it cannot.
std::string read_file(const std::string& path);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_LEXICON_WORD_LIST_H_
