// Statement connections: one query builder for every list of statements (root or nested under many parents at
// once), with filters, keyset pagination and the linked parts the GraphQL query asked for.
import { nodeById, nodeOrNullById } from "../aliasIds";
import { cursorScope, type CursorScope } from "../cursor";
import { facetCalls, type FacetRequest } from "./facets";
import type { Database } from "../runtime/database";
import { AWAIT_STATEMENT_TEXT, allWords } from "../fulltext";
import {
  cursorPredicates,
  scanDirection,
  sortKeyAndId,
  toPage,
  windowCursors,
  type Direction,
  type PageRows,
  type PageWindow,
} from "../pages";
import { statementMap, type StatementParts } from "../projections";
import type { Page, StatementRow } from "../rows";

export interface StatementFilter {
  speaker?: string | null;
  state?: string | null;
  venue?: string | null;
  event?: string | null;
  mentions?: string | null;
  kind?: "DIRECT_QUOTE" | "REPORTED" | null;
  from?: string | null;
  to?: string | null;
  text?: string | null;
}

export type StatementOrder = "SAID_ON_ASC" | "SAID_ON_DESC";

/** How a list of statements hangs off its parent node. */
export type StatementAnchor = "said" | "mentionedIn" | "saidAt" | "during" | "reportedIn" | "stateAll";

export interface StatementQuery extends PageWindow {
  /** Set for nested lists: the statements of each parent id. */
  anchor?: StatementAnchor;
  filter: StatementFilter;
  order: StatementOrder;
  parts: StatementParts;
  withTotal: boolean;
  /** Facets to count over every statement the filter keeps (none when absent). */
  facets?: readonly FacetRequest[];
}

/**
 * Each anchor: the label of the node it names, and, from that node bound to a variable A, its statements as a starting
 * MATCH, as a predicate on a bound s, and the nodes whose relationship degrees count them (the statements are never
 * read for a count). The node is bound once per subquery by nodeById (an alias id names its canonical node), so a
 * predicate tested on every statement of a walk expands into a bound node instead of looking the id up each time;
 * except across a variable-length hop, where it names the node by the bound node's id: with the far end bound, Neo4j
 * expands from it (every member of a state, every venue inside a city) for each statement tested, 3x the db hits of
 * walking from the statement as the hand-written Cypher does (PROFILE at 100k statements: 14,555 against 4,702).
 * `walk` is what testing one statement on the saidOn walk costs against reading one from the anchor (the dense plan's
 * break-even scales with it). Whether an anchor's statements cluster in time (an event's round its date) need not be
 * known: the walk gives up after a bounded number of statements (WALK_PAGES).
 */
export const ANCHORS: Record<
  StatementAnchor,
  {
    label: string;
    match: (a: string) => string;
    predicate: (a: string) => string;
    /** Binds x to each node whose degree counts (the node itself, or the venues inside a venue). */
    counted?: (a: string) => string;
    degree: string;
    walk: number;
  }
> = {
  said: {
    label: "Entity",
    match: (a) => `MATCH (${a})-[:SAID]->(s:Statement)`,
    predicate: (a) => `EXISTS { (${a})-[:SAID]->(s) }`,
    degree: "(x)-[:SAID]->()",
    walk: 2,
  },
  mentionedIn: {
    label: "Entity",
    match: (a) => `MATCH (${a})<-[:MENTIONS]-(s:Statement)`,
    predicate: (a) => `EXISTS { (s)-[:MENTIONS]->(${a}) }`,
    degree: "(x)<-[:MENTIONS]-()",
    walk: 2,
  },
  saidAt: {
    label: "Venue",
    match: (a) => `MATCH (${a})<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement)`,
    predicate: (a) => `EXISTS { (s)-[:SAID_AT]->(:Venue)-[:LOCATED_IN*0..5]->(:Venue {id: ${a}.id}) }`,
    counted: (a) => `MATCH (${a})<-[:LOCATED_IN*0..5]-(x:Venue)`,
    degree: "(x)<-[:SAID_AT]-()",
    // Each statement tested walks up the venue chain (PROFILE: about 30 db hits a statement).
    walk: 8,
  },
  during: {
    label: "Event",
    match: (a) => `MATCH (${a})<-[:DURING]-(s:Statement)`,
    predicate: (a) => `EXISTS { (s)-[:DURING]->(${a}) }`,
    degree: "(x)<-[:DURING]-()",
    walk: 2,
  },
  reportedIn: {
    label: "Source",
    match: (a) => `MATCH (${a})<-[:REPORTED_IN]-(s:Statement)`,
    predicate: (a) => `EXISTS { (s)-[:REPORTED_IN]->(${a}) }`,
    degree: "(x)<-[:REPORTED_IN]-()",
    walk: 2,
  },
  // Said by the state itself, an organization part of it, or a person holding one of its offices.
  stateAll: {
    label: "State",
    match: (a) => `MATCH (${a})<-[:PART_OF|HOLDS_OFFICE*0..1]-(:Entity)-[:SAID]->(s:Statement)`,
    predicate: (a) => `EXISTS { (s)<-[:SAID]-(:Entity)-[:PART_OF|HOLDS_OFFICE*0..1]->(:State {id: ${a}.id}) }`,
    counted: (a) => `MATCH (${a})<-[:PART_OF|HOLDS_OFFICE*0..1]-(x:Entity)`,
    degree: "(x)-[:SAID]->()",
    walk: 8,
  },
};

