// src/entities/extractor_impl.h — what the entity rules share: the decoded
// text with its class bits, candidate mentions, the word lists that both the
// rules and the constructor need, and the extractor's class. Its members are
// defined one family of rules per file:
//   terms.cc      typed lexicon terms and word lookups
//   bodies.cc     composed bodies (民革渝中区委, courts, titles), CPPCC committees, meetings
//   quotes.cc     《documents》, named reports, quoted and numbered slogans
//   names.cc      people, names ending in a company, organization or place suffix,
//                 and railways and roads named by short place names
//   enumerations.cc  lists of places written with 、
//   labeler.cc    the learned model: its features, windows, and how its
//                 mentions and the rules' are combined
//   extractor.cc  construction, decoding, and the pass that resolves candidates and links
#ifndef ZHPOLICY_SRC_ENTITIES_EXTRACTOR_IMPL_H_
#define ZHPOLICY_SRC_ENTITIES_EXTRACTOR_IMPL_H_

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entities/model/entity_model.h"
#include "entities/model/features.h"
#include "entities/person_names.h"
#include "entities/posseg_hmm.h"
#include "entities/term_index.h"
#include "lexicon/word_graph.h"
#include "segment/segmenter_impl.h"
#include "text/decoded_text.h"
#include "util/buffers.h"
#include "zhpolicy/entities.h"
#include "zhpolicy/segmenter.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {
namespace entity_detail {

// What the rules look for in a character, as bits found once per text while
// decoding: most rules start only at a few kinds of characters, and testing a
// bit is cheaper than comparing words. The common bits come from a byte table
// (64 KiB, mostly cache-resident); the bits of the rare trigger characters
// from a second table read only for characters marked kTrigger.
enum CharFlag : uint16_t {
  kHan = 1 << 0,
  kTermFirst = 1 << 1,      // some typed lexicon term starts with it
  kSuffixLast = 1 << 2,     // last character of a company/organization/place suffix
  kSurname = 1 << 3,        // a one-character surname
  kCompoundFirst = 1 << 4,  // first character of a compound surname
  kVerbFirst = 1 << 5,      // first character of a speech/action verb after names
  kPlaceChar = 1 << 6,      // 路 街 巷 … ending unknown place names
  kTrigger = 1 << 7,        // one of the rare bits below is set
  // Rare bits: their positions are listed per text, so those rules never scan it.
  kQuoteOpen = 1 << 8,      // 《 “ 「
  kNumeral = 1 << 9,        // 一 … 十 两 (numbered slogans)
  kPartyFirst = 1 << 10,    // first character of a party name (民革 …)
  kAnchorFirst = 1 << 11,   // first character of a regex anchor literal (届, 政协, 次党, 政府工作报告)
  kSurnameForm = 1 << 13,   // 某 of 张某, 老 and 小 of 老李, 小王 (add_surname_forms)
  kIssuingFirst = 1 << 14,  // first character of a verb that issues a document (制定, 出台)
  kParenOpen = 1 << 15,     // （ ( (firms with a parenthesis in their legal name)
};
constexpr uint16_t kCommonFlags = 0xFF;
// A numeral followed by one of these is a number (三年, 五个), not a slogan
// part. Looked up in the rare table directly (these are common characters,
// so they are not triggers).
constexpr uint16_t kCounter = 1 << 12;
constexpr std::u32string_view kCounters = U"届次年个家名人项条期位天月日";

// A candidate mention in character indices. Longer wins; on equal length the
// higher priority (rules over plain terms).
struct Candidate {
  uint32_t begin, end;
  EntityType type;
  uint8_t priority;
  uint32_t order = 0;  // position among all candidates, the last tie-break
  float score = 1.0f;
  EntitySource source = EntitySource::kRule;
  // Found by weak evidence alone (a person by its characters): the model
  // may give the same span another type (吴淞江 is a river).
  bool model_may_retype = false;
  // The rules chose where it ends: the model does not extend it (新街口 of
  // 新街口 商圈, where the name alone is the place).
  bool whole = false;
};

// A lexicon entry as the rules need it (the tag points into the lexicon).
struct WordRef {
  uint32_t freq;
  std::string_view tag;
  EntityType entity;
};

constexpr uint8_t kTermPriority = 1;
constexpr uint8_t kRulePriority = 2;

inline std::u32string to_u32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0, len; i < s.size(); i += len) out.push_back(utf8::decode(s, i, len));
  return out;
}

// What segmentation already found of a normalized text (Analyzer hands it
// over; extract(text) makes it): the decoding of the normalized view, each
// token's char span in it, and the typed lexicon terms its word graphs met.
struct SegmentedText {
  const NormalizedText* normalized;
  const DecodedText* decoded;  // of normalized->normalized
  const std::vector<CharSpan>* tokens;
  const std::vector<TypedTermHit>* typed_terms;
  // What the lexicon says of each token (parallel to tokens), or nullptr.
  const std::vector<TokenWord>* token_words = nullptr;
};

// The text as code points with their byte offsets, and the token starts.
// Lives in a per-thread workspace (see extract), so its buffers are reused.
struct CharText {
  // A list of char indices in a buffer that only grows (reused across texts).
  struct Indices {
    std::vector<uint32_t> buffer;
    uint32_t count = 0;
    const uint32_t* begin() const { return buffer.data(); }
    const uint32_t* end() const { return buffer.data() + count; }
  };

  // The arrays are buffers that only grow (reused across texts, never
  // value-initialized again); entries past cps.size() + 1 are stale, never
  // read. The code points and byte offsets are `own`'s, or those of a
  // decoding handed in by the caller (Analyzer: the segmenter's).
  DecodedText own;
  std::u32string_view cps;   // utf8::kInvalid for each ill-formed byte
  const uint32_t* byte_at = nullptr;  // cps.size() + 1 entries
  // The typed terms the segmenter met (all those made of Han characters),
  // or nullptr: add_terms looks them up.
  const std::vector<TypedTermHit>* typed_terms = nullptr;
  std::vector<uint16_t> flags;       // CharFlag bits by char index
  Indices triggers;     // char indices marked kTrigger
  Indices term_starts;  // char indices of Han chars marked kTermFirst
  std::vector<uint32_t> char_of_byte;  // by byte offset: the char holding it
  // The last word lookup of this text (see word_info); decode() clears it.
  struct Lookup {
    uint32_t begin = 0, end = 0;  // an empty span: nothing kept
    std::optional<WordRef> word;
  };
  mutable Lookup last_lookup;
  std::vector<uint32_t> token_end_of;  // token start -> its end; kNoToken elsewhere
  // Token start -> what the lexicon says of the token (word_info asks the
  // lexicon when not known); read only where token_end_of marks a token.
  std::vector<TokenWord> token_word;

