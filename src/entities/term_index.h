// src/entities/term_index.h — the typed lexicon terms (places, bodies,
// titles, slogans …) by their first two characters.
//
// Asked at most Han characters of every text, so it is laid out to stay in
// cache: a 64 Kbit filter of start pairs, then an open-addressing table of
// 12-byte slots, then 8-byte term records whose characters sit in one flat
// array (no string per term), rather than a walk of the 350,000-word trie
// or a table of std::u32string, whose probes land all over memory.
#ifndef ZHPOLICY_SRC_ENTITIES_TERM_INDEX_H_
#define ZHPOLICY_SRC_ENTITIES_TERM_INDEX_H_

#include <bitset>
#include <cstdint>
#include <string_view>
#include <vector>

#include "zhpolicy/entity_type.h"

namespace zhpolicy {
namespace internal {

class TermIndex {
 public:
  struct Term {
    uint32_t offset;  // into the flat character array
    uint16_t size;    // in characters
    EntityType type;
  };
  struct Run {
    const Term* first = nullptr;
    const Term* last = nullptr;
    const Term* begin() const { return first; }
    const Term* end() const { return last; }
  };

  // Adds a term; `rank` orders terms of one start (lower first: user words
  // before the base lexicon), then shorter first. Call build() after the last.
  void add(std::u32string_view text, EntityType type, int rank);
  void build();

  // Whether some term may start with c0 c1: false for most pairs, from a
  // 64 Kbit filter; for one-character terms (c1 = 0) exact in the BMP.
  bool may_start(char32_t c0, char32_t c1) const {
    if (c1 == 0 && c0 < 0x10000) return one_char_[c0];
    const uint32_t bit = hash(c0, c1) >> 16;
    return (filter_[bit / 64] >> (bit % 64)) & 1;
  }
  // The terms that start with c0 c1 (c1 = 0: the one-character terms of c0),
  // possibly with some of another start (compare each term's text).
  Run starting_with(char32_t c0, char32_t c1) const { return may_start(c0, c1) ? find(c0, c1) : Run{}; }
  // The same without asking the filter first (for starts that passed it).
  Run find(char32_t c0, char32_t c1) const {
    const uint32_t key = hash(c0, c1) | 1;  // 0 marks an empty slot
    for (uint32_t i = key & slot_mask_;; i = (i + 1) & slot_mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == key) return {terms_.data() + slot.first, terms_.data() + slot.first + slot.count};
      if (slot.key == 0) return {};
    }
  }
  std::u32string_view text(const Term& term) const {
    return std::u32string_view(chars_.data() + term.offset, term.size);
  }
  bool empty() const { return terms_.empty(); }

 private:
  struct Slot {
    uint32_t key = 0, first = 0, count = 0;
  };
  struct Pending {
    uint32_t key;
    int rank;
    Term term;
  };
  static uint32_t hash(char32_t c0, char32_t c1) { return c0 * 0x9E3779B1u ^ c1 * 0x85EBCA77u; }

  std::vector<char32_t> chars_;
  std::vector<Term> terms_;  // grouped by key
  std::vector<Slot> slots_ = std::vector<Slot>(1);
  uint32_t slot_mask_ = 0;
  std::vector<uint64_t> filter_ = std::vector<uint64_t>(1024, 0);
  std::bitset<0x10000> one_char_;  // the BMP characters that are terms alone
  std::vector<Pending> pending_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_TERM_INDEX_H_
