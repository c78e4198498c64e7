// The Cypher of a statement list's facets (facetCalls), pinned as text: one streamed aggregation per facet of nodes
// over the statements the list's own traversal matches, one traversal for the facets of the statements' own properties
// (counts by kind and date, added up by each), and the map that gathers them by facetKey.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { facetCalls, facetKey } from "../../../../src/graph/reads/facets";
import { buildStatementQuery } from "../../../../src/graph/reads/statements";

describe("facets", () => {
  it("count each facet over the list's statements, kind, period and undated in one traversal, by key", () => {
    const counted = "MATCH (s:Statement) WHERE s.kind = $f_kind";
    expect(
      facetCalls(counted, [{ kind: "bySpeaker", first: 10 }, { kind: "byPeriod", unit: "MONTH" }, { kind: "undated" }]),
    ).toMatchInlineSnapshot(`
     {
       "calls": "
       CALL (parent) {
         MATCH (s:Statement) WHERE s.kind = $f_kind
         WITH DISTINCT s
         MATCH (s)<-[:SAID]-(x)
         WITH x, count(*) AS n ORDER BY n DESC, x.id LIMIT $facet0
         RETURN collect({node: CASE WHEN x:Source THEN x {.id, .title, .publishedOn, .dateline, .publisher, .url, label: 'Source'} ELSE x {.*, label: head([l IN labels(x) WHERE l <> 'Entity']), aliasText: null, spellings: null} END, count: n}) AS facet0
       }
       CALL (parent) {
         MATCH (s:Statement) WHERE s.kind = $f_kind
         WITH DISTINCT s
         WITH s.kind AS kind, s.saidOn AS saidOn, s.datePrecision AS precision, count(*) AS n
         WITH collect({kind: kind, saidOn: saidOn, precision: precision, n: n}) AS groups
         CALL (groups) {
           UNWIND groups AS g
           WITH g WHERE g.saidOn IS NOT NULL
           WITH CASE WHEN g.precision = 'YEAR' OR $facet1 = 'YEAR' THEN toString(g.saidOn.year) WHEN g.precision = 'MONTH' OR $facet1 = 'MONTH' THEN substring(toString(g.saidOn), 0, 7) ELSE toString(g.saidOn) END AS period, sum(g.n) AS n ORDER BY period
           RETURN collect({period: period, count: n}) AS facet1
         }
         CALL (groups) {
           UNWIND groups AS g
           WITH g WHERE g.saidOn IS NULL
           RETURN sum(g.n) AS facet2
         }
         RETURN facet1, facet2
       }",
       "column": "{bySpeaker_10: facet0, byPeriod_MONTH: facet1, undated: facet2} AS facets",
       "countsTotal": false,
       "params": {
         "facet0": 10,
         "facet1": "MONTH",
       },
     }
    `);
  });

  it("name each facet's counts by its kind and arguments", () => {
    expect(facetKey({ kind: "byVenue", first: 3 })).toBe("byVenue_3");
    expect(facetKey({ kind: "byPeriod", unit: "DAY" })).toBe("byPeriod_DAY");
    expect(facetKey({ kind: "byKind" })).toBe("byKind");
  });

  it("add nothing to a page query that asks for none", () => {
    expect(facetCalls("MATCH (s:Statement)", [], true)).toEqual({
      calls: "",
      column: "null AS facets",
      params: {},
      countsTotal: false,
    });
  });

  it("come in the page's own query, after the page, over the same anchor", () => {
    const { cypher, params } = buildStatementQuery({
      anchor: "said",
      filter: {},
      order: "SAID_ON_DESC",
      size: 5,
      parts: {},
      withTotal: true,
      facets: [{ kind: "byKind" }],
    });
    expect(cypher).toContain("MATCH (anchor)-[:SAID]->(s:Statement)\n    WITH DISTINCT s\n    WITH s.kind AS kind");
    expect(cypher).toMatch(/RETURN parent, page, total, \{byKind: facet0\} AS facets$/);
    expect(params).not.toHaveProperty("facet0");
  });

  it("count the total in the traversal of the statements' own properties when both are asked for", () => {
    const query = { anchor: "said", filter: {}, order: "SAID_ON_DESC", size: 0, parts: {}, withTotal: true } as const;
    const withGroups = buildStatementQuery({ ...query, facets: [{ kind: "bySpeaker", first: 3 }, { kind: "byKind" }] });
    expect(withGroups.cypher).toContain("RETURN facet1, reduce(t = 0, g IN groups | t + g.n) AS total\n  }");
    expect(withGroups.cypher).not.toContain("count(DISTINCT s) AS total");
    // Counting apart costs what a traversal for the total alone would.
    const nodesOnly = buildStatementQuery({ ...query, facets: [{ kind: "bySpeaker", first: 3 }] });
    expect(nodesOnly.cypher).toContain("RETURN count(DISTINCT s) AS total");
    expect(facetCalls("MATCH (s:Statement)", [{ kind: "undated" }], true).countsTotal).toBe(true);
  });
});