  // The first char starting at or after byte offset `byte`.
  uint32_t char_index(size_t byte) const {
    return static_cast<uint32_t>(std::lower_bound(byte_at, byte_at + cps.size() + 1, byte) - byte_at);
  }
  static constexpr uint32_t kNoToken = 0xFFFFFFFFu;
  // Whether a token starts at char i (i == cps.size() counts as one).
  bool token_start(uint32_t i) const { return token_end_of[i] != kNoToken; }
  // The first char of the token char i lies in (i itself at a token's start;
  // 0 when no token starts at or before i).
  uint32_t token_begin(uint32_t i) const {
    while (i > 0 && !token_start(i)) --i;
    return i;
  }
  bool han(uint32_t i) const { return flags[i] & kHan; }
  bool has(uint32_t i, uint16_t flag) const { return flags[i] & flag; }
  bool matches(uint32_t at, std::u32string_view word) const {
    // Called at every position for many words: the first character decides most.
    return at + word.size() <= cps.size() && !word.empty() && cps[at] == word[0] &&
           std::u32string_view(cps).substr(at, word.size()) == word;
  }
  // The length of the first of `words` written at `at`, or 0 (longest first
  // where one opens another).
  template <typename Words>
  uint32_t first_match(uint32_t at, const Words& words) const {
    for (std::u32string_view word : words) {
      if (matches(at, word)) return static_cast<uint32_t>(word.size());
    }
    return 0;
  }
  uint32_t first_match(uint32_t at, std::initializer_list<std::u32string_view> words) const {
    return first_match<std::initializer_list<std::u32string_view>>(at, words);
  }
};

// Calls f(begin, end) for each token of the text, in order (caller-given
// tokens may leave characters outside any token: those are skipped).
template <typename F>
void for_each_token(const CharText& t, F&& f) {
  const auto n = static_cast<uint32_t>(t.cps.size());
  for (uint32_t i = 0; i < n;) {
    const uint32_t e = t.token_end_of[i];
    if (e == CharText::kNoToken || e <= i || e > n) {
      ++i;
      continue;
    }
    f(i, e);
    i = e;
  }
}

// Calls f(i) for each char index i where `literal` occurs; its first character
// must be marked kAnchorFirst (so the trigger list holds every candidate).
template <typename F>
void for_each_anchor(const CharText& t, std::u32string_view literal, F&& f) {
  for (const uint32_t i : t.triggers) {
    if (t.matches(i, literal)) f(i);
  }
}

// Whether `s` ends with one of `words` (a suffix list, head words).
template <typename Words>
bool ends_with_any(std::u32string_view s, const Words& words) {
  return std::any_of(std::begin(words), std::end(words), [&](std::u32string_view w) {
    return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
  });
}
inline bool ends_with_any(std::u32string_view s, std::initializer_list<std::u32string_view> words) {
  return ends_with_any<std::initializer_list<std::u32string_view>>(s, words);
}

// Whether char i can be a digit of the number after 第 (第17届, 第一百零五,
// 第四中学).
inline bool ordinal_digit(const CharText& t, uint32_t i) {
  const char32_t c = t.cps[i];
  return t.has(i, kNumeral) || (c >= U'0' && c <= U'9') || c == U'零' || c == U'〇' || c == U'百';
}

// Where an edition written right before `at` starts (第17届, 第十五届), or
// `at` when there is none; with `bare`, a body's term without 第 too (十四届).
inline uint32_t edition_start(const CharText& t, uint32_t at, bool bare = false) {
  if (at < 2 || t.cps[at - 1] != U'届') return at;
  uint32_t b = at - 1;
  while (b > 0 && at - 1 - b < 6 && ordinal_digit(t, b - 1)) --b;
  if (b == at - 1) return at;
  if (b > 0 && t.cps[b - 1] == U'第') return b - 1;
  return bare ? b : at;
}

inline constexpr std::array<std::u32string_view, 9> kParties = {
    U"民革", U"民盟", U"民建", U"民进", U"农工党", U"致公党", U"九三学社", U"台盟", U"中共"};
// (The democratic parties' committees of a place are 委会: 民革重庆市委会.)
inline constexpr std::array<std::u32string_view, 12> kPartyBodySuffixes = {
    U"区委会", U"市委会", U"县委会", U"省委会", U"区委", U"市委", U"县委", U"省委", U"委员会", U"支部", U"总支", U"委"};
inline constexpr std::array<std::u32string_view, 9> kCourtSuffixes = {
    U"金融法院", U"中级人民法院", U"高级人民法院", U"人民法院", U"人民检察院", U"法院", U"检察院", U"海关", U"铁路运输法院"};
// A place and its government or legislature: 福建省政府, 北京市人民政府,
// 朝鲜政府, 省人大常委会, and the government's general office (浙江省人民政府办公厅:
// the gold README's bodies and their offices); a country and its state bodies
// (美国国会, 埃及外交部, 美国国务院: the gold README's government) (longest
// first: the first that matches is taken).
inline constexpr std::array<std::u32string_view, 25> kGovernmentSuffixes = {
    U"人民代表大会常务委员会", U"人民政府办公厅", U"人民政府办公室", U"人民代表大会", U"政府办公厅", U"政府办公室",
    U"人民政府", U"人大常委会", U"参议院", U"众议院", U"外交部",
    U"国防部", U"国务院", U"财政部", U"商务部", U"司法部", U"外务省", U"防卫省", U"经济产业省",
    U"国土安全部", U"人大", U"政府", U"国会", U"议会", U"内阁"};
// What a place names when written right after it as a word of its own:
// teams and media (沙特 队, 中国 女排, 重庆 日报); as part of a word jieba's
// dictionary tags as a name, the longer tails of place_named_body_type.
inline constexpr std::u32string_view kPlaceNamedKinds[] = {
    U"队", U"女排", U"男排", U"女足", U"男足", U"女篮", U"男篮", U"国家队", U"代表队",
    U"日报", U"晚报", U"晨报", U"卫视", U"电视台", U"广播电视台"};
