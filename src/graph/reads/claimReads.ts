// The claims behind an entity's values, for the API: each source's CLAIMED_IN values, the links each source stated
// (they carry its id), and what a curator set. Batched over the entities of a response.
import type { Database } from "../runtime/database";
import type { BuiltQuery } from "./statements";

export interface ClaimRow {
  field: string;
  value: string;
  precision: string | null;
  /** The source that asserts it; null for a curator's claim. */
  source: string | null;
  curator: boolean;
}

/**
 * Links whose sources are recorded (entity links carry r.source, a statement's links the list r.sources; a curator's
 * say "curator"), by the field of the dataset that states them, seen from the node they start at.
 */
const LINK_CLAIMS = [
  { field: "offices", pattern: "(n)-[r:HOLDS_OFFICE]->(x)", value: "r.title + ' of ' + x.id" },
  { field: "memberships", pattern: "(n)-[r:MEMBER_OF]->(x)", value: "x.id" },
  { field: "partOf", pattern: "(n)-[r:PART_OF]->(x)", value: "x.id" },
  { field: "locatedIn", pattern: "(n)-[r:LOCATED_IN]->(x)", value: "x.id" },
  { field: "state", pattern: "(n)-[r:IN_STATE]->(x)", value: "x.id" },
  { field: "venue", pattern: "(n)-[r:HELD_AT|SAID_AT]->(x)", value: "x.id" },
  { field: "follows", pattern: "(n)-[r:FOLLOWS]->(x)", value: "x.id" },
  { field: "participants", pattern: "(x)-[r:PARTICIPATED_IN]->(n)", value: "x.id" },
  { field: "speaker", pattern: "(x)-[r:SAID]->(n:Statement)", value: "x.id" },
  { field: "event", pattern: "(n)-[r:DURING]->(x)", value: "x.id" },
  { field: "mentions", pattern: "(n)-[r:MENTIONS]->(x)", value: "x.id" },
];

/** The scalar fields of a CLAIMED_IN relationship, each one claim (aliases one claim per alias). */
const VALUE_CLAIMS = `[f IN ['name', 'description', 'isoCode', 'kind', 'startsAt', 'text', 'time', 'channel']
           WHERE c[f] IS NOT NULL | {field: f, value: toString(c[f]), precision: null}]
         + [a IN coalesce(c.aliases, []) | {field: 'aliases', value: a, precision: null}]
         + [f IN ['date', 'saidOn'] WHERE c[f] IS NOT NULL | {field: f, value: c[f], precision: c.datePrecision}]`;

/** Fields a curator may have set, and how their value reads as a claim. */
const CURATED_VALUE = `CASE f WHEN 'date' THEN toString(n.date) WHEN 'saidOn' THEN toString(n.saidOn)
             ELSE toString(n[f]) END`;

/** A statement's link without a list of sources is its only source's (see datasetWrites.ts). */
const REPORTING_SOURCES = "COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id }";

/** A statement one source reports has no CLAIMED_IN: its values are that source's claims (see datasetWrites.ts). */
const IMPLICIT_CLAIMS = `CASE WHEN n:Statement AND NOT EXISTS { (n)-[:CLAIMED_IN]->() } THEN
           [f IN ['text', 'kind', 'channel'] WHERE n[f] IS NOT NULL |
             {field: f, value: toString(n[f]), precision: null, sources: ${REPORTING_SOURCES}}]
           + [f IN ['time', 'saidOn'] WHERE n[f] IS NOT NULL |
             {field: f, value: toString(n[f]), precision: CASE f WHEN 'saidOn' THEN n.datePrecision END,
              sources: ${REPORTING_SOURCES}}]
         ELSE [] END`;

export function buildClaimsQuery(ids: readonly string[]): BuiltQuery {
  const links = LINK_CLAIMS.map(
    (l) =>
      `[${l.pattern} | {field: '${l.field}', value: ${l.value}, precision: null, ` +
      `sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN ${REPORTING_SOURCES} ELSE [r.source] END)}]`,
  ).join("\n       + ");
  return {
    cypher: `UNWIND $ids AS id
     MATCH (n:Entity {id: id})
     RETURN id,
       COLLECT {
         MATCH (n)-[c:CLAIMED_IN]->(src:Source)
         UNWIND ${VALUE_CLAIMS} AS claim
         RETURN claim {.*, sources: [src.id]}
       }
       + ${IMPLICIT_CLAIMS}
       + [f IN coalesce(n.curatedFields, []) WHERE f <> 'id' AND f <> 'datePrecision' AND n[f] IS NOT NULL |
           {field: f, value: ${CURATED_VALUE}, precision: CASE WHEN f IN ['date', 'saidOn'] THEN n.datePrecision END,
            sources: ['curator']}]
       + ${links} AS claims`,
    params: { ids: [...new Set(ids)] },
  };
}

/** The claims about each of these nodes (an empty list for one without), in the order of the ids. */
export async function claimsOf(db: Database, ids: readonly string[]): Promise<ClaimRow[][]> {
  const { cypher, params } = buildClaimsQuery(ids);
  type Stored = Omit<ClaimRow, "curator" | "source"> & { sources: string[] };
  const rows = await db.read<{ id: string; claims: Stored[] }>(cypher, params);
  // One claim per source that states it; a link no source is recorded for (written before sources were) has none.
  const byId = new Map(
    rows.map((r) => [
      r.id,
      r.claims.flatMap(({ sources, ...claim }) =>
        sources.map((source) => ({
          ...claim,
          curator: source === "curator",
          source: source === "curator" ? null : source,
        })),
      ),
    ]),
  );
  return ids.map((id) => byId.get(id) ?? []);
}
