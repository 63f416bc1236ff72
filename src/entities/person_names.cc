#include "entities/person_names.h"

#include <cmath>
#include <cstring>
#include <string>

#include "zhpolicy/error.h"
#include "zhpolicy/utf8.h"

namespace zhpolicy {
namespace internal {

std::vector<std::u32string> surname_list(std::string_view text) {
  std::vector<std::u32string> out;
  auto space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && space(text[i])) ++i;
    std::u32string name;
    size_t len;
    for (; i < text.size() && !space(text[i]); i += len) name.push_back(utf8::decode(text, i, len));
    if (!name.empty()) out.push_back(std::move(name));
  }
  return out;
}

PersonNameModel::PersonNameModel(std::string_view section) {
  using namespace person_names;
  auto bad = [](const std::string& what) { throw Error(ErrorCode::kBadFormat, "person name section: " + what); };
  if (section.size() != sizeof(Header) + size_t(kCharTableSize) * kSlots) bad("wrong size");
  if (reinterpret_cast<uintptr_t>(section.data()) % alignof(Header) != 0) bad("misaligned");
  header_ = reinterpret_cast<const Header*>(section.data());
  if (std::memcmp(header_->magic, kMagic, 4) != 0) bad("wrong magic");
  if (header_->version != kVersion) {
    throw Error(ErrorCode::kVersionMismatch, "person name model version " + std::to_string(header_->version) +
                                                 ", expected " + std::to_string(kVersion) + ": recompile the lexicon");
  }
  if (!std::isfinite(header_->scale) || !std::isfinite(header_->bias_two) || !std::isfinite(header_->bias_three)) {
    bad("a value is not finite");
  }
  weights_ = reinterpret_cast<const int8_t*>(section.data() + sizeof(Header));
}

float PersonNameModel::log_odds(const char32_t* cps, uint32_t n) const {
  using namespace person_names;
  if (n == 2) return header_->bias_two + weight(cps[0], kSurname) + weight(cps[1], kGivenOfTwo) + weight(cps[1], kGiven);
  if (n == 3) {
    return header_->bias_three + weight(cps[0], kSurname) + weight(cps[1], kFirstGivenOfThree) +
           weight(cps[2], kSecondGivenOfThree) + weight(cps[1], kGiven) + weight(cps[2], kGiven);
  }
  return -100.0f;
}

}  // namespace internal
}  // namespace zhpolicy
