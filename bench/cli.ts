// npm run bench -- --statements 100000 [--duration 10] [--connections 8] [--warmup 2]: this server against the limit
// (raw driver) and the peer (@neo4j/graphql), results in bench/results/<size>.md and .json.
// npm run bench -- --scale 10000,100000,1000000: this server and the limit at each size, in bench/results/scale-….md;
// a database the run fills itself is filled by the bulk import from 100k statements on, by the loader below
// (--load bulk|loader: always that one). Databases filled by earlier runs are reused either way.
// This server is measured as npm start runs it: the compiled build, node dist/main.js (built first when stale), with
// WORKERS from the environment (default 1); --in-process measures the instrumented copy that checks the answers.
// --questions facets,search: only those questions (their keys in bench/questions.ts); the files' names end in them.
// --note TEXT (repeatable): a line the scale report shows under its title (what was not rerun, what changed).
import path from "node:path";
import { parseArgs } from "node:util";
import type { LoadMethod } from "./graph";
import { DATA_DIR, RESULTS_DIR } from "./paths";
import { toMarkdown, writeReport } from "./report";
import { runBenchmark, type BenchOptions } from "./run";
import { runScale, scaleMarkdown, writeScale } from "./scale";
import { CONTENDERS, QUESTION_KEYS } from "./questions";

function number(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name}=${raw} must be a number ≥ ${min}`);
  return value;
}

/** The keys of the questions to ask, checked against the list. */
function questionKeys(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const known = QUESTION_KEYS;
  const keys = raw.split(",").map((k) => k.trim());
  const unknown = keys.filter((k) => !known.includes(k));
  if (!keys.length || unknown.length)
    throw new Error(`--questions=${raw}: unknown ${unknown.join(", ")}; the questions are ${known.join(", ")}`);
  return keys;
}

function loadMethod(raw: string | undefined): LoadMethod | undefined {
  if (raw === undefined || raw === "bulk" || raw === "loader") return raw;
  throw new Error(`--load=${raw} must be bulk or loader`);
}

function sizes(raw: string): number[] {
  const list = raw.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (!list.length || list.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--scale=${raw} must list whole numbers, e.g. 10000,100000`);
  return list;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      statements: { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      warmup: { type: "string" },
      scale: { type: "string" },
      questions: { type: "string" },
      "heap-mb": { type: "string" },
      "pagecache-mb": { type: "string" },
      "no-profile": { type: "boolean" },
      load: { type: "string" },
      "in-process": { type: "boolean" },
      out: { type: "string" },
      note: { type: "string", multiple: true },
    },
  });
  const durationS = number("duration", values.duration, 10, 0.5);
  const only = questionKeys(values.questions);
  const suffix = only ? `-${only.join("-")}` : "";
  const options: Omit<BenchOptions, "statements" | "contenders"> = {
    only,
    durationS,
    connections: number("connections", values.connections, 8, 1),
    warmupS: number("warmup", values.warmup, Math.min(2, durationS / 4), 0),
    neo4j: {
      heapMb: number("heap-mb", values["heap-mb"], 2048, 256),
      pageCacheMb: number("pagecache-mb", values["pagecache-mb"], 2048, 64),
      txMemoryMb: 2048,
    },
    loadMethod: loadMethod(values.load),
    // As npm start runs it, with WORKERS from the environment (1 when unset, the embedded default).
    compiled: values["in-process"] ? undefined : { workers: number("WORKERS", process.env.WORKERS, 1, 1) },
    dataRoot: DATA_DIR,
    profile: !values["no-profile"],
    log: (line) => console.error(line),
  };
  const out = path.resolve(values.out ?? RESULTS_DIR);
  if (values.scale) {
    const scale = await runScale(sizes(values.scale), options, values.note ?? []);
    console.log(scaleMarkdown(scale));
    const written = writeScale(scale, out, suffix);
    console.error(
      `Wrote ${path.relative(process.cwd(), written.markdown)} and ${path.relative(process.cwd(), written.json)}.`,
    );
    return;
  }
  const statements = number("statements", values.statements, 100_000, 1);
  if (!Number.isInteger(statements)) throw new Error("--statements must be a whole number");
  const report = await runBenchmark({ ...options, statements, contenders: CONTENDERS });
  console.log(toMarkdown(report));
  const written = writeReport(report, out, `${statements}${suffix}`);
  console.error(
    `Wrote ${path.relative(process.cwd(), written.markdown)} and ${path.relative(process.cwd(), written.json)}.`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? `Benchmark failed: ${e.message}` : e);
    process.exit(1);
  },
);
