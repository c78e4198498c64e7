// Starts the real HTTP server in-process on a free port, for tests that speak HTTP.
import { loadConfig } from "../../src/config";
import type { Database } from "../../src/graph/runtime/database";
import { startHttpServer, type HttpOptions, type HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "./database";
import { loadIstanbulSeed } from "./seed";

export const TEST_TOKEN = "test-token-0123456789abcdef";

export function startTestServer(db: Database, overrides: Partial<HttpOptions> = {}): Promise<HttpServer> {
  const config = loadConfig({});
  return startHttpServer({
    db,
    port: 0,
    host: "127.0.0.1",
    apiToken: TEST_TOKEN,
    readiness: { check: async () => [] },
    apollo: { limits: config.limits, introspection: true, production: false, logError: () => {} },
    ...overrides,
  });
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

/** A test file's own server on the Istanbul seed: started before its tests (on an emptied graph), stopped after. */
export function seededServer(): { db: Database; readonly url: string } {
  const db = connectTestDatabase();
  let server: HttpServer | undefined;
  beforeAll(async () => {
    await emptyGraph(db);
    await loadIstanbulSeed(db);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.stop();
    await db.close();
  });
  return {
    db,
    get url() {
      if (!server) throw new Error("the seeded server is not started yet (use it inside a test)");
      return server.url;
    },
  };
}
