// src/entities/posseg_hmm.h — jieba's part-of-speech HMM (posseg), compiled.
//
// jieba cuts a run of characters its dictionary does not join with an HMM
// whose states pair a word position (B M E S) with a part of speech (nr, ns,
// v ...), trained on a large corpus of news. Its person (nr) words are
// evidence for names that no list holds (孟晚舟 回到, where the segmenter's
// own HMM cut 孟晚 舟). The tables are read from python3-jieba by
// zhpolicy_lexc (--posseg) and stored as the optional lexicon section
// kPossegHmm; decoding follows jieba's posseg viterbi (the same states
// allowed per character, the same sums in double precision), so it cuts and
// tags as jieba does. Layout, little-endian, from the section's start:
//
//   Header
//   StateName[state_count]                           (8 bytes each)
//   double start[state_count]
//   double trans_logp[trans_count]
//   double emit_logp[entry_count]
//   uint32 keys[key_count]                           sorted code points
//   uint32 key_entries[key_count + 1]                each key's entries
//   uint32 key_allowed[key_count]                    how many of them are the
//                                                    states allowed for the
//                                                    key (kAllStates: all)
//   uint32 trans_begin[state_count + 1]              each state's transitions
//   uint8  trans_to[trans_count]
//   uint8  emit_state[entry_count]
//
// A key's entries list first the states allowed for it (jieba's
// char_state_tab), then states that emit it but are not allowed, each group
// sorted by state; a character no key holds may be in any state, at jieba's
// floor emission.
#ifndef ZHPOLICY_SRC_ENTITIES_POSSEG_HMM_H_
#define ZHPOLICY_SRC_ENTITIES_POSSEG_HMM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zhpolicy {
namespace internal {
namespace posseg_hmm {

inline constexpr char kMagic[4] = {'Z', 'P', 'P', 'S'};
inline constexpr uint32_t kVersion = 1;
inline constexpr uint32_t kMaxStates = 256;  // a state is a uint8
inline constexpr uint32_t kAllStates = 0xFFFFFFFFu;
// jieba's emission of a character a state never emitted.
inline constexpr double kFloorEmission = -3.14e100;

struct Header {
  char magic[4];
  uint32_t version;
  uint32_t state_count;
  uint32_t trans_count;
  uint32_t key_count;
  uint32_t entry_count;
  uint32_t reserved[2];
};
static_assert(sizeof(Header) == 32, "posseg header layout");

// A state: its word position ('B', 'M', 'E' or 'S') and part of speech.
struct StateName {
  char position;
  char tag[7];  // '\0'-terminated
};
static_assert(sizeof(StateName) == 8, "posseg state layout");

}  // namespace posseg_hmm

// The tables as jieba's posseg folder holds them, for the builder. States
// are (position, tag); every table refers to states by their index in
// `states`, which the builder sorts as Python sorts jieba's state tuples.
struct PossegTables {
  std::vector<std::pair<char, std::string>> states;
  std::vector<double> start;                                   // per state
  std::vector<std::vector<std::pair<uint32_t, double>>> trans;  // per state: (to, log p)
  std::vector<std::vector<std::pair<char32_t, double>>> emit;   // per state: (char, log p)
  std::vector<std::pair<char32_t, std::vector<uint32_t>>> allowed;  // char_state_tab
};

// The bytes of the kPossegHmm section. Throws Error(kInvalidArgument) for
// tables it cannot store (more than kMaxStates states, a tag over six bytes,
// a state index out of range).
std::string build_posseg_hmm(PossegTables tables);

// A word of a decoded run: [begin, end) in the run's characters, and its tag.
struct PossegWord {
  uint32_t begin, end;
  uint16_t tag;  // PossegHmm::tag_id order
};

// Scratch space of PossegHmm::cut, reused across calls (one per thread).
struct PossegScratch {
  std::vector<double> before, now, emit;  // per state
  std::vector<uint32_t> mark, reached, prev, allowed;
  uint32_t stamp = 0;
  std::vector<uint8_t> from, path;
};

// A read-only view of the kPossegHmm section; decoding is const and
// thread-safe.
class PossegHmm {
 public:
  // Throws Error(kBadFormat) when `section` is not a well-formed table set
  // (Error(kVersionMismatch) for another version).
  explicit PossegHmm(std::string_view section);

  // Cuts and tags the `n` characters at `cps` as jieba's posseg cuts a run
  // its dictionary left to the HMM; appends the words to `out`.
  void cut(const char32_t* cps, uint32_t n, std::vector<PossegWord>& out, PossegScratch& scratch) const;

  // The id of a part of speech (posseg's nr, ns ...), or -1 if no state has it.
  int tag_id(std::string_view tag) const;
  std::string_view tag_name(uint16_t id) const { return tags_[id]; }

 private:
  // The entries [first, last) of `c`, and how many of them are allowed
  // (kAllStates: every state is); false if no key holds `c`.
  bool entries(char32_t c, uint32_t& first, uint32_t& last, uint32_t& allowed) const;
  double emission(uint32_t state, uint32_t first, uint32_t last) const;

  const posseg_hmm::Header* header_ = nullptr;
  const posseg_hmm::StateName* names_ = nullptr;
  const double* start_ = nullptr;
  const double* trans_logp_ = nullptr;
  const double* emit_logp_ = nullptr;
  const uint32_t* keys_ = nullptr;
  const uint32_t* key_entries_ = nullptr;
  const uint32_t* key_allowed_ = nullptr;
  const uint32_t* trans_begin_ = nullptr;
  const uint8_t* trans_to_ = nullptr;
  const uint8_t* emit_state_ = nullptr;
  std::vector<std::string_view> tags_;     // distinct tags, sorted
  std::vector<uint16_t> state_tag_;        // per state: its tag's id
  std::vector<double> trans_;              // state_count * state_count: from * state_count + to
  std::vector<uint32_t> pred_begin_;       // per state + 1: its predecessors in pred_from_
  std::vector<uint8_t> pred_from_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_POSSEG_HMM_H_
