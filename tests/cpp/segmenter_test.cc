#include <catch2/catch.hpp>

#include <random>
#include <thread>

#include "test_support.h"

using zhpolicy::SegmentMode;
using zhpolicy::Segmenter;
using zhpolicy::SegmenterOptions;
using zhpolicy::Token;
using zhpolicy::TokenKind;
using Words = std::vector<std::string>;

namespace {

TokenKind kind_of(std::string_view text, std::string_view word) {
  for (const Token& t : test::segmenter().segment(text)) {
    if (zhpolicy::slice(text, t.span) == word) return t.kind;
  }
  FAIL("no token '" << word << "' in '" << text << "'");
  return TokenKind::kInvalid;
}

std::string random_text(std::mt19937& rng, size_t n) {
  // Mostly real policy characters, digits and punctuation, plus random bytes.
  static const std::vector<std::string> pieces = {
      "政", "协", "区", "委", "十", "五", "届", "二", "次", "会", "议", "亿", "万", "元", "%",
      "１", "２", "．", "，", "。", "“", "”", "…", "—", " ", "\n", "\r\n", "A", "z", "-", ".",
      ",", ":", "0", "1", "9", "年", "月", "日", "ｶﾞ", "①", "𠀀", "\xF0\x9F\x98\x80"};
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    const auto r = rng() % 100;
    if (r < 85) {
      s += pieces[rng() % pieces.size()];
    } else {
      s.push_back(static_cast<char>(rng() & 0xFF));  // often ill-formed
    }
  }
  return s;
}

}  // namespace

TEST_CASE("segmenter: maximum-probability path on corpus sentences", "[segmenter]") {
  CHECK(test::cut("全面推动党的二十大精神在重庆落地生根开花结果") ==
        Words{"全面", "推动", "党", "的", "二十大", "精神", "在", "重庆", "落地生根", "开花结果"});
  CHECK(test::cut("重庆（化龙桥）国际商务区") ==
        Words{"重庆", "（", "化龙桥", "）", "国际", "商务区"});
  // Policy lexicon words that jieba's dictionary splits.
  CHECK(test::cut("实现碳达峰碳中和") == Words{"实现", "碳达峰", "碳中和"});
  CHECK(test::cut("区政协提案委") == Words{"区政协", "提案委"});
  CHECK(test::cut("做大做强实体经济") == Words{"做大", "做强", "实体", "经济"});
  // Place names of the gazetteer are words; slogans stay out of segmentation.
  CHECK(test::cut("推动渝中高质量发展") == Words{"推动", "渝中", "高质量", "发展"});
  CHECK(test::cut("党的二十大") == Words{"党", "的", "二十大"});
}

TEST_CASE("segmenter: the HMM joins unknown names, and can be turned off", "[segmenter][hmm]") {
  CHECK(test::cut("编辑:冉建苹") == Words{"编辑", ":", "冉建苹"});
  SegmenterOptions no_hmm;
  no_hmm.hmm = false;
  CHECK(test::cut(Segmenter(test::lexicon(), no_hmm), "编辑:冉建苹") ==
        Words{"编辑", ":", "冉", "建", "苹"});
  // A list's conjunctions stay words of their own (jieba's HMM gives 节等).
  CHECK(test::cut("中国歌剧节等活动") == Words{"中国", "歌剧", "节", "等", "活动"});
  CHECK(test::cut("辽及周边") == Words{"辽", "及", "周边"});
  CHECK(test::cut("与喜马拉雅、哩哩哩等合作") == Words{"与", "喜马拉雅", "、", "哩哩哩", "等", "合作"});
}

