// Environment variables parsed and checked once: defaults, remote Neo4j, timeouts, browser pages, production, workers.
import os from "node:os";
import path from "node:path";
import { ConfigError, loadConfig, projectRoot } from "../../src/config";

describe("configuration", () => {
  it("defaults to the embedded Neo4j on port 4000", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.remote).toBeUndefined();
    expect(config.embedded.dataDir).toBe(path.join(projectRoot, "data", "neo4j"));
    expect(config.seedWhenEmpty).toBe(true);
  });

  it("uses an existing database when NEO4J_URI is set", () => {
    const config = loadConfig({ NEO4J_URI: "neo4j+s://abc.databases.neo4j.io", NEO4J_PASSWORD: "pw" });
    expect(config.remote).toEqual({
      uri: "neo4j+s://abc.databases.neo4j.io",
      user: "neo4j",
      password: "pw",
      database: undefined,
    });
  });

  it("says which variable is wrong and why", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(
      new ConfigError('PORT="eighty" is not an integer between 0 and 65535'),
    );
    expect(() => loadConfig({ NEO4J_URI: "http://x", NEO4J_PASSWORD: "p" })).toThrow(
      /NEO4J_URI="http:\/\/x" must start with neo4j:\/\//,
    );
    expect(() => loadConfig({ NEO4J_URI: "bolt://x" })).toThrow(/NEO4J_PASSWORD is not/);
  });

  it("gives a client 30 s for its whole request and 10 s for its headers, unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({ requestTimeoutMs: 30_000, headersTimeoutMs: 10_000 });
    const config = loadConfig({ HTTP_REQUEST_TIMEOUT_MS: "120000", HTTP_HEADERS_TIMEOUT_MS: "5000" });
    expect(config).toMatchObject({ requestTimeoutMs: 120_000, headersTimeoutMs: 5000 });
  });

  it("holds a write for the seed 25 s, always less than the request timeout, and refuses a wait as long", () => {
    expect(loadConfig({}).writeWaitMs).toBe(25_000);
    expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: "8000", HTTP_HEADERS_TIMEOUT_MS: "5000" }).writeWaitMs).toBe(7000);
    expect(loadConfig({ WRITE_WAIT_MS: "100000", HTTP_REQUEST_TIMEOUT_MS: "120000" }).writeWaitMs).toBe(100_000);
    expect(() => loadConfig({ WRITE_WAIT_MS: "30000" })).toThrow(
      new ConfigError(
        "WRITE_WAIT_MS=30000 is not shorter than HTTP_REQUEST_TIMEOUT_MS=30000: " +
          "a write refused after its wait would find its connection already closed",
      ),
    );
  });

  it("refuses a headers timeout longer than the request timeout, naming both", () => {
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: "5000", HTTP_HEADERS_TIMEOUT_MS: "8000" })).toThrow(
      new ConfigError(
        "HTTP_HEADERS_TIMEOUT_MS=8000 is longer than HTTP_REQUEST_TIMEOUT_MS=5000: " +
          "the headers are part of the request, so their timeout must not exceed the request's",
      ),
    );
    // The default headers timeout (10 s) counts too.
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: "5000" })).toThrow(/HTTP_HEADERS_TIMEOUT_MS=10000 is longer/);
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: "0" })).toThrow(
      new ConfigError('HTTP_REQUEST_TIMEOUT_MS="0" is not an integer between 1000 and 3600000'),
    );
  });
});

describe("configuration of the browser pages", () => {
  it("turns the IDE on by default and off with IDE_ENABLED=false", () => {
    expect(loadConfig({}).ideEnabled).toBe(true);
    expect(loadConfig({ IDE_ENABLED: "false" }).ideEnabled).toBe(false);
    expect(() => loadConfig({ IDE_ENABLED: "maybe" })).toThrow(
      new ConfigError('IDE_ENABLED="maybe" is not a boolean (use true or false)'),
    );
  });

  it("reads CORS_ORIGINS as a comma-separated list of origins, none by default", () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: "https://app.example.com, http://localhost:5173/" }).corsOrigins).toEqual([
      "https://app.example.com",
      "http://localhost:5173",
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: "https://app.example.com/path" })).toThrow(
      new ConfigError(
        'CORS_ORIGINS: "https://app.example.com/path" is not an origin like https://app.example.com ' +
          "(scheme, host and optional port, no path)",
      ),
    );
    expect(() => loadConfig({ CORS_ORIGINS: "*" })).toThrow(/CORS_ORIGINS: "\*" is not an origin/);
  });
});

describe("production mode", () => {
  it("can enable the IDE and introspection explicitly", () => {
    const config = loadConfig({ NODE_ENV: "production", IDE_ENABLED: "true", INTROSPECTION: "true" });
    expect(config.ideEnabled).toBe(true);
    expect(config.introspection).toBe(true);
  });
});

describe("configuration of the admission queue", () => {
  it("lets 4 queries per core into the embedded Neo4j at once, 64 into a remote one, and 1,000 more wait 5 s", () => {
    const cores = os.availableParallelism();
    expect(loadConfig({}).admission).toEqual({ maxInFlight: 4 * cores, maxWaitMs: 5000, maxQueued: 1000 });
    // The workers share the cores, and the embedded Neo4j's.
    expect(loadConfig({ WORKERS: String(cores) }).admission.maxInFlight).toBe(Math.max(2, 4));
    const remote = loadConfig({ NEO4J_URI: "neo4j://db.example:7687", NEO4J_PASSWORD: "secret-password" });
    expect(remote.admission.maxInFlight).toBe(64);
    expect(loadConfig({}).shareQueuedReads).toBe(true);
    expect(loadConfig({ SHARE_QUEUED_READS: "false" }).shareQueuedReads).toBe(false);
    const config = loadConfig({ NEO4J_MAX_IN_FLIGHT: "8", QUEUE_WAIT_MS: "250", MAX_QUEUED: "0" });
    expect(config.admission).toEqual({ maxInFlight: 8, maxWaitMs: 250, maxQueued: 0 });
  });

  it("refuses a cap that would let no query run", () => {
    expect(() => loadConfig({ NEO4J_MAX_IN_FLIGHT: "0" })).toThrow(
      new ConfigError('NEO4J_MAX_IN_FLIGHT="0" is not an integer between 1 and 10000'),
    );
    expect(() => loadConfig({ QUEUE_WAIT_MS: "-1" })).toThrow(/QUEUE_WAIT_MS="-1" is not an integer/);
  });
});

