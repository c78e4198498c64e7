// Statements that answer statements: the seed's own exchange, a second source confirming a seed statement, the
// conversation around a statement, reloads, deleting a source, the timeline, and a curator's responses.
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { connectTestDatabase } from "../support/database";
import { ADMIN, seededApi } from "../support/graphql";
import { loadIstanbulSeed } from "../support/seed";

const db = connectTestDatabase();
const api = seededApi(db);
const curator = ADMIN;
const followUp = JSON.parse(
  fs.readFileSync(path.join(projectRoot, "examples/second-source/2025-06-03-istanbul-follow-up.json"), "utf8"),
);

const KREMLIN = "statement:kremlin-meeting-only-after-agreements";
const LEADERS = "statement:zelenskyy-leaders-resolve-key-issues";
const MEETING = "statement:zelenskyy-calls-for-meeting-with-putin";
const MEMORANDUM = "statement:moscow-will-present-memorandum";
const UMIEROV = "statement:umierov-russia-handed-over-memorandum";

const RESPONSES = `query ($id: ID!) {
  statement(id: $id) {
    respondsTo {
      relation
      statement { id speaker { name } }
      sources { id }
      evidence { source { id } start end excerpt }
    }
    responses { relation statement { id text } sources { id } }
  }
}`;
const CONVERSATION = `query ($id: ID!, $depth: Int) {
  conversation(statement: $id, maxDepth: $depth) { id saidOn speaker { name } }
}`;

async function mutate<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await api.run<T>(query, variables, curator);
  if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data!;
}
const importDataset = (dataset: unknown) =>
  mutate(`mutation ($d: JSON!) { importDataset(dataset: $d) { sourceId } }`, { d: dataset });
const responsesOf = async (id: string) => (await api.data(RESPONSES, { id })).statement;
const conversationIds = async (id: string, depth?: number) =>
  (await api.data(CONVERSATION, { id, depth })).conversation.map((s: { id: string }) => s.id);

describe("the seed's own exchange", () => {
  it("has the Kremlin's condition reject Zelenskyy's call for a meeting and answer him on the leaders", async () => {
    const kremlin = await responsesOf(KREMLIN);
    expect(kremlin.respondsTo.map((r: any) => [r.relation, r.statement.id])).toEqual([
      ["REJECTS", MEETING],
      ["ANSWERS", LEADERS],
    ]);
    const [rejects] = kremlin.respondsTo;
    expect(rejects.statement.speaker.name).toBe("Volodymyr Zelenskyy");
    expect(rejects.sources).toEqual([{ id: "source:2025-06-02-istanbul-talks" }]);
    expect(rejects.evidence).toEqual([
      {
        source: { id: "source:2025-06-02-istanbul-talks" },
        start: 2005,
        end: 2060,
        excerpt: "The Kremlin has repeatedly pushed back on that prospect",
      },
    ]);
    expect(kremlin.responses).toEqual([]);
    const leaders = await responsesOf(LEADERS);
    expect(leaders.respondsTo).toEqual([]);
    expect(leaders.responses.map((r: any) => [r.relation, r.statement.id])).toEqual([["ANSWERS", KREMLIN]]);
  });

  it("answers the conversation around a statement in date order, undated last, as deep as asked", async () => {
    expect(await conversationIds(LEADERS, 0)).toEqual([LEADERS]);
    expect(await conversationIds(LEADERS, 1)).toEqual([LEADERS, KREMLIN]);
    // Two responses away: through the Kremlin's statement to the call for a meeting (both said on 1 June).
    expect(await conversationIds(LEADERS)).toEqual([MEETING, LEADERS, KREMLIN]);
    const { conversation } = await api.data(CONVERSATION, { id: KREMLIN });
    expect(conversation.map((s: any) => [s.saidOn, s.speaker.name])).toEqual([
      ["2025-06-01", "Volodymyr Zelenskyy"],
      ["2025-06-01", "Volodymyr Zelenskyy"],
      [null, "The Kremlin"],
    ]);
    // A statement nobody answers is a conversation of one.
    expect(await conversationIds(MEMORANDUM)).toEqual([MEMORANDUM]);
  });

  it("refuses a depth out of range and names a missing statement", async () => {
    const deep = await api.run(CONVERSATION, { id: LEADERS, depth: 11 });
    expect(deep.errors?.[0]).toMatchObject({
      message: "maxDepth must be between 0 and 10, got 11",
      extensions: { code: "BAD_USER_INPUT", field: "maxDepth" },
    });
    const missing = await api.run(CONVERSATION, { id: "statement:nothing-like-it" });
    expect(missing.errors?.[0]).toMatchObject({
      message: "statement: there is no statement with id statement:nothing-like-it",
      extensions: { code: "NOT_FOUND" },
    });
    const person = await api.run(CONVERSATION, { id: "person:volodymyr-zelenskyy" });
    expect(person.errors?.[0]?.message).toBe("statement: person:volodymyr-zelenskyy is a person, not a statement");
  });

  it("shows responses on the statements of a timeline", async () => {
    const { timeline } = await api.data(`{
      timeline(entity: "organization:kremlin") {
        nodes { ... on Statement { id respondsTo { relation statement { id } } } }
      }
    }`);
    const kremlin = timeline.nodes.find((n: any) => n.id === KREMLIN);
    expect(kremlin.respondsTo).toEqual([
      { relation: "REJECTS", statement: { id: MEETING } },
      { relation: "ANSWERS", statement: { id: LEADERS } },
    ]);
  });

  it("reads the responses of a whole page in one batch", async () => {
    const result = await api.run(`{
      statements(first: 20) { nodes { id respondsTo { relation statement { id } } responses { relation } } }
    }`);
    expect(result.errors).toBeUndefined();
    // The page, then one query per direction for every statement of it.
    expect(result.queries).toBe(3);
  });
});

