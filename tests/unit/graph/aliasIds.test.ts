// The Cypher of a look-up by an id that may be an alias id (nodeById, nodeOrNullById), pinned as text. That it costs
// no more than a plain look-up for a node's own id, and finds the node for an alias id, is checked against Neo4j in
// tests/graphql/alias-ids.test.ts.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { nodeById, nodeOrNullById } from "../../../src/graph/aliasIds";

describe("a look-up by an id or an alias id", () => {
  it("seeks the id among nodes, and among alias ids only when no node has it; no row when neither", () => {
    expect(nodeById("n", "$id")).toMatchInlineSnapshot(
      `"CALL () { OPTIONAL MATCH (named:Entity {id: $id}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $id})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS n WHERE n IS NOT NULL RETURN n }"`,
    );
  });

  it("imports the id when it is a variable, and narrows both ways in to a label", () => {
    expect(nodeById("venue", "parent", "Venue")).toMatchInlineSnapshot(
      `"CALL (parent) { OPTIONAL MATCH (named:Venue {id: parent}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: parent})-[:ALIAS_OF]->(canonical:Venue) RETURN canonical })) AS venue WHERE venue IS NOT NULL RETURN venue }"`,
    );
  });

  it("keeps the row, with null, when the id names nothing, for a query that must answer anyway", () => {
    expect(nodeOrNullById("speaker", "$f_speaker")).toMatchInlineSnapshot(
      `"CALL () { OPTIONAL MATCH (named:Entity {id: $f_speaker}) WITH coalesce(named, head(COLLECT { MATCH (:IdAlias {id: $f_speaker})-[:ALIAS_OF]->(canonical:Entity) RETURN canonical })) AS speaker RETURN speaker }"`,
    );
  });

  it("takes only a parameter or a variable as the id, never a value", () => {
    expect(() => nodeById("n", "'person:a'")).toThrow("an id look-up takes a parameter or a variable");
    expect(() => nodeById("n", "piece.id")).toThrow("an id look-up takes a parameter or a variable");
  });
});
