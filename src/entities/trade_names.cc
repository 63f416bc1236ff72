// Firms by their trade names: reports and news name a firm by a coined word
// and its trade (蓝思科技, 华熙生物, 圣钘科技, 宁德时代 aside), without 公司; the
// coined word is what no dictionary holds, the trade is a short list. And
// firms whose legal name puts the group or the country of a branch in
// parentheses (华润（集团）有限公司, 戴尔（中国）有限公司).
#include <string_view>
#include <vector>

#include "entities/extractor_impl.h"

namespace zhpolicy {
namespace internal {
using namespace entity_detail;

namespace {

// Trades written after a firm's coined name. Not those that follow coined
// terms of industry policy as often (智能, 能源, 物流, 材料, 汽车, 电子:
// 具身智能, 冷链物流, 氢基能源), nor those after ordinary words (数据, 信息).
constexpr std::u32string_view kTrades[] = {
    U"科技", U"生物", U"药业", U"制药", U"医药", U"股份", U"控股", U"化工", U"重工", U"实业",
    U"置业", U"乳业", U"酒业", U"投资", U"化纤", U"电器", U"电气", U"传媒"};

// How long a firm's name before its parenthesis may be, in characters
// (苹果电子产品商贸: 8).
constexpr uint32_t kMaxFirmName = 12;

}  // namespace

void EntityExtractorImpl::add_trade_names(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  // The trades' first characters, to skip most tokens with one lookup.
  static const std::vector<bool> first_chars = [] {
    std::vector<bool> bits(0x10000, false);
    for (std::u32string_view trade : kTrades) bits[trade[0]] = true;
    return bits;
  }();
  for_each_token(t, [&](uint32_t b, uint32_t e) {
    // A coined name of two characters, then a trade as a word of its own.
    if (e - b == 2 && e < n && t.token_start(e) && t.cps[e] < 0x10000 && first_chars[t.cps[e]]) {
      const uint32_t te = t.token_end_of[e];
      const std::u32string_view next(t.cps.data() + e, te > e && te <= n ? te - e : 0);
      const bool trade = std::find(std::begin(kTrades), std::end(kTrades), next) != std::end(kTrades);
      // The coinage: Han characters the lexicon does not hold, no place or
      // person of the rules' lists, not after a number (3 家 科技 …) and not
      // a surname and a character (王伟 科技 …: a person's name reads so).
      // Nor a verb and its complement (做强 科技, 投硬 科技), a preposition or
      // a numeral opening a phrase (比原 投资, 三大 化工), a term of kind
      // (煤基 科技, 新型 …).
      auto coinage = [&] {
        if (!t.han(b) || !t.han(b + 1) || t.has(b, kNumeral)) return false;
        if (std::u32string_view(U"基型性化式类").find(t.cps[b + 1]) != std::u32string_view::npos) return false;
        const auto first = word_info(t, b, b + 1);
        if (first && is_stop_word_tag(first->tag)) return false;
        return !word_info(t, b, e) && name_like_token(t, b, e) &&
               !(surname_length(t, b) != 0 && person_names_ && person_names_->log_odds(&t.cps[b], 2) >= 0.0f);
      };
      if (trade && coinage()) {
        out.push_back({b, te, EntityType::kCompany, kRulePriority});
      }
    }
  });
}

void EntityExtractorImpl::add_firms_with_parenthetical(const CharText& t, std::vector<Candidate>& out) const {
  const auto n = static_cast<uint32_t>(t.cps.size());
  static constexpr std::u32string_view kLegalForms[] = {U"控股有限公司", U"股份有限公司", U"有限责任公司",
                                                        U"集团有限公司", U"有限公司"};
  for (const uint32_t open : t.triggers) {
    if (!t.has(open, kParenOpen) || open == 0 || open + 4 >= n) continue;
    uint32_t close = open + 1;
    while (close < n && close - open <= 5 && t.han(close)) ++close;
    if (close == open + 1 || close >= n || (t.cps[close] != U'）' && t.cps[close] != U')')) continue;
    // What the parenthesis says: the group, the holding or the country or
    // city of a branch (华润（集团）, 戴尔（中国）, 苹果电子产品商贸（北京）).
    const std::u32string_view inside(t.cps.data() + open + 1, close - open - 1);
    const auto place = word_info(t, open + 1, close);
    if (inside != U"集团" && inside != U"控股" && !(place && (place->entity == EntityType::kPlace || place->tag == "ns"))) {
      continue;
    }
    const uint32_t form = t.first_match(close + 1, kLegalForms);
    if (form == 0 || !t.token_start(open)) continue;
    const uint32_t end = close + 1 + form;
    // The name: up to four words before the parenthesis, none a function
    // word or verb (与 戴尔（中国）有限公司), coined or ordinary (苹果 电子产品 商贸).
    uint32_t b = open;
    for (int words = 0; words < 4 && b > 0; ++words) {
      const uint32_t pb = t.token_begin(b - 1);
      if (!t.han(pb) || open - pb > kMaxFirmName || is_stop_word(word_info(t, pb, b))) break;
      b = pb;
    }
    if (open - b >= 2) out.push_back({b, end, EntityType::kCompany, kRulePriority});
  }
}

}  // namespace internal
}  // namespace zhpolicy
