// zhpolicy_bench — one engine, one corpus, one JSON line of measurements.
//
//   zhpolicy_bench --engine zhpolicy|numbers|analyze|icu --corpus FILE [--lexicon ZPL]
//                  [--threads N] [--repeat R] [--print N] [--scaling 1] [--whole 1]
//                  [--entity-model 0] [--targets 0]
//
// The corpus is segmented line by line (as every peer is driven), after the
// engine is loaded; load time is measured separately. With --repeat R the
// corpus is segmented R times and the fastest pass is reported (the machine's
// noise only ever slows a pass down). bench/run_bench.py runs
// this once per engine in a fresh process, next to the Python and Node peers,
// and prints the ratios. --print N writes the first N lines' tokens instead.
// Engine "numbers" is zhpolicy's number extraction alone ("tokens" counts
// the numbers found); "analyze" is tokens + numbers + entities ("tokens"
// counts all three). With --whole 1 the corpus is one text instead of lines
// (a whole document in one call: what long-text costs show up in). With
// --entity-model 0, analyze runs the entity rules without the learned model;
// with --targets 0, analyze links no targets.
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "zhpolicy.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::vector<std::string_view> split_lines(const std::string& text) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    if (eol > pos) lines.emplace_back(text.data() + pos, eol - pos);
    pos = eol + 1;
  }
  return lines;
}

}  // namespace

