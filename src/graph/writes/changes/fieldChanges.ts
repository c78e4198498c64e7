// A node's state as named fields (its own properties and its owned links), and what changed between two states. Pure:
// the unit tier pins it.
import type { Plain } from "../../values";
import { INTERNAL_BY_LABEL, INTERNAL_PROPERTIES, OWNED_LINKS } from "./ownedLinks";
import type { NodeState, RawLink } from "./nodeStates";

export interface FieldChange {
  field: string;
  before: Plain;
  after: Plain;
}

/** JSON with object keys sorted, so that two equal values give one text whatever order Neo4j listed them in. */
export function canonicalJson(value: Plain): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function linkValue(link: RawLink, props: readonly string[] | undefined, idAs: string | undefined): Plain {
  if (!props) return link.id;
  const value: Record<string, Plain> = { [idAs ?? "id"]: link.id };
  for (const prop of props) value[prop] = link.props[prop] ?? null;
  return value;
}

/** The fields of a node: its properties (internal ones left out) and its owned links, each list in a stable order. */
export function nodeFields(state: NodeState): Map<string, Plain> {
  const fields = new Map<string, Plain>();
  const internal = INTERNAL_BY_LABEL[state.label];
  for (const [name, value] of Object.entries(state.props)) {
    // An empty list is no value, as a missing property is: a person without aliases has none either way.
    const empty = value === null || (Array.isArray(value) && value.length === 0);
    if (INTERNAL_PROPERTIES.has(name) || internal?.has(name) || empty) continue;
    fields.set(name, value);
  }
  for (const owned of OWNED_LINKS[state.label] ?? []) {
    const values = state.links
      .filter((link) => link.type === owned.type && link.outgoing === owned.outgoing)
      .map((link) => linkValue(link, owned.props, owned.idAs))
      .sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
    const unique = [...new Map(values.map((v) => [canonicalJson(v), v])).values()];
    if (owned.single && unique.length <= 1) {
      if (unique[0] !== undefined) fields.set(owned.field, unique[0]);
    } else if (unique.length > 0) fields.set(owned.field, unique);
  }
  return fields;
}

/** The fields that differ, by name; a field missing on one side is null there. Null states mean "no node". */
export function fieldChanges(before: NodeState | null, after: NodeState | null): FieldChange[] {
  const old = before ? nodeFields(before) : new Map<string, Plain>();
  const now = after ? nodeFields(after) : new Map<string, Plain>();
  const names = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes: FieldChange[] = [];
  for (const field of names) {
    const a = old.get(field) ?? null;
    const b = now.get(field) ?? null;
    if (canonicalJson(a) !== canonicalJson(b)) changes.push({ field, before: a, after: b });
  }
  return changes;
}

/** The name codegen maps GraphQL's FieldChange to (its own type of that name is generated). */
export type FieldChangeRow = FieldChange;
