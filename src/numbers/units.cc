#include "numbers/units.h"

#include <algorithm>
#include <vector>

#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  for (;;) {
    const size_t tab = line.find('\t', pos);
    fields.push_back(line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) return fields;
    pos = tab + 1;
  }
}

}  // namespace

UnitTable::UnitTable(std::string_view tsv, const std::string& source) {
  size_t line_no = 0, pos = 0;
  while (pos < tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const auto f = split_tabs(line);
    auto fail = [&](const std::string& what) {
      throw Error(ErrorCode::kBadFormat, source + ":" + std::to_string(line_no) + ": " + what);
    };
    if (f.size() != 4) fail("expected 'surface<TAB>kind<TAB>unit<TAB>scale', got " + std::to_string(f.size()) + " fields");
    UnitInfo info;
    if (f[1] == "money") info.kind = NumberKind::kMoney;
    else if (f[1] == "quantity") info.kind = NumberKind::kQuantity;
    else if (f[1] == "percent") info.kind = NumberKind::kPercent;
    else fail("expected kind money, quantity or percent, got '" + std::string(f[1]) + "'");
    info.unit = std::string(f[2]);
    // The scale is a power of ten written out: 1, 10, 10000 ...
    const std::string_view scale = f[3];
    if (scale.empty() || scale[0] != '1' || scale.find_first_not_of('0', 1) != std::string_view::npos) {
      fail("expected a scale that is a power of ten (1, 10, 10000 ...), got '" + std::string(scale) + "'");
    }
    info.scale_power = static_cast<int>(scale.size() - 1);
    if (f[0].empty() || utf8::find_invalid(f[0]) != std::string_view::npos) fail("bad unit surface");
    size_t len;
    auto& units = by_first_[utf8::decode(f[0], 0, len)];
    const bool known = std::any_of(units.begin(), units.end(), [&](const Unit& u) { return u.surface == f[0]; });
    if (known) continue;  // the first row wins
    // Longest first; among equal lengths the order of the file.
    auto at = std::find_if(units.begin(), units.end(), [&](const Unit& u) { return u.surface.size() < f[0].size(); });
    units.insert(at, Unit{std::string(f[0]), std::move(info)});
  }
}

const UnitInfo* UnitTable::match(std::string_view text, size_t pos, size_t& length) const {
  if (pos >= text.size()) return nullptr;
  size_t len;
  const auto it = by_first_.find(utf8::decode(text, pos, len));
  if (it == by_first_.end()) return nullptr;
  for (const Unit& u : it->second) {
    if (text.compare(pos, u.surface.size(), u.surface) == 0) {
      length = u.surface.size();
      return &u.info;
    }
  }
  return nullptr;
}

}  // namespace internal
}  // namespace zhpolicy
