// The reads a server sent most, kept for the next start's warm-up: counted by text once the warm-up is over, at most
// once a second, with the shapes of their parameters (their values only with QUERY_HISTORY_VALUES), bounded without
// letting a flood of new texts push out the texts counted most, the earlier run's counts halved, and a file read back
// as written (or ignored). The replay of a history keeps to its time budget.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Database } from "../../../../src/graph/runtime/database";
import {
  COUNT_INTERVAL_MS,
  parseHistory,
  PLACEHOLDER,
  PLACEHOLDER_DATE,
  QueryHistory,
  readHistory,
  replayHistory,
  shapeOf,
  writeHistory,
  type RememberedQuery,
} from "../../../../src/graph/runtime/queryHistory";

/** A clock the test moves by hand. */
function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, tick: (ms: number) => (now += ms) };
}

describe("QueryHistory", () => {
  it("counts nothing until started, then each text at most once a second, the most counted first", () => {
    const time = clock();
    const history = new QueryHistory([], { now: time.now });
    history.record("MATCH (n {id: $id}) RETURN n", { id: "person:a" });
    expect(history.top()).toEqual([]);
    history.start();
    history.record("RETURN $x", { x: 1 });
    history.record("MATCH (n {id: $id}) RETURN n", { id: "person:a" });
    history.record("MATCH (n {id: $id}) RETURN n", { id: "person:a" });
    time.tick(COUNT_INTERVAL_MS);
    history.record("MATCH (n {id: $id}) RETURN n", { id: "person:b" });
    expect(history.top().map((q) => [q.cypher, q.count])).toEqual([
      ["MATCH (n {id: $id}) RETURN n", 2],
      ["RETURN $x", 1],
    ]);
    expect(history.top(1)).toHaveLength(1);
  });

  it("keeps the shapes of the parameters, not the values clients sent: strings become placeholders", () => {
    const history = new QueryHistory();
    history.start();
    const params = {
      id: "person:vladimir-putin",
      query: "secret words someone searched for",
      from: "2025-06-02",
      ids: ["statement:a", "statement:b"],
      filter: { speaker: "person:x", first: 20, on: true, at: null },
      depth: 4,
    };
    history.record("MATCH (n {id: $id}) RETURN n", params);
    const [kept] = history.top();
    expect(kept?.params).toEqual({
      id: PLACEHOLDER,
      query: PLACEHOLDER,
      from: PLACEHOLDER_DATE,
      ids: [PLACEHOLDER, PLACEHOLDER],
      filter: { speaker: PLACEHOLDER, first: 20, on: true, at: null },
      depth: 4,
    });
    const written = JSON.stringify(history.top());
    for (const value of ["vladimir", "secret", "2025-06-02", "statement:a", "person:x"]) {
      expect(written).not.toContain(value);
    }
  });

  it("keeps the values of each text's last counted run when QUERY_HISTORY_VALUES is on", () => {
    const time = clock();
    const history = new QueryHistory([], { keepValues: true, now: time.now });
    history.start();
    history.record("MATCH (n {id: $id}) RETURN n", { id: "person:a" });
    time.tick(COUNT_INTERVAL_MS);
    history.record("MATCH (n {id: $id}) RETURN n", { id: "person:b", ids: ["a"], deep: { on: true, at: null } });
    expect(history.top()).toEqual([
      {
        cypher: "MATCH (n {id: $id}) RETURN n",
        params: { id: "person:b", ids: ["a"], deep: { on: true, at: null } },
        count: 2,
      },
    ]);
  });

  it("replaces the values an earlier file kept unless QUERY_HISTORY_VALUES is on", () => {
    const earlier = [{ cypher: "RETURN $x", params: { x: "someone's search" }, count: 4 }];
    expect(new QueryHistory(earlier).top()).toEqual([{ cypher: "RETURN $x", params: { x: PLACEHOLDER }, count: 2 }]);
    expect(new QueryHistory(earlier, { keepValues: true }).top()[0]?.params).toEqual({ x: "someone's search" });
  });

  it("shapes any plain value: dates stay dates, numbers, booleans and nulls stay as they are", () => {
    expect(shapeOf({ a: ["x", 1, ["2025-06", "2025-06-02"]], b: { c: false } })).toEqual({
      a: [PLACEHOLDER, 1, [PLACEHOLDER, PLACEHOLDER_DATE]],
      b: { c: false },
    });
  });

  it("leaves out parameters JSON would change", () => {
    const history = new QueryHistory();
    history.start();
    history.record("RETURN $d", { d: new Date(0) });
    history.record("RETURN $n", { n: Number.NaN });
    history.record("RETURN 1", {});
    expect(history.top().map((q) => q.cypher)).toEqual(["RETURN 1"]);
  });

  it("makes room for new texts by dropping the least counted half, the texts counted most stay", () => {
    const time = clock();
    const history = new QueryHistory([], { capacity: 4, now: time.now });
    history.start();
    for (let second = 0; second < 3; second++) {
      history.record("RETURN 'often'", {});
      time.tick(COUNT_INTERVAL_MS);
    }
    history.record("RETURN 'twice'", {});
    time.tick(COUNT_INTERVAL_MS);
    history.record("RETURN 'twice'", {});
    for (let i = 0; i < 1000; i++) history.record(`RETURN ${i}`, {});
    const top = history.top();
    expect(top.length).toBeLessThanOrEqual(4);
    expect(top.slice(0, 2).map((q) => [q.cypher, q.count])).toEqual([
      ["RETURN 'often'", 3],
      ["RETURN 'twice'", 2],
    ]);
  });

  it("starts from the earlier run's counts halved, so queries no longer sent fade", () => {
    const time = clock();
    const history = new QueryHistory(
      [
        { cypher: "RETURN 1", params: {}, count: 9 },
        { cypher: "RETURN 2", params: {}, count: 1 },
      ],
      { now: time.now },
    );
    history.start();
    for (let i = 0; i < 5; i++) {
      history.record("RETURN 3", {});
      time.tick(COUNT_INTERVAL_MS);
    }
    expect(history.top().map((q) => [q.cypher, q.count])).toEqual([
      ["RETURN 1", 5],
      ["RETURN 3", 5],
      ["RETURN 2", 1],
    ]);
  });

  it("does not let a flood right after start decide what the next start warms up", () => {
    // What the last run's clients sent over hours: 30 texts, each in use for thousands of seconds.
    const usual: RememberedQuery[] = Array.from({ length: 30 }, (_, i) => ({
      cypher: `MATCH (n:Usual${i}) RETURN n`,
      params: {},
      count: 4000 - i,
    }));
    const time = clock();
    const history = new QueryHistory(usual, { now: time.now });
    history.start();
    // Right after start: 60 s of a flood, 1,000 requests a second of one text and 100 a second of new texts each.
    let fresh = 0;
    for (let second = 0; second < 60; second++) {
      for (let i = 0; i < 1000; i++) history.record("MATCH (n:Flood) RETURN n", { q: `attack ${i}` });
      for (let i = 0; i < 100; i++) history.record(`MATCH (n:Flood${fresh++}) RETURN n`, {});
      time.tick(COUNT_INTERVAL_MS);
    }
    const top = history.top(30).map((q) => q.cypher);
    expect(top).toEqual(usual.map((q) => q.cypher));
    const flood = history.top(1000).find((q) => q.cypher === "MATCH (n:Flood) RETURN n");
    expect(flood?.count).toBe(60);
    expect(JSON.stringify(history.top(1000))).not.toContain("attack");
  });

  it("writes a file that reads back the same, and reads a missing or damaged one as empty", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-history-"));
    try {
      const file = path.join(dir, "sub", "query-history.json");
      expect(readHistory(file)).toEqual([]);
      const history = new QueryHistory();
      history.start();
      history.record("RETURN $x", { x: "y", n: 3 });
      writeHistory(file, history);
      expect(readHistory(file)).toEqual([{ cypher: "RETURN $x", params: { x: PLACEHOLDER, n: 3 }, count: 1 }]);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readdirSync(path.dirname(file))).toEqual(["query-history.json"]);
      fs.writeFileSync(file, "{ not json");
      expect(readHistory(file)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps only well-formed entries of a file", () => {
    const text = JSON.stringify({
      version: 1,
      queries: [
        { cypher: "RETURN 1", params: {}, count: 3 },
        { cypher: 42, params: {}, count: 1 },
        { cypher: "RETURN 2", params: null, count: 1 },
        { cypher: "RETURN 3", params: {}, count: 0 },
        { cypher: "RETURN 4", params: {}, count: 1.5 },
      ],
    });
    expect(parseHistory(text)).toEqual([{ cypher: "RETURN 1", params: {}, count: 3 }]);
    expect(parseHistory("[]")).toEqual([]);
    expect(parseHistory("null")).toEqual([]);
  });
});

