// A node by id together with what a query asks of it next — its neighbours of some kinds, one page of its statements,
// and one page of statements of each neighbour — in one round trip instead of one per level.
import { nodeById } from "../aliasIds";
import type { Database } from "../runtime/database";
import type { NeighbourKind } from "./neighbours";
import { linksCall, linkTrees, pageCall, wantsPage, type LinkTree, type WantedNeighbours } from "./linkTrees";
import { anyNodeMap, labelledNodeMap, type NodeSelection } from "../projections";
import type { NodeRow, Page, StatementRow } from "../rows";
import { sortKeyAndId, toPage, type PageRows } from "../pages";
import { STATEMENT_COUNT, statementCursorScope, type BuiltQuery, type StatementQuery } from "./statements";

export type { LinkTree, WantedNeighbours } from "./linkTrees";

export interface Wanted {
  neighbours: readonly WantedNeighbours[];
  statements?: StatementQuery;
  /** Further lists of the node's statements (another list, or the same under an alias with other arguments). */
  moreStatements?: readonly StatementQuery[];
  /**
   * The node's label and what the query reads of it, when the query names its type: only a node of that label is
   * found (none otherwise), read with only what is selected. Any node, read whole, when absent.
   */
  node?: NodeSelection;
  /**
   * With node: find the node by its id whatever its label (for a field of an interface type, whose id's prefix names
   * the type to read); a node of another label comes as its id and label only, for the caller to read whole.
   */
  anyLabel?: boolean;
}

export interface NodeWithLinks {
  node: NodeRow | null;
  neighbours: Map<NeighbourKind, LinkTree[]>;
  /** The page of statements asked for, when one was. */
  statements?: Page<StatementRow>;
  /** The pages of moreStatements, in their order. */
  moreStatements: Page<StatementRow>[];
}

/** The node's query without its RETURN: its body, its return columns and their names, its parameters. */
interface NodeQueryParts {
  body: string;
  columns: string[];
  names: string[];
  params: Record<string, unknown>;
}

/** The bound node a as the selection reads it; with anyLabel, a node of another label as its id and label only. */
function selectedNodeMap(selection: NodeSelection, anyLabel = false): string {
  const read = labelledNodeMap("a", selection);
  return anyLabel
    ? `CASE WHEN a:${selection.label} THEN ${read} ELSE a {.id, label: head([l IN labels(a) WHERE l <> 'Entity'])} END`
    : read;
}

/**
 * The node's query: one CALL per wanted kind of neighbour (columns links0, links1, …), each with a page of every
 * neighbour's statements and the neighbour's own neighbours when asked, further lists (more0, …), and the node's own
 * page last (columns page, total and facets). Every parameter takes the prefix.
 */
function nodeWithLinksParts(id: string, wanted: Wanted, prefix: string): NodeQueryParts {
  const params: Record<string, unknown> = { [`${prefix}id`]: id };
  const anyPage = Boolean(wanted.statements) || wanted.neighbours.some(wantsPage);
  // Kinds come from the fixed NeighbourKind table; positions name the columns and parameter prefixes.
  const calls = wanted.neighbours.map((neighbours, i) => linksCall(neighbours, `links${i}`, `${prefix}n${i}_`, params));
  const node = wanted.node ? selectedNodeMap(wanted.node, wanted.anyLabel) : anyNodeMap("a");
  const columns = [`${node} AS node`, ...wanted.neighbours.map((_n, i) => `links${i}`)];
  const names = ["node", ...wanted.neighbours.map((_n, i) => `links${i}`)];
  let ownPage = "";
  if (wanted.statements) {
    const page = pageCall(wanted.statements, prefix, params, "a");
    ownPage = `
     WITH *, a.id AS parent
     ${page.call}`;
    columns.push(page.columns);
    names.push("page", "total", "facets");
  }
  // Each further list in a subquery of its own, so that its columns (page, total, facets) come back as one map.
  const more = (wanted.moreStatements ?? []).map((query, i) => {
    const page = pageCall(query, `${prefix}o${i}_`, params, "a");
    columns.push(`more${i}`);
    names.push(`more${i}`);
    return `
     CALL (a, statements) {
       WITH a, a.id AS parent, statements
       ${page.call}
       WITH ${page.columns}
       RETURN {page: page, total: total, facets: facets} AS more${i}
     }`;
  });
  const count = anyPage || more.length ? `\n     ${STATEMENT_COUNT}` : "";
  const body = `${nodeById("a", `$${prefix}id`, wanted.anyLabel ? undefined : wanted.node?.label)}${count}
     ${calls.join("\n     ")}${more.join("")}${ownPage}`;
  return { body, columns, names, params };
}

