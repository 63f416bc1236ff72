// Bodies composed of parts: party + place + 委 (民革渝中区委), place + court
// (成渝金融法院), body + title (区委书记), named areas and lines of business,
// CPPCC committees (区政协提案委), and meetings (区政协十五届二次会议,
// 全国人大常委会第十三次会议).
#include "entities/extractor_impl.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

void EntityExtractorImpl::add_composed(const CharText& t, const std::vector<Candidate>& terms,
                                       std::vector<Candidate>& out, Workspace& ws) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // "What terms start here": terms come in start order (add_terms), so the
  // terms starting at a char are a run of them; first[at] is where it begins.
  // first[] is kNoTerm everywhere between calls: only the entries set here
  // are reset at the end, rather than clearing one per character.
  constexpr uint32_t kNoTerm = 0xFFFFFFFFu;
  std::vector<uint32_t>& first = ws.first;
  if (first.size() < n + 1) first.resize(n + 1, kNoTerm);
  struct Reset {
    const std::vector<Candidate>& terms;
    std::vector<uint32_t>& first;
    ~Reset() {
      for (const Candidate& c : terms) first[c.begin] = kNoTerm;
    }
  } reset{terms, first};
  std::vector<const Candidate*>& by_start = ws.by_start;
  by_start.resize(terms.size());
  for (size_t k = terms.size(); k-- > 0;) {
    first[terms[k].begin] = static_cast<uint32_t>(k);
    by_start[k] = &terms[k];
  }
  struct Range {
    const Candidate* const* b;
    const Candidate* const* e;
    const Candidate* const* begin() const { return b; }
    const Candidate* const* end() const { return e; }
  };
  auto starting_at = [&](uint32_t at) {
    if (at >= n || first[at] == kNoTerm) return Range{nullptr, nullptr};
    const Candidate* const* b = by_start.data() + first[at];
    const Candidate* const* e = b;
    const Candidate* const* last = by_start.data() + by_start.size();
    while (e != last && (*e)->begin == at) ++e;
    return Range{b, e};
  };
  auto term_at = [&](uint32_t at, EntityType type) {
    const Candidate* best = nullptr;
    for (const Candidate* c : starting_at(at)) {
      if (c->type == type && (!best || c->end > best->end)) best = c;
    }
    return best;
  };

  // A place term at `at` followed by one of `suffixes` is a body from
  // `begin` to the suffix's end.
  // With `whole_word`, the suffix must end a token (省人大 but not the
  // 人大 of 人大代表); with `numbered`, an ordinal may stand between.
  auto place_then_suffix = [&](uint32_t begin, uint32_t at, const auto& suffixes, bool whole_word = false,
                               bool numbered = false) {
    for (const Candidate* place : starting_at(at)) {
      if (place->type != EntityType::kPlace) continue;
      // (A court is numbered after its place: 北京市 第一 中级人民法院.)
      uint32_t after = place->end;
      if (numbered && after + 2 < n && t.cps[after] == U'第' && ordinal_digit(t, after + 1)) {
        after += 2;
      }
      // (The place's level may open the body's word when the segmenter cut
      // them so: 江北 区人民政府办公室 of 江北区.)
      // (Not when the place with its level is a term of its own: its own call composes it.)
      bool level_after = after + 1 < n && (t.cps[after] == U'省' || t.cps[after] == U'市' || t.cps[after] == U'区' ||
                                           t.cps[after] == U'县');
      for (const Candidate* other : starting_at(place->begin)) {
        level_after = level_after && !(other->type == EntityType::kPlace && other->end == after + 1);
      }
      for (const uint32_t from : {after, level_after ? after + 1 : after}) {
        bool found = false;
        for (std::u32string_view suffix : suffixes) {
          if (t.matches(from, suffix)) {
            const auto e = from + static_cast<uint32_t>(suffix.size());
            if (whole_word && e < n && !t.token_start(e)) break;
            // (With the level: only when the place and it are a place of our lists.)
            if (from != after) {
              const auto leveled = word_info(t, place->begin, from);
              if (!leveled || leveled->entity != EntityType::kPlace) break;
            }
            out.push_back({begin, e, EntityType::kGovernment, kRulePriority});
            found = true;
            break;
          }
        }
        if (found || !level_after) break;
      }
    }
  };
  // 民革渝中区委: party + place + body suffix. Or one word of jieba's
  // dictionary that a party opens and a body suffix ends, the place inside
  // it (中共湖南省委 nt: the places of a word that short are not looked for).
  for (uint32_t i : t.triggers) {
    if (!t.has(i, kPartyFirst)) continue;
    for (auto party : kParties) {
      if (!t.matches(i, party)) continue;
      place_then_suffix(i, i + static_cast<uint32_t>(party.size()), kPartyBodySuffixes);
      // A party's central committee (民建中央, 台盟中央委员会), a body as its
      // committees of a place are (中共中央 is a term of our lists).
      if (const uint32_t c = i + static_cast<uint32_t>(party.size()); party != U"中共" && t.matches(c, U"中央")) {
        const uint32_t e = c + 2 + (t.matches(c + 2, U"委员会") ? 3 : 0);
        if (e >= n || !t.han(e) || t.token_start(e)) out.push_back({i, e, EntityType::kGovernment, kRulePriority});
      }
      const uint32_t e = t.token_start(i) ? t.token_end_of[i] : CharText::kNoToken;
      if (e == CharText::kNoToken || e > n || e <= i + party.size() + 1) continue;
      const auto w = word_info(t, i, e);
      if (w && w->entity == EntityType::kNone && w->tag == "nt" &&
          ends_with_any(std::u32string_view(t.cps.data() + i, e - i), kPartyBodySuffixes)) {
        out.push_back({i, e, EntityType::kGovernment, kRulePriority});
      }
    }
  }
  // The other rules start at a term: visit each distinct term start (terms
  // are in start order).
  for (size_t k = 0; k < terms.size(); ++k) {
    const uint32_t i = terms[k].begin;
    if (k > 0 && terms[k - 1].begin == i) continue;
    // A state's mission in another: its place, 驻, the host's place (or the
    // one character news writes for China and its cities, 驻华, 驻港) and
    // the mission (中国驻南斯拉夫联邦共和国大使馆, 美国驻华大使馆); 驻美国使馆
    // without the state's own name (China's).
    auto mission_end = [&](uint32_t at) -> uint32_t {
      for (std::u32string_view mission : {U"大使馆", U"总领事馆", U"领事馆", U"使馆", U"代表团"}) {
        if (t.matches(at, mission)) return at + static_cast<uint32_t>(mission.size());
      }
      return 0;
    };
    for (const Candidate* place : starting_at(i)) {
      if (place->type != EntityType::kPlace) continue;
      const uint32_t pe = place->end;
      if (pe + 1 < n && t.cps[pe] == U'驻' &&
          std::u32string_view(U"华京沪港澳台").find(t.cps[pe + 1]) != std::u32string_view::npos) {
        if (const uint32_t e = mission_end(pe + 2)) out.push_back({i, e, EntityType::kGovernment, kRulePriority});
      }
      if (i == 0 || t.cps[i - 1] != U'驻') continue;
      // (The host by its state's full form too: 驻 南斯拉夫 联邦共和国 大使馆.)
      uint32_t host_end = pe;
      for (std::u32string_view form : {U"联邦共和国", U"民主共和国", U"人民共和国", U"共和国", U"合众国", U"王国", U"联邦"}) {
        if (t.matches(pe, form)) {
          host_end = pe + static_cast<uint32_t>(form.size());
          break;
        }
      }
      const uint32_t e = mission_end(host_end);
      if (e == 0) continue;
      uint32_t begin = i - 1;
      for (const Candidate& owner : terms) {
        if (owner.type == EntityType::kPlace && owner.end == i - 1) begin = std::min(begin, owner.begin);
      }
      // (Without the state, a host of one character names no one mission:
      // 新增 驻渝 总领事馆 2个.)
      if (begin == i - 1 && pe - i == 1) continue;
      out.push_back({begin, e, EntityType::kGovernment, kRulePriority});
    }
    // 成渝金融法院: place + court; 福建省政府: place + government.
    place_then_suffix(i, i, kCourtSuffixes, /*whole_word=*/false, /*numbered=*/true);
    place_then_suffix(i, i, kGovernmentSuffixes, /*whole_word=*/true);
    // 重庆(化龙桥)国际商务区, 重庆(渝中)涉外服务中心: place, a place in
    // brackets, then a named area, institution or company.
    for (const Candidate* outer : starting_at(i)) {
      if (outer->type != EntityType::kPlace || outer->end + 2 >= n) continue;
      const char32_t open = t.cps[outer->end];
      if (open != U'(' && open != U'（') continue;
      const Candidate* inner = term_at(outer->end + 1, EntityType::kPlace);
      if (!inner || inner->end >= n || (t.cps[inner->end] != U')' && t.cps[inner->end] != U'）')) continue;
      // The type a suffix ending at e gives, or kNone.
      auto suffix_type = [&](uint32_t e) {
        auto ends_in = [&](const auto& suffixes) {
          return ends_with_any(std::u32string_view(t.cps.data(), e), suffixes);
        };
        if (ends_in(kPlaceSuffixes)) return EntityType::kPlace;
        if (ends_in(kOrganizationSuffixes)) return EntityType::kOrganization;
        if (ends_in(kCompanySuffixes)) return EntityType::kCompany;
        return EntityType::kNone;
      };
      for (uint32_t e = inner->end + 2; e <= std::min(n, inner->end + 12); ++e) {
        const EntityType type = t.token_start(e) ? suffix_type(e) : EntityType::kNone;
        if (type != EntityType::kNone) {
          out.push_back({i, e, type, kRulePriority});
          break;
        }
        if (!t.han(e - 1)) break;
      }
    }
    // Teams, parties, media and bodies named by a place and what they are:
    // words jieba's dictionary tags as names of organizations (nt) or
    // other proper nouns (nz) that open with a place (中国足协, 巴西队,
    // 湖南卫视, 美国共和党, 香港特区政府, 长江日报), or a place and the
    // kind written as a word of its own (沙特 队, 重庆 日报) or with the
    // team's name (休斯敦 火箭队).
    for (const Candidate* place : starting_at(i)) {
      if (place->type != EntityType::kPlace || place->end >= n) continue;
      const uint32_t pe = place->end;
      const uint32_t token_end = t.token_end_of[i];
      uint32_t e = 0;
      if (t.token_start(i) && token_end != CharText::kNoToken && token_end > pe && token_end <= n) {
        const auto w = word_info(t, i, token_end);
        // (Or a word of any tag, or none, that is the place and a kind: 古巴队 n.)
        const std::u32string_view kind(t.cps.data() + pe, token_end - pe);
        const bool place_and_kind =
            std::find(std::begin(kPlaceNamedKinds), std::end(kPlaceNamedKinds), kind) != std::end(kPlaceNamedKinds);
        if ((!w || w->entity == EntityType::kNone) &&
            (place_and_kind || (w && tag_is(w->tag, {"nt", "nz"})))) {
          e = token_end;
        }
      } else if (t.token_start(pe) && t.token_end_of[pe] <= n) {
        const uint32_t kind_end = t.token_end_of[pe];
        if (std::u32string_view kind(t.cps.data() + pe, kind_end - pe);
            std::find(std::begin(kPlaceNamedKinds), std::end(kPlaceNamedKinds), kind) != std::end(kPlaceNamedKinds)) {
          e = kind_end;
        } else if (kind.size() == 3 && kind.back() == U'队' && pe - i >= 2 && t.han(pe) && t.han(pe + 1)) {
          // A team by its place and name as one word (休斯敦 火箭队, 广东 宏远队).
          e = kind_end;
        } else if (kind.size() == 2 && pe - i >= 2 && kind_end < n && t.cps[kind_end] == U'队' &&
                   t.token_end_of[kind_end] == kind_end + 1 && t.han(pe) && t.han(pe + 1) &&
                   !is_stop_word(word_info(t, pe, kind_end))) {
          // Or its name and 队 as words of their own (上海 海港 队).
          e = kind_end + 1;
        }
      }
      if (e == 0) continue;
      const EntityType type = place_named_body_type(std::u32string_view(t.cps.data() + pe, e - pe));
      if (type != EntityType::kNone) out.push_back({i, e, type, kRulePriority});
    }
    // 腾讯电竞: a company and its line of business.
    for (const Candidate* company : starting_at(i)) {
      if (company->type != EntityType::kCompany) continue;
      for (std::u32string_view line : {U"电竞", U"科技", U"控股", U"文化", U"传媒", U"音乐", U"视频", U"游戏",
                                       U"金融", U"汽车", U"地产", U"物流", U"健康", U"医疗", U"云"}) {
        if (t.matches(company->end, line) && t.token_start(company->end + line.size())) {
          out.push_back({i, static_cast<uint32_t>(company->end + line.size()), EntityType::kCompany, kRulePriority});
          break;
        }
      }
    }
    // 省发改委, 县公安局, (从)市卫健委: the level written right before a
    // body belongs to its name, when it is a word of its own, starts the
    // body's token, or ends a token the lexicon does not know (从市). The
    // longest body there (卫生健康委员会, not 卫生健康委 inside it).
    if (const Candidate* body = term_at(i, EntityType::kGovernment);
        body && i > 0 && std::u32string_view(U"省市区县州").find(t.cps[i - 1]) != std::u32string_view::npos) {
      const uint32_t lb = i - 1;
      bool own = false;
      if (t.token_start(lb)) {
        own = t.token_end_of[lb] == i || t.token_end_of[lb] >= body->end;
      } else {
        uint32_t pb = t.token_begin(lb);
        own = t.token_start(pb) && t.token_end_of[pb] == i && !word_info(t, pb, i);
        // A division by its full name and the body, one word of jieba's
        // dictionary or two (重庆市 公安局, 四川省 教育厅): the division's body,
        // one name as a place and its government are (福建省政府). (Not a
        // body that opens a title: 江北区 政协委员, as 渝中 | 区委书记.)
        const Candidate* division = term_at(pb, EntityType::kPlace);
        const Candidate* title = term_at(i, EntityType::kPosition);
        if (!own && division && division->end == i && t.token_start(pb) && i - pb >= 3 &&
            !(title && title->end > body->end)) {
          out.push_back({pb, body->end, EntityType::kGovernment, kRulePriority});
        }
      }
      // Not when the lexicon has the whole name (区政协): its term stays.
      const Candidate* whole = term_at(lb, EntityType::kGovernment);
      if (own && !(whole && whole->end >= body->end)) {
        out.push_back({lb, body->end, EntityType::kGovernment, kRulePriority});
      }
    }
    // 区委书记, 区政协党组书记, 区委副书记: body + title.
    for (const Candidate* body : starting_at(i)) {
      if (body->type != EntityType::kGovernment && body->type != EntityType::kOrganization) continue;
      if (const Candidate* title = term_at(body->end, EntityType::kPosition)) {
        out.push_back({i, title->end, EntityType::kPosition, kRulePriority});
      }
    }
  }
}

