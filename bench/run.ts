// One benchmark run at one dataset size: data ready in Neo4j, the contenders started, every answer checked (same ids,
// no errors), then each question measured under the same load, contender after contender in a rotating order.
import { projectRoot } from "../src/config";
import { Database } from "../src/graph/runtime/database";
import { startContenders, type Answer, type CompiledServer, type ContenderProcess, type Run } from "./contenders";
import { ensureDataset } from "./dataset";
import { chooseFixtures, type Fixtures } from "./fixtures";
import {
  openEmbeddedGraph,
  openGivenGraph,
  type BenchGraph,
  type Connection,
  type LoadInfo,
  type LoadMethod,
  type Neo4jSettings,
  type Storage,
} from "./graph";
import { describeCode, describeMachine, type CodeVersion, type Machine } from "./machine";
import { datasetDir, neo4jDir } from "./paths";
import type { Profile } from "./profile";
import { buildQuestions, cannotAnswer, type Contender, type Question } from "./questions";
import type { LoadJob } from "./runners/job";

export interface BenchOptions {
  statements: number;
  durationS: number;
  connections: number;
  /** Load before each measurement (and once per question and contender before any), not measured. */
  warmupS: number;
  contenders: readonly Contender[];
  /** Only these questions (by key), in the usual order; all when omitted. */
  only?: readonly string[];
  neo4j: Neo4jSettings;
  /** Benchmark this database, which must be empty, instead of the benchmark's own embedded one. */
  given?: Connection;
  /**
   * Measure this server as production runs it: the compiled build (node dist/main.js) with these workers. Without it,
   * the load goes to the instrumented copy that checks the answers (run by tsx in a child of the benchmark).
   */
  compiled?: CompiledServer;
  /** How the benchmark's own database is filled when no earlier run filled it (default: the loader). */
  loadMethod?: LoadMethod;
  /** Where generated datasets and databases are kept (bench/.data). */
  dataRoot: string;
  /** PROFILE each contender's Cypher for one request of every question. */
  profile: boolean;
  log: (line: string) => void;
  /** Draw the load's progress bar (default true). */
  progress?: boolean;
  /** Generate the dataset with statements responding to others (see ensureDataset). */
  responses?: boolean;
  /** The fixtures and questions to ask instead of buildQuestions' (the shape suite's). */
  choose?: (db: Database) => Promise<{ fixtures: Fixtures; questions: Question[] }>;
  /** Measurements of a question disturbed by other processes are repeated up to this many times (default 3). */
  attempts?: number;
  /** Runs after the measurements, while the database still runs (the shape suite's CPU profile by phase). */
  afterMeasuring?: (connection: Connection, questions: Question[]) => Promise<void>;
}

export interface AnswerCheck {
  /** Round trips of one request, and the errors it got. */
  queries: number;
  errors: string[];
  profile?: Profile;
  cypher: Answer["cypher"];
}

export interface QuestionResult {
  key: string;
  title: string;
  note: string;
  /** True when every contender that can answer answered with the same ids as this server. */
  answersMatch: boolean;
  mismatches: string[];
  answers: Partial<Record<Contender, AnswerCheck>>;
  /** Contenders whose API cannot express the question, and why: neither asked nor measured. */
  cannot: Partial<Record<Contender, string>>;
  /** The order the contenders were measured in. */
  order: Contender[];
  runs: Partial<Record<Contender, Run>>;
}

export interface Report {
  statements: number;
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  code: CodeVersion;
  neo4j: { version: string; settings?: Neo4jSettings };
  load: LoadInfo;
  /** How this server was run under load: compiled as npm start runs it (with its workers), or the instrumented copy. */
  server?: { compiled: boolean; workers: number };
  /** What the database took on disk and in memory after the measurements (the benchmark's own Neo4j). */
  storage?: Storage;
  job: LoadJob;
  fixtures: Fixtures;
  questions: QuestionResult[];
}

