// The benchmark end to end at a tiny size, so it cannot rot: the four contenders (the limit, the limit behind HTTP,
// this server, the peer) answer all six questions, the facets (all but the peer, which cannot express them) and the
// baseline with the same ids and without errors under load.
// (The benchmark itself is `npm run bench`, not part of the test suite.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CONTENDERS, type Contender } from "../../bench/questions";
import { runBenchmark, type Report } from "../../bench/run";
import { connectTestDatabase, emptyGraph } from "../support/database";

const QUESTIONS = ["lookup", "latest", "byState", "traversal", "search", "path", "facets", "floor"];
/** The peer has no group-by: it cannot ask for facets. */
const PEERLESS = new Set(["facets"]);
const answering = (key: string): Contender[] => CONTENDERS.filter((c) => c !== "peer" || !PEERLESS.has(key));

let dataRoot: string;
let report: Report;

beforeAll(async () => {
  const db = connectTestDatabase();
  try {
    await emptyGraph(db);
  } finally {
    await db.close();
  }
  dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "kg-bench-smoke-"));
  // The compiled server inherits this: no GraphQL warm-up (5 s by default), as no figure of this run is compared.
  const warmUp = process.env.WARM_UP_SECONDS;
  process.env.WARM_UP_SECONDS = "0";
  try {
    report = await runBenchmark({
      statements: 300,
      // The shortest run npm run bench allows: enough requests per contender to count errors and percentiles.
      durationS: 0.5,
      connections: 2,
      warmupS: 0,
      contenders: CONTENDERS,
      // As npm run bench measures it: the compiled build as npm start runs it.
      compiled: { workers: 1 },
      neo4j: { heapMb: 512, pageCacheMb: 128, txMemoryMb: 512 },
      given: { uri: process.env.TEST_NEO4J_URI!, user: "neo4j", password: process.env.TEST_NEO4J_PASSWORD! },
      dataRoot,
      profile: false,
      log: () => {},
      progress: false,
    });
  } finally {
    if (warmUp === undefined) delete process.env.WARM_UP_SECONDS;
    else process.env.WARM_UP_SECONDS = warmUp;
  }
}, 400_000);

afterAll(() => fs.rmSync(dataRoot, { recursive: true, force: true }));

describe("the benchmark at 300 statements", () => {
  it("loads the synthetic dataset through the project's loader", () => {
    expect(report.load.statements).toBe(300);
    expect(report.load.rate).toBeGreaterThan(0);
  });

  it("measures this server as production runs it: the compiled build, node dist/main.js", () => {
    expect(report.server).toEqual({ compiled: true, workers: 1 });
    for (const q of report.questions) expect(q.runs.ours!.queriesPerRequest).toBe(q.key === "floor" ? 0 : 1);
  });

  it("asks all six questions, the facets and the baseline of every contender that can answer them", () => {
    expect(report.questions.map((q) => q.key)).toEqual(QUESTIONS);
    for (const q of report.questions)
      expect({ question: q.key, runs: Object.keys(q.runs).sort() }).toEqual({
        question: q.key,
        runs: answering(q.key).sort(),
      });
  });

  it("says the peer cannot answer the facets, and why, instead of measuring it", () => {
    const facets = report.questions.find((q) => q.key === "facets")!;
    expect(Object.keys(facets.cannot)).toEqual(["peer"]);
    expect(facets.cannot.peer).toMatch(/group-by/);
    expect(facets.answers.peer).toBeUndefined();
  });

  it("gets the same ids from this server, the peer and the limit", () => {
    for (const q of report.questions)
      expect({ question: q.key, mismatches: q.mismatches }).toEqual({ question: q.key, mismatches: [] });
  });

  it("measures every contender under load without a single error", () => {
    for (const q of report.questions) {
      for (const name of answering(q.key)) {
        const run = q.runs[name]!;
        expect({ question: q.key, name, errors: run.errors }).toEqual({ question: q.key, name, errors: 0 });
        expect(run.requests).toBeGreaterThan(0);
        expect(run.p50Ms).toBeGreaterThan(0);
        expect(run.p99Ms).toBeGreaterThanOrEqual(run.p50Ms);
      }
    }
  });

  const roundTrips =
    "counts this server's Neo4j round trips: one per question, the three-level traversal and the facets included; " +
    "none for the baseline";
  it(roundTrips, () => {
    const queries = Object.fromEntries(report.questions.map((q) => [q.key, q.answers.ours!.queries]));
    expect(queries).toEqual({
      lookup: 1,
      latest: 1,
      byState: 1,
      traversal: 1,
      search: 1,
      path: 1,
      facets: 1,
      floor: 0,
    });
  });
});
