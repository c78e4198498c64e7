// The Cypher that reads pieces of source texts (buildSourceTextQuery), pinned as text: the text is cut inside Neo4j.
/* eslint-disable max-len -- the inline snapshots pin every Cypher line exactly as its builder writes it */
import { buildSourceTextQuery } from "../../../../src/graph/reads/sourceText";

describe("the source text query", () => {
  it("cuts each piece inside Neo4j and returns its position in the list", () => {
    const pieces = [
      { id: "source:a", start: 0, length: 100_000 },
      { id: "source:b", start: 250, length: 50 },
    ];
    expect(buildSourceTextQuery(pieces)).toMatchInlineSnapshot(`
     {
       "cypher": "UNWIND range(0, size($pieces) - 1) AS index
          WITH index, $pieces[index] AS piece
          MATCH (s:Source {id: piece.id})
          WITH index, piece, s.text AS text
          RETURN index, CASE WHEN piece.start >= size(text) THEN '' ELSE substring(text, piece.start, piece.length) END AS text,
                 size(text) AS textLength",
       "params": {
         "pieces": [
           {
             "id": "source:a",
             "length": 100000,
             "start": 0,
           },
           {
             "id": "source:b",
             "length": 50,
             "start": 250,
           },
         ],
       },
     }
    `);
  });
});
