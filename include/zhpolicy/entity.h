// zhpolicy/entity.h — entity mentions and the links between them.
#ifndef ZHPOLICY_ENTITY_H_
#define ZHPOLICY_ENTITY_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "zhpolicy/entity_type.h"
#include "zhpolicy/span.h"

namespace zhpolicy {

// Where a mention comes from: a composition rule (bodies, meetings, quoted
// names, names next to titles), a typed term of the lexicon, or the learned
// model alone (a name no list or rule holds).
enum class EntitySource : uint8_t { kRule, kLexicon, kModel };

constexpr std::string_view to_string(EntitySource source) {
  return source == EntitySource::kRule ? "rule" : source == EntitySource::kLexicon ? "lexicon" : "model";
}

// An entity mention: a span of the ORIGINAL text (bytes) and one of the nine
// gold types. Mentions never overlap; an inner name is reported only where
// the outer phrase is not itself an entity (区委书记 is a position and its
// 区委 is not listed).
struct Entity {
  ByteSpan span;
  EntityType type = EntityType::kNone;
  // How sure the extractor is, 0-1: where the learned model found this
  // mention (alone or with the rules), its estimate that the mention is
  // right; otherwise the precision the rules of this type had on the
  // training data; 1 with a lexicon that has no model. For ranking and
  // filtering; estimated on policy text, not calibrated on other kinds.
  float score = 1.0f;
  EntitySource source = EntitySource::kRule;
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
