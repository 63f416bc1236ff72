// The learned entity model: its section in the lexicon, decoding, training,
// and how its mentions combine with the rules'.
#include <catch2/catch.hpp>

#include <cstring>
#include <optional>
#include <random>
#include <set>

#include "entities/extractor_impl.h"
#include "entities/model/chain.h"
#include "entities/model/model_format.h"
#include "entities/model/trainer.h"
#include "lexicon/builder.h"
#include "lexicon/jieba_source.h"
#include "lexicon/lexicon_data.h"
#include "test_support.h"

using namespace zhpolicy;
using namespace zhpolicy::internal;

namespace {

const Lexicon& rules_lexicon() {
  static const Lexicon lex = Lexicon::open(ZHPOLICY_TEST_RULES_LEXICON);
  return lex;
}

std::string model_section() { return std::string(test::lexicon().data().base.entity_model()); }

// The rules-only lexicon with `model` as its model section.
Lexicon with_model(const std::string& model) {
  return Lexicon::from_bytes(with_entity_model(rules_lexicon().base_bytes(), model));
}

// Lines of the corpus and of two provincial reports (policy text of other
// regions, where the model finds names the lists lack).
std::vector<std::string> corpus_lines() {
  std::vector<std::string> lines;
  for (const char* name : {"corpus/000_896179ee8e786521.txt", "corpus/003_0b9efb6d18d52ebe.txt",
                           "reports/provincial_2026/2026_江苏省.txt", "reports/provincial_2026/2026_湖北省.txt"}) {
    std::istringstream in(test::read_file(std::string(ZHPOLICY_SHARED_DIR) + "/" + name));
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) lines.push_back(line);
    }
  }
  return lines;
}

}  // namespace

TEST_CASE("entity model: the default lexicon carries one; the rules-only lexicon none", "[entities][model]") {
  CHECK_FALSE(test::lexicon().data().base.entity_model().empty());
  CHECK(rules_lexicon().data().base.entity_model().empty());
  const EntityModel model(test::lexicon().data().base.entity_model());
  CHECK(model.labels() == model_format::label_count(model.type_count()));
  CHECK(model.type_index(EntityType::kPlace) >= 0);
  CHECK(model.type_index(EntityType::kSlogan) < 0);
}

TEST_CASE("entity model: the rows summed by the CPU's build equal the baseline's", "[entities][model]") {
  const EntityModel model(test::lexicon().data().base.entity_model());
  // Keys the model has (bias, characters) and keys it has not, in windows
  // of several lengths.
  std::mt19937_64 rng(11);
  std::vector<uint64_t> keys;
  std::vector<uint32_t> key_begin;
  for (uint32_t i = 0; i < 50; ++i) {
    key_begin.push_back(static_cast<uint32_t>(keys.size()));
    keys.push_back(feature_key(1, 0));
    for (int d = 0; d < 5; ++d) keys.push_back(feature_key(2, 16 + U'国' + i, static_cast<uint64_t>(d)));
    keys.push_back(rng());
  }
  key_begin.push_back(static_cast<uint32_t>(keys.size()));
  for (uint32_t chars : {1u, 7u, 50u}) {
    std::vector<int32_t> fast(size_t(chars) * model_format::kRowStride, 0), slow = fast;
    model.sum_rows(keys.data(), key_begin.data(), chars, fast.data());
    model.sum_rows_baseline(keys.data(), key_begin.data(), chars, slow.data());
    CHECK(fast == slow);
    CHECK(std::any_of(fast.begin(), fast.end(), [](int32_t x) { return x != 0; }));
  }
}

TEST_CASE("entity model: scores and sources, no overlaps, model-only names on real text", "[entities][model]") {
  const EntityExtractor with(test::lexicon()), without(rules_lexicon());
  std::set<EntitySource> sources;
  size_t model_only = 0;
  for (const std::string& line : corpus_lines()) {
    const Entities e = with.extract(line);
    for (size_t i = 0; i < e.entities.size(); ++i) {
      const Entity& x = e.entities[i];
      INFO(line);
      CHECK(x.score > 0.0f);
      CHECK(x.score <= 1.0f);
      CHECK(x.span.end <= line.size());
      if (i > 0) CHECK(e.entities[i - 1].span.end <= x.span.begin);
      sources.insert(x.source);
      if (x.source == EntitySource::kModel) {
        ++model_only;
        CHECK(is_modeled(x.type));
      }
    }
    // Without a model every mention is the rules' own, and sure.
    for (const Entity& x : without.extract(line).entities) {
      CHECK(x.score == 1.0f);
      CHECK(x.source != EntitySource::kModel);
    }
  }
  CHECK(sources.count(EntitySource::kRule));
  CHECK(sources.count(EntitySource::kLexicon));
  CHECK(model_only > 0);
}