namespace {
// Words that class institutions rather than name one (省 重点 实验室, 县级 医院).
constexpr std::u32string_view kInstitutionClasses[] = {U"重点", U"县级", U"市级", U"省级", U"区级", U"县县级",
                                                       U"市县级", U"新型", U"公立", U"民营", U"综合"};
// A level written alone (区 教育局) or ending a division's name (南山区).
bool is_level_char(char32_t c) { return c == U'省' || c == U'市' || c == U'县' || c == U'区' || c == U'州'; }
// How the names of zones end (两江新区, 科技园, 科学城, 自贸港), and the words
// for their administrative committee or bureau.
constexpr std::u32string_view kZoneEnds[] = {U"区", U"园", U"城", U"港"};
constexpr std::u32string_view kZoneCommittees[] = {U"管理委员会", U"管委会", U"管理局"};
}  // namespace

void EntityExtractorImpl::add_place_administrations(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  const size_t found = out.size();
  for (size_t k = 0; k < found; ++k) {
    const Candidate& place = out[k];
    if (place.type != EntityType::kPlace || place.end - place.begin < 3 || place.end + 3 > n) continue;
    const std::u32string_view name(t.cps.data() + place.begin, place.end - place.begin);
    uint32_t body = 0;
    // A zone's administrative committee or bureau (两江新区 管委会, 重庆高新区
    // 管理委员会, 海口江东新区 管理局).
    if (ends_with_any(name, kZoneEnds)) body = t.first_match(place.end, kZoneCommittees);
    // A sub-district's office, a township's government (杨家坪街道 办事处, 七都镇 人民政府).
    if (body == 0 && ends_with_any(name, {U"街道", U"镇", U"乡"})) {
      body = t.first_match(place.end, {U"办事处", U"人民政府", U"政府"});
    }
    const uint32_t e = place.end + body;
    if (body != 0 && (e >= n || t.token_start(e))) {
      out.push_back({place.begin, e, EntityType::kGovernment, kRulePriority});
      continue;
    }
    // A division by its full name, then a department named as a level names
    // it (南山区 科创局, 鼓楼区 市场 监管局).
    if (t.token_start(place.end) && is_level_char(name.back())) {
      if (const uint32_t d = department_end(t, place.begin, place.end)) {
        out.push_back({place.begin, d, EntityType::kGovernment, kRulePriority});
      }
    }
  }
}

