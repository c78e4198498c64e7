// The default `npm start` (WORKERS=1) is supervised: the process npm starts holds the embedded Neo4j and forks the one
// worker that serves HTTP; when that worker dies (kill -9, as an out-of-memory death would leave it) another takes its
// place on the same port within seconds, while the JVM runs on — no acknowledged write is lost, and the data folder's
// launcher.json still names the JVM.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/config";
import { processAlive } from "../../src/neo4j/embedded";
import { childrenOf, npmStart, type Started } from "../support/npmStart";
import { TEST_TOKEN } from "../support/server";

const workersOf = (primary: number) =>
  childrenOf(primary)
    .filter((child) => child.args.endsWith("dist/main.js"))
    .map((child) => child.pid);

/** Pids of the processes running now whose command line mentions the text (the test's data folder). */
function processesMentioning(text: string): number[] {
  return execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(text) && !line.includes("ps -eo"))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

/** Requests that got no answer within 10 s: in flight at the kill -9, handed to the dead worker, lost. */
let unanswered = 0;

/**
 * One GraphQL request; a refused or reset connection (no worker listening) throws, and so does one unanswered after
 * 10 s (a connection the cluster handed to the worker as it died is never answered; fetch alone would wait 300 s).
 */
async function graphql(url: string, query: string, token?: string): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const signal = AbortSignal.timeout(10_000);
  try {
    const response = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query }), signal });
    return { status: response.status, json: await response.json() };
  } catch (e) {
    if (signal.aborted) unanswered += 1;
    throw e;
  }
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-supervised-"));
let server: Started | undefined;

beforeAll(() => {
  // What npm start's prestart does; here, so that a compile (when src/ changed) does not count against a test.
  execFileSync("node", ["scripts/build-if-stale.mjs"], { cwd: projectRoot, stdio: "pipe", timeout: 280_000 });
}, 300_000);

