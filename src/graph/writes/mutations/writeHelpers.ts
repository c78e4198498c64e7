// Writes every mutation shares: properties (temporal ones as Neo4j dates and times, like the loader stores them)
// and a node's relationships of one type replaced by the curator's.
import type { Transaction } from "../../runtime/database";

/** Relationships written by a mutation carry this where the loader puts the id of the source that stated them. */
export const CURATOR = "curator";

/** ISO strings stored as Neo4j temporal values, like the loader stores them; the Cypher function for each. */
const TEMPORAL = { date: "date", startsAt: "datetime", saidOn: "date", time: "time", publishedOn: "date" } as const;
export type TemporalProperty = keyof typeof TEMPORAL;
export type Temporals = Partial<Record<TemporalProperty, string | null>>;

/** Sets plain properties (null removes one) and temporal ones. Property names come from code, never from input. */
export async function setProperties(
  tx: Transaction,
  id: string,
  props: Record<string, unknown>,
  temporals: Temporals,
): Promise<void> {
  const sets = ["n += $props"];
  for (const property of Object.keys(temporals) as TemporalProperty[]) {
    const convert = TEMPORAL[property];
    sets.push(
      `n.${property} = CASE WHEN $temporals.${property} IS NULL THEN null ELSE ${convert}($temporals.${property}) END`,
    );
  }
  await tx.run(`MATCH (n:Entity {id: $id}) SET ${sets.join(", ")}`, { id, props, temporals });
}

/**
 * Records which claimed fields (name, description, an event's date, …) a curator set: sources' claims no longer
 * change them (see chooseValues).
 */
export async function markCurated(tx: Transaction, id: string, fields: string[]): Promise<void> {
  if (fields.length === 0) return;
  await tx.run(
    `MATCH (n:Entity {id: $id})
     SET n.curatedFields = reduce(acc = coalesce(n.curatedFields, []), f IN $fields |
       CASE WHEN f IN acc THEN acc ELSE acc + f END)`,
    { id, fields },
  );
}

/**
 * The relationships a curator sets, and which way each points from the node being edited. Evidence spans
 * (REPORTED_IN) store the text they cover, so that reads never load a whole source text for it.
 */
const CURATED = {
  SAID: { direction: "incoming" },
  PARTICIPATED_IN: { direction: "incoming" },
  SAID_AT: { direction: "outgoing" },
  DURING: { direction: "outgoing" },
  MENTIONS: { direction: "outgoing" },
  REPORTED_IN: { direction: "outgoing", excerpt: true },
  PART_OF: { direction: "outgoing" },
  LOCATED_IN: { direction: "outgoing" },
  IN_STATE: { direction: "outgoing" },
  HELD_AT: { direction: "outgoing" },
  FOLLOWS: { direction: "outgoing" },
  RESPONDS_TO: { direction: "outgoing" },
} as const satisfies Record<string, { direction: "incoming" | "outgoing"; excerpt?: true }>;

export type CuratedRelationship = keyof typeof CURATED;

/** One relationship to create: the node at its other end and its own properties (role, span start and end). */
export interface CuratedLink {
  id: string;
  props?: Record<string, unknown>;
}

/**
 * The Cypher that removes every relationship of this type at node $id (whoever stated it) and creates the curator's
 * ($links) instead. The type is a constant of CURATED, never input.
 */
export function replaceRelationshipsCypher(type: CuratedRelationship): string {
  const spec: { direction: "incoming" | "outgoing"; excerpt?: true } = CURATED[type];
  const outgoing = spec.direction === "outgoing";
  const old = outgoing ? `(n)-[old:${type}]->()` : `()-[old:${type}]->(n)`;
  const created = `[r:${type} {source: $source, fromSource: true}]`;
  const excerpt = spec.excerpt
    ? ",\n    r.excerpt = substring(other.text, link.props.start, link.props.end - link.props.start)"
    : "";
  return `MATCH (n:Entity {id: $id})
OPTIONAL MATCH ${old}
DELETE old
WITH DISTINCT n
UNWIND $links AS link
MATCH (other:Entity {id: link.id})
CREATE ${outgoing ? `(n)-${created}->(other)` : `(other)-${created}->(n)`}
SET r += link.props${excerpt}`;
}

/** Replaces the node's relationships of this type (from any source) with the curator's; none removes them all. */
export async function replaceRelationships(
  tx: Transaction,
  id: string,
  type: CuratedRelationship,
  links: readonly CuratedLink[],
): Promise<void> {
  await tx.run(replaceRelationshipsCypher(type), {
    id,
    links: links.map((link) => ({ id: link.id, props: link.props ?? {} })),
    source: CURATOR,
  });
}
