// src/entities/person_names.h — how much a short string's characters say that
// it is a Chinese personal name (surname + given name) rather than a word.
//
// A logistic model over characters by their place in the name, learned by
// zhpolicy_lexc from jieba's dictionary: its two- and three-character words
// that start with a surname, those it tags as person names (nr, nrfg) against
// the others (person_name_trainer.h). Stored as the optional lexicon section
// kPersonNames; a lexicon without it finds persons by the other rules only.
// Layout, little-endian, from the section's start:
//
//   Header
//   int8[kCharTableSize * kSlots]   weight * scale of each BMP char per slot
#ifndef ZHPOLICY_SRC_ENTITIES_PERSON_NAMES_H_
#define ZHPOLICY_SRC_ENTITIES_PERSON_NAMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zhpolicy {
namespace internal {
namespace person_names {

inline constexpr char kMagic[4] = {'Z', 'P', 'P', 'N'};
inline constexpr uint32_t kVersion = 2;  // 2: the shared given-name slot
inline constexpr uint32_t kCharTableSize = 0x10000;
// Where a character stands: the surname, the given name of a two-character
// name, the first and the second given character of a three-character one,
// and any given character (shared: two-character names are few in the
// dictionary, and their given names draw on the same characters).
enum Slot : uint32_t {
  kSurname = 0,
  kGivenOfTwo = 1,
  kFirstGivenOfThree = 2,
  kSecondGivenOfThree = 3,
  kGiven = 4,
  kSlots = 5
};

struct Header {
  char magic[4];
  uint32_t version;
  float scale;     // a weight is int8 * scale
  float bias_two;  // the intercept of two-character names
  float bias_three;
  uint32_t reserved;
};
static_assert(sizeof(Header) == 24, "person name model header layout");

}  // namespace person_names

// The surnames of a lexicon's kSurnames text (white-space separated), as
// code points: one-character and compound (欧阳) ones, in the order written.
std::vector<std::u32string> surname_list(std::string_view text);

// A read-only view of the kPersonNames section.
class PersonNameModel {
 public:
  // Throws Error(kBadFormat) when `section` is not a well-formed model.
  explicit PersonNameModel(std::string_view section);
  // The log-odds that the 2 or 3 characters at `cps` are a personal name
  // (surname first); very low for other lengths.
  float log_odds(const char32_t* cps, uint32_t n) const;

 private:
  float weight(char32_t c, person_names::Slot slot) const {
    return c < person_names::kCharTableSize ? weights_[c * person_names::kSlots + slot] * header_->scale : 0.0f;
  }
  const person_names::Header* header_;
  const int8_t* weights_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_PERSON_NAMES_H_
