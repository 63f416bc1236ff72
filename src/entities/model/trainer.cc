#include "entities/model/trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <unordered_map>

#include "entities/extractor_impl.h"
#include "entities/model/chain.h"
#include "entities/model/model_format.h"
#include "lexicon/word_list.h"
#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

using namespace model_format;

constexpr uint32_t kTypes = std::size(kModeledTypes);
constexpr uint32_t kLabels = label_count(kTypes);
static_assert(kTypes <= kMaxTypes && kLabels <= kRowStride, "labels must fit a weight row");

// One window of one sentence: feature indices per char and gold labels.
struct Window {
  std::vector<uint32_t> feat_begin;  // per char, plus an end
  std::vector<uint32_t> feats;
  std::vector<uint8_t> gold;
  std::vector<uint8_t> closed;  // outside_any_mention
  // The rules' mentions inside the window: begin, end (window chars), label of their first char.
  std::vector<std::array<uint32_t, 3>> rules;
};

// Byte offsets of each code point of `text` (plus the end).
std::vector<uint32_t> byte_offsets(std::string_view text) {
  std::vector<uint32_t> out;
  size_t len;
  for (size_t i = 0; i < text.size(); i += len) {
    out.push_back(static_cast<uint32_t>(i));
    utf8::decode(text, i, len);
  }
  out.push_back(static_cast<uint32_t>(text.size()));
  return out;
}

// Each BMP char's highest emission log-probability by any posseg state
// (-infinity where none emits it).
std::vector<float> best_emissions(const std::map<std::string, std::vector<std::pair<char32_t, float>>>& emit) {
  std::vector<float> best(kCharTableSize, -std::numeric_limits<float>::infinity());
  for (const auto& [state, row] : emit) {
    for (const auto& [c, lp] : row) {
      if (c < kCharTableSize) best[c] = std::max(best[c], lp);
    }
  }
  return best;
}

// The posseg evidence of each BMP char for each tag of kPossegTagNames: the
// position (B M E S) where the tag's emission is highest, and how far that
// is below the char's best emission over all states, in four buckets.
std::vector<uint8_t> posseg_table(const std::map<std::string, std::vector<std::pair<char32_t, float>>>& emit) {
  const std::vector<float> best = best_emissions(emit);
  std::vector<uint8_t> table(size_t(kCharTableSize) * kPossegTags, 0);
  std::vector<float> tag_best(kCharTableSize);
  std::vector<uint8_t> tag_pos(kCharTableSize);
  const char positions[4] = {'B', 'M', 'E', 'S'};
  for (uint32_t tag = 0; tag < kPossegTags; ++tag) {
    std::fill(tag_best.begin(), tag_best.end(), -std::numeric_limits<float>::infinity());
    for (uint8_t p = 0; p < 4; ++p) {
      const auto it = emit.find(std::string(1, positions[p]) + " " + kPossegTagNames[tag]);
      if (it == emit.end()) continue;
      for (const auto& [c, lp] : it->second) {
        if (c < kCharTableSize && lp > tag_best[c]) {
          tag_best[c] = lp;
          tag_pos[c] = p;
        }
      }
    }
    for (uint32_t c = 0; c < kCharTableSize; ++c) {
      if (!std::isfinite(tag_best[c])) continue;
      const float gap = best[c] - tag_best[c];
      const uint8_t bucket = gap < 1 ? 1 : gap < 3 ? 2 : gap < 6 ? 3 : 0;
      if (bucket) table[size_t(c) * kPossegTags + tag] = static_cast<uint8_t>(tag_pos[c] << 2 | bucket);
    }
  }
  return table;
}

