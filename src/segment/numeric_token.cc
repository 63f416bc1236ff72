#include "segment/numeric_token.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "numbers/dates.h"

namespace zhpolicy {
namespace internal {
namespace {

struct Patterns {
  RE2 number;
  static RE2::Options options() {
    RE2::Options o;
    o.set_longest_match(true);
    o.set_log_errors(false);
    return o;
  }
  Patterns()
      : // 1,234.5 / 1450 / 4.6万 / 1.4万亿 / 12.5% / 3‰
        number("(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:[百千万亿兆]+)?[%‰]?", options()) {}
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

size_t anchored(const RE2& re, std::string_view text, size_t pos, size_t end) {
  re2::StringPiece match;
  if (!re.Match(re2::StringPiece(text.data(), text.size()), pos, end, RE2::ANCHOR_START, &match, 1)) {
    return 0;
  }
  return match.size();
}

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  for (auto p : prefixes) {
    if (s.substr(0, p.size()) == p) return true;
  }
  return false;
}

}  // namespace

NumericMatch match_numeric(std::string_view text, size_t pos) {
  const Patterns& p = patterns();
  // Numbers longer than this are still tokens, split into pieces; it bounds the
  // work of each match on adversarial digit runs.
  const size_t end = std::min(text.size(), pos + 96);
  NumericMatch best;
  // Dates and times are the number extractor's (one definition of a date).
  if (const auto date = match_date(text, pos)) best = {static_cast<uint32_t>(date->length), TokenKind::kDate};
  if (size_t n = anchored(p.number, text, pos, end); n > best.length) {
    // A scale character that belongs to a metric unit stays with the unit:
    // 3千米 is 3 + 千米 (kilometres), 100兆瓦 is 100 + 兆瓦.
    std::string_view rest = text.substr(pos + n);
    std::string_view tail = text.substr(pos, n);
    for (std::string_view scale : {"千", "百", "兆"}) {
      if (tail.size() > scale.size() && tail.substr(tail.size() - scale.size()) == scale &&
          starts_with_any(rest, {"米", "克", "瓦", "帕", "赫", "焦", "卡", "伏", "字节", "升"})) {
        n -= scale.size();
        break;
      }
    }
    best = {static_cast<uint32_t>(n), TokenKind::kNumber};
  }
  return best;
}

}  // namespace internal
}  // namespace zhpolicy