describe("configuration of the workers", () => {
  it("runs one process beside the embedded Neo4j, which needs the other cores, and every core with NEO4J_URI", () => {
    expect(loadConfig({}).workers).toBe(1);
    const remote = { NEO4J_URI: "neo4j+s://abc.databases.neo4j.io", NEO4J_PASSWORD: "pw" };
    expect(loadConfig(remote).workers).toBe(Math.min(os.availableParallelism(), 64));
    expect(loadConfig({ ...remote, WORKERS: "3" }).workers).toBe(3);
    expect(loadConfig({ WORKERS: "2" }).workers).toBe(2);
    expect(loadConfig({ WORKERS: "64" }).workers).toBe(64);
  });

  it("refuses anything but a whole number from 1 to 64, naming WORKERS", () => {
    for (const value of ["abc", "0", "65", "2.5", "-1"]) {
      expect(() => loadConfig({ WORKERS: value })).toThrow(
        new ConfigError(`WORKERS=${JSON.stringify(value)} is not an integer between 1 and 64`),
      );
    }
  });
});

describe("configuration of document sizes and the query history (issue 30)", () => {
  it("caps a GraphQL document at 64 KB unless MAX_DOCUMENT_BYTES says otherwise, and refuses nonsense", () => {
    expect(loadConfig({}).limits.maxDocumentBytes).toBe(65_536);
    expect(loadConfig({ MAX_DOCUMENT_BYTES: "1048576" }).limits.maxDocumentBytes).toBe(1_048_576);
    expect(() => loadConfig({ MAX_DOCUMENT_BYTES: "64k" })).toThrow(
      new ConfigError('MAX_DOCUMENT_BYTES="64k" is not an integer between 1024 and 16777216'),
    );
    expect(() => loadConfig({ MAX_DOCUMENT_BYTES: "100" })).toThrow(/MAX_DOCUMENT_BYTES="100" is not an integer/);
  });

  it("keeps no parameter values in the query history unless QUERY_HISTORY_VALUES is on", () => {
    expect(loadConfig({}).queryHistoryValues).toBe(false);
    expect(loadConfig({ QUERY_HISTORY_VALUES: "true" }).queryHistoryValues).toBe(true);
    expect(() => loadConfig({ QUERY_HISTORY_VALUES: "some" })).toThrow(
      new ConfigError('QUERY_HISTORY_VALUES="some" is not a boolean (use true or false)'),
    );
  });

  it("keeps the query history in the embedded data folder, in data/ with NEO4J_URI, or where it is told", () => {
    expect(loadConfig({ NEO4J_DATA_DIR: "/tmp/kg-data" }).queryHistoryFile).toBe("/tmp/kg-data/query-history.json");
    const remote = { NEO4J_URI: "bolt://db.example:7687", NEO4J_PASSWORD: "secret" };
    expect(loadConfig(remote).queryHistoryFile).toBe(path.join(projectRoot, "data", "query-history.json"));
    expect(loadConfig({ ...remote, QUERY_HISTORY_FILE: "/tmp/history.json" }).queryHistoryFile).toBe(
      "/tmp/history.json",
    );
    expect(loadConfig({ QUERY_HISTORY_FILE: "off" }).queryHistoryFile).toBeUndefined();
  });
});

describe("configuration of overload and answer sizes (issue 30)", () => {
  it("lets an expensive operation wait 2 s for its turn (then 503 SERVER_BUSY) unless EXPENSIVE_WAIT_MS says", () => {
    expect(loadConfig({}).limits.expensiveWaitMs).toBe(2000);
    expect(loadConfig({ EXPENSIVE_WAIT_MS: "500" }).limits.expensiveWaitMs).toBe(500);
    expect(() => loadConfig({ EXPENSIVE_WAIT_MS: "2s" })).toThrow(
      new ConfigError('EXPENSIVE_WAIT_MS="2s" is not an integer between 0 and 600000'),
    );
  });

  it("holds an answer to 20,000 fields unless MAX_RESPONSE_FIELDS says otherwise, and refuses nonsense", () => {
    expect(loadConfig({}).limits.maxResponseFields).toBe(20_000);
    expect(loadConfig({ MAX_RESPONSE_FIELDS: "200000" }).limits.maxResponseFields).toBe(200_000);
    for (const value of ["lots", "10", "1.5"]) {
      expect(() => loadConfig({ MAX_RESPONSE_FIELDS: value })).toThrow(
        new ConfigError(`MAX_RESPONSE_FIELDS=${JSON.stringify(value)} is not an integer between 100 and 100000000`),
      );
    }
  });
});

describe("configuration of federation (issue 34)", () => {
  it("serves no subgraph unless FEDERATION is on, and refuses nonsense", () => {
    expect(loadConfig({}).federation).toBe(false);
    expect(loadConfig({ FEDERATION: "true" }).federation).toBe(true);
    expect(() => loadConfig({ FEDERATION: "v2" })).toThrow(
      new ConfigError('FEDERATION="v2" is not a boolean (use true or false)'),
    );
  });
});
