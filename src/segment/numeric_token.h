// src/segment/numeric_token.h — keeps numbers, dates and times whole.
#ifndef ZHPOLICY_SRC_SEGMENT_NUMERIC_TOKEN_H_
#define ZHPOLICY_SRC_SEGMENT_NUMERIC_TOKEN_H_

#include <cstdint>
#include <string_view>

#include "zhpolicy/token.h"

namespace zhpolicy {
namespace internal {

struct NumericMatch {
  uint32_t length = 0;  // bytes; 0 if no match
  TokenKind kind = TokenKind::kNumber;
};

// The longest date, time (numbers/dates.h) or number starting at
// normalized[pos], which must be an ASCII digit: 2024年2月5日,
// 2022-01-10 14:31, 14:31, 1,234.5, 1450亿, 12.5%.
// Thread-safe (the patterns are compiled once, like all RE2 objects shared
// read-only).
NumericMatch match_numeric(std::string_view normalized, size_t pos);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_SEGMENT_NUMERIC_TOKEN_H_