describe("replayHistory", () => {
  const quiet = { log: () => {}, warn: () => {} };
  const queries = Array.from({ length: 30 }, (_, i) => ({ cypher: `RETURN ${i}`, params: {}, count: 1 }));

  it("returns within its budget, however long the runs in flight take, and starts none after it", async () => {
    let started = 0;
    let finished = 0;
    const release: (() => void)[] = [];
    // Runs that last until the test lets them finish: far longer than the budget.
    const stuck = {
      read: async () => {
        started += 1;
        await new Promise<void>((resolve) => release.push(resolve));
        finished += 1;
        return [];
      },
    } as unknown as Database;
    const lines: string[] = [];
    const began = performance.now();
    const done = await replayHistory(stuck, queries, { ...quiet, log: (line) => lines.push(line), budgetMs: 200 });
    expect(performance.now() - began).toBeLessThan(1500);
    expect(done).toBe(0);
    expect(lines[0]).toMatch(
      /^Warm-up: 30 reads of the last run, 0 runs in 0\.\d s \(out of time: \d+ runs left out\)$/,
    );
    // The two runs in flight at the budget's end finish in the background, and none starts after them.
    release.splice(0).forEach((finish) => finish());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([started, finished]).toEqual([2, 2]);
  });

  it("runs every query `runs` times when there is time", async () => {
    const ran: string[] = [];
    const fast = { read: async (cypher: string) => (ran.push(cypher), []) } as unknown as Database;
    expect(await replayHistory(fast, queries.slice(0, 3), { ...quiet, runs: 2 })).toBe(6);
    expect(ran).toEqual(["RETURN 0", "RETURN 1", "RETURN 2", "RETURN 0", "RETURN 1", "RETURN 2"]);
  });
});
