// The shape suite's results: per shape this server against the hand-written Cypher behind HTTP (p50, req/s, Node and
// Neo4j CPU per request, db hits), tuning and held-out shapes apart, then Node CPU per request by phase, and a short
// summary of where the time goes. Markdown and JSON in bench/results/shapes-<size>.*.
import fs from "node:fs";
import path from "node:path";
import { header } from "../report";
import type { QuestionResult, Report } from "../run";
import { PHASES, type Phase, type PhaseProfile } from "./phases";
import type { Shape } from "./shape";

export interface ShapeReport extends Report {
  heldOut: string[];
  phases: PhaseProfile[];
  /** The profiler's own load: connections and seconds per shape. */
  phaseJob: { connections: number; durationS: number; warmupS: number };
}

export interface ShapeRatios {
  key: string;
  heldOut: boolean;
  /** p50 of this server over the hand-written Cypher behind HTTP (the target of issue 33: ≤ 1.25). */
  oursOverHttpP50?: number;
  /** Requests/s of the hand-written Cypher behind HTTP over this server's. */
  httpOverOursRps?: number;
  /** Node CPU per request, this server over the limit behind HTTP (target ≤ 1.5; ≤ 2 for a look-up). */
  nodeCpu?: number;
  neo4jCpu?: number;
  /** db hits of this server's Cypher over the hand-written one's (target ≤ 1.2). */
  dbHits?: number;
}

const over = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? a / b : undefined;

export function shapeRatios(q: QuestionResult, heldOut: boolean): ShapeRatios {
  const { ours, limitHttp } = q.runs;
  return {
    key: q.key,
    heldOut,
    oursOverHttpP50: over(ours?.p50Ms, limitHttp?.p50Ms),
    httpOverOursRps: over(limitHttp?.rps, ours?.rps),
    nodeCpu: over(ours?.cpuMsPerRequest.node, limitHttp?.cpuMsPerRequest.node),
    neo4jCpu: over(ours?.cpuMsPerRequest.neo4j, limitHttp?.cpuMsPerRequest.neo4j),
    dbHits: over(q.answers.ours?.profile?.dbHits, q.answers.limitHttp?.profile?.dbHits),
  };
}

const num = (v: number | undefined, digits = 2) => (v === undefined ? "–" : v.toFixed(digits));
const ms = (v: number | undefined) => (v === undefined ? "–" : v < 10 ? v.toFixed(2) : v.toFixed(1));
const times = (v: number | undefined) => (v === undefined ? "–" : `${v.toFixed(2)}×`);
const geomean = (values: (number | undefined)[]) => {
  const list = values.filter((v): v is number => v !== undefined && v > 0);
  return list.length ? Math.exp(list.reduce((s, v) => s + Math.log(v), 0) / list.length) : undefined;
};

function shapeTable(questions: QuestionResult[], heldOut: Set<string>): string[] {
  const lines = [
    "| shape | answers | p50 ms: hand-written behind HTTP · ours | ours/hand-written p50 | " +
      "req/s: hand-written · ours | Node CPU ms/req: hand-written · ours | " +
      "Neo4j CPU ms/req: hand-written · ours | db hits: hand-written · ours | queries/req | errors | other load |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const q of questions) {
    const { ours, limitHttp } = q.runs;
    const r = shapeRatios(q, heldOut.has(q.key));
    const hits = (name: "ours" | "limitHttp") => q.answers[name]?.profile?.dbHits;
    lines.push(
      `| ${q.key} | ${q.answersMatch ? "same" : "**differ**"} | ${ms(limitHttp?.p50Ms)} · ${ms(ours?.p50Ms)} | ` +
        `**${times(r.oursOverHttpP50)}** | ${num(limitHttp?.rps, 0)} · ${num(ours?.rps, 0)} | ` +
        `${num(limitHttp?.cpuMsPerRequest.node)} · ${num(ours?.cpuMsPerRequest.node)} (${times(r.nodeCpu)}) | ` +
        `${num(limitHttp?.cpuMsPerRequest.neo4j)} · ${num(ours?.cpuMsPerRequest.neo4j)} (${times(r.neo4jCpu)}) | ` +
        `${hits("limitHttp") ?? "–"} · ${hits("ours") ?? "–"} (${times(r.dbHits)}) | ` +
        `${num(ours?.queriesPerRequest)} | ${(ours?.errors ?? 0) + (limitHttp?.errors ?? 0)} | ` +
        `${num(ours?.otherLoadPercent, 0)}% |`,
    );
  }
  const all = questions.map((q) => shapeRatios(q, heldOut.has(q.key)));
  lines.push(
    `| **geometric mean** | | | **${times(geomean(all.map((r) => r.oursOverHttpP50)))}** | ` +
      `${times(geomean(all.map((r) => r.httpOverOursRps)))} fewer req/s | ` +
      `${times(geomean(all.map((r) => r.nodeCpu)))} | ` +
      `${times(geomean(all.map((r) => r.neo4jCpu)))} | ${times(geomean(all.map((r) => r.dbHits)))} | | | |`,
  );
  return lines;
}

