// The results of a run as a Markdown table (printed and written to bench/results/<size>.md) and as JSON (<size>.json).
import fs from "node:fs";
import path from "node:path";
import { BASELINES, type Contender } from "./questions";
import type { Run } from "./contenders";
import type { QuestionResult, Report } from "./run";

export const CONTENDER_NAMES: Record<Contender, string> = {
  limit: "limit: neo4j-driver, hand-written Cypher, auto-commit",
  limitHttp: "limit behind HTTP: the same Cypher, JSON over node:http, nothing else",
  ours: "**this server**",
  peer: "peer: @neo4j/graphql 7",
};

/** Questions whose answer nests lists under lists: the peer's single generated query is strongest there. */
export const NESTED = new Set(["latest", "traversal"]);

const TARGET_P50_RATIO = 1.5;
/** Questions with a p50 target of their own: the facets count every statement of the list (issue 18). */
const P50_TARGETS: Record<string, number> = { facets: 2 };
export const p50Target = (key: string) => P50_TARGETS[key] ?? TARGET_P50_RATIO;

export interface Ratios {
  key: string;
  /** This server's p50 over the limit's: the target is at most 1.5 (p50Target). */
  oursOverLimitP50?: number;
  /** This server's requests/s over the peer's: the target is at least 1 (more than 1 on nested traversals). */
  oursOverPeerRps?: number;
  /** The limit behind HTTP over the limit, p50: what serving over HTTP costs on this machine, before any work. */
  httpOverLimitP50?: number;
  /** This server's p50 over the limit behind HTTP: what GraphQL and this server's own Cypher cost on top. */
  oursOverHttpP50?: number;
}

