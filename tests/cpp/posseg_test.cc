// jieba's part-of-speech HMM (entities/posseg_hmm.h): compiled from jieba's
// tables, decoded as jieba decodes, read safely; and the persons read from
// its name words (entities/posseg_names.cc).
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "entities/posseg_hmm.h"
#include "lexicon/builder.h"
#include "lexicon/jieba_source.h"
#include "lexicon/lexicon_data.h"
#include "test_support.h"
#include "zhpolicy/entities.h"
#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

using namespace zhpolicy;
using namespace zhpolicy::internal;

namespace {

// The decoded words of `text` as "word/tag " pairs.
std::string cut(const PossegHmm& hmm, const std::string& text) {
  std::u32string cps;
  size_t len;
  for (size_t i = 0; i < text.size(); i += len) cps.push_back(utf8::decode(text, i, len));
  std::vector<PossegWord> words;
  PossegScratch scratch;
  hmm.cut(cps.data(), static_cast<uint32_t>(cps.size()), words, scratch);
  std::string out;
  for (const PossegWord& w : words) {
    for (uint32_t k = w.begin; k < w.end; ++k) utf8::append(out, cps[k]);
    out += "/" + std::string(hmm.tag_name(w.tag)) + " ";
  }
  return out;
}

// A section in 8-byte aligned storage, as a lexicon holds it.
struct Aligned {
  explicit Aligned(const std::string& bytes) : storage((bytes.size() + 7) / 8 + 1), size(bytes.size()) {
    if (!bytes.empty()) std::memcpy(storage.data(), bytes.data(), bytes.size());
  }
  std::string_view view() const { return {reinterpret_cast<const char*>(storage.data()), size}; }
  std::vector<uint64_t> storage;
  size_t size;
};

std::string persons(const EntityExtractor& extractor, const std::string& text) {
  std::string s;
  for (const auto& e : extractor.extract(text).entities) {
    if (e.type == EntityType::kPerson) s += "[" + std::string(slice(text, e.span)) + "]";
  }
  return s;
}

// Four states: a name's first and last character, a verb, a noun.
PossegTables toy_tables() {
  PossegTables t;
  t.states = {{'S', "v"}, {'B', "nr"}, {'E', "nr"}, {'S', "n"}};  // not in sorted order
  t.start = {-1.0, -0.5, posseg_hmm::kFloorEmission, -1.0};
  t.trans = {{{3, -0.7}, {1, -0.7}}, {{2, 0.0}}, {{0, -0.1}, {3, -2.0}}, {{0, -0.7}, {1, -0.7}}};
  t.emit = {{{U'说', -0.1}}, {{U'王', -0.1}}, {{U'明', -0.2}}, {{U'明', -1.0}, {U'书', -0.3}}};
  t.allowed = {{U'说', {0}}, {U'王', {1}}, {U'明', {2, 3}}, {U'书', {3}}};
  return t;
}

}  // namespace

TEST_CASE("posseg: a toy model cuts and tags along its best path", "[entities][posseg]") {
  const std::string bytes = build_posseg_hmm(toy_tables());
  CHECK(build_posseg_hmm(toy_tables()) == bytes);  // deterministic
  const Aligned section(bytes);
  const PossegHmm hmm(section.view());
  CHECK(cut(hmm, "王明说") == "王明/nr 说/v ");
  CHECK(cut(hmm, "说书") == "说/v 书/n ");
  // A character no table holds may be in any state, at the floor emission.
  CHECK_FALSE(cut(hmm, "王明说甲").empty());
  CHECK(hmm.tag_id("nr") >= 0);
  CHECK(hmm.tag_id("ns") == -1);
  // Tables it cannot store are refused.
  PossegTables long_tag = toy_tables();
  long_tag.states[0].second = "toolong";
  CHECK_THROWS_AS(build_posseg_hmm(long_tag), Error);
  PossegTables out_of_range = toy_tables();
  out_of_range.trans[0].push_back({9, -1.0});
  CHECK_THROWS_AS(build_posseg_hmm(out_of_range), Error);
}

TEST_CASE("posseg: the lexicon holds jieba's tables as the build read them", "[entities][posseg]") {
  const std::string_view stored = test::lexicon().data().base.posseg_hmm();
  REQUIRE_FALSE(stored.empty());
  CHECK(stored == build_posseg_hmm(read_posseg_hmm(ZHPOLICY_TEST_POSSEG)));
  const PossegHmm hmm(stored);
  // jieba's posseg cuts these runs so (its Python __cut on the same text);
  // ctest posseg_matches_jieba compares every run of the test texts.
  CHECK(cut(hmm, "孟晚舟回到") == "孟晚舟/nr 回到/v ");
  CHECK(cut(hmm, "韩红为灾区") == "韩红/nr 为/p 灾区/n ");
  CHECK(cut(hmm, "貨幣政策") == "貨幣/n 政策/n ");  // characters only the emission table holds
  // A tables folder that is not jieba's is refused with the file named.
  try {
    read_posseg_hmm(ZHPOLICY_TEST_DATA);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("prob_start.py") != std::string::npos);
  }
}

