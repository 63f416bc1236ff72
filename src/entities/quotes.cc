// Documents and slogans: text in 《》, named government work reports,
// quoted programme names (not scare quotes), numbered slogans (一核三带六园区).
#include "entities/extractor_impl.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

// Quoted phrases are programme names or slogans unless the quotes only stress
// an ordinary word (“温度”, “新地标”) or a clause.
bool EntityExtractorImpl::slogan_like(const CharText& t, uint32_t begin, uint32_t end) const {
  const uint32_t len = end - begin;
  if (len == 0 || len > 30) return false;
  bool digits_only = true, has_numeral = false, has_plus = false, has_de = false;
  uint32_t part = 0, longest_part = 0;
  for (uint32_t i = begin; i < end; ++i) {
    const char32_t c = t.cps[i];
    // (Digits and what joins them: 8·22 names a day, 12345 a hotline.)
    digits_only = digits_only && ((c >= U'0' && c <= U'9') || c == U'·' || c == U'．' || c == U'.' ||
                                  c == U'×' || c == U'-' || c == U'—' || c == U'/' || c == U':');
    has_numeral = has_numeral || t.has(i, kNumeral) || (c >= U'0' && c <= U'9');
    has_plus = has_plus || c == U'+' || c == U'＋';
    has_de = has_de || c == U'的';
    if (c == U'、' || c == U',' || c == U'，' || c == U'+' || c == U'＋') {
      part = 0;
    } else {
      longest_part = std::max(longest_part, ++part);
    }
  }
  if (digits_only) return false;                       // a programme code, a number, a date
  // An amount in quotes (“一千二百零一亿元”): numerals and magnitudes, then a
  // unit (not “十四五”, “1000亿”: no unit).
  {
    const std::u32string_view magnitudes = U"十百千万亿零〇.", units = U"元吨亩人次岁%％";
    uint32_t i = begin;
    while (i < end && (t.has(i, kNumeral) || (t.cps[i] >= U'0' && t.cps[i] <= U'9') ||
                       magnitudes.find(t.cps[i]) != std::u32string_view::npos)) {
      ++i;
    }
    if (i > begin && i + 1 == end && units.find(t.cps[i]) != std::u32string_view::npos) return false;
  }
  if (len > 2 && suffix_ends_.test(pair_bit(t.cps[end - 2], t.cps[end - 1]))) {
    for (auto suffix : kPlaceSuffixes) {               // “大田湾体育产业园” names a place
      if (len > suffix.size() && t.matches(end - static_cast<uint32_t>(suffix.size()), suffix)) return false;
    }
  }
  // A phrase that ends in a programme noun names one, however long:
  // “新冠病毒感染诊疗线上继续教育平台”, “10分钟幸福养老服务圈”.
  const bool programme = !has_de && longest_part == len && std::any_of(kProgrammeNouns.begin(), kProgrammeNouns.end(), [&](std::u32string_view w) {
    return len > w.size() && t.matches(end - static_cast<uint32_t>(w.size()), w);
  });
  if (programme) return true;
  if (longest_part > 8) return false;                  // a clause, not a name
  if (has_numeral || has_plus) return true;            // 四首经济, 国际范+烟火气
  if (has_de) return false;                            // 舌尖上的安全
  const std::u32string_view tail = t.cps.substr(end - std::min<uint32_t>(len, 2), 2);
  if (len <= 3 && (tail == U"起来" || tail == U"进来" || tail == U"出来" || tail == U"下去")) return false;
  // One common noun or adjective in quotes is emphasis: 温度, 空间, 精度,
  // 一盘棋. A verb or adverb is a campaign's or a principle's name (“严打”,
  // “走出去”, “并举”), as are idioms (老有所养) and words jieba tags as
  // proper nouns (“神舟”, “金点子”): so the silver set's quoted words read,
  // in national and provincial reports alike.
  if (t.token_start(begin) && t.token_end_of[begin] == end) {
    if (auto w = word_info(t, begin, end)) {
      if (w->entity != EntityType::kNone) return true;
      if (w->tag == "i" || w->tag == "l") return true;
      return len >= 2 && (w->tag == "v" || w->tag == "vn" || w->tag == "d" || w->tag == "nz" || is_name_word_tag(w->tag));
    }
  }
  // A few common words in quotes are emphasis too: “新地标”, “多元消费供给”;
  // so is a body with a common word (“政协智慧”: the CPPCC's wisdom). A
  // place with one is a brand of the place's (“上海标准”, “海上福建”).
  uint32_t tokens = 0, common = 0, named = 0, places = 0;
  for (uint32_t i = begin; i < end; i = t.token_end_of[i]) {
    if (!t.token_start(i) || t.token_end_of[i] > end) return true;  // quotes cut a word: a coinage
    ++tokens;
    const auto w = word_info(t, i, t.token_end_of[i]);
    if (w && w->entity == EntityType::kNone && w->freq >= 1000) ++common;
    if (w && w->entity != EntityType::kNone && w->entity != EntityType::kSlogan) ++named;
    if (w && w->entity == EntityType::kPlace) ++places;
  }
  if (places > 0 && tokens > places) return true;
  return !(tokens <= 3 && common > 0 && common + named == tokens);
}

