// Shortest connections between two entities through the domain's relationships (provenance links excluded, since
// every statement of one article would otherwise be two hops from every other).
import type { Database } from "./database";
import { ALL_STATEMENT_PARTS, nodeMap, statementMap } from "./projections";
import type { NodeRow } from "./rows";

export interface PathRow {
  nodes: NodeRow[];
  relationships: { type: string; from: string; to: string }[];
}

const TRAVERSED = "SAID|MENTIONS|SAID_AT|DURING|HOLDS_OFFICE|MEMBER_OF|PART_OF|LOCATED_IN|IN_STATE|HELD_AT|PARTICIPATED_IN|FOLLOWS";

/** The shortest path, choosing among equally short ones by their node ids so the answer is stable. */
export async function shortestPath(db: Database, from: string, to: string, maxHops: number): Promise<PathRow | null> {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new RangeError(`maxHops must be an integer from 1 to 6`);
  // maxHops is a checked integer: Cypher cannot take a variable-length bound as a parameter.
  const rows = await db.read<PathRow>(
    `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
     MATCH p = allShortestPaths((a)-[:${TRAVERSED}*..${maxHops}]-(b))
     WITH p LIMIT 100
     RETURN [n IN nodes(p) | CASE WHEN n:Statement THEN ${statementMap("n", ALL_STATEMENT_PARTS)} ELSE ${nodeMap("n")} END] AS nodes,
            [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS relationships`,
    { from, to },
  );
  if (rows.length === 0) return null;
  const key = (p: PathRow) => p.nodes.map((n) => n.id).join(" ");
  return rows.reduce((best, p) => (key(p) < key(best) ? p : best));
}
