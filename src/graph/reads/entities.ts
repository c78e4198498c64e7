// Lists of people, states, organizations, venues, events and sources: filters, keyset pagination, total count.
import type { ListLabel } from "../../domain/labels";
import { nodeById } from "../aliasIds";
import { cursorScope, type CursorScope } from "../cursor";
import type { Database } from "../runtime/database";
import { namePrefixes } from "../fulltext";
import { cursorPredicates, scanDirection, sortKeyAndId, toPage, type PageRows, type PageWindow } from "../pages";
import { labelledNodeMap, type NodeProperty } from "../projections";
import type { NodeRow, Page } from "../rows";
import type { NeighbourKind } from "./neighbours";
import { linksCall, linkTrees, wantsPage, type LinkTree, type WantedNeighbours } from "./linkTrees";
import { STATEMENT_COUNT } from "./statements";

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
  /** The neighbours of each listed node (and theirs) read with the page: one query for the list and its links. */
  neighbours?: readonly WantedNeighbours[];
  /** Only these properties of each listed node (with its id and label); every one when absent. */
  properties?: readonly NodeProperty[];
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
  // Each kept node's neighbours, read after the page is cut (links0, links1, … in its entry).
  const wanted = query.neighbours ?? [];
  const links = wanted.map(
    (w, i) => `
  CALL (n${wantsPage(w) ? ", statements" : ""}) {
    WITH n AS a${wantsPage(w) ? ", statements" : ""}
    ${linksCall(w, "links", `n${i}_`, params)}
    RETURN links AS links${i}
  }`,
  );
  const kept = wanted.map((_w, i) => `, links${i}: links${i}`).join("");
  const count = wanted.some(wantsPage) ? `${STATEMENT_COUNT}\n` : "";
  const total = query.withTotal ? `\nCALL () { ${start}${where} RETURN count(DISTINCT n) AS total }` : "";
  const row = labelledNodeMap("n", { label, properties: query.properties });
  const cypher = `${count}CALL (${count ? "statements" : ""}) {
  ${start}${where}
  WITH DISTINCT n
  WITH n, ${order.key} AS sortKey${cursorPredicate}
  WITH n, sortKey ORDER BY sortKey ${direction}, n.id ${direction} LIMIT $limit${links.join("")}
  RETURN collect({row: ${row}, sortKey: toString(sortKey)${kept}}) AS page
}${total}
RETURN page${query.withTotal ? ", total" : ", null AS total"}`;
  return { cypher, params };
}

export interface EntityPage {
  page: Page<NodeRow>;
  /** The wanted neighbours of each node of the page, by the node's id, then by kind. */
  links: Map<string, Map<NeighbourKind, LinkTree[]>>;
}

/** One page of a list, with the wanted neighbours of each of its nodes. */
export async function entityPage(db: Database, query: EntityListQuery): Promise<EntityPage> {
  const { cypher, params } = buildEntityListQuery(query);
  const rows = await db.read<PageRows<NodeRow> & { page: Record<string, unknown>[] }>(cypher, params);
  const wanted = query.neighbours ?? [];
  const links = new Map<string, Map<NeighbourKind, LinkTree[]>>();
  if (wanted.length) {
    for (const entry of rows[0]?.page ?? []) {
      const trees = wanted.map((w, i) => [w.kind, linkTrees(entry[`links${i}`], w)] as const);
      links.set((entry.row as NodeRow).id, new Map(trees));
    }
  }
  return { page: toPage(query, rows[0], entityCursorScope(query), sortKeyAndId), links };
}
