// Cache-Control as a browser or CDN sees it, against the real server: a public GET query may be kept for
// CACHE_MAX_AGE seconds (with an ETag to revalidate), anything with a token, a POST, a mutation or an error never.
import http from "node:http";
import { loadConfig } from "../../src/config";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { loadIstanbulSeed } from "../support/seed";
import { startTestServer, TEST_TOKEN } from "../support/server";

const db = connectTestDatabase();
let server: HttpServer;
const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}?query=${encodeURIComponent(query)}`, { headers });

/**
 * A conditional GET as a browser's cache sends it. With node:http: fetch adds "cache-control: no-cache" to a request
 * that carries If-None-Match, which asks the server not to answer from the validator.
 */
function revalidate(query: string, etag: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${server.url}?query=${encodeURIComponent(query)}`,
      { headers: { "if-none-match": etag } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
  });
}

beforeAll(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
  const config = loadConfig({});
  server = await startTestServer(db, {
    apollo: { limits: config.limits, introspection: true, production: false, logError: () => {}, cacheMaxAgeS: 45 },
  });
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

it("lets a public GET query be kept for CACHE_MAX_AGE seconds, with an ETag", async () => {
  const response = await get('{ person(id: "person:volodymyr-zelenskyy") { name } }');
  expect(response.status).toBe(200);
  expect(response.headers.get("cache-control")).toBe("public, max-age=45");
  const etag = response.headers.get("etag");
  expect(etag).toBeTruthy();
  expect(await revalidate('{ person(id: "person:volodymyr-zelenskyy") { name } }', etag!)).toBe(304);
});

it("never lets an answer with a token, a POST, a mutation or an error be stored", async () => {
  const withToken = await get("{ __typename }", { authorization: `Bearer ${TEST_TOKEN}` });
  expect(withToken.headers.get("cache-control")).toBe("no-store");
  const post = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  expect(post.headers.get("cache-control")).toBe("no-store");
  const mutation = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TEST_TOKEN}` },
    body: JSON.stringify({ query: 'mutation { createPerson(input: {name: "Cache Testperson"}) { id } }' }),
  });
  expect(mutation.status).toBe(200);
  expect(mutation.headers.get("cache-control")).toBe("no-store");
  const error = await get('{ person(id: "person:nobody") { name } nope }');
  expect(error.headers.get("cache-control")).toBe("no-store");
});
