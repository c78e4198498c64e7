// npm run bench:hostile -- [--statements 20000] [--duration 60] [--connections 8]: the audit's attacks (issue 11)
// mixed with normal traffic against a server on npm start's default memory settings and a generated graph of long
// articles. Reports Neo4j JVM restarts (the target is 0), the normal queries' latency percentiles, what each attack
// got, and the server's liveness and event-loop delay; writes bench/results/hostile-<statements>.md.
import { fork } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import type { ClientReport } from "./hostile-client";
import { processAlive } from "../src/neo4j/embedded";
import { startHostileWorld, watchLiveness } from "./hostile/world";

function runClients(url: string, connections: number, duration: number, attack: boolean): Promise<ClientReport> {
  return new Promise((resolve, reject) => {
    const args = [url, String(connections), String(duration), attack ? "attack" : "none"];
    const child = fork(path.join(__dirname, "hostile-client.ts"), args, {
      execArgv: ["--import", "tsx"],
    });
    child.once("message", (m) => resolve(m as ClientReport));
    child.once("error", reject);
    child.once("exit", (code) => code !== 0 && reject(new Error(`the client process exited with ${code}`)));
  });
}

const normalLine = (what: string, n: ClientReport["normal"]) =>
  `- ${what}: ${n.requests} requests, p50 ${n.p50} ms, p90 ${n.p90} ms, **p99 ${n.p99} ms**, max ${n.max} ms; ` +
  `errors: ${codes(n.errors)}`;

const codes = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([code, n]) => `${code} ×${n}`)
    .join(", ") || "–";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      statements: { type: "string", default: "20000" },
      duration: { type: "string", default: "60" },
      connections: { type: "string", default: "8" },
    },
  });
  const statements = Number(values.statements);
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const world = await startHostileWorld({ statements, log: (line) => console.error(line) });
  try {
    console.error(`${connections} normal clients alone for ${duration} s against ${world.server.url} (baseline)`);
    const baseline = await runClients(world.server.url, connections, duration, false);
    console.error(`${connections} normal clients and one attacker for ${duration} s`);
    const jvmPid = world.neo4j.pid;
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const liveness = watchLiveness(world.server.url);
    const report = await runClients(world.server.url, connections, duration, true);
    const slowestLive = await liveness.stop();
    loop.disable();
    const restarts = world.unexpectedExits.length;
    const lines = [
      `# Hostile load: ${statements.toLocaleString("en")} generated statements, ${duration} s`,
      "",
      `\`npm run bench:hostile -- --statements ${statements} --duration ${duration} --connections ${connections}\`;` +
        ` embedded Neo4j with npm start's defaults (heap ${world.heapMb} MB), ${connections} normal clients and one` +
        ` attacker in a separate process; first ${duration} s of the normal clients alone (baseline), then` +
        ` ${duration} s with the attacker.`,
      "",
      `- **Neo4j JVM restarts: ${restarts}**${restarts ? ` (${world.unexpectedExits.join("; ")})` : ""}; ` +
        `pid ${jvmPid} ${processAlive(jvmPid) ? "still running" : "gone"}`,
      normalLine("Normal queries under attack", report.normal),
      normalLine("Normal queries alone (baseline)", baseline.normal),
      `- Slowest /health/live: ${Math.round(slowestLive)} ms; ` +
        `event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
      "",
      "| attack | sent | answered | refused | p50 ms | max ms | largest answer |",
      "|---|---:|---:|---|---:|---:|---:|",
      ...report.attacks.map(
        (a) =>
          `| ${a.name} | ${a.sent} | ${a.answered} | ${codes(a.refused)} | ${a.p50} | ${a.max} | ` +
          `${(a.maxBytes / 1e6).toFixed(2)} MB |`,
      ),
      "",
    ];
    const out = path.join(__dirname, "results", `hostile-${statements}.md`);
    fs.writeFileSync(out, lines.join("\n"));
    console.log(lines.join("\n"));
    console.error(`Written to ${path.relative(process.cwd(), out)}`);
    process.exitCode = restarts === 0 ? 0 : 1;
  } finally {
    await world.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