/** A node a list names (its parent, or a filter's id), bound to variable v by nodeById. */
interface NamedNode {
  kind: StatementAnchor;
  /** The id expression: parent, or a filter's parameter. */
  id: string;
  v: string;
  /** A variable that already holds the node (a page fetched with its parent): no look-up by id. */
  bound?: string;
}

const bind = (node: NamedNode) => nodeById(node.v, node.id, ANCHORS[node.kind].label);
const bindOrNull = (node: NamedNode) => nodeOrNullById(node.v, node.id, ANCHORS[node.kind].label);

/** The statement count of the anchor bound to a, from relationship degrees (no statement is read): yields n. */
function statementCount(a: string, kind: StatementAnchor): string {
  const { counted, degree } = ANCHORS[kind];
  return `CALL (${a}) { ${counted ? counted(a) : `WITH ${a} AS x`} RETURN coalesce(sum(COUNT { ${degree} }), 0) AS n }`;
}

/** Filter fields that name a node, and the anchor each corresponds to. */
export const FILTER_ANCHORS: [keyof StatementFilter, StatementAnchor][] = [
  ["speaker", "said"],
  ["event", "during"],
  ["mentions", "mentionedIn"],
  ["venue", "saidAt"],
  ["state", "stateAll"],
];

export interface BuiltQuery {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * How many pages' worth of statements a dense walk tests before it gives up for the sparse plan (WALK_MIN at least):
 * above the walk's expected length where it is tried (page × N / n, under 16 pages once n² > N × page × 2 at 10k
 * statements; small pages are tried with longer expected walks, hence the floor), yet small against reading a large
 * anchor's statements.
 */
export const WALK_PAGES = 16;
export const WALK_MIN = 256;

const and = (predicates: string[]) => predicates.map((p) => `\n      AND ${p}`).join("");

/**
 * Dated statements come first, in date order, then undated ones (by id). Two plans answer the dated part and the
 * query picks one per parent at run time from the anchor's statement count n among all N statements:
 * - sparse: start at the anchor, read its statements and sort them (cost ~ n);
 * - dense: walk the saidOn index in order and test the anchor on each statement until the page is full (cost ~
 *   page × N / n × the anchor's test cost), which is what keeps "the latest 20 of a speaker with 10,000 statements"
 *   cheap.
 * The dense plan is tried when n² > N × page × the anchor's walk cost (ANCHORS), and walks at most WALK_PAGES pages'
 * worth of statements: where the anchor's statements cluster away from the walk's start (an event's round its date),
 * the page does not fill within them and the sparse plan answers instead, so a wrong guess costs the bound, not the
 * index. Full-text filters start from the index hits and sort them.
 */
export function buildStatementQuery(query: StatementQuery): BuiltQuery {
  const { page, aggregates, columns, params } = statementPageParts(query);
  const cypher = `${STATEMENT_COUNT}
  UNWIND $parents AS parent
  CALL (parent, statements) {
    ${page}
  }${aggregates}
  RETURN parent, page, ${columns}`;
  return { cypher, params };
}

