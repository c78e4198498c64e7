// A node's neighbours of one kind as a tree: each neighbour with a page of its statements and its own neighbours (and
// theirs), read by one subquery per level inside a query that binds the node as a (a look-up, a list), and shaped
// once in JS.
import { dedupe, neighbourLinks, type NeighbourKind } from "./neighbours";
import type { NodeProperty } from "../projections";
import type { LinkedRow, Page, StatementRow } from "../rows";
import { sortKeyAndId, toPage, type PageRows } from "../pages";
import { statementCursorScope, statementPageParts, type StatementQuery } from "./statements";

export interface WantedNeighbours {
  kind: NeighbourKind;
  /** A page of each neighbour's statements. */
  statements?: StatementQuery;
  /** Only these properties of each neighbour (with its id and label); all when absent. */
  properties?: readonly NodeProperty[];
  /** The neighbours of each neighbour, of these kinds (and theirs, as deep as asked). */
  neighbours?: readonly WantedNeighbours[];
}

/** A neighbour with what was asked of it: a page of its statements, its own neighbours by kind. */
export type LinkTree = LinkedRow & { statements?: Page<StatementRow>; neighbours?: Map<NeighbourKind, LinkTree[]> };

/**
 * A subquery that binds page, total and facets for the node id in parent (bound itself to parentNode): one statement
 * page with prefixed parameters; its columns are the page's and what it returns.
 */
export function pageCall(query: StatementQuery, prefix: string, params: Record<string, unknown>, parentNode: string) {
  const parts = statementPageParts(query, prefix, parentNode);
  Object.assign(params, parts.params);
  return {
    call: `CALL (parent, statements, ${parentNode}) {
       ${parts.page}
     }${parts.aggregates}`,
    columns: `page, ${parts.columns}`,
  };
}

/** Whether these neighbours, or theirs, ask for a page of statements (which needs the count of all statements). */
export function wantsPage(wanted: WantedNeighbours): boolean {
  return Boolean(wanted.statements) || (wanted.neighbours ?? []).some(wantsPage);
}

/**
 * For the bound node a, a subquery returning its neighbours of one kind as `as`: each with a page of its statements
 * (page, total, facets) and the links of its own neighbours (sub0, sub1, …) when asked. Parameters take the prefix,
 * and a neighbour's neighbours the prefix followed by their position.
 */
export function linksCall(
  wanted: WantedNeighbours,
  as: string,
  prefix: string,
  params: Record<string, unknown>,
): string {
  const calls: string[] = [];
  const returns: string[] = [];
  if (wanted.statements) {
    const page = pageCall(wanted.statements, prefix, params, "b");
    calls.push(`CALL (b, statements) {
         WITH b, b.id AS parent, statements
         ${page.call}
         RETURN ${page.columns}
       }`);
    returns.push("page", "total", "facets");
  }
  (wanted.neighbours ?? []).forEach((nested, j) => {
    const count = wantsPage(nested) ? ", statements" : "";
    calls.push(`CALL (b${count}) {
         WITH b AS a${count}
         ${linksCall(nested, "links", `${prefix}${j}_`, params)}
         RETURN links AS sub${j}
       }`);
    returns.push(`sub${j}`);
  });
  const imports = wantsPage(wanted) ? ["statements"] : [];
  const more = calls.length ? { imports, call: calls.join("\n       "), returns } : undefined;
  return neighbourLinks(wanted.kind, as, more, wanted.properties);
}

/** A neighbour list as read, deduplicated, with each neighbour's page and neighbours shaped. */
export function linkTrees(raw: unknown, wanted: WantedNeighbours): LinkTree[] {
  return dedupe((raw as (LinkedRow & Record<string, unknown>)[] | undefined) ?? []).map(({ node, rel, ...rest }) => {
    const tree: LinkTree = { node, rel };
    if (wanted.statements) {
      const scope = statementCursorScope(wanted.statements);
      tree.statements = toPage(wanted.statements, rest as unknown as PageRows<StatementRow>, scope, sortKeyAndId);
    }
    if (wanted.neighbours?.length) {
      tree.neighbours = new Map(wanted.neighbours.map((n, j) => [n.kind, linkTrees(rest[`sub${j}`], n)]));
    }
    return tree;
  });
}
