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

// The longest date in Chinese numerals starting at text[pos]: a year
// written digit by digit (一九五四年, 二〇二四年), a month 一 to 十二 and a
// day 一 to 三十一 (日 or 号), as 一九五四年七月二十五日, 十月一日, 七月. A day
// alone needs two characters or more (二十五日; 五日 is as often five days)
// and is none before 内 (三十日内: a time limit).
std::optional<DateMatch> match_chinese_date(std::string_view text, size_t pos);

// A time of day by the clock starting at text[pos], in either script:
// 9点30分, 三点半, 十点整, 八点钟, 九时三十分, 24时; 点 alone (两点, 三点五) is
// a time only after a part of the day (上午, 下午, 晚上 ...), which also
// turns 下午三点 into 15:00.
std::optional<DateMatch> match_clock_time(std::string_view text, size_t pos);

// A decade starting at text[pos]: 八十年代, 90年代 (XX8X, XX9X: the century
// is not written), 二十世纪八十年代, 20世纪90年代, 1990年代 (198X, 199X), and
// two decades together, 五六十年代 (XX5X/XX6X, an ISO 8601 interval).
std::optional<DateMatch> match_decade(std::string_view text, size_t pos);

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_NUMBERS_DATES_H_
