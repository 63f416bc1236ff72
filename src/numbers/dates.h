// src/numbers/dates.h — dates, times and decades as ISO 8601 (ISO 8601-2's X
// for a digit not written).
#ifndef ZHPOLICY_SRC_NUMBERS_DATES_H_
#define ZHPOLICY_SRC_NUMBERS_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "zhpolicy/number.h"

namespace zhpolicy {
namespace internal {

struct DateMatch {
  size_t length;      // bytes
  NumberKind kind;    // kDate or kTime
  std::string iso;    // only what is written: 2024-02-05, 2023-12, --01-31, ---19, 14:31, 198X
};

// The longest date or time starting at text[pos] (an ASCII digit):
// 2024年2月5日, 2023年12月, 2022年, 1月31日, 19日, 2022-01-10 14:31,
// 2022/1/10, 14:31, 9时30分. Years are 1000-2099.
std::optional<DateMatch> match_date(std::string_view text, size_t pos);

// The longest date, time or decade starting at text[pos] (a digit of either
// script): match_date's shapes, dates in Chinese numerals (一九五四年七月二十五日,
// 十月一日), times by the clock (下午三点, 九时三十分) and decades (八十年代,
// 1990年代: a decade before a year). Most numbers are none of these: one
// of 年月日号世点时 (in digits also - / . :) must follow their first digits.
std::optional<DateMatch> match_date_or_time(std::string_view text, size_t pos);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_NUMBERS_DATES_H_