describe("responses across sources", () => {
  it("keeps a second source's confirmation of a seed statement, once however often either is loaded", async () => {
    await importDataset(followUp);
    const memorandum = await responsesOf(MEMORANDUM);
    expect(memorandum.responses).toEqual([
      {
        relation: "CONFIRMS",
        statement: { id: UMIEROV, text: "Russia handed over its memorandum of peace terms at the meeting." },
        sources: [{ id: "source:example-wire-2025-06-03" }],
      },
    ]);
    expect(await conversationIds(UMIEROV)).toEqual([MEMORANDUM, UMIEROV]);

    await importDataset(followUp);
    await loadIstanbulSeed(db);
    await importDataset(followUp);
    expect((await responsesOf(MEMORANDUM)).responses).toHaveLength(1);
    expect((await responsesOf(KREMLIN)).respondsTo).toHaveLength(2);
    const [count] = await db.read<{ n: number }>("MATCH ()-[r:RESPONDS_TO]->() RETURN count(r) AS n");
    expect(count?.n).toBe(3);
  });

  it("takes a source's responses back with the source", async () => {
    await mutate(`mutation { deleteSource(id: "source:example-wire-2025-06-03") { deleted } }`);
    expect((await responsesOf(MEMORANDUM)).responses).toEqual([]);
    expect((await responsesOf(KREMLIN)).respondsTo).toHaveLength(2);
  });
});