// The transliteration table (model_format.h, kNrtPlaces): per BMP char and
// place B M E S, the nrt emission's distance below the char's best emission.
std::vector<int8_t> nrt_table(const std::map<std::string, std::vector<std::pair<char32_t, float>>>& emit) {
  const std::vector<float> best = best_emissions(emit);
  std::vector<int8_t> table(size_t(kCharTableSize) * kNrtPlaces, kNoNrt);
  const char places[kNrtPlaces] = {'B', 'M', 'E', 'S'};
  for (uint32_t p = 0; p < kNrtPlaces; ++p) {
    const auto it = emit.find(std::string(1, places[p]) + " nrt");
    if (it == emit.end()) continue;
    for (const auto& [c, lp] : it->second) {
      if (c >= kCharTableSize || !std::isfinite(lp) || !std::isfinite(best[c])) continue;
      const float gap = std::min(best[c] - lp, 126.0f);
      table[size_t(c) * kNrtPlaces + p] = static_cast<int8_t>(-std::lround(gap));
    }
  }
  return table;
}

// Weights w of P(correct) = 1 / (1 + exp(-(w . x))), by Newton's method on
// the log-likelihood (a small ridge keeps them finite when the data
// separate). x holds a mention's margin, 1, and whether the rules missed it.
constexpr int kScoreInputs = 3;
using ScoreInputs = std::array<double, kScoreInputs>;
std::array<double, kScoreInputs> fit_logistic(const std::vector<std::pair<ScoreInputs, bool>>& data) {
  std::array<double, kScoreInputs> w{};
  for (int iter = 0; iter < 50; ++iter) {
    double g[kScoreInputs], h[kScoreInputs][kScoreInputs + 1];
    for (int i = 0; i < kScoreInputs; ++i) {
      g[i] = -1e-3 * w[i];
      for (int j = 0; j < kScoreInputs; ++j) h[i][j] = i == j ? 1e-3 : 0;
    }
    for (const auto& [x, y] : data) {
      double z = 0;
      for (int i = 0; i < kScoreInputs; ++i) z += w[i] * x[i];
      const double p = 1 / (1 + std::exp(-z)), v = p * (1 - p);
      for (int i = 0; i < kScoreInputs; ++i) {
        g[i] += (y - p) * x[i];
        for (int j = 0; j < kScoreInputs; ++j) h[i][j] += v * x[i] * x[j];
      }
    }
    // Solve h d = g (Gaussian elimination; h is positive definite).
    for (int i = 0; i < kScoreInputs; ++i) h[i][kScoreInputs] = g[i];
    for (int c = 0; c < kScoreInputs; ++c) {
      for (int r = c + 1; r < kScoreInputs; ++r) {
        const double f = h[r][c] / h[c][c];
        for (int k = c; k <= kScoreInputs; ++k) h[r][k] -= f * h[c][k];
      }
    }
    double d[kScoreInputs];
    for (int r = kScoreInputs - 1; r >= 0; --r) {
      double v = h[r][kScoreInputs];
      for (int k = r + 1; k < kScoreInputs; ++k) v -= h[r][k] * d[k];
      d[r] = v / h[r][r];
    }
    for (int i = 0; i < kScoreInputs; ++i) w[i] += d[i];
  }
  for (double v : w) {
    if (!std::isfinite(v)) return {1.0, 0.0, 0.0};  // no usable fit: the margin alone
  }
  return w;
}

// The emission scores of window x under `weights` (features * kLabels).
void emissions(const Window& x, const std::vector<float>& weights, std::vector<float>& out) {
  const size_t n = x.gold.size();
  out.assign(n * kLabels, 0);
  for (size_t i = 0; i < n; ++i) {
    float* row = &out[i * kLabels];
    for (uint32_t k = x.feat_begin[i]; k < x.feat_begin[i + 1]; ++k) {
      const float* wf = &weights[size_t(x.feats[k]) * kLabels];
      for (uint32_t y = 0; y < kLabels; ++y) row[y] += wf[y];
    }
    if (x.closed[i]) close_labels(row, kLabels);
  }
}

struct Perceptron {
  uint32_t features;
  std::vector<float> w, u;    // emissions: features * kLabels
  std::vector<float> tw, tu;  // transitions: (kLabels + 1) * kLabels
  float c = 1;

  explicit Perceptron(uint32_t n)
      : features(n), w(size_t(n) * kLabels), u(size_t(n) * kLabels), tw((kLabels + 1) * kLabels),
        tu((kLabels + 1) * kLabels) {}

