// The document-cache attack of issue 30 against the server as npm start runs it: 1,000 distinct queries, each padded
// with a 0.9 MB comment, half of them registered as automatic persisted queries, sent 8 at a time. Reports the summed
// resident memory of the server's Node processes (the primary and its workers, not the JVM) before and after, and
// what the queries got. The goal: less than 400 MB more afterwards.
// `npm run bench:documents [-- --queries 1000 --workers 1]`
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startServer, stopServer } from "./serverProcess";

const { values } = parseArgs({ options: { queries: { type: "string" }, workers: { type: "string" } } });
const queries = Number(values.queries ?? 1000);
const workers = Number(values.workers ?? 1);

/** Resident memory in MB of `pid` and every Node process under it (the JVM left out). */
function nodeRssMb(pid: number): number {
  const rows = execFileSync("ps", ["-eo", "pid=,ppid=,rss=,comm="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .map(([p, pp, rss, comm]) => ({ pid: Number(p), ppid: Number(pp), rssKb: Number(rss), comm: comm ?? "" }));
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows)
      if (tree.has(row.ppid) && !tree.has(row.pid)) {
        tree.add(row.pid);
        grew = true;
      }
  }
  return rows.filter((r) => tree.has(r.pid) && r.comm === "node").reduce((sum, r) => sum + r.rssKb, 0) / 1024;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-documents-"));
  const { server, url } = await startServer(workers, { NEO4J_DATA_DIR: dataDir });
  try {
    const before = nodeRssMb(server.pid!);
    const statuses: Record<string, number> = {};
    const padding = `# ${"x".repeat(900_000)}\n`;
    let next = 0;
    const send = async () => {
      for (let i = next++; i < queries; i = next++) {
        const query = `${padding}{ people(first: ${(i % 50) + 1}) { totalCount } } # ${i}`;
        const apq = i % 2 === 1;
        const hash = crypto.createHash("sha256").update(query).digest("hex");
        const body = apq ? { query, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } } : { query };
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 8 }, send));
    const after = nodeRssMb(server.pid!);
    console.log(
      `${queries} distinct 0.9 MB comment-padded queries (half APQ registrations), WORKERS=${workers}, in ` +
        `${((Date.now() - started) / 1000).toFixed(1)} s: HTTP ${JSON.stringify(statuses)}; Node processes' RSS ` +
        `${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after (+${(after - before).toFixed(0)} MB; goal < 400)`,
    );
  } finally {
    await stopServer(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
