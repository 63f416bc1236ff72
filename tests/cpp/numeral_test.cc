#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "text/traditional.h"
#include "zhpolicy/error.h"
#include "zhpolicy/numeral.h"
#include "zhpolicy/text.h"

using zhpolicy::ChineseNumeralStyle;
using zhpolicy::Decimal;
using zhpolicy::parse_number;
using zhpolicy::to_chinese;

namespace {

std::string parsed(const std::string& text) { return parse_number(text).to_string(); }

bool refused(const std::string& text) {
  try {
    parse_number(text);
    return false;
  } catch (const zhpolicy::Error& e) {
    return e.code() == zhpolicy::ErrorCode::kInvalidArgument;
  }
}

}  // namespace

TEST_CASE("parse_number: the exact value of a numeral alone", "[numbers][numeral]") {
  CHECK(parsed("负零点一零") == "-0.1");
  CHECK(parsed("壹佰贰拾万") == "1200000");
  CHECK(parsed("一二三") == "123");
  CHECK(parsed("三三") == "33");  // digit by digit
  CHECK(parsed("二〇二四") == "2024");
  CHECK(parsed("十五") == "15");
  CHECK(parsed("三千五") == "3500");
  CHECK(parsed("一万五") == "15000");
  CHECK(parsed("一百零五") == "105");
  CHECK(parsed("二十万零三百") == "200300");
  CHECK(parsed("两万三千亿") == "2300000000000");
  CHECK(parsed("一万零十二点一五") == "10012.15");
  CHECK(parsed("5万4千6百") == "54600");
  CHECK(parsed("2千零30万") == "20300000");
  // 廿 卄 卅 卌: the tens in one character, only at a numeral's start.
  CHECK(parsed("廿一") == "21");
  CHECK(parsed("卄") == "20");
  CHECK(parsed("卅万") == "300000");
  CHECK(parsed("卌") == "40");
  CHECK(refused("一廿"));
  CHECK(parsed("7 万5 千4 百") == "75400");
  CHECK(parsed("4.78萬億") == "4780000000000");
  CHECK(parsed("10萬萬") == "1000000000");
  CHECK(parsed("負三萬") == "-30000");
  CHECK(parsed("１２３４") == "1234");  // full-width
  CHECK(parsed("  -1,234.5 ") == "-1234.5");
  CHECK(parsed("零") == "0");
  CHECK(parsed("负零") == "0");
  for (const char* bad : {"", " ", "abc", "5G", "一万一万", "三十五十", "万一", "亿", "一千一千", "十多万", "几十", "点五",
                          "三点", "负", "1.2.3", "\xff\xfe"}) {
    INFO(bad);
    CHECK(refused(bad));
  }
}

TEST_CASE("to_chinese: lower, upper and RMB forms", "[numbers][numeral]") {
  const auto d = [](const char* s) { return *Decimal::parse(s); };
  CHECK(to_chinese(d("1000054")) == "一百万零五十四");
  CHECK(to_chinese(d("1000054"), ChineseNumeralStyle::kUpper) == "壹佰万零伍拾肆");
  CHECK(to_chinese(d("1000054"), ChineseNumeralStyle::kRmb) == "壹佰万零伍拾肆元整");
  CHECK(to_chinese(d("15")) == "十五");
  CHECK(to_chinese(d("15"), ChineseNumeralStyle::kUpper) == "壹拾伍");
  CHECK(to_chinese(d("100010000")) == "一亿零一万");
  CHECK(to_chinese(d("12000")) == "一万二千");
  CHECK(to_chinese(d("0")) == "零");
  CHECK(to_chinese(d("-3.14")) == "负三点一四");
  CHECK(to_chinese(d("12.34"), ChineseNumeralStyle::kRmb) == "壹拾贰元叁角肆分");
  CHECK(to_chinese(d("10.05"), ChineseNumeralStyle::kRmb) == "壹拾元零伍分");
  CHECK(to_chinese(d("0.5"), ChineseNumeralStyle::kRmb) == "伍角");
  CHECK(to_chinese(d("0"), ChineseNumeralStyle::kRmb) == "零元整");
  CHECK_THROWS_AS(to_chinese(d("-1"), ChineseNumeralStyle::kRmb), zhpolicy::Error);
  CHECK_THROWS_AS(to_chinese(d("1.234"), ChineseNumeralStyle::kRmb), zhpolicy::Error);
  CHECK_THROWS_AS(to_chinese(d("100000000000000000000")), zhpolicy::Error);
}

TEST_CASE("to_chinese and parse_number are each other's inverse", "[numbers][numeral]") {
  std::mt19937_64 rng(11);
  for (int i = 0; i < 3000; ++i) {
    // Integers of every length up to 10^19, many with runs of zeros.
    std::string digits = std::to_string(1 + rng() % 9);
    const int length = static_cast<int>(rng() % 19);
    for (int k = 0; k < length; ++k) digits += (rng() % 3 == 0) ? char('0' + rng() % 10) : '0';
    if (i % 3 == 0) digits += "." + std::to_string(rng() % 1000);
    const Decimal value = *Decimal::parse(digits);
    for (auto style : {ChineseNumeralStyle::kLower, ChineseNumeralStyle::kUpper}) {
      const std::string text = to_chinese(value, style);
      INFO(digits << " -> " << text);
      CHECK(parse_number(text) == value);
      CHECK(parse_number("负" + text) == (value.is_zero() ? value : value.negated()));
    }
  }
}

TEST_CASE("normalize: Traditional characters become Simplified, offsets kept", "[text][traditional]") {
  const std::string text = "二〇二五年地區生產總值達到三萬兩千億元、召開會議";
  const zhpolicy::NormalizedText nt = zhpolicy::normalize(text);
  CHECK(nt.normalized == "二〇二五年地区生产总值达到三万两千亿元、召开会议");
  REQUIRE(nt.normalized.size() == text.size());
  for (uint32_t i = 0; i <= nt.normalized.size(); ++i) CHECK(nt.to_original(i) == i);
  // Simplified text, and phrases OpenCC keeps, stay as written.
  for (const std::string same : {"显著著作乾隆干燥", "二〇二五年全市地区生产总值", "abc 123", ""}) {
    CHECK(zhpolicy::normalize(same).normalized == same);
  }
  // A Traditional phrase is converted as a phrase (乾燥 → 干燥, not 乾隆's 乾).
  CHECK(zhpolicy::normalize("乾燥的乾隆").normalized == "干燥的乾隆");
  // Full-width and Traditional together; ill-formed bytes pass through.
  CHECK(zhpolicy::normalize("１２萬人").normalized == "12万人");
  CHECK(zhpolicy::normalize("會\xff議").normalized == "会\xff议");
  CHECK(zhpolicy::internal::is_traditional(U'萬'));
  CHECK_FALSE(zhpolicy::internal::is_traditional(U'万'));
  CHECK_FALSE(zhpolicy::internal::is_traditional(U'a'));
}
