// Creates racing for the same id (issue 11, item 5) or the same entity: a person created by many requests at once is
// created once (entity resolution sees the first), ids made from a name are numbered without gaps, an id the client
// gave goes to exactly one of them.
import { connectTestDatabase, emptyGraph } from "../support/database";
import { ADMIN, TestApi } from "../support/graphql";

const db = connectTestDatabase();
const api = new TestApi(db);
const curator = ADMIN;

const CREATE_PERSON = `mutation ($input: PersonInput!) { createPerson(input: $input) { id name } }`;
const RECORD = `mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { id text speaker { id } } }`;

const TEXT = "ANKARA: Jane Roe said the talks would resume next week.";

beforeAll(() => api.start());
beforeEach(() => emptyGraph(db));
afterAll(async () => {
  await api.stop();
  await db.close();
});

/** Runs the same mutation `times` times at once, as a curator. */
function concurrently(times: number, query: string, variables: Record<string, unknown>) {
  return Promise.all(Array.from({ length: times }, () => api.run(query, variables, curator)));
}

/** "person:race-condition", "person:race-condition-2", … "-count", in that order. */
const numbered = (base: string, count: number) =>
  Array.from({ length: count }, (_, i) => (i === 0 ? base : `${base}-${i + 1}`));

const byNumber = (ids: string[]) =>
  [...ids].sort((a, b) => Number(a.match(/-(\d+)$/)?.[1] ?? 1) - Number(b.match(/-(\d+)$/)?.[1] ?? 1));

it("creates one person when 20 requests create the same new person at once; the others hear it exists", async () => {
  const results = await concurrently(20, CREATE_PERSON, { input: { name: "Race Condition" } });

  const created = results.filter((r) => !r.errors).map((r) => r.data.createPerson);
  expect(created).toEqual([{ id: "person:race-condition", name: "Race Condition" }]);
  const refusals = results.flatMap((r) => r.errors ?? []);
  expect(refusals).toHaveLength(19);
  for (const error of refusals) {
    expect(error.extensions).toMatchObject({ code: "DUPLICATE_ENTITY", candidate: "person:race-condition" });
  }
  const [stored] = await db.read<{ people: number }>(
    "MATCH (p:Person {name: 'Race Condition'}) RETURN count(p) AS people",
  );
  expect(stored!.people).toBe(1);
});

it("numbers namesakes the curator says are different people, created one after another", async () => {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const result = await api.run(CREATE_PERSON, { input: { name: "Race Condition", distinctFrom: ids } }, curator);
    expect(result.errors).toBeUndefined();
    ids.push(result.data.createPerson.id);
  }
  expect(ids).toEqual(numbered("person:race-condition", 3));
});

it("gives 10 statements recorded at once with the same speaker and text 10 numbered ids, with no errors", async () => {
  await api.run(`mutation { createPerson(input: { name: "Jane Roe" }) { id } }`, {}, curator);
  await api.run(
    `mutation ($input: SourceInput!) { createSource(input: $input) { id } }`,
    { input: { id: "source:ankara-brief", title: "Ankara brief", publishedOn: "2025-06-06", text: TEXT } },
    curator,
  );
  const statement = {
    speaker: "person:jane-roe",
    text: "The talks will resume next week",
    kind: "REPORTED",
    evidence: [{ source: "source:ankara-brief", start: 0, end: TEXT.length }],
  };

  const results = await concurrently(10, RECORD, { input: statement });

  expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
  const ids = results.map((r) => r.data.recordStatement.id as string);
  expect(byNumber(ids)).toEqual(numbered("statement:roe-the-talks-will-resume-next-week", 10));
  expect(results.every((r) => r.data.recordStatement.speaker.id === "person:jane-roe")).toBe(true);
});

it("gives an id that 10 requests ask for at once to exactly one; the others are told it already exists", async () => {
  const results = await concurrently(10, CREATE_PERSON, { input: { id: "person:contested", name: "Contested" } });

  const created = results.filter((r) => !r.errors);
  expect(created.map((r) => r.data.createPerson)).toEqual([{ id: "person:contested", name: "Contested" }]);
  const refusals = results.flatMap((r) => r.errors ?? []);
  expect(refusals).toHaveLength(9);
  for (const error of refusals) {
    expect(error.message).toBe("input.id: person:contested already exists (a person); update it or choose another id");
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.id" });
  }
  const [stored] = await db.read<{ people: number }>(
    "MATCH (p:Person {id: 'person:contested'}) RETURN count(p) AS people",
  );
  expect(stored!.people).toBe(1);
});