// The type of a body named by a place and `tail` (足协 of 中国足协, 共和党 of
// 美国共和党, 特区政府 of 香港特区政府, 驻南斯拉夫大使馆 of the word
// 中国驻南斯拉夫大使馆), or kNone when the tail names no
// body of its own (中南部, 中西部).
inline EntityType place_named_body_type(std::u32string_view tail) {
  auto ends_in = [&](std::initializer_list<std::u32string_view> heads) { return ends_with_any(tail, heads); };
  if (tail.empty()) return EntityType::kNone;
  // (市政协 of 重庆市政协: a CPPCC committee is a state body, not an association by its 协.)
  if (ends_in({U"政府", U"国会", U"议会", U"参议院", U"众议院", U"使馆", U"领事馆", U"政协"})) return EntityType::kGovernment;
  if (ends_in({U"银行", U"航空", U"移动", U"联通", U"电信"})) return EntityType::kCompany;
  // Newspapers by their kind (日报, 晚报 …; a 公报 is a communiqué: 上海公报).
  if (ends_in({U"队", U"党", U"社", U"日报", U"晚报", U"晨报", U"周报", U"时报", U"商报", U"青年报", U"卫视", U"台",
               U"网", U"协", U"联", U"军", U"女排", U"男排", U"女足", U"男足", U"女篮", U"男篮"})) {
    return EntityType::kOrganization;
  }
  return EntityType::kNone;
}
inline constexpr std::array<std::u32string_view, 18> kCompanySuffixes = {
    U"股份有限公司", U"有限责任公司", U"有限公司", U"集团公司", U"总公司", U"集团", U"公司", U"银行", U"人寿", U"证券",
    U"保险", U"书店", U"酒店", U"饭店", U"宾馆", U"药业", U"制药", U"电器"};
// Head words of named events (expos, forums, games, festivals, contests are
// meetings) and of documents named without 《》 (澳门特别行政区基本法,
// 重庆市国土空间总体规划): a name-like word before them makes a name.
inline constexpr std::u32string_view kMeetingSuffixes[] = {
    U"论坛", U"峰会", U"博览会", U"交易会", U"洽谈会", U"运动会", U"锦标赛", U"大赛", U"电影节", U"艺术节",
    U"文化节", U"旅游节", U"音乐节", U"戏剧节", U"歌剧节", U"大会"};
// Words that open the names of events held for a scope (世界技能大赛,
// 全国科技大会, 国际进口博览会).
inline constexpr std::u32string_view kEventScopes[] = {U"世界", U"全国", U"国际", U"全球", U"中国", U"亚洲", U"亚太"};
inline constexpr std::u32string_view kDocumentSuffixes[] = {
    U"基本法", U"促进法", U"条例", U"管理办法", U"规划纲要", U"总体规划"};
// Verbs that issue a document, and the head words of the documents they
// issue: 制定 2030年前碳排放达峰 行动方案, 出台 政府投资项目全生命周期 管理办法
// (add_documents_and_slogans; longest heads first).
inline constexpr std::u32string_view kIssuingVerbs[] = {U"制定", U"出台", U"推出", U"印发", U"修订", U"编制",
                                                        U"颁布"};
inline constexpr std::u32string_view kIssuedDocumentHeads[] = {
    U"三年行动计划", U"行动方案", U"实施方案", U"工作方案", U"管理办法", U"实施办法", U"暂行办法", U"发展规划",
    U"专项规划", U"规划纲要", U"实施意见", U"指导意见", U"实施细则", U"行动计划", U"条例"};
// A 中心 is an institution or a facility by the word before it: an agency
// serves, spreads, studies, trains (…服务中心, …传播中心); a place shows,
// sells, handles (…展示中心, …购物中心, …处理中心).
inline constexpr std::array<std::u32string_view, 44> kOrganizationSuffixes = {
    U"医院", U"大学", U"学院", U"俱乐部", U"组委会", U"组委", U"奥委会", U"残奥委会", U"协会", U"学会", U"商会", U"联合会",
    U"总会", U"研究院", U"研究所", U"基金会", U"服务团",
    U"出版社", U"电视台", U"广播电台", U"报社", U"杂志社", U"通讯社", U"实验室", U"交易所", U"附属中学", U"附属小学",
    U"服务中心", U"传播中心", U"发展中心", U"研究中心", U"培训中心", U"指挥中心", U"交易中心", U"媒体中心",
    U"气象台", U"天文台",
    U"监测中心", U"救助中心", U"孵化中心", U"信息中心",
    // after 附属中学 and 附属小学: the first suffix that matches is taken
    U"中学", U"小学", U"学校"};
// Head words of named places: buildings and sites, then zones and regions
// composed of a place and what kind it is (长三角生态绿色一体化发展示范区,
// 洞庭湖生态经济区, 成渝双城经济圈), then works named by a place (官路水库).
inline constexpr std::u32string_view kPlaceSuffixes[] = {
    U"大厦", U"广场", U"新村", U"陈列馆", U"博物馆", U"博物院", U"会馆", U"产业园", U"娱乐区", U"商务区",
    // venues (五棵松体育馆, 杭州奥体中心体育场, 国家大剧院, 虹口足球场, 吴淞口国际邮轮港)
    U"体育场", U"体育馆", U"足球场", U"游泳馆", U"邮轮港", U"纪念馆", U"展览馆", U"科技馆", U"美术馆", U"大剧院",
    U"音乐厅",
    U"停车楼", U"公园", U"大桥", U"大道", U"大街", U"步行街", U"新城", U"码头",
    U"展示中心", U"处理中心", U"购物中心", U"会展中心", U"会议中心", U"博览中心", U"商业中心", U"体育中心", U"物流中心",
    U"示范区", U"试验区", U"先行区", U"合作区", U"集聚区", U"开发区", U"高新区", U"保税区", U"新区", U"自贸区", U"贸易区",
    U"自贸港", U"经济区", U"经济带", U"经济圈", U"都市圈", U"城市群", U"科技园", U"科学城", U"科创园", U"工业园区",
    U"产业园区", U"科技城", U"风景区", U"度假区", U"保护区", U"水库", U"灌区", U"遗址", U"机场", U"隧道", U"立交",
    U"水电站", U"核电站", U"航道", U"口岸",
    // works and sites named by their place (丹江口库区, 东平湖蓄滞洪区, 西安东站)
    U"景区", U"库区", U"矿区", U"老区", U"化工区", U"新片区", U"蓄滞洪区", U"水利枢纽", U"电厂", U"特大桥",
    U"水道", U"航站楼", U"火车站", U"东站", U"西站", U"南站", U"北站", U"航运中心",
    // landforms named by their place (朝鲜半岛, 台湾海峡, 四川盆地)
    U"半岛", U"海峡", U"群岛", U"高原", U"盆地", U"平原", U"山脉", U"峡谷", U"瀑布",
    // districts of a city and sites (天美艺术街区, 磁器口古镇, 三峡大坝, 龙门石窟;
    // not 商圈: the gold marks the place in 化龙桥新兴商圈 alone)
    U"街区", U"古镇", U"古城", U"大坝", U"石窟", U"墓葬群", U"故居", U"纪念馆",
    // states by their form (朝鲜民主主义人民共和国), zones (浦东引领区): these
    // only after a place (kPlaceSuffixesAfterPlace). Tried and dropped:
    // 走廊, 通道 and 园区 after a place — jieba tags 东西南北, 海洋, 南北 ns
    // (南北 通道, 海洋 通道: kinds), and quoted programmes ending in them are
    // slogans (“氢走廊”, “飞地园区”).
    U"共和国", U"王国", U"引领区"};