TEST_CASE("posseg: jieba's tables are read from their Python literals, or refused by file and byte", "[entities][posseg]") {
  // (Per process: the sanitizer builds may run this test at the same time.)
  const auto folder = std::filesystem::temp_directory_path() / ("zhpolicy_posseg_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(folder);
  auto write = [&](const char* name, const std::string& text) { std::ofstream(folder / name) << text; };
  write("prob_start.py", "P={('B', 'nr'): -0.5, ('E', 'nr'): -3.14e+100, ('S', 'v'): -1.0}\n");
  write("prob_trans.py", "P={('B', 'nr'): {('E', 'nr'): 0.0},\n ('E', 'nr'): {('S', 'v'): -0.1},\n ('S', 'v'): {('B', 'nr'): -0.7,}}\n");
  write("prob_emit.py", "P={('B', 'nr'): {'\\u738b': -0.1}, ('E', 'nr'): {'\\u660e': -0.2}, ('S', 'v'): {'\\u8bf4': -0.1}}\n");
  write("char_state_tab.py", "P={'\\u738b': (('B', 'nr'),), '\\u660e': (('E', 'nr'),), '\\u8bf4': (('S', 'v'),)}\n");
  const std::string bytes = build_posseg_hmm(read_posseg_hmm(folder.string()));
  const Aligned section(bytes);
  CHECK(cut(PossegHmm(section.view()), "王明说") == "王明/nr 说/v ");
  // A tuple not closed, a state the emission table does not have.
  write("char_state_tab.py", "P={'\\u738b': (('B', 'nr'), 'x'}\n");
  auto message = [&] {
    try {
      read_posseg_hmm(folder.string());
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(message().find("char_state_tab.py: byte") != std::string::npos);
  write("char_state_tab.py", "P={'\\u738b': (('B', 'ns'),)}\n");
  CHECK(message().find("a state prob_emit.py does not have: B ns") != std::string::npos);
  std::filesystem::remove_all(folder);
}

TEST_CASE("posseg: a damaged section is refused, never read out of bounds", "[entities][posseg]") {
  const std::string good(test::lexicon().data().base.posseg_hmm());
  REQUIRE(good.size() > 64);
  auto refused = [](const std::string& bytes) {
    const Aligned section(bytes);
    try {
      PossegHmm hmm(section.view());
    } catch (const Error& e) {
      return e.code() == ErrorCode::kBadFormat || e.code() == ErrorCode::kVersionMismatch;
    }
    return false;
  };
  CHECK_FALSE(refused(good));
  CHECK(refused(""));
  CHECK(refused(good.substr(0, good.size() - 8)));
  std::string bad_magic = good;
  bad_magic[0] = 'X';
  CHECK(refused(bad_magic));
  std::string newer = good;
  newer[4] = 9;
  CHECK(refused(newer));
  std::string more_states = good;
  const uint32_t states = 300;
  std::memcpy(&more_states[8], &states, 4);
  CHECK(refused(more_states));
  // Every byte of the offset tables flipped in turn: refused or decoded
  // within bounds (the sanitizers watch the second).
  posseg_hmm::Header header;
  std::memcpy(&header, good.data(), sizeof(header));
  const size_t offsets = sizeof(header) + header.state_count * 8 + 8 * size_t(header.state_count + header.trans_count +
                                                                               header.entry_count);
  for (size_t at = offsets; at < good.size(); at += 97) {
    std::string damaged = good;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x5A);
    const Aligned section(damaged);
    try {
      const PossegHmm hmm(section.view());
      cut(hmm, "孟晚舟回到深圳滄海");
    } catch (const Error&) {
    }
  }
  // A lexicon with a damaged section: the extractor refuses it by name.
  std::string bytes(test::lexicon().base_bytes());
  bytes = with_section(bytes, format::SectionId::kPossegHmm, bad_magic);
  const Lexicon lexicon = Lexicon::from_bytes(bytes);
  try {
    EntityExtractor extractor(lexicon);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()).find("posseg section") != std::string::npos);
  }
}

TEST_CASE("posseg: persons read from its name words", "[entities][posseg][person]") {
  const EntityExtractor extractor(test::lexicon());
  // As a clause's subject, where the segmenter's HMM cut the name apart
  // (孟晚 舟) or glued a preposition to it (韩红为).
  CHECK(persons(extractor, "孟晚舟回到深圳后，受到市民欢迎。") == "[孟晚舟]");
  CHECK(persons(extractor, "去年冬天，韩红为灾区筹集了物资。") == "[韩红]");
  // After a noun of the person, when the characters are surely a name.
  CHECK(persons(extractor, "村里的老木匠鲁守诚在院子里做板凳。").find("[鲁守诚]") != std::string::npos);
  // Not policy coinages posseg also reads as names: before a noun, after
  // another word, or less name-like than not (苏修 "Soviet revisionists").
  CHECK(persons(extractor, "发展普惠金融，壮大康养产业。").empty());
  CHECK(persons(extractor, "深化集体林权制度改革，推进医疗康养。").empty());
  CHECK(persons(extractor, "当时，苏修攻击我国的政策。").empty());
  // A lexicon without the section (an older one) still extracts, without them.
  const Lexicon without = Lexicon::from_bytes(
      with_section(test::lexicon().base_bytes(), format::SectionId::kPossegHmm, ""));
  CHECK(without.data().base.posseg_hmm().empty());
  CHECK(persons(EntityExtractor(without), "孟晚舟回到深圳后，受到市民欢迎。").empty());
}
