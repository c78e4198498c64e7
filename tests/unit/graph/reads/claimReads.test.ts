/* eslint-disable max-len -- the inline snapshot pins every Cypher line exactly as its builder writes it */
import { buildClaimsQuery } from "../../../../src/graph/reads/claimReads";

describe("the claims query", () => {
  it("reads each source's values, a curator's and the links' sources, for every node in one query", () => {
    const built = buildClaimsQuery(["event:a", "event:b", "event:a"]);
    expect(built.params).toEqual({ ids: ["event:a", "event:b"] });
    expect(built.cypher).toMatchInlineSnapshot(`
     "UNWIND $ids AS id
          MATCH (n:Entity {id: id})
          RETURN id,
            COLLECT {
              MATCH (n)-[c:CLAIMED_IN]->(src:Source)
              UNWIND [f IN ['name', 'description', 'isoCode', 'kind', 'startsAt', 'text', 'time', 'channel']
                WHERE c[f] IS NOT NULL | {field: f, value: toString(c[f]), precision: null}]
              + [a IN coalesce(c.aliases, []) | {field: 'aliases', value: a, precision: null}]
              + [f IN ['date', 'saidOn'] WHERE c[f] IS NOT NULL | {field: f, value: c[f], precision: c.datePrecision}] AS claim
              RETURN claim {.*, sources: [src.id]}
            }
            + CASE WHEN n:Statement AND NOT EXISTS { (n)-[:CLAIMED_IN]->() } THEN
                [f IN ['text', 'kind', 'channel'] WHERE n[f] IS NOT NULL |
                  {field: f, value: toString(n[f]), precision: null, sources: COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id }}]
                + [f IN ['time', 'saidOn'] WHERE n[f] IS NOT NULL |
                  {field: f, value: toString(n[f]), precision: CASE f WHEN 'saidOn' THEN n.datePrecision END,
                   sources: COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id }}]
              ELSE [] END
            + [f IN coalesce(n.curatedFields, []) WHERE f <> 'id' AND f <> 'datePrecision' AND n[f] IS NOT NULL |
                {field: f, value: CASE f WHEN 'date' THEN toString(n.date) WHEN 'saidOn' THEN toString(n.saidOn)
                  ELSE toString(n[f]) END, precision: CASE WHEN f IN ['date', 'saidOn'] THEN n.datePrecision END,
                 sources: ['curator']}]
            + [(n)-[r:HOLDS_OFFICE]->(x) | {field: 'offices', value: r.title + ' of ' + x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(n)-[r:MEMBER_OF]->(x) | {field: 'memberships', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(n)-[r:PART_OF]->(x) | {field: 'partOf', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(n)-[r:LOCATED_IN]->(x) | {field: 'locatedIn', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(n)-[r:IN_STATE]->(x) | {field: 'state', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(n)-[r:HELD_AT|SAID_AT]->(x) | {field: 'venue', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(n)-[r:FOLLOWS]->(x) | {field: 'follows', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(x)-[r:PARTICIPATED_IN]->(n) | {field: 'participants', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(x)-[r:SAID]->(n:Statement) | {field: 'speaker', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(n)-[r:DURING]->(x) | {field: 'event', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}]
            + [(n)-[r:MENTIONS]->(x) | {field: 'mentions', value: x.id, precision: null, sources: coalesce(r.sources, CASE WHEN r.source IS NULL THEN COLLECT { MATCH (n)-[:REPORTED_IN]->(src:Source) RETURN DISTINCT src.id } ELSE [r.source] END)}] AS claims"
    `);
  });
});