inline constexpr std::u32string_view kPlaceSuffixesAfterPlace[] = {U"共和国", U"王国", U"引领区"};
// The suffix lists the token rules try on a token, in this order, and the
// type of the names each ends (add_token_rules; the constructor marks their
// last characters).
struct SuffixFamily {
  const std::u32string_view* first;
  size_t count;
  EntityType type;
  const std::u32string_view* begin() const { return first; }
  const std::u32string_view* end() const { return first + count; }
};
template <typename List>
constexpr SuffixFamily suffix_family(const List& list, EntityType type) {
  return {std::data(list), std::size(list), type};
}
inline constexpr SuffixFamily kNameSuffixFamilies[] = {
    suffix_family(kCompanySuffixes, EntityType::kCompany),
    suffix_family(kOrganizationSuffixes, EntityType::kOrganization),
    suffix_family(kPlaceSuffixes, EntityType::kPlace),
    suffix_family(kMeetingSuffixes, EntityType::kMeeting),
    suffix_family(kDocumentSuffixes, EntityType::kDocument)};
// Nouns that make a name of what they follow: “满天星”计划, “智融惠畅”工程, and
// of a quoted phrase that ends in them (“外贸服务平台”, “10分钟养老服务圈”).
inline constexpr std::array<std::u32string_view, 13> kProgrammeNouns = {
    U"计划", U"工程", U"行动", U"品牌", U"战略", U"项目", U"模式", U"机制", U"工作法", U"平台", U"活动", U"专项",
    U"服务圈"};
// A name-shaped unknown token before one of these is a person: 赵世庆强调.
// What follows a person's name in reports and news: verbs of speech, presence
// and action (赵世庆强调, 王晓明报道), 等人 closing a list of names, and
// titles written after the name (钟南山院士, 张华同志, 李鹏总理, 克林顿总统,
// 张艺谋导演, 李明同学), and the team named after its head (颜宁团队).
inline constexpr std::array<std::u32string_view, 71> kSubjectVerbs = {
    U"总理", U"总统", U"主席", U"首相", U"国务卿", U"总书记", U"委员长", U"大使", U"议长",
    U"强调", U"指出", U"表示", U"认为", U"介绍", U"要求", U"希望", U"建议", U"提出", U"认真",
    U"先后", U"分别", U"主持", U"出席", U"讲话", U"说", U"报道", U"会见", U"会晤", U"参加",
    U"宣布", U"透露", U"回应", U"看望", U"调研", U"考察", U"视察", U"接受", U"称", U"等人",
    U"同志", U"院士", U"教授", U"先生", U"女士", U"说道", U"坦言", U"获得", U"发布", U"发表",
    U"访问", U"签署", U"致辞", U"告诉", U"当选", U"回忆",
    U"导演", U"教练", U"同学", U"老师", U"医生", U"律师",
    U"执导", U"主演", U"担任", U"出任", U"回到", U"来到", U"抵达", U"率团", U"荣获", U"团队"};
// Forms of address written after a name that are no positions of our lists
// (张华同志, 王老师): after a surname alone they make no personal name
// (surname_and_title); most are kSubjectVerbs too.
inline constexpr std::array<std::u32string_view, 12> kFormsOfAddress = {
    U"老师", U"医生", U"律师", U"同学", U"教练", U"导演", U"师傅", U"大夫", U"先生", U"女士", U"小姐", U"同志"};
// Words of this many characters or more are phrases (习近平新时代中国特色社会主义思想):
// the places inside them are found.
constexpr uint32_t kLongCompound = 8;
// The level at the end of a division name: 渝中区, 石柱县, 重庆市.
constexpr std::u32string_view kLevelChars = U"区县市州旗盟";
// Unknown words ending in one of these are places (双钢路, 恒大云邸).
constexpr std::u32string_view kPlaceChars = U"路街巷湾城邸苑园村桥坝";
// The last characters of sites jieba's dictionary names whole (颐和园,
// 布达拉宫, 北京城, 鹳雀楼, 莫高窟, 西直门, 居庸关): add_token_rules.
constexpr std::u32string_view kSiteChars = U"园宫陵城楼窟门关";
// The last characters of names of landforms, waters and sites (大黑河 ns,
// 美岱沟 unknown, 云居寺 tagged nr by jieba): a name of three to five
// characters the lexicon holds as a proper noun, or does not hold, that ends
// in one is a place (add_token_rules). Those given names use too (山 海 江 峰
// 岭 泉 of 钟南山, 徐庆海) only for words jieba tags a place, or that no
// surname opens.
constexpr std::u32string_view kLandformChars = U"山河江湖海岛峰岭峡寺庙塔沟溪泉滩渠潭";
constexpr std::u32string_view kGivenNameLandformChars = U"山海江峰岭泉";
// Whether a name is a province's or an autonomous region's, full or short
// (湖北省, 湖北, 内蒙古; not the municipalities): city_groups.cc.
bool is_province_name(std::u32string_view name);
// Marks a clause ends with, in either width, and the spaces and line breaks
// that stand for them: after one (or at the start) a name may open a clause.
inline constexpr std::u32string_view kClauseMarks = U"，。；：！？,;:!? \u3000\n";
inline bool opens_clause(std::u32string_view cps, uint32_t b) {
  return b == 0 || kClauseMarks.find(cps[b - 1]) != std::u32string_view::npos;
}
// A space of either width (bylines and headings set names apart with them).
inline bool is_space(char32_t c) { return c == U' ' || c == U'\u3000'; }
// Whether a name-shaped span ending at `end` ends in a character of village
// and street names that given names do not use (王家坝, 李村, 张湾; not 桥,
// 城, 园: 张春桥): more likely a place than a person.
inline bool ends_like_village(std::u32string_view cps, uint32_t end) {
  return end > 0 && std::u32string_view(U"村坝湾巷路街").find(cps[end - 1]) != std::u32string_view::npos;
}
// One-character short names of provinces and of the cities that name
// railways and roads (渝 Chongqing, 湘 Hunan, 成 Chengdu, 昆 Kunming …).
constexpr std::u32string_view kPlaceShortNames =
    U"京津沪渝冀豫云滇辽黑湘皖鲁新苏浙赣鄂桂甘陇晋蒙陕秦吉闽贵黔粤青藏川蜀宁琼港澳台成昆广深汉杭厦兰郑合福西太石包哈长遂万达襄宜";