  void update(const Window& x, const std::vector<uint8_t>& pred) {
    const size_t n = x.gold.size();
    auto bump = [&](std::vector<float>& W, std::vector<float>& U, size_t at, float d) {
      W[at] += d;
      U[at] += c * d;
    };
    for (size_t i = 0; i < n; ++i) {
      const uint8_t g = x.gold[i], p = pred[i];
      if (g != p) {
        for (uint32_t k = x.feat_begin[i]; k < x.feat_begin[i + 1]; ++k) {
          bump(w, u, size_t(x.feats[k]) * kLabels + g, 1);
          bump(w, u, size_t(x.feats[k]) * kLabels + p, -1);
        }
      }
      const uint32_t gp = i ? x.gold[i - 1] : kLabels, pp = i ? pred[i - 1] : kLabels;
      if (g != p || gp != pp) {
        bump(tw, tu, size_t(gp) * kLabels + g, 1);
        bump(tw, tu, size_t(pp) * kLabels + p, -1);
      }
    }
  }
  // The averaged weights.
  void average(std::vector<float>& W, std::vector<float>& T) const {
    W.resize(w.size());
    T.resize(tw.size());
    for (size_t k = 0; k < w.size(); ++k) W[k] = w[k] - u[k] / c;
    for (size_t k = 0; k < tw.size(); ++k) T[k] = tw[k] - tu[k] / c;
  }
};

// Trains on the windows whose sentence passes `use`; returns the averaged weights.
template <typename Use>
void train(const std::vector<std::vector<Window>>& data, uint32_t features, int epochs, uint64_t order_seed,
           Use&& use, std::vector<float>& W, std::vector<float>& T) {
  Perceptron p(features);
  std::vector<uint32_t> order;
  for (uint32_t s = 0; s < data.size(); ++s) {
    if (use(s)) order.push_back(s);
  }
  std::vector<float> emit;
  std::vector<uint8_t> pred;
  ChainScratch scratch;
  ChainTransitions transitions = chain_transitions(p.tw.data(), kLabels);  // after each update
  uint64_t seed = order_seed == 0 ? 1 : order_seed;  // xorshift: never 0
  for (int epoch = 0; epoch < epochs; ++epoch) {
    // A fixed pseudo-random order per epoch: deterministic, yet no run of
    // one province's sentences dominates an update streak.
    for (size_t k = order.size(); k > 1; --k) {
      seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
      std::swap(order[k - 1], order[seed % k]);
    }
    for (uint32_t s : order) {
      for (const Window& x : data[s]) {
        emissions(x, p.w, emit);
        viterbi({emit.data(), static_cast<uint32_t>(x.gold.size()), kLabels, kLabels, &transitions}, pred, scratch);
        if (pred != x.gold) {
          p.update(x, pred);
          transitions = chain_transitions(p.tw.data(), kLabels);
        }
        p.c += 1;
      }
    }
  }
  p.average(W, T);
}

// The mean of `orders` models trained in as many sentence orders (the first
// from `order_seed`): a perceptron's weights depend on the order it saw its
// data in, their mean much less.
template <typename Use>
void train_orders(const std::vector<std::vector<Window>>& data, uint32_t features, const TrainOptions& options,
                  Use&& use, std::vector<float>& W, std::vector<float>& T) {
  const int orders = std::max(1, options.orders);
  std::vector<float> w, t;
  for (int o = 0; o < orders; ++o) {
    train(data, features, options.epochs, options.order_seed + uint64_t(o) * 0x9E3779B97F4A7C15ull, use, w, t);
    if (o == 0) {
      W = std::move(w);
      T = std::move(t);
      continue;
    }
    for (size_t k = 0; k < W.size(); ++k) W[k] += w[k];
    for (size_t k = 0; k < T.size(); ++k) T[k] += t[k];
  }
  for (float& x : W) x /= static_cast<float>(orders);
  for (float& x : T) x /= static_cast<float>(orders);
}

}  // namespace

