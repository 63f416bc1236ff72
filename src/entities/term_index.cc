#include "entities/term_index.h"

#include <algorithm>

namespace zhpolicy {
namespace internal {

void TermIndex::add(std::u32string_view text, EntityType type, int rank) {
  if (text.empty() || text.size() > UINT16_MAX) return;
  const uint32_t h = hash(text[0], text.size() > 1 ? text[1] : 0);
  filter_[(h >> 16) / 64] |= uint64_t(1) << ((h >> 16) % 64);
  if (text.size() == 1 && text[0] < 0x10000) one_char_.set(text[0]);
  pending_.push_back({h | 1, rank, {static_cast<uint32_t>(chars_.size()), static_cast<uint16_t>(text.size()), type}});
  chars_.insert(chars_.end(), text.begin(), text.end());
}

void TermIndex::build() {
  // Grouped by key; within a key lower rank first, then shorter first, and
  // otherwise in the order added.
  std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
    if (a.key != b.key) return a.key < b.key;
    return a.rank != b.rank ? a.rank < b.rank : a.term.size < b.term.size;
  });
  size_t keys = 0;
  for (size_t i = 0; i < pending_.size(); ++i) keys += i == 0 || pending_[i].key != pending_[i - 1].key;
  size_t slots = 16;
  while (slots < keys + keys / 2) slots *= 2;  // load at most 2/3
  slots_.assign(slots, Slot{});
  slot_mask_ = static_cast<uint32_t>(slots - 1);
  terms_.clear();
  terms_.reserve(pending_.size());
  for (size_t i = 0; i < pending_.size();) {
    const uint32_t key = pending_[i].key;
    const auto first = static_cast<uint32_t>(terms_.size());
    for (; i < pending_.size() && pending_[i].key == key; ++i) terms_.push_back(pending_[i].term);
    uint32_t at = key & slot_mask_;
    while (slots_[at].key != 0) at = (at + 1) & slot_mask_;
    slots_[at] = {key, first, static_cast<uint32_t>(terms_.size()) - first};
  }
  pending_.clear();
  pending_.shrink_to_fit();
}

}  // namespace internal
}  // namespace zhpolicy
