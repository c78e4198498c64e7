// The browser pages and their assets, built by web/build.ts into web/dist/: the GraphQL IDE at /graphql (for a GET
// that asks for HTML; everything else there is GraphQL), the graph explorer at /explore and its article page at
// /explore/add-article. Everything a page loads comes from this server, and the Content-Security-Policy tells the
// browser to load nothing from anywhere else.
import fs from "node:fs/promises";
import path from "node:path";
import express, { Router, type NextFunction, type Request, type Response } from "express";
import { projectRoot } from "../config";

export const WEB_DIST = path.join(projectRoot, "web", "dist");

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // GraphiQL and CodeMirror set style attributes; fonts and icons are inlined as data: URLs.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The apps of web/build.ts (its AppName), with what a missing build calls them. */
const APPS = { ide: "GraphQL IDE", explorer: "graph explorer", article: "article page" } as const;
type App = keyof typeof APPS;

export interface BrowserOptions {
  /** Serve the GraphQL IDE (IDE_ENABLED). */
  ideEnabled: boolean;
  /** Where web/build.ts wrote the pages; web/dist/ by default. */
  distDir?: string;
}

/** A GET that a browser sends when it navigates (Accept: text/html first), not a GraphQL client's GET. */
function wantsHtml(req: Request): boolean {
  return (
    req.method === "GET" &&
    req.accepts(["application/json", "application/graphql-response+json", "text/html"]) === "text/html"
  );
}

function page(distDir: string, app: App) {
  const file = path.join(distDir, `${app}.html`);
  return async (_req: Request, res: Response) => {
    let html: string;
    try {
      html = await fs.readFile(file, "utf8");
    } catch {
      res
        .status(503)
        .type("text/plain")
        .send(`The ${APPS[app]} is not built: run npm run build:web (npm start and npm test run it).\n`);
      return;
    }
    res.set({
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    res.type("html").send(html);
  };
}

function assets(distDir: string, app: App) {
  // File names carry a hash of their content (web/build.ts), so a browser may keep them for good.
  return express.static(path.join(distDir, "assets", app), { immutable: true, maxAge: "365d", index: false });
}

/** Mount before the GraphQL middleware: it answers browser navigations to /graphql and passes everything else on. */
export function browserRouter(options: BrowserOptions): Router {
  const distDir = options.distDir ?? WEB_DIST;
  const router = Router();
  if (options.ideEnabled) {
    const ide = page(distDir, "ide");
    // use(), not get(): a GET route would make the router answer OPTIONS /graphql itself ("Allow: GET, HEAD"),
    // and CORS preflights must reach the GraphQL middleware.
    router.use("/graphql", (req: Request, res: Response, next: NextFunction) =>
      req.path === "/" && wantsHtml(req) ? ide(req, res) : next(),
    );
    router.use("/assets/ide", assets(distDir, "ide"));
  }
  router.get("/explore", page(distDir, "explorer"));
  router.use("/assets/explorer", assets(distDir, "explorer"));
  router.get("/explore/add-article", page(distDir, "article"));
  router.use("/assets/article", assets(distDir, "article"));
  router.get("/", (_req, res) => res.redirect("/explore"));
  return router;
}