TEST_CASE("entity model: what the model may not undo", "[entities][model]") {
  const EntityExtractor ex(test::lexicon());
  auto find = [&](const std::string& text, const std::string& name) {
    for (const Entity& e : ex.extract(text).entities) {
      if (text.substr(e.span.begin, e.span.size()) == name) return std::string(to_string(e.type));
    }
    return std::string();
  };
  // Meetings, documents and slogans stay the rules'; so do composed bodies.
  CHECK(find("出席区政协十五届二次会议", "区政协十五届二次会议") == "meeting");
  CHECK(find("学习《政府工作报告》", "政府工作报告") == "document");
  CHECK(find("民革渝中区委、区政协提案委作发言", "民革渝中区委") == "government");
  CHECK(find("民革渝中区委、区政协提案委作发言", "区政协提案委") == "government");
  // A person's name does not grow into a place (王志宏 + 都); two places side
  // by side stay two (合川 渭沱).
  CHECK(find("每到一组,王志宏都认真听取大家的发言", "王志宏") == "person");
  CHECK(find("推进合川渭沱、乌江彭水等多式联运枢纽建设", "合川") == "place");
  CHECK(find("推进合川渭沱、乌江彭水等多式联运枢纽建设", "渭沱") == "place");
  // So with the second's level written as a word of its own (越南 北宁 省).
  CHECK(find("越南北宁省吸引了大量外资电子企业", "越南") == "place");
  CHECK(find("越南北宁省吸引了大量外资电子企业", "越南北宁省").empty());
  // A division the rules found, then a name inside it: two places.
  // (Which names the model finds moves with each retraining: these pin the
  // split, on names it finds with a margin.)
  CHECK(find("徐汇区龙华街道新开了一家社区食堂", "徐汇区") == "place");
  CHECK(find("徐汇区龙华街道新开了一家社区食堂", "龙华街道") == "place");
  CHECK(find("朝阳区酒仙桥街道新开了一家社区食堂", "朝阳区") == "place");
  CHECK(find("朝阳区酒仙桥街道新开了一家社区食堂", "酒仙桥街道") == "place");
  // Divisions in a row stay places of their own (上海市 徐汇区 龙华街道).
  CHECK(find("北京市海淀区中关村街道开展活动", "北京市") == "place");
  CHECK(find("北京市海淀区中关村街道开展活动", "海淀区") == "place");
  // A person found by its characters alone is retyped where the model reads
  // the same span as another kind of name (吴淞江 is a river), here and
  // where the name recurs.
  CHECK(find("实施淮河入海水道二期、吴淞江江苏段整治等工程。", "吴淞江") == "place");
  CHECK(find("实施吴淞江江苏段整治。支持吴淞江科创带建设", "吴淞江") == "place");
  // A name of the model's does not end inside a word of two the segmenter
  // joined (广东 长隆: not 广东长).
  CHECK(find("广东长隆野生动物世界迎来大熊猫双胞胎", "广东长").empty());
  // Clause punctuation is never inside a mention.
  for (const Entity& e : ex.extract("提出，渝中应梳理滨江区域，焕发渝中发展新活力。").entities) {
    const std::string text = std::string("提出，渝中应梳理滨江区域，焕发渝中发展新活力。").substr(e.span.begin, e.span.size());
    CHECK(text.find("，") == std::string::npos);
  }
}

