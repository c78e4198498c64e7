import { startHttpServer, type HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { loadIstanbulSeed } from "../support/seed";

const db = connectTestDatabase();
let server: HttpServer;

beforeAll(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
  server = await startHttpServer({ db, port: 0, host: "127.0.0.1", readiness: { check: async () => [] } });
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

describe("GraphQL over HTTP", () => {
  it("answers a POSTed query with people read from Neo4j", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ people(first: 3) { nodes { id name } } }" }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: {
        people: {
          nodes: [
            { id: "person:donald-trump", name: "Donald Trump" },
            { id: "person:vladimir-putin", name: "Vladimir Putin" },
            { id: "person:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy" },
          ],
        },
      },
    });
  });

  it("reports liveness and readiness", async () => {
    const base = server.url.replace(/\/graphql$/, "");
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });
});
