// The GraphQL warm-up: the operations it runs are built from statements sampled from the graph, and it runs them
// under load for the seconds configured, stopping at the first error without failing the start.
import { buildSchema, parse, validate } from "graphql";
import { loadTypeDefs } from "../../../src/graphql/schema";
import { operationsFor, warmUpGraphql } from "../../../src/startup/warmUpGraphql";

const newest = [
  {
    id: "statement:a",
    text: "The ceasefire must hold",
    saidOn: "2025-06-02",
    speaker: { id: "person:a" },
    venue: { id: "venue:v", name: "Geneva" },
    event: { id: "event:e" },
    mentions: [
      { __typename: "Person", id: "person:c" },
      { __typename: "State", id: "state:x" },
    ],
  },
  { id: "statement:b", text: "No", saidOn: null, speaker: { id: "person:b" }, venue: null, event: null, mentions: [] },
];
const sample = (statements: typeof newest, state = "state:y", event = "event:f") => ({
  statements: { nodes: statements },
  states: { nodes: [{ id: state }] },
  events: { nodes: [{ id: event }] },
  venues: { nodes: [{ id: "venue:w", name: "Vienna" }] },
});

describe("the GraphQL warm-up", () => {
  it("asks each kind of question clients ask, on ids of the graph, in operations the schema accepts", () => {
    const operations = operationsFor(sample(newest));
    expect(operations.map((o) => o.variables)).toEqual([
      { id: "person:a" },
      { id: "person:a" },
      { id: "person:a" },
      { id: "person:a" },
      { q: "ceasefire" },
      { q: "ceasefire" },
      { id: "person:a" },
      { id: "statement:a" },
      {},
      {},
      { id: "person:c" },
      { id: "state:x" },
      { id: "state:x", from: "2025-06-02" },
      { id: "state:x" },
      { id: "event:e" },
      { a: "person:a", b: "person:b" },
      { name: "Geneva" },
      { id: "venue:v" },
      { a: "person:a", b: "venue:v" },
      {},
      {},
    ]);
    const schema = buildSchema(loadTypeDefs());
    for (const { query } of operations) expect([query, validate(schema, parse(query))]).toEqual([query, []]);
    // Newest statements that mention no state and name no event or venue: the graph's first of each stands in.
    const variables = operationsFor(sample([newest[1]!])).map((o) => o.variables);
    expect(variables).toContainEqual({ id: "state:y", from: null });
    expect(variables).toContainEqual({ id: "event:f" });
    expect(variables).toContainEqual({ id: "venue:w" });
    expect(operationsFor(sample([]))).toEqual([]);
  });

  it("runs the operations for the seconds given, and only warns when one fails", async () => {
    const asked: string[] = [];
    const lines: string[] = [];
    const execute = async (query: string) => {
      asked.push(query);
      if (query.includes("search")) return { errors: [{ message: "search is down" }] };
      return { data: sample(newest) };
    };
    await warmUpGraphql(execute, { seconds: 1, concurrency: 1, log: (l) => lines.push(l), warn: (l) => lines.push(l) });
    expect(asked).toHaveLength(6);
    expect(lines).toEqual(["GraphQL warm-up stopped (the server starts anyway): search is down"]);
  });

  it("runs every operation once even when that takes longer than the seconds given, then stops", async () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, "now").mockImplementation(() => now);
    try {
      const asked: string[] = [];
      const lines: string[] = [];
      const execute = async (query: string) => {
        asked.push(query);
        now += 2000; // every operation takes 2 s: a cold JVM planning each text
        return { data: sample(newest) };
      };
      await warmUpGraphql(execute, {
        seconds: 1,
        concurrency: 2,
        log: (l) => lines.push(l),
        warn: (l) => lines.push(l),
      });
      const operations = operationsFor(sample(newest));
      expect(asked.slice(1).sort()).toEqual(operations.map((o) => o.query).sort());
      expect(lines).toEqual([
        `Warm-up: ${operations.length} GraphQL operations (${operations.length} kinds) in 44.0 s`,
      ]);
    } finally {
      clock.mockRestore();
    }
  });

  it("does nothing with 0 seconds", async () => {
    const execute = jest.fn();
    await warmUpGraphql(execute, { seconds: 0, log: () => {}, warn: () => {} });
    expect(execute).not.toHaveBeenCalled();
  });
});
