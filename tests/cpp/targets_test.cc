// Targets: each rule of src/targets/extractor.cc on sentences written for
// the test (not taken from the annotated clauses), spans into the text as
// written, sections, bad input; the learned boundary model's section and trainer.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <optional>

#include "lexicon/builder.h"
#include "lexicon/lexicon_data.h"
#include "targets/boundary_model.h"
#include "targets/trainer.h"
#include "test_support.h"

namespace {

struct Record {
  std::string indicator, relation, modality, number, canonical;
  bool operator==(const Record& o) const {
    return indicator == o.indicator && relation == o.relation && modality == o.modality && number == o.number &&
           canonical == o.canonical;
  }
};

std::ostream& operator<<(std::ostream& os, const Record& r) {
  return os << "{" << r.indicator << ", " << r.relation << ", " << r.modality << ", " << r.number << ", "
            << r.canonical << "}";
}

const zhpolicy::TargetExtractor& extractor() {
  static const zhpolicy::TargetExtractor ex(test::lexicon());
  return ex;
}

std::vector<Record> records(const std::string& text) {
  std::vector<Record> out;
  for (const zhpolicy::Target& t : extractor().extract(text)) {
    out.push_back({std::string(zhpolicy::slice(text, t.indicator)), std::string(zhpolicy::to_string(t.relation)),
                   std::string(zhpolicy::to_string(t.modality)), std::string(zhpolicy::slice(text, t.number.span)),
                   t.canonical});
  }
  return out;
}

}  // namespace

TEST_CASE("targets: indicator before its number, relation from the link words", "[targets]") {
  CHECK(records("预期目标是：生产总值增长6%左右，城镇调查失业率控制在5.5%以内，单位生产总值能耗下降3%。") ==
        std::vector<Record>{{"生产总值", "increase", "target", "6%左右", "地区生产总值"},
                            {"城镇调查失业率", "level", "target", "5.5%以内", "城镇调查失业率"},
                            {"单位生产总值能耗", "decrease", "target", "3%", "单位地区生产总值能耗"}});
  // 提高到: the level reached; a rate of change named by the indicator is a level.
  CHECK(records("去年森林覆盖率提高到52%，居民消费价格涨幅1.5%。") ==
        std::vector<Record>{{"森林覆盖率", "level", "actual", "52%", "森林覆盖率"},
                            {"居民消费价格涨幅", "level", "actual", "1.5%", "居民消费价格"}});
}

TEST_CASE("targets: lists, counted things, baselines, carried indicators", "[targets]") {
  // Parts written with 、 pair with a list of numbers, in order.
  CHECK(records("去年农业、工业、服务业增加值分别增长3.1%、6.2%、5.4%。") ==
        std::vector<Record>{{"农业", "increase", "actual", "3.1%", ""},
                            {"工业", "increase", "actual", "6.2%", ""},
                            {"服务业增加值", "increase", "actual", "5.4%", ""}});
  // A count with a measure word and a noun after it measures the noun.
  CHECK(records("今年将新建12所普惠性幼儿园。") ==
        std::vector<Record>{{"普惠性幼儿园", "level", "target", "12所", ""}});
  // 从A提高到B: A the level before (actual), B the new level.
  CHECK(records("力争常住人口城镇化率从58%提高到62%。") ==
        std::vector<Record>{{"常住人口城镇化率", "level", "actual", "58%", "常住人口城镇化率"},
                            {"常住人口城镇化率", "level", "target", "62%", "常住人口城镇化率"}});
  // A share: what follows 的 says of what.
  CHECK(records("去年85%的乡镇建成综合文化站。") ==
        std::vector<Record>{{"乡镇建成综合文化站", "level", "actual", "85%", ""}});
  // A clause without an indicator takes the sentence's last one.
  CHECK(records("去年外贸进出口总额达到800亿元，增长7%。") ==
        std::vector<Record>{{"外贸进出口总额", "level", "actual", "800亿元", "进出口总额"},
                            {"外贸进出口总额", "increase", "actual", "7%", "进出口总额"}});
}

