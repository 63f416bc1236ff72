#include "numbers/dates.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace zhpolicy {
namespace internal {
namespace {

constexpr char kY[] = "(1\\d{3}|20\\d{2})";
constexpr char kM[] = "(1[0-2]|0?[1-9])";
constexpr char kD[] = "(3[01]|[12]\\d|0?[1-9])";
constexpr char kH[] = "([01]?\\d|2[0-3])";
constexpr char kMin[] = "([0-5]\\d)";

RE2::Options longest() {
  RE2::Options o;
  o.set_longest_match(true);
  o.set_log_errors(false);
  return o;
}

std::string cat(std::initializer_list<std::string> parts) {
  std::string s;
  for (const auto& p : parts) s += p;
  return s;
}

// Each shape has fixed groups: year, month, day, hour, minute (absent ones
// are empty groups in the pattern, so every RE2 has five).
struct Shape {
  std::unique_ptr<RE2> re;
  NumberKind kind;
  // What follows the first run of digits in every match: "-", "/" or ".",
  // "年" ...; a position is tried only on the shapes its separator fits.
  std::vector<std::string_view> separators;

  bool fits(std::string_view after) const {
    for (std::string_view sep : separators) {
      if (after.substr(0, sep.size()) == sep) return true;
    }
    return false;
  }
};

const std::vector<Shape>& shapes() {
  static const std::vector<Shape>* s = [] {
    const std::string y = kY, m = kM, d = kD, h = kH, mi = kMin, none = "()";
    auto* v = new std::vector<Shape>();
    auto add = [&](const std::string& pattern, NumberKind kind, std::vector<std::string_view> separators) {
      v->push_back({std::make_unique<RE2>(pattern, longest()), kind, std::move(separators)});
    };
    add(cat({y, "-", m, "-", d, "(?:[ T]", h, ":", mi, "(?::[0-5]\\d)?)?"}), NumberKind::kDate, {"-"});
    add(cat({y, "[/.]", m, "[/.]", d, none, none}), NumberKind::kDate, {"/", "."});
    add(cat({y, "年(?:", m, "月(?:", d, "[日号])?)?", none, none}), NumberKind::kDate, {"年"});
    add(cat({none, m, "月(?:", d, "[日号])?", none, none}), NumberKind::kDate, {"月"});
    add(cat({none, none, d, "日", none, none}), NumberKind::kDate, {"日"});
    add(cat({none, none, none, h, ":", mi, "(?::[0-5]\\d)?"}), NumberKind::kTime, {":"});
    add(cat({none, none, none, h, "时(?:", mi, "分)?"}), NumberKind::kTime, {"时"});
    return v;
  }();
  return *s;
}

int to_int(const re2::StringPiece& s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::optional<DateMatch> match_date(std::string_view text, size_t pos) {
  // Every shape has one of 年 月 日 时 - / . : right after its first digits
  // (Shape::separators); most numbers have none, and need no regex at all.
  size_t d = pos;
  while (d < text.size() && d - pos < 5 && text[d] >= '0' && text[d] <= '9') ++d;
  if (d == pos || d >= text.size()) return std::nullopt;
  const std::string_view after = text.substr(d, 3);
  const size_t end = std::min(text.size(), pos + 48);
  const re2::StringPiece input(text.data(), end);
  std::optional<DateMatch> best;
  for (const Shape& shape : shapes()) {
    if (!shape.fits(after)) continue;
    re2::StringPiece g[6];
    if (!shape.re->Match(input, pos, end, RE2::ANCHOR_START, g, 6)) continue;
    if (best && g[0].size() <= best->length) continue;
    char buf[40];
    std::string iso;
    const bool year = !g[1].empty(), month = !g[2].empty(), day = !g[3].empty(), hour = !g[4].empty();
    if (shape.kind == NumberKind::kTime) {
      std::snprintf(buf, sizeof buf, "%02d:%02d", to_int(g[4]), g[5].empty() ? 0 : to_int(g[5]));
      iso = buf;
    } else {
      // ISO 8601 with omitted parts: --MM-DD (no year), ---DD (day only).
      if (year) iso = std::string(g[1].data(), g[1].size());
      if (month) {
        std::snprintf(buf, sizeof buf, "%s-%02d", year ? "" : "-", to_int(g[2]));
        iso += buf;
      }
      if (day) {
        std::snprintf(buf, sizeof buf, "%s-%02d", (year || month) ? "" : "--", to_int(g[3]));
        iso += buf;
      }
      if (hour) {
        std::snprintf(buf, sizeof buf, "T%02d:%02d", to_int(g[4]), to_int(g[5]));
        iso += buf;
      }
    }
    best = DateMatch{g[0].size(), shape.kind, std::move(iso)};
  }
  return best;
}

}  // namespace internal
}  // namespace zhpolicy
