// The bulk import's in-memory entities: what resolution finds in them (as it finds it in Neo4j), and what a second
// source's claims do to a node (its values chosen again, its id the earliest source's, the old id an alias id).
import type { ClaimWrite } from "../../../src/graph/writes/claims";
import { EntityGraph } from "../../../src/bulk/entityGraph";

const claim = (target: string, id: string, name: string, aliases: string[] = []): ClaimWrite => ({
  target,
  id,
  name,
  aliases,
  description: null,
  isoCode: null,
  kind: null,
  date: null,
  datePrecision: null,
  startsAt: null,
  fromSource: true,
  extractionConfidence: null,
  extractionCue: null,
});

describe("the bulk import's entities", () => {
  it("finds candidates by name keys and moves a node to the id of its earliest source", () => {
    const graph = new EntityGraph();
    graph.write(
      { id: "source:later", publishedOn: "2025-03-10" },
      new Map([
        ["Person", [claim("person:olena-kovalenko", "person:olena-kovalenko", "Olena Kovalenko")]],
        ["State", [claim("state:xa", "state:xa", "Exampleland")]],
      ]),
      new Map([["HOLDS_OFFICE", [{ from: "person:olena-kovalenko", to: "state:xa", props: { title: "President" } }]]]),
    );
    const found = graph.findCandidates("Person", [
      { id: "person:o-kovalenko", label: "Person", names: ["O. Kovalenko", "Kovalenko"] },
    ]);
    expect(found.get("person:o-kovalenko")).toEqual([
      expect.objectContaining({
        id: "person:olena-kovalenko",
        names: ["Olena Kovalenko"],
        states: ["state:xa"],
        offices: [{ state: "state:xa", title: "President" }],
      }),
    ]);

    graph.write(
      { id: "source:earlier", publishedOn: "2025-03-08" },
      new Map([["Person", [claim("person:olena-kovalenko", "person:o-kovalenko", "O. Kovalenko", ["Kovalenko"])]]]),
      new Map(),
    );
    const [person] = graph.nodes;
    expect(person!.id).toBe("person:o-kovalenko");
    expect([...person!.aliasIds]).toEqual(["person:olena-kovalenko"]);
    expect(person!.values).toMatchObject({ name: "Olena Kovalenko", aliases: ["O. Kovalenko", "Kovalenko"] });
    expect(graph.knownIds(["person:olena-kovalenko", "person:o-kovalenko", "person:nobody"])).toEqual(
      new Map([
        ["person:olena-kovalenko", "person:o-kovalenko"],
        ["person:o-kovalenko", "person:o-kovalenko"],
      ]),
    );
  });
});
