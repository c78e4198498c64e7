// Builds the browser apps — the GraphQL IDE, the graph explorer and its article page — into web/dist/ with esbuild:
// one script and one stylesheet per app, named by content hash (so the server may cache them for good), and an HTML
// page pointing at them.
// Run by `npm run build:web`, and before `npm start` and `npm test`; it does nothing when its inputs have not changed.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

export const WEB_DIR = __dirname;
export const DIST_DIR = path.join(WEB_DIR, "dist");

export type AppName = "ide" | "explorer" | "article";

interface App {
  name: AppName;
  /** Entry module, relative to web/. */
  entry: string;
  /** HTML template with <!-- styles --> and <!-- scripts --> markers, relative to web/. */
  page: string;
}

const APPS: App[] = [
  { name: "ide", entry: "ide/main.tsx", page: "ide/index.html" },
  { name: "explorer", entry: "explorer/main.ts", page: "explorer/index.html" },
  { name: "article", entry: "article/main.ts", page: "article/index.html" },
];

/** The page of an app: web/dist/<app>.html. Its assets are in web/dist/assets/<app>/. */
export function pagePath(app: AppName, distDir = DIST_DIR): string {
  return path.join(distDir, `${app}.html`);
}

export function assetsDir(app: AppName, distDir = DIST_DIR): string {
  return path.join(distDir, "assets", app);
}

const STAMP = "build.json";

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** A hash of everything a build depends on: the web sources, this script and the exact package versions. */
function inputsHash(): string {
  const hash = crypto.createHash("sha256");
  const inputs = [
    ...["ide", "explorer", "article", "shared", "generated"].flatMap((dir) => filesUnder(path.join(WEB_DIR, dir))),
    path.join(WEB_DIR, "build.ts"),
    path.join(WEB_DIR, "tsconfig.json"),
    path.join(WEB_DIR, "..", "package-lock.json"),
  ];
  for (const file of inputs) {
    if (!fs.existsSync(file)) continue;
    hash.update(path.relative(WEB_DIR, file)).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

function isUpToDate(hash: string): boolean {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(DIST_DIR, STAMP), "utf8")) as { inputs?: string };
    return stamp.inputs === hash && APPS.every((app) => fs.existsSync(pagePath(app.name)));
  } catch {
    return false;
  }
}

async function buildApp(app: App): Promise<void> {
  const outdir = assetsDir(app.name);
  const result = await esbuild.build({
    entryPoints: { [app.name]: path.join(WEB_DIR, app.entry) },
    outdir,
    entryNames: "[name]-[hash]",
    bundle: true,
    format: "iife",
    platform: "browser",
    target: ["es2020", "chrome100", "firefox100", "safari15"],
    jsx: "automatic",
    minify: true,
    sourcemap: "linked",
    legalComments: "linked",
    define: { "process.env.NODE_ENV": '"production"' },
    tsconfig: path.join(WEB_DIR, "tsconfig.json"),
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.basename(file));
  const script = outputs.find((file) => file.endsWith(".js"));
  const style = outputs.find((file) => file.endsWith(".css"));
  if (!script) throw new Error(`web/build.ts: esbuild wrote no script for ${app.name}`);
  const base = `/assets/${app.name}/`;
  const template = fs.readFileSync(path.join(WEB_DIR, app.page), "utf8");
  const page = template
    .replace("<!-- styles -->", style ? `<link rel="stylesheet" href="${base}${style}" />` : "")
    .replace("<!-- scripts -->", `<script src="${base}${script}"></script>`);
  fs.writeFileSync(pagePath(app.name), page);
}

export interface BuildResult {
  built: boolean;
  ms: number;
}

/** Builds web/dist/ unless it already matches its inputs (force: always). */
export async function buildWeb(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<BuildResult> {
  const started = Date.now();
  const hash = inputsHash();
  if (!options.force && isUpToDate(hash)) return { built: false, ms: Date.now() - started };
  fs.rmSync(DIST_DIR, { recursive: true, force: true });
  fs.mkdirSync(DIST_DIR, { recursive: true });
  await Promise.all(APPS.map(buildApp));
  fs.writeFileSync(
    path.join(DIST_DIR, STAMP),
    `${JSON.stringify({ inputs: hash, builtAt: new Date().toISOString() }, null, 2)}\n`,
  );
  const ms = Date.now() - started;
  options.log?.(
    `Built the GraphQL IDE, the graph explorer and the article page into ` +
      `${path.relative(process.cwd(), DIST_DIR) || DIST_DIR} in ${ms} ms`,
  );
  return { built: true, ms };
}

if (require.main === module) {
  buildWeb({ force: process.argv.includes("--force"), log: (line) => console.log(line) }).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