export function ratios(q: QuestionResult): Ratios {
  const { limit, limitHttp, ours, peer } = q.runs;
  const over = (a: Run | undefined, b: Run | undefined) => (a && b && b.p50Ms > 0 ? a.p50Ms / b.p50Ms : undefined);
  return {
    key: q.key,
    oursOverLimitP50: over(ours, limit),
    oursOverPeerRps: ours && peer && peer.rps > 0 ? ours.rps / peer.rps : undefined,
    httpOverLimitP50: over(limitHttp, limit),
    oursOverHttpP50: over(ours, limitHttp),
  };
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const times = (v: number | undefined) => (v === undefined ? "–" : `${v.toFixed(2)}×`);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

export function header(report: Report): string[] {
  const m = report.machine;
  const s = report.neo4j.settings;
  const j = report.job;
  const load = report.load;
  return [
    `- **Machine**: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory, ${m.os}, Node ${m.node}.`,
    `- **Neo4j**: ${report.neo4j.version}` +
      (s
        ? `, embedded (the project's launcher), heap ${s.heapMb} MB, page cache ${s.pageCacheMb} MB, ` +
          `transaction memory ${s.txMemoryMb} MB.`
        : ", the given database."),
    `- **This server**: ` +
      (report.server?.compiled
        ? "the compiled build as npm start runs it (node dist/main.js, NODE_ENV=production), " +
          `WORKERS=${report.server.workers}.`
        : "run by tsx in a child of the benchmark (the instrumented copy that counts queries)."),
    `- **Load**: ${j.connections} concurrent connections for ${j.durationS} s per question and contender, ` +
      `after ${j.warmupS} s of warm-up ` +
      `(and one warm-up round of every question on every contender before measuring). ` +
      `HTTP load from autocannon in its own process; ` +
      `the limit runs as many concurrent driver sessions in its own process; the limit behind HTTP is the limit's ` +
      `Cypher served by a bare node:http server (JSON in, the rows as JSON out), loaded by the same autocannon.`,
    `- **Shared CPU**: Neo4j, the server under test and the load generator share the machine's ${m.cores} cores. ` +
      `The limit needs no HTTP server and no autocannon, so Neo4j has more of the CPU while it runs: ` +
      `the ratio to the limit includes that, and the limit behind HTTP shows how much of it any HTTP server pays.`,
    `- **Data**: ${report.statements} synthetic statements (bench/generate.ts, seed 42` +
      (load.stored !== undefined && load.stored !== report.statements
        ? `; ${load.stored} statement nodes: the loader merged quotations generated twice for one speaker), `
        : "), ") +
      (load.method === "bulk"
        ? "imported by the bulk import (npm run import:bulk, to every index online) at "
        : "loaded through the project's loader at ") +
      `${load.rate} statements/s ` +
      `(${(load.ms / 1000).toFixed(1)} s${load.reused ? ", by an earlier run on this database" : ""}).`,
    `- **Fixtures**: person ${report.fixtures.person}, state ${report.fixtures.state}, ` +
      `dates ${report.fixtures.from}…${report.fixtures.to}, ` +
      `word "${report.fixtures.word}", path ${report.fixtures.pathFrom} → ${report.fixtures.pathTo}.`,
    `- **Run**: ${report.startedAt} to ${report.finishedAt}, code at ${report.code.commit ?? "an unknown commit"}` +
      (report.code.modified.length ? ` with uncommitted changes to ${report.code.modified.join(", ")}` : "") +
      (report.code.changedDuringRun ? " (**src/ changed during the run: figures may mix two versions**)." : "."),
  ];
}

export function resultsTable(report: Report): string[] {
  const lines = [
    "| # | Question | Contender | p50 ms | p99 ms | req/s | errors | Neo4j queries/req | db hits/req | " +
      "CPU ms/req: Neo4j · Node · load | RSS MB | other load |",
    "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [i, q] of report.questions.entries()) {
    for (const name of ["limit", "limitHttp", "ours", "peer"] as const) {
      const run = q.runs[name];
      const cannot = q.cannot[name];
      if (cannot !== undefined) {
        lines.push(`|  |  | ${CONTENDER_NAMES[name]} | cannot answer: ${cannot} | | | | | | | | |`);
        continue;
      }
      if (!run) continue;
      const hits = q.answers[name]?.profile?.dbHits;
      const cpu = ["neo4j", "node", "load"] as const;
      const cpuCell = cpu
        .map((k) => (run.cpuMsPerRequest[k] === undefined ? "–" : run.cpuMsPerRequest[k].toFixed(2)))
        .join(" · ");
      const otherLoad = run.otherLoadPercent === undefined ? "–" : `${run.otherLoadPercent.toFixed(0)}%`;
      lines.push(
        `| ${name === "limit" ? i + 1 : ""} | ${name === "limit" ? q.title : ""} | ${CONTENDER_NAMES[name]} | ` +
          `${ms(run.p50Ms)} | ${ms(run.p99Ms)} | ` +
          `${run.rps.toFixed(0)} | ${run.errors} | ${run.queriesPerRequest.toFixed(2)} | ${hits ?? "–"} | ` +
          `${cpuCell} | ${mb(run.rssBytes)} | ${otherLoad} |`,
      );
    }
  }
  return lines;
}

export function ratioTable(report: Report): string[] {
  const lines = [
    "| # | Question | answers | this/limit p50 | target | met | this/peer req/s | target | met | " +
      "limit behind HTTP/limit p50 | this/limit behind HTTP p50 |",
    "|---|---|---|---:|---|:---:|---:|---|:---:|---:|---:|",
  ];
  for (const [i, q] of report.questions.entries()) {
    const r = ratios(q);
    const nested = NESTED.has(q.key);
    const baseline = BASELINES.has(q.key);
    const limitTarget = p50Target(q.key);
    const latency =
      r.oursOverLimitP50 === undefined || baseline ? "–" : r.oursOverLimitP50 <= limitTarget ? "yes" : "**no**";
    const throughput =
      r.oursOverPeerRps === undefined || baseline
        ? "–"
        : (nested ? r.oursOverPeerRps > 1 : r.oursOverPeerRps >= 1)
          ? "yes"
          : "**no**";
    const peerTarget =
      q.cannot.peer !== undefined ? "peer cannot answer" : baseline ? "baseline" : nested ? "> 1× (nested)" : "≥ 1×";
    lines.push(
      `| ${i + 1} | ${q.key} | ${q.answersMatch ? "same ids" : "**differ**"} | ` +
        `${times(r.oursOverLimitP50)} | ${baseline ? "baseline" : `≤ ${limitTarget}×`} | ${latency} | ` +
        `${times(r.oursOverPeerRps)} | ${peerTarget} | ${throughput} | ` +
        `${times(r.httpOverLimitP50)} | ${times(r.oursOverHttpP50)} |`,
    );
  }
  return lines;
}

export function toMarkdown(report: Report): string {
  return [
    `# Benchmark at ${report.statements} statements`,
    "",
    ...header(report),
    "",
    "Latency is measured per request (p50, p99) by the load generator; req/s over the measured time; " +
      "errors count connection",
    "errors, timeouts, non-2xx answers and answers carrying GraphQL errors. " +
      "Neo4j queries/req: Cypher queries per request over",
    "the whole run (this server: its per-request QueryCounter, each read an auto-commit query, " +
      "one round trip, like the",
    "limit's; the peer: transactions counted on the driver it is given, each BEGIN, RUN and COMMIT). db hits:",
    "PROFILE of the Cypher each contender sent for one request. " +
      "CPU ms/req: CPU time per request of Neo4j's JVM, of the",
    "contender's Node process (the server; for the limit, the driver runner) and of autocannon. " +
      "RSS: the contender's Node",
    "process after its run. Other load: CPU used meanwhile by processes outside the benchmark, in % of all cores; a",
    "measurement with more than 5% is repeated after a pause (up to 3 times) and the quietest one is kept.",
    "",
    ...resultsTable(report),
    "",
    "## Ratios and targets",
    "",
    ...ratioTable(report),
    "",
    "## The questions",
    "",
    ...report.questions.map((q, i) => `${i + 1}. **${q.title}.** ${q.note}`),
    "",
  ].join("\n");
}

export function writeReport(
  report: Report,
  dir: string,
  name = String(report.statements),
): { markdown: string; json: string } {
  fs.mkdirSync(dir, { recursive: true });
  const markdown = path.join(dir, `${name}.md`);
  const json = path.join(dir, `${name}.json`);
  fs.writeFileSync(markdown, toMarkdown(report));
  fs.writeFileSync(json, `${JSON.stringify({ ...report, ratios: report.questions.map(ratios) }, null, 2)}\n`);
  return { markdown, json };
}
