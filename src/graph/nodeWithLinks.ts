// A node by id together with what a query asks of it next (its neighbours of some kinds, one page of its
// statements), in one round trip instead of one per level.
import type { Database } from "./database";
import { dedupe, neighbourLinks, type NeighbourKind } from "./neighbours";
import { anyNodeMap } from "./projections";
import type { LinkedRow, NodeRow, Page, StatementRow } from "./rows";
import { STATEMENT_COUNT, statementPageParts, toPage, type PageRows, type StatementQuery } from "./statements";

export interface NodeWithLinks {
  node: NodeRow | null;
  neighbours: Map<NeighbourKind, LinkedRow[]>;
  /** The page of statements asked for, when one was. */
  statements?: Page<StatementRow>;
}

export async function nodeWithLinks(
  db: Database,
  id: string,
  wanted: { neighbours: readonly NeighbourKind[]; statements?: StatementQuery },
): Promise<NodeWithLinks> {
  const kinds = [...new Set(wanted.neighbours)];
  // Kinds come from the fixed NeighbourKind table; their positions name the columns.
  const calls = kinds.map((kind, i) => neighbourLinks(kind, `links${i}`));
  const returned = [`${anyNodeMap("a")} AS node`, ...kinds.map((_k, i) => `links${i}`)];
  let params: Record<string, unknown> = { id };
  let statements = "";
  if (wanted.statements) {
    const parts = statementPageParts(wanted.statements);
    params = { ...parts.params, id };
    statements = `
     WITH *, a.id AS parent
     ${STATEMENT_COUNT}
     CALL (parent, statements) {
       ${parts.page}
     }${parts.total}`;
    returned.push("page", wanted.statements.withTotal ? "total" : "null AS total");
  }
  const rows = await db.read<{ node: NodeRow; [column: string]: unknown }>(
    `MATCH (a:Entity {id: $id})
     ${calls.join("\n     ")}${statements}
     RETURN ${returned.join(", ")}`,
    params,
  );
  const row = rows[0];
  return {
    node: row?.node ?? null,
    neighbours: new Map(kinds.map((kind, i) => [kind, dedupe((row?.[`links${i}`] as LinkedRow[] | undefined) ?? [])])),
    statements: wanted.statements ? toPage(wanted.statements, row as PageRows | undefined) : undefined,
  };
}
