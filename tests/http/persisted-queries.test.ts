// Automatic persisted queries as Apollo Client's persisted-queries link and urql's exchange use them, against the
// real server: a hash the server has not seen asks for the query, the query sent once with its hash is kept, and from
// then on a short GET by hash is answered — cacheable like any public GET query.
import crypto from "node:crypto";
import { seededServer } from "../support/server";

const server = seededServer();
const QUERY = '{ person(id: "person:volodymyr-zelenskyy") { name } }';
const HASH = crypto.createHash("sha256").update(QUERY).digest("hex");
const extensions = (hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
const byHash = (hash: string) => fetch(`${server.url}?extensions=${encodeURIComponent(extensions(hash))}`);

it("asks for an unknown hash, keeps the query sent with it, then answers a GET by hash alone", async () => {
  const unknown = (await (await byHash(HASH)).json()) as any;
  expect(unknown.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");

  const registered = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: QUERY, extensions: JSON.parse(extensions(HASH)) }),
  });
  expect(await registered.json()).toEqual({ data: { person: { name: "Volodymyr Zelenskyy" } } });

  const response = await byHash(HASH);
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ data: { person: { name: "Volodymyr Zelenskyy" } } });
});

it("refuses a query whose hash does not match it", async () => {
  const response = await fetch(server.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }", extensions: JSON.parse(extensions(HASH)) }),
  });
  const body = (await response.json()) as any;
  expect(response.status).toBe(400);
  expect(body.errors[0].message).toMatch(/sha|hash/i);
});
