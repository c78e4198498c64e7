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
  expect(response.headers.get("cache-control")).toBe('public, max-age=45, private="x-request-id"');
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

/** The request headers a Vary header names, lower-cased. */
const varied = (response: Response) =>
  (response.headers.get("vary") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== "");

it("varies a public answer on what changes it: Accept, Accept-Encoding, the token, bookmarks", async () => {
  const response = await get('{ person(id: "person:volodymyr-zelenskyy") { name } }');
  expect(response.headers.get("cache-control")).toBe('public, max-age=45, private="x-request-id"');
  expect(varied(response)).toEqual(
    expect.arrayContaining(["accept", "accept-encoding", "authorization", "neo4j-bookmark"]),
  );
  // Accept does change the answer's bytes: the media type, and for a browser the IDE's page instead.
  const graphqlResponse = await get("{ __typename }", { accept: "application/graphql-response+json" });
  expect(graphqlResponse.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
  expect(varied(graphqlResponse)).toContain("accept");
  const page = await get("{ __typename }", { accept: "text/html" });
  expect(page.headers.get("content-type")).toMatch(/^text\/html/);
  expect(varied(page)).toContain("accept");
  // A request with a token is never answered from a kept anonymous answer, and its own answer is never kept.
  const withToken = await get('{ person(id: "person:volodymyr-zelenskyy") { name } }', {
    authorization: `Bearer ${TEST_TOKEN}`,
  });
  expect(withToken.headers.get("cache-control")).toBe("no-store");
  expect(varied(withToken)).toContain("authorization");
});

it("answers the same bytes to every client: a public answer holds nothing of the request that made it", async () => {
  const query = "{ statements(first: 3) { nodes { id text speaker { name } } } }";
  const first = await get(query, { "x-request-id": "client-one-request-1" });
  const second = await get(query, { "x-request-id": "client-two-request-9" });
  const anonymous = await get(query);
  expect(first.headers.get("cache-control")).toBe('public, max-age=45, private="x-request-id"');
  // The request id stays a response header, for the client that sent it...
  expect(first.headers.get("x-request-id")).toBe("client-one-request-1");
  expect(second.headers.get("x-request-id")).toBe("client-two-request-9");
  const bodies = await Promise.all([first, second, anonymous].map((response) => response.text()));
  // ...and never reaches the body a cache would serve to others: the bodies and their ETags are the same.
  expect(bodies[0]).not.toContain("client-one");
  expect(bodies[1]).toBe(bodies[0]);
  expect(bodies[2]).toBe(bodies[0]);
  expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
  expect(anonymous.headers.get("etag")).toBe(first.headers.get("etag"));
});