/** The phases shown as columns: the rest are summed into "other". */
const SHOWN: Phase[] = [
  "HTTP (Node, Express, sockets)",
  "Apollo request pipeline and plugins",
  "this server's HTTP plugins",
  "parse/validate (document cache hit)",
  "execution (graphql-js)",
  "resolvers (src/graphql)",
  "data layer (src/graph: Cypher text, sessions)",
  "shaping (src/graph: Neo4j values to rows, pages)",
  "neo4j-driver (Bolt)",
  "JSON serialisation",
  "garbage collector",
];
const SHORT: Partial<Record<Phase, string>> = {
  "HTTP (Node, Express, sockets)": "HTTP",
  "Apollo request pipeline and plugins": "Apollo",
  "this server's HTTP plugins": "our plugins",
  "parse/validate (document cache hit)": "parse/validate",
  "execution (graphql-js)": "execution",
  "resolvers (src/graphql)": "resolvers",
  "data layer (src/graph: Cypher text, sessions)": "data layer",
  "shaping (src/graph: Neo4j values to rows, pages)": "shaping",
  "neo4j-driver (Bolt)": "driver",
  "JSON serialisation": "JSON",
  "garbage collector": "GC",
};

function phaseTable(phases: PhaseProfile[], heldOut: Set<string>): string[] {
  const lines = [
    `| shape | requests | Node CPU ms/req | ${SHOWN.map((p) => SHORT[p]).join(" | ")} | other |`,
    `|---|---:|---:|${SHOWN.map(() => "---:").join("|")}|---:|`,
  ];
  for (const p of phases) {
    const shown = SHOWN.map((phase) => p.byPhase[phase] ?? 0);
    const other = p.totalMs - shown.reduce((s, v) => s + v, 0);
    lines.push(
      `| ${p.key}${heldOut.has(p.key) ? " (held out)" : ""} | ${p.requests} | **${p.totalMs.toFixed(2)}** | ` +
        `${shown.map((v) => v.toFixed(2)).join(" | ")} | ${other.toFixed(2)} |`,
    );
  }
  return lines;
}

