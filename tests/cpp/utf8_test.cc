#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "zhpolicy/utf8.h"

using zhpolicy::utf8::decode;
using zhpolicy::utf8::find_invalid;
using zhpolicy::utf8::kInvalid;

TEST_CASE("utf8: decodes 1- to 4-byte sequences", "[utf8]") {
  size_t len;
  CHECK(decode("A", 0, len) == U'A');
  CHECK(len == 1);
  CHECK(decode("é", 0, len) == U'é');
  CHECK(len == 2);
  CHECK(decode("政", 0, len) == U'政');
  CHECK(len == 3);
  CHECK(decode("𠀀", 0, len) == U'\U00020000');
  CHECK(len == 4);
}

TEST_CASE("utf8: every ill-formed byte is reported alone", "[utf8]") {
  size_t len;
  const char* cases[] = {
      "\x80",              // lone continuation
      "\xC0\xAF",          // overlong '/'
      "\xE0\x80\xAF",      // overlong 3-byte
      "\xED\xA0\x80",      // UTF-16 surrogate D800
      "\xF4\x90\x80\x80",  // beyond U+10FFFF
      "\xE6\x94",          // truncated 3-byte
      "\xFF",              // never valid
  };
  for (const char* c : cases) {
    INFO(c);
    CHECK(decode(c, 0, len) == kInvalid);
    CHECK(len == 1);
  }
}

TEST_CASE("utf8: find_invalid gives the first bad byte", "[utf8]") {
  CHECK(find_invalid("政协") == std::string_view::npos);
  CHECK(find_invalid("") == std::string_view::npos);
  CHECK(find_invalid(std::string_view("政\xFF协", 7)) == 3);
  CHECK(find_invalid(std::string_view("ab\xE6\x94", 4)) == 2);
  // Overlong and surrogate three-byte forms, after an ASCII run of eight.
  CHECK(find_invalid(std::string_view("abcdefgh\xE0\x80\x80", 11)) == 8);
  CHECK(find_invalid(std::string_view("abcdefgh\xED\xA0\x80", 11)) == 8);
  CHECK(find_invalid(std::string_view("abcdefgh\xED\x9F\xBF", 11)) == std::string_view::npos);
}

TEST_CASE("utf8: find_invalid agrees with decoding byte by byte", "[utf8]") {
  // The reference: decode() from the start, the first kInvalid.
  auto reference = [](std::string_view s) {
    for (size_t i = 0, len; i < s.size(); i += len) {
      if (decode(s, i, len) == kInvalid) return i;
    }
    return std::string_view::npos;
  };
  // Random strings drawn from bytes that make every kind of sequence, of
  // every length up to 40 (so that the eight-byte steps meet every tail).
  std::mt19937_64 next(20261203);  // a fixed seed: the same strings every run
  const unsigned char pool[] = {'a', '0', 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF,
                                0xE0, 0xE6, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  for (int round = 0; round < 200000; ++round) {
    std::string s(next() % 41, '\0');
    const bool ascii_heavy = round % 2 == 0;
    for (char& c : s) {
      const uint64_t r = next();
      c = static_cast<char>(ascii_heavy && r % 4 != 0 ? 'x' : pool[r % sizeof pool]);
    }
    INFO(round);
    REQUIRE(find_invalid(s) == reference(s));
  }
}
