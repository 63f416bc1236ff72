// Enumerations: the members of a list written with 、 are of one kind. A list
// whose members are all places or name-like words (unknown coinages, words
// jieba tags as place or personal names), with at least one known place or
// two words tagged as places, is a list of places: 德令哈、格尔木、西宁;
// 枣阳、枝江、汉川、天门等. A list closed by 等 and a word for firms is one of
// firms (吉能、交投等企业). Bodies listed with a government body found that
// end in its head character are bodies too (农业部、纺织工业部); events listed
// with an event found that end in a word of events are events (智博会、国才会).
#include <algorithm>

#include "entities/extractor_impl.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

namespace {

enum class MemberKind { kPlace, kPlaceWord, kNameWord, kOther };

// Tags of words that may be names no list holds: jieba's place tag first.
constexpr std::string_view kPlaceWordTag = "ns";
constexpr std::string_view kNameWordTags[] = {"nr", "nrt", "nrfg"};
// Words for places after 等 and a count: the list before them is of places.
constexpr std::u32string_view kPlaceCountWords[] = {U"县市", U"市县", U"县区", U"区县", U"城市", U"地市", U"省份",
                                                    U"省区市", U"省市", U"国家", U"地区", U"乡镇", U"县", U"市",
                                                    U"省", U"区", U"乡", U"镇", U"村", U"地",
                                                    // quarters, sites and waters (白沙洲、南湖、鲁巷等商圈)
                                                    U"商圈", U"片区", U"街区", U"景区", U"湖泊", U"河流", U"港口"};
// Words that rank or qualify those kinds, between 等 and the kind (等特色街区).
constexpr std::u32string_view kPlaceKindRanks[] = {U"特色", U"重点", U"核心", U"知名", U"主要", U"热门", U"传统"};
// Words for firms after 等 and a count: the list before them is of firms.
constexpr std::u32string_view kFirmCountWords[] = {U"企业", U"央企", U"国企", U"民企", U"外企", U"公司", U"集团"};
// Ranks written before those words (等 龙头 企业, 等 重点 外企).
constexpr std::u32string_view kFirmRanks[] = {U"龙头", U"领军", U"头部", U"重点", U"骨干", U"链主", U"知名", U"标杆"};
// How name-like (person name model log-odds, the members' mean) a list of
// name-shaped members must be to be a list of persons when none of them is
// a person found: the model scores common given names low (周洁 -1.1, 林洁
// -0.1), and lists of such shape are rare in the reports but of persons.
constexpr float kMinListNameLogOdds = -1.5f;
// Bodies listed with a government body found, by the head character they
// share (教育部、交通部; 国家计委和国家经委), of at most kMaxListedBody
// characters; a common word ending so is none (kCommonBodyWordFreq).
constexpr std::u32string_view kListedBodyHeads = U"部委局厅署办";
constexpr uint32_t kMaxListedBody = 8;
constexpr uint32_t kCommonBodyWordFreq = 1000;
// Events listed with an event found (智博会、西洽会、国才会) end in one of
// these, in at most kMaxListedEvent characters.
constexpr std::u32string_view kListedEventHeads[] = {U"会", U"会议", U"论坛", U"节", U"赛", U"荟", U"杯", U"展"};
constexpr uint32_t kMaxListedEvent = 16;
// Firms listed with a firm found (华为、中兴、小米): one token of two to
// kMaxListedFirm characters; a rare common noun only when 等 and a word for
// firms close the list (…等企业, …等龙头企业), not one for their people
// (企业家).
constexpr uint32_t kMaxListedFirm = 4;
constexpr std::u32string_view kFirmWords[] = {U"企业", U"公司", U"集团", U"车企", U"厂商", U"品牌"};
// Verbs that hold events: an event listed opens after them.
constexpr std::u32string_view kHoldingVerbs[] = {U"举办", U"办好", U"承办", U"召开", U"举行", U"主办", U"落实", U"开展"};
// An event's word this frequent is a kind (音乐节, 运动会), not a name.
constexpr uint32_t kCommonEventWordFreq = 100;
// Nouns of the land along or about places, after a list of them.
constexpr std::u32string_view kAroundPlaces[] = {U"流域", U"沿岸", U"两岸", U"沿线", U"一带", U"干流", U"水系", U"境内"};
// Members joined by these after the last 、 (A、B和C) belong to the list.
constexpr std::u32string_view kLastJoiners = U"和及与";

}  // namespace