/** Which phases take the most of all shapes' Node CPU, and which shapes are furthest from the hand-written Cypher. */
function summary(report: ShapeReport): string[] {
  const heldOut = new Set(report.heldOut);
  const totals = new Map<Phase, number>();
  let all = 0;
  for (const p of report.phases) {
    for (const phase of PHASES) totals.set(phase, (totals.get(phase) ?? 0) + (p.byPhase[phase] ?? 0));
    all += p.totalMs;
  }
  const ranked = [...totals].sort((a, b) => b[1] - a[1]).filter(([, v]) => v > 0);
  const share = (v: number) => `${((v / all) * 100).toFixed(0)} %`;
  const ratios = report.questions.map((q) => shapeRatios(q, heldOut.has(q.key)));
  const furthest = [...ratios].sort((a, b) => (b.oursOverHttpP50 ?? 0) - (a.oursOverHttpP50 ?? 0)).slice(0, 6);
  const hits = [...ratios].sort((a, b) => (b.dbHits ?? 0) - (a.dbHits ?? 0)).slice(0, 6);
  const cpu = [...ratios].sort((a, b) => (b.nodeCpu ?? 0) - (a.nodeCpu ?? 0)).slice(0, 6);
  const name = (r: ShapeRatios) => `${r.key}${r.heldOut ? " (held out)" : ""}`;
  return [
    `- **Phases, summed over all ${report.phases.length} shapes** (each shape's Node CPU per request under the ` +
      `profiler): ${ranked.map(([phase, v]) => `${phase} ${share(v)}`).join(", ")}.`,
    `- **Furthest from the hand-written Cypher behind HTTP (p50)**: ` +
      `${furthest.map((r) => `${name(r)} ${times(r.oursOverHttpP50)}`).join(", ")}.`,
    `- **Most Node CPU over the hand-written Cypher behind HTTP**: ` +
      `${cpu.map((r) => `${name(r)} ${times(r.nodeCpu)}`).join(", ")}.`,
    `- **Most db hits over the hand-written Cypher**: ${hits.map((r) => `${name(r)} ${times(r.dbHits)}`).join(", ")}.`,
  ];
}

export function shapesMarkdown(report: ShapeReport, shapes: readonly Shape[]): string {
  const heldOut = new Set(report.heldOut);
  const tuning = report.questions.filter((q) => !heldOut.has(q.key));
  const held = report.questions.filter((q) => heldOut.has(q.key));
  const byKey = new Map(shapes.map((s) => [s.key, s]));
  const j = report.phaseJob;
  return [
    `# Question shapes at ${report.statements} statements`,
    "",
    ...header(report),
    `- **Shapes**: ${report.questions.length} (bench/shapes/), ${held.length} of them held out: measured and ` +
      "reported apart, never tuned on. Each is this server's GraphQL operation against the hand-written Cypher " +
      "that answers it best, behind the bare node:http server (the limit behind HTTP); the two answers were " +
      "compared field for field before measuring (answers).",
    `- **Phases**: a separate run of the compiled server (WORKERS=1) under node --cpu-prof, ${j.connections} ` +
      `connections, ${j.durationS} s per shape after ${j.warmupS} s of warm-up; each sample charged to the ` +
      "innermost frame that names its phase (bench/shapes/phases.ts). The profiler adds to every phase; compare " +
      "shares, and the totals with the Node CPU column of the load run.",
    "",
    "Ratios are this server over the hand-written Cypher behind HTTP (issue 33's targets: p50 ≤ 1.25×, Node CPU " +
      "≤ 1.5×, db hits ≤ 1.2×). Node and Neo4j CPU per request from /proc over the measured run; db hits from " +
      "PROFILE of one request's Cypher; other load is what other processes on the shared machine took meanwhile " +
      "(each measurement was made once).",
    "",
    "## Where the time goes",
    "",
    ...summary(report),
    "",
    "## Tuning shapes",
    "",
    ...shapeTable(tuning, heldOut),
    "",
    "## Held-out shapes (measured, never tuned on)",
    "",
    ...shapeTable(held, heldOut),
    "",
    "## Node CPU per request by phase (ms)",
    "",
    ...phaseTable(report.phases, heldOut),
    "",
    "## The shapes",
    "",
    ...report.questions.map((q) => {
      const s = byKey.get(q.key);
      return `- **${q.key}**${s?.heldOut ? " (held out)" : ""}: ${q.title}. ${q.note}`;
    }),
    "",
  ].join("\n");
}

export function writeShapes(
  report: ShapeReport,
  shapes: readonly Shape[],
  dir: string,
): { markdown: string; json: string } {
  fs.mkdirSync(dir, { recursive: true });
  const markdown = path.join(dir, `shapes-${report.statements}.md`);
  const json = path.join(dir, `shapes-${report.statements}.json`);
  const heldOut = new Set(report.heldOut);
  fs.writeFileSync(markdown, shapesMarkdown(report, shapes));
  const ratios = report.questions.map((q) => shapeRatios(q, heldOut.has(q.key)));
  fs.writeFileSync(json, `${JSON.stringify({ ...report, ratios }, null, 2)}\n`);
  return { markdown, json };
}