void EntityExtractorImpl::add_documents_and_slogans(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  for (uint32_t i : t.triggers) {
    if (!t.has(i, kQuoteOpen)) continue;
    const char32_t open = t.cps[i];
    const char32_t close = open == U'《' ? U'》' : open == U'“' ? U'”' : open == U'「' ? U'」' : 0;
    if (!close) continue;
    uint32_t j = i + 1;
    while (j < n && t.cps[j] != close && t.cps[j] != U'\n' && j - i <= 80) ++j;
    if (j >= n || t.cps[j] != close || j == i + 1) continue;
    // A storm's name or a nickname in quotes is no slogan (台风“摩羯”, 代号“天宫”).
    auto named_thing = [&] {
      for (std::u32string_view noun : {U"台风", U"飓风", U"代号", U"绰号", U"昵称", U"网名"}) {
        if (i >= noun.size() && t.matches(i - static_cast<uint32_t>(noun.size()), noun)) return true;
      }
      return false;
    };
    if (open == U'《') {
      out.push_back({i + 1, j, EntityType::kDocument, kRulePriority});
    } else if (named_thing()) {
      continue;
    } else if (slogan_like(t, i + 1, j) ||
               (names_programme(t, j + 1) && !std::all_of(t.cps.begin() + i + 1, t.cps.begin() + j,
                                                          [](char32_t c) { return c >= U'0' && c <= U'9'; }))) {
      out.push_back({i + 1, j, EntityType::kSlogan, kRulePriority});
    }
  }
  // Where a title that places and 区/市/县/省 written right before it
  // belong to starts, from b: a place's full name first (广西壮族自治区:
  // its 区 is no level alone).
  auto with_places_before = [&](uint32_t b) {
    for (bool grew = true; grew && b > 0;) {
      grew = false;
      for (uint32_t len = std::min<uint32_t>(b, 8); len >= 2 && !grew; --len) {
        if (auto w = word_info(t, b - len, b); w && w->entity == EntityType::kPlace) {
          b -= len;
          grew = true;
        }
      }
      const char32_t c = b > 0 ? t.cps[b - 1] : 0;
      if (!grew && (c == U'区' || c == U'市' || c == U'县' || c == U'省')) {
        --b;
        grew = true;
      }
    }
    return b;
  };
  // Documents named by what they are about, after the verb that issues
  // them (制定 2030年前碳排放达峰行动方案, 出台 郑开同城化发展规划): from the
  // verb's end to the first head word, four to twenty characters of Han and
  // digits between, no other issuing verb among them (not 制定 实施方案:
  // nothing names it). Function words, determiners and a verb of carrying
  // out after the verb are not the title's (制定 和 实施 …, 出台 一些 …); a
  // title with 的 in it opens with 关于 (关于保障性安居工程建设和管理的指导意见;
  // not 具有可操作性的实施细则).
  auto opening_word = [&](uint32_t k) {
    const uint32_t e = t.token_end_of[k];
    if (e == CharText::kNoToken || e > n) return false;
    const std::u32string_view w(t.cps.data() + k, e - k);
    if (w == U"关于") return false;  // a title's first word
    if (w == U"实施" || w == U"落实" || w == U"执行" ||
        std::find(std::begin(kIssuingVerbs), std::end(kIssuingVerbs), w) != std::end(kIssuingVerbs)) {
      return true;
    }
    const auto info = word_info(t, k, e);
    return info && (is_function_word_tag(info->tag) || tag_is(info->tag, {"m", "a", "ad"}));
  };
  for (uint32_t i : t.triggers) {
    if (!t.has(i, kIssuingFirst) || !t.token_start(i) || t.token_end_of[i] != i + 2) continue;
    if (std::none_of(std::begin(kIssuingVerbs), std::end(kIssuingVerbs), [&](auto v) { return t.matches(i, v); })) {
      continue;
    }
    uint32_t name = i + 2;
    for (int words = 0; words < 4 && name < n && t.token_start(name) && t.han(name) && opening_word(name); ++words) {
      name = t.token_end_of[name];
    }
    if (name >= n || !t.token_start(name)) continue;
    for (uint32_t k = name; k < n && k <= name + 24 && (t.han(k) || (t.cps[k] >= U'0' && t.cps[k] <= U'9')); ++k) {
      if (!t.token_start(k)) continue;
      if (k > name && std::any_of(std::begin(kIssuingVerbs), std::end(kIssuingVerbs),
                                  [&](auto v) { return t.matches(k, v) && t.token_end_of[k] == k + 2; })) {
        break;
      }
      const auto head = std::find_if(std::begin(kIssuedDocumentHeads), std::end(kIssuedDocumentHeads), [&](auto h) {
        const auto e = k + static_cast<uint32_t>(h.size());
        return t.matches(k, h) && (e >= n || t.token_start(e));
      });
      if (head == std::end(kIssuedDocumentHeads)) continue;
      const std::u32string_view title(t.cps.data() + name, k - name);
      const bool about = title.find(U'的') == std::u32string_view::npos || t.matches(name, U"关于");
      if (k - name >= 4 && k - name <= 20 && about) {
        out.push_back({name, k + static_cast<uint32_t>(head->size()), EntityType::kDocument, kRulePriority});
      }
      break;
    }
  }
  // Named reports: [重庆市渝中区|区|市]人民政府工作报告, 政府工作报告.
  const std::u32string_view report = U"政府工作报告";
  for_each_anchor(t, report, [&](uint32_t i) {
    const uint32_t b = i >= 2 && t.matches(i - 2, U"人民") ? i - 2 : i;
    out.push_back({with_places_before(b), static_cast<uint32_t>(i + report.size()), EntityType::kDocument,
                   kRulePriority});
  });
  // Numbered slogans written without quotes: 一核三带六园区 (numeral + 1-2
  // characters, three times or more).
  const auto numeral = [&](uint32_t k) { return t.has(k, kNumeral); };
  uint32_t resume = 0;
  for (uint32_t i : t.triggers) {
    if (i < resume || !numeral(i)) continue;
    // Five-year plans by their number (第六个五年计划, 第十五个五年规划纲要;
    // 国民经济和社会发展 and the place before them are part of the title).
    if (i > 0 && t.cps[i - 1] == U'第') {
      uint32_t j = i;
      while (j < n && numeral(j)) ++j;
      if (t.matches(j, U"个五年计划") || t.matches(j, U"个五年规划")) {
        const uint32_t e = j + 5 + (t.matches(j + 5, U"纲要") ? 2 : 0);
        const std::u32string_view economy = U"国民经济和社会发展";
        const uint32_t b = i - 1 >= economy.size() && t.matches(i - 1 - economy.size(), economy)
                               ? with_places_before(i - 1 - static_cast<uint32_t>(economy.size()))
                               : i - 1;
        out.push_back({b, e, EntityType::kDocument, kRulePriority});
        resume = e;
        continue;
      }
    }
    uint32_t j = i, parts = 0;
    while (j < n && numeral(j)) {
      uint32_t k = j + 1, body = 0;
      // (The rare table covers the BMP; Han beyond it, U+20000 …, is no counter.)
      // (Nor is a magnitude a part: 一千二百零一亿 is an amount.)
      while (k < n && body < 2 && t.han(k) && !numeral(k) &&
             !(t.cps[k] < 0x10000 && (rare_flags_[t.cps[k]] & kCounter)) &&
             std::u32string_view(U"百千万亿零〇").find(t.cps[k]) == std::u32string_view::npos) {
        ++k;
        ++body;
      }
      if (body == 0) break;
      // The last part may take one more character (园区).
      if (k < n && t.han(k) && !numeral(k) && (k + 1 >= n || !t.han(k + 1) || numeral(k + 1))) {
        if (k + 1 >= n || !t.han(k + 1)) ++k;
      }
      j = k;
      ++parts;
    }
    if (parts >= 3) {
      out.push_back({i, j, EntityType::kSlogan, kRulePriority});
      resume = j + 1;
    }
  }
}

}  // namespace internal
}  // namespace zhpolicy
