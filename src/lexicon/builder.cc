#include "lexicon/builder.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "lexicon/format.h"
#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

using namespace format;

std::vector<char32_t> to_code_points(const std::string& word) {
  std::vector<char32_t> cps;
  for (size_t i = 0, len = 0; i < word.size(); i += len) {
    const char32_t c = utf8::decode(word, i, len);
    if (c == utf8::kInvalid) {
      throw Error(ErrorCode::kInvalidArgument, "lexicon word is not valid UTF-8: '" + word + "'");
    }
    cps.push_back(c);
  }
  if (cps.empty()) throw Error(ErrorCode::kInvalidArgument, "lexicon word is empty");
  return cps;
}

// A pointer-based trie used only while building.
constexpr int32_t kNoWord = -1;

struct BuildNode {
  std::vector<std::pair<char32_t, uint32_t>> children;  // kept sorted
  int32_t word = kNoWord;
  bool entity_only = false;
};

class Writer {
 public:
  void add_section(SectionId id, const void* data, size_t size) {
    sections_.push_back({id, std::string(static_cast<const char*>(data), size)});
  }
  template <typename T>
  void add_vector(SectionId id, const std::vector<T>& v) {
    add_section(id, v.data(), v.size() * sizeof(T));
  }
  std::string finish(uint32_t word_count, double log_total) {
    auto align8 = [](uint64_t n) { return (n + 7) & ~uint64_t(7); };
    uint64_t offset = align8(sizeof(FileHeader) + sections_.size() * sizeof(SectionEntry));
    std::vector<SectionEntry> table;
    for (const auto& s : sections_) {
      table.push_back({static_cast<uint32_t>(s.first), 0, offset, s.second.size()});
      offset = align8(offset + s.second.size());
    }
    std::string out(offset, '\0');
    FileHeader header{};
    std::memcpy(header.magic, kMagic, 4);
    header.version = kVersion;
    header.section_count = static_cast<uint32_t>(sections_.size());
    header.word_count = word_count;
    header.file_size = offset;
    header.log_total = log_total;
    std::memcpy(&out[sizeof(FileHeader)], table.data(), table.size() * sizeof(SectionEntry));
    for (size_t i = 0; i < sections_.size(); ++i) {
      if (!sections_[i].second.empty()) {
        std::memcpy(&out[table[i].offset], sections_[i].second.data(), sections_[i].second.size());
      }
    }
    header.checksum = checksum(out.data() + sizeof(FileHeader), out.size() - sizeof(FileHeader));
    std::memcpy(&out[0], &header, sizeof(header));
    return out;
  }

 private:
  std::vector<std::pair<SectionId, std::string>> sections_;
};

}  // namespace

