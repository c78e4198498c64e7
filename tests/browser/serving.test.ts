// What the server sends browsers, without a browser: the pages and their assets, IDE_ENABLED, CORS_ORIGINS, and
// Apollo's CSRF prevention. How the variables are read is in tests/unit/config.test.ts.
import { startHttpServer, type HttpServer } from "../../src/http/server";
import { connectTestDatabase } from "../support/database";
import { startSeededServer } from "./browser";

const db = connectTestDatabase();
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
const APP = "http://app.example.test";
let server: HttpServer;
let withoutIde: HttpServer;
let withCors: HttpServer;

beforeAll(async () => {
  server = await startSeededServer(db);
  const options = { db, port: 0, host: "127.0.0.1", readiness: { check: async () => [] } };
  withoutIde = await startHttpServer({ ...options, ideEnabled: false });
  withCors = await startHttpServer({ ...options, corsOrigins: [APP] });
});
afterAll(async () => {
  await Promise.all([server, withoutIde, withCors].map((s) => s?.stop()));
  await db.close();
});

const base = (s: HttpServer) => s.url.replace(/\/graphql$/, "");
const scriptOf = (html: string) => /<script src="([^"]+)"/.exec(html)?.[1];

describe("the pages", () => {
  it("serves the IDE at /graphql when a browser asks for HTML, with its assets from this server only", async () => {
    const response = await fetch(server.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    const html = await response.text();
    expect(html).toContain('<div id="graphiql">');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);

    const script = scriptOf(html);
    expect(script).toMatch(/^\/assets\/ide\/ide-[A-Z0-9]+\.js$/);
    const asset = await fetch(`${base(server)}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
    expect(asset.headers.get("cache-control")).toContain("immutable");
  });

  it("still answers GraphQL clients at /graphql", async () => {
    const response = await fetch(
      `${server.url}?query=${encodeURIComponent('{ person(id: "person:volodymyr-zelenskyy") { name } }')}`,
      {
        headers: { accept: "application/json", "apollo-require-preflight": "true" },
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { person: { name: "Volodymyr Zelenskyy" } } });
  });

  it("serves the explorer at /explore, and sends / there", async () => {
    const response = await fetch(`${base(server)}/explore`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<div id="graph">');
    expect(scriptOf(html)).toMatch(/^\/assets\/explorer\/explorer-[A-Z0-9]+\.js$/);
    const root = await fetch(`${base(server)}/`, { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/explore");
  });

  it("serves the explorer's article page at /explore/add-article, with its assets from this server only", async () => {
    const response = await fetch(`${base(server)}/explore/add-article`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const html = await response.text();
    expect(html).toContain('<form id="article-form"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    const script = scriptOf(html);
    expect(script).toMatch(/^\/assets\/article\/article-[A-Z0-9]+\.js$/);
    const asset = await fetch(`${base(server)}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    // The explorer links to it.
    expect(await (await fetch(`${base(server)}/explore`)).text()).toContain('<a href="/explore/add-article">');
  });

  it("serves no IDE with IDE_ENABLED=false: Apollo answers the browser's GET, the IDE assets are gone", async () => {
    const response = await fetch(withoutIde.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain("graphiql");
    const html = await (await fetch(server.url, { headers: { accept: BROWSER_ACCEPT } })).text();
    expect((await fetch(`${base(withoutIde)}${scriptOf(html)}`)).status).toBe(404);
    expect((await fetch(`${base(withoutIde)}/explore`)).status).toBe(200);
  });
});

describe("CSRF prevention: GET queries as clients send them, never a form-like POST or a GET mutation", () => {
  const query = encodeURIComponent("{ __typename }");

  it("answers a GET query with no content type and no extra header, as urql sends it by default", async () => {
    const q = encodeURIComponent('{ person(id: "person:volodymyr-zelenskyy") { name } }');
    const response = await fetch(`${server.url}?query=${q}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { person: { name: "Volodymyr Zelenskyy" } } });
  });

  it("refuses a mutation over GET, whatever headers it sends", async () => {
    const mutation = encodeURIComponent('mutation { deleteSource(id: "source:2025-06-02-istanbul-talks") { id } }');
    const response = await fetch(`${server.url}?query=${mutation}`, {
      headers: { "apollo-require-preflight": "true", authorization: "Bearer x" },
    });
    expect(response.status).toBe(405);
    const [row] = await db.read<{ n: number }>("MATCH (s:Source) RETURN count(s) AS n");
    expect(row!.n).toBe(1);
  });

  it("refuses a POST whose content-type a form could send", async () => {
    const response = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Cross-Site Request Forgery");
  });

  it("answers the same GET with a header that forces a preflight", async () => {
    const response = await fetch(`${server.url}?query=${query}`, { headers: { "apollo-require-preflight": "true" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("CORS", () => {
  const post = (s: HttpServer, origin: string) =>
    fetch(s.url, {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
  const preflight = (s: HttpServer, origin: string) =>
    fetch(s.url, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization",
      },
    });

  it("allows no other origin by default: same-origin only", async () => {
    expect((await post(server, APP)).headers.get("access-control-allow-origin")).toBeNull();
    expect((await preflight(server, APP)).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("allows the origins in CORS_ORIGINS, with the Authorization header, and no others", async () => {
    const allowed = await preflight(withCors, APP);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP);
    expect(allowed.headers.get("access-control-allow-headers")).toContain("authorization");
    expect((await post(withCors, APP)).headers.get("access-control-allow-origin")).toBe(APP);
    expect((await post(withCors, "http://evil.example.test")).headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a preflight from an origin not in CORS_ORIGINS with 403, saying which setting allows it", async () => {
    const evil = "http://evil.example.test";
    const allowedNow: [HttpServer, string][] = [
      [server, "none is listed, so only same-origin pages may call it"],
      [withCors, APP],
    ];
    for (const [s, listed] of allowedNow) {
      const refused = await preflight(s, evil);
      expect(refused.status).toBe(403);
      expect(refused.headers.get("access-control-allow-origin")).toBeNull();
      expect(refused.headers.get("x-cors-refused")).toBe(`origin not in CORS_ORIGINS: ${evil}`);
      expect(await refused.json()).toEqual({
        errors: [
          {
            message:
              `Origin ${evil} is not allowed to call /graphql: add it to CORS_ORIGINS (comma-separated origins) ` +
              `to allow it. Allowed now: ${listed}.`,
            extensions: { code: "CORS_ORIGIN_NOT_ALLOWED", origin: evil },
          },
        ],
      });
    }
    // A listed origin's preflight is still answered, and an OPTIONS that is no preflight is not refused as one.
    expect((await preflight(withCors, APP)).status).toBe(204);
    expect((await fetch(withCors.url, { method: "OPTIONS" })).status).not.toBe(403);
  });
});
