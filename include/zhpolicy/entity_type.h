// zhpolicy/entity_type.h — the nine entity types of the output contract
// (shared/gold/README.md), used by the lexicon to type its entries.
#ifndef ZHPOLICY_ENTITY_TYPE_H_
#define ZHPOLICY_ENTITY_TYPE_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace zhpolicy {

enum class EntityType : uint8_t {
  kNone = 0,  // not an entity term (the lexicon's ordinary words)
  kGovernment,
  kOrganization,
  kCompany,
  kPerson,
  kPosition,
  kPlace,
  kMeeting,
  kDocument,
  kSlogan,
};

inline constexpr int kEntityTypeCount = 10;

// "government", "organization", ... exactly the strings of the gold schema;
// "" for kNone.
constexpr std::string_view to_string(EntityType type) {
  constexpr std::string_view kNames[kEntityTypeCount] = {
      "",       "government", "organization", "company",  "person",
      "position", "place",    "meeting",      "document", "slogan"};
  const auto i = static_cast<unsigned>(type);
  return i < kEntityTypeCount ? kNames[i] : std::string_view();
}

// The inverse of to_string; nullopt for an unknown name.
constexpr std::optional<EntityType> parse_entity_type(std::string_view name) {
  for (int i = 1; i < kEntityTypeCount; ++i) {
    if (to_string(static_cast<EntityType>(i)) == name) return static_cast<EntityType>(i);
  }
  return std::nullopt;
}

}  // namespace zhpolicy

#endif  // ZHPOLICY_ENTITY_TYPE_H_