// The kinds of line those short names name (their last two characters
// count as a suffix's, see suffix_ends_).
inline constexpr std::array<std::u32string_view, 7> kLineKinds = {U"高铁", U"铁路", U"高速", U"高速公路", U"城际",
                                                                  U"城际铁路", U"动车"};
// Tags of words that say what kind a named place is (体育 产业园, 现代 服务
// 产业园, 一体化 发展 示范区): between a place and a place suffix they belong
// to the name.
inline constexpr std::array<std::string_view, 6> kKindTags = {"n", "vn", "b", "t", "nz", "l"};
// Tags of words that cannot be part of a name before a suffix (verbs,
// function words, numerals, pronouns ...).
// Titles news writes right before a person's name (法国总统马克龙, 教授李建国,
// 市民高永强, 犯罪嫌疑人黄某): left context for a name only, not mentions
// (as positions they swallowed the body before them: 清华大学教授). Not the
// ones that are as often verbs or nouns of a group (代表, 委员, 主任委员).
// (And leaders, ministers and envoys of other systems: 地区领导人, 财政大臣,
// 外相, 高级专员, 特使.)
inline constexpr std::u32string_view kNameTitles[] = {
    U"总统", U"副总统", U"总理", U"副总理", U"首相", U"国务卿", U"外长", U"议长", U"大使", U"秘书长", U"国王",
    U"女王", U"王储", U"亲王", U"主席", U"部长", U"外交部长", U"省长", U"市长", U"县长", U"区长", U"州长",
    U"镇长", U"乡长", U"村长", U"局长", U"厅长", U"司长", U"处长", U"书记", U"校长", U"院长", U"所长",
    U"教授", U"副教授", U"研究员", U"院士", U"博士", U"医生", U"医师", U"护士", U"教练", U"主教练", U"队长",
    U"选手", U"运动员", U"球员", U"董事长", U"总裁", U"副总裁", U"总经理", U"经理", U"创始人", U"首席执行官", U"记者",
    U"通讯员", U"编辑", U"主编", U"作家", U"诗人", U"画家", U"导演", U"演员", U"歌手", U"律师", U"法官",
    U"检察官", U"民警", U"警官", U"教师", U"老师", U"工程师", U"专家", U"学者", U"志愿者", U"嫌疑人", U"被告人",
    U"球星", U"主持人", U"传承人", U"航天员", U"消防员", U"飞行员", U"队员", U"行政长官", U"特首", U"行长",
    U"会长", U"总干事", U"发言人", U"领导人", U"大臣", U"外相", U"总督", U"专员", U"特使",
    U"特别代表"};
// A word of jieba's dictionary this frequent (养老 651, 城市 25084) is a
// common word where only a title vouches for it as a name (普京 171, 扎西 17).
constexpr uint32_t kCommonNameWordFreq = 300;
// The count jieba's dictionary gives the rarest of its words (3): many are
// names under another tag (陈佳洱 n).
constexpr uint32_t kLowestWordFreq = 3;
// How name-like (person name model log-odds) a word the lexicon does not
// know must be to be a name before a verb: 普惠率 0.0 is not; 张伟 2.3,
// 姚明 1.8, 胡衡华 4.3 are.
constexpr float kMinCoinedNameLogOdds = 1.5f;
// jieba tags abbreviations j, and with them common words (深化 1425, 研发
// 1976, 通信 2998): one this frequent that our lists do not type is no part
// of a name.
constexpr uint32_t kCommonAbbreviationFreq = 1000;
inline bool common_abbreviation(const WordRef& w) {
  return w.entity == EntityType::kNone && w.tag == "j" && w.freq >= kCommonAbbreviationFreq;
}
// Roles of ordinary people written before a name like titles (市民王芳,
// 患者李秀英, 妻子李娜), not posts: a common word after them is no name
// (游客 城市). for_each_name_title reads them after kNameTitles.
inline constexpr std::u32string_view kDomesticRoles[] = {
    U"市民", U"居民", U"村民", U"农民", U"牧民", U"游客", U"老人", U"学生", U"网友", U"工人", U"司机", U"店主",
    U"快递员", U"妻子", U"丈夫", U"儿子", U"女儿", U"父亲", U"母亲", U"孙子", U"孙女",
    U"农民工", U"患者", U"员工", U"职工", U"家长", U"业主", U"乘客", U"旅客", U"考生", U"骑手", U"外卖员",
    U"环卫工人", U"技术员", U"老兵", U"厨师", U"设计师", U"摄影师", U"班主任", U"邻居", U"同事",
    U"商户", U"摊主", U"车主", U"移民", U"渔民", U"个体户", U"村医", U"同学", U"朋友", U"战友", U"老伴", U"得主"};
// The last characters of nouns of a person's role or trade (科学家, 党员,
// 工程师, 歌手, 战士, 法官, 球星, 木匠, 队友, 冠军, 实习生; 前锋, 后卫, 门将 of
// a team). Not 人: 机器人, 个人, 本人 name no one.
inline constexpr std::u32string_view kRoleSuffixes = U"员家师手士官星匠友锋卫将军生";
inline bool is_role_suffix(char32_t c) { return kRoleSuffixes.find(c) != std::u32string_view::npos; }
// Every title a name may follow: the posts and forms of kNameTitles, then
// the roles of kDomesticRoles.
template <typename F>
void for_each_name_title(F&& f) {
  for (std::u32string_view title : kNameTitles) f(title);
  for (std::u32string_view title : kDomesticRoles) f(title);
}
// Tags of words names do not run across: verbs, function words, numerals,
// time words (jieba tags 前往 t: 前往 王府井大街) ...
inline constexpr std::array<std::string_view, 19> kStopTags = {"v", "vn", "p", "c", "u", "d", "r", "m", "q", "t",
                                                                "f", "y", "e", "o", "uj", "ul", "ud", "ad", "a"};
// Whether a lexicon tag is one of `tags`.
inline bool tag_is(std::string_view tag, std::initializer_list<std::string_view> tags) {
  for (std::string_view x : tags) {
    if (tag == x) return true;
  }
  return false;
}
// Tags of function words (prepositions, conjunctions, particles, adverbs,
// pronouns, modal particles, interjections, onomatopoeia): kStopTags without
// the verbs, numerals, measure words, time and place words, adjectives.
inline constexpr std::array<std::string_view, 11> kFunctionWordTags = {"p", "c", "u", "uj", "ul", "ud",
                                                                       "d", "r", "y", "e", "o"};
