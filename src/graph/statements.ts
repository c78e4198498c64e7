// Statement connections: one query builder for every list of statements (root or nested under many parents at
// once), with filters, keyset pagination and the linked parts the GraphQL query asked for.
import { decodeCursor, encodeCursor } from "./cursor";
import type { Database } from "./database";
import { allWords } from "./fulltext";
import { statementMap, type StatementParts } from "./projections";
import type { Page, StatementRow } from "./rows";

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

export interface StatementQuery {
  /** Set for nested lists: the statements of each parent id. */
  anchor?: StatementAnchor;
  filter: StatementFilter;
  order: StatementOrder;
  first: number;
  after?: string | null;
  parts: StatementParts;
  withTotal: boolean;
}

/** Each anchor as a starting MATCH (index seek on the id) and as a predicate on a bound s. P is the id expression. */
const ANCHORS: Record<StatementAnchor, { match: (p: string) => string; predicate: (p: string) => string }> = {
  said: {
    match: (p) => `MATCH (:Entity {id: ${p}})-[:SAID]->(s:Statement)`,
    predicate: (p) => `EXISTS { (:Entity {id: ${p}})-[:SAID]->(s) }`,
  },
  mentionedIn: {
    match: (p) => `MATCH (:Entity {id: ${p}})<-[:MENTIONS]-(s:Statement)`,
    predicate: (p) => `EXISTS { (s)-[:MENTIONS]->(:Entity {id: ${p}}) }`,
  },
  saidAt: {
    match: (p) => `MATCH (:Venue {id: ${p}})<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement)`,
    predicate: (p) => `EXISTS { (s)-[:SAID_AT]->(:Venue)-[:LOCATED_IN*0..5]->(:Venue {id: ${p}}) }`,
  },
  during: {
    match: (p) => `MATCH (:Event {id: ${p}})<-[:DURING]-(s:Statement)`,
    predicate: (p) => `EXISTS { (s)-[:DURING]->(:Event {id: ${p}}) }`,
  },
  reportedIn: {
    match: (p) => `MATCH (:Source {id: ${p}})<-[:REPORTED_IN]-(s:Statement)`,
    predicate: (p) => `EXISTS { (s)-[:REPORTED_IN]->(:Source {id: ${p}}) }`,
  },
  // Said by the state itself, an organization part of it, or a person holding one of its offices.
  stateAll: {
    match: (p) => `MATCH (:State {id: ${p}})<-[:PART_OF|HOLDS_OFFICE*0..1]-(:Entity)-[:SAID]->(s:Statement)`,
    predicate: (p) => `EXISTS { (s)<-[:SAID]-(:Entity)-[:PART_OF|HOLDS_OFFICE*0..1]->(:State {id: ${p}}) }`,
  },
};

/** Filter fields that name a node, and the anchor each corresponds to. */
const FILTER_ANCHORS: [keyof StatementFilter, StatementAnchor][] = [
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

export function buildStatementQuery(query: StatementQuery): BuiltQuery {
  const { filter, order } = query;
  const params: Record<string, unknown> = { limit: query.first + 1 };
  const predicates: string[] = [];

  // The starting point: full-text hits, else the parent, else a node named in the filter, else all statements.
  const textQuery = filter.text ? allWords(filter.text) : null;
  let start: string | undefined;
  if (textQuery) {
    params.textQuery = textQuery;
    start = "CALL db.index.fulltext.queryNodes('statement_text', $textQuery) YIELD node AS s";
  }
  if (query.anchor) {
    if (start) predicates.push(ANCHORS[query.anchor].predicate("parent"));
    else start = ANCHORS[query.anchor].match("parent");
  }
  for (const [field, anchor] of FILTER_ANCHORS) {
    const value = filter[field];
    if (!value) continue;
    const param = `f_${field}`;
    params[param] = value;
    if (start) predicates.push(ANCHORS[anchor].predicate(`$${param}`));
    else start = ANCHORS[anchor].match(`$${param}`);
  }
  start ??= "MATCH (s:Statement)";
  if (filter.kind) {
    params.f_kind = filter.kind;
    predicates.push("s.kind = $f_kind");
  }
  if (filter.from) {
    params.f_from = filter.from;
    predicates.push("s.saidOn >= date($f_from)");
  }
  if (filter.to) {
    params.f_to = filter.to;
    predicates.push("s.saidOn <= date($f_to)");
  }
  const where = predicates.length ? `\n    WHERE ${predicates.join("\n      AND ")}` : "";

  const descending = order === "SAID_ON_DESC";
  params.undated = descending ? "0001-01-01" : "9999-12-31";
  let cursorPredicate = "";
  if (query.after) {
    const [key, id] = decodeCursor(query.after, 2);
    params.afterKey = key;
    params.afterId = id;
    const cmp = descending ? "<" : ">";
    cursorPredicate = `\n    WHERE sortKey ${cmp} date($afterKey) OR (sortKey = date($afterKey) AND s.id ${cmp} $afterId)`;
  }
  const direction = descending ? "DESC" : "ASC";

  const total = query.withTotal
    ? `
  CALL (parent) {
    ${start}${where}
    RETURN count(DISTINCT s) AS total
  }`
    : "";

  const cypher = `UNWIND $parents AS parent
  CALL (parent) {
    ${start}${where}
    WITH DISTINCT s
    WITH s, coalesce(s.saidOn, date($undated)) AS sortKey${cursorPredicate}
    WITH s, sortKey ORDER BY sortKey ${direction}, s.id ${direction} LIMIT $limit
    RETURN collect({row: ${statementMap("s", query.parts)}, sortKey: toString(sortKey)}) AS page
  }${total}
  RETURN parent, page${query.withTotal ? ", total" : ", null AS total"}`;
  return { cypher, params };
}

/** One page per parent id (or a single page for a root list when parentIds is omitted). */
export async function statementPages(db: Database, query: StatementQuery, parentIds: readonly string[] = [""]): Promise<Page<StatementRow>[]> {
  const { cypher, params } = buildStatementQuery(query);
  const rows = await db.read<{ parent: string; page: { row: StatementRow; sortKey: string }[]; total: number | null }>(cypher, {
    ...params,
    parents: [...new Set(parentIds)],
  });
  const byParent = new Map(rows.map((r) => [r.parent, r]));
  return parentIds.map((id) => {
    const found = byParent.get(id);
    const page = found?.page ?? [];
    return {
      items: page.slice(0, query.first).map(({ row, sortKey }) => ({ cursor: encodeCursor([sortKey, row.id]), node: row })),
      hasNextPage: page.length > query.first,
      totalCount: query.withTotal ? (found?.total ?? 0) : null,
    };
  });
}
