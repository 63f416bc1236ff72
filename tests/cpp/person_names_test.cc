// The person name model (entities/person_names.h): learned from a
// dictionary's tagged words, stored in the lexicon, read safely; and the
// rule that finds names no list holds with it.
#include <catch2/catch.hpp>

#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "entities/model/person_name_trainer.h"
#include "entities/person_names.h"
#include "lexicon/builder.h"
#include "lexicon/lexicon_data.h"
#include "test_support.h"
#include "zhpolicy/entities.h"
#include "zhpolicy/error.h"

using namespace zhpolicy;
using namespace zhpolicy::internal;

namespace {

float log_odds(const PersonNameModel& model, const std::u32string& s) {
  return model.log_odds(s.data(), static_cast<uint32_t>(s.size()));
}

std::string persons(const EntityExtractor& extractor, const std::string& text) {
  std::string s;
  for (const auto& e : extractor.extract(text).entities) {
    if (e.type == EntityType::kPerson) s += "[" + std::string(slice(text, e.span)) + "]";
  }
  return s;
}

}  // namespace

TEST_CASE("person names: training separates names from words, deterministically", "[entities][person][train]") {
  // Names share given-name characters (明, 华, 伟); words share others (化, 量).
  const std::vector<std::pair<std::string, std::string>> words = {
      {"王明华", "nr"}, {"李明", "nr"},   {"张伟华", "nrfg"}, {"刘伟", "nr"},   {"陈华明", "nr"},
      {"高质量", "n"},  {"王化", "n"},    {"李量", "n"},      {"张化量", "n"},  {"刘量化", "v"},
      {"不是", "v"},    {"甲明", "nr"},   {"ab", "nr"},       {"王二三四", "nr"}};
  PersonNameReport report;
  const std::string section = train_person_names(words, "王 李 张 刘 陈 高\n", &report);
  CHECK(report.names == 5);        // not 甲明 (甲 is no surname), ab, nor four characters
  CHECK(report.other_words == 5);  // not 不是
  CHECK(train_person_names(words, "王 李 张 刘 陈 高\n") == section);
  const PersonNameModel model(section);
  CHECK(log_odds(model, U"陈明") > log_odds(model, U"陈化"));
  CHECK(log_odds(model, U"高伟明") > log_odds(model, U"高化量"));
  CHECK(log_odds(model, U"王伟华") > 0);
  CHECK(log_odds(model, U"王量化") < 0);
  CHECK(log_odds(model, U"王") < -10);  // not a name's length
  // Nothing to learn from (no tagged names, no surnames): no section.
  CHECK(train_person_names({{"高质量", "n"}}, "高").empty());
  CHECK(train_person_names(words, "").empty());
}

TEST_CASE("person names: a damaged section is refused", "[entities][person]") {
  const std::string_view good = test::lexicon().data().base.person_names();
  REQUIRE_FALSE(good.empty());
  CHECK_NOTHROW(PersonNameModel(good));
  auto refused = [](std::string bytes) {
    // Copied to 8-byte aligned storage, as a lexicon section is.
    std::vector<uint64_t> storage((bytes.size() + 7) / 8 + 1);
    if (!bytes.empty()) std::memcpy(storage.data(), bytes.data(), bytes.size());
    try {
      PersonNameModel model(std::string_view(reinterpret_cast<const char*>(storage.data()), bytes.size()));
    } catch (const Error& e) {
      return e.code() == ErrorCode::kBadFormat || e.code() == ErrorCode::kVersionMismatch;
    }
    return false;
  };
  CHECK(refused(std::string(good.substr(0, good.size() - 1))));
  CHECK(refused(""));
  std::string bad_magic(good);
  bad_magic[0] = 'X';
  CHECK(refused(bad_magic));
  std::string newer(good);
  newer[4] = 99;  // version
  CHECK(refused(newer));
  std::string not_finite(good);
  const float nan = std::numeric_limits<float>::quiet_NaN();
  std::memcpy(&not_finite[8], &nan, sizeof(nan));  // scale
  CHECK(refused(not_finite));
  // A lexicon without the section (an older one) still extracts, without
  // these names (the rules alone: the learned entity model may find them).
  const Lexicon without = Lexicon::from_bytes(
      with_section(test::lexicon().base_bytes(), format::SectionId::kPersonNames, ""));
  CHECK(without.data().base.person_names().empty());
  EntityOptions rules_only;
  rules_only.model = false;
  const std::string text = "据报道，张伟、刘芳和陈晓明三人当选为理事。";
  CHECK(persons(EntityExtractor(test::lexicon(), rules_only), text) == "[张伟][刘芳][陈晓明]");
  CHECK(persons(EntityExtractor(without, rules_only), text).empty());
}

TEST_CASE("person names: names no list holds, where a name may stand", "[entities][person]") {
  const EntityExtractor extractor(test::lexicon());
  // Unknown to the lexicon, in a list, after a verb, before a verb or a mark.
  CHECK(persons(extractor, "据新华社报道，张伟、刘芳和陈晓明三人当选为理事。") == "[张伟][刘芳][陈晓明]");
  CHECK(persons(extractor, "小明的妈妈叫王秀英，住在望京街道。") == "[王秀英]");
  CHECK(persons(extractor, "退休教师周桂兰把积蓄捐给了山区的学校。") == "[周桂兰]");
  // Words jieba tags as names, when their characters are far more name-like than a word's.
  CHECK(persons(extractor, "今年春节，刘慈欣的小说改编电影上映。") == "[刘慈欣]");
  // Not words tagged nr whose characters are a word's, nor a conjunction
  // glued to a coinage (和双拥), nor a name-like token inside a coinage.
  CHECK(persons(extractor, "推动高水平对外开放，增强群众幸福感。") == "");
  CHECK(persons(extractor, "强化退役军人事务和双拥工作。") == "");
  CHECK(persons(extractor, "发展空天信息和卫星互联网等产业。") == "");
  // A verb glued to a name is cut off, not to a word (高中 is one).
  CHECK(persons(extractor, "国务院副总理宋平将出席会议。") == "[宋平]");
  CHECK(persons(extractor, "今年高中将扩大招生。") == "");
  // After a numeral a surname character is a measure word.
  CHECK(persons(extractor, "新增560张家庭养老床位，三张家庭照片。") == "");
}
