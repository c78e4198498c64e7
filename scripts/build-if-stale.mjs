// Builds what `npm start` runs: the server compiled to plain JavaScript in dist/, and the browser pages in web/dist/.
// Each is rebuilt only when an input changed since its last build, so a start with nothing changed costs a few stat
// calls. Plain Node, no dependencies: npm's prestart runs it, `npm run build` runs it with --force.
//
//   node scripts/build-if-stale.mjs [--force]
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIST = path.join(root, "dist");
const STAMP = path.join(DIST, "build-inputs.json");
const force = process.argv.includes("--force");

// What the compiled server depends on. schema/*.graphql is not among them: the server reads it at run time from the
// repository (src/graphql/schema.ts), and the types generated from it live in src/generated/.
const SERVER_INPUTS = [
  "src",
  "tsconfig.json",
  "tsconfig.build.json",
  "package-lock.json",
  "scripts/build-if-stale.mjs",
];
// What web/build.ts hashes; it skips an unchanged build itself, but only after tsx has started (a second or two).
const WEB_INPUTS = [
  "web/ide",
  "web/explorer",
  "web/generated",
  "web/build.ts",
  "web/tsconfig.json",
  "package-lock.json",
];

/** Path, size and modification time of every file under the inputs: cheap, and a deleted or renamed file shows. */
function fingerprint(inputs) {
  const hash = crypto.createHash("sha256");
  const visit = (relative) => {
    let stat;
    try {
      stat = fs.statSync(path.join(root, relative));
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(path.join(root, relative)).sort()) visit(path.join(relative, name));
    } else {
      hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  };
  inputs.forEach(visit);
  return hash.digest("hex");
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(STAMP, "utf8"));
  } catch {
    return {};
  }
}

/**
 * Runs a build step as a child, passing SIGTERM and SIGINT on: npm signals this process (prestart is `exec`ed), and a
 * stop during a build must not leave tsc running. Resolves with the exit code (128 + n for a signal).
 */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit" });
    let signalled;
    const forward = (signal) => {
      signalled = signal;
      child.kill(signal);
    };
    process.on("SIGTERM", forward);
    process.on("SIGINT", forward);
    child.once("error", (e) => {
      process.stderr.write(`Cannot run ${command}: ${e.message}\n`);
      resolve(1);
    });
    child.once("exit", (code, signal) => {
      process.off("SIGTERM", forward);
      process.off("SIGINT", forward);
      const byName = signal ?? signalled;
      resolve(byName ? 128 + os.constants.signals[byName] : (code ?? 1));
    });
  });
}

/** A rename, or a copy when node_modules is on another file system (a container volume). */
function move(from, to) {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if (e.code !== "EXDEV") throw e;
    fs.cpSync(from, to, { recursive: true });
    fs.rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Compiles into a fresh folder and swaps it in only when tsc succeeded: a failed build leaves no half-written dist/,
 * and files of deleted sources do not linger. The folders sit in node_modules/.cache, away from linters and git.
 */
async function buildServer(inputs) {
  const work = path.join(root, "node_modules", ".cache", "build-if-stale");
  const next = path.join(work, `dist-${process.pid}`);
  // Beside dist/ (same file system, so the rename cannot fail), and there only for the moment of the swap.
  const old = `${DIST}.old-${process.pid}`;
  fs.mkdirSync(work, { recursive: true });
  fs.rmSync(next, { recursive: true, force: true });
  const started = Date.now();
  process.stdout.write("Compiling the server into dist/ …\n");
  const tsc = path.join(root, "node_modules", ".bin", "tsc");
  const code = await run(tsc, ["-p", "tsconfig.build.json", "--outDir", next]);
  if (code !== 0) {
    fs.rmSync(next, { recursive: true, force: true });
    if (code < 128) {
      process.stderr.write(
        "The server did not compile (errors above); dist/ is unchanged. `npm run dev` runs the sources.\n",
      );
    }
    return code;
  }
  fs.writeFileSync(path.join(next, "build-inputs.json"), `${JSON.stringify({ server: inputs })}\n`);
  if (fs.existsSync(DIST)) fs.renameSync(DIST, old);
  move(next, DIST);
  fs.rmSync(old, { recursive: true, force: true });
  process.stdout.write(`Compiled the server into dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

async function main() {
  let stamp = readStamp();
  const server = fingerprint(SERVER_INPUTS);
  if (force || stamp.server !== server || !fs.existsSync(path.join(DIST, "main.js"))) {
    const code = await buildServer(server);
    if (code !== 0) return code;
    stamp = readStamp();
  }
  const web = fingerprint(WEB_INPUTS);
  if (force || stamp.web !== web || !fs.existsSync(path.join(root, "web", "dist", "build.json"))) {
    const code = await run(path.join(root, "node_modules", ".bin", "tsx"), ["web/build.ts"]);
    if (code !== 0) return code;
    fs.writeFileSync(STAMP, `${JSON.stringify({ ...stamp, web })}\n`);
  }
  return 0;
}

process.exitCode = await main();
