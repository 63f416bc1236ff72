// zhpolicy/lexicon.h — a compiled, immutable word list with HMM tables.
#ifndef ZHPOLICY_LEXICON_H_
#define ZHPOLICY_LEXICON_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhpolicy/entity_type.h"
#include "zhpolicy/export.h"

namespace zhpolicy {
namespace internal {
class LexiconData;
}  // namespace internal

// The longest word a lexicon takes, in characters: longer "words" are text,
// not vocabulary (a user dictionary with a 1 MB line is refused).
inline constexpr size_t kMaxWordChars = 256;

// A word added at run time. Without `freq`, the word gets the smallest
// frequency that makes the segmenter keep it whole (jieba's suggest_freq).
struct UserWord {
  std::string word;
  std::optional<uint32_t> freq;
  std::string tag;                       // part-of-speech tag; may be empty
  EntityType entity = EntityType::kNone; // entity type of the term, if any
};

// What the lexicon knows of one word.
struct WordInfo {
  uint32_t freq = 0;
  std::string tag;
  EntityType entity = EntityType::kNone;
};

// A compiled lexicon (.zpl, written by the zhpolicy_lexc tool): the general
// dictionary and HMM tables of jieba plus zhpolicy's policy lexicon.
//
// A Lexicon is immutable and cheap to copy (copies share the data), and safe to
// use from any number of threads. with_user_words() returns a NEW lexicon that
// layers the words over this one; the original, and every analyzer built on it,
// is unchanged.
class ZHPOLICY_API Lexicon {
 public:
  // Maps the file at `path` into memory and validates it. Throws Error:
  // kNotFound (missing/unreadable), kBadFormat (not a .zpl, truncated, bad
  // checksum or structure), kVersionMismatch (another format version).
  static Lexicon open(const std::string& path);

  // Same as open() on a buffer the lexicon takes ownership of.
  static Lexicon from_bytes(std::string bytes);

  // A new lexicon with `words` added (or, for words already present, their
  // frequency/tag/entity replaced). Throws Error(kInvalidArgument) for an empty
  // word, a word that is not valid UTF-8, one with white space or control
  // characters, or one longer than kMaxWordChars.
  Lexicon with_user_words(const std::vector<UserWord>& words) const;

  // with_user_words() on the entries of a jieba-format user dictionary: one
  // `word [freq] [tag]` per line, separated by spaces or tabs, '#' comments and
  // blank lines ignored. A malformed line throws Error(kBadFormat) naming
  // "path:line" and what was expected.
  Lexicon with_user_dict(const std::string& path) const;

  // with_user_words() on entity terms from a file: one `term type [freq]` per
  // line (spaces or tabs; type is a gold entity type: place, government, ...),
  // '#' comments and blank lines ignored. A malformed line throws
  // Error(kBadFormat) naming "path:line" and what was expected.
  Lexicon with_entity_dict(const std::string& path) const;

  // The entry for `word`, from the user layer first; nullopt if unknown.
  std::optional<WordInfo> lookup(std::string_view word) const;

  // Number of words in the compiled base (user words not counted).
  size_t base_size() const;
  // The user words layered over the base, in the order they were added.
  const std::vector<UserWord>& user_words() const;
  // Checksum of the compiled base, stored in its header.
  uint64_t checksum() const;
  // The compiled base's bytes (mapped or owned); valid while any copy lives.
  std::string_view base_bytes() const;
  // The path the base was opened from; empty for from_bytes().
  const std::string& path() const;

  // Implementation access for the analyzers in this library.
  const internal::LexiconData& data() const { return *data_; }

 private:
  explicit Lexicon(std::shared_ptr<const internal::LexiconData> data);
  std::shared_ptr<const internal::LexiconData> data_;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_LEXICON_H_
