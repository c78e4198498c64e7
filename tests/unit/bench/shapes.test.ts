// The shape suite's pure parts: answers made canonical for comparison, and a CPU profile's samples charged to the
// phase of a request they were taken in (the innermost frame that names one; native code and Node's own to callers).
import { phaseOfFrame, timeByPhase } from "../../../bench/shapes/phases";
import { canonical } from "../../../bench/shapes/shape";

describe("answers made canonical", () => {
  it("sorts every object's keys, so a Cypher map and a GraphQL object compare as JSON text", () => {
    expect(JSON.stringify(canonical({ b: 1, a: { d: null, c: "x" } }))).toBe('{"a":{"c":"x","d":null},"b":1}');
  });

  it("keeps the order of lists the schema orders, and sorts those it leaves unordered", () => {
    expect(canonical({ nodes: [{ id: "b" }, { id: "a" }] })).toEqual({ nodes: [{ id: "b" }, { id: "a" }] });
    expect(canonical({ officeHolders: [{ id: "b" }, { id: "a" }] })).toEqual({
      officeHolders: [{ id: "a" }, { id: "b" }],
    });
  });
});

describe("a CPU profile read by phase", () => {
  const file = (path: string) => `file:///srv/app/${path}`;

  it("names the phase of code by where it lives", () => {
    expect(phaseOfFrame(file("node_modules/graphql/execution/execute.js"), "executeFields")).toBe(
      "execution (graphql-js)",
    );
    expect(phaseOfFrame(file("node_modules/graphql/validation/validate.js"), "validate")).toBe(
      "parse/validate (document cache hit)",
    );
    expect(phaseOfFrame(file("dist/graphql/resolvers/entities.js"), "person")).toBe("resolvers (src/graphql)");
    expect(phaseOfFrame(file("dist/graph/values.js"), "toPlain")).toBe(
      "shaping (src/graph: Neo4j values to rows, pages)",
    );
    expect(phaseOfFrame(file("node_modules/neo4j-driver-bolt-connection/lib/x.js"), "unpack")).toBe(
      "neo4j-driver (Bolt)",
    );
    expect(phaseOfFrame(file("dist/http/graphqlPost.js"), "answer")).toBe("HTTP (Node, Express, sockets)");
    expect(phaseOfFrame(file("dist/http/answers/cacheControl.js"), "willSendResponse")).toBe(
      "this server's HTTP plugins",
    );
    expect(phaseOfFrame("", "stringify")).toBe("JSON serialisation");
    expect(phaseOfFrame("", "writeBuffer")).toBeUndefined();
    expect(phaseOfFrame("node:internal/stream_base_commons", "writeGeneric")).toBeUndefined();
  });

  it("charges native code and Node's own to the caller that names a phase, else to HTTP", () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: { url: "", functionName: "(root)" }, children: [2, 5, 6] },
        { id: 2, callFrame: { url: file("node_modules/neo4j-driver/lib/x.js"), functionName: "run" }, children: [3] },
        { id: 3, callFrame: { url: "node:net", functionName: "write" }, children: [4] },
        { id: 4, callFrame: { url: "", functionName: "writev" } },
        { id: 5, callFrame: { url: "node:_http_server", functionName: "parserOnIncoming" } },
        { id: 6, callFrame: { url: "", functionName: "(garbage collector)" } },
      ],
      startTime: 0,
      endTime: 500,
      samples: [4, 4, 5, 6, 4],
      timeDeltas: [100, 100, 100, 100, 100],
    };
    const phases = timeByPhase(profile);
    expect(phases.get("neo4j-driver (Bolt)")).toBeCloseTo(0.2);
    expect(phases.get("HTTP (Node, Express, sockets)")).toBeCloseTo(0.1);
    expect(phases.get("garbage collector")).toBeCloseTo(0.1);
  });
});
