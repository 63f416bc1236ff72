#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <fstream>

#include "lexicon/builder.h"
#include "lexicon/format.h"
#include "test_support.h"

using zhpolicy::Error;
using zhpolicy::ErrorCode;
using zhpolicy::Lexicon;
using zhpolicy::Segmenter;
using zhpolicy::UserWord;
using Words = std::vector<std::string>;

namespace {

std::string temp_file(const std::string& name, const std::string& bytes) {
  const std::string path = std::string(P_tmpdir) + "/zhpolicy_test_" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

ErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  FAIL("no zhpolicy::Error thrown");
  return ErrorCode::kInvalidArgument;
}

}  // namespace

TEST_CASE("lexicon: the default lexicon has jieba's words and the policy lexicon", "[lexicon]") {
  const Lexicon& lex = test::lexicon();
  CHECK(lex.base_size() > 340000);
  const auto jieba_word = lex.lookup("生产总值");
  REQUIRE(jieba_word);
  CHECK(jieba_word->freq > 0);
  const auto policy_word = lex.lookup("碳中和");
  REQUIRE(policy_word);
  CHECK(policy_word->tag == "n");
  CHECK_FALSE(lex.lookup("这不是一个词语"));
  CHECK_FALSE(lex.lookup(""));
}

TEST_CASE("lexicon: open reports a missing file", "[lexicon][errors]") {
  CHECK(code_of([] { Lexicon::open("/nonexistent/zhpolicy.zpl"); }) == ErrorCode::kNotFound);
  CHECK_THROWS_WITH(Lexicon::open("/nonexistent/zhpolicy.zpl"),
                    Catch::Contains("/nonexistent/zhpolicy.zpl"));
}

TEST_CASE("lexicon: broken files are rejected with a reason, never crash", "[lexicon][errors]") {
  const std::string good(test::lexicon().base_bytes());

  SECTION("not a lexicon at all") {
    const auto path = temp_file("text.zpl", "word 1 n\n");
    CHECK_THROWS_WITH(Lexicon::open(path), Catch::Contains("not a valid zhpolicy lexicon"));
    CHECK(code_of([&] { Lexicon::open(path); }) == ErrorCode::kBadFormat);
  }
  SECTION("empty file") {
    CHECK(code_of([] { Lexicon::open(temp_file("empty.zpl", "")); }) == ErrorCode::kBadFormat);
  }
  SECTION("truncated") {
    const auto path = temp_file("truncated.zpl", good.substr(0, good.size() / 2));
    CHECK_THROWS_WITH(Lexicon::open(path), Catch::Contains("truncated"));
  }
  SECTION("a flipped byte") {
    std::string bad = good;
    bad[bad.size() / 2] ^= 0x5A;
    CHECK_THROWS_WITH(Lexicon::from_bytes(bad), Catch::Contains("checksum"));
  }
  SECTION("another format version") {
    std::string bad = good;
    bad[4] = 99;  // FileHeader::version
    CHECK(code_of([&] { Lexicon::from_bytes(bad); }) == ErrorCode::kVersionMismatch);
  }
  SECTION("random bytes of every small size") {
    for (size_t n = 0; n < 200; ++n) {
      std::string junk(n, '\0');
      for (size_t i = 0; i < n; ++i) junk[i] = static_cast<char>((i * 131 + n * 7) & 0xFF);
      if (n >= 4) junk.replace(0, 4, "ZHPL");
      CHECK(code_of([&] { Lexicon::from_bytes(junk); }) != ErrorCode::kNotFound);
    }
  }
}

TEST_CASE("lexicon: from_bytes gives the same lexicon as open", "[lexicon]") {
  const Lexicon copy = Lexicon::from_bytes(std::string(test::lexicon().base_bytes()));
  CHECK(copy.checksum() == test::lexicon().checksum());
  CHECK(copy.path().empty());
  const std::string text = "全面推动党的二十大精神在重庆落地生根开花结果";
  CHECK(test::cut(Segmenter(copy), text) == test::cut(text));
}

