// How bench:cpu reads a V8 CPU profile: each function's code by where it lives, self time from the samples, and the
// samples of the measured window only.
import { partOf, selfTimeByPart, withinWindow } from "../../../bench/cpuProfile";

describe("a CPU profile read by part", () => {
  it("names where code lives: a package, a module of this server, Node itself, V8", () => {
    expect(partOf("file:///srv/app/node_modules/@apollo/server/dist/cjs/index.js", "f")).toBe("@apollo/server");
    expect(partOf("file:///srv/app/node_modules/graphql/execution/execute.js", "f")).toBe("graphql");
    expect(partOf("file:///srv/app/dist/graph/database.js", "read")).toBe("this server: graph/database");
    expect(partOf("node:internal/stream_base_commons", "writeGeneric")).toBe(
      "Node internals (HTTP, streams, sockets, timers)",
    );
    expect(partOf("", "(garbage collector)")).toBe("garbage collector");
    expect(partOf("", "writeBuffer")).toBe("native functions");
  });

  const profile = {
    nodes: [
      { id: 1, callFrame: { url: "", functionName: "(root)" } },
      { id: 2, callFrame: { url: "file:///a/node_modules/graphql/x.js", functionName: "execute" } },
      { id: 3, callFrame: { url: "file:///a/dist/http/server.js", functionName: "handle" } },
    ],
    startTime: 1000,
    endTime: 1600,
    samples: [2, 3, 2, 2, 3],
    // Sample i is taken timeDeltas[i] µs after the one before it.
    timeDeltas: [100, 100, 100, 100, 100],
  };

  it("charges each sample with the time until the next one", () => {
    const parts = selfTimeByPart(profile);
    expect(parts.get("graphql")).toBeCloseTo(0.3);
    expect(parts.get("this server: http/server")).toBeCloseTo(0.1);
  });

  it("keeps the samples taken within a window of the monotonic clock", () => {
    const window = withinWindow(profile, { from: 1200, to: 1400 });
    expect(window.samples).toEqual([3, 2, 2]);
  });
});
