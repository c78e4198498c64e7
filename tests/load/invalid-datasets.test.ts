import { MAX_STATEMENTS_PER_FILE } from "../../src/load/checks";
import { DatasetError } from "../../src/load/dataset";
import { loadDataset } from "../../src/load/loader";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { manyStatements, tinyDataset, withStatement } from "../support/datasets";

const db = connectTestDatabase();

async function snapshot() {
  const rows = await db.read<{ n: number; r: number }>(
    "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r",
  );
  return rows[0];
}

/** Loads a dataset that must be refused; returns the problems and checks the graph did not change. */
async function refused(dataset: unknown): Promise<string[]> {
  const before = await snapshot();
  const error = await loadDataset(db, dataset, { file: "bad.json" }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  expect((error as DatasetError).message).toMatch(/^bad\.json: dataset refused, nothing was written/);
  expect(await snapshot()).toEqual(before);
  return (error as DatasetError).problems;
}

beforeAll(async () => {
  await emptyGraph(db);
  // Something already in the graph, which a refused dataset must leave as it is.
  await loadDataset(db, tinyDataset(), { file: "tiny.json" });
});
afterAll(() => db.close());

describe("invalid datasets are refused with what is wrong and where, and nothing is written", () => {
  it("a missing field", async () => {
    const dataset = tinyDataset();
    const { text: _text, ...withoutText } = dataset.statements[0]!;
    expect(await refused({ ...dataset, statements: [withoutText] })).toEqual([
      "statements[0] (statement:doe-will-sign).text: Invalid input: expected string, received undefined",
    ]);
  });

  it("a file larger than one transaction may be, with how to split it", async () => {
    const dataset = manyStatements(MAX_STATEMENTS_PER_FILE + 1);
    expect(await refused(dataset)).toEqual([
      `statements: ${MAX_STATEMENTS_PER_FILE + 1} statements in one file; ` +
        "a dataset file is one transaction and may hold at most " +
        `${MAX_STATEMENTS_PER_FILE}: split it into several files (each with a source of its own)`,
    ]);
  });

  it("an unknown speaker id", async () => {
    expect(await refused(withStatement({ speaker: "person:john-roe" }))).toEqual([
      "statements[0] (statement:doe-will-sign).speaker: " +
        "person:john-roe is neither defined in this dataset nor in the graph",
    ]);
  });

  it("a span outside the source text", async () => {
    expect(await refused(withStatement({ evidence: [{ start: 10, end: 5000 }] }))).toEqual([
      `statements[0] (statement:doe-will-sign).evidence[0]: span 10-5000 is outside the source text (77 characters)`,
    ]);
  });

  it("a quotation that is not inside its span", async () => {
    expect(await refused(withStatement({ evidence: [{ start: 0, end: 30 }] }))).toEqual([
      'statements[0] (statement:doe-will-sign).evidence[0]: the quoted words "We will sign on Friday" ' +
        'are not inside the span 0-30, which reads "GENEVA: Jane Doe met the press"',
    ]);
  });

  it("a quotation with words the source does not have", async () => {
    const problems = await refused(withStatement({ text: "We will never sign" }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/the quoted words "We will never sign" are not inside the span/);
  });

  it("a date that does not exist, and one after publication", async () => {
    expect(await refused(withStatement({ saidOn: "2025-02-30" }))).toEqual([
      "statements[0] (statement:doe-will-sign).saidOn: is not a real calendar date",
    ]);
    expect(await refused(withStatement({ saidOn: "2025-03-05" }))).toEqual([
      "statements[0] (statement:doe-will-sign).saidOn: 2025-03-05 is after the source was published (2025-03-04)",
    ]);
    expect(await refused(withStatement({ saidOn: "2025-03-03", datePrecision: "MONTH" }))).toEqual([
      "statements[0] (statement:doe-will-sign).saidOn: " +
        "2025-03-03 has MONTH precision and must be the first day of the month (2025-03-01)",
    ]);
  });

  it("an id that is not a slug, and one used twice", async () => {
    const dataset = tinyDataset();
    expect(await refused({ ...dataset, people: [{ id: "Jane Doe", name: "Jane Doe" }] })).toEqual([
      'people[0] (Jane Doe).id: must look like "person:lower-case-words-with-hyphens"',
    ]);
    expect(
      await refused({ ...dataset, venues: [...dataset.venues, { id: "venue:geneva", name: "Genf", kind: "city" }] }),
    ).toEqual(["venues[1] (venue:geneva): id venue:geneva is already used by venues[0] (venue:geneva)"]);
  });

  it("a field the format does not know", async () => {
    expect(await refused(withStatement({ sayer: "person:jane-doe" }))).toEqual([
      'statements[0] (statement:doe-will-sign): Unrecognized key: "sayer"',
    ]);
  });

  it("rolls back everything when Neo4j fails half-way through a file", async () => {
    // A node that breaks the uniqueness of ids: the loader only meets it after it has written the source and people.
    await db.write("CREATE (:Person:Entity {id: 'venue:clash', name: 'not a venue'})");
    const before = await snapshot();
    const dataset = tinyDataset({
      source: {
        id: "source:other",
        title: "Other",
        publishedOn: "2025-03-04",
        text: "GENEVA: Jane Doe met the press.",
      },
      people: [{ id: "person:john-roe", name: "John Roe" }],
      venues: [{ id: "venue:clash", name: "Clash", kind: "site" }],
      statements: [],
    });
    await expect(loadDataset(db, dataset, { file: "clash.json" })).rejects.toThrow(/already exists|constraint/i);
    expect(await snapshot()).toEqual(before);
    expect(
      await db.read("MATCH (n:Entity) WHERE n.id IN ['source:other', 'person:john-roe'] RETURN n.id AS id"),
    ).toEqual([]);
  });
});