TEST_CASE("segmenter: numbers keep decimals, separators, scale words and percent", "[segmenter][numbers]") {
  CHECK(test::cut("新增就业4.6万人") == Words{"新增", "就业", "4.6万", "人"});
  CHECK(test::cut("地区生产总值1450亿元") == Words{"地区生产总值", "1450亿", "元"});
  CHECK(test::cut("增长12.5%左右") == Words{"增长", "12.5%", "左右"});
  CHECK(test::cut("收入1,234.5万元") == Words{"收入", "1,234.5万", "元"});
  CHECK(test::cut("规模1.4万亿元") == Words{"规模", "1.4万亿", "元"});
  CHECK(kind_of("增长12.5%左右", "12.5%") == TokenKind::kNumber);
  // A scale character that starts a metric unit stays with the unit.
  CHECK(test::cut("3千米") == Words{"3", "千米"});
  CHECK(test::cut("100兆瓦") == Words{"100", "兆瓦"});
}

TEST_CASE("segmenter: dates and times are one token", "[segmenter][numbers]") {
  CHECK(test::cut("2024年2月5日 星期一") == Words{"2024年2月5日", " ", "星期一"});
  CHECK(kind_of("2024年2月5日", "2024年2月5日") == TokenKind::kDate);
  CHECK(test::cut("2023年12月底") == Words{"2023年12月", "底"});
  CHECK(test::cut("1月31日前") == Words{"1月31日", "前"});
  CHECK(test::cut("2022-01-10 14:31发布") == Words{"2022-01-10 14:31", "发布"});
  CHECK(kind_of("会议于14:30开始", "14:30") == TokenKind::kDate);
  // Not a year: a number of years.
  CHECK(test::cut("5000年历史") == Words{"5000", "年", "历史"});
}

TEST_CASE("segmenter: full-width forms are recognized, offsets stay in the original", "[segmenter]") {
  const std::string text = "ＧＤＰ增长１２．５％";
  const auto tokens = test::segmenter().segment(text);
  REQUIRE(tokens.size() == 3);
  CHECK(zhpolicy::slice(text, tokens[0].span) == "ＧＤＰ");
  CHECK(tokens[0].kind == TokenKind::kLatin);
  CHECK(zhpolicy::slice(text, tokens[2].span) == "１２．５％");
  CHECK(tokens[2].kind == TokenKind::kNumber);
  CHECK(test::cut("２０２４年３月") == Words{"２０２４年３月"});
}

TEST_CASE("segmenter: Latin words, punctuation runs and white space", "[segmenter]") {
  CHECK(test::cut("5G基站和COVID-19防控") == Words{"5G", "基站", "和", "COVID-19", "防控"});
  CHECK(kind_of("打造“11241”体系", "11241") == TokenKind::kNumber);
  CHECK(test::cut("……——") == Words{"……", "——"});
  CHECK(kind_of("甲 \t\n乙", " \t\n") == TokenKind::kWhitespace);
  CHECK(kind_of("一、二", "、") == TokenKind::kPunctuation);
}

TEST_CASE("segmenter: search mode adds dictionary sub-words before the word", "[segmenter][search]") {
  CHECK(test::cut(test::segmenter(), "中华人民共和国成立", SegmentMode::kSearch) ==
        Words{"中华", "华人", "人民", "共和", "共和国", "中华人民共和国", "成立"});
}

TEST_CASE("segmenter: ill-formed UTF-8 is isolated by default or refused on request", "[segmenter][utf8]") {
  const std::string text("政协\xFF\xFE会议\xE6\x94", 16);
  const auto tokens = test::segmenter().segment(text);
  CHECK(test::tiles(text, tokens));
  int invalid = 0;
  for (const auto& t : tokens) {
    if (t.kind == TokenKind::kInvalid) {
      ++invalid;
      CHECK(t.span.size() == 1);
    }
  }
  CHECK(invalid == 4);

  SegmenterOptions strict;
  strict.invalid_utf8 = zhpolicy::InvalidUtf8::kThrow;
  const Segmenter strict_seg(test::lexicon(), strict);
  CHECK_THROWS_WITH(strict_seg.segment(text), "invalid UTF-8 at byte 6 of the text");
  CHECK(strict_seg.segment("区政协召开会议").size() == 3);
}

