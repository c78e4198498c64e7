// Named curators over HTTP (issue 32, item 2): a curator from the tokens file and a JWT's subject write under their
// own names, which history shows to a request with a token; roles decide who may merge, delete and import (FORBIDDEN,
// naming the role), a missing or bad token gets UNAUTHENTICATED with the reason; a JWKS served in-test signs too.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from "jose";
import { jwtSettings } from "../../src/settings/jwtSettings";
import { newToken } from "../../src/settings/tokenHash";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { post, startTestServer, TEST_TOKEN } from "../support/server";

const db = connectTestDatabase();
const ISSUER = "https://id.example.org/";
const AUDIENCE = "who-said-what";
const fail = (message: string) => new Error(message);

let server: HttpServer;
let keys: { publicKey: KeyLike; privateKey: KeyLike };
const tokens = { maria: "", oleh: "" };

beforeAll(async () => {
  await emptyGraph(db);
  keys = await generateKeyPair("RS256");
  // A cheap scrypt cost keeps the test fast; the server checks whatever cost the file names.
  const maria = await newToken({ ln: 10, r: 8, p: 1 });
  const oleh = await newToken({ ln: 10, r: 8, p: 1 });
  tokens.maria = maria.token;
  tokens.oleh = oleh.token;
  server = await startTestServer(db, {
    curators: {
      maria: { role: "curator", tokenId: maria.tokenId, tokenHash: maria.tokenHash },
      oleh: { role: "admin", tokenId: oleh.tokenId, tokenHash: oleh.tokenHash },
    },
    jwt: jwtSettings(
      { JWT_PUBLIC_KEY: await exportSPKI(keys.publicKey), JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE },
      fail,
    ),
  });
});
afterAll(async () => {
  await server.stop();
  await db.close();
});

function jwt(sub: string, claims: JWTPayload, key: KeyLike = keys.privateKey, header = {}): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", ...header })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime("5m")
    .sign(key);
}

async function gql(url: string, query: string, variables: object = {}, token?: string) {
  return post(url, { query, variables }, token ? { authorization: `Bearer ${token}` } : {});
}

const CREATE = `mutation ($input: PersonInput!) { createPerson(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: PersonUpdateInput!) { updatePerson(id: $id, input: $input) { aliases } }`;
const MERGE = `mutation ($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge) { id } }`;
const HISTORY = `query ($id: ID!) { history(id: $id, first: 10) { nodes { kind actor ids } } }`;

it("a curator from the tokens file adds an alias; a JWT curator merges; history names both", async () => {
  const admin = TEST_TOKEN;
  await gql(server.url, CREATE, { input: { id: "person:iryna-vereshchuk", name: "Iryna Vereshchuk" } }, admin);
  const duplicate = { id: "person:i-vereshchuk", name: "I. Vereshchuk", distinctFrom: ["person:iryna-vereshchuk"] };
  expect((await gql(server.url, CREATE, { input: duplicate }, admin)).status).toBe(200);

  const alias = await gql(
    server.url,
    UPDATE,
    { id: "person:iryna-vereshchuk", input: { aliases: ["Vereshchuk"] } },
    tokens.maria,
  );
  expect(alias.json).toEqual({ data: { updatePerson: { aliases: ["Vereshchuk"] } } });

  const curator = await jwt("sso|anna.b", { roles: ["curator"] });
  const merged = await gql(
    server.url,
    MERGE,
    { keep: "person:iryna-vereshchuk", merge: "person:i-vereshchuk" },
    curator,
  );
  expect(merged.json).toEqual({ data: { mergeEntities: { id: "person:iryna-vereshchuk" } } });

  const withToken = await gql(server.url, HISTORY, { id: "person:iryna-vereshchuk" }, tokens.maria);
  expect(withToken.json.data.history.nodes).toEqual([
    { kind: "MERGED", actor: "sso|anna.b", ids: ["person:i-vereshchuk", "person:iryna-vereshchuk"] },
    { kind: "MERGED", actor: "sso|anna.b", ids: ["person:iryna-vereshchuk", "person:i-vereshchuk"] },
    { kind: "UPDATED", actor: "maria", ids: ["person:iryna-vereshchuk"] },
    { kind: "CREATED", actor: "api-token", ids: ["person:i-vereshchuk"] },
    { kind: "CREATED", actor: "api-token", ids: ["person:iryna-vereshchuk"] },
  ]);
  // Without a token the history is public, with no actor; no entry holds a token.
  const anonymous = await gql(server.url, HISTORY, { id: "person:iryna-vereshchuk" });
  expect(anonymous.json.data.history.nodes.map((n: { actor: unknown }) => n.actor)).toEqual([
    null,
    null,
    null,
    null,
    null,
  ]);
  const stored = await db.read<{ actor: string }>("MATCH (c:Change) RETURN DISTINCT c.actor AS actor ORDER BY actor");
  expect(stored.map((r) => r.actor)).toEqual(["api-token", "maria", "sso|anna.b"]);
});

