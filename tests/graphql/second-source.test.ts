// The worked example of docs/entity-resolution.md: a second (invented) report of the seed's day, with other spellings
// and its own ids, imported through the API onto the seeded graph. It joins the seed's nodes, every fact keeps its
// source, and a curator can merge and split by hand.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { connectTestDatabase } from "../support/database";
import { ADMIN, seededApi } from "../support/graphql";
import { dumpGraph } from "../support/graphDump";

const db = connectTestDatabase();
const api = seededApi(db);
const curator = ADMIN;
const example = path.join(projectRoot, "examples/second-source");
const dataset = JSON.parse(fs.readFileSync(path.join(example, "2025-06-03-istanbul-follow-up.json"), "utf8"));
const expected = JSON.parse(fs.readFileSync(path.join(example, "expected.json"), "utf8")) as {
  mergeInto: Record<string, string>;
  new: string[];
};

const IMPORT = `mutation ($d: JSON!, $dry: Boolean) {
  importDataset(dataset: $d, dryRun: $dry) {
    dryRun people
    mergedInto { id into }
    resolution { incoming decision into score reasons candidates { id score reasons } }
  }
}`;

async function mutate<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await api.run<T>(query, variables, curator);
  if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data!;
}

describe("a second source about the seed's day", () => {
  let seedOnly: Awaited<ReturnType<typeof dumpGraph>>;

  it("previews the import without writing anything", async () => {
    seedOnly = await dumpGraph(db);
    const { importDataset } = await mutate(IMPORT, { d: dataset, dry: true });
    expect(importDataset.dryRun).toBe(true);
    const zelensky = importDataset.resolution.find((r: any) => r.incoming === "person:volodymyr-zelensky");
    expect(zelensky).toMatchObject({ decision: "MERGED", into: "person:volodymyr-zelenskyy" });
    expect(zelensky.reasons.join(" ")).toMatch(/Zelensk/);
    expect(await dumpGraph(db)).toEqual(seedOnly);
  });

  it("joins the seed's people, states, venue, events and quotation, and adds only what is new", async () => {
    const { importDataset } = await mutate(IMPORT, { d: dataset });
    expect(importDataset.dryRun).toBe(false);
    const merged = Object.fromEntries(importDataset.mergedInto.map((m: any) => [m.id, m.into]));
    const expectedMerges = Object.fromEntries(Object.entries(expected.mergeInto).filter(([id, into]) => id !== into));
    expect(merged).toEqual(expectedMerges);
    const fresh = importDataset.resolution.filter((r: any) => r.decision === "NEW").map((r: any) => r.incoming);
    expect(fresh.sort()).toEqual(expected.new.filter((id) => !id.startsWith("statement:")).sort());
    const { state } = await api.data(`{ state(id: "state:ua") { officeHolders { title person { id name } } } }`);
    expect(state.officeHolders.filter((o: any) => o.title === "President")).toHaveLength(1);
  });

  it("keeps both dates of the first round as claims and shows the precise one", async () => {
    const { event } = await api.data(`{
      event(id: "event:istanbul-talks-round-1") {
        date datePrecision
        claims(field: "date") { value precision curator source { id } }
      }
    }`);
    expect(event.date).toBe("2025-05-16");
    expect(event.datePrecision).toBe("DAY");
    expect(event.claims).toEqual(
      expect.arrayContaining([
        { value: "2025-05-01", precision: "MONTH", curator: false, source: { id: "source:2025-06-02-istanbul-talks" } },
        { value: "2025-05-16", precision: "DAY", curator: false, source: { id: "source:example-wire-2025-06-03" } },
      ]),
    );
  });

  it("makes the quotation both sources report one statement with two evidence spans", async () => {
    const { statement } = await api.data(`{
      statement(id: "statement:zelenskyy-leaders-resolve-key-issues") { id speaker { id } evidence { source { id } } }
    }`);
    expect(statement.speaker.id).toBe("person:volodymyr-zelenskyy");
    expect(new Set(statement.evidence.map((e: any) => e.source.id))).toEqual(
      new Set(["source:2025-06-02-istanbul-talks", "source:example-wire-2025-06-03"]),
    );
  });

  it("finds the person by any spelling, and by the other source's id", async () => {
    for (const name of ["Zelensky", "Zelenskiy", "zelenskyy", "Volodymyr Zelenski"]) {
      const { people } = await api.data(`query ($name: String!) { people(filter: { name: $name }) { nodes { id } } }`, {
        name,
      });
      expect({ name, ids: people.nodes.map((p: any) => p.id) }).toEqual({ name, ids: ["person:volodymyr-zelenskyy"] });
    }
    const { search } = await api.data(`{ search(query: "Zelenskiy", first: 5) { nodes { node { id } } } }`);
    expect(search.nodes[0].node.id).toBe("person:volodymyr-zelenskyy");
    const { person, statement } = await api.data(`{
      person(id: "person:volodymyr-zelensky") { id name }
      statement(id: "statement:zelensky-leaders-resolve-key-issues") { id sourceCount claims(field: "text") { value } }
    }`);
    expect(person.id).toBe("person:volodymyr-zelenskyy");
    expect(statement).toMatchObject({ id: "statement:zelenskyy-leaders-resolve-key-issues", sourceCount: 2 });
    expect(statement.claims).toHaveLength(2);
  });

  it("merges two nodes by hand and splits them back to what they were", async () => {
    const before = await dumpGraph(db);
    const { mergeEntities } = await mutate(
      `mutation { mergeEntities(keep: "person:rustem-umierov", merge: "person:vladimir-medinskiy") { id } }`,
    );
    expect(mergeEntities.id).toBe("person:rustem-umierov");
    const merged = await db.read<{ said: number; aliases: string[] }>(
      `MATCH (p:Person {id: 'person:rustem-umierov'})
       RETURN COUNT { (p)-[:SAID]->() } AS said, p.aliases AS aliases`,
    );
    expect(merged[0]!.said).toBe(6);
    expect(merged[0]!.aliases).toEqual(expect.arrayContaining(["Vladimir Medinskiy"]));
    expect(await db.read("MATCH (p:Person {id: 'person:vladimir-medinskiy'}) RETURN p")).toEqual([]);
    const { splitEntity } = await mutate(
      `mutation { splitEntity(id: "person:rustem-umierov", mergedId: "person:vladimir-medinskiy") { id } }`,
    );
    expect(splitEntity.id).toBe("person:vladimir-medinskiy");
    expect(await dumpGraph(db)).toEqual(before);
  });

  it("takes back only that source's claims and statements when it is deleted", async () => {
    await mutate(`mutation { deleteSource(id: "source:example-wire-2025-06-03") { id } }`);
    const { event, person } = await api.data(`{
      event(id: "event:istanbul-talks-round-1") { date datePrecision claims(field: "date") { value } }
      person(id: "person:volodymyr-zelenskyy") { name }
    }`);
    expect(event).toEqual({ date: "2025-05-01", datePrecision: "MONTH", claims: [{ value: "2025-05-01" }] });
    expect(person.name).toBe("Volodymyr Zelenskyy");
    const seedStatements = seedOnly.nodes.filter((n) => n.startsWith("Entity:Statement"));
    const now = (await dumpGraph(db)).nodes.filter((n) => n.startsWith("Entity:Statement"));
    expect(now).toEqual(seedStatements);
  });
});
