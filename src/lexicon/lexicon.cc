// Lexicon loading (mmap or owned bytes), validation and the user-word layer.
#include "zhpolicy/lexicon.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>

#include "lexicon/builder.h"
#include "lexicon/lexicon_data.h"
#include "lexicon/word_graph.h"
#include "lexicon/word_list.h"
#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

using namespace format;

[[noreturn]] void bad(const std::string& what, const std::string& why) {
  throw Error(ErrorCode::kBadFormat, what + ": not a valid zhpolicy lexicon: " + why);
}

class MappedFile final : public ByteStorage {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(ErrorCode::kNotFound, path + ": cannot open: " + std::strerror(errno));
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      throw Error(ErrorCode::kNotFound, path + ": not a regular file");
    }
    size_ = static_cast<size_t>(st.st_size);
    if (size_ > 0) {
      // Populate at once: validation reads every page anyway, and one bulk fault
      // is cheaper than thousands of single ones.
      void* p = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p == MAP_FAILED) {
        ::close(fd);
        throw Error(ErrorCode::kNotFound, path + ": mmap failed: " + std::strerror(errno));
      }
      data_ = static_cast<const char*>(p);
    }
    ::close(fd);
  }
  ~MappedFile() override {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  std::string_view bytes() const override { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

// Owned bytes, copied into 8-byte-aligned storage only if the string's own
// buffer is not aligned (heap buffers of a long std::string usually are).
class OwnedBytes final : public ByteStorage {
 public:
  explicit OwnedBytes(std::string bytes) : bytes_(std::move(bytes)) {
    if (reinterpret_cast<uintptr_t>(bytes_.data()) % 8 != 0) {
      aligned_.resize((bytes_.size() + 7) / 8);
      std::memcpy(aligned_.data(), bytes_.data(), bytes_.size());
      view_ = {reinterpret_cast<const char*>(aligned_.data()), bytes_.size()};
      bytes_.clear();
      bytes_.shrink_to_fit();
    } else {
      view_ = bytes_;
    }
  }
  std::string_view bytes() const override { return view_; }

 private:
  std::string bytes_;
  std::vector<uint64_t> aligned_;
  std::string_view view_;
};

template <typename T>
const T* section_array(std::string_view bytes, const SectionEntry& s, uint64_t& count,
                       const std::string& what) {
  if (s.size % sizeof(T) != 0) bad(what, "section " + std::to_string(s.id) + " has a bad size");
  count = s.size / sizeof(T);
  return reinterpret_cast<const T*>(bytes.data() + s.offset);
}

}  // namespace

ZplView ZplView::parse(std::string_view bytes, const std::string& what) {
  if (bytes.size() < sizeof(FileHeader)) bad(what, "file too short");
  if (reinterpret_cast<uintptr_t>(bytes.data()) % 8 != 0) bad(what, "buffer not 8-byte aligned");
  FileHeader h;
  std::memcpy(&h, bytes.data(), sizeof(h));
  if (std::memcmp(h.magic, kMagic, 4) != 0) bad(what, "wrong magic bytes");
  if (h.version != kVersion) {
    throw Error(ErrorCode::kVersionMismatch,
                what + ": lexicon format version " + std::to_string(h.version) +
                    ", this zhpolicy reads version " + std::to_string(kVersion) +
                    "; recompile it with zhpolicy_lexc");
  }
  if (h.file_size != bytes.size()) bad(what, "truncated or padded (size differs from header)");
  if (h.section_count > 64 ||
      sizeof(FileHeader) + uint64_t(h.section_count) * sizeof(SectionEntry) > bytes.size()) {
    bad(what, "bad section table");
  }
  if (format::checksum(bytes.data() + sizeof(FileHeader), bytes.size() - sizeof(FileHeader)) != h.checksum) {
    bad(what, "checksum mismatch (corrupted file)");
  }

  const SectionEntry* table = reinterpret_cast<const SectionEntry*>(bytes.data() + sizeof(FileHeader));
  const SectionEntry* found[kLastSectionId + 1] = {};
  for (uint32_t i = 0; i < h.section_count; ++i) {
    const SectionEntry& s = table[i];
    if (s.offset % 8 != 0 || s.offset > bytes.size() || s.size > bytes.size() - s.offset) {
      bad(what, "section " + std::to_string(s.id) + " out of bounds");
    }
    if (s.id >= 1 && s.id <= kLastSectionId) found[s.id] = &s;
  }
  for (uint32_t id = 1; id <= kSectionCount; ++id) {
    if (!found[id]) bad(what, "missing section " + std::to_string(id));
  }
  auto sec = [&](SectionId id) -> const SectionEntry& { return *found[static_cast<uint32_t>(id)]; };

  ZplView v;
  v.log_total_ = h.log_total;
  v.checksum_ = h.checksum;
  uint64_t n_root, n_trie, n_words, n_start, n_trans, n_emit_keys, n_rows, n_emit_index;
  v.trie_.root_table_ =
      section_array<ChildHashEntry>(bytes, sec(SectionId::kRootTable), n_root, what);
  v.trie_.trie_ = section_array<uint32_t>(bytes, sec(SectionId::kTrie), n_trie, what);
  v.trie_.words_ = section_array<WordEntry>(bytes, sec(SectionId::kWords), n_words, what);
  if (n_root != kRootTableSize || n_trie < kNodeHeaderWords || n_trie >= 0xFFFFFFF0u ||
      n_words > 0x7FFFFFFFu || n_words != h.word_count) {
    bad(what, "inconsistent trie sections");
  }
  v.trie_.trie_size_ = static_cast<uint32_t>(n_trie);
  v.trie_.word_count_ = static_cast<uint32_t>(n_words);

  // Lookups bounds-check every record they read (see TrieView), so a
  // corrupt-but-checksummed file cannot make them read out of bounds; the
  // load itself only checks the tables it indexes directly.
  uint64_t n_hash;
  v.trie_.hash_ = section_array<ChildHashEntry>(bytes, sec(SectionId::kChildHash), n_hash, what);
  if (n_hash == 0 || (n_hash & (n_hash - 1)) != 0 || n_hash > 0xFFFFFFFFu) bad(what, "bad child hash size");
  v.trie_.hash_mask_ = static_cast<uint32_t>(n_hash - 1);
  uint64_t n_filter;
  v.trie_.pair_filter_ = section_array<uint64_t>(bytes, sec(SectionId::kPairFilter), n_filter, what);
  if (n_filter != kPairFilterBits / 64) bad(what, "bad pair filter size");
  // Probes stop at a free slot: there must be one.
  if (v.trie_.hash_[n_hash - 1].parent != kEmptySlot) {
    bool has_free_slot = false;
    for (uint64_t i = 0; i < n_hash && !has_free_slot; ++i) {
      has_free_slot = v.trie_.hash_[i].parent == kEmptySlot;
    }
    if (!has_free_slot) bad(what, "child hash has no free slot");
  }
  v.trie_.root_flags_ = v.trie_.read(0).flags;
  // The flags repeated in hash and root entries only steer the walk between
  // in-bounds lookups, so they need no cross-check with the records.

  const SectionEntry& tags = sec(SectionId::kTags);
  std::string_view pool(bytes.data() + tags.offset, tags.size);
  if (!pool.empty() && pool.back() != '\0') bad(what, "tag pool not terminated");
  for (size_t p = 0; p < pool.size();) {
    const size_t z = pool.find('\0', p);
    v.tags_.push_back(pool.substr(p, z - p));
    p = z + 1;
  }

  v.hmm_.start_ = section_array<float>(bytes, sec(SectionId::kHmmStart), n_start, what);
  v.hmm_.trans_ = section_array<float>(bytes, sec(SectionId::kHmmTrans), n_trans, what);
  v.hmm_.emit_keys_ = section_array<uint32_t>(bytes, sec(SectionId::kHmmEmitKeys), n_emit_keys, what);
  v.hmm_.emit_rows_ = section_array<float>(bytes, sec(SectionId::kHmmEmitRows), n_rows, what);
  v.hmm_.emit_index_ =
      section_array<uint16_t>(bytes, sec(SectionId::kHmmEmitIndex), n_emit_index, what);
  if (n_start != 4 || n_trans != 16 || n_rows != n_emit_keys * 4 || n_emit_index != kRootTableSize) {
    bad(what, "bad HMM tables");
  }
  for (uint64_t i = 0; i < n_emit_index; ++i) {
    if (v.hmm_.emit_index_[i] > n_emit_keys) bad(what, "HMM index out of range");
  }
  v.hmm_.emit_count_ = static_cast<uint32_t>(n_emit_keys);

  const SectionEntry& units = sec(SectionId::kUnits);
  v.units_ = std::string_view(bytes.data() + units.offset, units.size);
  const SectionEntry& surnames = sec(SectionId::kSurnames);
  v.surnames_ = std::string_view(bytes.data() + surnames.offset, surnames.size);
  const SectionEntry& terms = sec(SectionId::kEntityTerms);
  v.entity_terms_ = std::string_view(bytes.data() + terms.offset, terms.size);
  const SectionEntry& sources = sec(SectionId::kSources);
  v.sources_ = std::string_view(bytes.data() + sources.offset, sources.size);
  if (const SectionEntry* model = found[static_cast<uint32_t>(SectionId::kEntityModel)]) {
    v.entity_model_ = std::string_view(bytes.data() + model->offset, model->size);
  }
  if (const SectionEntry* model = found[static_cast<uint32_t>(SectionId::kTargetModel)]) {
    v.target_model_ = std::string_view(bytes.data() + model->offset, model->size);
  }
  if (const SectionEntry* model = found[static_cast<uint32_t>(SectionId::kPersonNames)]) {
    v.person_names_ = std::string_view(bytes.data() + model->offset, model->size);
  }
  if (const SectionEntry* model = found[static_cast<uint32_t>(SectionId::kPossegHmm)]) {
    v.posseg_hmm_ = std::string_view(bytes.data() + model->offset, model->size);
  }
  return v;
}

uint32_t TrieView::find(std::string_view word) const {
  TrieStep step{};
  size_t len;
  for (size_t i = 0; i < word.size(); i += len) {
    const char32_t c = utf8::decode(word, i, len);
    if (c == utf8::kInvalid) return kNone;
    if (!(i == 0 ? first(c, step) : next(step, c, step))) return kNone;
  }
  return word.empty() ? kNone : step.node;
}

const float* HmmView::emit_slow(char32_t c) const {
  const uint32_t* end = emit_keys_ + emit_count_;
  const uint32_t* it = std::lower_bound(emit_keys_, end, static_cast<uint32_t>(c));
  return (it != end && *it == c) ? emit_rows_ + 4 * (it - emit_keys_) : nullptr;
}

std::shared_ptr<const ByteStorage> owned_storage(std::string bytes) {
  return std::make_shared<OwnedBytes>(std::move(bytes));
}

}  // namespace internal