export function buildNodeWithLinksQuery(id: string, wanted: Wanted): BuiltQuery {
  const { body, columns, params } = nodeWithLinksParts(id, wanted, "");
  return { cypher: `${body}\n     RETURN ${columns.join(", ")}`, params };
}

/** One look-up: a node by id and what is wanted with it. */
export interface LookUp {
  id: string;
  wanted: Wanted;
}

/**
 * Several look-ups in one query (the root fields of one operation): each in a subquery of its own, with parameters
 * prefixed q0_, q1_, …, returning a list of its one row as a map (found0, found1, …; empty when there is no node).
 */
export function buildNodesWithLinksQuery(lookUps: readonly LookUp[]): BuiltQuery {
  const params: Record<string, unknown> = {};
  const calls = lookUps.map(({ id, wanted }, i) => {
    const parts = nodeWithLinksParts(id, wanted, `q${i}_`);
    Object.assign(params, parts.params);
    return `CALL () {
     CALL () {
     ${parts.body}
     RETURN ${parts.columns.join(", ")}
     }
     RETURN collect({${parts.names.map((n) => `${n}: ${n}`).join(", ")}}) AS found${i}
     }`;
  });
  return { cypher: `${calls.join("\n     ")}\n     RETURN ${lookUps.map((_l, i) => `found${i}`).join(", ")}`, params };
}

type FoundRow = { node: NodeRow; [column: string]: unknown } | undefined;

/** A look-up's row (or none) shaped: JS work done once per look-up. */
function shapeFound(row: FoundRow, wanted: Wanted): NodeWithLinks {
  const page = (query: StatementQuery, rows: unknown) =>
    toPage(query, rows as PageRows<StatementRow> | undefined, statementCursorScope(query), sortKeyAndId);
  return {
    node: row?.node ?? null,
    neighbours: new Map(wanted.neighbours.map((n, i) => [n.kind, linkTrees(row?.[`links${i}`], n)])),
    statements: wanted.statements ? page(wanted.statements, row) : undefined,
    moreStatements: (wanted.moreStatements ?? []).map((query, i) => page(query, row?.[`more${i}`])),
  };
}

export async function nodeWithLinks(db: Database, id: string, wanted: Wanted): Promise<NodeWithLinks> {
  const { cypher, params } = buildNodeWithLinksQuery(id, wanted);
  const rows = await db.read<{ node: NodeRow; [column: string]: unknown }>(cypher, params);
  return shapeFound(rows[0], wanted);
}

/** Several look-ups, in one query when there are several (each node, or null, in their order). */
export async function nodesWithLinks(db: Database, lookUps: readonly LookUp[]): Promise<NodeWithLinks[]> {
  if (lookUps.length === 1) return [await nodeWithLinks(db, lookUps[0]!.id, lookUps[0]!.wanted)];
  const { cypher, params } = buildNodesWithLinksQuery(lookUps);
  const [row] = await db.read<Record<string, FoundRow[]>>(cypher, params);
  return lookUps.map(({ wanted }, i) => shapeFound(row?.[`found${i}`]?.[0], wanted));
}
