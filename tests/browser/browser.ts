// For the browser tests: the real HTTP server over the seeded test database, the built pages, and Debian's headless
// Chromium driven by playwright-core (no browser download: `npx playwright install` cannot work offline).
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { projectRoot } from "../../src/config";
import type { Database } from "../../src/graph/runtime/database";
import { startHttpServer, type HttpOptions, type HttpServer } from "../../src/http/server";
import { buildWeb } from "../../web/build";
import { emptyGraph } from "../support/database";
import { loadIstanbulSeed } from "../support/seed";

export const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = path.join(projectRoot, "test-artifacts");

/** Builds the pages if their sources changed (as `npm test` does first), seeds the graph and starts the server. */
export async function startSeededServer(db: Database, options: Partial<HttpOptions> = {}): Promise<HttpServer> {
  await buildWeb();
  await emptyGraph(db);
  await loadIstanbulSeed(db);
  return startHttpServer({ db, port: 0, host: "127.0.0.1", readiness: { check: async () => [] }, ...options });
}

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium); .ci/run does it`);
  }
  // launch() gives every browser a fresh, temporary user-data-dir.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Every URL the page asks for, and every console error it logs, from now on. */
export function record(page: Page): { requests: string[]; errors: string[] } {
  const seen = { requests: [] as string[], errors: [] as string[] };
  page.on("request", (request) => seen.requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") seen.errors.push(message.text());
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  return seen;
}

/**
 * Saves test-artifacts/<name>.png (the whole page with fullPage, else the screen). With DOCS_SCREENSHOTS=1, a picture
 * marked for the guides also refreshes docs/<name>.png.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { docs?: boolean; fullPage?: boolean } = {},
): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  if (options.docs && process.env.DOCS_SCREENSHOTS === "1")
    fs.copyFileSync(file, path.join(projectRoot, "docs", `${name}.png`));
  return file;
}

export interface BrowserSuite {
  readonly server: HttpServer;
  /** The server's origin, e.g. http://127.0.0.1:41234: every request of a page must stay on it. */
  readonly origin: string;
  /** A fresh browser context for each test. */
  readonly context: BrowserContext;
}

/**
 * A browser test file's fixtures: the seeded server and Chromium for the whole file, a fresh context per test, all
 * closed after (registers jest's hooks; the database is closed too).
 */
export function browserSuite(
  db: Database,
  options: { server?: Partial<HttpOptions>; viewport?: { width: number; height: number } } = {},
): BrowserSuite {
  let server: HttpServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  beforeAll(async () => {
    server = await startSeededServer(db, options.server);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db.close();
  });
  beforeEach(async () => {
    context = await browser!.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  });
  afterEach(async () => {
    await context?.close();
  });
  return {
    get server() {
      return server!;
    },
    get origin() {
      return new URL(server!.url).origin;
    },
    get context() {
      return context!;
    },
  };
}