inline bool is_function_word_tag(std::string_view tag) {
  return std::find(kFunctionWordTags.begin(), kFunctionWordTags.end(), tag) != kFunctionWordTags.end();
}
// Whether a lexicon tag is one of kStopTags.
inline bool is_stop_word_tag(std::string_view tag) {
  return std::find(kStopTags.begin(), kStopTags.end(), tag) != kStopTags.end();
}
// Whether a word the lexicon holds is a verb, function word … (kStopTags);
// false for a span it does not hold.
inline bool is_stop_word(const std::optional<WordRef>& w) { return w && is_stop_word_tag(w->tag); }
// Tags of proper nouns: a name before a suffix needs one of these, or a word
// the lexicon does not know (口袋公园 and 特色产业园 are not names).
inline constexpr std::array<std::string_view, 7> kProperTags = {"ns", "nz", "nt", "nr", "nrt", "j", "nw"};
inline bool is_proper_word_tag(std::string_view tag) {
  return std::find(kProperTags.begin(), kProperTags.end(), tag) != kProperTags.end();
}
// Whether a lexicon tag is one of jieba's tags for persons' names (nr, nrt
// for transliterated names, nrfg).
inline bool is_name_word_tag(std::string_view tag) { return tag == "nr" || tag == "nrt" || tag == "nrfg"; }

// Buffers of one extract() call, kept per thread: a document is analyzed line
// by line in pipelines, and allocating them for every line costs more than the
// work on a short line.
struct Workspace {
  CharText t;
  std::vector<Candidate> terms, cands, titles, titled, chosen, committees, subjects, landforms;
  std::vector<uint32_t> first, probes, listed;
  std::vector<PossegWord> posseg_words;
  PossegScratch posseg;
  std::vector<const Candidate*> by_start;
  std::vector<uint32_t> taken;  // by char: the stamp of the call that took it
  uint32_t stamp = 0;
  ModelWorkspace model;

  // After a huge text, give the memory back instead of holding it per thread.
  void trim() {
    const size_t held =
        bytes_held(t.own.cps, t.own.byte_at, t.flags, t.triggers.buffer, t.term_starts.buffer, t.char_of_byte,
                   t.token_end_of, terms, cands, titles, titled, chosen, committees, subjects, first, probes, listed,
                   by_start, taken, posseg_words, posseg.from, model.tokens, model.token_of, model.rule_code, model.term_code,
                   model.windows, model.keys, model.key_begin, model.sums, model.emissions, model.labels, model.chain.best,
                   model.chain.into, t.token_word);
    if (held > kWorkspaceKeepBytes) *this = Workspace();
  }
};

}  // namespace entity_detail

class EntityExtractorImpl {
  using CharText = entity_detail::CharText;
  using Candidate = entity_detail::Candidate;
  using WordRef = entity_detail::WordRef;
  using Workspace = entity_detail::Workspace;

 public:
  explicit EntityExtractorImpl(Lexicon lexicon, EntityOptions options = {});
  // On the normalized view of `text`, segmented here (spans in `text`).
  Entities extract(std::string_view text) const;
  // On the normalized view another pass segmented (spans in its original).
  Entities extract(const entity_detail::SegmentedText& segmented) const;
  // On `text` as it is, with the caller's tokens.
  Entities extract(std::string_view text, const std::vector<Token>& tokens) const;
  const Lexicon& lexicon() const { return lexicon_; }
  // For the trainer: `text` analyzed as extract(text) does up to the rules'
  // result, then the model's windows and features with `tables`.
  void featurize(std::string_view text, const FeatureTables& tables, TrainingText& out) const;