std::vector<AnnotatedSentence> read_annotated(const std::string& path) {
  const std::string text = read_file(path);
  std::vector<AnnotatedSentence> out;
  size_t line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    const std::string line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.empty()) continue;
    auto fail = [&](const std::string& what) {
      throw Error(ErrorCode::kBadFormat, path + ":" + std::to_string(line_no) + ": " + what);
    };
    std::vector<std::string> cols;
    for (size_t b = 0;;) {
      const size_t tab = line.find('\t', b);
      cols.push_back(line.substr(b, tab == std::string::npos ? std::string::npos : tab - b));
      if (tab == std::string::npos) break;
      b = tab + 1;
    }
    if (cols.size() != 4) fail("expected 4 tab-separated columns (group, doc, sentence, mentions)");
    if (utf8::find_invalid(cols[2]) != std::string::npos) fail("the sentence is not valid UTF-8");
    AnnotatedSentence s{cols[0], cols[1], cols[2], {}};
    const size_t chars = byte_offsets(s.text).size() - 1;
    std::istringstream mentions(cols[3]);
    std::string m;
    while (mentions >> m) {
      const size_t c1 = m.find(':'), c2 = m.find(':', c1 == std::string::npos ? 0 : c1 + 1);
      if (c1 == std::string::npos || c2 == std::string::npos) fail("expected start:end:type, got '" + m + "'");
      char* end = nullptr;
      const unsigned long b = std::strtoul(m.c_str(), &end, 10);
      const unsigned long e = std::strtoul(m.c_str() + c1 + 1, &end, 10);
      const auto type = parse_entity_type(m.substr(c2 + 1));
      if (!type || b >= e || e > chars) fail("bad mention '" + m + "'");
      s.mentions.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), *type});
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::string train_entity_model(const Lexicon& lexicon,
                               const std::map<std::string, std::vector<std::pair<char32_t, float>>>& posseg,
                               const std::vector<AnnotatedSentence>& data, const TrainOptions& options,
                               TrainReport* report) {
  TrainReport r;
  const std::vector<uint8_t> chars = posseg_table(posseg);
  // Head characters: the last characters of names of the modeled types.
  std::vector<uint32_t> head_count(kCharTableSize, 0);
  for (const AnnotatedSentence& s : data) {
    const std::u32string cps = entity_detail::to_u32(s.text);
    for (const auto& m : s.mentions) {
      if (modeled_index(m.type) >= 0 && m.end <= cps.size() && cps[m.end - 1] < kCharTableSize) {
        ++head_count[cps[m.end - 1]];
      }
    }
  }
  std::vector<uint64_t> heads(kCharTableSize / 64, 0);
  for (uint32_t c = 0; c < kCharTableSize; ++c) {
    if (head_count[c] >= static_cast<uint32_t>(options.head_min_count)) heads[c / 64] |= uint64_t(1) << (c % 64);
  }
  const FeatureTables tables{chars.data(), heads.data()};

  // Featurize every sentence; gold labels per char of its windows.
  const EntityExtractorImpl extractor(lexicon);
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<uint64_t> keys_of;  // by feature index
  std::vector<std::vector<Window>> windows(data.size());
  std::vector<uint32_t> rule_tp(kEntityTypeCount, 0), rule_n(kEntityTypeCount, 0);
  TrainingText tt;
  for (size_t s = 0; s < data.size(); ++s) {
    const AnnotatedSentence& sentence = data[s];
    extractor.featurize(sentence.text, tables, tt);
    const std::vector<uint32_t> bytes = byte_offsets(sentence.text);
    const auto n = static_cast<uint32_t>(tt.original_byte.size() - 1);
    // Gold mentions as char ranges of the normalized view.
    std::vector<uint8_t> gold(n, kOutside);
    std::vector<std::pair<std::pair<uint32_t, uint32_t>, EntityType>> gold_spans;
    for (const auto& m : sentence.mentions) {
      const uint32_t b = bytes[m.begin], e = bytes[m.end];
      uint32_t first = n, last = 0;
      for (uint32_t k = 0; k < n; ++k) {
        if (tt.original_byte[k] >= b && tt.original_byte[k] < e) {
          first = std::min(first, k);
          last = k + 1;
        }
      }
      if (first >= last) continue;
      gold_spans.push_back({{first, last}, m.type});
      const int t = modeled_index(m.type);
      if (t < 0) continue;
      ++r.mentions;
      bool inside = false;
      for (const auto& [wb, we] : tt.windows) inside = inside || (wb <= first && last <= we);
      r.mentions_outside_windows += !inside;
      for (uint32_t k = first; k < last; ++k) {
        gold[k] = static_cast<uint8_t>(label_of(static_cast<uint32_t>(t), k == first ? Part::kBegin : Part::kInside));
      }
    }
    for (const auto& m : tt.rule_mentions) {
      ++rule_n[m.type];
      for (const auto& g : gold_spans) {
        if (g.first.first == m.begin && g.first.second == m.end && static_cast<uint8_t>(g.second) == m.type) {
          ++rule_tp[m.type];
          break;
        }
      }
    }
    size_t at = 0;  // char of the windows, in order
    for (const auto& [wb, we] : tt.windows) {
      Window w;
      for (uint32_t k = wb; k < we; ++k, ++at) {
        w.feat_begin.push_back(static_cast<uint32_t>(w.feats.size()));
        for (uint32_t f = tt.key_begin[at]; f < tt.key_begin[at + 1]; ++f) {
          const auto [it, added] = index.try_emplace(tt.keys[f], static_cast<uint32_t>(keys_of.size()));
          if (added) keys_of.push_back(tt.keys[f]);
          w.feats.push_back(it->second);
        }
        w.gold.push_back(gold[k]);
        w.closed.push_back(tt.closed[at]);
      }
      w.feat_begin.push_back(static_cast<uint32_t>(w.feats.size()));
      for (const auto& m : tt.rule_mentions) {
        const int t = modeled_index(static_cast<EntityType>(m.type));
        if (t >= 0 && wb <= m.begin && m.end <= we) {
          w.rules.push_back({m.begin - wb, m.end - wb, label_of(static_cast<uint32_t>(t), Part::kBegin)});
        }
      }
      r.chars += w.gold.size();
      windows[s].push_back(std::move(w));
      ++r.windows;
    }
  }
  r.sentences = data.size();
  const auto features = static_cast<uint32_t>(keys_of.size());

  // Scores: a logistic function of a mention's emission margin, fitted by
  // cross-fitting: the sentences fall into calibration_folds parts, and each
  // part is labelled by a model trained on the others (is the predicted
  // mention exactly a gold one?), so every sentence calibrates once.
  std::vector<float> W, T;
  const int folds = std::max(2, options.calibration_folds);
  std::vector<std::pair<ScoreInputs, bool>> calibration;  // (inputs, correct)
  for (int fold = 0; fold < folds; ++fold) {
    train_orders(windows, features, options, [&](uint32_t s) { return static_cast<int>(s % folds) != fold; }, W, T);
    std::vector<float> emit;
    std::vector<uint8_t> pred;
    ChainScratch scratch;
    const ChainTransitions transitions = chain_transitions(T.data(), kLabels);
    for (uint32_t s = static_cast<uint32_t>(fold); s < windows.size(); s += static_cast<uint32_t>(folds)) {
      for (const Window& x : windows[s]) {
        emissions(x, W, emit);
        const ChainScores sc{emit.data(), static_cast<uint32_t>(x.gold.size()), kLabels, kLabels, &transitions};
        viterbi(sc, pred, scratch);
        for (uint32_t k = 0; k < pred.size();) {
          if (pred[k] == kOutside) {
            ++k;
            continue;
          }
          const auto n = static_cast<uint32_t>(pred.size());
          const uint32_t e = mention_end(pred.data(), n, k);
          const bool correct = std::equal(pred.begin() + k, pred.begin() + e, x.gold.begin() + k) &&
                               (e == n || !is_inside(x.gold[e]));
          bool alone = true;
          for (const auto& r : x.rules) alone = alone && !(r[0] == k && r[1] == e && r[2] == pred[k]);
          calibration.push_back({{emission_margin(sc, k, e, &pred[k]), 1.0, alone ? 1.0 : 0.0}, correct});
          k = e;
        }
      }
    }
  }
  const auto fitted = fit_logistic(calibration);
  const auto slope = static_cast<float>(fitted[0]), bias = static_cast<float>(fitted[1]),
             alone = static_cast<float>(fitted[2]);
  train_orders(windows, features, options, [](uint32_t) { return true; }, W, T);

  // Keep the features that matter; weights as int16 with one scale.
  std::vector<uint32_t> kept;
  float top = 0;
  for (uint32_t f = 0; f < features; ++f) {
    float m = 0;
    for (uint32_t y = 0; y < kLabels; ++y) m = std::max(m, std::fabs(W[size_t(f) * kLabels + y]));
    if (m >= options.prune_below) kept.push_back(f);
    top = std::max(top, m);
  }
  const float scale = top > 0 ? top / 32767.0f : 1.0f;
  uint32_t slots = 16;
  while (slots < 2 * kept.size() + 1) slots *= 2;
  r.features = kept.size();
  r.score_slope = slope;
  r.score_bias = bias;
  r.score_alone = alone;
  r.calibration_mentions = calibration.size();

  ModelHeader h{};
  std::memcpy(h.magic, kMagic, 4);
  h.version = kVersion;
  h.type_count = kTypes;
  h.label_count = kLabels;
  for (uint32_t t = 0; t < kTypes; ++t) h.types[t] = static_cast<uint8_t>(kModeledTypes[t]);
  h.feature_count = static_cast<uint32_t>(kept.size());
  h.slot_count = slots;
  h.weight_scale = scale;
  h.score_slope = slope;
  h.score_bias = bias;
  h.score_alone = alone;
  for (int t = 1; t < kEntityTypeCount; ++t) {
    h.rule_precision[t] = (rule_tp[t] + 1.0f) / (rule_n[t] + 2.0f);  // Laplace: no mention gives 0.5
  }
  auto align8 = [](uint64_t x) { return (x + 7) & ~uint64_t(7); };
  h.slots_offset = align8(sizeof(ModelHeader));
  h.weights_offset = align8(h.slots_offset + uint64_t(slots) * sizeof(FeatureSlot));
  h.transitions_offset = align8(h.weights_offset + uint64_t(kept.size()) * kRowStride * sizeof(int16_t));
  h.chars_offset = align8(h.transitions_offset + uint64_t(kLabels + 1) * kLabels * sizeof(float));
  h.heads_offset = align8(h.chars_offset + chars.size());
  const std::vector<int8_t> nrt = nrt_table(posseg);
  h.nrt_offset = align8(h.heads_offset + heads.size() * sizeof(uint64_t));
  std::string out(h.nrt_offset + nrt.size(), '\0');
  std::memcpy(&out[0], &h, sizeof(h));
  auto* slot = reinterpret_cast<FeatureSlot*>(&out[h.slots_offset]);
  auto* weights = reinterpret_cast<int16_t*>(&out[h.weights_offset]);
  for (uint32_t row = 0; row < kept.size(); ++row) {
    const uint64_t key = keys_of[kept[row]];
    uint32_t at = static_cast<uint32_t>(key) & (slots - 1);
    while (slot[at].row != 0) at = (at + 1) & (slots - 1);
    slot[at] = {static_cast<uint32_t>(key >> 32), row + 1};
    for (uint32_t y = 0; y < kLabels; ++y) {
      const float v = std::round(W[size_t(kept[row]) * kLabels + y] / scale);
      weights[size_t(row) * kRowStride + y] = static_cast<int16_t>(std::max(-32767.0f, std::min(32767.0f, v)));
    }
  }
  std::memcpy(&out[h.transitions_offset], T.data(), T.size() * sizeof(float));
  std::memcpy(&out[h.chars_offset], chars.data(), chars.size());
  std::memcpy(&out[h.heads_offset], heads.data(), heads.size() * sizeof(uint64_t));
  std::memcpy(&out[h.nrt_offset], nrt.data(), nrt.size());
  if (report) *report = r;
  return out;
}

}  // namespace internal
}  // namespace zhpolicy
