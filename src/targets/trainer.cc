// Training the target boundary model (see trainer.h).
#include "targets/trainer.h"

#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>

#include "targets/extractor_impl.h"
#include "zhpolicy/analyzer.h"
#include "zhpolicy/error.h"

namespace zhpolicy {
namespace internal {

std::vector<TargetClause> read_target_clauses(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::kNotFound, "cannot open " + path);
  std::vector<TargetClause> out;
  std::string line;
  for (size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string field; std::getline(ss, field, '\t');) f.push_back(field);
    while (f.size() < 7) f.emplace_back();
    if (f.size() != 7 || f[2].empty()) {
      throw Error(ErrorCode::kBadFormat, path + ":" + std::to_string(number) +
                                             ": expected province, doc, clause, indicator, number, relation, "
                                             "modality separated by tabs");
    }
    if (out.empty() || out.back().doc != f[1] || out.back().text != f[2]) out.push_back({f[0], f[1], f[2], {}});
    if (!f[3].empty()) out.back().records.emplace_back(f[3], f[4]);
  }
  return out;
}

namespace {

// Averaged perceptron weights with lazy averaging (Daumé's trick).
struct Weights {
  std::unordered_map<uint64_t, float> w, total;
  std::unordered_map<uint64_t, long> stamp;
  long clock = 0;

  float score(const std::vector<uint64_t>& f) const {
    float s = 0;
    for (uint64_t k : f) {
      const auto it = w.find(k);
      if (it != w.end()) s += it->second;
    }
    return s;
  }
  void add(uint64_t k, float delta) {
    float& wk = w[k];
    total[k] += wk * static_cast<float>(clock - stamp[k]);
    stamp[k] = clock;
    wk += delta;
  }
  std::vector<std::pair<uint64_t, float>> averaged() {
    std::vector<std::pair<uint64_t, float>> out;
    for (auto& [k, wk] : w) {
      const float sum = total[k] + wk * static_cast<float>(clock - stamp[k]);
      out.emplace_back(k, clock > 0 ? sum / static_cast<float>(clock) : wk);
    }
    return out;
  }
};

struct Case {
  std::vector<std::vector<uint64_t>> features;
  size_t gold = 0, rule = 0;
};

size_t best_of(const Weights& w, const Case& c) {
  size_t best = c.rule;
  float best_score = w.score(c.features[c.rule]);
  for (size_t k = 0; k < c.features.size(); ++k) {
    const float s = w.score(c.features[k]);
    if (s > best_score) {
      best_score = s;
      best = k;
    }
  }
  return best;
}

}  // namespace

std::string train_target_model(const Lexicon& lexicon, const std::vector<TargetClause>& clauses,
                               const std::set<std::string>& held_out, int epochs, TargetTrainReport* report) {
  AnalyzerOptions options;
  options.targets = false;
  const Analyzer analyzer(lexicon, options);
  const TargetExtractorImpl rules(lexicon, /*use_model=*/false);
  std::vector<Case> cases;
  TargetTrainReport r;
  for (const TargetClause& clause : clauses) {
    if (held_out.count(clause.group)) continue;
    ++r.clauses;
    const Document doc = analyzer.analyze(clause.text);
    std::vector<target_detail::BoundaryCase> found;
    rules.extract(normalize(clause.text), doc.tokens(), doc.numbers(), doc.entities(), &found);
    for (target_detail::BoundaryCase& b : found) {
      ++r.cases;
      const std::string_view number = slice(clause.text, doc.numbers()[b.number_index].span);
      Case c;
      c.rule = b.rule_choice;
      bool has_gold = false;
      for (size_t k = 0; k < b.spans.size() && !has_gold; ++k) {
        const std::string_view indicator = slice(clause.text, b.spans[k]);
        for (const auto& [gold_indicator, gold_number] : clause.records) {
          if (gold_number == number && gold_indicator == indicator) {
            c.gold = k;
            has_gold = true;
            break;
          }
        }
      }
      if (!has_gold) continue;
      ++r.cases_with_gold;
      r.rules_right += c.gold == c.rule;
      c.features = std::move(b.features);
      cases.push_back(std::move(c));
    }
  }
  Weights w;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (const Case& c : cases) {
      ++w.clock;
      const size_t pred = best_of(w, c);
      if (pred == c.gold) continue;
      for (uint64_t k : c.features[c.gold]) w.add(k, 1.0f);
      for (uint64_t k : c.features[pred]) w.add(k, -1.0f);
    }
  }
  std::vector<std::pair<uint64_t, float>> averaged = w.averaged();
  Weights final_weights;
  for (const auto& [k, v] : averaged) final_weights.w[k] = v;
  for (const Case& c : cases) r.model_right += best_of(final_weights, c) == c.gold;
  const std::string bytes = BoundaryModel::serialize(std::move(averaged));
  r.features = BoundaryModel(bytes).size();
  if (report) *report = r;
  return bytes;
}

}  // namespace internal
}  // namespace zhpolicy
