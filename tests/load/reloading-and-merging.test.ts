import { loadDataset } from "../../src/load/loader";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { TINY_TEXT, tinyDataset } from "../support/datasets";

const db = connectTestDatabase();

beforeEach(() => emptyGraph(db));
afterAll(() => db.close());

describe("reloading and merging datasets", () => {
  it("updates what changed when an edited dataset is loaded again, and drops statements it no longer has", async () => {
    await loadDataset(db, tinyDataset(), { file: "tiny.json" });
    const edited = tinyDataset();
    const reported = {
      id: "statement:doe-met-press",
      speaker: "person:jane-doe",
      text: "Doe met the press.",
      kind: "REPORTED",
      evidence: [{ start: 0, end: 31 }],
    };
    await loadDataset(
      db,
      { ...edited, people: [{ ...edited.people[0]!, description: "A negotiator." }], statements: [reported] },
      { file: "tiny.json" },
    );
    const rows = await db.read(
      "MATCH (p:Person)-[:SAID]->(s:Statement) RETURN p.id AS id, p.description AS description, collect(s.id) AS said",
    );
    expect(rows).toEqual([{ id: "person:jane-doe", description: "A negotiator.", said: ["statement:doe-met-press"] }]);
    expect(await db.read("MATCH (s:Statement {id: 'statement:doe-will-sign'}) RETURN s")).toEqual([]);
  });

  it("merges a person that two datasets name under different ids but with a shared alias", async () => {
    await loadDataset(db, tinyDataset(), { file: "first.json" });
    const second = {
      source: {
        id: "source:second",
        title: "Second",
        publishedOn: "2025-03-10",
        text: `Doe, Jane: "Talks went well," she said.`,
      },
      people: [{ id: "person:j-doe", name: "J. Doe", aliases: ["Jane Doe"] }],
      statements: [
        {
          id: "statement:talks-went-well",
          speaker: "person:j-doe",
          text: "Talks went well",
          kind: "DIRECT_QUOTE",
          evidence: [{ start: 11, end: 39 }],
        },
      ],
    };
    const result = await loadDataset(db, second, { file: "second.json" });
    expect(result.mergedInto).toEqual([{ id: "person:j-doe", into: "person:jane-doe" }]);
    const rows = await db.read(
      `MATCH (p:Person) OPTIONAL MATCH (p)-[:SAID]->(s)
       RETURN p.id AS id, p.name AS name, p.aliases AS aliases, collect(s.id) AS said ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: "person:jane-doe",
        name: "Jane Doe",
        aliases: ["Doe", "J. Doe"],
        said: expect.arrayContaining(["statement:doe-will-sign", "statement:talks-went-well"]),
      },
    ]);
    expect(TINY_TEXT).toContain("Jane Doe");
  });

  it("finds the same entity whatever the case and accents of its alias", async () => {
    await loadDataset(
      db,
      tinyDataset({
        venues: [{ id: "venue:ciragan-palace", name: "Çırağan Palace", kind: "building" }],
        statements: [],
      }),
      {
        file: "a.json",
      },
    );
    const other = {
      source: { id: "source:b", title: "B", publishedOn: "2025-03-04", text: "At the Ciragan Palace." },
      venues: [{ id: "venue:the-ciragan", name: "CIRAGAN PALACE", kind: "building" }],
    };
    const result = await loadDataset(db, other, { file: "b.json" });
    expect(result.mergedInto).toEqual([{ id: "venue:the-ciragan", into: "venue:ciragan-palace" }]);
    expect(await db.read("MATCH (v:Venue) RETURN v.id AS id, v.name AS name, v.aliases AS aliases")).toEqual([
      { id: "venue:ciragan-palace", name: "Çırağan Palace", aliases: ["CIRAGAN PALACE"] },
    ]);
  });
});