TEST_CASE("entity model: a damaged model section is refused, never read out of bounds", "[entities][model]") {
  const std::string good = model_section();
  REQUIRE(good.size() > sizeof(model_format::ModelHeader));
  auto refused = [](const std::string& section) {
    try {
      EntityExtractor ex(with_model(section));
      return false;
    } catch (const Error& e) {
      return e.code() == ErrorCode::kBadFormat || e.code() == ErrorCode::kVersionMismatch;
    }
  };
  CHECK(refused(good.substr(0, 100)));                            // shorter than its header
  CHECK(refused(good.substr(0, good.size() / 2)));                // tables cut off
  CHECK(refused(std::string(good.size(), '\0')));                 // no magic
  std::string bad_version = good;
  bad_version[4] = 99;
  CHECK(refused(bad_version));
  std::string bad_labels = good;
  reinterpret_cast<model_format::ModelHeader*>(&bad_labels[0])->label_count = 200;
  CHECK(refused(bad_labels));
  std::string bad_row = good;
  {
    auto* h = reinterpret_cast<model_format::ModelHeader*>(&bad_row[0]);
    auto* slots = reinterpret_cast<model_format::FeatureSlot*>(&bad_row[h->slots_offset]);
    for (uint32_t i = 0; i < h->slot_count; ++i) {
      if (slots[i].row) {
        slots[i].row = h->feature_count + 1;
        break;
      }
    }
  }
  CHECK(refused(bad_row));
  std::string nan_transition = good;
  {
    auto* h = reinterpret_cast<model_format::ModelHeader*>(&nan_transition[0]);
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::memcpy(&nan_transition[h->transitions_offset], &nan, sizeof(nan));
  }
  CHECK(refused(nan_transition));
  std::string bad_nrt = good;  // the transliteration table past the end
  reinterpret_cast<model_format::ModelHeader*>(&bad_nrt[0])->nrt_offset = good.size();
  CHECK(refused(bad_nrt));
  CHECK_FALSE(refused(good));
}

TEST_CASE("entity model: Viterbi gives the best valid label sequence on any scores", "[entities][model]") {
  const uint32_t types = 3, L = model_format::label_count(types);
  std::mt19937 rng(7);
  std::normal_distribution<float> noise(0, 3);
  std::vector<float> transitions((L + 1) * L), emissions;
  for (float& x : transitions) x = noise(rng);
  const ChainTransitions chain = chain_transitions(transitions.data(), L);
  // A sequence's score under the model, or nothing when BIO forbids it.
  auto total = [&](const std::vector<uint8_t>& y) -> std::optional<double> {
    if (!model_format::may_start(y[0])) return std::nullopt;
    double sum = transitions[size_t(L) * L + y[0]] + emissions[y[0]];
    for (size_t i = 1; i < y.size(); ++i) {
      if (!model_format::may_follow(y[i - 1], y[i])) return std::nullopt;
      sum += transitions[size_t(y[i - 1]) * L + y[i]] + emissions[i * L + y[i]];
    }
    return sum;
  };
  std::vector<uint8_t> labels;
  ChainScratch scratch;
  for (uint32_t n : {1u, 2u, 3u, 5u, 40u}) {
    for (int trial = 0; trial < 5; ++trial) {
      emissions.resize(size_t(n) * L);
      for (float& x : emissions) x = noise(rng);
      if (trial == 0) close_labels(&emissions[0], L);  // the first char can only be O
      viterbi({emissions.data(), n, L, L, &chain}, labels, scratch);
      REQUIRE(labels.size() == n);
      // The baseline build (viterbi() takes AVX2's where the CPU has it) agrees.
      std::vector<uint8_t> baseline;
      viterbi_baseline({emissions.data(), n, L, L, &chain}, baseline, scratch);
      CHECK(baseline == labels);
      if (trial == 0) CHECK(labels[0] == model_format::kOutside);
      const auto found = total(labels);
      REQUIRE(found.has_value());  // a valid sequence
      if (n > 5) continue;
      // Every sequence, by brute force: none scores higher.
      double best = -1e300;
      std::vector<uint8_t> y(n, 0);
      for (;;) {
        if (const auto v = total(y)) best = std::max(best, *v);
        size_t k = 0;
        while (k < n && ++y[k] == L) y[k++] = 0;
        if (k == n) break;
      }
      CHECK(*found == Approx(best).epsilon(1e-5));
    }
  }
}

