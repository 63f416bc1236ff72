#include <catch2/catch.hpp>

#include "numbers/numeral.h"
#include "zhpolicy/decimal.h"

using zhpolicy::Decimal;
using zhpolicy::internal::parse_chinese_numeral;

namespace {

std::string value_of(const std::u32string& numeral) {
  const auto p = parse_chinese_numeral(numeral);
  return p ? p->value.to_string() : "none";
}

}  // namespace

TEST_CASE("decimal: exact, canonical representation", "[decimal]") {
  CHECK(Decimal::parse("145000000000")->to_string() == "145000000000");
  CHECK(Decimal::parse("1,234.50")->to_string() == "1234.5");
  CHECK(Decimal::parse("0.001")->to_string() == "0.001");
  CHECK(Decimal::parse("-12.5")->to_string() == "-12.5");
  CHECK(Decimal::parse("000")->is_zero());
  CHECK(*Decimal::parse("1450")->times_pow10(8) == Decimal::from_int(145'000'000'000));
  CHECK(*Decimal::parse("1.4")->times_pow10(12) == Decimal::from_int(1'400'000'000'000));
  CHECK(Decimal::parse("0.5")->plus(Decimal::from_int(1))->to_string() == "1.5");
  CHECK(Decimal::parse("999.99")->plus(*Decimal::parse("0.01"))->to_string() == "1000");
  CHECK(Decimal::from_int(INT64_MIN).to_string() == "-9223372036854775808");
  CHECK(Decimal::parse("12")->to_int64() == 12);
  CHECK_FALSE(Decimal::parse("0.5")->to_int64());
}

TEST_CASE("decimal: malformed and oversized input", "[decimal]") {
  CHECK_FALSE(Decimal::parse(""));
  CHECK_FALSE(Decimal::parse("-"));
  CHECK_FALSE(Decimal::parse("1.2.3"));
  CHECK_FALSE(Decimal::parse("12a"));
  CHECK_FALSE(Decimal::parse(std::string(10000, '9')));  // beyond kMaxDigits
  CHECK_FALSE(Decimal::from_int(1).times_pow10(Decimal::kMaxDigits + 1));
}

TEST_CASE("numeral: Chinese numerals at any depth", "[numeral]") {
  CHECK(value_of(U"十五") == "15");
  CHECK(value_of(U"十") == "10");
  CHECK(value_of(U"一百零五") == "105");
  CHECK(value_of(U"三千五百万") == "35000000");
  CHECK(value_of(U"二十万零三百") == "200300");
  CHECK(value_of(U"两千") == "2000");
  CHECK(value_of(U"一亿二千万") == "120000000");
  CHECK(value_of(U"三千五") == "3500");  // spoken abbreviation
  CHECK(value_of(U"一万五") == "15000");
  CHECK(value_of(U"一千零一十") == "1010");
  CHECK(value_of(U"壹拾贰") == "12");
  CHECK(value_of(U"壹佰贰拾叁") == "123");
  CHECK(value_of(U"百万") == "1000000");
  CHECK(value_of(U"一亿亿亿亿") == "100000000000000000000000000000000");
}

TEST_CASE("numeral: Arabic leads with Chinese scale words", "[numeral]") {
  CHECK(value_of(U"1.4万亿") == "1400000000000");
  CHECK(value_of(U"3千万") == "30000000");
  CHECK(value_of(U"4.6万") == "46000");
  CHECK(value_of(U"10.6亿") == "1060000000");
  CHECK(value_of(U"1450亿") == "145000000000");
}

TEST_CASE("numeral: digit sequences are flagged, malformed numerals refused", "[numeral]") {
  const auto year = parse_chinese_numeral(U"二〇二四");
  REQUIRE(year);
  CHECK(year->digit_sequence);
  CHECK(year->value.to_string() == "2024");
  CHECK(value_of(U"万一") == "none");
  CHECK(value_of(U"亿") == "none");
  CHECK(value_of(U"万") == "none");
  CHECK(value_of(U"三十五十") == "none");
  CHECK(value_of(U"三百千") == "none");
  CHECK(value_of(U"") == "none");
  CHECK(value_of(U"政协") == "none");
}