namespace {
// A word ending in a department's kind this frequent in jieba's dictionary is
// a common word (格局 4000+, 大局, 主办), one rarer a department's short name
// (社保局 3, 公安分局 3, 旅游委 5).
constexpr uint32_t kRareDepartmentFreq = 100;
constexpr uint32_t kMaxDepartment = 10;  // characters from the level (区住房城乡建设委 8)
}  // namespace

// A department of a level's or a division's government, named by the words
// of its work and its kind (区 人力 社保局, 区 住房 城乡建设 委, 区 公安 分局,
// 南山区 科创局). The lists hold the usual names (government_bodies.txt);
// every level names some its own way.
uint32_t EntityExtractorImpl::department_end(const CharText& t, uint32_t i, uint32_t from) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  int words = 0;
  for (uint32_t k = from; k < n && words < 4;) {
    const uint32_t e = t.token_end_of[k];
    if (e == CharText::kNoToken || e <= k || e > n || e - i > kMaxDepartment || !t.han(k)) return 0;
    const auto w = word_info(t, k, e);
    const std::u32string_view word(t.cps.data() + k, e - k);
    const bool head_word = ends_with_any(word, {U"委员会", U"办公室", U"分局", U"管委会"});
    const bool head_char = std::u32string_view(U"局委厅办").find(word.back()) != std::u32string_view::npos;
    // A word of the kind: the kind alone after the words of the work (区
    // 教育 局), or a rare word ending in it (社保局, 旅游委), not a common
    // word that ends so (格局, 大局, 主办, 餐厅).
    if ((head_word && words > 0) ||
        (head_char && (e - k == 1 ? words > 0 : !w || w->tag == "nt" || w->freq < kRareDepartmentFreq))) {
      return words > 0 || e - k >= 3 ? e : 0;
    }
    if (w && (w->entity != EntityType::kNone || !tag_is(w->tag, {"n", "nz", "vn", "l", "j"}))) return 0;
    ++words;
    k = e;
  }
  return 0;
}

