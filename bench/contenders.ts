// The three contenders behind one interface: ask one question once (to check the answer and count round trips), or
// measure it under load. Each runs in child processes of its own: the limit in a driver runner; this server and the
// peer as HTTP servers, loaded by a separate autocannon process.
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../src/config";
import { CpuMeter, rssBytesWithChildren } from "./cpu";
import type { Connection } from "./graph";
import { Neo4jIdle } from "./idle";
import { startWorker, type Worker } from "./ipc/parent";
import type { CypherAsk, GraphQLAsk, Json, Question, Contender } from "./questions";
import type { Profile } from "./profile";
import type { CypherBurst, HttpBurst, LoadJob, Measurement } from "./runners/job";
import { startServer, stopServer } from "./serverProcess";
import type { RecordedQuery, ServerStats } from "./servers/stats";

export interface Answer {
  /** The answer reduced to its ids (see questions.ts). */
  ids: Json;
  /** GraphQL errors or a failed request; empty when the answer is good. */
  errors: string[];
  /** Neo4j queries this one request sent. */
  queries: number;
  /** The Cypher it sent (with parameters). */
  cypher: RecordedQuery[];
  /** PROFILE of that Cypher, when asked for. */
  profile?: Profile;
}

export interface Run extends Measurement {
  /** Neo4j round trips per request, over the whole measured run. */
  queriesPerRequest: number;
  /** Resident memory of the contender's Node process, sampled after the run. */
  rssBytes: number;
  /**
   * CPU ms per request (Linux): Neo4j's JVM, the contender's Node process (the server; for the limit, the driver
   * runner) and the load generator (autocannon; none for the limit).
   */
  cpuMsPerRequest: Partial<Record<"neo4j" | "node" | "load", number>>;
  /** CPU used meanwhile by other processes on the machine, in % of all cores: a busy machine spoils a run. */
  otherLoadPercent?: number;
  /** Measurements made to get this one (a disturbed one is repeated). */
  attempts?: number;
  /** ms waited, before the measured burst, for Neo4j to finish queries left running by the bursts before it. */
  idleWaitMs?: number;
}

export interface ContenderProcess {
  readonly name: Contender;
  ask(question: Question, options?: { profile?: boolean }): Promise<Answer>;
  measure(question: Question, job: LoadJob): Promise<Run>;
  stop(): Promise<void>;
}

const script = (...parts: string[]) => path.join(__dirname, ...parts);

/** The first call of a child; if it fails, the child is ended rather than left behind. */
async function startOrStop<T>(worker: Worker, method: string, params: unknown): Promise<T> {
  try {
    return await worker.call<T>(method, params);
  } catch (e) {
    await worker.stop();
    throw e;
  }
}

function perRequest(before: ServerStats, after: ServerStats): number {
  const requests = after.requests - before.requests;
  return requests > 0 ? (after.queries - before.queries) / requests : 0;
}

async function limitProcess(
  connection: Connection,
  neo4jPid: number | undefined,
  idle: Neo4jIdle,
): Promise<ContenderProcess> {
  const runner = startWorker(script("runners", "driver.ts"), "limit");
  await startOrStop(runner, "open", { connection });
  const cypherOf = (ask: CypherAsk) => ({ cypher: ask.cypher, params: ask.params });
  return {
    name: "limit",
    async ask(question, options) {
      const rows = await runner.call<Record<string, unknown>[]>("once", cypherOf(question.limit));
      const profile = options?.profile ? await runner.call<Profile>("profile", cypherOf(question.limit)) : undefined;
      return { ids: question.limit.pick(rows), errors: [], queries: 1, cypher: [cypherOf(question.limit)], profile };
    },
    async measure(question, load) {
      const burst = (durationS: number): CypherBurst => ({
        connections: load.connections,
        durationS,
        ...cypherOf(question.limit),
      });
      if (load.warmupS > 0) {
        await idle.wait();
        await runner.call<Measurement>("run", burst(load.warmupS));
      }
      const idleWaitMs = await idle.wait();
      const cpu = new CpuMeter({ neo4j: neo4jPid, node: runner.pid });
      const run = await runner.call<Measurement>("run", burst(load.durationS));
      const cpuMsPerRequest = cpu.perRequest(run.requests);
      const otherLoadPercent = cpu.otherLoadPercent(os.cpus().length);
      const { rssBytes } = await runner.call<ServerStats>("stats");
      // Every hand-written answer is one query in one read transaction.
      return { ...run, queriesPerRequest: 1, rssBytes, cpuMsPerRequest, otherLoadPercent, idleWaitMs };
    },
    stop: () => runner.stop(),
  };
}

/** An HTTP contender's request for a question, and how its answer's data reduces to ids. */
interface HttpAsk {
  body: string;
  pick(data: unknown): Json;
}

function graphqlAsk(ask: GraphQLAsk): HttpAsk {
  return {
    body: JSON.stringify({ query: ask.query, variables: ask.variables }),
    pick: (data) => ask.pick(data as Record<string, unknown>),
  };
}

/** The limit behind HTTP is sent the limit's Cypher and answers with its rows. */
function cypherAsk(ask: CypherAsk): HttpAsk {
  return {
    body: JSON.stringify({ cypher: ask.cypher, params: ask.params }),
    pick: (data) => ask.pick(data as Record<string, unknown>[]),
  };
}

async function post(url: string, body: string): Promise<{ data?: unknown; errors: string[] }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const answer = (await response.json().catch(() => ({}))) as { data?: unknown; errors?: { message: string }[] };
  const errors = (answer.errors ?? []).map((e) => e.message);
  if (!response.ok && errors.length === 0) errors.push(`HTTP ${response.status}`);
  return { data: answer.data, errors };
}

