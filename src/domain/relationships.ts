// The relationships a source states between entities, and with them its statements' responses: each carries the id of
// the source that states it (r.source), so that a reload of that source replaces them and nothing else.

export type RelationshipType =
  "LOCATED_IN" | "IN_STATE" | "PART_OF" | "HELD_AT" | "FOLLOWS" | "HOLDS_OFFICE" | "MEMBER_OF" | "PARTICIPATED_IN";

/** Relationships between entities. */
export const ENTITY_RELATIONSHIPS: readonly RelationshipType[] = [
  "LOCATED_IN",
  "IN_STATE",
  "PART_OF",
  "HELD_AT",
  "FOLLOWS",
  "HOLDS_OFFICE",
  "MEMBER_OF",
  "PARTICIPATED_IN",
];

/** Every relationship that carries the id of the source that states it: the entities' and RESPONDS_TO. */
export const SOURCE_RELATIONSHIPS: readonly string[] = [...ENTITY_RELATIONSHIPS, "RESPONDS_TO"];