/** The code measured, marked when src/ changed while the run went on. */
function codeAtEnd(start: CodeVersion): CodeVersion {
  const end = describeCode(projectRoot);
  const { fingerprint: _fingerprint, ...code } = start;
  return end.commit !== start.commit || end.fingerprint !== start.fingerprint
    ? { ...code, changedDuringRun: true }
    : code;
}

/** Each question starts with a different contender, so drift over the run does not always favour the same one. */
const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, i) => items[(i + by) % items.length]!);

async function openGraph(options: BenchOptions): Promise<BenchGraph> {
  const dataset = ensureDataset(
    datasetDir(options.statements, options.dataRoot),
    options.statements,
    options.log,
    options.responses,
  );
  const logging = { log: options.log, progress: options.progress ?? true };
  if (options.given) return openGivenGraph(options.given, dataset, logging);
  return openEmbeddedGraph(
    neo4jDir(options.statements, options.dataRoot),
    dataset,
    options.statements,
    options.neo4j,
    logging,
    options.loadMethod,
  );
}

async function fixturesOf(
  connection: Connection,
  choose: BenchOptions["choose"],
): Promise<{ fixtures: Fixtures; questions?: Question[] }> {
  const db = Database.connect({ ...connection, txTimeoutMs: 120_000 });
  try {
    return choose ? await choose(db) : { fixtures: await chooseFixtures(db) };
  } finally {
    await db.close();
  }
}

/** The contenders that can answer a question. */
const answering = (question: Question, contenders: ContenderProcess[]) =>
  contenders.filter((c) => cannotAnswer(question, c.name) === undefined);

/** Asks every contender that can answer once; answers are compared with this server's. */
async function check(
  question: Question,
  contenders: ContenderProcess[],
  profile: boolean,
): Promise<Pick<QuestionResult, "answersMatch" | "mismatches" | "answers" | "cannot">> {
  const answers: QuestionResult["answers"] = {};
  const cannot: QuestionResult["cannot"] = {};
  for (const c of contenders) {
    const why = cannotAnswer(question, c.name);
    if (why !== undefined) cannot[c.name] = why;
  }
  const ids = new Map<Contender, string>();
  for (const c of answering(question, contenders)) {
    const answer = await c.ask(question, { profile });
    answers[c.name] = {
      queries: answer.queries,
      errors: answer.errors,
      profile: answer.profile,
      cypher: answer.cypher,
    };
    ids.set(c.name, JSON.stringify(answer.ids));
    if (answer.errors.length)
      throw new Error(`${c.name} cannot answer "${question.title}": ${answer.errors.join("; ")}`);
  }
  const reference = ids.get("ours") ?? [...ids.values()][0];
  const mismatches = [...ids]
    .filter(([, value]) => value !== reference)
    .map(([name, value]) => `${name}: ${value.slice(0, 300)} ≠ ${reference?.slice(0, 300)}`);
  return { answersMatch: mismatches.length === 0, mismatches, answers, cannot };
}

/** One round of load on every question and contender, not measured: the JVM compiles the hot paths first. */
async function warmUp(questions: Question[], contenders: ContenderProcess[], job: LoadJob): Promise<void> {
  for (const question of questions)
    for (const c of answering(question, contenders))
      await c.measure(question, { ...job, durationS: job.warmupS, warmupS: 0 });
}

/** More than this share of the machine's CPU going to other processes spoils a measurement (a shared machine). */
const DISTURBED_PERCENT = 5;
const ATTEMPTS = 3;
const PAUSE_MS = 15_000;

