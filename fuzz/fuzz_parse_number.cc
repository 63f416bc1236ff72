// parse_number on any text gives a value or zhpolicy::Error, never a crash;
// a value written back with to_chinese (every style) parses to itself.
#include "invariants.h"

using namespace zhpolicy;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Decimal value;
  try {
    value = parse_number(text);
  } catch (const Error&) {
    return 0;
  }
  zhpolicy_fuzz::require(zhpolicy_fuzz::finite_decimal(value), "parse_number gives a finite decimal");
  // Chinese numerals name integers up to the largest scale; others may be refused.
  for (auto style : {ChineseNumeralStyle::kLower, ChineseNumeralStyle::kUpper}) {
    std::string written;
    try {
      written = to_chinese(value, style);
    } catch (const Error&) {
      continue;
    }
    zhpolicy_fuzz::require(parse_number(written) == value, "to_chinese reads back as the value");
  }
  return 0;
}