/** How the API names each nested list of statements, for the cursors that belong to it. */
const ANCHOR_LISTS: Record<StatementAnchor, string> = {
  said: "Speaker.statements",
  mentionedIn: "mentionedIn",
  saidAt: "Venue.statements",
  during: "Event.statements",
  reportedIn: "Source.statements",
  stateAll: "State.allStatements",
};

/**
 * The list a statement cursor belongs to: root or which nested list, the order and the filter. The parent is left
 * out: one query serves a nested list under many parents with the same `after`, and a cursor is a position in the
 * (date, id) order every list with this scope shares, so under another parent it only starts that parent's page there.
 */
export function statementCursorScope(query: Pick<StatementQuery, "anchor" | "filter" | "order">): CursorScope {
  return cursorScope(query.anchor ? ANCHOR_LISTS[query.anchor] : "statements", query.filter, query.order);
}

/** Checks the cursors of a statement page: CursorError when one is no cursor, or another list's. */
export function checkStatementCursors(query: StatementQuery): void {
  windowCursors(query, statementCursorScope(query), 2);
}

/** Binds statements: how many there are in all, which the choice between the two plans needs. */
export const STATEMENT_COUNT = "CALL () { MATCH (x:Statement) RETURN count(x) AS statements }";

export interface StatementPageParts {
  /** Subquery body: given parent (an id, unused by root lists) and statements, returns page. */
  page: string;
  /** CALLs that bind total and each facet for parent (empty when neither is asked for). */
  aggregates: string;
  /** The columns of total and facets (null when not asked for), after the aggregates. */
  columns: string;
  params: Record<string, unknown>;
}

/**
 * The pieces of one statement page under a bound parent, for queries that fetch it along with other things. A prefix
 * renames its parameters, so that two pages with different arguments fit in one query. With parentNode, the page
 * imports that variable (the parent node itself) and reads from it instead of looking the parent's id up again.
 */
export function statementPageParts(query: StatementQuery, prefix = "", parentNode?: string): StatementPageParts {
  const parts = unprefixedPageParts(query, parentNode);
  if (!prefix) return parts;
  // Only names this page defines are renamed; the text is the builder's own, never input.
  const rename = (text: string) =>
    text.replace(/\$(\w+)/g, (whole, name: string) =>
      Object.hasOwn(parts.params, name) ? `$${prefix}${name}` : whole,
    );
  return {
    page: rename(parts.page),
    aggregates: rename(parts.aggregates),
    columns: rename(parts.columns),
    params: Object.fromEntries(Object.entries(parts.params).map(([name, value]) => [`${prefix}${name}`, value])),
  };
}

