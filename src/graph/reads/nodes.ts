// Look-ups of any node by id (people, states, …, statements, sources), batched. An alias id finds its canonical node.
import { nodeById } from "../aliasIds";
import type { Database } from "../runtime/database";
import { ALL_STATEMENT_PARTS, anyNodeMap, statementMap } from "../projections";
import type { NodeRow, StatementRow } from "../rows";
import type { BuiltQuery } from "./statements";

/** Any nodes by id, each id asked once; each row says which id found it (an alias id finds a node with another). */
export function buildNodesByIdsQuery(ids: readonly string[]): BuiltQuery {
  return {
    cypher: `UNWIND $ids AS id
     ${nodeById("n", "id")}
     RETURN id, ${anyNodeMap("n")} AS node`,
    params: { ids: [...new Set(ids)] },
  };
}

/** The nodes with these ids (or alias ids), in the same order; null where there is none. */
export async function nodesByIds(db: Database, ids: readonly string[]): Promise<(NodeRow | null)[]> {
  const { cypher, params } = buildNodesByIdsQuery(ids);
  const rows = await db.read<{ id: string; node: NodeRow }>(cypher, params);
  const byId = new Map(rows.map((r) => [r.id, r.node]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Statements by id with every linked part, each id asked once. */
export function buildStatementsWithPartsQuery(ids: readonly string[]): BuiltQuery {
  return {
    cypher: `UNWIND $ids AS id MATCH (s:Statement {id: id}) RETURN ${statementMap("s", ALL_STATEMENT_PARTS)} AS s`,
    params: { ids: [...new Set(ids)] },
  };
}

/** Statements with every linked part (speaker, venue, event, mentions, evidence). */
export async function statementsWithParts(db: Database, ids: readonly string[]): Promise<(StatementRow | null)[]> {
  const { cypher, params } = buildStatementsWithPartsQuery(ids);
  const rows = await db.read<{ s: StatementRow }>(cypher, params);
  const byId = new Map(rows.map((r) => [r.s.id, r.s]));
  return ids.map((id) => byId.get(id) ?? null);
}
