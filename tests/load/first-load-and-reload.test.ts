// The loader writes new statements and restated ones by different paths; both must leave the same graph.
import { loadDataset } from "../../src/load/loader";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { manyStatements, tinyDataset, TINY_TEXT } from "../support/datasets";

const db = connectTestDatabase();

beforeEach(() => emptyGraph(db));
afterAll(() => db.close());

/** Every statement with everything the loader links to it, in a stable order. */
async function statementsWithLinks() {
  return db.read(
    `MATCH (s:Statement)
     RETURN s.id AS id, s.text AS text, s.saidOn AS saidOn,
            COLLECT {
              MATCH (p)-[said:SAID]->(s) RETURN p.id + coalesce(' ' + said.source, '') AS x ORDER BY x
            } AS speakers,
            COLLECT { MATCH (s)-[v:SAID_AT]->(x) RETURN x.id + ' ' + toString(v.fromSource) AS x ORDER BY x } AS venues,
            COLLECT { MATCH (s)-[:DURING]->(x) RETURN x.id AS x ORDER BY x } AS events,
            COLLECT { MATCH (s)-[:MENTIONS]->(x) RETURN x.id AS x ORDER BY x } AS mentions,
            COLLECT {
              MATCH (s)-[r:REPORTED_IN]->(src)
              RETURN src.id + ' ' + r.start + '-' + r.end + coalesce(' ' + r.source, '') AS x ORDER BY x
            } AS evidence
     ORDER BY id`,
  );
}

async function relationshipCounts() {
  return db.read("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type");
}

describe("a first load and a reload of the same file", () => {
  it("leave the same graph when a file is loaded again unchanged", async () => {
    await loadDataset(db, manyStatements(30), { file: "many.json" });
    const first = { statements: await statementsWithLinks(), counts: await relationshipCounts() };
    expect(first.statements).toHaveLength(30);
    expect(first.statements[0]).toMatchObject({
      id: "statement:many-0000",
      speakers: ["person:speaker-0"],
      venues: ["venue:hall-a true"],
      mentions: ["person:speaker-1", "state:xa"],
    });

    await loadDataset(db, manyStatements(30), { file: "many.json" });
    expect({ statements: await statementsWithLinks(), counts: await relationshipCounts() }).toEqual(first);
  });

  it("replace what a restated statement said before: speaker, venue, mentions and evidence", async () => {
    await loadDataset(db, manyStatements(3), { file: "many.json" });
    const changed = manyStatements(3);
    changed.statements[0] = {
      ...changed.statements[0]!,
      speaker: "person:speaker-2",
      venue: "venue:hall-b",
      mentions: ["state:xa"],
      evidence: [{ start: 0, end: 10 }],
    };
    await loadDataset(db, changed, { file: "many.json" });
    const [restated] = await statementsWithLinks();
    expect(restated).toMatchObject({
      id: "statement:many-0000",
      speakers: ["person:speaker-2"],
      venues: ["venue:hall-b true"],
      events: [],
      mentions: ["state:xa"],
      evidence: ["source:many 0-10"],
    });
  });

  it("keep a statement that the file no longer lists when a curator gave it evidence", async () => {
    await loadDataset(db, tinyDataset(), { file: "tiny.json" });
    await db.write(
      `MATCH (s:Statement {id: 'statement:doe-will-sign'}), (src:Source {id: 'source:tiny'})
       CREATE (s)-[:REPORTED_IN {start: 0, end: 31, source: 'curator', fromSource: true}]->(src)`,
    );
    await loadDataset(db, tinyDataset({ statements: [] }), { file: "tiny.json" });
    expect(await statementsWithLinks()).toEqual([
      expect.objectContaining({ id: "statement:doe-will-sign", evidence: ["source:tiny 0-31 curator"] }),
    ]);
  });

  const namedTwice =
    "write a link that a file names twice once, with the properties given last, and once again on reload";
  it(namedTwice, async () => {
    const dataset = {
      source: { id: "source:talks", title: "Talks", publishedOn: "2025-03-04", text: TINY_TEXT },
      people: [{ id: "person:jane-doe", name: "Jane Doe" }],
      events: [
        {
          id: "event:talks",
          name: "Talks",
          participants: [
            { id: "person:jane-doe", role: "observer" },
            { id: "person:jane-doe", role: "mediator" },
          ],
        },
      ],
    };
    const participations = () =>
      db.read(
        "MATCH (p:Person)-[r:PARTICIPATED_IN]->(e:Event) " +
          "RETURN p.id AS person, e.id AS event, r.role AS role, r.source AS source",
      );
    const expected = [{ person: "person:jane-doe", event: "event:talks", role: "mediator", source: "source:talks" }];
    await loadDataset(db, dataset, { file: "talks.json" });
    expect(await participations()).toEqual(expected);
    await loadDataset(db, dataset, { file: "talks.json" });
    expect(await participations()).toEqual(expected);
  });
});