void EntityExtractorImpl::add_list_members(const CharText& t, std::vector<Candidate>& chosen) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // chosen: disjoint and in order, so ends are in order too.
  auto mention_at = [&](uint32_t b) -> const Candidate* {
    auto it = std::partition_point(chosen.begin(), chosen.end(), [&](const Candidate& c) { return c.begin < b; });
    return it != chosen.end() && it->begin == b ? &*it : nullptr;
  };
  auto mention_ending = [&](uint32_t e) -> const Candidate* {
    auto it = std::partition_point(chosen.begin(), chosen.end(), [&](const Candidate& c) { return c.end < e; });
    return it != chosen.end() && it->end == e ? &*it : nullptr;
  };
  // A member: a mention, else one token. Empty when the span is no unit.
  struct Member {
    uint32_t begin = 0, end = 0;
    const Candidate* mention = nullptr;
  };
  // A list stands between words that are no part of a name: the text's
  // ends, punctuation, or a verb, function word ... (kStopTags). A member
  // glued to a word (扎根广西, 康渝高铁) is not what the list names.
  auto stop_token = [&](uint32_t b, uint32_t e) {
    if (b >= e || !t.han(b)) return true;
    return is_stop_word(word_info(t, b, e));
  };
  auto bounded_before = [&](uint32_t b) {
    if (b == 0 || !t.han(b - 1)) return true;
    uint32_t pb = t.token_begin(b - 1);
    return t.token_start(pb) && t.token_end_of[pb] == b && stop_token(pb, b);
  };
  // (Or a noun of the land along or about the places listed: 嘉陵江、涪江、
  // 渠江 流域, 长江、黄河 沿岸.)
  auto bounded_after = [&](uint32_t e) {
    if (e >= n || !t.han(e)) return true;
    if (!t.token_start(e)) return false;
    const uint32_t ne = std::min(t.token_end_of[e], n);
    if (ne - e == 2) {
      for (std::u32string_view around : kAroundPlaces) {
        if (t.matches(e, around)) return true;
      }
    }
    return stop_token(e, ne);
  };

  // A name the segmenter cut into pieces (甘其/毛/都, 满/都/拉: it knows
  // neither) is a member when the list's marks bound it: two to four Han
  // characters, every piece a single character or a word the lexicon does
  // not know.
  auto closes_member = [&](uint32_t e) {
    return e >= n || !t.han(e) || t.cps[e] == U'等' || kLastJoiners.find(t.cps[e]) != std::u32string_view::npos;
  };
  // (Or a word and the landform's character it names, 斧头 湖.)
  auto pieces = [&](uint32_t b, uint32_t e) {
    if (e - b < 2 || e - b > 4 || !t.token_start(b) || !t.token_start(e)) return false;
    uint32_t count = 0;
    for (uint32_t k = b; k < e; k = t.token_end_of[k], ++count) {
      const uint32_t ke = t.token_end_of[k];
      if (ke > e || closes_member(k)) return false;
      const bool landform_next = ke + 1 == e && kLandformChars.find(t.cps[ke]) != std::u32string_view::npos;
      if (ke - k >= 2 && !landform_next && word_info(t, k, ke)) return false;
    }
    return count >= 2;
  };
  auto member_ending = [&](uint32_t e) {
    if (const Candidate* c = mention_ending(e)) return Member{c->begin, e, c};
    uint32_t b = e;
    while (b > 0 && !t.token_start(b - 1)) --b;
    if (b == 0 || t.token_end_of[b - 1] != e) return Member{};
    // Pieces back to where the list starts (a mark, or a verb, function word ...).
    for (uint32_t pb = b - 1; pb + 4 >= e && pb > 0;) {
      uint32_t prev = t.token_begin(pb - 1);
      if (!pieces(prev, e)) break;
      pb = prev;
      if (bounded_before(pb)) return Member{pb, e, nullptr};
    }
    return Member{b - 1, e, nullptr};
  };
  auto member_at = [&](uint32_t b) {
    if (b >= n) return Member{};
    if (const Candidate* c = mention_at(b)) return Member{b, c->end, c};
    if (!t.token_start(b) || t.token_end_of[b] > n) return Member{};
    const uint32_t e = t.token_end_of[b];
    if (!closes_member(e) && t.cps[e] != U'、') {
      for (uint32_t pe = e; pe < n && pe - b <= 4 && t.token_start(pe) && !closes_member(pe);) {
        pe = std::min(t.token_end_of[pe], n);
        if ((closes_member(pe) || t.cps[pe] == U'、') && pieces(b, pe) && !mention_at(pe - 1)) {
          return Member{b, pe, nullptr};
        }
      }
    }
    return Member{b, e, nullptr};
  };
  // Places named together by the characters standing for each (郑洛,
  // 苏锡常, 皖赣; as 郑洛、郑许协同发展): two or three distinct ones, a
  // word the lexicon does not know, or that it calls an abbreviation (j)
  // or, of three, a name (jieba's 苏锡常 nr).
  auto joint_places = [&](const Member& m) {
    const uint32_t len = m.end - m.begin;
    if (len < 2 || len > 3) return false;
    for (uint32_t i = m.begin; i < m.end; ++i) {
      if (!city_initial(t.cps[i])) return false;
      for (uint32_t j = m.begin; j < i; ++j) {
        if (t.cps[j] == t.cps[i]) return false;
      }
    }
    const auto w = word_info(t, m.begin, m.end);
    return !w || (w->entity == EntityType::kNone &&
                  (w->tag == "j" || (len == 3 && (is_name_word_tag(w->tag) || w->tag == kPlaceWordTag))));
  };
  // A person the rules found by its characters alone (weak) may be what the list says it is.
  auto by_characters = [](const Member& m) {
    return m.mention && m.mention->type == EntityType::kPerson && m.mention->model_may_retype;
  };
  // (What the model alone calls another kind is read as the word: 鲁巷.)
  auto as_word = [](Member m) {
    if (m.mention && m.mention->source == EntitySource::kModel && m.mention->type != EntityType::kPlace) {
      m.mention = nullptr;
    }
    return m;
  };
  auto kind_of = [&](const Member& member) {
    const Member m = as_word(member);
    if (m.end <= m.begin) return MemberKind::kOther;
    if ((!m.mention || by_characters(m)) && joint_places(m)) return MemberKind::kPlaceWord;
    if (m.mention) {
      if (m.mention->type == EntityType::kPlace) return MemberKind::kPlace;
      // A person found by its characters alone is a name-like word of the
      // list (宝鸡、杨凌: 杨 is a surname too).
      return by_characters(m) ? MemberKind::kNameWord : MemberKind::kOther;
    }
    const uint32_t len = m.end - m.begin;
    if (len < 2 || len > 4) return MemberKind::kOther;
    // A mention reaching out of the word: the word is no member.
    auto it = std::partition_point(chosen.begin(), chosen.end(), [&](const Candidate& c) { return c.end <= m.begin; });
    for (; it != chosen.end() && it->begin < m.end; ++it) {
      if (it->begin < m.begin || it->end > m.end) return MemberKind::kOther;
    }
    for (uint32_t i = m.begin; i < m.end; ++i) {
      if (!t.han(i)) return MemberKind::kOther;
    }
    const auto w = word_info(t, m.begin, m.end);
    if (w && w->tag == kPlaceWordTag) return MemberKind::kPlaceWord;
    // Led by a surname, a name word is more likely a person's (王洪文、张春桥).
    if (len <= 3 && t.has(m.begin, kSurname)) return MemberKind::kOther;
    if (!w) return MemberKind::kNameWord;  // an unknown coinage
    for (std::string_view tag : kNameWordTags) {
      if (w->tag == tag) return MemberKind::kNameWord;
    }
    return MemberKind::kOther;
  };

  // Whether the list ending at `e` is closed by 等, a count, and one of
  // `kinds`: a word for places (等14个县市, 等地, 等三省) or for firms (等企业).
  // (With `ranked`, also 等, a rank and a kind of two: 等特色街区.)
  auto closed_by_count_of = [&](uint32_t e, auto& kinds, bool ranked = false) {
    if (e >= n || t.cps[e] != U'等') return false;
    uint32_t k = e + 1;
    while (k < n && ((t.cps[k] >= U'0' && t.cps[k] <= U'9') ||
                     std::u32string_view(U"一二三四五六七八九十百两几").find(t.cps[k]) != std::u32string_view::npos)) {
      ++k;
    }
    if (k < n && (t.cps[k] == U'个' || t.cps[k] == U'家' || (k > e + 1 && t.cps[k] == U'批'))) ++k;
    for (std::u32string_view kind : kinds) {
      if (t.matches(k, kind)) return true;
    }
    if (!ranked) return false;
    for (std::u32string_view rank : kPlaceKindRanks) {
      if (!t.matches(k, rank)) continue;
      for (std::u32string_view kind : kinds) {
        if (kind.size() >= 2 && t.matches(k + static_cast<uint32_t>(rank.size()), kind)) return true;
      }
    }
    return false;
  };
  // A list of firms closed by their rank too (牧原、宇通、华兰等一批 龙头 企业,
  // 平煤神马、洛轴等 龙头企业, 诺和诺德、碧迪等 重点 外企).
  auto closed_by_firms = [&](uint32_t e) {
    if (closed_by_count_of(e, kFirmCountWords)) return true;
    if (e >= n || t.cps[e] != U'等') return false;
    uint32_t k = e + 1;
    if (t.matches(k, U"一批")) k += 2;
    for (std::u32string_view rank : kFirmRanks) {
      if (!t.matches(k, rank)) continue;
      const uint32_t at = k + static_cast<uint32_t>(rank.size());
      for (std::u32string_view kind : kFirmCountWords) {
        if (t.matches(at, kind)) return true;
      }
    }
    return false;
  };
  // A firm's short name: a word the lexicon does not know or tags a proper
  // noun, an organization, an abbreviation or a name (交投, 中国国新, 吉能).
  auto firm_like = [&](const Member& m) {
    const uint32_t len = m.end - m.begin;
    if (len < 2 || len > 4) return false;
    for (uint32_t i = m.begin; i < m.end; ++i) {
      if (!t.han(i)) return false;
    }
    const auto w = word_info(t, m.begin, m.end);
    return !w || (w->entity == EntityType::kNone && (w->tag == "nz" || w->tag == "nt" || w->tag == "j" ||
                                                       is_name_word_tag(w->tag)));
  };

  // A member of a list of persons: a person found, or a name's shape
  // (person_like: a surname and one or two Han characters the lexicon does
  // not know or tags a name), one word or single characters (晏 紫); not a
  // village's name (王庄、李村).
  auto name_shaped = [&](const Member& m) {
    // (What the model alone calls another kind yields to the list: 莫言、余华.)
    if (m.mention && !(m.mention->source == EntitySource::kModel && m.mention->type != EntityType::kPerson)) {
      return m.mention->type == EntityType::kPerson;
    }
    if (m.end - m.begin < 2 || ends_like_village(t.cps, m.end) || !person_like(t, m.begin, m.end, /*trust_nr=*/true)) {
      return false;
    }
    if (t.token_end_of[m.begin] == m.end) return true;
    for (uint32_t k = m.begin; k < m.end; k = t.token_end_of[k]) {
      if (t.token_end_of[k] != k + 1 || (k > m.begin && is_stop_word(word_info(t, k, k + 1)))) return false;
    }
    return true;
  };
  // The last member of a list of persons may be a surname the segmenter
  // cut off and single characters up to the word after the list (晏 紫 曾).
  auto name_pieces_from = [&](Member m) {
    if (m.mention || m.end - m.begin != 1 || !t.has(m.begin, kSurname)) return m;
    while (m.end < n && m.end - m.begin < 3 && !bounded_after(m.end) && t.token_start(m.end) &&
           t.token_end_of[m.end] == m.end + 1 && t.han(m.end)) {
      ++m.end;
    }
    return m;
  };
  // A list of persons (孔繁森、李素丽、徐虎; 李娜、郑洁和晏紫): every member
  // name-shaped, not all of one surname (高水平、高质量), and one of them a
  // person found (not by its characters alone) or the members read as names
  // on average.
  // (The last member extended only when the list is one of persons.)
  // A list closed by 等 and persons (等人, 等同志) or a title or role
  // (莫言、余华等作家) names persons: as sure as a person found in it.
  auto closed_by_persons = [&](uint32_t e) {
    if (e >= n || t.cps[e] != U'等') return false;
    if (t.matches(e + 1, U"人") || t.matches(e + 1, U"同志")) return true;
    bool titled = false;
    for_each_name_title([&](std::u32string_view title) {
      titled = titled || (t.matches(e + 1, title) && t.token_start(e + 1 + static_cast<uint32_t>(title.size())));
    });
    return titled;
  };
  auto person_list = [&](std::vector<Member>& list) {
    // (Most lists are of no names: their first member says so at once.)
    if (list.size() < 2 || !name_shaped(list.front()) || !bounded_before(list.front().begin)) return false;
    const Member last = name_pieces_from(list.back());
    if (!bounded_after(last.end)) return false;
    bool one_surname = true, seeded = closed_by_persons(last.end);
    float log_odds = 0.0f;
    for (size_t k = 0; k < list.size(); ++k) {
      const Member& m = k + 1 == list.size() ? last : list[k];
      if (!name_shaped(m)) return false;
      one_surname = one_surname && t.cps[m.begin] == t.cps[list.front().begin];
      const bool found_person = m.mention && m.mention->type == EntityType::kPerson && !by_characters(m);
      seeded = seeded || found_person;
      if (!found_person && person_names_) {
        log_odds += person_names_->log_odds(&t.cps[m.begin], m.end - m.begin);
      }
    }
    if (one_surname || !(seeded || (person_names_ && log_odds >= kMinListNameLogOdds * list.size()))) return false;
    list.back() = last;
    return true;
  };

  std::vector<Member> members;
  std::vector<Candidate> found;
  for (uint32_t i = 0; i < n; ++i) {
    if (t.cps[i] != U'、') continue;
    // The list: the member before the first 、, then one member after each.
    members.clear();
    const Member first = member_ending(i);
    if (first.end <= first.begin) continue;
    members.push_back(first);
    uint32_t at = i;
    while (at < n && t.cps[at] == U'、') {
      const Member next = member_at(at + 1);
      if (next.end <= next.begin) break;
      members.push_back(next);
      at = next.end;
    }
    if (at < n && kLastJoiners.find(t.cps[at]) != std::u32string_view::npos) {
      const Member last = member_at(at + 1);
      if (last.end > last.begin) {
        members.push_back(last);
        at = last.end;
      }
    }
    if (at > i) i = at - 1;  // the next list starts after this one
    if (person_list(members)) {
      for (const Member& m : members) {
        if (m.mention && m.mention->type == EntityType::kPerson) continue;
        Candidate c{m.begin, m.end, EntityType::kPerson, kRulePriority};
        c.score = model_ ? model_->rule_precision(EntityType::kPerson) : 1.0f;
        c.source = EntitySource::kRule;
        found.push_back(c);
      }
      continue;
    }
    if (members.size() < 2 || !bounded_before(members.front().begin) || !bounded_after(members.back().end)) continue;
    // A list closed by 等 and a word for firms is one of firms (吉能、交投等
    // 企业; 国机集团、中国通用、中国国新等央企) when every member is a firm the
    // rules found or a firm's short name.
    if (closed_by_firms(at)) {
      bool firms = true;
      for (const Member& m : members) {
        // (What the model alone calls another kind yields to the list: 康宁 nr.)
        const bool weak = !m.mention || by_characters(m) ||
                          (m.mention->source == EntitySource::kModel && m.mention->type != EntityType::kCompany);
        firms = firms && (weak ? firm_like(m) : m.mention->type == EntityType::kCompany);
      }
      if (!firms) continue;
      for (const Member& m : members) {
        if (m.mention && m.mention->type == EntityType::kCompany) continue;
        Candidate c{m.begin, m.end, EntityType::kCompany, kRulePriority};
        c.score = model_ ? model_->rule_precision(EntityType::kCompany) : 1.0f;
        c.source = EntitySource::kRule;
        found.push_back(c);
      }
      continue;
    }
    uint32_t places = 0, place_words = 0, others = 0;
    uint32_t other_words = 0;  // others of two or three characters, no mention
    float score = 1.0f;
    for (const Member& m : members) {
      switch (kind_of(m)) {
        case MemberKind::kPlace: ++places; score = std::min(score, m.mention->score); break;
        case MemberKind::kPlaceWord: ++place_words; break;
        case MemberKind::kNameWord: break;
        case MemberKind::kOther:
          ++others;
          other_words += m.end - m.begin >= 2 && m.end - m.begin <= 3 && !as_word(m).mention;
          break;
      }
    }
    // One word of two or three characters among places the lists know is a
    // place its word hides (郑州、开封、洛阳: jieba's 开封 is "to unseal"); a list
    // closed by a count of places says so for all of its members (赤壁、
    // 恩施等14个县市).
    const bool counted_places = places + place_words >= 1 && closed_by_count_of(at, kPlaceCountWords, /*ranked=*/true);
    const bool hidden = others == other_words && (counted_places || (others == 1 && places >= 2));
    if ((others > 0 && !hidden) || places == members.size() || (places == 0 && place_words < 2 && !counted_places)) {
      continue;
    }
    // As sure as the least sure place listed; a list of place words alone,
    // as the rules' places (without a model every mention is sure).
    if (places == 0) score = model_ ? model_->rule_precision(EntityType::kPlace) : 1.0f;
    for (const Member& m : members) {
      if (m.mention && m.mention->type == EntityType::kPlace) continue;
      Candidate c{m.begin, m.end, EntityType::kPlace, kRulePriority};
      c.score = score;
      c.source = EntitySource::kRule;
      found.push_back(c);
    }
  }
  add_listed_peers(t, chosen, found);
  if (found.empty()) return;
  // One mention per span: a member two readings found (a list of firms and
  // a firm's peer: 吉能、交投等企业) is kept once, the first found.
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  uint32_t last_end = 0;
  found.erase(std::remove_if(found.begin(), found.end(),
                             [&](const Candidate& c) {
                               if (c.begin < last_end) return true;
                               last_end = c.end;
                               return false;
                             }),
              found.end());
  // A member replaces what was found inside it (川 of 汉川): the list says
  // the whole word is the place.
  for (const Candidate& f : found) {
    auto it = std::partition_point(chosen.begin(), chosen.end(), [&](const Candidate& c) { return c.end <= f.begin; });
    for (; it != chosen.end() && it->begin < f.end; ++it) it->type = EntityType::kNone;
  }
  chosen.erase(std::remove_if(chosen.begin(), chosen.end(), [](const Candidate& c) { return c.type == EntityType::kNone; }),
               chosen.end());
  chosen.insert(chosen.end(), found.begin(), found.end());
  std::sort(chosen.begin(), chosen.end(), [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
}

void EntityExtractorImpl::add_listed_peers(const CharText& t, const std::vector<Candidate>& chosen,
                                           std::vector<Candidate>& found) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  auto joiner = [&](uint32_t i) {
    return i < n && std::u32string_view(U"、和与及").find(t.cps[i]) != std::u32string_view::npos && t.token_start(i) &&
           t.token_end_of[i] == i + 1;
  };
  // A word that ends no name of a body (全部, 干部, 内部, 局部: common words
  // ending in a head character; 计委 310 and 工业部 79 are no such words).
  auto common_word = [&](uint32_t b, uint32_t e) {
    const auto w = word_info(t, b, e);
    return w && w->freq >= kCommonBodyWordFreq && w->tag != "nt";
  };
  // A token that may be part of a body's name: Han, no verb, function word
  // ...; of an event's, no function word (合作 and 发展 name forums).
  auto han_token = [&](uint32_t b, uint32_t e) {
    for (uint32_t i = b; i < e; ++i) {
      if (!t.han(i) || joiner(i)) return false;
    }
    return true;
  };
  auto body_token = [&](uint32_t b, uint32_t e) { return han_token(b, e) && !is_stop_word(word_info(t, b, e)); };
  auto event_token = [&](uint32_t b, uint32_t e) {
    if (!han_token(b, e)) return false;
    const auto w = word_info(t, b, e);
    return !(w && is_function_word_tag(w->tag));
  };
  // Whether [b, e) overlaps a mention without holding it whole, or holds
  // one that is no place (an event names its place: 创业 安徽 大赛).
  auto cuts_mention = [&](uint32_t b, uint32_t e, EntityType type) {
    auto it = std::partition_point(chosen.begin(), chosen.end(), [&](const Candidate& c) { return c.end <= b; });
    for (; it != chosen.end() && it->begin < e; ++it) {
      if (it->begin < b || it->end > e) return true;
      if (type == EntityType::kGovernment ? it->type == EntityType::kGovernment : it->type != EntityType::kPlace) {
        return true;
      }
    }
    return false;
  };
  const size_t first_new = found.size();
  auto add = [&](uint32_t b, uint32_t e, const Candidate& like) {
    uint32_t last = e - 1;  // the last token
    while (last > b && !t.token_start(last)) --last;
    if (e - b < 2 || cuts_mention(b, e, like.type)) return false;
    if (like.type == EntityType::kGovernment && common_word(last, e)) return false;
    if (like.type == EntityType::kMeeting) {
      // (Nor one common word and the head: 音乐 节, 运动 会.)
      const auto w = word_info(t, b, e);
      if (w && w->entity == EntityType::kNone && w->freq >= kCommonEventWordFreq) return false;
      const uint32_t head = t.matches(e - 2, U"会议") || t.matches(e - 2, U"论坛") ? 2 : 1;
      const auto stem = word_info(t, b, e - head);
      if (stem && stem->entity == EntityType::kNone && stem->freq >= kCommonEventWordFreq) return false;
    }
    for (size_t k = first_new; k < found.size(); ++k) {
      if (found[k].begin < e && b < found[k].end) return false;
    }
    Candidate c{b, e, like.type, kRulePriority};
    c.score = like.score;
    c.source = EntitySource::kRule;
    found.push_back(c);
    return true;
  };
  // Whether a token of [b, e) ends in a verb that holds events (办好, 认真落实).
  auto holds_event = [&](uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e && t.token_end_of[k] <= e; k = t.token_end_of[k]) {
      if (ends_with_any(std::u32string_view(t.cps.data() + k, t.token_end_of[k] - k), kHoldingVerbs)) return true;
    }
    return false;
  };
  // From `seed`, the peers listed after and before it: runs of name tokens
  // (`name_token`) of at most `max_len` characters ending as `ends_as` says,
  // separated by joiners.
  auto walk = [&](const Candidate& seed, uint32_t max_len, auto&& name_token, auto&& ends_as) {
    // After it: 、 and words up to a mark, a joiner, 等 or a verb ...
    for (uint32_t at = seed.end; joiner(at);) {
      const uint32_t b = at + 1;
      uint32_t e = b;
      while (e < n && e - b < max_len && t.token_start(e) && t.token_end_of[e] <= n &&
             name_token(e, t.token_end_of[e])) {
        e = t.token_end_of[e];
      }
      if (e == b || !ends_as(b, e) || !(e >= n || !t.han(e) || joiner(e) || t.cps[e] == U'等' ||
                                        !name_token(e, std::min(t.token_end_of[e], n)))) {
        break;
      }
      if (seed.type == EntityType::kMeeting && holds_event(b, e)) break;  // 、认真 落实 四中全会
      if (!add(b, e, seed)) break;
      at = e;
    }
    // Before it: words back to a mark or a verb ..., then 、 or 和.
    for (uint32_t end = seed.begin; end >= 1 && joiner(end - 1);) {
      const uint32_t e = end - 1;
      uint32_t b = e;
      while (b > 0 && e - b < max_len) {
        uint32_t pb = t.token_begin(b - 1);
        if (!t.token_start(pb) || t.token_end_of[pb] != b || !name_token(pb, b)) break;
        b = pb;
      }
      // (Stopped by the length alone: where the name starts is unknown.)
      const bool bounded = b == 0 || !t.han(b - 1) || joiner(b - 1) || e - b < max_len;
      // An event's name opens after the verb that holds it (办好 金鸡百花电影节,
      // 高水平 举办 …寻根节), and after a number (80 周年纪念峰会: the
      // number is the name's, where it starts unknown).
      if (seed.type == EntityType::kMeeting) {
        if (b > 0 && t.cps[b - 1] >= U'0' && t.cps[b - 1] <= U'9') break;
        for (uint32_t k = b; k < e && t.token_end_of[k] <= e; k = t.token_end_of[k]) {
          if (holds_event(k, t.token_end_of[k])) b = t.token_end_of[k];
        }
      }
      if (b == e || !ends_as(b, e) || !bounded || !add(b, e, seed)) break;
      end = b;
    }
  };
  // Whether 等 and a word for firms close the list that runs on from i
  // (…小米 等 龙头 企业), before a mark ends the clause.
  auto closed_by_firms = [&](uint32_t i) {
    for (uint32_t k = i; k < n && k < i + 40 && std::u32string_view(U"，。；：！？,;:!?").find(t.cps[k]) ==
                                                     std::u32string_view::npos;
         ++k) {
      if (t.cps[k] != U'等' || !t.token_start(k)) continue;
      for (uint32_t w = k + 1; w <= k + 5 && w < n; ++w) {
        for (std::u32string_view firm : kFirmWords) {
          const auto end = w + static_cast<uint32_t>(firm.size());
          if (t.matches(w, firm) && (end >= n || t.cps[end] != U'家')) return true;
        }
      }
      return false;
    }
    return false;
  };
  for (const Candidate& seed : chosen) {
    if (seed.end - seed.begin < 2) continue;
    if (seed.type == EntityType::kCompany) {
      // A member is a word the lexicon does not know, or tags a proper noun
      // less common than a common word; a rare common noun too when the list
      // says firms. (One token, holding no mention: 中国 河南 国际 and 鲜食
      // 玉米 are phrases.)
      const bool firms = closed_by_firms(seed.end);
      walk(seed, kMaxListedFirm, body_token, [&](uint32_t b, uint32_t e) {
        if (e - b < 2 || t.token_end_of[b] != e || !name_like_token(t, b, e)) return false;
        auto it = std::partition_point(chosen.begin(), chosen.end(), [&](const Candidate& c) { return c.end <= b; });
        if (it != chosen.end() && it->begin < e) return false;
        const auto w = word_info(t, b, e);
        if (!w) return true;
        return w->entity == EntityType::kNone && w->freq < kCommonBodyWordFreq &&
               (is_proper_word_tag(w->tag) || (firms && w->tag == "n"));
      });
      continue;
    }
    if (seed.type == EntityType::kGovernment) {
      const char32_t head = t.cps[seed.end - 1];
      if (kListedBodyHeads.find(head) == std::u32string_view::npos) continue;
      walk(seed, kMaxListedBody, body_token, [&](uint32_t, uint32_t e) { return t.cps[e - 1] == head; });
    } else if (seed.type == EntityType::kMeeting) {
      // Events listed with one found (智博会、西洽会、国才会; 海峡论坛、海峡青年荟),
      // ending in a word of events, of three characters or more.
      walk(seed, kMaxListedEvent, event_token, [&](uint32_t b, uint32_t e) {
        return e - b >= 3 && std::any_of(std::begin(kListedEventHeads), std::end(kListedEventHeads),
                                         [&](std::u32string_view h) { return t.matches(e - static_cast<uint32_t>(h.size()), h); });
      });
    }
  }
}

}  // namespace internal
}  // namespace zhpolicy