void EntityExtractorImpl::add_level_institutions(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  constexpr uint32_t kMaxInstitution = 10;  // 市第一人民医院 7, 区妇幼保健院 6
  // Whether the level at i follows a place, whose rules name the whole
  // (丰都县人民医院).
  auto after_place = [&](uint32_t i) {
    if (i == 0 || !t.han(i - 1)) return false;
    const auto before = word_info(t, t.token_begin(i - 1), i);
    return before && (before->entity == EntityType::kPlace || before->tag == "ns");
  };
  // The institution's end when the level at i opens one, else 0.
  auto institution_end = [&](uint32_t i) -> uint32_t {
    uint32_t at = i + 1;
    const bool numbered = t.cps[at] == U'第' && at + 1 < n && ordinal_digit(t, at + 1);
    if (numbered) {
      at += 2;
      while (at < n && ordinal_digit(t, at)) ++at;
      if (at >= n || !t.token_start(at)) return 0;
    }
    // Words of the name, each a noun, up to one that ends in an
    // institution's head word.
    for (uint32_t k = at; k < n && k - i <= kMaxInstitution;) {
      const uint32_t e = t.token_end_of[k];
      if (e == CharText::kNoToken || e <= k || e > n || !t.han(k)) return 0;
      const auto w = word_info(t, k, e);
      if (!w || w->entity != EntityType::kNone || !tag_is(w->tag, {"n", "nt", "nz", "b"})) return 0;
      const std::u32string_view words(t.cps.data() + at, e - at);
      size_t head = 0;
      for (std::u32string_view suffix : kOrganizationSuffixes) {
        if (ends_with_any(words, {suffix})) head = std::max(head, suffix.size());
      }
      for (std::u32string_view suffix : {U"保健院", U"幼儿园"}) {
        if (ends_with_any(words, {suffix})) head = std::max(head, suffix.size());
      }
      if (head == 0) {
        k = e;
        continue;
      }
      if (e - i > kMaxInstitution) return 0;
      // A name before the head word, or the ordinal: without them it is a
      // kind of institution (县医院, 省实验室, 省重点实验室, 市县级医院).
      const std::u32string_view name = words.substr(0, words.size() - head);
      const bool kind = std::find(std::begin(kInstitutionClasses), std::end(kInstitutionClasses), name) !=
                        std::end(kInstitutionClasses);
      if (!numbered && (name.empty() || kind)) return 0;
      // With a campus named after it (市第三中心医院 东丽 院区, 市口腔医院 梅江 院区).
      if (e + 4 <= n && t.token_start(e) && t.token_end_of[e] == e + 2 && t.han(e) && t.han(e + 1) &&
          !is_stop_word(word_info(t, e, e + 2)) && (t.matches(e + 2, U"院区") || t.matches(e + 2, U"校区")) &&
          t.token_start(e + 2) && (e + 4 >= n || t.token_start(e + 4))) {
        return e + 4;
      }
      return e;
    }
    return 0;
  };
  // (Zones' kinds written short, 经开区, 综保区, or generally, 园区.)
  static constexpr std::u32string_view kShortZoneKinds[] = {U"经开区", U"综保区", U"园区"};
  // The level alone as a word (县 zg, 市 n), not the end of one (城市).
  for_each_token(t, [&](uint32_t i, uint32_t token_end) {
    if (token_end == i + 1 && i + 2 < n && is_level_char(t.cps[i])) {
      if (after_place(i)) return;
      if (const uint32_t e = institution_end(i)) {
        out.push_back({i, e, EntityType::kOrganization, kRulePriority});
      } else if (const uint32_t d = department_end(t, i, i + 1)) {
        out.push_back({i, d, EntityType::kGovernment, kRulePriority});
      }
      return;
    }
    // The committee of the zone a text is about, named by the zone's kind as
    // 区政府 is by its level (高新区 管委会, 经开区 管委会, 开发区 管理 委员会).
    if (token_end + 3 > n || t.cps[token_end] != U'管') return;
    const std::u32string_view kind(t.cps.data() + i, token_end - i);
    if (ends_with_any(kind, kZoneEnds) &&
        (std::find(std::begin(kPlaceSuffixes), std::end(kPlaceSuffixes), kind) != std::end(kPlaceSuffixes) ||
         std::find(std::begin(kShortZoneKinds), std::end(kShortZoneKinds), kind) != std::end(kShortZoneKinds))) {
      const uint32_t e = token_end + t.first_match(token_end, kZoneCommittees);
      if (e > token_end && (e >= n || t.token_start(e))) out.push_back({i, e, EntityType::kGovernment, kRulePriority});
    }
  });
}