/** Measures, and measures again after a pause while another job on the machine takes CPU; keeps the quietest run. */
async function measureQuietly(
  c: ContenderProcess,
  question: Question,
  job: LoadJob,
  log: (line: string) => void,
  attempts: number,
): Promise<Run> {
  let best: Run | undefined;
  for (let attempt = 1; ; attempt++) {
    const run = { ...(await c.measure(question, job)), attempts: attempt };
    const other = run.otherLoadPercent ?? 0;
    if (!best || other < (best.otherLoadPercent ?? 0)) best = run;
    if (other <= DISTURBED_PERCENT || attempt >= attempts) return best;
    log(
      `  ${question.key} ${c.name}: other processes took ${other.toFixed(0)}% of the CPU; ` +
        `measuring again in ${PAUSE_MS / 1000} s`,
    );
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

/** Each question under load, contender after contender, starting with a different one each time. */
async function measure(
  questions: Question[],
  results: QuestionResult[],
  contenders: ContenderProcess[],
  job: LoadJob,
  log: (line: string) => void,
  attempts: number,
) {
  for (const [i, question] of questions.entries()) {
    const result = results[i]!;
    const order = rotate(answering(question, contenders), i);
    result.order = order.map((c) => c.name);
    for (const c of order) {
      const run = await measureQuietly(c, question, job, log, attempts);
      result.runs[c.name] = run;
      log(
        `  ${question.key.padEnd(9)} ${c.name.padEnd(5)} ` +
          `p50 ${run.p50Ms.toFixed(2)} ms  p99 ${run.p99Ms.toFixed(2)} ms  ` +
          `${run.rps.toFixed(0)} req/s  ${run.errors} errors  ${run.queriesPerRequest.toFixed(2)} queries/req` +
          ((run.idleWaitMs ?? 0) >= 500 ? `  (waited ${((run.idleWaitMs ?? 0) / 1000).toFixed(1)} s for Neo4j)` : ""),
      );
    }
  }
}

export async function runBenchmark(options: BenchOptions): Promise<Report> {
  const startedAt = new Date().toISOString();
  const code = describeCode(projectRoot);
  const { log } = options;
  const graph = await openGraph(options);
  try {
    const chosen = await fixturesOf(graph.connection, options.choose);
    const { fixtures } = chosen;
    log(`Fixtures: ${JSON.stringify(fixtures)}`);
    const questions = (chosen.questions ?? buildQuestions(fixtures)).filter(
      (q) => !options.only || options.only.includes(q.key),
    );
    const job: LoadJob = { connections: options.connections, durationS: options.durationS, warmupS: options.warmupS };
    const { contenders, stop } = await startContenders(
      graph.connection,
      options.contenders,
      graph.pid,
      options.compiled,
    );
    try {
      const results: QuestionResult[] = [];
      for (const question of questions) {
        const checked = await check(question, contenders, options.profile);
        const cannot = Object.keys(checked.cannot);
        log(
          `Checked ${question.key}: ` +
            (checked.answersMatch ? "same answers" : `ANSWERS DIFFER: ${checked.mismatches.join("; ")}`) +
            (cannot.length ? ` (${cannot.join(", ")} cannot answer)` : ""),
        );
        results.push({
          key: question.key,
          title: question.title,
          note: question.note,
          ...checked,
          order: [],
          runs: {},
        });
      }
      if (job.warmupS > 0) {
        log(`Warming up: every question on every contender for ${job.warmupS} s…`);
        await warmUp(questions, contenders, job);
      }
      await measure(questions, results, contenders, job, log, options.attempts ?? ATTEMPTS);
      await options.afterMeasuring?.(graph.connection, questions);
      const storage = await graph.storage();
      return {
        statements: options.statements,
        startedAt,
        finishedAt: new Date().toISOString(),
        machine: describeMachine(),
        code: codeAtEnd(code),
        neo4j: { version: graph.neo4jVersion, settings: graph.settings },
        load: graph.load,
        server: { compiled: options.compiled !== undefined, workers: options.compiled?.workers ?? 1 },
        storage,
        job,
        fixtures,
        questions: results,
      };
    } finally {
      await stop();
    }
  } finally {
    await graph.stop();
  }
}
