// The GraphQL warm-up: the operations it runs are built from statements sampled from the graph, and it runs them
// under load for the seconds configured, stopping at the first error without failing the start.
import { operationsFor, warmUpGraphql } from "../../../src/startup/warmUpGraphql";

const statements = [
  {
    id: "statement:a",
    text: "The ceasefire must hold",
    speaker: { id: "person:a" },
    venue: { id: "venue:v", name: "Geneva" },
    mentions: [{ id: "state:x" }],
  },
  { id: "statement:b", text: "No", speaker: { id: "person:b" }, venue: null, mentions: [] },
];

describe("the GraphQL warm-up", () => {
  it("asks what clients ask most, on ids of the graph", () => {
    const operations = operationsFor(statements);
    expect(operations.map((o) => o.variables)).toEqual([
      { id: "person:a" },
      { q: "ceasefire" },
      { id: "person:a" },
      { id: "statement:a" },
      {},
      { id: "state:x" },
      { a: "person:a", b: "person:b" },
      { name: "Geneva" },
    ]);
    expect(operationsFor([])).toEqual([]);
  });

  it("runs the operations for the seconds given, and only warns when one fails", async () => {
    const asked: string[] = [];
    const lines: string[] = [];
    const execute = async (query: string) => {
      asked.push(query);
      if (query.includes("search")) return { errors: [{ message: "search is down" }] };
      return { data: { statements: { nodes: statements } } };
    };
    await warmUpGraphql(execute, { seconds: 1, concurrency: 1, log: (l) => lines.push(l), warn: (l) => lines.push(l) });
    expect(asked).toHaveLength(3);
    expect(lines).toEqual(["GraphQL warm-up stopped (the server starts anyway): search is down"]);
  });

  it("does nothing with 0 seconds", async () => {
    const execute = jest.fn();
    await warmUpGraphql(execute, { seconds: 0, log: () => {}, warn: () => {} });
    expect(execute).not.toHaveBeenCalled();
  });
});