 private:
  // Fills t from the text: code points, class bits, byte offsets, token starts.
  void decode(std::string_view text, const std::vector<Token>& tokens, CharText& t) const;
  void decode(const entity_detail::SegmentedText& segmented, CharText& t) const;
  // Points t at `decoded` and finds the class bits (no token starts yet).
  void use_decoding(const DecodedText& decoded, CharText& t) const;
  // Calls f with this thread's workspace (reset if f throws).
  template <typename F>
  static Entities with_workspace(F&& f);
  // `tokens` of a text, moved onto its normalized view `normalized` (empty
  // ones, inside one change of normalization, dropped). A token over a
  // change that writes several characters (㉀ is "(祭)") is cut again as
  // the segmenter cuts those characters: one original character cannot
  // hold the several tokens extract(text) would see there.
  std::vector<Token> tokens_of_normalized(const NormalizedText& normalized, const std::vector<Token>& tokens) const;
  // The rules and the resolving pass on the text t decodes (`text`: its
  // bytes); spans are mapped back through `normalized` when given.
  Entities find(std::string_view text, const NormalizedText* normalized, Workspace& ws) const;
  // The rules' mentions into ws.chosen (no overlaps, in order of position);
  // ws.terms keeps the typed terms.
  void rule_pass(std::string_view text, Workspace& ws) const;
  // The model's inputs from the rule pass: tokens, per-char codes, windows.
  void model_inputs(const CharText& t, Workspace& ws, const FeatureTables& tables) const;
  // Fills base_tag_facts_ (the constructor).
  void index_tag_facts();
  // Whether char i may only be O for the model: clause punctuation, and the
  // non-digits of a token led by digits (2023年, 5%).
  bool closed_at(const CharText& t, const ModelWorkspace& m, uint32_t i) const;
  // Appends the feature keys of char i (inside a window) to `keys`.
  void char_features(const CharText& t, const ModelWorkspace& m, const FeatureTables& tables, uint32_t i,
                     std::vector<uint64_t>& keys) const;
  // Replaces ws.chosen by the combination of the rules' and the model's
  // mentions (the policy is in labeler.cc).
  void apply_model(const CharText& t, Workspace& ws) const;
  // Builds the typed-term index from the lexicon's typed-term lists (and kTermFirst).
  void index_terms();
  // The typed terms that pass the boundary rules (accept_term); `probes` is
  // scratch space.
  void add_terms(const CharText& t, std::vector<Candidate>& out, std::vector<uint32_t>& probes) const;
  void add_regex(const RE2& re, std::string_view text, const CharText& t, EntityType type,
                 std::vector<Candidate>& out, size_t from = 0) const;
  // add_regex() only in windows around each occurrence of `literal` (which
  // every match contains): an unanchored scan of a whole long text per
  // pattern costs far more.
  // `before`/`after`, when given, must occur in the window before/after the
  // literal as well.
  void add_regex_near(const RE2& re, std::u32string_view literal, std::string_view text, const CharText& t,
                      EntityType type, std::vector<Candidate>& out, std::string_view before = {},
                      std::string_view after = {}) const;
  void add_documents_and_slogans(const CharText& t, std::vector<Candidate>& out) const;
  void add_composed(const CharText& t, const std::vector<Candidate>& terms, std::vector<Candidate>& out,
                    Workspace& ws) const;
  // 县人民医院, 市第一人民医院, 区中医院: a level written as a word of its own,
  // an ordinal, and an institution named by common words; 区人力社保局: a
  // department of the level; 高新区管委会: the committee of a zone by its
  // kind (bodies.cc).
  void add_level_institutions(const CharText& t, std::vector<Candidate>& out) const;
  // 两江新区管委会, 杨家坪街道办事处, 七都镇人民政府, 南山区科创局: the
  // administration of a zone or a township, a division's department, after
  // the place the rules found (bodies.cc).
  void add_place_administrations(const CharText& t, std::vector<Candidate>& out) const;
  // The end of a department named by the words of its work and its kind
  // after a level or a division (区 人力 社保局, 南山区 科创局) starting at i,
  // its words from `from`; 0 when there is none (bodies.cc).
  uint32_t department_end(const CharText& t, uint32_t i, uint32_t from) const;
  // 观音桥 + 街道党工委书记: the name before a title that opens with a level is
  // the place the level makes of it (观音桥街道), as 渝中 of 渝中区委书记 (extractor.cc).
  void add_places_before_level_titles(const CharText& t, std::vector<Candidate>& cands) const;
  // 区政协提案委, 市政协文化文史和学习委: at each 政协, the shortest run of
  // 1-14 Han characters followed by 委员会, 联组 or 委.
  void add_committees(const CharText& t, std::vector<Candidate>& out) const;
  // Rules on each token: names ending in a company/organization/place suffix,
  // unknown place names, and (into `subjects`) names before a speech verb.
  // `listed` is scratch space.
  // Chinese names no list holds (张伟、刘芳, 叫王秀英，): a surname and one or
  // two characters the lexicon does not know as a word, that the person name
  // model (person_names.h) finds name-like, where a name may stand.
  void add_names_by_characters(const CharText& t, std::vector<Candidate>& out) const;
  // Persons among the words jieba's part-of-speech HMM reads as names in the
  // runs the segmenter left to its own HMM (posseg_names.cc).
  void add_posseg_names(const CharText& t, std::vector<PossegWord>& words, PossegScratch& scratch,
                        std::vector<Candidate>& out) const;
  // The end of a two-character unknown token of a surname, or of it and the
  // single character the segmenter cut off after it (王楚 钦) when the three
  // read as a name far more than not and are no word.
  uint32_t with_cut_off_char(const CharText& t, uint32_t begin, uint32_t end) const;
  // Transliterated names opening a clause before a verb, preposition or
  // adverb, whose characters jieba's posseg HMM emits as such a name's
  // (泽连斯基在…, 古特雷斯对…); needs the learned model's table.
  void add_foreign_subjects(const CharText& t, std::vector<Candidate>& out) const;
  // Persons right after a title of kNameTitles, Chinese or foreign names.
  void add_names_after_titles(const CharText& t, std::vector<Candidate>& out) const;
  // Whether [b, e) is a noun of a person's role by its last character (is_role_suffix).
  bool role_noun_at(const CharText& t, uint32_t b, uint32_t e) const;
  // 援藏, 在晋, 湘企: one-character place names inside two-character tokens;
  // 港澳, 苏皖鲁豫: regions named together by them.
  void add_short_place_names(const CharText& t, std::vector<Candidate>& out) const;
  // 苏锡常, 长株潭, 呼包鄂乌: groups of cities of one province named by one
  // character of each (city_groups.cc).
  void add_city_groups(const CharText& t, std::vector<Candidate>& out) const;
  // Whether [b, e) is two characters that stand for cities (of any
  // provinces) before a word of joint development (杭成 合作, 郑洛 协同): no
  // person's name there, if no group either (city_groups.cc).
  bool city_pair_before_cue(const CharText& t, uint32_t b, uint32_t e) const;
  // Tibetan names: two parts of such names side by side (次仁卓玛; the parts
  // are data, src/data/tibetan_name_parts.txt; names.cc).
  void add_tibetan_names(const CharText& t, std::vector<Candidate>& out) const;
  // A rare word jieba tags a place's name, right after a place of our lists
  // (海南 洋浦, 四川 汶川): the smaller place of an address (names.cc).
  void add_places_after_places(const CharText& t, const std::vector<Candidate>& terms,
                               std::vector<Candidate>& out) const;
  // 蓝思科技, 华熙生物: firms by a coined name and their trade (trade_names.cc).
  void add_trade_names(const CharText& t, std::vector<Candidate>& out) const;
  // 张某, 王某某, 老李说: persons by the forms of a surname news writes (name_forms.cc).
  void add_surname_forms(const CharText& t, std::vector<Candidate>& out) const;
  // 刘洋在…, 张建军昨天…: a name opening a clause before where or when it acted
  // (clause_subjects.cc); into `subjects`, as names before verbs.
  void add_clause_subjects(const CharText& t, std::vector<Candidate>& out) const;
  // 智博会, 西洽会, 第17届省运会: events named by a short name and the kind
  // of event in one character.
  void add_short_event_names(const CharText& t, std::vector<Candidate>& out) const;
  // 华润（集团）有限公司, 戴尔（中国）有限公司: firms with the group or a
  // branch's country in parentheses before the legal form (trade_names.cc).
  void add_firms_with_parenthetical(const CharText& t, std::vector<Candidate>& out) const;
  // 全国人大常委会第十三次会议, 国务院第九次常务会议, 中国科协第十次全国代表大会,
  // 上海合作组织成员国元首理事会第二十五次会议: the sessions a body or its
  // council numbers, with the body and its term (十四届) in the name, as
  // 区政协十五届二次会议 (bodies.cc).
  void add_numbered_sessions(const CharText& t, std::vector<Candidate>& out) const;
  // The name-like members of a list of places written with 、 (德令哈、格尔木、西宁),
  // or of firms (吉能、交投等企业), added to the final mentions `chosen`
  // (disjoint, in order; kept so).
  // Addresses: a name takes its level (朝天门 社区), a chain of divisions
  // and a name is each a place (广州市 天河区 珠江新城).
  void settle_addresses(const CharText& t, std::vector<Candidate>& chosen) const;
  void add_list_members(const CharText& t, std::vector<Candidate>& chosen) const;
  void add_listed_peers(const CharText& t, const std::vector<Candidate>& chosen, std::vector<Candidate>& found) const;
  // One sense per text: a person found by its characters alone (weak) whose
  // name the text also has as a place is that place (杨凌 of 宝鸡、杨凌 and of
  // 杨凌农高会).
  static void settle_weak_persons(const CharText& t, std::vector<Candidate>& chosen);
  // A village written after its township (七都镇 开弦弓村, 谢家滩乡 拉扎村) is
  // a place of its own; a model mention joined across both is cut in two.
  void add_villages_after_townships(const CharText& t, std::vector<Candidate>& chosen) const;
  // A foreign or minority name in parts joined by a middle dot (比尔·盖茨,
  // 马丁·路德·金, 阿沛·阿旺晋美) is one person: the parts, with a person
  // found among them or one of them a name by jieba's tags, replace the
  // mentions inside (final mentions `chosen`, kept disjoint and in order).
  void join_dotted_names(const CharText& t, std::vector<Candidate>& chosen) const;
  // 比亚迪 董事长: a firm's name before a title only firms have, from `titles`.
  void add_firms_before_titles(const CharText& t, const std::vector<Candidate>& titles,
                               std::vector<Candidate>& out) const;
  // The rules read off one token at a time: names by their head word, names
  // before a verb of speech (`subjects`), landforms by their last character
  // (`landforms`: a person's name of the same span wins, 钟南山院士).
  void add_token_rules(const CharText& t, std::vector<Candidate>& out, std::vector<Candidate>& subjects,
                       std::vector<Candidate>& landforms, std::vector<uint32_t>& listed) const;
  // 渝湘高铁, 沪昆铁路: short place names before the kind of line ending token [i, e).
  void add_transport_line(const CharText& t, uint32_t i, uint32_t e, std::vector<Candidate>& out) const;
  bool slogan_like(const CharText& t, uint32_t begin, uint32_t end) const;
  // Whether the word after a closing quote makes the quote a programme name:
  // “满天星”计划, “智融惠畅”工程.
  static bool names_programme(const CharText& t, uint32_t at) {
    for (auto w : entity_detail::kProgrammeNouns) {
      if (t.matches(at, w)) return true;
    }
    return false;
  }
  bool name_like_token(const CharText& t, uint32_t begin, uint32_t end) const;
  bool person_like(const CharText& t, uint32_t begin, uint32_t end, bool trust_nr = false) const;
  bool foreign_name(const CharText& t, uint32_t begin, uint32_t end) const;
  // Whether jieba's posseg HMM reads the characters as a transliterated
  // name: their mean gap (EntityModel::nrt_gap) at least kMinTransliterationGap.
  bool reads_as_transliteration(const CharText& t, uint32_t begin, uint32_t end) const;
  bool name_word_plausible(const CharText& t, uint32_t begin, uint32_t end) const;
  // The title of kNameTitles written right before `end` and not before
  // `from`, or empty.
  std::u32string_view name_title_ending_at(const CharText& t, uint32_t end, uint32_t from) const;
  // `end`, or end - 1 where the HMM glued a verb to a name (戴冰摄).
  uint32_t without_glued_verb(const CharText& t, uint32_t begin, uint32_t end) const;
  // Whether the token at `at` is an adverb and the preposition the HMM glued
  // to it, opening a predicate (总书记 曾到 湖南: 曾 is a surname too).
  bool glued_adverb_and_preposition(const CharText& t, uint32_t at) const;
  // A word of the lexicon at least kCommonNameWordFreq frequent, not tagged
  // or typed as a person's name (城市): never looked for again as a name.
  bool common_non_name_word(std::u32string_view name) const;
  uint32_t surname_length(const CharText& t, uint32_t at) const;
  // Whether [b, e) is a surname and a title or form of address (王老师, 刘
  // 医生, 李主任): no personal name, the title is no given name.
  bool surname_and_title(const CharText& t, uint32_t b, uint32_t e) const;
  // The lexicon entry of the characters [begin, end), looked up without
  // building a string (user words first, as Lexicon::lookup does).
  std::optional<WordRef> word_info(const CharText& t, uint32_t begin, uint32_t end) const;