void EntityExtractorImpl::add_committees(const CharText& t, std::vector<Candidate>& out) const {
  // A scan of a few characters on the decoded text: an anchored regex here
  // cost a DFA walk per 政协, and its states crowded the segmenter's trie
  // out of the cache.
  const auto n = static_cast<uint32_t>(t.cps.size());
  for_each_anchor(t, U"政协", [&](uint32_t i) {
    // The first 委 or 联组 after at least one Han character, within 14.
    const uint32_t name = i + 2;
    uint32_t e = 0;
    for (uint32_t at = name + 1; at <= name + 14 && at < n && t.han(at - 1); ++at) {
      if (t.cps[at] == U'委') {
        e = at + (t.matches(at, U"委员会") ? 3 : 1);
        break;
      }
      if (t.cps[at] == U'联' && at + 1 < n && t.cps[at + 1] == U'组') {
        e = at + 2;
        break;
      }
    }
    if (e == 0) return;
    uint32_t b = i;
    // The level written before 政协 belongs to the name: 区政协, 全国政协.
    if (b >= 2 && t.matches(b - 2, U"全国")) {
      b -= 2;
    } else if (b >= 1 && std::u32string_view(U"区市县省").find(t.cps[b - 1]) != std::u32string_view::npos) {
      b -= 1;
    }
    out.push_back({b, e, EntityType::kGovernment, kRulePriority});
  });
}

