// zhpolicy/entity.h — entity mentions and the links between them.
#ifndef ZHPOLICY_ENTITY_H_
#define ZHPOLICY_ENTITY_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "zhpolicy/entity_type.h"
#include "zhpolicy/span.h"

namespace zhpolicy {

// An entity mention: a span of the ORIGINAL text (bytes) and one of the nine
// gold types. Mentions never overlap; an inner name is reported only where
// the outer phrase is not itself an entity (区委书记 is a position and its
// 区委 is not listed).
struct Entity {
  ByteSpan span;
  EntityType type = EntityType::kNone;
};

enum class RelationType {
  kHoldsPosition,  // head: a person; tail: the position written next to them
};

constexpr std::string_view to_string(RelationType type) {
  return type == RelationType::kHoldsPosition ? "holds_position" : "";
}

// A link between two entities, as indices into the entity list.
struct Relation {
  uint32_t head = 0;
  uint32_t tail = 0;
  RelationType type = RelationType::kHoldsPosition;
};

struct Entities {
  std::vector<Entity> entities;    // in order of position
  std::vector<Relation> relations;
};

}  // namespace zhpolicy

#endif  // ZHPOLICY_ENTITY_H_
