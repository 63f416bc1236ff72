// src/lexicon/format.h — the on-disk layout of a compiled lexicon (.zpl).
//
// Everything is little-endian, pointer-free and 8-byte aligned, so a file can
// be used straight from mmap. Layout:
//
//   FileHeader                       (64 bytes)
//   SectionEntry[section_count]      (24 bytes each)
//   sections, each starting on an 8-byte boundary
//
// The checksum covers every byte after the header. Words are stored as a trie
// over code points in one uint32 array (kTrie), each node a record
//
//   [child_count k] [word index + 1, 0: none; | kEntityOnlyBit | kTypedBit] [log_prob bits]
//   [k sorted child code points] [k child node offsets]
//
// laid out depth-first, so a node's keys, its word score and (often) its first
// child share cache lines; a lookup step costs about one cache miss. The root
// is at offset 0; root_table maps every BMP code point to 1 + the offset of
// the root's child for it (0: none).
#ifndef ZHPOLICY_SRC_LEXICON_FORMAT_H_
#define ZHPOLICY_SRC_LEXICON_FORMAT_H_

#include <cstdint>
#include <string>

namespace zhpolicy {
namespace internal {
namespace format {

inline constexpr char kMagic[4] = {'Z', 'H', 'P', 'L'};
inline constexpr uint32_t kVersion = 2;  // 2: kEntityTerms
inline constexpr uint32_t kRootTableSize = 0x10000;
inline constexpr uint32_t kSectionCount = 15;  // ids 1..15, all required
inline constexpr uint32_t kLastSectionId = 19;  // 16 to 19: optional

struct FileHeader {
  char magic[4];
  uint32_t version;
  uint32_t section_count;
  uint32_t word_count;
  uint64_t checksum;   // checksum() of bytes [sizeof(FileHeader), file_size)
  uint64_t file_size;
  double log_total;    // log of the sum of all word frequencies
  uint8_t reserved[24];
};
static_assert(sizeof(FileHeader) == 64, "header layout");

enum class SectionId : uint32_t {
  kRootTable = 1,     // ChildHashEntry[kRootTableSize], indexed by code point
  kTrie = 2,          // uint32[] node records (see above)
  kWords = 3,         // WordEntry[]
  kTags = 4,          // tag strings, each '\0'-terminated; tag id = order
  kHmmStart = 5,      // float[4]: B M E S
  kHmmTrans = 6,      // float[16]: from * 4 + to
  kHmmEmitKeys = 7,   // uint32[] sorted code points
  kHmmEmitRows = 8,   // float[4] per key: B M E S
  kHmmEmitIndex = 9,  // uint16[kRootTableSize]: 1 + row of a BMP code point, 0: none
  kUnits = 10,        // TSV text of the unit table (numbers)
  kSources = 11,      // free text: what the lexicon was compiled from
  kChildHash = 12,    // ChildHashEntry[power of two]: children of wide nodes
  kPairFilter = 13,   // uint64[kPairFilterBits / 64]: which (parent, key) pairs are hashed
  kSurnames = 14,     // text: Chinese surnames separated by white space
  kEntityTerms = 15,  // text: one "type<TAB>term\n" per typed term (EntityType number), sorted
  // Optional (readers without it ignore it): the entity model
  // (entities/model/model_format.h); without it entities come from rules alone.
  kEntityModel = 16,
  // Optional: the target boundary model (targets/boundary_model.h); without
  // it target indicators come from the rules alone.
  kTargetModel = 17,
  // Optional: the person name model (entities/person_names.h), learned from
  // jieba's dictionary; without it persons come from the other rules only.
  kPersonNames = 18,
  // Optional: jieba's part-of-speech HMM (entities/posseg_hmm.h); without it
  // names are not read from its person words.
  kPossegHmm = 19,
};

struct SectionEntry {
  uint32_t id;
  uint32_t reserved;
  uint64_t offset;  // from the start of the file
  uint64_t size;    // bytes
};
static_assert(sizeof(SectionEntry) == 24, "section layout");

inline constexpr uint32_t kNodeHeaderWords = 3;  // count, word + 1, log_prob

// Nodes with more children than this (the first characters of many words)
// are also indexed in kChildHash, which finds a child in one probe instead of
// a binary search over thousands of keys. Hash entries, and the root table's
// entries, carry what the walk needs of the child (its word score and flags),
// so that the common two-character lookup touches one cache line.
inline constexpr uint32_t kHashedChildCount = 12;
struct ChildHashEntry {
  uint32_t parent;  // node offset; kEmptySlot for a free slot (root table: unused)
  uint32_t key;     // code point | kFlag* bits of the child
  uint32_t child;   // node offset (root table: offset + 1, 0 for none)
  float log_prob;   // of the child's word, if kFlagWord
};
static_assert(sizeof(ChildHashEntry) == 16, "hash layout");
inline constexpr uint32_t kEmptySlot = 0xFFFFFFFFu;
inline constexpr uint32_t kFlagWord = 1u << 31;      // the child ends a word
inline constexpr uint32_t kFlagChildren = 1u << 30;  // the child has children
inline constexpr uint32_t kFlagWide = 1u << 29;      // ... more than kHashedChildCount
inline constexpr uint32_t kFlagEntityWord = 1u << 28;  // ends an entity-only term
inline constexpr uint32_t kFlagTyped = 1u << 27;       // the term has an entity type
// Some typed term ends at or below this node. Only hash and root entries know
// it; steps read from records set it, so walks prune early but never wrongly.
inline constexpr uint32_t kFlagTypedBelow = 1u << 26;
inline constexpr uint32_t kKeyMask = (1u << 21) - 1;
// Set in a record's word field for entity terms that are not words of the
// segmentation lexicon (碳达峰碳中和, 党的二十大): entity recognition and the
// number extractor see them, default segmentation does not.
inline constexpr uint32_t kEntityOnlyBit = 1u << 31;
// Set in a record's word field for terms with an entity type, so that entity
// recognition reads a word's entry only for typed terms.
inline constexpr uint32_t kTypedBit = 1u << 30;
inline constexpr uint32_t kWordIndexMask = kTypedBit - 1;
// Most (parent, key) lookups in wide nodes fail (的 + any character is rarely
// a word); a one-hash Bloom filter that fits in L2 answers them without
// touching the hash table. Its bit is taken from the hash's high bits, the
// table slot from the low bits.
inline constexpr uint32_t kPairFilterLog2 = 22;
inline constexpr uint32_t kPairFilterBits = 1u << kPairFilterLog2;
inline uint32_t child_hash(uint32_t parent, uint32_t key) {
  uint64_t h = (uint64_t(parent) << 32 | key) * 0x9E3779B97F4A7C15ull;
  return static_cast<uint32_t>(h >> 32);
}

struct WordEntry {
  float log_prob;     // log(freq) - log_total
  uint32_t freq;
  uint16_t tag;       // index into kTags
  uint8_t entity;     // EntityType
  uint8_t flags;      // reserved
};
static_assert(sizeof(WordEntry) == 12, "word layout");

// HMM states, in the order of the tables.
enum HmmState : int { kB = 0, kM = 1, kE = 2, kS = 3 };

// 64-bit checksum over a byte range; fast enough to verify at every load.
uint64_t checksum(const void* data, uint64_t size);

// Sets the header's checksum of the file `bytes` (at least a header long) to
// that of the bytes after the header: for tests and fuzzers that change a
// file's sections and want them parsed rather than refused by the checksum.
void reseal(std::string& bytes);

}  // namespace format
}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_LEXICON_FORMAT_H_
