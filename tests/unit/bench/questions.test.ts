// The benchmark's facets question without a database: this server's answer and the limit's rows reduce to the same
// counts, and the report says the peer cannot answer it instead of leaving a gap or measuring something else.
import type { Fixtures } from "../../../bench/fixtures";
import { QUESTION_KEYS, buildQuestions, cannotAnswer, type Question } from "../../../bench/questions";
import { ratioTable, resultsTable } from "../../../bench/report";
import type { QuestionResult, Report } from "../../../bench/run";
import type { Run } from "../../../bench/contenders";

const fixtures: Fixtures = {
  person: "person:p-000001",
  state: "state:s-001",
  from: "2020-01-01",
  to: "2020-12-31",
  word: "ceasefire",
  pathFrom: "person:p-000002",
  pathTo: "venue:building-0001",
};

const facets = (): Question => buildQuestions(fixtures).find((q) => q.key === "facets")!;

const counts = {
  byKind: [
    { kind: "DIRECT_QUOTE", count: 7 },
    { kind: "REPORTED", count: 5 },
  ],
  byPeriod: [
    { period: "2020", count: 1 },
    { period: "2020-01", count: 11 },
  ],
  undated: 0,
};

describe("the facets question", () => {
  it("reduces this server's facets and the limit's row to the same counts, ranks in order", () => {
    const q = facets();
    const ours = q.ours.pick({
      person: {
        id: fixtures.person,
        statements: {
          totalCount: 12,
          facets: {
            ...counts,
            byMentioned: [
              { node: { id: "state:s-002" }, count: 4 },
              { node: { id: "person:p-000009" }, count: 2 },
            ],
            byVenue: [{ node: { id: "venue:city-0001" }, count: 3 }],
          },
        },
      },
    });
    const limit = q.limit.pick([
      {
        id: fixtures.person,
        total: 12,
        facets: {
          ...counts,
          byMentioned: [
            { id: "state:s-002", count: 4 },
            { id: "person:p-000009", count: 2 },
          ],
          byVenue: [{ id: "venue:city-0001", count: 3 }],
        },
      },
    ]);
    expect(limit).toEqual(ours);
    expect(ours).toMatchObject({
      total: 12,
      byMentioned: [
        { id: "state:s-002", count: 4 },
        { id: "person:p-000009", count: 2 },
      ],
    });
  });

  it("asks the limit in one query and the peer not at all, saying why", () => {
    const q = facets();
    expect(q.limit.cypher).not.toMatch(/;/);
    expect(cannotAnswer(q, "peer")).toMatch(/no group-by/);
    expect(cannotAnswer(q, "ours")).toBeUndefined();
    expect(cannotAnswer(q, "limit")).toBeUndefined();
  });

  it("is listed among the keys --questions accepts, in the order the questions are asked", () => {
    expect(buildQuestions(fixtures).map((q) => q.key)).toEqual(QUESTION_KEYS);
  });

  it("is the only question the peer cannot answer", () => {
    const peerless = buildQuestions(fixtures).filter((q) => cannotAnswer(q, "peer") !== undefined);
    expect(peerless.map((q) => q.key)).toEqual(["facets"]);
  });
});

describe("the report of a question the peer cannot answer", () => {
  const run = (p50Ms: number): Run => ({
    requests: 100,
    rps: 1000 / p50Ms,
    p50Ms,
    p99Ms: 2 * p50Ms,
    meanMs: p50Ms,
    maxMs: 3 * p50Ms,
    errors: 0,
    non2xx: 0,
    queriesPerRequest: 1,
    rssBytes: 2 ** 27,
    cpuMsPerRequest: { neo4j: 1, node: 1 },
  });
  const result: QuestionResult = {
    key: "facets",
    title: "Facets",
    note: "",
    answersMatch: true,
    mismatches: [],
    answers: {},
    cannot: { peer: "no group-by" },
    order: ["limit", "ours"],
    runs: { limit: run(10), ours: run(18) },
  };
  const report = { questions: [result] } as unknown as Report;

  it("shows the peer's row as cannot answer, with the reason", () => {
    expect(resultsTable(report).filter((l) => l.includes("@neo4j/graphql"))).toEqual([
      "|  |  | peer: @neo4j/graphql 7 | cannot answer: no group-by | | | | | | | | |",
    ]);
  });

  it("checks this server against the facets' own target of 2× the limit, and no throughput target", () => {
    expect(ratioTable(report)[2]).toBe(
      "| 1 | facets | same ids | 1.80× | ≤ 2× | yes | – | peer cannot answer | – | – | – |",
    );
  });

  it("splits the ratio to the limit at the limit behind HTTP: what serving over HTTP costs, and what is left", () => {
    const withHttp = { questions: [{ ...result, runs: { ...result.runs, limitHttp: run(15) } }] } as unknown as Report;
    expect(ratioTable(withHttp)[2]).toBe(
      "| 1 | facets | same ids | 1.80× | ≤ 2× | yes | – | peer cannot answer | – | 1.50× | 1.20× |",
    );
    expect(resultsTable(withHttp).filter((l) => l.includes("limit behind HTTP"))).toEqual([
      "|  |  | limit behind HTTP: the same Cypher, JSON over node:http, nothing else | " +
        "15.0 | 30.0 | 67 | 0 | 1.00 | – | 1.00 · 1.00 · – | 128 | – |",
    ]);
  });
});
