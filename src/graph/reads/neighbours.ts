// Neighbours of nodes through one kind of relationship (a person's offices, a venue's events, …), for many nodes
// in one query. The patterns are a fixed table: callers pick one by name, never pass Cypher.
import { nodeById } from "../aliasIds";
import type { Database } from "../runtime/database";
import { labelledNodeMap, nodeMap, type NodeProperty } from "../projections";
import type { LinkedRow, NodeLabel } from "../rows";
import type { BuiltQuery } from "./statements";

/**
 * Each pattern binds a (the given node), r (the relationship giving role/title/since/fromSource) and b (the
 * neighbour); a label on b is NEIGHBOUR_LABEL's.
 */
export const NEIGHBOUR_PATTERNS = {
  offices: "(a)-[r:HOLDS_OFFICE]->(b:State)",
  officeHolders: "(a)<-[r:HOLDS_OFFICE]-(b:Person)",
  memberOf: "(a)-[r:MEMBER_OF]->(b:Organization)",
  members: "(a)<-[r:MEMBER_OF]-(b)",
  participations: "(a)-[r:PARTICIPATED_IN]->(b:Event)",
  participants: "(a)<-[r:PARTICIPATED_IN]-(b)",
  stateOrganizations: "(a)<-[r:PART_OF]-(b:Organization)",
  partOf: "(a)-[r:PART_OF]->(b:State)",
  stateVenues: "(a)<-[r:IN_STATE]-(b:Venue)",
  locatedIn: "(a)-[r:LOCATED_IN]->(b:Venue)",
  contains: "(a)<-[r:LOCATED_IN]-(b:Venue)",
  // The nearest state: the venue's own, else its parent's, and so on.
  venueState: "(a)-[:LOCATED_IN*0..5]->(:Venue)-[r:IN_STATE]->(b:State)",
  heldAt: "(a)-[r:HELD_AT]->(b:Venue)",
  eventsHeld: "(a)<-[r:HELD_AT]-(b:Event)",
  follows: "(a)-[r:FOLLOWS]->(b:Event)",
  followedBy: "(a)<-[r:FOLLOWS]-(b:Event)",
} as const;

export type NeighbourKind = keyof typeof NEIGHBOUR_PATTERNS;

/** More to fetch for every neighbour b: a subquery importing b (and more) that returns variables kept in each link. */
export interface PerNeighbour {
  imports: string[];
  call: string;
  returns: string[];
}

/** The label of each kind's neighbours, where its pattern names one (members and participants are any speaker). */
const NEIGHBOUR_LABEL: Record<NeighbourKind, Exclude<NodeLabel, "Statement" | "Source"> | undefined> = {
  offices: "State",
  officeHolders: "Person",
  memberOf: "Organization",
  members: undefined,
  participations: "Event",
  participants: undefined,
  stateOrganizations: "Organization",
  partOf: "State",
  stateVenues: "Venue",
  locatedIn: "Venue",
  contains: "Venue",
  venueState: "State",
  heldAt: "Venue",
  eventsHeld: "Event",
  follows: "Event",
  followedBy: "Event",
};

/**
 * The link's own fields that anything reads (LinkedRow.rel), by its relationship: an office's title, since and
 * whether a source states it; a participation's role. Other links carry none, and the provenance a link also keeps
 * (its source, a merge's marks) never comes.
 */
const OFFICE_FIELDS = "r {.title, .since, .fromSource}";
const LINK_FIELDS: Record<NeighbourKind, string> = {
  offices: OFFICE_FIELDS,
  officeHolders: OFFICE_FIELDS,
  participations: "r {.role}",
  participants: "r {.role}",
  memberOf: "{}",
  members: "{}",
  stateOrganizations: "{}",
  partOf: "{}",
  stateVenues: "{}",
  locatedIn: "{}",
  contains: "{}",
  venueState: "{}",
  heldAt: "{}",
  eventsHeld: "{}",
  follows: "{}",
  followedBy: "{}",
};

/** The kinds whose neighbours are events, the only nodes with a date: the others are ordered by name alone. */
const DATED: ReadonlySet<NeighbourKind> = new Set(["participations", "eventsHeld", "follows", "followedBy"]);

/**
 * A subquery that, for a bound node a, returns its neighbours of this kind as links, ordered by date (events) then
 * name; each neighbour with only the given properties (and its id and label) when they are given, else with all.
 */
export function neighbourLinks(
  kind: NeighbourKind,
  as = "links",
  more?: PerNeighbour,
  properties?: readonly NodeProperty[],
): string {
  const imports = ["a", ...(more?.imports ?? [])].join(", ");
  const kept = more?.returns ?? [];
  const label = NEIGHBOUR_LABEL[kind];
  const node = label ? labelledNodeMap("b", { label, properties }) : nodeMap("b", properties);
  const fields = [`node: ${node}`, `rel: ${LINK_FIELDS[kind]}`, ...kept.map((v) => `${v}: ${v}`)].join(", ");
  const carried = ["b", "r", "p", ...kept].join(", ");
  const date = DATED.has(kind) ? "coalesce(b.date, date('9999-12-31')), " : "";
  return `CALL (${imports}) {
       MATCH p = ${NEIGHBOUR_PATTERNS[kind]}${more ? `\n       ${more.call}` : ""}
       WITH ${carried} ORDER BY length(p), ${date}b.name, b.id
       RETURN collect({${fields}}) AS ${as}
     }`;
}

/** One query for the neighbours of this kind of every given id (each id once; an alias id answers for its node). */
export function buildNeighboursQuery(
  kind: NeighbourKind,
  ids: readonly string[],
  properties?: readonly NodeProperty[],
): BuiltQuery {
  return {
    cypher: `UNWIND $ids AS id
     ${nodeById("a", "id")}
     ${neighbourLinks(kind, "links", undefined, properties)}
     RETURN id, links`,
    params: { ids: [...new Set(ids)] },
  };
}

/** Neighbours per given id, deduplicated (two sources may state the same link), by date (events) then name. */
export async function neighbours(
  db: Database,
  kind: NeighbourKind,
  ids: readonly string[],
  properties?: readonly NodeProperty[],
): Promise<LinkedRow[][]> {
  const { cypher, params } = buildNeighboursQuery(kind, ids, properties);
  const rows = await db.read<{ id: string; links: LinkedRow[] }>(cypher, params);
  const byId = new Map(rows.map((r) => [r.id, dedupe(r.links)]));
  return ids.map((id) => byId.get(id) ?? []);
}

/** Two sources may state the same link: one link each, from the source if either says so. */
export function dedupe<T extends LinkedRow>(links: T[]): T[] {
  const seen = new Map<string, T>();
  for (const link of links) {
    const key = `${link.node.id}|${link.rel.title ?? ""}|${link.rel.role ?? ""}`;
    const earlier = seen.get(key);
    if (!earlier) seen.set(key, link);
    else if (link.rel.fromSource && !earlier.rel.fromSource) {
      seen.set(key, { ...earlier, rel: { ...earlier.rel, fromSource: true } });
    }
  }
  return [...seen.values()];
}