TEST_CASE("lexicon: a lexicon compiled from a small word list", "[lexicon]") {
  zhpolicy::internal::LexiconSource source;
  source.entries = {{"区政协", 100, "nt", 0}, {"区", 50, "n", 0}, {"政协", 80, "nt", 0},
                    {"提案委", 30, "nt", 0}, {"区政协", 200, "nt", 0}};  // later entry wins
  const Lexicon lex = Lexicon::from_bytes(zhpolicy::internal::build_lexicon(source));
  CHECK(lex.base_size() == 4);
  CHECK(lex.lookup("区政协")->freq == 200);
  // Without HMM tables unknown characters stay single.
  CHECK(test::cut(Segmenter(lex), "区政协提案委会议") ==
        std::vector<std::string>{"区政协", "提案委", "会", "议"});
}

TEST_CASE("lexicon: user words make a new lexicon and leave the base alone", "[lexicon][user]") {
  const Lexicon& base = test::lexicon();
  const std::string text = "民革渝中区委";
  const auto before = test::cut(text);
  CHECK(before == Words{"民革", "渝中区", "委"});

  // Without a frequency the word gets one that keeps it whole.
  const Lexicon extended = base.with_user_words({UserWord{"渝中区委", std::nullopt, "nt", {}}});
  CHECK(test::cut(Segmenter(extended), text) == Words{"民革", "渝中区委"});
  CHECK(extended.lookup("渝中区委")->tag == "nt");
  CHECK(extended.user_words().size() == 1);

  // The shared base and segmenters built on it are unchanged.
  CHECK_FALSE(base.lookup("渝中区委"));
  CHECK(base.user_words().empty());
  CHECK(test::cut(text) == before);
}

TEST_CASE("lexicon: an explicit frequency overrides the base word", "[lexicon][user]") {
  const Lexicon lex = test::lexicon().with_user_words({UserWord{"政协", 7, "x", {}}});
  CHECK(lex.lookup("政协")->freq == 7);
  CHECK(lex.lookup("政协")->tag == "x");
  CHECK(test::lexicon().lookup("政协")->freq != 7);
}

TEST_CASE("lexicon: user word layers stack", "[lexicon][user]") {
  const Lexicon one = test::lexicon().with_user_words({UserWord{"智融惠畅", {}, "", {}}});
  const Lexicon two = one.with_user_words({UserWord{"金桥行动", {}, "", {}}});
  CHECK(two.user_words().size() == 2);
  CHECK(two.lookup("智融惠畅"));
  CHECK(two.lookup("金桥行动"));
  CHECK_FALSE(one.lookup("金桥行动"));
}

TEST_CASE("lexicon: bad user words are refused", "[lexicon][user][errors]") {
  const Lexicon& lex = test::lexicon();
  CHECK(code_of([&] { lex.with_user_words({UserWord{"", {}, "", {}}}); }) == ErrorCode::kInvalidArgument);
  CHECK(code_of([&] { lex.with_user_words({UserWord{"两 个", {}, "", {}}}); }) == ErrorCode::kInvalidArgument);
  CHECK(code_of([&] { lex.with_user_words({UserWord{"\xFF\xFE", {}, "", {}}}); }) ==
        ErrorCode::kInvalidArgument);
  CHECK(code_of([&] { lex.with_user_words({UserWord{"词", 0u, "", {}}}); }) == ErrorCode::kInvalidArgument);
}

TEST_CASE("lexicon: jieba-format user dictionaries", "[lexicon][user]") {
  const Lexicon lex = test::lexicon().with_user_dict(ZHPOLICY_TEST_DATA "/user_dict.txt");
  CHECK(lex.user_words().size() == 3);
  CHECK(lex.lookup("满天星计划")->freq == 1000);
  CHECK(test::cut(Segmenter(lex), "民革渝中区委") == std::vector<std::string>{"民革", "渝中区委"});

  CHECK_THROWS_WITH(test::lexicon().with_user_dict(ZHPOLICY_TEST_DATA "/malformed_words.txt"),
                    Catch::EndsWith("malformed_words.txt:3: expected 'word [freq] [tag]', got 4 fields"));
  CHECK(code_of([] { test::lexicon().with_user_dict("/nonexistent/user.dict"); }) == ErrorCode::kNotFound);

  const auto bad_freq = temp_file("bad_freq.dict", "政协 100 nt\n区政协 abc nt\n");
  CHECK_THROWS_WITH(test::lexicon().with_user_dict(bad_freq),
                    Catch::Contains("bad_freq.dict:2: expected a frequency"));
  const auto bad_utf8 = temp_file("bad_utf8.dict", "政协\n\xFF\xFE 3\n");
  CHECK_THROWS_WITH(test::lexicon().with_user_dict(bad_utf8), Catch::Contains("bad_utf8.dict:2"));
}