std::string build_lexicon(const LexiconSource& source) {
  // Later entries override earlier ones.
  std::unordered_map<std::string, size_t> last;
  last.reserve(source.entries.size());
  for (size_t i = 0; i < source.entries.size(); ++i) last[source.entries[i].word] = i;

  double total = 0;
  for (const auto& [word, i] : last) total += source.entries[i].freq;
  const double log_total = source.log_total ? *source.log_total : std::log(std::max(total, 1.0));

  std::vector<std::string> tags{""};
  std::unordered_map<std::string, uint16_t> tag_ids{{"", 0}};
  std::vector<WordEntry> words;
  std::vector<BuildNode> trie(1);

  std::vector<size_t> order;
  order.reserve(last.size());
  for (const auto& kv : last) order.push_back(kv.second);
  std::sort(order.begin(), order.end());  // deterministic output

  for (size_t index : order) {
    const LexiconEntry& e = source.entries[index];
    const std::vector<char32_t> cps = to_code_points(e.word);
    uint32_t node = 0;
    for (char32_t c : cps) {
      auto& ch = trie[node].children;
      auto it = std::lower_bound(ch.begin(), ch.end(), std::make_pair(c, uint32_t(0)),
                                 [](const auto& a, const auto& b) { return a.first < b.first; });
      if (it != ch.end() && it->first == c) {
        node = it->second;
      } else {
        const uint32_t next = static_cast<uint32_t>(trie.size());
        ch.insert(it, {c, next});
        trie.emplace_back();
        node = next;
      }
    }
    if (e.freq == 0) continue;  // a prefix only
    auto [tag_it, inserted] = tag_ids.emplace(e.tag, static_cast<uint16_t>(tags.size()));
    if (inserted) {
      if (tags.size() == 0xFFFF) throw Error(ErrorCode::kInvalidArgument, "too many distinct tags");
      tags.push_back(e.tag);
    }
    trie[node].word = static_cast<int32_t>(words.size());
    trie[node].entity_only = e.entity_only;
    words.push_back({static_cast<float>(std::log(double(e.freq)) - log_total), e.freq,
                     tag_it->second, e.entity, 0});
  }

  // Which subtrees hold a typed term (children always follow their parent in
  // `trie`, so one backward pass sees every subtree before its root).
  std::vector<uint8_t> typed_below(trie.size(), 0);
  for (size_t n = trie.size(); n-- > 0;) {
    if (trie[n].word != kNoWord && words[trie[n].word].entity != 0) typed_below[n] = 1;
    for (const auto& c : trie[n].children) typed_below[n] |= typed_below[c.second];
  }
  std::unordered_map<uint32_t, uint8_t> typed_below_at;  // by record offset

  // Lay the trie out depth-first as records (format.h).
  std::vector<uint32_t> blob;
  std::vector<float> log_probs(words.size());
  for (size_t i = 0; i < words.size(); ++i) log_probs[i] = words[i].log_prob;
  // A node's record: header, child keys, then room for the child offsets.
  auto emit_header = [&](uint32_t n) -> uint32_t {
    const uint32_t off = static_cast<uint32_t>(blob.size());
    if (typed_below[n]) typed_below_at[off] = 1;
    const auto k = static_cast<uint32_t>(trie[n].children.size());
    const int32_t w = trie[n].word;
    uint32_t lp_bits = 0;
    if (w != kNoWord) std::memcpy(&lp_bits, &log_probs[w], 4);
    blob.push_back(k);
    blob.push_back(w == kNoWord ? 0
                                : (uint32_t(w) + 1) | (trie[n].entity_only ? kEntityOnlyBit : 0) |
                                      (words[w].entity != 0 ? kTypedBit : 0));
    blob.push_back(lp_bits);
    for (const auto& c : trie[n].children) blob.push_back(c.first);
    blob.resize(blob.size() + k);
    return off;
  };
  // Depth-first with an explicit stack (a long user word is a deep path:
  // recursion would overflow the call stack).
  struct Frame {
    uint32_t node, off, next;
  };
  std::vector<Frame> stack{{0, emit_header(0), 0}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    const auto k = static_cast<uint32_t>(trie[f.node].children.size());
    if (f.next == k) {
      stack.pop_back();
      continue;
    }
    ++stack.back().next;
    const uint32_t child = trie[f.node].children[f.next].second;
    const uint32_t child_off = emit_header(child);
    blob[f.off + kNodeHeaderWords + k + f.next] = child_off;
    stack.push_back({child, child_off, 0});
  }
  auto entry_for = [&](uint32_t parent, uint32_t key, uint32_t child) {
    const uint32_t k = blob[child];
    uint32_t flags = 0;
    if (blob[child + 1] != 0) flags |= (blob[child + 1] & kEntityOnlyBit) ? kFlagEntityWord : kFlagWord;
    if (blob[child + 1] & kTypedBit) flags |= kFlagTyped;
    if (typed_below_at.count(child)) flags |= kFlagTypedBelow;
    if (k > 0) flags |= kFlagChildren;
    if (k > kHashedChildCount) flags |= kFlagWide;
    float lp;
    std::memcpy(&lp, &blob[child + 2], 4);
    return ChildHashEntry{parent, key | flags, child, lp};
  };
  std::vector<ChildHashEntry> root_table(kRootTableSize, ChildHashEntry{0, 0, 0, 0});
  for (uint32_t i = 0; i < blob[0]; ++i) {
    const uint32_t key = blob[kNodeHeaderWords + i];
    if (key >= kRootTableSize) continue;
    root_table[key] = entry_for(0, key, blob[kNodeHeaderWords + blob[0] + i]);
    root_table[key].child += 1;
  }

  // Hash the children of wide nodes (load factor <= 0.8; linear probing).
  std::vector<ChildHashEntry> hashed;
  std::vector<uint64_t> pair_filter(kPairFilterBits / 64, 0);
  {
    size_t wide_edges = 0;
    for (uint32_t off = 0; off < blob.size(); off += kNodeHeaderWords + 2 * blob[off]) {
      if (blob[off] > kHashedChildCount) wide_edges += blob[off];
    }
    size_t size = 1;
    while (size * 4 < wide_edges * 5 + 4) size *= 2;
    hashed.assign(size, {kEmptySlot, 0, 0, 0});
    for (uint32_t off = 0; off < blob.size(); off += kNodeHeaderWords + 2 * blob[off]) {
      const uint32_t k = blob[off];
      if (k <= kHashedChildCount) continue;
      for (uint32_t i = 0; i < k; ++i) {
        const uint32_t key = blob[off + kNodeHeaderWords + i];
        size_t slot = child_hash(off, key) & (size - 1);
        while (hashed[slot].parent != kEmptySlot) slot = (slot + 1) & (size - 1);
        hashed[slot] = entry_for(off, key, blob[off + kNodeHeaderWords + k + i]);
        const uint32_t bit = child_hash(off, key) >> (32 - kPairFilterLog2);
        pair_filter[bit / 64] |= uint64_t(1) << (bit % 64);
      }
    }
  }

  std::string tag_pool;
  for (const auto& t : tags) {
    tag_pool += t;
    tag_pool.push_back('\0');
  }

  auto emit = source.hmm.emit;
  std::sort(emit.begin(), emit.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  emit.erase(std::unique(emit.begin(), emit.end(),
                         [](const auto& a, const auto& b) { return a.first == b.first; }),
             emit.end());
  std::vector<uint32_t> emit_keys;
  std::vector<float> emit_rows;
  std::vector<uint16_t> emit_index(kRootTableSize, 0);
  for (const auto& [c, row] : emit) {
    if (c < kRootTableSize && emit_keys.size() < 0xFFFF) {
      emit_index[c] = static_cast<uint16_t>(emit_keys.size() + 1);
    }
    emit_keys.push_back(c);
    emit_rows.insert(emit_rows.end(), row.begin(), row.end());
  }

  // The typed terms again as a short list: entity extraction indexes them in
  // its own small table instead of walking the whole trie at every character.
  std::vector<std::pair<std::string, uint8_t>> typed;
  for (size_t index : order) {
    if (source.entries[index].entity != 0) typed.emplace_back(source.entries[index].word, source.entries[index].entity);
  }
  std::sort(typed.begin(), typed.end());
  std::string entity_terms;
  for (const auto& [word, type] : typed) entity_terms += std::to_string(type) + "\t" + word + "\n";

  Writer w;
  w.add_vector(SectionId::kRootTable, root_table);
  w.add_vector(SectionId::kTrie, blob);
  w.add_vector(SectionId::kWords, words);
  w.add_section(SectionId::kTags, tag_pool.data(), tag_pool.size());
  w.add_section(SectionId::kHmmStart, source.hmm.start.data(), sizeof(float) * 4);
  w.add_section(SectionId::kHmmTrans, source.hmm.trans.data(), sizeof(float) * 16);
  w.add_vector(SectionId::kHmmEmitKeys, emit_keys);
  w.add_vector(SectionId::kHmmEmitRows, emit_rows);
  w.add_vector(SectionId::kHmmEmitIndex, emit_index);
  w.add_section(SectionId::kUnits, source.units_tsv.data(), source.units_tsv.size());
  w.add_section(SectionId::kSources, source.sources.data(), source.sources.size());
  w.add_vector(SectionId::kChildHash, hashed);
  w.add_vector(SectionId::kPairFilter, pair_filter);
  w.add_section(SectionId::kSurnames, source.surnames.data(), source.surnames.size());
  w.add_section(SectionId::kEntityTerms, entity_terms.data(), entity_terms.size());

  return w.finish(static_cast<uint32_t>(words.size()), log_total);
}

uint64_t format::checksum(const void* data, uint64_t size) {
  // Multiply-xorshift over 8-byte words in four independent lanes (so the
  // multiplies overlap): detects truncation and bit rot at memory speed; it is
  // not a cryptographic signature.
  const auto* p = static_cast<const unsigned char*>(data);
  uint64_t lane[4] = {0x9E3779B97F4A7C15ull ^ size, 0xC2B2AE3D27D4EB4Full, 0x165667B19E3779F9ull,
                      0x27D4EB2F165667C5ull};
  uint64_t i = 0;
  for (; i + 32 <= size; i += 32) {
    for (int l = 0; l < 4; ++l) {
      uint64_t v;
      std::memcpy(&v, p + i + 8 * l, 8);
      lane[l] = (lane[l] ^ v) * 0xFF51AFD7ED558CCDull;
      lane[l] ^= lane[l] >> 32;
    }
  }
  uint64_t h = lane[0] ^ (lane[1] * 3) ^ (lane[2] * 5) ^ (lane[3] * 7);
  for (; i < size; ++i) h = (h ^ p[i]) * 0x100000001B3ull;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 29);
}