void EntityExtractorImpl::add_regex(const RE2& re, std::string_view text, const CharText& t, EntityType type,
                                    std::vector<Candidate>& out, size_t from) const {
  re2::StringPiece input(text.data(), text.size()), m;
  size_t pos = from;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto b = static_cast<uint32_t>(m.data() - text.data());
    const auto e = static_cast<uint32_t>(b + m.size());
    const uint32_t cb = t.char_index(b), ce = t.char_index(e);
    if (ce > cb) out.push_back({cb, ce, type, kRulePriority});
    pos = std::max<size_t>(e, b + 1);
  }
}

void EntityExtractorImpl::add_regex_near(const RE2& re, std::u32string_view literal, std::string_view text,
                                         const CharText& t, EntityType type, std::vector<Candidate>& out,
                                         std::string_view before, std::string_view after) const {
  constexpr size_t kBefore = 60, kAfter = 90;  // bytes: longer than any match around the literal
  // Windows around every occurrence, merged where they overlap, so that no
  // match is cut between two windows.
  size_t win_b = 0, win_e = 0;
  auto flush = [&] {
    if (win_e > win_b) add_regex(re, text.substr(0, win_e), t, type, out, win_b);
  };
  for_each_anchor(t, literal, [&](uint32_t i) {
    const size_t at = t.byte_at[i], literal_end = t.byte_at[i + literal.size()];
    size_t b = at > kBefore ? at - kBefore : 0;
    while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;  // a character start
    size_t e = std::min(text.size(), literal_end + kAfter);
    while (e < text.size() && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) ++e;
    // Literals every match also has before or after this one: most 届 are not meetings.
    if (!before.empty() && text.substr(b, at - b).find(before) == std::string_view::npos) return;
    if (!after.empty() && text.substr(literal_end, e - literal_end).find(after) == std::string_view::npos) return;
    if (b <= win_e && win_e > win_b) {
      win_e = std::max(win_e, e);
    } else {
      flush();
      win_b = b;
      win_e = e;
    }
  });
  flush();
}

