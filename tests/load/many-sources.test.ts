// One graph from many sources: three invented reports of one made-up event (tests/fixtures/multi-source), with
// spelling variants, a venue named two ways, a DAY date against a MONTH date, the same quotation in all three and
// false friends that must stay apart.
import fs from "node:fs";
import path from "node:path";
import { deleteSource } from "../../src/graph/writes/mutations/sources";
import { knownIds } from "../../src/graph/reads/resolutionReads";
import { loadDataset, type LoadResult } from "../../src/load/loader";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { dumpGraph } from "../support/graphDump";

const db = connectTestDatabase();
const dir = path.join(__dirname, "../fixtures/multi-source");
const read = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
const gold = read("gold.json") as {
  clusters: Record<string, string[]>;
  mustNotMerge: [string, string][];
};

async function load(...names: string[]): Promise<LoadResult[]> {
  const results = [];
  for (const name of names) results.push(await loadDataset(db, read(name), { file: name }));
  return results;
}

/** The node each gold id ended up as. */
async function nodesOf(ids: string[]): Promise<Map<string, string>> {
  return db.readTransaction((tx) => knownIds(tx, ids));
}

afterAll(() => db.close());

describe("three reports of the same talks", () => {
  beforeAll(async () => {
    await emptyGraph(db);
    await load("a.json", "b.json", "c.json");
  });

  it("puts every spelling of the same thing in one node and keeps false friends apart", async () => {
    const all = Object.values(gold.clusters).flat();
    const node = await nodesOf(all);
    expect([...node.keys()].sort()).toEqual([...all].sort());
    const wrong: string[] = [];
    for (const [name, members] of Object.entries(gold.clusters)) {
      const nodes = new Set(members.map((id) => node.get(id)));
      if (nodes.size !== 1) wrong.push(`${name} split into ${[...nodes].join(", ")}`);
    }
    const falseMerges = gold.mustNotMerge.filter(([a, b]) => node.get(a) === node.get(b));
    expect(falseMerges).toEqual([]);
    // Clusters of different gold entities never share a node.
    const owner = new Map<string, string>();
    for (const [name, members] of Object.entries(gold.clusters)) {
      for (const id of members) {
        const n = node.get(id)!;
        if (owner.has(n) && owner.get(n) !== name) wrong.push(`${name} merged with ${owner.get(n)}`);
        owner.set(n, name);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("chooses the precise date and keeps every source's claim", async () => {
    const node = (await nodesOf(["event:geneva-talks-first-round"])).get("event:geneva-talks-first-round")!;
    const [round] = await db.read<{ date: string; precision: string; claims: string[] }>(
      `MATCH (e:Event {id: $node})
       RETURN toString(e.date) AS date, e.datePrecision AS precision,
              [(e)-[c:CLAIMED_IN]->(s) | s.id + ' ' + c.date + ' ' + c.datePrecision] AS claims`,
      { node },
    );
    expect(round).toEqual({
      date: "2025-03-04",
      precision: "DAY",
      claims: expect.arrayContaining([
        "source:harbour-wire-2025-03-05 2025-03-04 DAY",
        "source:daily-courier-2025-03-06 2025-03-04 DAY",
        "source:evening-post-2025-04-02 2025-03-01 MONTH",
      ]),
    });
  });

  it("makes the quotation all three report one statement with evidence in each", async () => {
    const [quote] = await db.read<{ id: string; sources: string[]; speakers: number }>(
      `MATCH (s:Statement {id: 'statement:kovalchuk-not-one-litre'})
       RETURN s.id AS id, [(s)-[:REPORTED_IN]->(src) | src.id] AS sources, COUNT { ()-[:SAID]->(s) } AS speakers`,
    );
    expect(new Set(quote!.sources)).toEqual(
      new Set(["source:harbour-wire-2025-03-05", "source:daily-courier-2025-03-06", "source:evening-post-2025-04-02"]),
    );
    expect(quote!.speakers).toBe(1);
  });
});

describe("load order, reloads, dry runs and deletions", () => {
  const withoutAliases = (dump: Awaited<ReturnType<typeof dumpGraph>>) => ({
    nodes: dump.nodes.filter((n) => !n.startsWith("IdAlias")),
    relationships: dump.relationships.filter((r) => !r.includes("-ALIAS_OF->")),
  });

  it("gives the same graph whichever order the sources come in, and again when one is loaded twice", async () => {
    await emptyGraph(db);
    await load("a.json", "b.json", "c.json");
    const forwards = await dumpGraph(db);
    await emptyGraph(db);
    await load("c.json", "b.json", "a.json");
    expect(await dumpGraph(db)).toEqual(forwards);
    await load("b.json");
    expect(await dumpGraph(db)).toEqual(forwards);
  });

  it("writes nothing on a dry run, and reports what the load then does", async () => {
    await emptyGraph(db);
    await load("a.json", "b.json");
    const before = await dumpGraph(db);
    const preview = await loadDataset(db, read("c.json"), { file: "c.json", dryRun: true });
    expect(preview.dryRun).toBe(true);
    expect(await dumpGraph(db)).toEqual(before);
    const [loaded] = await load("c.json");
    expect(preview.resolution).toEqual(loaded!.resolution);
    expect(preview.resolution.filter((r) => r.decision === "MERGED").length).toBeGreaterThan(10);
  });

  it("takes back only the deleted source's claims: the graph is the one the other two make", async () => {
    await emptyGraph(db);
    await load("a.json", "c.json");
    const withoutB = withoutAliases(await dumpGraph(db));
    await load("b.json");
    await deleteSource(db, "source:daily-courier-2025-03-06");
    expect(withoutAliases(await dumpGraph(db))).toEqual(withoutB);
  });
});
