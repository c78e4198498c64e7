// Who talks about whom: for many nodes at once, what each speaker's statements mention most, and which speakers
// mention each node most, counted by statements (one statement mentioning a node twice counts once).
import type { Database } from "../runtime/database";
import { nodeMap } from "../projections";
import type { NodeRow, SpeakerRow } from "../rows";
import type { BuiltQuery } from "./statements";

export type MentionDirection = "mentionsMost" | "mentionedMostBy";

export interface MentionCount<T extends NodeRow = NodeRow> {
  node: T;
  count: number;
}

/** From the node x bound by id: the statements and the nodes counted at their other end, as y. */
const PATTERNS: Record<MentionDirection, string> = {
  mentionsMost: "(x)-[:SAID]->(s:Statement)-[:MENTIONS]->(y)",
  mentionedMostBy: "(x)<-[:MENTIONS]-(s:Statement)<-[:SAID]-(y)",
};

export function buildMentionCountsQuery(
  direction: MentionDirection,
  ids: readonly string[],
  first: number,
): BuiltQuery {
  return {
    cypher: `UNWIND $ids AS id
     OPTIONAL MATCH (x:Entity {id: id})
     CALL (x) {
       MATCH ${PATTERNS[direction]}
       WITH y, count(DISTINCT s) AS n ORDER BY n DESC, y.id LIMIT $first
       RETURN collect({node: ${nodeMap("y")}, count: n}) AS counts
     }
     RETURN id, counts`,
    params: { ids: [...new Set(ids)], first },
  };
}

/** The counts of each node (in the order of ids), at most `first` each, most first. */
export async function mentionCounts(
  db: Database,
  direction: MentionDirection,
  ids: readonly string[],
  first: number,
): Promise<MentionCount[][]> {
  const { cypher, params } = buildMentionCountsQuery(direction, ids, first);
  const rows = await db.read<{ id: string; counts: MentionCount[] }>(cypher, params);
  const byId = new Map(rows.map((row) => [row.id, row.counts]));
  return ids.map((id) => byId.get(id) ?? []);
}

export type SpeakerCountRow = MentionCount<SpeakerRow>;
