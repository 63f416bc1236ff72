// The text as items for the target rules: words, the numbers that may
// measure something, the other numbers, marks and sentence ends, all in the
// normalized view (Traditional and full-width text read as Simplified).
#include <algorithm>

#include "numbers/units.h"
#include "targets/cues.h"
#include "targets/extractor_impl.h"

namespace zhpolicy {
namespace internal {
namespace target_detail {

uint32_t to_normalized(const NormalizedText& nt, uint32_t original) {
  const auto size = static_cast<uint32_t>(nt.normalized.size());
  if (nt.pieces.empty()) return std::min(original, size);
  auto it = std::upper_bound(nt.pieces.begin(), nt.pieces.end(), original,
                             [](uint32_t o, const NormalizedText::Piece& p) { return o < p.original_begin; });
  if (it == nt.pieces.begin()) return 0;
  const NormalizedText::Piece& p = *(it - 1);
  const uint32_t next = it == nt.pieces.end() ? size : it->normalized_begin;
  if (p.identity) return std::min(p.normalized_begin + (original - p.original_begin), next);
  return original == p.original_begin ? p.normalized_begin : next;
}

namespace {

bool is_sentence_end(std::string_view mark) {
  return mark == "。" || mark == "；" || mark == ";" || mark == "！" || mark == "!" || mark == "？" ||
         mark == "?";
}

// Whether a number may measure an indicator: an amount, a rate, a count of
// things, not a date, an order, a code or a stretch of time (三年行动).
bool is_value(const Number& n) {
  switch (n.kind) {
    case NumberKind::kPercent:
    case NumberKind::kMoney:
    case NumberKind::kFraction:
      return true;
    case NumberKind::kQuantity:
      // Grades (万亿级, 20万吨级) rank rather than measure.
      return !target_cues::in(target_cues::kTimeUnits, n.unit) && !is_division_unit(n.unit) &&
             !(n.unit.size() >= 3 && n.unit.compare(n.unit.size() - 3, 3, "级") == 0);
    default:
      return false;
  }
}

bool inside_name(const Number& n, const std::vector<Entity>& entities, size_t& e) {
  while (e < entities.size() && entities[e].span.end <= n.span.begin) ++e;
  for (size_t k = e; k < entities.size() && entities[k].span.begin <= n.span.begin; ++k) {
    const EntityType type = entities[k].type;
    if (entities[k].span.end >= n.span.end &&
        (type == EntityType::kSlogan || type == EntityType::kDocument || type == EntityType::kMeeting)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::vector<Item> make_items(const NormalizedText& nt, const std::vector<Token>& tokens,
                             const std::vector<Number>& numbers, const std::vector<Entity>& entities) {
  const std::string_view text = nt.normalized;
  std::vector<Item> items;
  items.reserve(tokens.size());
  std::vector<ByteSpan> number_spans;
  number_spans.reserve(numbers.size());
  std::vector<Item::Kind> number_kinds;
  size_t e = 0;
  for (const Number& n : numbers) {
    number_spans.push_back({to_normalized(nt, n.span.begin), to_normalized(nt, n.span.end)});
    number_kinds.push_back(is_value(n) && !inside_name(n, entities, e) ? Item::kValue : Item::kOtherNumber);
  }
  size_t k = 0;
  for (const Token& tok : tokens) {
    const uint32_t b = to_normalized(nt, tok.span.begin), end = to_normalized(nt, tok.span.end);
    if (b >= end) continue;
    while (k < number_spans.size() && number_spans[k].end <= b) ++k;
    if (k < number_spans.size() && number_spans[k].begin < end && number_spans[k].begin < number_spans[k].end) {
      // A token of number k: one item for the whole number. The segmenter
      // may join a number's last character to the next word (12所普惠性):
      // what lies past the number is a word of its own.
      const ByteSpan s = number_spans[k];
      if (b < s.begin) items.push_back({b, s.begin, text.substr(b, s.begin - b), Item::kWord});
      if (items.empty() || items.back().number != static_cast<int32_t>(k)) {
        items.push_back({s.begin, s.end, text.substr(s.begin, s.end - s.begin), number_kinds[k],
                         static_cast<int32_t>(k)});
      }
      if (end > s.end && (k + 1 >= number_spans.size() || number_spans[k + 1].begin >= end)) {
        items.push_back({s.end, end, text.substr(s.end, end - s.end), Item::kWord});
      }
      continue;
    }
    const std::string_view t = text.substr(b, end - b);
    Item item{b, end, t, Item::kWord};
    switch (tok.kind) {
      case TokenKind::kWhitespace:
        if (t.find('\n') == std::string_view::npos) continue;
        item.kind = Item::kEnd;
        break;
      case TokenKind::kPunctuation:
        item.kind = is_sentence_end(t) ? Item::kEnd : Item::kMark;
        break;
      case TokenKind::kNumber:
      case TokenKind::kDate:
        item.kind = Item::kOtherNumber;  // a numeral the number extractor did not take
        break;
      default:
        break;
    }
    items.push_back(item);
  }
  // Places and bodies: an indicator does not open with its scope (兰州新区
  // 经济总量 measures 经济总量).
  size_t at = 0;
  for (const Entity& ent : entities) {
    if (ent.type != EntityType::kPlace && ent.type != EntityType::kGovernment) continue;
    const uint32_t b = to_normalized(nt, ent.span.begin), end = to_normalized(nt, ent.span.end);
    while (at < items.size() && items[at].end <= b) ++at;
    for (size_t k = at; k < items.size() && items[k].begin < end; ++k) {
      if (items[k].begin >= b && items[k].end <= end && items[k].kind == Item::kWord) items[k].place = true;
    }
  }
  return items;
}

}  // namespace target_detail
}  // namespace internal
}  // namespace zhpolicy
