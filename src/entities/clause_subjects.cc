// Persons opening a clause: news names the subject first and then says when
// or where it acted (张建军昨天在北京…, 刘洋在接受采访时说…), with no title or
// verb of speech right after the name. A name-shaped token that opens a
// clause before such a word is a person.
#include <string_view>

#include "entities/extractor_impl.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

namespace {

// Words after a clause's subject: where and when it acted, adverbs of
// time and aspect, prepositions of whom it addressed. Not 和, 与, 同: they
// join lists of things as often (张江和…).
constexpr std::u32string_view kAfterSubject[] = {
    U"在", U"于", U"昨天", U"今天", U"明天", U"近日", U"日前", U"当天", U"此前", U"随后", U"曾", U"曾经",
    U"已", U"已经", U"正在", U"也", U"还", U"将", U"对", U"向", U"从"};

// A coinage there is a name when it reads more as one than not (the person
// name model's log-odds: 刘洋 0.2, 张伟 2.3); the clause's start and the word
// after vouch for the rest.
constexpr float kMinClauseSubjectLogOdds = 0.0f;

// Characters that end the clause before a subject.
bool clause_mark(char32_t c) {
  switch (c) {
    case U'，': case U'。': case U'；': case U'：': case U'！': case U'？':
    case U'“': case U'”': case U'（': case U'）': case U'\n': case U' ':
      return true;
    default:
      return false;
  }
}

}  // namespace

void EntityExtractorImpl::add_clause_subjects(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  for_each_token(t, [&](uint32_t b, uint32_t e) {
    // (The tests that fail most tokens first: a surname, then the clause's start.)
    if (!t.has(b, kSurname) || e - b < 2 || e - b > 3) return;
    if ((b > 0 && !clause_mark(t.cps[b - 1])) || e >= n || !t.token_start(e)) return;
    const uint32_t next_end = t.token_end_of[e];
    if (next_end == CharText::kNoToken || next_end <= e || next_end > n) return;
    const std::u32string_view next(t.cps.data() + e, next_end - e);
    if (std::find(std::begin(kAfterSubject), std::end(kAfterSubject), next) == std::end(kAfterSubject)) return;
    if (!person_like(t, b, e, /*trust_nr=*/true)) return;
    // A word jieba tags a name only if it is a rare one (文明 nr 6584, 蓝图 nr
    // 333 are common words: kCommonNameWordFreq); a coinage by its characters.
    const auto w = word_info(t, b, e);
    if (w && w->entity != EntityType::kPerson && w->freq >= kCommonNameWordFreq) return;
    if (!w && person_names_ && person_names_->log_odds(&t.cps[b], e - b) < kMinClauseSubjectLogOdds) return;
    out.push_back({b, e, EntityType::kPerson, kRulePriority});
  });
}

}  // namespace internal
}  // namespace zhpolicy
