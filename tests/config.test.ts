import path from "node:path";
import { ConfigError, loadConfig, projectRoot } from "../src/config";

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
    expect(config.remote).toEqual({ uri: "neo4j+s://abc.databases.neo4j.io", user: "neo4j", password: "pw", database: undefined });
  });

  it("says which variable is wrong and why", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(new ConfigError('PORT="eighty" is not an integer between 0 and 65535'));
    expect(() => loadConfig({ NEO4J_URI: "http://x" , NEO4J_PASSWORD: "p"})).toThrow(/NEO4J_URI="http:\/\/x" must start with neo4j:\/\//);
    expect(() => loadConfig({ NEO4J_URI: "bolt://x" })).toThrow(/NEO4J_PASSWORD is not/);
  });

  it("gives a client 30 s for its whole request and 10 s for its headers, unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({ requestTimeoutMs: 30_000, headersTimeoutMs: 10_000 });
    const config = loadConfig({ HTTP_REQUEST_TIMEOUT_MS: "120000", HTTP_HEADERS_TIMEOUT_MS: "5000" });
    expect(config).toMatchObject({ requestTimeoutMs: 120_000, headersTimeoutMs: 5000 });
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
