// The Cypher that tells which new statements a statementAdded filter keeps: the anchors' own predicates of
// statements(filter:), over statements named by id.
import { buildStatementMatch, buildStatementMatches } from "../../../../src/graph/reads/statementMatch";

describe("buildStatementMatch", () => {
  it("without a filter: every statement that exists", () => {
    expect(buildStatementMatch({})).toEqual({
      cypher: "UNWIND $ids AS id\nMATCH (s:Statement {id: id})\nRETURN s.id AS id",
      params: {},
    });
  });

  it("binds each named node once (alias ids included) and tests the list's predicates on each statement", () => {
    const { cypher, params } = buildStatementMatch({
      speaker: "person:jane-doe",
      venue: "venue:geneva",
      kind: "DIRECT_QUOTE",
      from: "2025-01-01",
    });
    expect(params).toEqual({
      f_speaker: "person:jane-doe",
      f_venue: "venue:geneva",
      f_kind: "DIRECT_QUOTE",
      f_from: "2025-01-01",
    });
    const lines = cypher.split("\n");
    expect(lines[0]).toMatch(/^CALL \(\) \{ OPTIONAL MATCH \(named:Entity \{id: \$f_speaker\}\).* AS speaker WHERE/);
    expect(lines[1]).toMatch(/^CALL \(\) \{ OPTIONAL MATCH \(named:Venue \{id: \$f_venue\}\).* AS venue WHERE/);
    expect(lines.slice(2)).toEqual([
      "UNWIND $ids AS id",
      "MATCH (s:Statement {id: id})",
      "WHERE EXISTS { (speaker)-[:SAID]->(s) }",
      "  AND EXISTS { (s)-[:SAID_AT]->(:Venue)-[:LOCATED_IN*0..5]->(:Venue {id: venue.id}) }",
      "  AND s.kind = $f_kind",
      "  AND s.saidOn >= date($f_from)",
      "RETURN s.id AS id",
    ]);
  });

  it("a text filter keeps the statements among the full-text index's hits; no words, no condition", () => {
    const { cypher, params } = buildStatementMatch({ text: "sign Friday" });
    expect(params).toEqual({ textQuery: "sign AND Friday" });
    expect(cypher).toContain("CALL db.index.fulltext.queryNodes('statement_text', $textQuery) YIELD node");
    expect(cypher).toContain("WHERE s.id IN hits");
    // The statements' text index is filled after each commit: its read waits until it holds every committed write.
    expect(cypher.startsWith("CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()\n")).toBe(true);
    expect(buildStatementMatch({ text: "  " }).params).toEqual({});
  });
});

describe("buildStatementMatches", () => {
  it("one union for several filters: each branch's parameters named apart, each row naming its filter", () => {
    const { cypher, params } = buildStatementMatches([{ kind: "REPORTED" }, {}, { speaker: "person:jane-doe" }]);
    expect(params).toEqual({ m0_f_kind: "REPORTED", m2_f_speaker: "person:jane-doe" });
    // One plan whatever the number of ids (they are always KEYED_PAGE, padded) and whatever the statistics.
    expect(cypher.startsWith("CYPHER replan=skip\n")).toBe(true);
    const branches = cypher.slice("CYPHER replan=skip\n".length).split("\nUNION ALL\n");
    expect(branches).toHaveLength(3);
    expect(branches[0]).toBe(
      "UNWIND $ids AS id\nMATCH (s:Statement {id: id})\nWHERE s.kind = $m0_f_kind\nRETURN 0 AS filter, s.id AS id",
    );
    expect(branches[1]).toBe("UNWIND $ids AS id\nMATCH (s:Statement {id: id})\nRETURN 1 AS filter, s.id AS id");
    expect(branches[2]).toMatch(/^CALL \(\) \{ OPTIONAL MATCH \(named:Entity \{id: \$m2_f_speaker\}\)/);
    expect(branches[2]).toMatch(/WHERE EXISTS \{ \(speaker\)-\[:SAID\]->\(s\) \}\nRETURN 2 AS filter, s\.id AS id$/);
  });

  it("a text filter's query is a parameter of its branch", () => {
    const { cypher, params } = buildStatementMatches([{ text: "sign Friday" }, { text: "peace" }]);
    expect(params).toEqual({ m0_textQuery: "sign AND Friday", m1_textQuery: "peace" });
    expect(cypher).toContain("queryNodes('statement_text', $m0_textQuery)");
    expect(cypher).toContain("queryNodes('statement_text', $m1_textQuery)");
  });
});