function unprefixedPageParts(query: StatementQuery, parentNode?: string): StatementPageParts {
  const { filter, order } = query;
  const params: Record<string, unknown> = { limit: query.size + 1 };
  const filterPredicates: string[] = [];

  // The anchor: the parent, else the first node named in the filter; further named nodes become predicates.
  let anchor: NamedNode | undefined = query.anchor
    ? { kind: query.anchor, id: "parent", v: "anchor", bound: parentNode }
    : undefined;
  const named: NamedNode[] = anchor ? [anchor] : [];
  for (const [field, kind] of FILTER_ANCHORS) {
    const value = filter[field];
    if (!value) continue;
    const param = `f_${field}`;
    params[param] = value;
    if (anchor) {
      named.push({ kind, id: `$${param}`, v: field });
      filterPredicates.push(ANCHORS[kind].predicate(field));
    } else {
      anchor = { kind, id: `$${param}`, v: "anchor" };
      named.push(anchor);
    }
  }
  // The named nodes, each looked up once where statements are read: a predicate tested on every statement of a walk
  // then expands into a bound node instead of looking its id up again.
  const bindings = named.map((node) => `${bind(node)}\n    `).join("");
  if (filter.kind) {
    params.f_kind = filter.kind;
    filterPredicates.push("s.kind = $f_kind");
  }
  const dateFiltered = Boolean(filter.from || filter.to);
  const dateRange: string[] = [];
  if (filter.from) {
    params.f_from = filter.from;
    dateRange.push("s.saidOn >= date($f_from)");
  }
  if (filter.to) {
    params.f_to = filter.to;
    dateRange.push("s.saidOn <= date($f_to)");
  }
  const otherFilters = [...filterPredicates];
  filterPredicates.push(...dateRange);

  // The list's order is (date, id) with an undated statement's date at the list's far end (the earliest date in a
  // descending list, the latest in an ascending one); a backward page reads it from that end.
  const listDirection: Direction = order === "SAID_ON_DESC" ? "DESC" : "ASC";
  const direction = scanDirection(query, listDirection);
  params.undated = listDirection === "DESC" ? "0001-01-01" : "9999-12-31";
  const scope = statementCursorScope(query);
  const asKey = (param: string) => `date(${param})`;
  const cursorsOn = (key: string) => {
    const cursors = cursorPredicates(query, scope, { key, id: "s.id", direction: listDirection, asKey });
    Object.assign(params, cursors.params);
    return cursors.predicates;
  };
  const datedCursor = cursorsOn("s.saidOn");
  const undatedCursor = cursorsOn("date($undated)");
  const row = statementMap("s", query.parts);
  const projection = `RETURN collect({row: ${row}, sortKey: toString(coalesce(s.saidOn, date($undated)))}) AS page`;

  const textQuery = filter.text ? allWords(filter.text) : null;
  let page: string;
  let counted: string;
  if (textQuery) {
    params.textQuery = textQuery;
    const start = `${AWAIT_STATEMENT_TEXT}
    ${bindings}CALL db.index.fulltext.queryNodes('statement_text', $textQuery) YIELD node AS s`;
    const predicates = [...(anchor ? [ANCHORS[anchor.kind].predicate(anchor.v)] : []), ...filterPredicates];
    const where = predicates.length ? `\n    WHERE ${predicates.join("\n      AND ")}` : "";
    counted = `${start}${where}`;
    const sortKeyCursor = cursorsOn("sortKey");
    const cursor = sortKeyCursor.length ? `\n    WHERE ${sortKeyCursor.join(" AND ")}` : "";
    // The index yields each node once and the predicates are existence tests: no duplicates to remove.
    page = `${start}${where}
    WITH s, coalesce(s.saidOn, date($undated)) AS sortKey${cursor}
    WITH s, sortKey ORDER BY sortKey ${direction}, s.id ${direction} LIMIT $limit
    ${projection}`;
  } else {
    const anchorMatch = anchor ? ANCHORS[anchor.kind].match(anchor.v) : "MATCH (s:Statement)";
    const filtered = filterPredicates.length ? `\n    WHERE ${filterPredicates.join("\n      AND ")}` : "";
    counted = `${bindings}${anchorMatch}${filtered}`;
    // The page's subqueries share the named nodes, bound before them (null where an id names nothing, so that the page
    // still answers): bound inside the walk, they would come before the saidOn index and cost it its order.
    const carry = (...more: string[]) => ["parent", ...named.map((node) => node.v), ...more].join(", ");
    // Read backward, the list's end comes first: its undated statements, then the dated ones (only while the page has
    // room). Read forward, the undated ones come last, while the dated ones leave room.
    const undatedFirst = Boolean(query.backward) && !dateFiltered;
    const first = undatedFirst ? ["undated"] : [];
    const room = undatedFirst ? " AND size(undated) < $limit" : "";
    const undatedPart = (vars: string[], condition: string) => `CALL (${carry(...vars)}) {
      ${condition ? `WITH ${carry(...vars)}${condition}\n      ` : ""}${anchorMatch}
      WHERE s.saidOn IS NULL${and([...filterPredicates, ...undatedCursor])}
      WITH DISTINCT s ORDER BY s.id ${direction} LIMIT $limit
      RETURN collect(s) AS undated
    }`;
    const walked = [...(anchor ? [ANCHORS[anchor.kind].predicate(anchor.v)] : []), ...filterPredicates, ...datedCursor];
    // The walk keeps to the saidOn index (the hint), whose order lets it stop once the page is full; another index (a
    // kind's) would find every statement of the kind and sort them.
    const denseWalk = (start: string, column: string) => `MATCH (s:Statement) USING INDEX s:Statement(saidOn)
      WHERE ${start}${and(walked)}
      WITH s ORDER BY s.saidOn ${direction}, s.id ${direction} LIMIT $limit
      RETURN collect(s) AS ${column}`;
    const sparseRead = (column: string) => `${anchorMatch}
      WHERE s.saidOn IS NOT NULL${and([...filterPredicates, ...datedCursor])}
      WITH DISTINCT s ORDER BY s.saidOn ${direction}, s.id ${direction} LIMIT $limit
      RETURN collect(s) AS ${column}`;
    // A parent fetched in the same query is bound already (Neo4j then plans the walks from that node).
    const bindOnce = (node: NamedNode) => (node.bound ? `WITH *, ${node.bound} AS ${node.v}` : bindOrNull(node));
    const undatedBefore = undatedFirst ? `\n    ${undatedPart([], "")}` : "";
    let dated: string;
    if (!anchor) {
      dated = `${undatedFirst ? `${undatedPart([], "")}\n    ` : ""}CALL (${carry(...first)}) {
      ${undatedFirst ? `WITH ${carry(...first)} WHERE size(undated) < $limit\n      ` : ""}${denseWalk(
        "s.saidOn IS NOT NULL",
        "dated",
      )}
    }`;
    } else {
      // The walk starts at the earliest date only when tried, else at none: the index seek then depends on the
      // choice, and Neo4j cannot scan the whole index first and test the choice on every statement it finds. It takes
      // the first $walkLimit statements in order before testing the anchor: if $limit of them pass, they are the page
      // (every statement not walked comes after them); else the sparse plan reads the anchor's own.
      params.earliest = "0001-01-01";
      params.walkLimit = Math.max((params.limit as number) * WALK_PAGES, WALK_MIN);
      const tried = `n * n > statements * $limit * ${ANCHORS[anchor.kind].walk}${room}`;
      const tested = [ANCHORS[anchor.kind].predicate(anchor.v), ...otherFilters];
      dated = `${named.map(bindOnce).join("\n    ")}
    ${statementCount(anchor.v, anchor.kind)}${undatedBefore}
    CALL (${carry("n", "statements", ...first)}) {
      WITH ${carry(...first)}, CASE WHEN ${tried} THEN date($earliest) END AS earliest
      MATCH (s:Statement) USING INDEX s:Statement(saidOn)
      WHERE s.saidOn >= earliest${and([...dateRange, ...datedCursor])}
      WITH ${carry(...first)}, s ORDER BY s.saidOn ${direction}, s.id ${direction} LIMIT $walkLimit
      WITH ${carry()}, s WHERE ${tested.join("\n        AND ")}
      WITH s ORDER BY s.saidOn ${direction}, s.id ${direction} LIMIT $limit
      RETURN collect(s) AS dense
    }
    CALL (${carry("dense", ...first)}) {
      WITH ${carry("dense", ...first)} WHERE size(dense) < $limit${room}
      ${sparseRead("sparse")}
    }
    WITH ${carry(...first)}, CASE WHEN size(dense) = $limit THEN dense ELSE sparse END AS dated`;
    }
    // With a date filter no undated statement can match.
    const undated = dateFiltered
      ? "WITH parent, dated AS all"
      : undatedFirst
        ? "WITH parent, undated + dated AS all"
        : `${undatedPart(["dated"], " WHERE size(dated) < $limit")}
    WITH parent, dated + undated AS all`;
    page = `${dated}
    ${undated}
    UNWIND all[0..$limit] AS s
    ${projection}`;
  }

  const facets = facetCalls(counted, query.facets ?? [], query.withTotal);
  Object.assign(params, facets.params);
  const total =
    query.withTotal && !facets.countsTotal
      ? `
  CALL (parent) {
    ${counted}
    RETURN count(DISTINCT s) AS total
  }`
      : "";
  return {
    page,
    aggregates: `${total}${facets.calls}`,
    columns: `${query.withTotal ? "total" : "null AS total"}, ${facets.column}`,
    params,
  };
}

/** One page per parent id (or a single page for a root list when parentIds is omitted). */
export async function statementPages(
  db: Database,
  query: StatementQuery,
  parentIds: readonly string[] = [""],
): Promise<Page<StatementRow>[]> {
  const { cypher, params } = buildStatementQuery(query);
  const rows = await db.read<{ parent: string } & PageRows<StatementRow>>(cypher, {
    ...params,
    parents: [...new Set(parentIds)],
  });
  const byParent = new Map(rows.map((r) => [r.parent, r]));
  const scope = statementCursorScope(query);
  return parentIds.map((id) => toPage(query, byParent.get(id), scope, sortKeyAndId));
}