int main(int argc, char** argv) {
  std::string engine = "zhpolicy", corpus, lexicon_path = "zhpolicy.zpl";
  unsigned threads = 0;  // 0: the single-call API on one thread
  int repeat = 1, print = 0;
  bool scaling = false;  // --scaling 1: alternate 1-thread and --threads N passes
  bool whole = false;    // --whole 1: the corpus as one text
  bool entity_model = true;  // --entity-model 0: entity rules alone
  bool targets = true;       // --targets 0: no targets
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--engine") engine = v;
    else if (a == "--corpus") corpus = v;
    else if (a == "--lexicon") lexicon_path = v;
    else if (a == "--threads") threads = static_cast<unsigned>(std::stoul(v));
    else if (a == "--repeat") repeat = std::stoi(v);
    else if (a == "--print") print = std::stoi(v);
    else if (a == "--scaling") scaling = v == "1";
    else if (a == "--whole") whole = v == "1";
    else if (a == "--entity-model") entity_model = v != "0";
    else if (a == "--targets") targets = v != "0";
  }
  std::ifstream in(corpus, std::ios::binary);
  if (!in) {
    std::cerr << "zhpolicy_bench: cannot read corpus '" << corpus << "'\n";
    return 2;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const std::vector<std::string_view> lines = whole ? std::vector<std::string_view>{text} : split_lines(text);
  size_t bytes = 0;
  for (auto l : lines) bytes += l.size();

  size_t tokens = 0;
  double load_s = 0, seg_s = 0, load_best_s = 1e300, segment_alone_s = 1e300;
  // The fastest of `repeat` passes over all lines; `count(line)` returns what
  // the pass found in a line (summed into `tokens`).
  auto best_pass = [&](auto&& count) {
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
      tokens = 0;
      auto t1 = Clock::now();
      for (auto line : lines) tokens += count(line);
      best = std::min(best, seconds_since(t1));
    }
    return best;
  };
  if (engine == "zhpolicy") {
    // Load time: the first complete load of the process (map, validate, the
    // first call, which builds the character-class table); then the best of
    // 4 more, which shows what the machine's noise adds to a single figure.
    for (int i = 0; i < 5; ++i) {
      auto t0 = Clock::now();
      const zhpolicy::Segmenter warm(zhpolicy::Lexicon::open(lexicon_path));
      warm.segment("预热");
      const double s = seconds_since(t0);
      if (i == 0) load_s = s; else load_best_s = std::min(load_best_s, s);
    }
    const zhpolicy::Segmenter seg(zhpolicy::Lexicon::open(lexicon_path));
    if (print > 0) {
      for (int i = 0; i < print && i < static_cast<int>(lines.size()); ++i) {
        for (auto w : seg.cut(lines[i])) std::cout << w << ' ';
        std::cout << '\n';
      }
      return 0;
    }
    if (scaling) {
      // Alternate one-thread and N-thread batch passes so that both see the
      // same machine over time; report the best of each.
      double one = 1e300, many = 1e300;
      for (int r = 0; r < repeat; ++r) {
        for (unsigned t : {1u, threads}) {
          auto t1 = Clock::now();
          const auto results = seg.segment_many(lines, zhpolicy::SegmentMode::kDefault, t);
          (t == 1 ? one : many) = std::min(t == 1 ? one : many, seconds_since(t1));
        }
      }
      std::printf("{\"engine\": \"scaling\", \"threads\": %u, \"bytes\": %zu, \"one_thread_s\": %.6f, "
                  "\"threads_s\": %.6f}\n", threads, bytes, one, many);
      return 0;
    }
    seg_s = 1e300;
    for (int r = 0; r < repeat; ++r) {
      tokens = 0;
      auto t1 = Clock::now();
      if (threads == 0) {
        for (auto line : lines) tokens += seg.segment(line).size();
        seg_s = std::min(seg_s, seconds_since(t1));
      } else {
        // The batch call itself; freeing its results afterwards is the caller's.
        const auto results = seg.segment_many(lines, zhpolicy::SegmentMode::kDefault, threads);
        seg_s = std::min(seg_s, seconds_since(t1));
        for (const auto& toks : results) tokens += toks.size();
      }
    }
  } else if (engine == "numbers") {
    auto t0 = Clock::now();
    const zhpolicy::NumberExtractor extractor(zhpolicy::Lexicon::open(lexicon_path));
    extractor.extract("预热1450亿元");
    load_s = seconds_since(t0);
    seg_s = best_pass([&](std::string_view line) { return extractor.extract(line).size(); });
  } else if (engine == "analyze") {
    auto t0 = Clock::now();
    zhpolicy::AnalyzerOptions options;
    options.entities.model = entity_model;
    options.targets = targets;
    const zhpolicy::Analyzer analyzer(zhpolicy::Lexicon::open(lexicon_path), options);
    analyzer.analyze("区委书记赵世庆出席1450亿元");
    load_s = seconds_since(t0);
    // Analyze and segmentation alone in alternating passes of this one
    // process (best of each), so that the ratio compares the two on the same
    // machine state rather than on two runs minutes apart.
    const zhpolicy::Segmenter segmenter(analyzer.lexicon());
    seg_s = 1e300;
    for (int r = 0; r < repeat; ++r) {
      auto t1 = Clock::now();
      for (auto line : lines) segmenter.segment(line);
      segment_alone_s = std::min(segment_alone_s, seconds_since(t1));
      tokens = 0;
      t1 = Clock::now();
      for (auto line : lines) {
        const zhpolicy::Document doc = analyzer.analyze(line);
        tokens += doc.tokens().size() + doc.numbers().size() + doc.entities().size();
      }
      seg_s = std::min(seg_s, seconds_since(t1));
    }
  } else if (engine == "icu") {
    auto t0 = Clock::now();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
    if (U_FAILURE(status)) {
      std::cerr << "zhpolicy_bench: ICU word break iterator unavailable\n";
      return 2;
    }
    load_s = seconds_since(t0);
    seg_s = 1e300;
    for (int r = 0; r < repeat; ++r) {
      tokens = 0;
      auto t1 = Clock::now();
      for (auto line : lines) {
        // The same input the other engines get: UTF-8 in, word boundaries out.
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(
            icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
        it->setText(u);
        for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) ++tokens;
      }
      seg_s = std::min(seg_s, seconds_since(t1));
    }
  } else {
    std::cerr << "zhpolicy_bench: unknown engine '" << engine << "'\n";
    return 2;
  }
  std::printf("{\"engine\": \"%s\", \"threads\": %u, \"bytes\": %zu, \"load_s\": %.6f, "
              "\"load_best_s\": %.6f, \"seconds\": %.6f, \"tokens\": %zu, \"segment_alone_s\": %.6f}\n",
              engine.c_str(), threads, bytes, load_s, load_best_s < 1e300 ? load_best_s : load_s, seg_s,
              tokens, segment_alone_s < 1e300 ? segment_alone_s : 0.0);
  return 0;
}
