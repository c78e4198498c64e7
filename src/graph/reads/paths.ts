// Shortest connections between two entities through the domain's relationships (provenance links excluded, since
// every statement of one article would otherwise be two hops from every other).
import { nodeById } from "../aliasIds";
import type { Database } from "../runtime/database";
import { nodeMap, statementMap, type StatementParts } from "../projections";
import type { NodeRow } from "../rows";
import type { BuiltQuery } from "./statements";

export interface PathRow {
  nodes: NodeRow[];
  relationships: { type: string; from: string; to: string }[];
}

const TRAVERSED =
  "SAID|MENTIONS|SAID_AT|DURING|HOLDS_OFFICE|MEMBER_OF|PART_OF|LOCATED_IN|IN_STATE|HELD_AT|PARTICIPATED_IN|FOLLOWS|" +
  "RESPONDS_TO";

/**
 * The shortest path, choosing among equally short ones by their node ids so the answer is stable. Only the chosen
 * path is projected; statements on it carry the linked parts the query asked for. Two ids of one node (an alias id
 * and the node's own) find no path: the caller answers that case with the node alone.
 */
export function buildShortestPathQuery(
  from: string,
  to: string,
  maxHops: number,
  statementParts: StatementParts = {},
): BuiltQuery {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) {
    throw new RangeError(`maxHops must be an integer from 1 to 6`);
  }
  // maxHops is a checked integer: Cypher cannot take a variable-length bound as a parameter.
  const node = `CASE WHEN n:Statement THEN ${statementMap("n", statementParts)} ELSE ${nodeMap("n")} END`;
  return {
    cypher: `${nodeById("a", "$from")}
     ${nodeById("b", "$to")}
     WITH a, b WHERE a <> b
     MATCH p = allShortestPaths((a)-[:${TRAVERSED}*..${maxHops}]-(b))
     WITH p LIMIT 100
     WITH p ORDER BY reduce(key = '', n IN nodes(p) | key + ' ' + n.id) LIMIT 1
     RETURN [n IN nodes(p) | ${node}] AS nodes,
            [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS relationships`,
    params: { from, to },
  };
}

export async function shortestPath(
  db: Database,
  from: string,
  to: string,
  maxHops: number,
  statementParts: StatementParts = {},
): Promise<PathRow | null> {
  const { cypher, params } = buildShortestPathQuery(from, to, maxHops, statementParts);
  const rows = await db.read<PathRow>(cypher, params);
  return rows[0] ?? null;
}
