// Targets: for each number that measures something, the indicator it
// measures, how (a rise, a fall, a level), and whether the clause states a
// goal or a result.
//
// The method, clause by clause (a sentence cut at 。；！？ and line ends):
//   - numbers joined by 、/和 are one list (分别增长 9.4%、13.3%、6.1%);
//   - a count of things with a measure word and a noun after it measures that
//     noun when a verb or a clause start stands before it (建设 5家 省级中心);
//   - otherwise the indicator is the run of words before the number, past
//     the words that link them (增长, 达到, 控制在, 分别, 同比 …), cut before a
//     comparison (较“十三五”时期), without the cues, scope words and light
//     verbs it opens with (力争, 全年, 实施); a run of parts written with 、/和
//     pairs part by part with a list of numbers, or shares one number;
//   - 从A提高到B gives A as the level reached before and B as the new level;
//   - a clause without an indicator of its own (…1450亿元，增长6.1%) takes
//     the one before it in the sentence;
//   - the relation is the link words' (增长 → increase, 下降 → decrease,
//     提高到 → level), level when none or when the indicator names a rate
//     of change (涨幅, 增速);
//   - the modality is the nearest cue in the sentence (力争, 预期目标 →
//     target; 比上年, 累计 → actual), else the report section's (or a plan
//     title's: …工作要点), else
//     target for a number stated with 左右/以上/以内 and actual otherwise.
#include "targets/extractor_impl.h"

#include <algorithm>
#include <unordered_map>

#include "lexicon/lexicon_data.h"
#include "targets/boundary_model.h"
#include "targets/cues.h"
#include "zhpolicy/targets.h"