void format::reseal(std::string& bytes) {
  FileHeader h;
  std::memcpy(&h, bytes.data(), sizeof(h));
  h.checksum = checksum(bytes.data() + sizeof(h), bytes.size() - sizeof(h));
  std::memcpy(&bytes[0], &h, sizeof(h));
}

std::string with_section(std::string_view zpl, SectionId id, std::string_view bytes) {
  FileHeader header;
  if (zpl.size() < sizeof(header)) throw Error(ErrorCode::kBadFormat, "lexicon too short");
  std::memcpy(&header, zpl.data(), sizeof(header));
  if (header.section_count > 64 || sizeof(FileHeader) + uint64_t(header.section_count) * sizeof(SectionEntry) > zpl.size()) {
    throw Error(ErrorCode::kBadFormat, "bad section table");
  }
  Writer w;
  for (uint32_t i = 0; i < header.section_count; ++i) {
    SectionEntry e;
    std::memcpy(&e, zpl.data() + sizeof(FileHeader) + i * sizeof(SectionEntry), sizeof(e));
    if (e.offset > zpl.size() || e.size > zpl.size() - e.offset) throw Error(ErrorCode::kBadFormat, "bad section");
    if (e.id == static_cast<uint32_t>(id)) continue;  // replaced
    w.add_section(static_cast<SectionId>(e.id), zpl.data() + e.offset, e.size);
  }
  w.add_section(id, bytes.data(), bytes.size());
  return w.finish(header.word_count, header.log_total);
}

}  // namespace internal
}  // namespace zhpolicy
