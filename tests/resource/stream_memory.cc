// zhpolicy_stream_memory LEXICON SAMPLE MEGABYTES BOUND_MB — analyze_stream
// of MEGABYTES of text (SAMPLE repeated, generated as it is read: the test
// itself holds no copy) stays under BOUND_MB of peak resident memory, and
// every byte is analyzed once (the pieces' tokens tile the stream).
#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <streambuf>
#include <string>

#include "zhpolicy.h"

namespace {

// An input stream of `total` bytes: `sample` over and over.
class RepeatBuf : public std::streambuf {
 public:
  RepeatBuf(std::string sample, uint64_t total) : sample_(std::move(sample)), left_(total) {}

 protected:
  int_type underflow() override {
    if (left_ == 0) return traits_type::eof();
    const size_t n = static_cast<size_t>(std::min<uint64_t>(sample_.size(), left_));
    left_ -= n;
    char* p = &sample_[0];
    setg(p, p, p + n);
    return traits_type::to_int_type(*p);
  }

 private:
  std::string sample_;
  uint64_t left_;
};

// The peak resident memory of this process's own address space (VmHWM):
// getrusage's ru_maxrss survives exec and would count a large parent.
long peak_rss_mb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10) / 1024;  // kB
  }
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: zhpolicy_stream_memory LEXICON SAMPLE MEGABYTES BOUND_MB\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  std::string sample((std::istreambuf_iterator<char>(in)), {});
  if (sample.empty() || sample.back() != '\n') sample += '\n';
  const uint64_t total = std::strtoull(argv[3], nullptr, 10) << 20;
  const long bound = std::strtol(argv[4], nullptr, 10);
  const zhpolicy::Analyzer analyzer(zhpolicy::Lexicon::open(argv[1]));
  RepeatBuf buf(sample, total);
  std::istream text(&buf);
  uint64_t expected_begin = 0, numbers = 0, entities = 0;
  analyzer.analyze_stream(text, [&](const zhpolicy::Document& doc, uint64_t offset) {
    if (offset != expected_begin || doc.tokens().empty() || doc.tokens().back().span.end != doc.text().size()) {
      std::cerr << "pieces do not tile the stream at byte " << offset << "\n";
      std::exit(1);
    }
    expected_begin = offset + doc.text().size();
    numbers += doc.numbers().size();
    entities += doc.entities().size();
  });
  const long peak = peak_rss_mb();
  std::cout << "analyze_stream: " << (total >> 20) << " MB, " << numbers << " numbers, " << entities
            << " entities, peak resident memory " << peak << " MB (bound " << bound << " MB)\n";
  if (expected_begin != total) {
    std::cerr << "analyzed " << expected_begin << " of " << total << " bytes\n";
    return 1;
  }
  return peak <= bound ? 0 : 1;
}