TEST_CASE("lexicon: hostile dictionaries get file:line errors or a defined reading", "[lexicon][user][errors]") {
  for (auto load : {&Lexicon::with_user_dict, &Lexicon::with_entity_dict}) {
    // A byte-order mark and CRLF line ends are read as plain lines.
    const auto crlf = temp_file("bom_crlf.dict", "\xEF\xBB\xBF满天星计划 slogan\r\n渝中区委 government\r\n");
    if (load == &Lexicon::with_entity_dict) {
      const Lexicon lex = (test::lexicon().*load)(crlf);
      CHECK(lex.user_words().size() == 2);
      CHECK(lex.lookup("满天星计划").has_value());
    }
    // NUL and other control bytes, binary junk, a 1 MB line: errors naming the line.
    const auto nul = temp_file("nul.dict", std::string("政协 place\n区\0政协 place\n", 28));
    CHECK_THROWS_WITH((test::lexicon().*load)(nul), Catch::Contains("nul.dict:2: expected text, got control character 0"));
    std::string junk;
    for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919 + 13) & 0xFF));
    CHECK_THROWS_WITH((test::lexicon().*load)(temp_file("junk.dict", junk)), Catch::Contains("junk.dict:1:"));
    std::string long_line;
    for (int i = 0; i < (1 << 18); ++i) long_line += "长";  // 768 KB
    const auto big = temp_file("long.dict", long_line + " place\n");
    CHECK_THROWS_WITH((test::lexicon().*load)(big), Catch::Contains("long.dict:1: expected a word of at most 256"));
    // A 1 MB comment is a comment.
    const auto comment = temp_file("comment.dict", "# " + long_line + "\n政协 place\n");
    CHECK((test::lexicon().*load)(comment).user_words().size() == 1);
  }
  // The same limits hold for words given directly, and a long word that is
  // allowed builds (the trie is laid out without recursion).
  std::string longest;
  for (size_t i = 0; i < zhpolicy::kMaxWordChars; ++i) longest += "长";
  CHECK(test::lexicon().with_user_words({{longest, 5, "n"}}).lookup(longest).has_value());
  CHECK(code_of([&] { test::lexicon().with_user_words({{longest + "长", 5, "n"}}); }) == ErrorCode::kInvalidArgument);
  CHECK(code_of([] { test::lexicon().with_user_words({{std::string("a\x01b"), 5, "n"}}); }) ==
        ErrorCode::kInvalidArgument);
}

TEST_CASE("lexicon: a corrupt file with a valid checksum never crashes lookups", "[lexicon][errors]") {
  // Scribble over the trie and hash sections, then re-seal the checksum so the
  // file loads: lookups must stay in bounds (wrong answers are acceptable).
  namespace fmt = zhpolicy::internal::format;
  const std::string good(test::lexicon().base_bytes());
  std::mt19937 rng(99);
  for (int round = 0; round < 20; ++round) {
    std::string bad = good;
    for (int i = 0; i < 2000; ++i) {
      const size_t at = sizeof(fmt::FileHeader) + 4096 + rng() % (bad.size() - 8192);
      bad[at] = static_cast<char>(rng());
    }
    fmt::reseal(bad);
    try {
      const Lexicon lex = Lexicon::from_bytes(bad);
      const std::string text = test::read_file(std::string(ZHPOLICY_SHARED_DIR) +
                                               "/corpus/000_896179ee8e786521.txt");
      const auto tokens = Segmenter(lex).segment(text);
      CHECK(test::tiles(text, tokens));
      lex.lookup("政府工作报告");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::kBadFormat);  // a table it checks at load
    }
  }
}
