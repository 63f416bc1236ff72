#include "segmented_lines.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <climits>
#include <limits>
#include <system_error>
#include <vector>

#include "util/parallel.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace python {
namespace {

// Blocks of whole lines of about 64 KB, from byte `pos` of `utf8`, at most
// `max_blocks` of them (0: all): what one thread segments at a time.
std::vector<std::string_view> line_blocks(std::string_view utf8, size_t pos = 0, size_t max_blocks = 0) {
  std::vector<std::string_view> blocks;
  while (pos < utf8.size() && (max_blocks == 0 || blocks.size() < max_blocks)) {
    size_t end = std::min(utf8.size(), pos + (size_t(1) << 16));
    end = end == utf8.size() ? end : utf8.find('\n', end);
    end = end == std::string_view::npos ? utf8.size() : end + 1;
    blocks.push_back(utf8.substr(pos, end - pos));
    pos = end;
  }
  return blocks;
}

void segment_block(const Segmenter& seg, std::string_view block, SegmentMode mode, std::string& out) {
  out.clear();
  out.reserve(block.size() + block.size() / 3);
  for (size_t pos = 0; pos < block.size();) {
    size_t eol = block.find('\n', pos);
    if (eol == std::string_view::npos) eol = block.size();
    std::string_view line = block.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    bool first = true;
    for (const Token& t : seg.segment(line, mode)) {
      if (t.kind == TokenKind::kWhitespace) continue;
      if (!first) out += ' ';
      out.append(slice(line, t.span));
      first = false;
    }
    out += '\n';
    pos = eol + 1;
  }
}

[[noreturn]] void fail(const std::string& what) { throw std::system_error(errno, std::generic_category(), what); }

// All of `parts` to `fd`, in order, without joining them first.
void write_all(int fd, std::vector<std::string>& parts) {
  std::vector<iovec> iov;
  iov.reserve(parts.size());
  for (std::string& p : parts) {
    if (!p.empty()) iov.push_back({p.data(), p.size()});
  }
  size_t at = 0;
  while (at < iov.size()) {
    const int count = static_cast<int>(std::min<size_t>(iov.size() - at, IOV_MAX));
    const ssize_t n = ::writev(fd, iov.data() + at, count);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw OutputError(errno, std::generic_category(), "cannot write the output");
    }
    // Past the parts written whole, then into a part written in part.
    size_t left = static_cast<size_t>(n);
    while (at < iov.size() && left >= iov[at].iov_len) left -= iov[at++].iov_len;
    if (at < iov.size()) {
      iov[at].iov_base = static_cast<char*>(iov[at].iov_base) + left;
      iov[at].iov_len -= left;
    }
  }
}

// The bytes of a file: mapped when it is a regular file, else read. A
// mapped file's pages are handed back (release) once used, so that the
// process's memory does not grow with the file.
class FileBytes {
 public:
  explicit FileBytes(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("cannot read " + path);
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        map_ = p;
        bytes_ = {static_cast<const char*>(p), static_cast<size_t>(st.st_size)};
        ::madvise(p, bytes_.size(), MADV_SEQUENTIAL);
        ::close(fd);
        return;
      }
    }
    char buf[1 << 16];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n == 0) break;
      if (n < 0) {
        if (errno == EINTR) continue;
        const int saved = errno;
        ::close(fd);
        errno = saved;
        fail("cannot read " + path);
      }
      read_.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    bytes_ = read_;
  }
  ~FileBytes() {
    if (map_) ::munmap(map_, bytes_.size());
  }
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  std::string_view bytes() const { return bytes_; }
  // Maps in the pages of bytes [begin, end) at once (one call instead of a
  // fault per few pages; a kernel without MADV_POPULATE_READ faults them).
  void populate(size_t begin, size_t end) const {
#ifdef MADV_POPULATE_READ
    if (!map_ || end <= begin) return;
    const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    const size_t b = begin / page * page;
    ::madvise(static_cast<char*>(map_) + b, end - b, MADV_POPULATE_READ);
#else
    (void)begin;
    (void)end;
#endif
  }
  // Drops the mapped pages wholly before byte `end` from the process (they
  // stay in the page cache; touched again, they come back unchanged).
  void release_before(size_t end) const {
    if (!map_) return;
    const auto page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    const size_t whole = end / page * page;
    if (whole > 0) ::madvise(map_, whole, MADV_DONTNEED);
  }

 private:
  void* map_ = nullptr;
  std::string read_;
  std::string_view bytes_;
};

}  // namespace

std::string segmented_lines(const Segmenter& seg, std::string_view utf8, SegmentMode mode, unsigned n_threads) {
  const std::vector<std::string_view> blocks = line_blocks(utf8);
  std::vector<std::string> outs(blocks.size());
  internal::parallel_for(blocks.size(), n_threads, [&](size_t b) { segment_block(seg, blocks[b], mode, outs[b]); });
  size_t total = 0;
  for (const std::string& o : outs) total += o.size();
  std::string out;
  out.reserve(total);
  for (const std::string& o : outs) out += o;
  return out;
}

long long segment_file_to(const Segmenter& seg, const std::string& path, int fd, SegmentMode mode,
                          unsigned n_threads) {
  const FileBytes file(path);
  const std::string_view bytes = file.bytes();
  // Pieces of 16 blocks (about 1 MB of input), each handled in parallel;
  // the blocks of a piece are found when it is reached (finding them all
  // first would map the whole file in). A piece's output stays in the cache
  // until it is written: pieces of 4 MB pushed the lexicon's nodes out of
  // it, and segmenting one thread's 10 MB took a tenth longer.
  constexpr size_t kPieceBlocks = 16;
  auto end_of = [&](const std::vector<std::string_view>& blocks) {
    return static_cast<size_t>(blocks.back().data() + blocks.back().size() - bytes.data());
  };
  // The whole file is checked before anything is written: an ill-formed
  // file gives no output. The first offset wins.
  for (size_t pos = 0; pos < bytes.size();) {
    const std::vector<std::string_view> blocks = line_blocks(bytes, pos, kPieceBlocks);
    file.populate(pos, end_of(blocks));
    std::atomic<size_t> first_bad{std::numeric_limits<size_t>::max()};
    internal::parallel_for(blocks.size(), n_threads, [&](size_t b) {
      const size_t at = utf8::find_invalid(blocks[b]);
      if (at == std::string_view::npos) return;
      const size_t offset = static_cast<size_t>(blocks[b].data() - bytes.data()) + at;
      size_t seen = first_bad.load();
      while (offset < seen && !first_bad.compare_exchange_weak(seen, offset)) {
      }
    });
    if (first_bad.load() != std::numeric_limits<size_t>::max()) return static_cast<long long>(first_bad.load());
    pos = end_of(blocks);
    file.release_before(pos);
  }
  // Then segmented in parallel and written in order, a piece at a time.
  std::vector<std::string> outs;
  for (size_t pos = 0; pos < bytes.size();) {
    const std::vector<std::string_view> blocks = line_blocks(bytes, pos, kPieceBlocks);
    file.populate(pos, end_of(blocks));
    outs.resize(blocks.size());
    internal::parallel_for(blocks.size(), n_threads, [&](size_t b) { segment_block(seg, blocks[b], mode, outs[b]); });
    write_all(fd, outs);
    pos = end_of(blocks);
    file.release_before(pos);
  }
  return -1;
}

}  // namespace python
}  // namespace zhpolicy
