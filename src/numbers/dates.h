// src/numbers/dates.h — dates and times written with Arabic digits, as ISO 8601.
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
  std::string iso;    // only what is written: 2024-02-05, 2023-12, --01-31, ---19, 14:31
};

// The longest date or time starting at text[pos] (an ASCII digit):
// 2024年2月5日, 2023年12月, 2022年, 1月31日, 19日, 2022-01-10 14:31,
// 2022/1/10, 14:31, 9时30分. Years are 1000-2099.
std::optional<DateMatch> match_date(std::string_view text, size_t pos);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_NUMBERS_DATES_H_
