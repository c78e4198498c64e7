// Lists of people, states, organizations, venues, events and sources: filters, keyset pagination, total count.
import type { ListLabel } from "../../domain/labels";
import { nodeById } from "../aliasIds";
import { cursorScope, type CursorScope } from "../cursor";
import type { Database } from "../runtime/database";
import { namePrefixes } from "../fulltext";
import { cursorPredicates, scanDirection, sortKeyAndId, toPage, type PageRows, type PageWindow } from "../pages";
import { nodeMap } from "../projections";
import type { NodeRow, Page } from "../rows";

export type { ListLabel } from "../../domain/labels";

export interface EntityFilter {
  name?: string | null;
  kind?: string | null;
  state?: string | null;
  from?: string | null;
  to?: string | null;
  venue?: string | null;
  participant?: string | null;
}

export interface EntityListQuery extends PageWindow {
  label: ListLabel;
  filter: EntityFilter;
  withTotal: boolean;
}

/** How each list is sorted: a key expression (as text, for the cursor) and a direction. */
const ORDER: Record<ListLabel, { key: string; direction: "ASC" | "DESC"; asKey?: (param: string) => string }> = {
  Person: { key: "n.name", direction: "ASC" },
  State: { key: "n.name", direction: "ASC" },
  Organization: { key: "n.name", direction: "ASC" },
  Venue: { key: "n.name", direction: "ASC" },
  // Dated events first, by date; undated ones last.
  Event: { key: "coalesce(n.date, date('9999-12-31'))", direction: "ASC", asKey: (param) => `date(${param})` },
  // Newest first.
  Source: { key: "n.publishedOn", direction: "DESC", asKey: (param) => `date(${param})` },
};

/** The root field of each list, which names the list its cursors belong to. */
const LIST_FIELDS: Record<ListLabel, string> = {
  Person: "people",
  State: "states",
  Organization: "organizations",
  Venue: "venues",
  Event: "events",
  Source: "sources",
};

export function entityCursorScope(query: Pick<EntityListQuery, "label" | "filter">): CursorScope {
  return cursorScope(LIST_FIELDS[query.label], query.filter);
}

/**
 * Filters that name a node: each as a starting traversal or as a predicate on a bound n, from the named node bound to
 * a variable of the field's name (by nodeById, once per subquery: an alias id names its canonical node).
 */
const ANCHORS: { field: "state" | "venue" | "participant"; label: string; match: string; predicate: string }[] = [
  {
    field: "state",
    label: "State",
    match: "MATCH (state)<-[:IN_STATE]-(:Venue)<-[:LOCATED_IN*0..5]-(n:Venue)",
    predicate: "EXISTS { (n)-[:LOCATED_IN*0..5]->(:Venue)-[:IN_STATE]->(state) }",
  },
  {
    field: "venue",
    label: "Venue",
    match: "MATCH (venue)<-[:LOCATED_IN*0..5]-(:Venue)<-[:HELD_AT]-(n:Event)",
    predicate: "EXISTS { (n)-[:HELD_AT]->(:Venue)-[:LOCATED_IN*0..5]->(venue) }",
  },
  {
    field: "participant",
    label: "Entity",
    match: "MATCH (participant)-[:PARTICIPATED_IN]->(n:Event)",
    predicate: "EXISTS { (participant)-[:PARTICIPATED_IN]->(n) }",
  },
];

export function buildEntityListQuery(query: EntityListQuery): { cypher: string; params: Record<string, unknown> } {
  const { label, filter } = query;
  const params: Record<string, unknown> = { limit: query.size + 1 };
  const predicates: string[] = [];
  const bindings: string[] = [];
  let start: string | undefined;
  const nameQuery = filter.name ? namePrefixes(filter.name) : null;
  if (nameQuery) {
    params.nameQuery = nameQuery;
    start = "CALL db.index.fulltext.queryNodes('entity_names', $nameQuery) YIELD node AS n";
    predicates.push(`n:${label}`);
  }
  for (const anchor of ANCHORS) {
    const value = filter[anchor.field];
    if (!value) continue;
    params[anchor.field] = value;
    bindings.push(nodeById(anchor.field, `$${anchor.field}`, anchor.label));
    if (start) predicates.push(anchor.predicate);
    else start = anchor.match;
  }
  start ??= `MATCH (n:${label})`;
  if (bindings.length) start = `${bindings.join("\n  ")}\n  ${start}`;
  if (filter.kind) {
    params.kind = filter.kind;
    predicates.push("n.kind = $kind");
  }
  if (filter.from) {
    params.from = filter.from;
    predicates.push("n.date >= date($from)");
  }
  if (filter.to) {
    params.to = filter.to;
    predicates.push("n.date <= date($to)");
  }
  const where = predicates.length ? ` WHERE ${predicates.join(" AND ")}` : "";
  const order = ORDER[label];
  const cursors = cursorPredicates(query, entityCursorScope(query), { ...order, key: "sortKey", id: "n.id" });
  Object.assign(params, cursors.params);
  const cursorPredicate = cursors.predicates.length ? ` WHERE ${cursors.predicates.join(" AND ")}` : "";
  const direction = scanDirection(query, order.direction);
  const total = query.withTotal ? `\nCALL () { ${start}${where} RETURN count(DISTINCT n) AS total }` : "";
  const cypher = `CALL () {
  ${start}${where}
  WITH DISTINCT n
  WITH n, ${order.key} AS sortKey${cursorPredicate}
  WITH n, sortKey ORDER BY sortKey ${direction}, n.id ${direction} LIMIT $limit
  RETURN collect({row: ${nodeMap("n")}, sortKey: toString(sortKey)}) AS page
}${total}
RETURN page${query.withTotal ? ", total" : ", null AS total"}`;
  return { cypher, params };
}

export async function entityPage(db: Database, query: EntityListQuery): Promise<Page<NodeRow>> {
  const { cypher, params } = buildEntityListQuery(query);
  const rows = await db.read<PageRows<NodeRow>>(cypher, params);
  return toPage(query, rows[0], entityCursorScope(query), sortKeyAndId);
}
