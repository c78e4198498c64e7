import fs from "node:fs";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { ISTANBUL_DATASET, loadIstanbulSeed } from "../support/seed";

const db = connectTestDatabase();
const article = fs.readFileSync(ISTANBUL_DATASET.replace(/\.json$/, ".txt"), "utf8");

beforeAll(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
});
afterAll(() => db.close());

async function labelCounts() {
  const rows = await db.read<{ label: string; n: number }>(
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label",
  );
  return Object.fromEntries(rows.map((r) => [r.label, r.n]));
}

async function relationshipCount() {
  const rows = await db.read<{ n: number }>("MATCH ()-[r]->() RETURN count(r) AS n");
  return rows[0]!.n;
}

describe("the Istanbul article as a graph", () => {
  it("holds every person, state, organization, venue, event and statement of the article", async () => {
    const counts = await labelCounts();
    expect(counts).toMatchObject({
      Person: 3,
      State: 4,
      Organization: 3,
      Venue: 5,
      Event: 7,
      Statement: 11,
      Source: 1,
      Entity: 3 + 4 + 3 + 5 + 7 + 11 + 1,
    });
    const names = await db.read<{ name: string }>(
      "MATCH (n:Person|State|Organization|Venue|Event) RETURN n.name AS name ORDER BY name",
    );
    expect(names.map((n) => n.name)).toEqual([
      "Airbases deep inside Russia",
      "Bosphorus",
      "Ciragan Palace",
      "Donald Trump",
      "Europe",
      "First round of Russia-Ukraine talks in Istanbul",
      "Istanbul",
      "Russia",
      "Russia-Ukraine war",
      "Russian delegation",
      "Russian delegation arrives in Istanbul",
      "Second round of Russia-Ukraine talks in Istanbul",
      "The Kremlin",
      "Türkiye",
      "Ukraine",
      "Ukrainian attack on Russian strategic bombers",
      "Ukrainian delegation",
      "Ukrainian delegation arrives in Istanbul",
      "United States",
      "Vladimir Putin",
      "Volodymyr Zelenskyy",
      "World War II",
    ]);
  });

  it("knows what Zelenskyy said, when, and through which channel", async () => {
    const rows = await db.read(
      `MATCH (:Person {id: 'person:volodymyr-zelenskyy'})-[:SAID]->(s:Statement)
       RETURN s.id AS id, s.kind AS kind, s.saidOn AS saidOn, s.datePrecision AS precision, s.channel AS channel
       ORDER BY s.id`,
    );
    expect(rows).toEqual([
      {
        id: "statement:zelenskyy-calls-for-halt-to-fighting",
        kind: "REPORTED",
        saidOn: "2025-06-01",
        precision: "DAY",
        channel: "social media post",
      },
      {
        id: "statement:zelenskyy-calls-for-meeting-with-putin",
        kind: "REPORTED",
        saidOn: "2025-06-01",
        precision: "MONTH",
        channel: null,
      },
      {
        id: "statement:zelenskyy-ceasefire-prisoners-children",
        kind: "DIRECT_QUOTE",
        saidOn: "2025-06-01",
        precision: "DAY",
        channel: "social media post",
      },
      {
        id: "statement:zelenskyy-leaders-resolve-key-issues",
        kind: "DIRECT_QUOTE",
        saidOn: "2025-06-01",
        precision: "MONTH",
        channel: null,
      },
    ]);
  });

  it("attributes statements to states and organizations, with metonyms as aliases", async () => {
    const rows = await db.read<{ speaker: string; aliases: string[]; n: number }>(
      `MATCH (sp)-[:SAID]->(s:Statement) WHERE sp:State OR sp:Organization
       RETURN sp.id AS speaker, sp.aliases AS aliases, count(s) AS n ORDER BY speaker`,
    );
    expect(rows).toEqual([
      { speaker: "organization:kremlin", aliases: ["Kremlin"], n: 1 },
      { speaker: "state:ru", aliases: ["Moscow"], n: 3 },
      { speaker: "state:ua", aliases: ["Kyiv"], n: 2 },
    ]);
  });

  it("resolves the dates and the time of the talks from the text", async () => {
    const rows = await db.read(
      `MATCH (e:Event) WHERE e.id STARTS WITH 'event:istanbul-talks'
       OPTIONAL MATCH (e)-[:HELD_AT]->(v:Venue)
       OPTIONAL MATCH (e)-[:FOLLOWS]->(previous:Event)
       RETURN e.id AS id, e.date AS date, e.datePrecision AS precision, e.startsAt AS startsAt,
              v.id AS venue, previous.id AS follows
       ORDER BY id`,
    );
    expect(rows).toEqual([
      {
        id: "event:istanbul-talks-round-1",
        date: "2025-05-01",
        precision: "MONTH",
        startsAt: null,
        venue: "venue:istanbul",
        follows: null,
      },
      {
        id: "event:istanbul-talks-round-2",
        date: "2025-06-02",
        precision: "DAY",
        startsAt: "2025-06-02T13:00:00+03:00",
        venue: "venue:ciragan-palace",
        follows: "event:istanbul-talks-round-1",
      },
    ]);
  });

  it("records who took part in the second round", async () => {
    const rows = await db.read<{ id: string; role: string }>(
      `MATCH (p)-[r:PARTICIPATED_IN]->(:Event {id: 'event:istanbul-talks-round-2'})
       RETURN p.id AS id, r.role AS role ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: "organization:russian-delegation", role: "delegation" },
      { id: "organization:ukrainian-delegation", role: "delegation" },
      { id: "state:ru", role: "negotiating side" },
      { id: "state:ua", role: "negotiating side" },
    ]);
  });

  it("marks outside knowledge as not from the source", async () => {
    const rows = await db.read(
      `MATCH (:Venue {id: 'venue:istanbul'})-[r:IN_STATE]->(s:State)
       RETURN s.id AS state, s.fromSource AS stateFromSource, r.fromSource AS linkFromSource`,
    );
    expect(rows).toEqual([{ state: "state:tr", stateFromSource: false, linkFromSource: false }]);
    const palace = await db.read(
      `MATCH (:Venue {id: 'venue:ciragan-palace'})-[r:LOCATED_IN]->(c) RETURN c.id AS city, r.fromSource AS fromSource`,
    );
    expect(palace).toEqual([{ city: "venue:istanbul", fromSource: true }]);
  });

  it("knows who mentioned Putin", async () => {
    const rows = await db.read<{ speaker: string; statement: string }>(
      `MATCH (sp)-[:SAID]->(s:Statement)-[:MENTIONS]->(:Person {id: 'person:vladimir-putin'})
       RETURN sp.id AS speaker, s.id AS statement ORDER BY statement`,
    );
    expect(rows).toEqual([
      { speaker: "organization:kremlin", statement: "statement:kremlin-meeting-only-after-agreements" },
      { speaker: "person:volodymyr-zelenskyy", statement: "statement:zelenskyy-calls-for-meeting-with-putin" },
    ]);
  });

  it("gives every statement evidence whose text is in the article, with direct quotations word for word", async () => {
    const rows = await db.read<{
      id: string;
      kind: string;
      text: string;
      start: number;
      end: number;
      sourceText: string;
    }>(
      `MATCH (s:Statement)-[r:REPORTED_IN]->(src:Source)
       RETURN s.id AS id, s.kind AS kind, s.text AS text, r.start AS start, r.end AS end, src.text AS sourceText`,
    );
    expect(rows).toHaveLength(11);
    for (const row of rows) {
      expect(row.sourceText).toBe(article);
      expect(Number.isInteger(row.start) && Number.isInteger(row.end)).toBe(true);
      expect(row.end).toBeLessThanOrEqual(article.length);
      const excerpt = article.slice(row.start, row.end);
      expect(excerpt.length).toBeGreaterThan(20);
      if (row.kind === "DIRECT_QUOTE") expect(excerpt).toContain(row.text);
    }
  });

  it("turns every attributed quotation of the article into a statement", async () => {
    const statements = await db.read<{ text: string }>("MATCH (s:Statement) RETURN s.text AS text");
    const quotations = [...article.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.replace(/[,.]$/, ""));
    // "ROOT CAUSES" is a section heading that the article attributes to no one (see the dataset's notes).
    const attributed = quotations.filter((q) => q !== "ROOT CAUSES");
    expect(attributed).toEqual([
      "memorandum",
      "First - a full and unconditional ceasefire. Second - the release of prisoners. " +
        "Third - the return of abducted children",
      "The key issues can only be resolved by the leaders",
      "agreements",
    ]);
    for (const quotation of attributed) {
      expect(statements.some((s) => s.text.includes(quotation))).toBe(true);
    }
  });

  it("changes nothing when loaded again", async () => {
    const before = { labels: await labelCounts(), relationships: await relationshipCount() };
    await loadIstanbulSeed(db);
    const after = { labels: await labelCounts(), relationships: await relationshipCount() };
    expect(after).toEqual(before);
  });
});
