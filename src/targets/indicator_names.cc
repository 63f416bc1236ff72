// Canonical names of common indicators, from src/data/targets/indicators.tsv
// (compiled into the library): regions write 生产总值, GDP or 全省地区生产总值
// for one indicator, and tables across documents need one name.
#include <stdexcept>

#include "targets/extractor_impl.h"
#include "util/data_lines.h"

namespace zhpolicy {
namespace internal {
namespace target_detail {

namespace {
#include "indicators_tsv.inc"

// Scope words that lead an indicator without changing it.
constexpr std::string_view kScopes[] = {"全省", "全市", "全区", "全县", "全国", "全自治区", "全年", "本地"};
}  // namespace

IndicatorNames::IndicatorNames() {
  for_each_data_line(kIndicatorsTsv, [&](std::string_view line) {
    const size_t tab = line.find('\t');
    const std::string name(line.substr(0, tab));
    alias_to_name_.emplace(name, name);
    if (tab == std::string_view::npos) return;
    std::string_view aliases = line.substr(tab + 1);
    while (!aliases.empty()) {
      size_t bar = aliases.find('|');
      if (bar == std::string_view::npos) bar = aliases.size();
      if (bar > 0) alias_to_name_.emplace(std::string(aliases.substr(0, bar)), name);
      aliases.remove_prefix(std::min(aliases.size(), bar + 1));
    }
  });
}

std::string_view IndicatorNames::canonical(std::string_view indicator) const {
  for (std::string_view scope : kScopes) {
    if (indicator.size() > scope.size() && indicator.substr(0, scope.size()) == scope) {
      indicator.remove_prefix(scope.size());
      break;
    }
  }
  const auto it = alias_to_name_.find(std::string(indicator));
  return it == alias_to_name_.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace target_detail
}  // namespace internal
}  // namespace zhpolicy