TEST_CASE("targets: numbers that measure nothing", "[targets]") {
  // Differences from another figure, programme parts, grades, dates, durations.
  CHECK(records("投资增速快于全国2.1个百分点。").empty());
  CHECK(records("投资、消费增速分别快于全国3.4个、1个百分点。").empty());
  CHECK(records("实施8项行动，建设20万吨级泊位，连续3年开展评比，2025年10月启动。").empty());
  CHECK(records("").empty());
  CHECK(records("没有数字的句子。").empty());
  // A group of places named by their number (关中5市, 北三县).
  CHECK(records("推进通州区与北三县一体化，关中5市协同发展。").empty());
}

TEST_CASE("targets: a clause without a cue takes its section's modality", "[targets]") {
  const std::string report =
      "一、2025年工作回顾\n粮食产量达到600亿斤。\n三、2026年重点工作\n粮食产量达到610亿斤。\n";
  const std::vector<Record> got = records(report);
  REQUIRE(got.size() == 2);
  CHECK(got[0].modality == "actual");
  CHECK(got[1].modality == "target");
  // A title that names a plan makes the whole text a plan.
  const std::vector<Record> plan = records("某区2030年工作要点\n粮食产量达到610亿斤。\n");
  REQUIRE(plan.size() == 1);
  CHECK(plan[0].modality == "target");
  // Alone, without section or cue: the qualifier decides (以上 → a goal).
  CHECK(records("粮食产量600亿斤以上。").at(0).modality == "target");
  CHECK(records("粮食产量600亿斤。").at(0).modality == "actual");
}

TEST_CASE("targets: Traditional and full-width text, spans of the text as written", "[targets]") {
  const std::string text = "地區生產總值增長５％左右。";
  const std::vector<zhpolicy::Target> got = extractor().extract(text);
  REQUIRE(got.size() == 1);
  CHECK(zhpolicy::slice(text, got[0].indicator) == "地區生產總值");
  CHECK(zhpolicy::slice(text, got[0].number.span) == "５％左右");
  CHECK(got[0].relation == zhpolicy::TargetRelation::kIncrease);
  CHECK(got[0].canonical == "地区生产总值");
}

TEST_CASE("targets: in Analyzer documents, off by option, total on bad bytes", "[targets]") {
  const zhpolicy::Analyzer analyzer(test::lexicon());
  const zhpolicy::Document doc = analyzer.analyze("全年新增城镇就业5万人，粮食产量300亿斤。");
  REQUIRE(doc.targets().size() == 2);
  // number_index points at the document's number.
  for (const zhpolicy::Target& t : doc.targets()) {
    REQUIRE(t.number_index < doc.numbers().size());
    CHECK(doc.numbers()[t.number_index].span == t.number.span);
    CHECK(t.score > 0.0f);
    CHECK(t.score <= 1.0f);
  }
  zhpolicy::AnalyzerOptions off;
  off.targets = false;
  CHECK(zhpolicy::Analyzer(test::lexicon(), off).analyze("粮食产量300亿斤。").targets().empty());
  // Ill-formed UTF-8 and binary junk: a defined result, spans inside the text.
  const std::string junk = std::string("粮食产量\xff\xfe") + "300亿斤\x80，增长\xc3" + "5%";
  for (const zhpolicy::Target& t : extractor().extract(junk)) {
    CHECK(t.indicator.end <= junk.size());
    CHECK(t.indicator.begin < t.indicator.end);
  }
}

// --- the learned boundary model ------------------------------------------


namespace {

const zhpolicy::Lexicon& entities_lexicon() {  // the lexicon the target model is trained on (no target model)
  static const zhpolicy::Lexicon lex = zhpolicy::Lexicon::open(ZHPOLICY_TEST_ENTITIES_LEXICON);
  return lex;
}

}  // namespace

