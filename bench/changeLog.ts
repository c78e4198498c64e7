// What the change log costs a write: N recordStatement calls one after another (each writes its statement and its
// entry in one transaction), then the log's own work for one statement alone (read its state, take a position, write
// the entry) in a transaction of its own, and N calls from 8 concurrent writers (they queue on the log's counter).
// `npm run bench:changelog [-- --n 200]`, into the configured Neo4j (an empty one: set NEO4J_DATA_DIR to a new folder).
import { loadConfig } from "../src/config";
import { ChangeSet } from "../src/graph/writes/changes/changeLog";
import type { Database } from "../src/graph/runtime/database";
import { createEntity } from "../src/graph/writes/mutations/entities";
import { createSource } from "../src/graph/writes/mutations/sources";
import { recordStatement } from "../src/graph/writes/mutations/statements";
import { loadIntoConfiguredNeo4j, runLoadCommand } from "../src/load/run";

const TEXT = 'GENEVA: Jane Doe met the press. "We will sign on Friday," Doe said on Monday.';
const QUOTE = "We will sign on Friday";
const SPAN = { start: TEXT.indexOf(`"${QUOTE}`), end: TEXT.length };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.9)]!;

function record(db: Database, id: string) {
  return recordStatement(
    db,
    {
      id,
      speaker: "person:bench-speaker",
      text: QUOTE,
      kind: "DIRECT_QUOTE",
      evidence: [{ source: "source:bench", ...SPAN }],
    },
    "bench",
  );
}

/** The log's part of one recordStatement, alone: its state read before (nothing) and after, a position, the entry. */
function logOnlyWrite(db: Database, id: string) {
  return db.writeTransaction(async (tx) => {
    const changes = await ChangeSet.start(tx, []);
    await changes.finish(tx, [id], { actor: "bench" }, { [id]: { kind: "UPDATED", ids: [id] } });
  });
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<number> {
  const arg = process.argv.indexOf("--n");
  const n = arg > 0 ? Number(process.argv[arg + 1]) : 200;
  return loadIntoConfiguredNeo4j(loadConfig(), async (db) => {
    const [existing] = await db.read<{ n: number }>("MATCH (s:Statement) RETURN count(s) AS n");
    if (Number(existing?.n ?? 0) > 0) throw new Error("bench:changelog needs an empty graph (set NEO4J_DATA_DIR)");
    await createSource(db, { id: "source:bench", title: "Bench", publishedOn: "2025-03-04", text: TEXT });
    await createEntity(db, "Person", { id: "person:bench-speaker", name: "Bench Speaker" });
    for (let i = 0; i < 20; i++) await record(db, `statement:warm-${i}`);

    const sequential: number[] = [];
    for (let i = 0; i < n; i++) sequential.push(await timed(() => record(db, `statement:seq-${i}`)));

    const logOnly: number[] = [];
    for (let i = 0; i < n; i++) logOnly.push(await timed(() => logOnlyWrite(db, `statement:seq-${i}`)));
    const empty: number[] = [];
    for (let i = 0; i < n; i++) empty.push(await timed(() => db.writeTransaction(async (tx) => tx.run("RETURN 1"))));

    const writers = 8;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = w; i < n; i += writers) await record(db, `statement:par-${i}`);
      }),
    );
    const perSecond = (n / (Date.now() - started)) * 1000;

    // The most writes per second the log lets through: 8 writers doing nothing but the log's work, all queuing on
    // the one counter. Far above what whole writes reach, the counter is not what limits them.
    const logStarted = Date.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = w; i < n; i += writers) await logOnlyWrite(db, `statement:seq-${i}`);
      }),
    );
    const logPerSecond = (n / (Date.now() - logStarted)) * 1000;

    const [log] = await db.read<{ entries: number; first: number; last: number }>(
      "MATCH (c:Change) RETURN count(c) AS entries, min(c.seq) AS first, max(c.seq) AS last",
    );
    const row = (what: string, values: number[]) =>
      console.log(`| ${what} | ${median(values).toFixed(1)} | ${p90(values).toFixed(1)} |`);
    console.log(`| ${n} writes | median ms | p90 ms |`);
    console.log("|---|---:|---:|");
    row("recordStatement with its entry, one at a time", sequential);
    row("the log's work alone, in a transaction of its own", logOnly);
    row("an empty write transaction (RETURN 1)", empty);
    console.log(
      `\n${writers} concurrent writers: ${perSecond.toFixed(0)} recordStatement/s; ` +
        `${logPerSecond.toFixed(0)} transactions/s doing only the log's work.`,
    );
    const gapFree = log!.last - log!.first + 1 === log!.entries;
    console.log(`Log: ${log!.entries} entries, positions ${log!.first}–${log!.last} (gap-free: ${gapFree}).`);
  });
}

runLoadCommand(main, "Cannot run the change log benchmark");
