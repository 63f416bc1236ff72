#include <catch2/catch.hpp>

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
}