TEST_CASE("segmenter: tokens tile any input", "[segmenter][property]") {
  CHECK(test::segmenter().segment("").empty());
  std::mt19937 rng(20241123);
  for (int i = 0; i < 2000; ++i) {
    const std::string text = random_text(rng, rng() % 60);
    const auto tokens = test::segmenter().segment(text);
    INFO("case " << i);
    REQUIRE(test::tiles(text, tokens));
  }
  // Adversarial shapes: long digit runs, one huge Han run, binary junk, NULs.
  std::vector<std::string> adversarial = {
      std::string(100000, '9'), std::string(5000, ','), std::string(30000, '\0'),
      std::string(20000, '\x80')};
  std::string han;
  for (int i = 0; i < 50000; ++i) han += "政协";
  adversarial.push_back(han);
  std::string junk;
  for (int i = 0; i < 100000; ++i) junk.push_back(static_cast<char>(rng()));
  adversarial.push_back(junk);
  std::string digits_and_scales;
  for (int i = 0; i < 3000; ++i) digits_and_scales += "1,000.5亿万%";
  adversarial.push_back(digits_and_scales);
  for (const auto& text : adversarial) CHECK(test::tiles(text, test::segmenter().segment(text)));
}

TEST_CASE("segmenter: the corpus documents are tiled", "[segmenter][corpus]") {
  for (const char* name : {"000_896179ee8e786521.txt", "001_674e5ce036ec5342.txt",
                           "002_31f553e2c859f86c.txt", "003_0b9efb6d18d52ebe.txt",
                           "004_c89ce8d7da60ab45.txt"}) {
    const std::string text = test::read_file(std::string(ZHPOLICY_SHARED_DIR) + "/corpus/" + name);
    INFO(name);
    REQUIRE(!text.empty());
    CHECK(test::tiles(text, test::segmenter().segment(text)));
  }
}

TEST_CASE("segmenter: threads sharing one segmenter get single-threaded results", "[segmenter][threads]") {
  std::vector<std::string> texts;
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i) texts.push_back(random_text(rng, 200));
  texts.push_back(test::read_file(std::string(ZHPOLICY_SHARED_DIR) + "/corpus/001_674e5ce036ec5342.txt"));
  std::vector<std::vector<Token>> expected;
  for (const auto& t : texts) expected.push_back(test::segmenter().segment(t));

  auto same = [](const std::vector<Token>& a, const std::vector<Token>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].span != b[i].span || a[i].kind != b[i].kind) return false;
    }
    return true;
  };
  std::vector<int> ok(4, 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (size_t i = 0; i < texts.size(); ++i) {
          if (!same(test::segmenter().segment(texts[i]), expected[i])) ok[t] = 0;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(ok == std::vector<int>(4, 1));

  std::vector<std::string_view> views(texts.begin(), texts.end());
  for (unsigned n : {0u, 1u, 2u, 3u}) {
    const auto batch = test::segmenter().segment_many(views, SegmentMode::kDefault, n);
    REQUIRE(batch.size() == texts.size());
    bool all_same = true;
    for (size_t i = 0; i < texts.size(); ++i) all_same = all_same && same(batch[i], expected[i]);
    CHECK(all_same);
  }
}

TEST_CASE("segmenter: a normalized view without an offset map is taken as it is", "[segmenter][adversarial]") {
  // NormalizedText is a public struct: one built by hand with no pieces
  // gets a defined result (offsets as they are), never a read past the map.
  const std::string text = "区政协召开会议，新增就业4.6万人";
  zhpolicy::NormalizedText hand;
  hand.normalized = text;
  hand.original_size = static_cast<uint32_t>(text.size());
  CHECK(hand.to_original(3) == 3);
  CHECK(test::tiles(text, test::segmenter().segment(text, hand)));
}
