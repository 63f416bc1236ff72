// Persons by the forms of a surname news writes instead of a full name: a
// withheld name (张某, 王某某: courts, police and news of cases) and a
// familiar one (老李, 小王). Neither is a word the lexicon holds as a name.
#include <string_view>

#include "entities/extractor_impl.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

void EntityExtractorImpl::add_surname_forms(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // A familiar form at [b, b + 2): 老 or 小 and a one-character surname, a
  // token of its own and no other word (小康, 老师, 小米 are words).
  auto familiar = [&](uint32_t b) {
    if (b + 2 > n || !t.token_start(b) || !(b + 2 == n || t.token_start(b + 2))) return false;
    if ((t.cps[b] != U'老' && t.cps[b] != U'小') || !t.has(b + 1, kSurname)) return false;
    const auto w = word_info(t, b, b + 2);
    return !w || (w->entity == EntityType::kNone && is_name_word_tag(w->tag)) || w->entity == EntityType::kPerson;
  };
  auto joint_at = [&](uint32_t i) {
    return i < n && (t.cps[i] == U'和' || t.cps[i] == U'与' || t.cps[i] == U'、') && t.token_end_of[i] == i + 1;
  };
  auto verb_after = [&](uint32_t e) {
    if (e >= n || !t.has(e, kVerbFirst)) return false;
    for (std::u32string_view verb : kSubjectVerbs) {
      if (t.matches(e, verb)) return true;
    }
    return false;
  };
  // At the characters marked kSurnameForm (the text's trigger list): 某 after
  // the surname, 老 or 小 before it.
  uint32_t done = 0;  // a familiar form or withheld name found ends here
  for (const uint32_t at : t.triggers) {
    if (!t.has(at, kSurnameForm) || at < done) continue;
    const bool withheld = t.cps[at] == U'某';
    if (withheld && at == 0) continue;
    const uint32_t b = withheld ? at - 1 : at;
    if (b < done || b + 1 >= n) continue;
    if (withheld && t.token_start(b) && t.has(b, kSurname)) {
      // 张某某, or 张某 unless 某 opens a word (某些, 某种: 主张某些 is cut
      // 主张 某些, but a surname alone before them reads so too).
      uint32_t e = b + 2;
      if (e < n && t.cps[e] == U'某') {
        ++e;
      } else if (e < n && t.han(e) && word_info(t, b + 1, e + 1)) {
        continue;
      }
      out.push_back({b, e, EntityType::kPerson, kRulePriority});
      done = e;
      continue;
    }
    // A familiar form before a verb of speech or action (老李说, 小王表示),
    // or two of them joined (小王和老李).
    if (!withheld && familiar(b)) {
      const bool joined = (joint_at(b + 2) && familiar(b + 3)) || (b >= 3 && joint_at(b - 1) && familiar(b - 3));
      if (joined || verb_after(b + 2)) out.push_back({b, b + 2, EntityType::kPerson, kRulePriority});
      done = b + 2;
    }
  }
}

}  // namespace internal
}  // namespace zhpolicy
