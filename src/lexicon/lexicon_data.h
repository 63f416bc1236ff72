// src/lexicon/lexicon_data.h — validated, read-only views of a compiled lexicon.
#ifndef ZHPOLICY_SRC_LEXICON_LEXICON_DATA_H_
#define ZHPOLICY_SRC_LEXICON_LEXICON_DATA_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/format.h"
#include "zhpolicy/lexicon.h"

namespace zhpolicy {
namespace internal {

// One step of a walk down the trie: the node reached and what the walk needs
// of it, read from the parent's side (hash entry / root table) when possible.
struct TrieStep {
  uint32_t node;
  uint32_t flags;  // format::kFlag*
  float log_prob;
  // A word of the segmentation lexicon ends here.
  bool has_word() const { return flags & format::kFlagWord; }
  // A segmentation word or an entity-only term ends here.
  bool has_term() const { return flags & (format::kFlagWord | format::kFlagEntityWord); }
  // The term ending here has an entity type.
  bool typed() const { return flags & format::kFlagTyped; }
  // A typed term may end here or further down (false: prune the walk).
  bool typed_below() const { return flags & format::kFlagTypedBelow; }
  bool has_children() const { return flags & format::kFlagChildren; }
};

// The word trie of one .zpl buffer. A node is the offset of its record in
// the trie array (format.h).
class TrieView {
 public:
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  // The node for the one-character prefix `c`; false if there is none.
  bool first(char32_t c, TrieStep& out) const {
    if (c < format::kRootTableSize) {
      const format::ChildHashEntry& e = root_table_[c];
      out = {e.child - 1, e.key & ~format::kKeyMask, e.log_prob};
      return e.child != 0;
    }
    return next(TrieStep{0, root_flags_ | format::kFlagTypedBelow, 0}, c, out);
  }
  // The child of `from` for `c`; false if there is none.
  bool next(const TrieStep& from, char32_t c, TrieStep& out) const {
    if (from.flags & format::kFlagWide) {
      const uint32_t h = format::child_hash(from.node, c);
      const uint32_t bit = h >> (32 - format::kPairFilterLog2);
      if (!(pair_filter_[bit / 64] & (uint64_t(1) << (bit % 64)))) return false;
      uint32_t slot = h & hash_mask_;
      for (;;) {
        const format::ChildHashEntry& e = hash_[slot];
        if (e.parent == from.node && (e.key & format::kKeyMask) == c) {
          out = {e.child, e.key & ~format::kKeyMask, e.log_prob};
          return true;
        }
        if (e.parent == format::kEmptySlot) return false;
        slot = (slot + 1) & hash_mask_;
      }
    }
    if (!valid_record(from.node)) return false;
    const uint32_t* rec = trie_ + from.node;
    const uint32_t k = rec[0];
    const uint32_t* keys = rec + format::kNodeHeaderWords;
    uint32_t lo = 0, hi = k;
    while (lo < hi) {
      const uint32_t mid = (lo + hi) / 2;
      if (keys[mid] < c) lo = mid + 1; else hi = mid;
    }
    if (lo == k || keys[lo] != c) return false;
    out = read(keys[k + lo]);
    return true;
  }
  // Hints the cache to fetch what next(first(c0), c1) will read: walks are
  // independent per start position, so fetching a few positions ahead hides
  // most of the memory latency of the (large, random-access) child hash.
  void prefetch_pair(char32_t c0, char32_t c1) const {
    if (c0 >= format::kRootTableSize) return;
    const format::ChildHashEntry& e = root_table_[c0];
    if (e.child == 0) return;
    if (e.key & format::kFlagWide) {
      const uint32_t h = format::child_hash(e.child - 1, c1);
      const uint32_t bit = h >> (32 - format::kPairFilterLog2);
      if (pair_filter_[bit / 64] & (uint64_t(1) << (bit % 64))) __builtin_prefetch(&hash_[h & hash_mask_]);
    } else if (e.key & format::kFlagChildren) {
      __builtin_prefetch(&trie_[e.child - 1]);
    }
  }
  // The entry of the word at `node`, or nullptr.
  const format::WordEntry* word(uint32_t node) const {
    if (!valid_record(node)) return nullptr;
    const uint32_t w = trie_[node + 1] & format::kWordIndexMask;
    return (w == 0 || w > word_count_) ? nullptr : &words_[w - 1];
  }
  // The node reached by `word`, or kNone.
  uint32_t find(std::string_view word) const;
  uint32_t word_count() const { return word_count_; }

