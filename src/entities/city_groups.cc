// City groups: reports name a group of cities that plan and build together by
// one character of each (苏锡常, 长株潭, 呼包鄂乌, 成德眉资, 厦漳泉); no
// dictionary holds them all, and the segmenter cuts them anywhere (成德眉 资同
// 城化). The short forms of every prefecture-level city, by province, are
// data (src/data/entities/city_abbreviations.tsv, compiled into the library).
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entities/extractor_impl.h"
#include "util/data_lines.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

namespace {
#include "city_abbreviations_tsv.inc"

// Which provinces' cities a character is the short form of, one bit per
// province (34 at most): `slot[c]` is 0 for most characters, else 1 + the
// index of c's bits in `masks` (two bytes per BMP character, asked per token).
struct ShortForms {
  std::vector<uint16_t> slot = std::vector<uint16_t>(0x10000, 0);
  std::vector<uint64_t> masks;
  uint64_t provinces_of(char32_t c) const { return c < 0x10000 && slot[c] ? masks[slot[c] - 1] : 0; }
};

const ShortForms& short_forms() {
  static const ShortForms table = [] {
    ShortForms out;
    std::unordered_map<std::string_view, uint32_t> province_bit;
    for_each_data_line(kCityAbbreviationsTsv, [&](std::string_view line) {
      const size_t tab1 = line.find('\t');
      const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
      if (tab2 == std::string_view::npos) return;
      const std::string_view province = line.substr(0, tab1);
      const auto bit = province_bit.emplace(province, static_cast<uint32_t>(province_bit.size())).first->second;
      if (bit >= 64) return;
      for (char32_t c : to_u32(line.substr(tab2 + 1))) {
        if (c >= 0x10000) continue;
        if (!out.slot[c]) {
          out.masks.push_back(0);
          out.slot[c] = static_cast<uint16_t>(out.masks.size());
        }
        out.masks[out.slot[c] - 1] |= uint64_t{1} << bit;
      }
    });
    return out;
  }();
  return table;
}

}  // namespace

bool entity_detail::is_province_name(std::u32string_view name) {
  // The provinces and autonomous regions of the same data (not the four
  // municipalities: a city's name too), full (湖北省, 广西壮族自治区) and short
  // (湖北, 广西, 内蒙古).
  // (Asked with views into the text: the names are held once, the set
  // looks views up without building a string per question.)
  static const std::unordered_set<std::u32string> held = [] {
    std::unordered_set<std::u32string> out;
    for_each_data_line(kCityAbbreviationsTsv, [&](std::string_view line) {
      const std::u32string full = to_u32(line.substr(0, line.find('\t')));
      if (full.size() < 3) return;
      out.insert(full);
      if (full.back() == U'省') {
        out.insert(full.substr(0, full.size() - 1));
      } else if (full.size() > 5 && full.compare(full.size() - 3, 3, U"自治区") == 0) {
        out.insert(full.substr(0, full.compare(0, 3, U"内蒙古") == 0 ? 3 : 2));
      }
    });
    return out;
  }();
  static const std::unordered_set<std::u32string_view> names(held.begin(), held.end());
  return names.count(name) != 0;
}

namespace {

// Words that follow a group of two cities in reports (郑洛 协同, 西咸 一体化,
// 延榆 高铁): two characters alone could be a person's name (郑洛).
constexpr std::u32string_view kPairCues[] = {U"一体化", U"同城化", U"同城", U"协同", U"都市圈", U"城市群", U"经济圈",
                                             U"经济区", U"经济带", U"合作", U"高铁", U"铁路", U"城际", U"高速",
                                             U"通道", U"走廊", U"地区", U"区域", U"两地", U"双城"};
// Words a group's last character may be glued to (成德眉资 同城化 cut 资同 城化).
constexpr std::u32string_view kGluedCues[] = {U"同城", U"一体化", U"都市圈", U"城市群", U"协同"};

}  // namespace

bool EntityExtractorImpl::city_pair_before_cue(const CharText& t, uint32_t b, uint32_t e) const {
  if (e - b != 2 || !city_initial(t.cps[b]) || !city_initial(t.cps[b + 1])) return false;
  for (std::u32string_view cue : kPairCues) {
    if (t.matches(e, cue)) return true;
  }
  return false;
}