TEST_CASE("entity model: training is deterministic and learns its data", "[entities][model][train]") {
  // A small slice of the training data keeps this fast.
  std::vector<AnnotatedSentence> data = read_annotated(ZHPOLICY_TEST_TRAINING_DATA);
  REQUIRE(data.size() > 800);
  data.resize(800);
  const auto posseg = read_posseg_emission(ZHPOLICY_TEST_POSSEG);
  TrainOptions options;
  options.epochs = 8;
  TrainReport report;
  const std::string a = train_entity_model(rules_lexicon(), posseg, data, options, &report);
  const std::string b = train_entity_model(rules_lexicon(), posseg, data, options);
  CHECK(a == b);
  // Another order of the sentences is another model of the same data (what
  // scripts/eval_entities.py --orders measures the spread of).
  TrainOptions reordered = options;
  reordered.order_seed = 7;
  CHECK(train_entity_model(rules_lexicon(), posseg, data, reordered) != a);
  CHECK(report.features > 1000);
  CHECK(report.mentions > 100);
  // On its own training sentences the model does better than the rules alone
  // (by less as the rules and lists learn what it covered: 0.854 over 0.838
  // when titles such as 行政长官 joined the lists), on average over three
  // orders of the sentences: one order's model swings by about as much as
  // the margin (seen when the landform rule joined the rules).
  const EntityExtractor rules(rules_lexicon());
  auto hits = [&](const EntityExtractor& ex) {
    size_t tp = 0, predicted = 0, gold = 0;
    for (const AnnotatedSentence& s : data) {
      std::set<std::tuple<uint32_t, uint32_t, EntityType>> expected;
      std::vector<uint32_t> bytes;  // byte offset of each char
      size_t len;
      for (size_t i = 0; i < s.text.size(); i += len) {
        bytes.push_back(static_cast<uint32_t>(i));
        utf8::decode(s.text, i, len);
      }
      bytes.push_back(static_cast<uint32_t>(s.text.size()));
      for (const auto& m : s.mentions) expected.insert({bytes[m.begin], bytes[m.end], m.type});
      for (const Entity& e : ex.extract(s.text).entities) {
        tp += expected.count({e.span.begin, e.span.end, e.type});
        ++predicted;
      }
      gold += expected.size();
    }
    return 2.0 * tp / double(predicted + gold);
  };
  double learned = hits(EntityExtractor(with_model(a)));
  for (uint64_t seed : {1, 2}) {
    TrainOptions other = options;
    other.order_seed = seed;
    learned += hits(EntityExtractor(with_model(train_entity_model(rules_lexicon(), posseg, data, other))));
  }
  CHECK(learned / 3 > hits(rules) + 0.01);
}

TEST_CASE("entity model: a malformed training file names its line", "[entities][model][train]") {
  const std::string path = std::string(ZHPOLICY_TEST_DATA) + "/malformed_entities.tsv";
  try {
    read_annotated(path);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::kBadFormat);
    CHECK_THAT(e.what(), Catch::Contains("malformed_entities.tsv:2"));
  }
}

TEST_CASE("entity model: a stretch the rules explain whole is not labelled", "[entities][model]") {
  // Every token a place the lists hold or an ordinary word: the model could
  // add nothing there, so it does not run (bench/profile.sh: a tenth of the
  // entity stage). The rules' mentions come out as the rules found them,
  // scored by the precision of their type's rules (EntityModel::rule_precision).
  const EntityModel model(test::lexicon().data().base.entity_model());
  const EntityExtractor learned(test::lexicon()), rules(rules_lexicon());
  const std::string text = "重庆市和四川省加强合作";
  const auto found = learned.extract(text).entities;
  const auto by_rules = rules.extract(text).entities;
  REQUIRE(found.size() == 2);
  REQUIRE(by_rules.size() == found.size());
  for (size_t i = 0; i < found.size(); ++i) {
    CHECK(found[i].span == by_rules[i].span);
    CHECK(found[i].type == EntityType::kPlace);
    CHECK(found[i].source != EntitySource::kModel);
    CHECK(found[i].score == Approx(model.rule_precision(EntityType::kPlace)));
  }
  // Next to a word new to the lists the model runs: it finds the new place
  // and scores the rules' place it agrees with.
  const auto mixed = learned.extract("重庆市翠屏湾社区加强合作").entities;
  REQUIRE(mixed.size() == 2);
  CHECK(mixed[0].score != Approx(model.rule_precision(EntityType::kPlace)));
  CHECK(mixed[1].source == EntitySource::kModel);
}
