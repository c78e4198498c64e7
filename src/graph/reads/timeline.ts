// What happened around an entity, in date order: statements it made (a state: also its organizations and office
// holders), statements that mention it, events it took part in, and for a venue what was said or held there. A
// keyset-paginated list like the others: (date at its precision, id), undated items last.
import { nodeById } from "../aliasIds";
import { cursorScope, type CursorScope } from "../cursor";
import type { Database } from "../runtime/database";
import { cursorPredicates, scanDirection, sortKeyAndId, toPage, type PageRows, type PageWindow } from "../pages";
import { nodeMap, statementMap, type StatementParts } from "../projections";
import type { EventRow, Page, StatementRow } from "../rows";
import type { BuiltQuery } from "./statements";

export interface TimelineQuery extends PageWindow {
  entity: string;
  from?: string | null;
  to?: string | null;
  /** The linked parts of statements the query selected (nothing else is fetched). */
  parts: StatementParts;
  withTotal: boolean;
}

/** A timeline's cursors belong to its entity and dates. */
export function timelineCursorScope(query: Pick<TimelineQuery, "entity" | "from" | "to">): CursorScope {
  return cursorScope("timeline", { entity: query.entity, from: query.from, to: query.to });
}

export function buildTimelineQuery(query: TimelineQuery): BuiltQuery {
  const params: Record<string, unknown> = { entity: query.entity, limit: query.size + 1 };
  const predicates: string[] = [];
  if (query.from) {
    params.from = query.from;
    predicates.push("when >= date($from)");
  }
  if (query.to) {
    params.to = query.to;
    predicates.push("when <= date($to)");
  }
  // What x said, or what an entity that is PART_OF x or HOLDS_OFFICE in it said.
  const said = "(x)<-[:PART_OF|HOLDS_OFFICE*0..1]-(:Entity)-[:SAID]->(s:Statement)";
  const items = `CALL (x) {
         MATCH ${said} WHERE x:State OR x:Person OR x:Organization
         RETURN s AS item
         UNION
         MATCH (x)<-[:MENTIONS]-(s:Statement) RETURN s AS item
         UNION
         MATCH (x)-[:PARTICIPATED_IN]->(e:Event) RETURN e AS item
         UNION
         MATCH (x)<-[:DURING]-(s:Statement) RETURN s AS item
         UNION
         MATCH (x:Event) RETURN x AS item
         UNION
         MATCH (x:Venue)<-[:LOCATED_IN*0..5]-(:Venue)<-[:SAID_AT]-(s:Statement) RETURN s AS item
         UNION
         MATCH (x:Venue)<-[:LOCATED_IN*0..5]-(:Venue)<-[:HELD_AT]-(e:Event) RETURN e AS item
       }
       WITH item, CASE WHEN item:Statement THEN item.saidOn ELSE item.date END AS when${
         predicates.length ? `\n       WHERE ${predicates.join(" AND ")}` : ""
       }`;
  // The key is the date written to its precision ("2025", "2025-06", "2025-06-01"): as text, a month sorts after the
  // months before it and before its own days (a prefix sorts first), never among the days as if said on the 1st.
  // Undated items sort last ("~" follows every digit).
  const cursors = cursorPredicates(query, timelineCursorScope(query), {
    key: "sortKey",
    id: "item.id",
    direction: "ASC",
  });
  Object.assign(params, cursors.params);
  const direction = scanDirection(query, "ASC");
  const row = `CASE WHEN item:Statement THEN ${statementMap("item", query.parts)} ELSE ${nodeMap("item")} END`;
  const total = query.withTotal
    ? `
     CALL (x) {
       ${items}
       RETURN count(item) AS total
     }`
    : "";
  return {
    cypher: `${nodeById("x", "$entity")}
     CALL (x) {
       ${items}
       WITH item, CASE WHEN when IS NULL THEN '~'
         ELSE left(toString(when), CASE item.datePrecision WHEN 'YEAR' THEN 4 WHEN 'MONTH' THEN 7 ELSE 10 END)
       END AS sortKey${cursors.predicates.length ? `\n       WHERE ${cursors.predicates.join(" AND ")}` : ""}
       WITH item, sortKey ORDER BY sortKey ${direction}, item.id ${direction} LIMIT $limit
       RETURN collect({row: ${row}, sortKey: sortKey}) AS page
     }${total}
     RETURN page${query.withTotal ? ", total" : ", null AS total"}`,
    params,
  };
}

/** The page, or null when there is no entity with that id (the query then returns no row). */
export async function timeline(db: Database, query: TimelineQuery): Promise<Page<StatementRow | EventRow> | null> {
  const { cypher, params } = buildTimelineQuery(query);
  const rows = await db.read<PageRows<StatementRow | EventRow>>(cypher, params);
  return rows[0] ? toPage(query, rows[0], timelineCursorScope(query), sortKeyAndId) : null;
}
