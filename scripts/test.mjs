// npm test's jest part: the unit tier and the integration tier in two shards, all three at once. Each shard starts a
// Neo4j of its own (tests/support/globalSetup.ts) and runs its files one after another; tests/support/sequencer.js
// splits the files by how long they take. The compiled build that several integration files start is made once here
// first, so no two shards compile it at the same time. Each run's output is printed whole when it ends, then one
// summary line in jest's own form ("Tests: N failed, N passed, N total"), which .ci/run reads.
//
//   node scripts/test.mjs [--shards N]
import { spawn, execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const shardsArg = process.argv.indexOf("--shards");
const shards = shardsArg >= 0 ? Number(process.argv[shardsArg + 1]) : 2;
const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");

execFileSync("node", ["scripts/build-if-stale.mjs"], { cwd: root, stdio: "inherit" });

const runs = [
  { name: "unit", args: ["--selectProjects", "unit", "--maxWorkers=2"] },
  ...Array.from({ length: shards }, (_, i) => ({
    name: `integration ${i + 1}/${shards}`,
    args: ["--selectProjects", "integration", `--shard=${i + 1}/${shards}`],
  })),
];

const started = Date.now();
const results = await Promise.all(
  runs.map(
    (run) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [jest, ...run.args], {
          cwd: root,
          env: { ...process.env, FORCE_COLOR: "0" },
        });
        let output = "";
        child.stdout.on("data", (d) => (output += d));
        child.stderr.on("data", (d) => (output += d));
        child.on("close", (code) => {
          process.stdout.write(
            `\n===== ${run.name}: exit ${code} after ${Math.round((Date.now() - started) / 1000)} s =====\n`,
          );
          process.stdout.write(output);
          resolve({ ...run, code, output });
        });
      }),
  ),
);

const count = (output, word) => {
  const line =
    output
      .split("\n")
      .filter((l) => l.startsWith("Tests:"))
      .pop() ?? "";
  return Number(new RegExp(`(\\d+) ${word}`).exec(line)?.[1] ?? 0);
};
let failed = 0;
let passed = 0;
let total = 0;
for (const r of results) {
  failed += count(r.output, "failed");
  passed += count(r.output, "passed");
  total += count(r.output, "total");
  // A run that stopped before jest reported (a setup that failed) counts as a failure.
  if (r.code !== 0 && count(r.output, "failed") === 0) failed += 1;
}
process.stdout.write(`\nAll runs ended in ${Math.round((Date.now() - started) / 1000)} s\n`);
process.stdout.write(`Tests:       ${failed ? `${failed} failed, ` : ""}${passed} passed, ${total} total\n`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
