#include "numbers/units.h"

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
    max_bytes_ = std::max(max_bytes_, f[0].size());
    if (units_.count(f[0])) continue;  // the first row wins
    surfaces_.emplace_back(f[0]);
    units_.emplace(surfaces_.back(), std::move(info));
  }
}

const UnitInfo* UnitTable::match(std::string_view text, size_t pos, size_t& length) const {
  // Try every code-point boundary up to the longest unit, longest first.
  size_t ends[16];
  int n = 0;
  for (size_t i = pos, len = 0; i < text.size() && i - pos < max_bytes_ && n < 16; i += len) {
    if (utf8::decode(text, i, len) == utf8::kInvalid) break;
    ends[n++] = i + len;
  }
  while (n-- > 0) {
    if (ends[n] - pos > max_bytes_) continue;
    auto it = units_.find(text.substr(pos, ends[n] - pos));
    if (it != units_.end()) {
      length = ends[n] - pos;
      return &it->second;
    }
  }
  return nullptr;
}

}  // namespace internal
}  // namespace zhpolicy