void EntityExtractorImpl::add_city_groups(const CharText& t, std::vector<Candidate>& out) const {
  const ShortForms& forms = short_forms();
  const auto n = static_cast<uint32_t>(t.cps.size());
  auto provinces_of = [&](uint32_t i) { return forms.provinces_of(t.cps[i]); };
  auto cue_at = [&](uint32_t at, const auto& cues) {
    for (std::u32string_view cue : cues) {
      if (t.matches(at, cue)) return true;
    }
    return false;
  };
  // A token a group may be made of: one the lexicon does not hold (an HMM
  // coinage: 苏锡常, 沈抚), a proper noun (中江 of 珠 中江), or one character
  // that is no verb, function word … (潭 of 长株 潭; not 和, 上, 都).
  auto group_token = [&](uint32_t b, uint32_t e) {
    const auto w = word_info(t, b, e);
    if (!w) return true;
    if (w->entity == EntityType::kPlace) return true;
    if (e - b == 1) return w->entity == EntityType::kNone && !is_stop_word_tag(w->tag);
    return w->entity == EntityType::kNone && is_proper_word_tag(w->tag) && (e - b >= 3 || !is_name_word_tag(w->tag));
  };
  // Groups found, in order: [begin, end) and whether it stands on its own
  // (three or more cities, or two before a cue).
  struct Group {
    uint32_t begin, end;
    bool sure;
  };
  std::vector<Group> groups;
  for (uint32_t b = 0; b + 1 < n; b = t.token_end_of[b] <= b || t.token_end_of[b] > n ? b + 1 : t.token_end_of[b]) {
    if (!t.token_start(b)) continue;
    uint64_t shared = provinces_of(b);
    if (!shared) continue;
    // The run of short forms of one province's cities, each city once.
    uint32_t e = b + 1;
    while (e < n && e - b < 5) {
      const uint64_t next = shared & provinces_of(e);
      if (!next) break;
      bool repeated = false;
      for (uint32_t k = b; k < e; ++k) repeated = repeated || t.cps[k] == t.cps[e];
      if (repeated) break;
      shared = next;
      ++e;
    }
    // (Two characters need a cue or a 、 after them: most runs are two,
    // read no further then.)
    if (e == b + 2 && !(e < n && t.cps[e] == U'、') && !cue_at(e, kPairCues) && !cue_at(e, kGluedCues)) continue;
    // The longest part of it that ends where a token does, or inside one
    // glued to a cue (资同 城化); its tokens group tokens, and it no word the
    // lexicon holds as anything but a place (通常, 平定 are words).
    for (; e >= b + 2; --e) {
      const bool at_token_end = e == n || t.token_start(e);
      if (!at_token_end && !cue_at(e, kGluedCues)) continue;
      bool tokens_ok = true;
      for (uint32_t k = b; k < e && tokens_ok;) {
        const uint32_t ke = t.token_end_of[k];
        if (ke == CharText::kNoToken || ke <= k) break;
        tokens_ok = ke > e ? !word_info(t, k, ke) : group_token(k, ke);
        k = ke;
      }
      if (!tokens_ok) continue;
      // (jieba's dictionary tags some groups a person's name: 苏锡常 nr, 宁镇扬 nr.)
      const auto whole = word_info(t, b, e);
      if (whole && whole->entity != EntityType::kPlace &&
          !(whole->entity == EntityType::kNone && is_proper_word_tag(whole->tag) &&
            (e - b >= 3 || !is_name_word_tag(whole->tag)))) {
        continue;
      }
      break;
    }
    if (e < b + 2) continue;
    // Directions are no group (西北, 南北 of 南北通道).
    bool directions = true;
    for (uint32_t k = b; k < e; ++k) directions = directions && std::u32string_view(U"东西南北中").find(t.cps[k]) != std::u32string_view::npos;
    if (directions) continue;
    groups.push_back({b, e, e - b >= 3 || cue_at(e, kPairCues)});
  }
  // Two cities before 、 and a group that stands on its own are a group too
  // (郑洛、郑许协同发展), right to left.
  for (size_t k = groups.size(); k-- > 0;) {
    Group& g = groups[k];
    if (g.sure || k + 1 >= groups.size()) continue;
    const Group& next = groups[k + 1];
    g.sure = next.sure && next.begin == g.end + 1 && t.cps[g.end] == U'、';
  }
  for (const Group& g : groups) {
    if (g.sure) out.push_back({g.begin, g.end, EntityType::kPlace, kRulePriority});
  }
}

}  // namespace internal
}  // namespace zhpolicy