void EntityExtractorImpl::add_numbered_sessions(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // Longest first: the first kind that matches is taken.
  static constexpr std::u32string_view kSessions[] = {U"全国代表大会", U"全体会议", U"常务会议", U"代表大会", U"党代会",
                                                      U"会议", U"全会", U"会晤"};
  const size_t found = out.size();
  for (size_t k = 0; k < found; ++k) {
    const Candidate body = out[k];
    if (body.type != EntityType::kGovernment && body.type != EntityType::kOrganization) continue;
    // The council or gathering of the body's members, in up to three words
    // (上海合作组织 成员国 元首 理事会 第二十五次会议).
    uint32_t at = body.end;
    for (int words = 0; words < 3 && at < n && t.cps[at] != U'第' && t.token_start(at); ++words) {
      const uint32_t we = t.token_end_of[at];
      // (Nouns: jieba tags 元首 a time word.)
      const auto w = we <= n && we - at >= 2 && t.han(at) ? word_info(t, at, we) : std::nullopt;
      if (!w || (w->tag[0] != 'n' && w->tag != "t" && w->tag != "j")) break;
      at = we;
    }
    if (at != body.end && t.cps[at - 1] != U'会') continue;
    if (at + 4 > n || t.cps[at] != U'第') continue;
    uint32_t e = at + 1;
    while (e < n && e - at <= 4 && ordinal_digit(t, e)) ++e;
    if (e == at + 1 || e >= n || t.cps[e] != U'次') continue;
    ++e;
    const uint32_t kind = t.first_match(e, kSessions);
    if (kind == 0) continue;
    // With the body's term written before it (十四届 全国人大常委会, 第十四届 …).
    out.push_back({edition_start(t, body.begin, /*bare=*/true), e + kind, EntityType::kMeeting, kRulePriority});
  }
}

}  // namespace internal
}  // namespace zhpolicy
