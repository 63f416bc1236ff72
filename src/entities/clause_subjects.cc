// Persons opening a clause: news names the subject first and then says when
// or where it acted, or what it did (张建军昨天在北京…, 刘洋在接受采访时说…,
// 许海峰夺得…), with no title or verb of speech right after the name. A
// name-shaped token that opens a clause before such a word is a person; so
// is one that closes a clause after a verb (交给了孙伟。).
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
constexpr float kMinVerbSubjectLogOdds = 1.0f;

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
  auto token_end = [&](uint32_t b) -> uint32_t {
    if (b >= n || !t.token_start(b)) return 0;
    const uint32_t e = t.token_end_of[b];
    return e == CharText::kNoToken || e <= b || e > n ? 0 : e;
  };
  // What follows a subject: a word of kAfterSubject, or a verb (jieba's v:
  // 易建联 效力, 屠呦呦 获得), after adverbs of scope and time (都 曾).
  enum class Acts { kNo, kWhereOrWhen, kVerb };
  auto acts_at = [&](uint32_t at) {
    for (int adverbs = 0; adverbs < 3; ++adverbs) {
      const uint32_t e = token_end(at);
      if (e == 0) return Acts::kNo;
      const std::u32string_view next(t.cps.data() + at, e - at);
      if (std::find(std::begin(kAfterSubject), std::end(kAfterSubject), next) != std::end(kAfterSubject)) {
        return Acts::kWhereOrWhen;
      }
      const auto w = word_info(t, at, e);
      if (!w) return Acts::kNo;
      if (w->tag == "v") return Acts::kVerb;
      if (w->tag != "d") return Acts::kNo;
      at = e;
    }
    return Acts::kNo;
  };
  // A name read before or after a verb alone must read as one more surely
  // (惠民 0.5, 普惠性 0.6 are words of policy; 姚明 1.8, 马云 3.1), and of
  // three characters be neither a common word and a character nor a
  // character and one (高 水平: jieba tags 高水平 nr; 幸福 感). After the
  // verb, as the object, no word of the lexicon may open it at all (安居 梦
  // of 圆百姓安居梦: objects are more often things than names).
  auto reads_surely = [&](uint32_t b, uint32_t e, bool object) {
    if (!person_names_ || person_names_->log_odds(&t.cps[b], e - b) < kMinVerbSubjectLogOdds) return false;
    if (e - b != 3) return true;
    if (common_non_name_word(t.cps.substr(b + 1, 2)) || common_non_name_word(t.cps.substr(b, 2))) return false;
    const auto head = object ? word_info(t, b, b + 2) : std::nullopt;
    return !(head && !is_name_word_tag(head->tag));
  };
  // A word jieba tags a name only if it is a rare one (文明 nr 6584, 蓝图 nr
  // 333 are common words: kCommonNameWordFreq).
  auto rare_or_name = [&](uint32_t b, uint32_t e) {
    const auto w = word_info(t, b, e);
    return !(w && w->entity != EntityType::kPerson && w->freq >= kCommonNameWordFreq);
  };
  // A name owned by the name before 的 (华为 的 余承东 在, 理塘县 的 丁真
  // 成为): a place's, a body's or a firm's person opens the clause too.
  auto after_owner = [&](uint32_t b) {
    if (b < 2 || t.cps[b - 1] != U'的' || !t.token_start(b - 1)) return false;
    const uint32_t ob = t.token_begin(b - 2);
    const auto owner = t.token_end_of[ob] == b - 1 ? word_info(t, ob, b - 1) : std::nullopt;
    return owner && (owner->entity == EntityType::kPlace || owner->entity == EntityType::kCompany ||
                     owner->entity == EntityType::kOrganization || owner->entity == EntityType::kGovernment);
  };
  // A name opening a clause before what it did, or where or when.
  auto subject_at = [&](uint32_t b, uint32_t e) {
    // (Owned, only a word the lexicon does not know: after a place its
    // sites and goods are as often there, 上海 的 陆家嘴 nr, 杭州 的 龙井茶 nr.)
    const bool owned = b > 0 && !clause_mark(t.cps[b - 1]) && after_owner(b) && !word_info(t, b, e);
    if (b > 0 && !clause_mark(t.cps[b - 1]) && !owned) return false;
    // The subject may be names joined by 和, 与, 、 (姚明和易建联都曾…):
    // the word after the last decides; the list rule then takes the rest.
    uint32_t last = e;
    for (int members = 0; members < 4; ++members) {
      if (token_end(last) != last + 1 || std::u32string_view(U"和与、").find(t.cps[last]) == std::u32string_view::npos) break;
      const uint32_t mb = last + 1, me = token_end(mb);
      if (me == 0 || me - mb < 2 || me - mb > 3 || !t.has(mb, kSurname) || !person_like(t, mb, me, /*trust_nr=*/true)) break;
      last = me;
    }
    const Acts acts = acts_at(last);
    if (acts == Acts::kNo || !person_like(t, b, e, /*trust_nr=*/true) || !rare_or_name(b, e)) return false;
    // (A coinage by its characters.)
    if (!word_info(t, b, e) && person_names_ && person_names_->log_odds(&t.cps[b], e - b) < kMinClauseSubjectLogOdds) {
      return false;
    }
    return (acts != Acts::kVerb && !owned) || reads_surely(b, e, /*object=*/false);
  };
  // A name closing a clause as what a verb acted on or for (交给了孙伟。).
  auto object_at = [&](uint32_t b, uint32_t e) {
    if (b < 2 || (e < n && !clause_mark(t.cps[e]))) return false;
    // The verb right before, or before 了 or 给 (交给 了, 送 给); before 了 a
    // word jieba tags a noun acts as a verb too (战胜 n 了 陈梦).
    uint32_t vb = t.token_begin(b - 1);
    if (t.token_end_of[vb] != b) return false;
    bool particle = false;
    if (b - vb == 1 && (t.cps[vb] == U'了' || t.cps[vb] == U'给') && vb > 0) {
      const uint32_t ve = vb;
      vb = t.token_begin(ve - 1);
      if (t.token_end_of[vb] != ve) return false;
      particle = true;
    }
    const auto verb = word_info(t, vb, t.token_end_of[vb]);
    const bool noun_as_verb = particle && t.token_end_of[vb] - vb == 2 && verb &&
                              verb->entity == EntityType::kNone && tag_is(verb->tag, {"n", "vn"});
    const bool acts = verb && (verb->tag == "v" || noun_as_verb);
    return acts && person_like(t, b, e, /*trust_nr=*/true) && rare_or_name(b, e) && reads_surely(b, e, /*object=*/true);
  };
  // A name a preposition of persons governs before the verb it goes with
  // (为 马龙 加油, 向 陈梦 学习), read as surely as a subject before a verb
  // alone (not 请 刘洋 介绍: 刘洋 reads as a name too weakly for that).
  auto governed_at = [&](uint32_t b, uint32_t e) {
    if (b == 0 || t.token_end_of[b - 1] != b || !t.token_start(b - 1) ||
        std::u32string_view(U"为向给被让请替").find(t.cps[b - 1]) == std::u32string_view::npos) {
      return false;
    }
    return acts_at(e) == Acts::kVerb && person_like(t, b, e, /*trust_nr=*/true) && rare_or_name(b, e) &&
           reads_surely(b, e, /*object=*/false);
  };
  // A name a photo's caption places (刘德华（右）, 王芳（左二）, 李明（中）),
  // and the one it is with (刘德华（右）与周星驰握手): the end of the caption's
  // mark, or 0.
  auto name_here = [&](uint32_t b, uint32_t e) {
    return e - b >= 2 && e - b <= 3 && t.has(b, kSurname) && person_like(t, b, e, /*trust_nr=*/true) &&
           rare_or_name(b, e) && person_names_ &&
           person_names_->log_odds(&t.cps[b], e - b) >= kMinClauseSubjectLogOdds;
  };
  auto placed_end = [&](uint32_t e) -> uint32_t {
    if (e + 3 > n || (t.cps[e] != U'（' && t.cps[e] != U'(') ||
        std::u32string_view(U"左右中").find(t.cps[e + 1]) == std::u32string_view::npos) {
      return 0;
    }
    uint32_t k = e + 2;
    while (k < n && k < e + 4 && t.has(k, kNumeral)) ++k;
    return k < n && (t.cps[k] == U'）' || t.cps[k] == U')') ? k + 1 : 0;
  };
  for_each_token(t, [&](uint32_t b, uint32_t e) {
    // (The test that fails most tokens first: a surname.)
    if (!t.has(b, kSurname) || e - b < 2 || e - b > 3) return;
    if (subject_at(b, e) || object_at(b, e) || governed_at(b, e)) {
      out.push_back({b, e, EntityType::kPerson, kRulePriority});
    } else if (const uint32_t mark_end = placed_end(e); mark_end != 0 && name_here(b, e)) {
      out.push_back({b, e, EntityType::kPerson, kRulePriority});
      if (mark_end + 1 < n && std::u32string_view(U"与和同").find(t.cps[mark_end]) != std::u32string_view::npos &&
          token_end(mark_end) == mark_end + 1) {
        const uint32_t ob = mark_end + 1, oe = token_end(ob);
        if (oe != 0 && name_here(ob, oe) && reads_surely(ob, oe, /*object=*/false)) {
          out.push_back({ob, oe, EntityType::kPerson, kRulePriority});
        }
      }
    }
  });
}

}  // namespace internal
}  // namespace zhpolicy