afterAll(async () => {
  if (server && server.npm.exitCode === null) {
    server.npm.kill("SIGTERM");
    await Promise.race([server.exited, new Promise((r) => setTimeout(r, 30_000))]);
  }
  // Whatever a failed test left behind on this folder was started by this file.
  for (const pid of processesMentioning(dataDir)) process.kill(pid, "SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

it("replaces the killed worker within seconds, on the same JVM and port, with every acknowledged write", async () => {
  server = await npmStart({
    NEO4J_DATA_DIR: dataDir,
    NEO4J_HEAP_MB: "512",
    NEO4J_PAGECACHE_MB: "64",
    SEED_WHEN_EMPTY: "false",
    WARM_UP_SECONDS: "1",
    API_TOKEN: TEST_TOKEN,
    NODE_ENV: "production",
  });
  const url = server.url;
  // npm → the primary (node dist/main.js) → the JVM and one worker (node dist/main.js as well).
  const [primary] = childrenOf(server.npm.pid!).map((child) => child.pid);
  const [worker, ...others] = workersOf(primary!);
  expect(others).toEqual([]);
  const [jvm, ...moreJvms] = processesMentioning(`--home=${dataDir}`);
  expect(moreJvms).toEqual([]);
  const launcher = () => JSON.parse(fs.readFileSync(path.join(dataDir, "launcher.json"), "utf8"));
  expect(launcher()).toMatchObject({ pid: jvm, owner: primary });

  // Writes keep coming, ten at a time, while the worker is killed; some are acknowledged before it dies.
  const acknowledged: string[] = [];
  let writing = true;
  let n = 0;
  const writer = async () => {
    while (writing) {
      const name = `Supervised Writer ${n++}`;
      const mutation = `mutation { createPerson(input: { name: "${name}" }) { id } }`;
      const written = await graphql(url, mutation, TEST_TOKEN).catch(() => undefined);
      if (written?.status === 200 && written.json.data?.createPerson)
        acknowledged.push(written.json.data.createPerson.id);
      else await new Promise((r) => setTimeout(r, 20));
    }
  };
  const writers = Array.from({ length: 10 }, writer);
  const writingSince = Date.now();
  while (acknowledged.length < 20) {
    if (Date.now() - writingSince > 60_000) throw new Error(`20 writes not acknowledged within 60 s: ${n} sent`);
    await new Promise((r) => setTimeout(r, 10));
  }

  process.kill(worker!, "SIGKILL");
  const killedAt = Date.now();
  const beforeKill = acknowledged.length;
  // The next request: retried while no worker listens (the socket closed with the only worker), then answered.
  let answeredAfterMs = -1;
  while (answeredAfterMs < 0) {
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    const answer = await graphql(url, "{ __typename }").catch(() => undefined);
    if (answer?.status === 200) answeredAfterMs = Date.now() - killedAt;
    else await new Promise((r) => setTimeout(r, 50));
  }
  // Writes resume through the new worker too.
  while (acknowledged.length < beforeKill + 20) {
    // A clear failure, not the test's time-out, if writes never resume.
    if (Date.now() - killedAt > 60_000) throw new Error(`writes did not resume within 60 s (${unanswered} unanswered)`);
    await new Promise((r) => setTimeout(r, 10));
  }
  writing = false;
  await Promise.all(writers);

  expect(answeredAfterMs).toBeLessThan(5000);
  const [replacement, ...extra] = workersOf(primary!);
  expect(extra).toEqual([]);
  expect(replacement).not.toBe(worker);
  expect(processAlive(worker!)).toBe(false);
  // The JVM never stopped, and the data folder still names it.
  expect(processesMentioning(`--home=${dataDir}`)).toEqual([jvm]);
  expect(launcher()).toMatchObject({ pid: jvm, owner: primary });
  const output = server.output();
  expect(output).toMatch(new RegExp(`worker 1 \\(pid ${worker}\\) was killed by SIGKILL; starting another in 1 s`));
  expect(output.split("Neo4j started in").length - 1).toBe(1);

  // Every write acknowledged, before the kill and after it, is there.
  const ids = [...new Set(acknowledged)];
  const { json } = await graphql(
    url,
    `
      {
        people(first: 100) {
          totalCount
        }
      }
    `,
  );
  const read = await Promise.all(
    ids.map((id) => graphql(url, `{ person(id: "${id}") { id } }`).then((r) => r.json.data?.person?.id as string)),
  );
  expect(read).toEqual(ids);
  expect(json.data.people.totalCount).toBeGreaterThanOrEqual(ids.length);
  process.stderr.write(
    `[supervised] worker ${worker} killed: the next request answered after ${answeredAfterMs} ms, by worker ` +
      `${replacement}; ${ids.length} acknowledged writes (${beforeKill} before the kill) all read back; ` +
      `JVM ${jvm} unchanged; ${unanswered} requests unanswered after 10 s\n`,
  );

  // Articles made to freeze or kill the server, as npm start serves them: each is drafted or refused clearly, and
  // every process is the same one afterwards (no worker died, no JVM restarted).
  const hostile = [
    "Then " + "A.".repeat(32) + ': "This is a long enough quotation here."',
    "A. ".repeat(66_333),
    "Jean-Luc O'Neil-Smith-Jones D'Arcy-McAllister ".repeat(4_000),
  ];
  for (const [i, text] of hostile.entries()) {
    const started = Date.now();
    const ingest =
      'mutation ($t: String!) { ingestArticle(input: { text: $t, publishedOn: "2025-06-02" }) { dryRun } }';
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(i % 2 ? { authorization: `Bearer ${TEST_TOKEN}` } : {}) },
      body: JSON.stringify({ query: ingest, variables: { t: text } }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
    expect(Date.now() - started).toBeLessThan(30_000);
    if (response.status !== 200) {
      expect([422, 429, 503]).toContain(response.status);
      expect(body.errors?.[0]?.extensions.code).not.toBe("INTERNAL_SERVER_ERROR");
    } else expect(body.errors).toBeUndefined();
  }
  expect(workersOf(primary!)).toEqual([replacement]);
  expect(processesMentioning(`--home=${dataDir}`)).toEqual([jvm]);

  // Stopping still stops everything: the worker, then Neo4j, then the primary.
  server.npm.kill("SIGTERM");
  expect(await server.exited).toBe(0);
  for (const pid of [primary!, replacement!, jvm!]) expect(processAlive(pid)).toBe(false);
  expect(fs.existsSync(path.join(dataDir, "launcher.json"))).toBe(false);
}, 300_000);
