// Loaded into each Node process of the server by bench/subscriptions.ts (node --import): on SIGUSR2 it collects
// garbage (when started with --expose-gc) and writes its memory to BENCH_MEMORY_DIR/<pid>.json. The primary and the
// forked workers of WORKERS=N each load it (cluster workers inherit the primary's Node options).
import fs from "node:fs";
import path from "node:path";

const dir = process.env.BENCH_MEMORY_DIR;
if (dir) {
  process.on("SIGUSR2", () => {
    if (typeof globalThis.gc === "function") globalThis.gc();
    const { rss, heapUsed } = process.memoryUsage();
    const file = path.join(dir, `${process.pid}.json`);
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ pid: process.pid, rss, heapUsed, at: Date.now() }));
    fs.renameSync(`${file}.tmp`, file);
  });
}