  Lexicon lexicon_;
  SegmenterImpl segmenter_;
  std::optional<EntityModel> model_;
  std::optional<PersonNameModel> person_names_;
  std::optional<PossegHmm> posseg_;
  int posseg_nr_ = -1, posseg_nrfg_ = -1;  // the person tags' ids in posseg_
  std::vector<std::u32string> compound_surnames_;
  std::vector<uint8_t> char_flags_ = std::vector<uint8_t>(0x10000, 0);    // common CharFlag bits (BMP)
  // Characters that stand for a city or province in names joining several
  // (郑洛, 苏锡常, 皖赣): the first characters of the cities (…市) of the
  // place terms, and the provinces' short names (index_terms).
  std::bitset<0x10000> city_initials_;
  // The last characters of every title a name may follow (for_each_name_title,
  // the positions of our lists, kRoleSuffixes): add_names_after_titles asks
  // each token's last character once.
  std::bitset<0x10000> title_last_chars_;
  bool city_initial(char32_t c) const { return c < 0x10000 && city_initials_.test(c); }
  bool accept_term(const CharText& t, uint32_t k, uint32_t end, EntityType type) const;
  // Candidates of the terms of `index` at t.term_starts.
  void add_indexed_terms(const TermIndex& index, const CharText& t, std::vector<Candidate>& out,
                         std::vector<uint32_t>& probes) const;

  TermIndex terms_;  // the typed lexicon terms
  // Those with a character other than Han after a Han first one (the
  // segmenter's word graphs, on Han runs, do not meet them); usually none.
  TermIndex mixed_terms_;
  // The last two characters of every company, organization and place
  // suffix and kind of line, as bits of pair_bit.
  std::bitset<0x10000> suffix_ends_;
  static uint32_t pair_bit(char32_t a, char32_t b) { return (a * 0x9E3779B1u ^ b * 0x85EBCA77u) >> 16; }
  std::vector<uint16_t> rare_flags_ = std::vector<uint16_t>(0x10000, 0);  // rare CharFlag bits (BMP)
  // What the model reads of each tag of the base lexicon, by its id: the
  // facts of a token the segmenter found there cost one load (labeler.cc).
  std::vector<TagFacts> base_tag_facts_;
  std::vector<std::unique_ptr<RE2>> meetings_;
};

}  // namespace internal
}  // namespace zhpolicy

#endif  // ZHPOLICY_SRC_ENTITIES_EXTRACTOR_IMPL_H_