 private:
  friend class ZplView;
  // Whether a whole record fits at `node`. Checked on every read instead of
  // validating the whole trie at load time: a corrupt file gives wrong
  // answers at worst, never an out-of-bounds read. The branch is predictable.
  bool valid_record(uint32_t node) const {
    return node < trie_size_ && trie_size_ - node >= format::kNodeHeaderWords &&
           trie_[node] <= (trie_size_ - node - format::kNodeHeaderWords) / 2;
  }
  TrieStep read(uint32_t node) const {
    if (!valid_record(node)) return {node, 0, 0};  // no word, no children
    const uint32_t* rec = trie_ + node;
    uint32_t flags = 0;
    if (rec[1] != 0) flags |= (rec[1] & format::kEntityOnlyBit) ? format::kFlagEntityWord : format::kFlagWord;
    if (rec[1] & format::kTypedBit) flags |= format::kFlagTyped;
    flags |= format::kFlagTypedBelow;  // unknown from a record: keep walking
    if (rec[0] > 0) flags |= format::kFlagChildren;
    if (rec[0] > format::kHashedChildCount) flags |= format::kFlagWide;
    float lp;
    std::memcpy(&lp, &rec[2], 4);
    return {node, flags, lp};
  }
  const format::ChildHashEntry* root_table_ = nullptr;
  const format::ChildHashEntry* hash_ = nullptr;
  const uint64_t* pair_filter_ = nullptr;
  uint32_t hash_mask_ = 0;
  uint32_t root_flags_ = 0;
  const uint32_t* trie_ = nullptr;
  const format::WordEntry* words_ = nullptr;
  uint32_t trie_size_ = 0;
  uint32_t word_count_ = 0;
};

// The HMM tables (jieba's finalseg): log probabilities, states B M E S.
class HmmView {
 public:
  // Emission log probabilities of `c` for B M E S, or nullptr if never seen.
  const float* emit(char32_t c) const {
    if (c < format::kRootTableSize) {
      const uint16_t row = emit_index_[c];
      return row ? emit_rows_ + 4 * (row - 1) : nullptr;
    }
    return emit_slow(c);
  }
  const float* start() const { return start_; }
  const float* trans() const { return trans_; }
  bool empty() const { return emit_count_ == 0; }

 private:
  friend class ZplView;
  const float* emit_slow(char32_t c) const;
  const float* start_ = nullptr;
  const float* trans_ = nullptr;
  const uint32_t* emit_keys_ = nullptr;
  const float* emit_rows_ = nullptr;
  const uint16_t* emit_index_ = nullptr;
  uint32_t emit_count_ = 0;
};

// A parsed and validated .zpl buffer (not owning).
class ZplView {
 public:
  // Throws Error(kBadFormat / kVersionMismatch) naming `what` (a path or
  // "lexicon bytes") if the buffer is not a valid .zpl.
  static ZplView parse(std::string_view bytes, const std::string& what);

  const TrieView& trie() const { return trie_; }
  const HmmView& hmm() const { return hmm_; }
  double log_total() const { return log_total_; }
  uint64_t checksum() const { return checksum_; }
  std::string_view tag(uint16_t id) const { return id < tags_.size() ? tags_[id] : ""; }
  size_t tag_count() const { return tags_.size(); }
  std::string_view units_tsv() const { return units_; }
  std::string_view sources() const { return sources_; }
  std::string_view surnames() const { return surnames_; }
  // "type<TAB>term" lines (format.h, kEntityTerms); the extractor checks each.
  std::string_view entity_terms() const { return entity_terms_; }
  // The entity model section; empty when the lexicon has none.
  std::string_view entity_model() const { return entity_model_; }
  // The target model section; empty when the lexicon has none.
  std::string_view target_model() const { return target_model_; }
  // The person name model section; empty when the lexicon has none.
  std::string_view person_names() const { return person_names_; }
  // The kPossegHmm section, or empty.
  std::string_view posseg_hmm() const { return posseg_hmm_; }

 private:
  TrieView trie_;
  HmmView hmm_;
  std::vector<std::string_view> tags_;
  std::string_view units_, sources_, surnames_, entity_terms_, entity_model_, target_model_, person_names_,
      posseg_hmm_;
  double log_total_ = 0;
  uint64_t checksum_ = 0;
};

// Owned bytes, either mapped from a file or held in a string.
class ByteStorage {
 public:
  virtual ~ByteStorage() = default;
  virtual std::string_view bytes() const = 0;
};

// Everything a Lexicon shares between its copies.
class LexiconData {
 public:
  std::shared_ptr<const ByteStorage> base_storage;
  ZplView base;
  std::string path;
  // The user layer, if any: its own small .zpl, scored against base.log_total().
  std::shared_ptr<const std::string> overlay_bytes;
  std::optional<ZplView> overlay;
  std::vector<UserWord> user_words;

  // The entry of the word spelled by code points [cps, cps + n), the user
  // layer first (as Lexicon::lookup); null if neither layer has the word.
  // `view` receives the layer it came from (for its tags). With
  // segmentation_only, entity-only phrases (党的二十大) do not count.
  const format::WordEntry* find_word(const char32_t* cps, size_t n, const ZplView** view = nullptr,
                                     bool segmentation_only = false) const {
    if (n == 0) return nullptr;
    for (const ZplView* v : {overlay ? &*overlay : nullptr, &base}) {
      if (!v) continue;
      const TrieView& trie = v->trie();
      TrieStep step;
      bool found = trie.first(cps[0], step);
      for (size_t i = 1; i < n && found; ++i) found = trie.next(step, cps[i], step);
      if (!found || (segmentation_only && !step.has_word())) continue;
      if (const format::WordEntry* w = trie.word(step.node)) {
        if (view) *view = v;
        return w;
      }
    }
    return nullptr;
  }

  // The same for a word in UTF-8 (Lexicon::lookup, and the target rules'
  // tags without a copy of the tag).
  const format::WordEntry* find_word(std::string_view utf8, const ZplView** view = nullptr) const {
    for (const ZplView* v : {overlay ? &*overlay : nullptr, &base}) {
      if (!v) continue;
      const uint32_t node = v->trie().find(utf8);
      if (node == TrieView::kNone) continue;
      if (const format::WordEntry* w = v->trie().word(node)) {
        if (view) *view = v;
        return w;
      }
    }
    return nullptr;
  }
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_LEXICON_LEXICON_DATA_H_
