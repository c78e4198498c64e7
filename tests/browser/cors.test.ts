// A browser app on another origin, in headless Chromium: a page served by a second local HTTP server calls /graphql
// the way Apollo Client does (client-awareness headers, a request id) and reads the echoed x-request-id; CORS_ORIGINS
// decides which origins may, and no credentials cross.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase } from "../support/database";
import { launchChromium, record, startSeededServer } from "./browser";

/**
 * The whole app: on load it POSTs a query to the API named in its URL's hash and publishes what it got (or the error
 * the browser gave it) as `window.answer`. `#…&credentials=include` sends it with credentials.
 */
const APP_PAGE = `<!doctype html>
<html><head><title>another app</title></head><body>
<script>
  const params = new URLSearchParams(location.hash.slice(1));
  window.answer = fetch(params.get("api"), {
    method: "POST",
    credentials: params.get("credentials") || "same-origin",
    headers: {
      "content-type": "application/json",
      "x-request-id": "app-request-1",
      "apollographql-client-name": "another-app",
      "apollographql-client-version": "1.0.0",
      "apollo-require-preflight": "true",
    },
    body: JSON.stringify({ query: '{ person(id: "person:volodymyr-zelenskyy") { name } }' }),
  }).then(
    async (response) => ({ status: response.status, requestId: response.headers.get("x-request-id"),
                           body: await response.json() }),
    (error) => ({ error: String(error) }),
  );
</script>
</body></html>`;

const db = connectTestDatabase();
let pages: http.Server;
let api: HttpServer;
let browser: Browser;
/** The app's origin, listed in CORS_ORIGINS, and the same page under another host name, which is not. */
let listed: string;
let unlisted: string;

beforeAll(async () => {
  pages = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(APP_PAGE));
  await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
  const port = (pages.address() as AddressInfo).port;
  listed = `http://127.0.0.1:${port}`;
  unlisted = `http://localhost:${port}`;
  // The API is at http://localhost:<its port>: another origin than either page.
  api = await startSeededServer(db, { corsOrigins: [listed] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await new Promise((resolve) => pages?.close(resolve));
  await db.close();
});

interface Answer {
  status?: number;
  requestId?: string | null;
  body?: unknown;
  error?: string;
}

async function openApp(origin: string, hash = ""): Promise<{ answer: Answer; errors: string[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const seen = record(page);
    await page.goto(`${origin}/#api=${encodeURIComponent(api.url)}${hash}`);
    const answer = (await page.evaluate("window.answer")) as Answer;
    return { answer, errors: seen.errors };
  } finally {
    await context.close();
  }
}

describe("a browser app on another origin", () => {
  it("queries the API with Apollo's client headers and a request id, and reads the echoed x-request-id", async () => {
    expect(new URL(api.url).origin).not.toBe(listed);
    const { answer, errors } = await openApp(listed);
    expect(answer).toEqual({
      status: 200,
      requestId: "app-request-1",
      body: { data: { person: { name: "Volodymyr Zelenskyy" } } },
    });
    expect(errors).toEqual([]);
  });

  it("is blocked by the browser when its origin is not in CORS_ORIGINS", async () => {
    const { answer, errors } = await openApp(unlisted);
    expect(answer).toEqual({ error: "TypeError: Failed to fetch" });
    expect(errors.join("\n")).toContain("blocked by CORS policy");
  });

  it("cannot send credentials (cookies) even from a listed origin: the API does not allow them", async () => {
    const { answer, errors } = await openApp(listed, "&credentials=include");
    expect(answer).toEqual({ error: "TypeError: Failed to fetch" });
    expect(errors.join("\n")).toContain("Access-Control-Allow-Credentials");
  });
});