namespace zhpolicy {
namespace internal {
using namespace target_detail;
using target_cues::in;

namespace {

// Which word lists of cues.h hold a word, as bits, from one hash lookup
// (the lists are asked about every word near every number).
enum CueList : uint32_t {
  kLinkList = 1,
  kIncreaseList = 2,
  kDecreaseList = 4,
  kReachList = 8,
  kComparisonList = 16,
  kLeadingList = 32,
  kTargetCueList = 64,
  kActualCueList = 128,
  kProgrammeList = 256,
  kDifferenceList = 512,
};

uint32_t lists_of(std::string_view word) {
  static const std::unordered_map<std::string_view, uint32_t> index = [] {
    std::unordered_map<std::string_view, uint32_t> m;
    auto add = [&m](const auto& words, uint32_t bit) {
      for (std::string_view w : words) m[w] |= bit;
    };
    add(target_cues::kLinks, kLinkList);
    add(target_cues::kIncrease, kIncreaseList);
    add(target_cues::kDecrease, kDecreaseList);
    add(target_cues::kReachWords, kReachList);
    add(target_cues::kComparisons, kComparisonList);
    add(target_cues::kLeading, kLeadingList);
    add(target_cues::kTargetCues, kTargetCueList);
    add(target_cues::kActualCues, kActualCueList);
    add(target_cues::kProgrammeParts, kProgrammeList);
    add(target_cues::kDifferences, kDifferenceList);
    return m;
  }();
  const auto it = index.find(word);
  return it == index.end() ? 0 : it->second;
}

bool in_list(const Item& it, uint32_t lists) { return it.kind == Item::kWord && (lists_of(it.text) & lists) != 0; }

bool is_han_word(const Item& it) {
  if (it.kind != Item::kWord || it.text.empty()) return false;
  const auto c = static_cast<unsigned char>(it.text[0]);
  return c >= 0xE4 && c <= 0xE9;  // U+4E00..U+9FFF
}
// Quotation marks and title marks stay inside an indicator (“十三五”时期).
bool is_quote(const Item& it) {
  return it.kind == Item::kMark && (it.text == "“" || it.text == "”" || it.text == "\"" || it.text == "‘" ||
                                    it.text == "’" || it.text == "《" || it.text == "》");
}
bool is_word(const Item& it, std::string_view w) { return it.kind == Item::kWord && it.text == w; }
bool is_list_joint(const Item& it) {
  // (The normalized view writes ， as ",": a comma ends a clause, it joins no list.)
  return (it.kind == Item::kMark && it.text == "、") ||
         (it.kind == Item::kWord && (it.text == "和" || it.text == "及" || it.text == "与" || it.text == "以及"));
}
bool is_link(const Item& it) {
  return in_list(it, kLinkList | kIncreaseList | kDecreaseList | kReachList);
}
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Items [first, last) of an indicator.

// Drops what opens or closes a run of words without naming what is
// measured: cues, scope and time words, light verbs, dates, marks, 的.
Range trim(const std::vector<Item>& items, Range r) {
  while (!r.empty()) {
    const Item& it = items[r.first];
    const bool scope = it.place && r.last - r.first > 1;
    if (it.kind == Item::kOtherNumber || it.kind == Item::kMark || in_list(it, kLeadingList) ||
        is_list_joint(it) || scope) {
      ++r.first;
    } else {
      break;
    }
  }
  while (!r.empty()) {
    const Item& it = items[r.last - 1];
    if ((it.kind == Item::kMark && !is_quote(it)) || it.kind == Item::kOtherNumber || is_word(it, "的") ||
        is_list_joint(it) || is_link(it)) {
      --r.last;
    } else {
      break;
    }
  }
  return r;
}

// The relation that the link words between indicator and number give.
TargetRelation relation_of(const std::vector<Item>& items, size_t first, size_t last, std::string_view indicator) {
  TargetRelation r = TargetRelation::kLevel;
  for (size_t k = first; k < last; ++k) {
    const Item& it = items[k];
    if (it.kind != Item::kWord) continue;
    if (k == first && it.text.size() > 6) {
      // A word that ends in the relation (价格上涨): read its end.
      for (std::string_view rel : target_cues::kIncrease) {
        if (rel.size() >= 6 && ends_with(it.text, rel)) r = TargetRelation::kIncrease;
      }
      for (std::string_view rel : target_cues::kDecrease) {
        if (rel.size() >= 6 && ends_with(it.text, rel)) r = TargetRelation::kDecrease;
      }
      continue;
    }
    const uint32_t lists = lists_of(it.text);
    if ((lists & kReachList) && it.text != "达到") {
      r = TargetRelation::kLevel;  // 提高到, 增至: the level reached
    } else if (lists & kIncreaseList) {
      r = TargetRelation::kIncrease;
    } else if (lists & kDecreaseList) {
      r = TargetRelation::kDecrease;
    }
  }
  for (std::string_view rate : {"涨幅", "增速", "增幅", "增长率", "降幅", "增长"}) {
    if (ends_with(indicator, rate)) return TargetRelation::kLevel;
  }
  return r;
}

enum class Cue { kNone, kTarget, kActual };

Cue cue_of(const std::vector<Item>& items, size_t k, size_t sentence_end) {
  const Item& it = items[k];
  if (it.kind != Item::kWord) return Cue::kNone;
  // 到 before a date: a deadline (到2030年).
  if (it.text == "到" && k + 1 < sentence_end && items[k + 1].kind == Item::kOtherNumber) return Cue::kTarget;
  const uint32_t lists = lists_of(it.text);
  if (lists & kTargetCueList) return Cue::kTarget;
  if (lists & kActualCueList) return Cue::kActual;
  return Cue::kNone;
}

}  // namespace

TargetExtractorImpl::TargetExtractorImpl(Lexicon lexicon, bool use_model) : lexicon_(std::move(lexicon)) {
  const std::string_view model = lexicon_.data().base.target_model();
  if (use_model && !model.empty()) boundary_.emplace(model);
}

std::string_view TargetExtractorImpl::tag_of(std::string_view word) const {
  const ZplView* view = nullptr;
  const format::WordEntry* w = lexicon_.data().find_word(word, &view);
  return w ? view->tag(w->tag) : std::string_view();
}

bool TargetExtractorImpl::is_verb(std::string_view word) const {
  const std::string_view tag = tag_of(word);
  return !tag.empty() && tag[0] == 'v';
}

void TargetExtractorImpl::choose_start(const NormalizedText& nt, const std::vector<Item>& items, size_t run_begin,
                                       Range& run, int32_t number, std::vector<BoundaryCase>* cases) const {
  const TagOf tags = [this](std::string_view w) { return tag_of(w); };
  BoundaryCase c;
  c.number_index = static_cast<uint32_t>(number);
  std::vector<uint64_t> features;
  float best = 0;
  size_t best_k = run.first;
  bool scored = false;
  for (size_t k = run_begin; k < run.last; ++k) {
    if (items[k].kind != Item::kWord) continue;
    features.clear();
    start_features(items, k, run_begin, run.first, run.last, tags, features);
    if (boundary_) {
      // The rules' start wins ties: the model must prefer another.
      const float s = boundary_->score(features);
      if (!scored || s > best || (s == best && k == run.first)) {
        best = s;
        best_k = k;
        scored = true;
      }
    }
    if (cases) {
      if (k == run.first) c.rule_choice = c.spans.size();
      c.spans.push_back(nt.original_span({items[k].begin, items[run.last - 1].end - run.cut}));
      c.features.push_back(features);
    }
  }
  if (cases && !c.spans.empty()) cases->push_back(std::move(c));
  if (boundary_) run.first = best_k;
}

std::vector<Target> TargetExtractorImpl::extract(const NormalizedText& nt, const std::vector<Token>& tokens,
                                                 const std::vector<Number>& numbers,
                                                 const std::vector<Entity>& entities,
                                                 std::vector<BoundaryCase>* cases,
                                                 SectionState* section_state) const {
  std::vector<Target> out;
  bool any_value = false;
  for (const Number& n : numbers) {
    any_value = any_value || n.kind == NumberKind::kPercent || n.kind == NumberKind::kMoney ||
                n.kind == NumberKind::kQuantity || n.kind == NumberKind::kFraction;
  }
  // The sections are read even without a value: a later piece of the text needs them.
  const Sections sections = section_state || any_value ? find_sections(nt.normalized, section_state) : Sections();
  if (!any_value) return out;
  const std::vector<Item> items = make_items(nt, tokens, numbers, entities);

  auto text_of = [&](Range r) {
    return std::string_view(nt.normalized)
        .substr(items[r.first].begin, items[r.last - 1].end - r.cut - items[r.first].begin);
  };
  // The modality of number item i in the sentence [s, e).
  // Each item's cue, found once (a sentence's numbers share its words).
  std::vector<uint8_t> cues(items.size(), 0);  // 0: not yet, else 1 + Cue
  auto cue_at = [&](size_t k, size_t e) {
    if (!cues[k]) cues[k] = static_cast<uint8_t>(1 + static_cast<int>(cue_of(items, k, e)));
    return static_cast<Cue>(cues[k] - 1);
  };
  auto modality_of = [&](size_t s, size_t e, size_t i) {
    for (size_t k = i; k-- > s;) {
      const Cue c = cue_at(k, e);
      if (c != Cue::kNone) return c == Cue::kTarget ? TargetModality::kTarget : TargetModality::kActual;
    }
    for (size_t k = i + 1; k < e; ++k) {
      const Cue c = cue_at(k, e);
      if (c != Cue::kNone) return c == Cue::kTarget ? TargetModality::kTarget : TargetModality::kActual;
    }
    switch (sections.at(items[i].begin)) {
      case SectionModality::kActual: return TargetModality::kActual;
      case SectionModality::kTarget: return TargetModality::kTarget;
      case SectionModality::kNone: break;
    }
    const Qualifier q = numbers[static_cast<size_t>(items[i].number)].qualifier;
    return q == Qualifier::kNone || q == Qualifier::kGt ? TargetModality::kActual : TargetModality::kTarget;
  };
  auto emit = [&](Range indicator, size_t number_item, TargetRelation relation, TargetModality modality,
                  float score) {
    const std::string_view name = text_of(indicator);
    Target t;
    t.indicator = nt.original_span({items[indicator.first].begin, items[indicator.last - 1].end - indicator.cut});
    t.canonical = std::string(names_.canonical(name));
    t.relation = relation;
    t.modality = modality;
    t.number_index = static_cast<uint32_t>(items[number_item].number);
    t.number = numbers[t.number_index];
    t.score = score;
    if (t.indicator.begin < t.indicator.end) out.push_back(std::move(t));
  };

  for (size_t s = 0; s < items.size();) {
    size_t e = s;
    while (e < items.size() && items[e].kind != Item::kEnd) ++e;
    Range previous;  // the indicator of the sentence's last record
    for (size_t i = s; i < e; ++i) {
      if (items[i].kind != Item::kValue) continue;
      const Number& number = numbers[static_cast<size_t>(items[i].number)];

      // 8项行动, 20万吨级: counts of a programme's parts and grades measure nothing.
      if (i + 1 < e && items[i + 1].kind == Item::kWord &&
          (in_list(items[i + 1], kProgrammeList) || items[i + 1].text.substr(0, 3) == "级")) {
        continue;
      }

      // 从A提高到B: A the level before, B the new one.
      // (从/由 may stand before a time: 由上年729万人增加到732万人.)
      size_t from = i;
      if (i > s && (is_word(items[i - 1], "从") || is_word(items[i - 1], "由"))) {
        from = i - 1;
      } else if (i > s + 1 && (is_word(items[i - 2], "从") || is_word(items[i - 2], "由")) &&
                 (items[i - 1].kind == Item::kOtherNumber || in_list(items[i - 1], kLeadingList))) {
        from = i - 2;
      }
      if (from < i) {
        size_t j = i + 1;
        while (j < e && j < i + 4 && is_link(items[j])) ++j;
        if (j < e && j > i + 1 && items[j].kind == Item::kValue) {
          size_t q = from;
          while (q > s && items[q - 1].kind == Item::kWord && !is_list_joint(items[q - 1])) --q;
          const Range r = trim(items, {q, from});
          if (!r.empty()) {
            emit(r, i, TargetRelation::kLevel, TargetModality::kActual, 0.7f);
            emit(r, j, TargetRelation::kLevel, modality_of(s, e, j), 0.7f);
            previous = r;
            i = j;
            continue;
          }
        }
      }

      // 快于全国 9.2 个百分点: a difference from another figure.
      bool difference = false;
      for (size_t k = i; k > s && k + 4 > i; --k) {
        if (items[k - 1].kind == Item::kMark) break;
        const Item& it = items[k - 1];
        difference = difference || in_list(it, kDifferenceList);
        // 快 于 as two words.
        if (it.kind == Item::kWord && it.text == "于" && k >= 2 && items[k - 2].kind == Item::kWord) {
          const std::string joined = std::string(items[k - 2].text) + "于";
          difference = difference || (lists_of(joined) & kDifferenceList) != 0;
        }
      }
      if (difference) {
        // …and the values listed with it (快于全国3.4个、1个百分点).
        while (i + 2 < e && is_list_joint(items[i + 1]) && items[i + 2].kind == Item::kValue) i += 2;
        continue;
      }

      // A list of numbers: i, and the values joined to it by 、/和.
      std::vector<size_t> list{i};
      while (list.back() + 2 < e && is_list_joint(items[list.back() + 1]) &&
             items[list.back() + 2].kind == Item::kValue) {
        list.push_back(list.back() + 2);
      }

      // A share of something: 90%的化工园区降至较低风险等级 (the rest of the clause says of what).
      if (list.size() == 1 && number.kind == NumberKind::kPercent && i + 2 < e && is_word(items[i + 1], "的") &&
          is_han_word(items[i + 2])) {
        size_t last = i + 2;
        while (last < e && (items[last].kind == Item::kWord || is_quote(items[last])) &&
               !is_list_joint(items[last])) {
          ++last;
        }
        Range r = trim(items, {i + 2, last});
        if (!r.empty()) {
          emit(r, i, TargetRelation::kLevel, modality_of(s, e, i), 0.6f);
          previous = r;
          continue;
        }
      }

      // A counted thing after the number: (建设) 5家 省级概念验证中心; or
      // money raised for what follows: 筹措 7亿元 实施就业惠民工程.
      const bool counted = number.kind == NumberKind::kQuantity && in(target_cues::kCounters, number.unit);
      const bool funds = number.kind == NumberKind::kMoney && i > s && items[i - 1].kind == Item::kWord &&
                         is_verb(items[i - 1].text) && (i - 1 == s || items[i - 2].kind == Item::kMark);
      if (list.size() == 1 && (counted || funds) && i + 1 < e && is_han_word(items[i + 1]) &&
          !is_link(items[i + 1])) {
        // Not after a link (增至26个 机构): then the number closes its clause's indicator.
        const bool opens = i == s || !is_link(items[i - 1]);
        if (opens) {
          size_t last = i + 1;
          while (last < e && items[last].kind == Item::kWord && !is_list_joint(items[last])) ++last;
          const Range r = trim(items, {i + 1, last});
          if (!r.empty()) {
            emit(r, i, TargetRelation::kLevel, modality_of(s, e, i), 0.6f);
            previous = r;
            continue;
          }
        }
      }

      // The words before the number: links next to it, then the indicator.
      size_t p = i;
      while (p > s && (is_link(items[p - 1]) || (items[p - 1].kind == Item::kOtherNumber && p - 1 > s &&
                                                  is_link(items[p - 2])))) {
        --p;
      }
      const size_t links_begin = p;
      size_t zone_end = p;
      // A note in brackets after the indicator: 业主委员会（物业管理委员会）1000个.
      if (p > s && items[p - 1].kind == Item::kMark && (items[p - 1].text == "）" || items[p - 1].text == ")")) {
        size_t q = p - 1;
        while (q > s && !(items[q].kind == Item::kMark && (items[q].text == "（" || items[q].text == "("))) --q;
        if (items[q].kind == Item::kMark && (items[q].text == "（" || items[q].text == "(")) zone_end = p = q;
      }
      std::vector<Range> parts;
      size_t part_end = zone_end;
      size_t q = zone_end;
      while (q > s) {
        const Item& it = items[q - 1];
        if (it.kind == Item::kValue || it.kind == Item::kEnd) break;
        if (is_list_joint(it)) {
          parts.push_back({q, part_end});
          part_end = q - 1;
          --q;
          continue;
        }
        if (it.kind == Item::kMark && !is_quote(it)) break;
        --q;
      }
      parts.push_back({q, part_end});
      std::reverse(parts.begin(), parts.end());
      // A joint with nothing before it is no list: 和 opening the run.
      parts.erase(std::remove_if(parts.begin(), parts.end(), [](const Range& r) { return r.empty(); }), parts.end());

      // A comparison ends the last part (高价值发明专利 较“十三五”时期 增长).
      size_t relation_from = links_begin;
      if (!parts.empty()) {
        Range& last = parts.back();
        for (size_t k = last.first; k < last.last; ++k) {
          if (in_list(items[k], kComparisonList)) {
            relation_from = k;
            last.last = k;
            break;
          }
        }
      }
      const std::vector<Range> raw = parts;  // before trimming: what the model chooses from
      for (Range& r : parts) r = trim(items, r);
      // 居民消费价格上涨 0.1%: the relation word the segmenter joined to the last word.
      if (!parts.empty() && !parts.back().empty() && parts.back().last == links_begin) {
        Range& last = parts.back();
        const std::string_view word = items[last.last - 1].text;
        for (std::string_view rel : {"上涨", "增长", "下降", "提高", "减少", "增加", "上升", "降低"}) {
          if (word.size() > rel.size() && ends_with(word, rel)) {
            last.cut = static_cast<uint32_t>(rel.size());
            relation_from = last.last - 1;
            break;
          }
        }
      }
      parts.erase(std::remove_if(parts.begin(), parts.end(), [](const Range& r) { return r.empty(); }), parts.end());
      // One run for one number: the model (if any) picks where it starts.
      if (list.size() == 1 && parts.size() == 1 && raw.size() == 1 && (boundary_ || cases)) {
        choose_start(nt, items, raw[0].first, parts[0], items[i].number, cases);
      }
      float score = 0.75f;
      if (parts.empty()) {
        if (previous.empty()) continue;
        parts.push_back(previous);  // …1450亿元，增长6.1%
        score = 0.6f;
      }
      if (list.size() > 1 && parts.size() > list.size()) {
        parts.erase(parts.begin(), parts.end() - static_cast<std::ptrdiff_t>(list.size()));
      }
      for (size_t n = 0; n < list.size(); ++n) {
        const size_t item = list[n];
        const bool paired = parts.size() == list.size();
        // One number for parts written with 、: each part's when 均/都 says
        // so (粮食、蔬菜产量均…), else the whole run's (中试平台、概念验证中心 10家).
        bool each = false;
        for (size_t k = links_begin; k < i; ++k) each = each || is_word(items[k], "均") || is_word(items[k], "都");
        const std::vector<Range> mine =
            paired ? std::vector<Range>{parts[n]}
            : list.size() > 1 ? std::vector<Range>{parts.back()}
            : each ? parts
                   : std::vector<Range>{Range{parts.front().first, parts.back().last}};
        for (const Range& r : mine) {
          emit(r, item, relation_of(items, relation_from, i, text_of(r)), modality_of(s, e, item),
               paired || mine.size() == 1 ? score : score - 0.15f);
          previous = r;
        }
      }
      i = list.back();
    }
    s = e + 1;
  }
  return out;
}

}  // namespace internal
}  // namespace zhpolicy
