// The Cypher that replaces a node's relationships of one type with a curator's: pinned, one direction each.
import { replaceRelationshipsCypher } from "../../../../../src/graph/writes/mutations/writeHelpers";

describe("replacing relationships", () => {
  it("removes the node's outgoing links of the type and creates the curator's", () => {
    expect(replaceRelationshipsCypher("LOCATED_IN")).toBe(`MATCH (n:Entity {id: $id})
OPTIONAL MATCH (n)-[old:LOCATED_IN]->()
DELETE old
WITH DISTINCT n
UNWIND $links AS link
MATCH (other:Entity {id: link.id})
CREATE (n)-[r:LOCATED_IN {source: $source, fromSource: true}]->(other)
SET r += link.props`);
  });

  it("turns round for a speaker and participants, who point at the statement or event", () => {
    // The same as an outgoing link, both arrows turned.
    const outgoing = replaceRelationshipsCypher("LOCATED_IN").replaceAll("LOCATED_IN", "SAID");
    expect(replaceRelationshipsCypher("SAID")).toBe(
      outgoing
        .replace("OPTIONAL MATCH (n)-[old:SAID]->()", "OPTIONAL MATCH ()-[old:SAID]->(n)")
        .replace("CREATE (n)-[r:SAID {", "CREATE (other)-[r:SAID {")
        .replace("}]->(other)", "}]->(n)"),
    );
    expect(replaceRelationshipsCypher("PARTICIPATED_IN")).toContain(
      "CREATE (other)-[r:PARTICIPATED_IN {source: $source, fromSource: true}]->(n)",
    );
  });

  it("stores the text an evidence span covers with it", () => {
    // As for any outgoing link, with one more property.
    const outgoing = replaceRelationshipsCypher("LOCATED_IN").replaceAll("LOCATED_IN", "REPORTED_IN");
    expect(replaceRelationshipsCypher("REPORTED_IN")).toBe(
      `${outgoing},\n    r.excerpt = substring(other.text, link.props.start, link.props.end - link.props.start)`,
    );
  });
});