it("refuses a role the token lacks with FORBIDDEN naming the role, and writes nothing", async () => {
  await gql(server.url, CREATE, { input: { id: "person:taras-k", name: "Taras Kachka" } }, TEST_TOKEN);
  const source = `mutation { createSource(input: { id: "source:briefing", title: "Briefing", publishedOn: "2025-06-02",
    text: "Kachka spoke." }) { id } }`;
  expect((await gql(server.url, source, {}, tokens.maria)).json).toEqual({
    data: { createSource: { id: "source:briefing" } },
  });

  const withdraw = `mutation { deleteSource(id: "source:briefing") { deleted } }`;
  const refused = await gql(server.url, withdraw, {}, tokens.maria);
  expect(refused.status).toBe(403);
  expect(refused.json.errors).toEqual([
    expect.objectContaining({
      message: 'deleteSource needs the admin role; the token of "maria" carries the role curator',
      extensions: { code: "FORBIDDEN", neededRole: "admin" },
    }),
  ]);
  const plain = await jwt("reader-7", { roles: ["reader"] });
  // A valid token without a role may edit, not delete, merge or import.
  expect((await gql(server.url, UPDATE, { id: "person:taras-k", input: { aliases: ["Kachka"] } }, plain)).status).toBe(
    200,
  );
  const deletion = await gql(server.url, `mutation { deletePerson(id: "person:taras-k") { deleted } }`, {}, plain);
  expect(deletion.json.errors[0].message).toBe(
    'deletePerson needs the curator role; the token of "reader-7" carries no role',
  );
  const ingest = `mutation {
    ingestArticle(input: { text: "x", publishedOn: "2025-06-02" }, dryRun: false) { dryRun }
  }`;
  expect((await gql(server.url, ingest, {}, plain)).json.errors[0].extensions.code).toBe("FORBIDDEN");
  expect(await db.read("MATCH (s:Source {id: 'source:briefing'}) RETURN s.id AS id")).toEqual([
    { id: "source:briefing" },
  ]);

  // An admin from the file may.
  expect((await gql(server.url, withdraw, {}, tokens.oleh)).json).toEqual({
    data: { deleteSource: { deleted: true } },
  });
});

it("answers no token, an expired or forged JWT and an unknown token with UNAUTHENTICATED and why", async () => {
  const create = (token?: string) => gql(server.url, CREATE, { input: { name: "Nobody Atall" } }, token);
  const none = await create();
  expect(none.status).toBe(401);
  expect(none.json.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  expect(none.json.errors[0].message).toBe(
    'Mutations need a token: send the header "Authorization: Bearer <token>" (the server\'s API_TOKEN, ' +
      "a curator's token from CURATORS_FILE, a JWT the server can verify)",
  );
  const expired = await new SignJWT({ roles: ["admin"] })
    .setProtectedHeader({ alg: "RS256" })
    .setSubject("late")
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(Math.floor(Date.UTC(2025, 5, 1) / 1000))
    .sign(keys.privateKey);
  expect((await create(expired)).json.errors[0].message).toBe(
    "Mutations need a token: the JWT expired at 2025-06-01T00:00:00.000Z",
  );
  const other = await generateKeyPair("RS256");
  const forged = await jwt("mallory", { roles: ["admin"] }, other.privateKey);
  expect((await create(forged)).json.errors[0].message).toBe(
    "Mutations need a token: the JWT's signature does not verify against the server's key",
  );
  const unknown = await create(`${tokens.maria.slice(0, -3)}abc`);
  expect(unknown.status).toBe(401);
  expect(unknown.text).not.toContain(tokens.maria.slice(17, -3));
  expect(await db.read("MATCH (p:Person {name: 'Nobody Atall'}) RETURN p.id AS id")).toEqual([]);
});

it("verifies JWTs against a key set served at JWT_JWKS_URL, choosing the key by kid", async () => {
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: "key-1", alg: "RS256", use: "sig" };
  let fetched = 0;
  const jwks = http.createServer((_req, res) => {
    fetched += 1;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
  const viaJwks = await startTestServer(db, {
    apiToken: undefined,
    jwt: jwtSettings({ JWT_JWKS_URL: url, JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE }, fail),
  });
  try {
    const signed = await jwt("editor@example.org", { roles: "curator" }, keys.privateKey, { kid: "key-1" });
    const created = await gql(viaJwks.url, CREATE, { input: { id: "person:via-jwks", name: "Via Jwks" } }, signed);
    expect(created.json).toEqual({ data: { createPerson: { id: "person:via-jwks" } } });
    const history = await gql(viaJwks.url, HISTORY, { id: "person:via-jwks" }, signed);
    expect(history.json.data.history.nodes).toEqual([
      { kind: "CREATED", actor: "editor@example.org", ids: ["person:via-jwks"] },
    ]);
    const otherKid = await jwt("editor@example.org", {}, keys.privateKey, { kid: "key-2" });
    expect((await gql(viaJwks.url, CREATE, { input: { name: "Other Kid" } }, otherKid)).json.errors[0].message).toBe(
      "Mutations need a token: no key of JWT_JWKS_URL's key set matches the JWT (kid, alg)",
    );
    expect(fetched).toBeGreaterThanOrEqual(1);
  } finally {
    await viaJwks.stop();
    await new Promise((resolve) => jwks.close(resolve));
  }
});