/**
 * This server as production runs it, for the measured load: the compiled build (node dist/main.js, as npm start runs
 * it, built first when stale) with WORKERS workers, over the benchmark's Neo4j. Answers are checked, queries counted
 * and Cypher recorded on an instrumented copy in a child of its own (servers/ours.ts), which serves no load.
 */
export interface CompiledServer {
  workers: number;
}

interface Measured {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

async function startCompiled(connection: Connection, { workers }: CompiledServer): Promise<Measured> {
  execFileSync(process.execPath, ["scripts/build-if-stale.mjs"], { cwd: projectRoot, stdio: "pipe" });
  const { server, url } = await startServer(workers, {
    NEO4J_URI: connection.uri,
    NEO4J_USER: connection.user,
    NEO4J_PASSWORD: connection.password,
    NODE_ENV: "production",
    SEED_WHEN_EMPTY: "false",
  });
  return { url, pid: server.pid, stop: () => stopServer(server) };
}

async function serverProcess(
  name: "ours" | "peer" | "limitHttp",
  connection: Connection,
  load: Worker,
  neo4jPid: number | undefined,
  idle: Neo4jIdle,
  compiled?: CompiledServer,
): Promise<ContenderProcess> {
  const server = startWorker(script("servers", `${name}.ts`), name);
  const { url } = await startOrStop<{ url: string }>(server, "start", { connection });
  let measured: Measured = { url, pid: server.pid, stop: async () => {} };
  if (compiled) {
    try {
      measured = await startCompiled(connection, compiled);
    } catch (e) {
      await server.stop();
      throw e;
    }
  }
  const askOf = (question: Question): HttpAsk => {
    if (name === "limitHttp") return cypherAsk(question.limit);
    const ask = question[name];
    if ("cannot" in ask) throw new Error(`${name} cannot answer "${question.title}": ${ask.cannot}`);
    return graphqlAsk(ask);
  };
  return {
    name,
    async ask(question, options) {
      const before = await server.call<ServerStats>("stats");
      await server.call("record");
      const ask = askOf(question);
      const { data, errors } = await post(url, ask.body);
      const cypher = await server.call<RecordedQuery[]>("recorded");
      const after = await server.call<ServerStats>("stats");
      let ids: Json = null;
      if (data && errors.length === 0) {
        try {
          ids = ask.pick(data);
        } catch (e) {
          errors.push(`unexpected answer shape: ${(e as Error).message}`);
        }
      }
      const profile = options?.profile ? await server.call<Profile>("profile") : undefined;
      return { ids, errors, queries: after.queries - before.queries, cypher, profile };
    },
    async measure(question, job) {
      const ask = askOf(question);
      const { body } = ask;
      const burst = (durationS: number): HttpBurst => ({
        connections: job.connections,
        durationS,
        url: measured.url,
        body,
      });
      if (job.warmupS > 0) {
        await idle.wait();
        await load.call<Measurement>("run", burst(job.warmupS));
      }
      // The warm-up's last requests are cut off, not finished: their queries must not load the measured burst.
      const idleWaitMs = await idle.wait();
      const before = await server.call<ServerStats>("stats");
      const cpu = new CpuMeter({ neo4j: neo4jPid, node: measured.pid, load: load.pid });
      const run = await load.call<Measurement>("run", burst(job.durationS));
      const cpuMsPerRequest = cpu.perRequest(run.requests);
      const otherLoadPercent = cpu.otherLoadPercent(os.cpus().length);
      const after = await server.call<ServerStats>("stats");
      // The compiled server counts nothing: its queries per request are the instrumented copy's for one request.
      const queriesPerRequest = compiled ? await queriesOfOne(ask) : perRequest(before, after);
      return {
        ...run,
        queriesPerRequest,
        rssBytes: compiled ? (rssBytesWithChildren(measured.pid) ?? 0) : after.rssBytes,
        cpuMsPerRequest,
        otherLoadPercent,
        idleWaitMs,
      };
    },
    stop: async () => {
      await Promise.all([server.stop(), measured.stop()]);
    },
  };

  async function queriesOfOne(ask: HttpAsk): Promise<number> {
    const before = await server.call<ServerStats>("stats");
    await post(url, ask.body);
    const after = await server.call<ServerStats>("stats");
    return perRequest(before, after);
  }
}

/** Starts the given contenders (and the load generator the HTTP ones need) against one Neo4j. */
export async function startContenders(
  connection: Connection,
  which: readonly Contender[],
  neo4jPid?: number,
  /** Measure this server's compiled build (as npm start runs it) rather than the instrumented copy. */
  compiled?: CompiledServer,
): Promise<{ contenders: ContenderProcess[]; stop(): Promise<void> }> {
  const load = startWorker(script("runners", "http.ts"), "autocannon");
  const idle = new Neo4jIdle(connection);
  // Started side by side: each child spends its first seconds compiling TypeScript and connecting.
  const starting = which.map((name) =>
    name === "limit"
      ? limitProcess(connection, neo4jPid, idle)
      : serverProcess(name, connection, load, neo4jPid, idle, name === "ours" ? compiled : undefined),
  );
  const settled = await Promise.allSettled(starting);
  const started = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) {
    await Promise.all([...started.map((c) => c.stop()), load.stop(), idle.close()]);
    throw failed.reason;
  }
  return {
    contenders: started,
    stop: async () => {
      await Promise.all([...started.map((c) => c.stop()), load.stop(), idle.close()]);
    },
  };
}
