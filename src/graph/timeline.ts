// What happened around an entity, in date order: statements it made (a state: also its organizations and office
// holders), statements that mention it, events it took part in, and for a venue what was said or held there.
import { nodeById } from "./aliasIds";
import type { Database } from "./database";
import { nodeMap, statementMap, type StatementParts } from "./projections";
import type { EventRow, StatementRow } from "./rows";
import type { BuiltQuery } from "./statements";

export interface TimelineQuery {
  entity: string;
  from?: string | null;
  to?: string | null;
  first: number;
  /** The linked parts of statements the query selected (nothing else is fetched). */
  parts: StatementParts;
}

export function buildTimelineQuery(query: TimelineQuery): BuiltQuery {
  const predicates: string[] = [];
  if (query.from) predicates.push("when >= date($from)");
  if (query.to) predicates.push("when <= date($to)");
  // What x said, or what an entity that is PART_OF x or HOLDS_OFFICE in it said.
  const said = "(x)<-[:PART_OF|HOLDS_OFFICE*0..1]-(:Entity)-[:SAID]->(s:Statement)";
  return {
    cypher: `${nodeById("x", "$entity")}
     CALL (x) {
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
     WITH item, CASE WHEN item:Statement THEN item.saidOn ELSE item.date END AS when
     ${predicates.length ? `WHERE ${predicates.join(" AND ")}` : ""}
     WITH item, when ORDER BY coalesce(when, date('9999-12-31')), item.id LIMIT $first
     RETURN CASE WHEN item:Statement THEN ${statementMap("item", query.parts)} ELSE ${nodeMap("item")} END AS item`,
    params: { entity: query.entity, from: query.from ?? null, to: query.to ?? null, first: query.first },
  };
}

export async function timeline(db: Database, query: TimelineQuery): Promise<(StatementRow | EventRow)[]> {
  const { cypher, params } = buildTimelineQuery(query);
  const rows = await db.read<{ item: StatementRow | EventRow }>(cypher, params);
  return rows.map((r) => r.item);
}
