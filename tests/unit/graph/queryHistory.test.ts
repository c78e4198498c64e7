// The reads a server sent most, kept for the next start's warm-up: counted by text once the warm-up is over, the
// latest parameters kept, bounded, the earlier run's counts halved, and a file read back as written (or ignored).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseHistory, QueryHistory, readHistory, writeHistory } from "../../../src/graph/queryHistory";

describe("QueryHistory", () => {
  it("counts nothing until started, then each text with its latest parameters, the most frequent first", () => {
    const history = new QueryHistory();
    history.record("MATCH (n {id: $id}) RETURN n", { id: "person:a" });
    expect(history.top()).toEqual([]);
    history.start();
    history.record("RETURN $x", { x: 1 });
    history.record("MATCH (n {id: $id}) RETURN n", { id: "person:a" });
    history.record("MATCH (n {id: $id}) RETURN n", { id: "person:b", ids: ["a"], deep: { on: true, at: null } });
    expect(history.top()).toEqual([
      {
        cypher: "MATCH (n {id: $id}) RETURN n",
        params: { id: "person:b", ids: ["a"], deep: { on: true, at: null } },
        count: 2,
      },
      { cypher: "RETURN $x", params: { x: 1 }, count: 1 },
    ]);
    expect(history.top(1)).toHaveLength(1);
  });

  it("leaves out parameters JSON would change, and new texts beyond its capacity", () => {
    const history = new QueryHistory([], 2);
    history.start();
    history.record("RETURN $d", { d: new Date(0) });
    history.record("RETURN $n", { n: Number.NaN });
    history.record("RETURN 1", {});
    history.record("RETURN 2", {});
    history.record("RETURN 3", {});
    expect(history.top().map((q) => q.cypher)).toEqual(["RETURN 1", "RETURN 2"]);
  });

  it("starts from the earlier run's counts halved, so queries no longer sent fade", () => {
    const history = new QueryHistory([
      { cypher: "RETURN 1", params: {}, count: 9 },
      { cypher: "RETURN 2", params: {}, count: 1 },
    ]);
    history.start();
    for (let i = 0; i < 5; i++) history.record("RETURN 3", {});
    expect(history.top().map((q) => [q.cypher, q.count])).toEqual([
      ["RETURN 1", 5],
      ["RETURN 3", 5],
      ["RETURN 2", 1],
    ]);
  });

  it("writes a file that reads back the same, and reads a missing or damaged one as empty", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-history-"));
    try {
      const file = path.join(dir, "sub", "query-history.json");
      expect(readHistory(file)).toEqual([]);
      const history = new QueryHistory();
      history.start();
      history.record("RETURN $x", { x: "y" });
      writeHistory(file, history);
      expect(readHistory(file)).toEqual([{ cypher: "RETURN $x", params: { x: "y" }, count: 1 }]);
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
