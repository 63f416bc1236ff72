// Which parts of a report review the past and which plan the future: work
// reports are cut by numbered headings (一、2025年工作回顾, 二、“十五五”时期
// 主要目标任务, 三、2026年重点工作). A clause without a cue of its own takes
// its modality from the section it stands in.
#include <algorithm>

#include "targets/cues.h"
#include "targets/extractor_impl.h"

namespace zhpolicy {
namespace internal {
namespace target_detail {

namespace {

constexpr std::string_view kHeadingNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

// The length of a heading number at the start of `line` (一、 十二、), or 0.
size_t heading_number(std::string_view line) {
  size_t pos = 0;
  for (int count = 0; count < 3; ++count) {
    bool found = false;
    for (std::string_view numeral : kHeadingNumerals) {
      if (line.substr(pos, numeral.size()) == numeral) {
        pos += numeral.size();
        found = true;
        break;
      }
    }
    if (!found) break;
  }
  if (pos == 0) return 0;
  return line.substr(pos, 3) == "、" ? pos + 3 : 0;
}

}  // namespace

Sections find_sections(std::string_view text, SectionState* state) {
  SectionState local;
  SectionState& st = state ? *state : local;
  Sections out;
  out.before = st.current;
  bool& first_heading = st.first_heading;
  bool& first_line = st.first_line;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    // A short first line is the title: one that names a plan (渝中区2025年
    // 政府工作要点) makes the whole text a plan, its numbered headings too.
    if (first_line && !line.empty()) {
      first_line = false;
      const bool plan = line.size() <= 120 && heading_number(line) == 0 && eol < text.size();
      bool named = false;
      for (std::string_view cue : target_cues::kPlanTitleCues) named = named || line.find(cue) != std::string_view::npos;
      if (plan && named) {
        out.begins.push_back(static_cast<uint32_t>(pos));
        out.modality.push_back(SectionModality::kTarget);
        first_heading = false;
      }
    }
    if (const size_t n = heading_number(line); n > 0 && line.size() < 400) {
      // A review heading names it (回顾, 成就 …); a report opens with its review.
      bool review = first_heading;
      const std::string_view title = line.substr(n);
      for (std::string_view cue : target_cues::kReviewHeadingCues) {
        review = review || title.find(cue) != std::string_view::npos;
      }
      out.begins.push_back(static_cast<uint32_t>(pos));
      out.modality.push_back(review ? SectionModality::kActual : SectionModality::kTarget);
      first_heading = false;
    }
    pos = eol + 1;
  }
  if (!out.modality.empty()) st.current = out.modality.back();
  return out;
}

SectionModality Sections::at(uint32_t offset) const {
  const auto it = std::upper_bound(begins.begin(), begins.end(), offset);
  if (it == begins.begin()) return before;
  return modality[static_cast<size_t>(it - begins.begin() - 1)];
}

}  // namespace target_detail
}  // namespace internal
}  // namespace zhpolicy
