// Persons read by jieba's part-of-speech HMM (posseg_hmm.h): a second,
// independent witness for names no list holds. The segmenter's own HMM knows
// only word positions and often cuts an unknown name apart (孟晚 舟); posseg's
// HMM, trained on news with a tag per state, joins and tags it (孟晚舟/nr).
// Its nr words alone are not enough in policy prose, where coinages after a
// surname's character read as names to it too (普惠, 康养, 林权): a word is
// taken only where a name stands as a clause's subject (after a mark, not
// after 、: reports list coinages so, 加强 普惠性、基础性), or after a noun of
// the person (绣娘 杨秀珍 在), and only when the person name model agrees.
#include "entities/extractor_impl.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

namespace {
// The longest run decoded (in characters): the runs the segmenter leaves to
// its HMM are short; a longer one is no running text a name stands in.
constexpr uint32_t kMaxPossegRun = 64;
// As a clause's subject, with posseg's nr: two characters more name-like
// than not (王选 0.4, 于敏 2.0; 苏修 -0.8 and 柳工 -2.0 are not); three as
// two must be elsewhere (孟晚舟 2.8, 宗庆后 3.3), for coinages of three read
// as names too (普惠性 0.6: a word and a suffix).
constexpr float kMinPossegSubjectLogOdds = 0.0f;
constexpr float kMinPossegLongSubjectLogOdds = 2.0f;
// After a noun (绣娘 杨秀珍 10.5): as sure as a word jieba tags a name must be
// (向雄安 4.3 and 罗勇府 4.4, a direction and a place, are not).
constexpr float kMinPossegAppositionLogOdds = 5.0f;
}  // namespace

void EntityExtractorImpl::add_posseg_names(const CharText& t, std::vector<PossegWord>& words,
                                           PossegScratch& scratch, std::vector<Candidate>& out) const {
  if (!posseg_ || !person_names_ || (posseg_nr_ < 0 && posseg_nrfg_ < 0)) return;
  const auto n = static_cast<uint32_t>(t.cps.size());
  // A token of the run jieba gives its HMM: one Han character, or Han
  // characters the lexicon does not know (the segmenter's HMM joined them).
  auto loose = [&](uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e; ++k) {
      if (!t.han(k)) return false;
    }
    // (The segmenter's word graph knows most words: no lookup for them.)
    return e - b == 1 || (!t.token_word[b].known() && !word_info(t, b, e));
  };
  auto person_tag = [&](uint16_t tag) { return tag == posseg_nr_ || tag == posseg_nrfg_; };
  auto verb_like = [](std::string_view tag) {
    return !tag.empty() && (tag[0] == 'v' || tag[0] == 'd' || tag[0] == 'p' || tag[0] == 'c' || tag == "m" ||
                            tag == "i" || tag == "l");
  };
  // By the surnames' characters where a name could be taken: those whose
  // two or three characters the name model finds name-like enough for the
  // place (most runs have none: decoding every run would double the entity
  // stage's work). The run holding one is decoded whole, once.
  uint32_t run_begin = 0, run_end = 0;  // the run decoded last
  for (uint32_t b = 0; b + 2 <= n; ++b) {
    if (!t.has(b, kSurname)) continue;
    // (Most surnames' characters stand inside a word the lexicon knows.)
    const uint32_t token = t.token_begin(b);
    if (b >= run_end && !loose(token, t.token_end_of[token])) continue;
    const float needed = opens_clause(t.cps, b) ? kMinPossegSubjectLogOdds : kMinPossegAppositionLogOdds;
    if (person_names_->log_odds(&t.cps[b], 2) < needed &&
        (b + 3 > n || person_names_->log_odds(&t.cps[b], 3) < needed)) {
      continue;
    }
    if (b >= run_end) {
      uint32_t rb = token;
      uint32_t re = t.token_end_of[rb];
      while (rb > 0 && t.han(rb - 1)) {
        const uint32_t before = t.token_begin(rb - 1);
        if (!loose(before, rb)) break;
        rb = before;
      }
      while (re < n && t.token_start(re) && loose(re, t.token_end_of[re])) re = t.token_end_of[re];
      run_begin = rb;
      run_end = re;
      words.clear();
      if (re - rb < 2 || re - rb > kMaxPossegRun || word_info(t, rb, re)) continue;
      posseg_->cut(&t.cps[rb], re - rb, words, scratch);
    }
    // The word of the run that starts at b.
    size_t k = 0;
    while (k < words.size() && run_begin + words[k].begin < b) ++k;
    if (k == words.size() || run_begin + words[k].begin != b) continue;
    const uint32_t e = run_begin + words[k].end;
    if (!person_tag(words[k].tag) || e - b < 2 || e - b > 3 || word_info(t, b, e)) continue;
    // The part of speech after the name: posseg's inside the run, the
    // lexicon's after it.
    std::string_view next;
    if (k + 1 < words.size()) {
      next = posseg_->tag_name(words[k + 1].tag);
    } else if (e < n && t.token_start(e)) {
      const auto w = word_info(t, e, t.token_end_of[e]);
      if (w && w->entity == EntityType::kNone) next = w->tag;
    }
    if (!verb_like(next)) continue;
    float min_log_odds = e - b == 3 ? kMinPossegLongSubjectLogOdds : kMinPossegSubjectLogOdds;
    if (!opens_clause(t.cps, b)) {
      // After a noun of the person (绣娘, 村民): posseg's noun inside the
      // run, the lexicon's before it; not a place's (泰国 罗勇府).
      std::string_view before;
      if (k > 0) {
        before = posseg_->tag_name(words[k - 1].tag);
      } else if (b > 0 && t.han(b - 1)) {
        const auto w = word_info(t, t.token_begin(b - 1), b);
        if (w && w->entity == EntityType::kNone) before = w->tag;
      }
      if (before != "n") continue;
      min_log_odds = kMinPossegAppositionLogOdds;
    }
    if (ends_like_village(t.cps, e) || surname_and_title(t, b, e) || city_pair_before_cue(t, b, e)) continue;
    if (person_names_->log_odds(&t.cps[b], e - b) < min_log_odds) continue;
    Candidate name{b, e, EntityType::kPerson, kRulePriority};
    name.model_may_retype = true;  // the model may read a place (武王墩)
    out.push_back(name);
  }
}

}  // namespace internal
}  // namespace zhpolicy