describe("a curator's responses", () => {
  const RECORD = `mutation ($input: RecordStatementInput!) {
    recordStatement(input: $input) { id respondsTo { relation statement { id } sources { id } } }
  }`;
  const UPDATE = `mutation ($id: ID!, $input: StatementUpdateInput!) {
    updateStatement(id: $id, input: $input) { id respondsTo { relation statement { id } } }
  }`;
  const input = {
    id: "statement:curator-kyiv-answers-kremlin",
    speaker: "state:ua",
    text: "A meeting of the leaders must not wait for the delegations.",
    kind: "REPORTED",
    saidOn: "2025-06-02",
    evidence: [{ source: "source:2025-06-02-istanbul-talks", start: 2005, end: 2172 }],
    respondsTo: [{ statement: KREMLIN, relation: "REJECTS" }],
  };

  it("records a statement with its responses and replaces them on update", async () => {
    const { recordStatement } = await mutate(RECORD, { input });
    expect(recordStatement.respondsTo).toEqual([{ relation: "REJECTS", statement: { id: KREMLIN }, sources: [] }]);
    expect((await responsesOf(KREMLIN)).responses.map((r: any) => r.statement.id)).toContain(input.id);

    const { updateStatement } = await mutate(UPDATE, {
      id: input.id,
      input: { respondsTo: [{ statement: LEADERS, relation: "CONFIRMS" }] },
    });
    expect(updateStatement.respondsTo).toEqual([{ relation: "CONFIRMS", statement: { id: LEADERS } }]);
    expect((await responsesOf(KREMLIN)).responses).toEqual([]);
    const cleared = await mutate(UPDATE, { id: input.id, input: { respondsTo: [] } });
    expect(cleared.updateStatement.respondsTo).toEqual([]);
  });

  it("refuses a response to itself, to a later statement, twice to one, or to no statement", async () => {
    const refusal = async (respondsTo: unknown[], extra: Record<string, unknown> = {}) => {
      const result = await api.run(UPDATE, { id: input.id, input: { respondsTo, ...extra } }, curator);
      return result.errors?.[0];
    };
    expect(await refusal([{ statement: input.id, relation: "ANSWERS" }])).toMatchObject({
      message: "input.respondsTo[0]: a statement cannot respond to itself",
      extensions: { code: "BAD_USER_INPUT", field: "input.respondsTo[0]" },
    });
    expect(
      await refusal([{ statement: LEADERS, relation: "ANSWERS" }], { saidOn: "2025-05-01", datePrecision: "MONTH" }),
    ).toMatchObject({
      message:
        `input.respondsTo[0]: ${input.id} (said 2025-05-01) cannot respond to ${LEADERS}, said later ` + "(2025-06-01)",
    });
    expect(
      await refusal([
        { statement: LEADERS, relation: "ANSWERS" },
        { statement: LEADERS, relation: "QUOTES" },
      ]),
    ).toMatchObject({
      message: `input.respondsTo[1]: ${LEADERS} is already answered here (ANSWERS); give one relation per statement`,
    });
    expect(await refusal([{ statement: "person:volodymyr-zelenskyy", relation: "ANSWERS" }])).toMatchObject({
      extensions: { code: "BAD_USER_INPUT", field: "input.respondsTo[0].statement" },
    });
    expect(await refusal([{ statement: "statement:nothing-like-it", relation: "ANSWERS" }])).toMatchObject({
      extensions: { code: "NOT_FOUND" },
    });
  });
});

describe("a dense conversation", () => {
  it("is walked once per statement: 80 statements each answering the four before, ten responses deep", async () => {
    await db.write(
      `MATCH (ua:State {id: 'state:ua'})
       UNWIND range(0, 79) AS i
       CREATE (ua)-[:SAID]->(:Statement:Entity {id: 'statement:mesh-' + i, text: 'Mesh ' + i, kind: 'REPORTED',
                                                saidOn: date('2025-01-01') + duration({days: i})})`,
    );
    await db.write(
      `UNWIND range(1, 79) AS i
       UNWIND range(1, 4) AS back
       WITH i, i - back AS j WHERE j >= 0
       MATCH (a:Statement {id: 'statement:mesh-' + i}), (b:Statement {id: 'statement:mesh-' + j})
       CREATE (a)-[:RESPONDS_TO {source: 'curator', relation: 'ANSWERS'}]->(b)`,
    );
    // Paths of ten steps through this mesh number about 8^10 (a billion): enumerating them would never end. The
    // walk Neo4j plans for a variable-length match followed by DISTINCT visits each of the 80 statements once.
    const ids = await conversationIds("statement:mesh-40", 10);
    expect(ids).toEqual(Array.from({ length: 80 }, (_, i) => `statement:mesh-${i}`));
    expect(await conversationIds("statement:mesh-40", 2)).toEqual(
      Array.from({ length: 17 }, (_, i) => `statement:mesh-${32 + i}`),
    );
  });
});
