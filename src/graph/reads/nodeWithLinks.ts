// A node by id together with what a query asks of it next — its neighbours of some kinds, one page of its statements,
// and one page of statements of each neighbour — in one round trip instead of one per level.
import { nodeById } from "../aliasIds";
import type { Database } from "../runtime/database";
import { dedupe, neighbourLinks, type NeighbourKind } from "./neighbours";
import { anyNodeMap } from "../projections";
import type { LinkedRow, NodeRow, Page, StatementRow } from "../rows";
import { sortKeyAndId, toPage, type PageRows } from "../pages";
import {
  STATEMENT_COUNT,
  statementCursorScope,
  statementPageParts,
  type BuiltQuery,
  type StatementQuery,
} from "./statements";

export interface WantedNeighbours {
  kind: NeighbourKind;
  /** A page of each neighbour's statements. */
  statements?: StatementQuery;
}

export interface Wanted {
  neighbours: readonly WantedNeighbours[];
  statements?: StatementQuery;
  /** Further lists of the node's statements (another list, or the same under an alias with other arguments). */
  moreStatements?: readonly StatementQuery[];
}

export interface NodeWithLinks {
  node: NodeRow | null;
  neighbours: Map<NeighbourKind, (LinkedRow & { statements?: Page<StatementRow> })[]>;
  /** The page of statements asked for, when one was. */
  statements?: Page<StatementRow>;
  /** The pages of moreStatements, in their order. */
  moreStatements: Page<StatementRow>[];
}

/**
 * A subquery that binds page, total and facets for the node id in parent (bound itself to parentNode): one statement
 * page with prefixed parameters; its columns are the page's and what it returns.
 */
function pageCall(query: StatementQuery, prefix: string, params: Record<string, unknown>, parentNode: string) {
  const parts = statementPageParts(query, prefix, parentNode);
  Object.assign(params, parts.params);
  return {
    call: `CALL (parent, statements, ${parentNode}) {
       ${parts.page}
     }${parts.aggregates}`,
    columns: `page, ${parts.columns}`,
  };
}

/**
 * The node's query: one CALL per wanted kind of neighbour (columns links0, links1, …), each with a page of every
 * neighbour's statements when asked, and the node's own page last (columns page and total).
 */
export function buildNodeWithLinksQuery(id: string, wanted: Wanted): BuiltQuery {
  const params: Record<string, unknown> = { id };
  const anyPage = Boolean(wanted.statements) || wanted.neighbours.some((n) => n.statements);
  // Kinds come from the fixed NeighbourKind table; positions name the columns and parameter prefixes.
  const calls = wanted.neighbours.map(({ kind, statements }, i) => {
    if (!statements) return neighbourLinks(kind, `links${i}`);
    const page = pageCall(statements, `n${i}_`, params, "b");
    return neighbourLinks(kind, `links${i}`, {
      imports: ["statements"],
      call: `CALL (b, statements) {
         WITH b, b.id AS parent, statements
         ${page.call}
         RETURN ${page.columns}
       }`,
      returns: ["page", "total", "facets"],
    });
  });
  const columns = [`${anyNodeMap("a")} AS node`, ...wanted.neighbours.map((_n, i) => `links${i}`)];
  let ownPage = "";
  if (wanted.statements) {
    const page = pageCall(wanted.statements, "", params, "a");
    ownPage = `
     WITH *, a.id AS parent
     ${page.call}`;
    columns.push(page.columns);
  }
  // Each further list in a subquery of its own, so that its columns (page, total, facets) come back as one map.
  const more = (wanted.moreStatements ?? []).map((query, i) => {
    const page = pageCall(query, `o${i}_`, params, "a");
    columns.push(`more${i}`);
    return `
     CALL (a, statements) {
       WITH a, a.id AS parent, statements
       ${page.call}
       WITH ${page.columns}
       RETURN {page: page, total: total, facets: facets} AS more${i}
     }`;
  });
  const cypher = `${nodeById("a", "$id")}${anyPage || more.length ? `\n     ${STATEMENT_COUNT}` : ""}
     ${calls.join("\n     ")}${more.join("")}${ownPage}
     RETURN ${columns.join(", ")}`;
  return { cypher, params };
}

export async function nodeWithLinks(db: Database, id: string, wanted: Wanted): Promise<NodeWithLinks> {
  const { cypher, params } = buildNodeWithLinksQuery(id, wanted);
  const rows = await db.read<{ node: NodeRow; [column: string]: unknown }>(cypher, params);
  const row = rows[0];
  const links = (i: number, statements: StatementQuery | undefined) =>
    dedupe((row?.[`links${i}`] as (LinkedRow & PageRows<StatementRow>)[] | undefined) ?? []).map(
      ({ node, rel, ...page }) =>
        statements
          ? {
              node,
              rel,
              statements: toPage(
                statements,
                page as PageRows<StatementRow>,
                statementCursorScope(statements),
                sortKeyAndId,
              ),
            }
          : { node, rel },
    );
  return {
    node: row?.node ?? null,
    neighbours: new Map(wanted.neighbours.map(({ kind, statements }, i) => [kind, links(i, statements)])),
    statements: wanted.statements
      ? toPage(
          wanted.statements,
          row as PageRows<StatementRow> | undefined,
          statementCursorScope(wanted.statements),
          sortKeyAndId,
        )
      : undefined,
    moreStatements: (wanted.moreStatements ?? []).map((query, i) =>
      toPage(query, row?.[`more${i}`] as PageRows<StatementRow> | undefined, statementCursorScope(query), sortKeyAndId),
    ),
  };
}