using internal::LexiconData;
using internal::ZplView;

Lexicon::Lexicon(std::shared_ptr<const LexiconData> data) : data_(std::move(data)) {}

Lexicon Lexicon::open(const std::string& path) {
  auto data = std::make_shared<LexiconData>();
  data->base_storage = std::make_shared<internal::MappedFile>(path);
  data->base = ZplView::parse(data->base_storage->bytes(), path);
  data->path = path;
  return Lexicon(std::move(data));
}

Lexicon Lexicon::from_bytes(std::string bytes) {
  auto data = std::make_shared<LexiconData>();
  data->base_storage = internal::owned_storage(std::move(bytes));
  data->base = ZplView::parse(data->base_storage->bytes(), "lexicon bytes");
  return Lexicon(std::move(data));
}

Lexicon Lexicon::with_user_words(const std::vector<UserWord>& words) const {
  auto data = std::make_shared<LexiconData>(*data_);
  internal::LexiconSource source;
  source.log_total = data_->base.log_total();
  // Earlier user words stay; new ones are appended and win on conflicts.
  data->user_words.insert(data->user_words.end(), words.begin(), words.end());
  for (const UserWord& w : data->user_words) {
    if (w.word.empty()) throw Error(ErrorCode::kInvalidArgument, "user word is empty");
    if (utf8::find_invalid(w.word) != std::string_view::npos) {
      throw Error(ErrorCode::kInvalidArgument, "user word is not valid UTF-8");
    }
    const std::string shown(utf8::prefix(w.word, 120));  // whole characters: the message stays UTF-8
    if (w.word.find_first_of(" \t\r\n") != std::string::npos) {
      throw Error(ErrorCode::kInvalidArgument, "user word contains white space: '" + shown + "'");
    }
    for (char c : w.word) {
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        throw Error(ErrorCode::kInvalidArgument, "user word contains a control character: '" + shown + "'");
      }
    }
    if (utf8::count_chars(w.word) > kMaxWordChars) {
      throw Error(ErrorCode::kInvalidArgument, "user word longer than " + std::to_string(kMaxWordChars) +
                                                   " characters: '" + shown + "...'");
    }
    if (w.freq && *w.freq == 0) {
      throw Error(ErrorCode::kInvalidArgument, "user word '" + w.word + "': freq must be >= 1");
    }
  }
  // Words without a frequency get the smallest one that keeps them whole
  // against the lexicon as it is without them (jieba's suggest_freq).
  for (const UserWord& w : data->user_words) {
    uint32_t freq;
    if (w.freq) {
      freq = *w.freq;
    } else {
      std::vector<char32_t> cps;
      size_t len;
      for (size_t i = 0; i < w.word.size(); i += len) cps.push_back(utf8::decode(w.word, i, len));
      const double lp = internal::best_path_log_prob(*data_, cps) + data_->base.log_total();
      const double suggested = std::floor(std::exp(std::min(lp, 40.0))) + 1;
      freq = static_cast<uint32_t>(std::min(suggested, 4e9));
      if (auto existing = lookup(w.word)) freq = std::max(freq, existing->freq);
    }
    source.entries.push_back({w.word, freq, w.tag, static_cast<uint8_t>(w.entity)});
  }
  auto bytes = std::make_shared<std::string>(internal::build_lexicon(source));
  data->overlay = ZplView::parse(*bytes, "user words");
  data->overlay_bytes = std::move(bytes);
  return Lexicon(std::move(data));
}

Lexicon Lexicon::with_user_dict(const std::string& path) const {
  return with_user_words(internal::parse_word_list(internal::read_file(path), path));
}

Lexicon Lexicon::with_entity_dict(const std::string& path) const {
  return with_user_words(internal::parse_entity_list(internal::read_file(path), path));
}

std::optional<WordInfo> Lexicon::lookup(std::string_view word) const {
  const internal::ZplView* view = nullptr;
  const auto* w = data_->find_word(word, &view);
  if (!w) return std::nullopt;
  return WordInfo{w->freq, std::string(view->tag(w->tag)), static_cast<EntityType>(w->entity)};
}

size_t Lexicon::base_size() const { return data_->base.trie().word_count(); }
const std::vector<UserWord>& Lexicon::user_words() const { return data_->user_words; }
uint64_t Lexicon::checksum() const { return data_->base.checksum(); }
std::string_view Lexicon::base_bytes() const { return data_->base_storage->bytes(); }
const std::string& Lexicon::path() const { return data_->path; }

}  // namespace zhpolicy
