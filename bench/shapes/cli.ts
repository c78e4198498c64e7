// npm run bench:shapes -- [--statements 10000] [--duration 3] [--warmup 1] [--connections 8] [--profile-duration 3]
//   [--shapes personPage,searchSnippets] [--out DIR] [--keep-profile DIR]
// The question-shape suite (bench/shapes/): this server's compiled build against each shape's hand-written Cypher
// behind HTTP, on the benchmark's synthetic data with conversations (its own dataset and Neo4j under
// bench/.data/shapes/), then a CPU profile of the server by phase for every shape. Results in
// bench/results/shapes-<size>.md and .json, held-out shapes reported apart. Not part of CI.
import path from "node:path";
import { parseArgs } from "node:util";
import { DATA_DIR, RESULTS_DIR } from "../paths";
import { runBenchmark } from "../run";
import { buildShapes, type Shape } from ".";
import { chooseShapeFixtures } from "./fixtures";
import { profilePhases, type PhaseProfile } from "./phases";
import { writeShapes, type ShapeReport } from "./report";

function number(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name}=${raw} must be a number ≥ ${min}`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      statements: { type: "string" },
      duration: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      "profile-duration": { type: "string" },
      shapes: { type: "string" },
      out: { type: "string" },
      "keep-profile": { type: "string" },
    },
  });
  const statements = number("statements", values.statements, 10_000, 1);
  const durationS = number("duration", values.duration, 3, 0.5);
  const warmupS = number("warmup", values.warmup, 1, 0);
  const connections = number("connections", values.connections, 8, 1);
  const phaseJob = { connections, durationS: number("profile-duration", values["profile-duration"], 3, 0.5), warmupS };
  const only = values.shapes?.split(",").map((k) => k.trim());
  const log = (line: string) => console.error(line);
  let shapes: Shape[] = [];
  let phases: PhaseProfile[] = [];
  const report = await runBenchmark({
    statements,
    durationS,
    connections,
    warmupS,
    contenders: ["limitHttp", "ours"],
    only,
    neo4j: { heapMb: 2048, pageCacheMb: 1024, txMemoryMb: 2048 },
    compiled: { workers: 1 },
    dataRoot: path.join(DATA_DIR, "shapes"),
    responses: true,
    profile: true,
    // A busy shared machine would repeat most measurements; each is made once and its other load reported.
    attempts: 1,
    log,
    choose: async (db) => {
      const fixtures = await chooseShapeFixtures(db);
      shapes = buildShapes(fixtures);
      if (only) {
        const unknown = only.filter((k) => !shapes.some((s) => s.key === k));
        if (unknown.length) throw new Error(`--shapes: unknown ${unknown.join(", ")}`);
      }
      return { fixtures, questions: shapes };
    },
    afterMeasuring: async (connection, questions) => {
      log("Profiling this server's Node CPU by phase, shape after shape…");
      phases = await profilePhases(connection, questions, { ...phaseJob, log, keepProfile: values["keep-profile"] });
    },
  });
  const asked = new Set(report.questions.map((q) => q.key));
  const full: ShapeReport = {
    ...report,
    heldOut: shapes.filter((s) => s.heldOut && asked.has(s.key)).map((s) => s.key),
    phases,
    phaseJob,
  };
  const written = writeShapes(full, shapes, path.resolve(values.out ?? RESULTS_DIR));
  console.error(
    `Wrote ${path.relative(process.cwd(), written.markdown)} and ${path.relative(process.cwd(), written.json)}.`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? `Shape benchmark failed: ${e.message}` : e);
    process.exit(1);
  },
);