TEST_CASE("target model: the default lexicon carries one, and it reads back", "[targets][model]") {
  using namespace zhpolicy::internal;
  const std::string_view bytes = test::lexicon().data().base.target_model();
  REQUIRE_FALSE(bytes.empty());
  CHECK(entities_lexicon().data().base.target_model().empty());
  const BoundaryModel model(bytes);
  CHECK(model.size() > 50);
  // serialize(weights) reads back; zero weights are dropped; order does not matter.
  const std::string small = BoundaryModel::serialize({{9, 0.5f}, {3, -1.0f}, {5, 0.0f}});
  const BoundaryModel back(small);
  CHECK(back.size() == 2);
  CHECK(back.score({3, 9, 4}) == Approx(-0.5f));
}

TEST_CASE("target model: damaged bytes are refused with a clear error", "[targets][model]") {
  using namespace zhpolicy::internal;
  const std::string good = BoundaryModel::serialize({{1, 1.0f}, {2, 2.0f}});
  auto code_of = [](const std::string& bytes) -> std::optional<zhpolicy::ErrorCode> {
    try {
      BoundaryModel m(bytes);
    } catch (const zhpolicy::Error& e) {
      return e.code();
    }
    return std::nullopt;
  };
  CHECK_FALSE(code_of(good).has_value());
  CHECK(code_of(good.substr(0, good.size() - 1)) == zhpolicy::ErrorCode::kBadFormat);  // truncated
  CHECK(code_of("ZPTX" + good.substr(4)) == zhpolicy::ErrorCode::kBadFormat);          // not a model
  std::string version = good;
  version[4] = 9;
  CHECK(code_of(version) == zhpolicy::ErrorCode::kVersionMismatch);
  std::string unsorted = good;
  std::swap_ranges(unsorted.begin() + 16, unsorted.begin() + 24, unsorted.begin() + 24);  // keys 2, 1
  CHECK(code_of(unsorted) == zhpolicy::ErrorCode::kBadFormat);
  std::string count = good;
  count[8] = 100;  // more features than bytes
  CHECK(code_of(count) == zhpolicy::ErrorCode::kBadFormat);
  // A lexicon whose target section is damaged does not load into an analyzer.
  const zhpolicy::Lexicon broken = zhpolicy::Lexicon::from_bytes(zhpolicy::internal::with_section(
      entities_lexicon().base_bytes(), zhpolicy::internal::format::SectionId::kTargetModel, "ZPTM"));
  CHECK_THROWS_AS(zhpolicy::Analyzer(broken), zhpolicy::Error);
}

TEST_CASE("target model: training is deterministic and beats the rules on its data", "[targets][model][train]") {
  using namespace zhpolicy::internal;
  const std::vector<TargetClause> clauses = read_target_clauses(ZHPOLICY_TEST_TARGET_DATA);
  REQUIRE(clauses.size() > 300);
  TargetTrainReport report;
  const std::string a = train_target_model(entities_lexicon(), clauses, {}, 10, &report);
  const std::string b = train_target_model(entities_lexicon(), clauses, {}, 10);
  CHECK(a == b);
  // The default lexicon's model was trained the same way.
  CHECK(a == std::string(test::lexicon().data().base.target_model()));
  CHECK(report.cases_with_gold > 300);
  CHECK(report.model_right > report.rules_right);
  // Holding provinces out leaves their clauses out.
  TargetTrainReport held;
  train_target_model(entities_lexicon(), clauses, {"江苏省", "山东省"}, 10, &held);
  CHECK(held.clauses < report.clauses);
}

TEST_CASE("target model: a malformed training file names its line", "[targets][model][train]") {
  char name[] = "/tmp/zhpolicy_targets_XXXXXX";
  const int fd = mkstemp(name);
  REQUIRE(fd >= 0);
  close(fd);
  {
    std::ofstream out(name);
    out << "# header\n江苏省\tdoc\t\t\t\t\t\n";
  }
  try {
    zhpolicy::internal::read_target_clauses(name);
    FAIL("no error");
  } catch (const zhpolicy::Error& e) {
    CHECK(std::string(e.what()).find(std::string(name) + ":2:") != std::string::npos);
  }
  std::remove(name);
}
