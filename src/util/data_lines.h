// The lines of a data file compiled into the library (an embedded .tsv):
// each line that is neither empty nor a '#' comment, without its newline.
#pragma once

#include <algorithm>
#include <string_view>

namespace zhpolicy {
namespace internal {

template <typename F>
void for_each_data_line(std::string_view text, F&& f) {
  while (!text.empty()) {
    size_t eol = text.find('\n');
    if (eol == std::string_view::npos) eol = text.size();
    const std::string_view line = text.substr(0, eol);
    text.remove_prefix(std::min(text.size(), eol + 1));
    if (!line.empty() && line.front() != '#') f(line);
  }
}

}  // namespace internal
}  // namespace zhpolicy
