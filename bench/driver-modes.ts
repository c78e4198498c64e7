// npm run bench:driver [-- --statements 10000 --rounds 5 --requests 2000]: the same point look-up through the three
// ways neo4j-driver can send a read — a managed transaction (executeRead), driver.executeQuery, and an auto-commit
// query (session.run) — side by side, from 8 concurrent callers, counting socket writes. It is why this server sends
// every single read as an auto-commit query.
import net from "node:net";
import { parseArgs } from "node:util";
import neo4j, { type Driver } from "neo4j-driver";
import { ensureDataset } from "./dataset";
import { openEmbeddedGraph } from "./graph";
import { datasetDir, neo4jDir } from "./paths";

const CYPHER = "MATCH (p:Person {id: $id}) RETURN p.id AS id, p.name AS name, p.aliases AS aliases";
const CALLERS = 8;

let socketWrites = 0;
const write = net.Socket.prototype.write;
net.Socket.prototype.write = function (this: net.Socket, ...args: Parameters<typeof write>) {
  socketWrites += 1;
  return write.apply(this, args);
} as typeof write;

function modes(driver: Driver, params: Record<string, unknown>): Record<string, () => Promise<unknown>> {
  const inSession = async <T>(work: (session: ReturnType<Driver["session"]>) => Promise<T>) => {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  };
  return {
    executeRead: () => inSession((s) => s.executeRead((tx) => tx.run(CYPHER, params))),
    executeQuery: () => driver.executeQuery(CYPHER, params, { routing: neo4j.routing.READ }),
    "auto-commit": () => inSession((s) => s.run(CYPHER, params)),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { statements: { type: "string" }, rounds: { type: "string" }, requests: { type: "string" } },
  });
  const statements = Number(values.statements ?? 10_000);
  const rounds = Number(values.rounds ?? 5);
  const requests = Number(values.requests ?? 2_000);
  const log = (line: string) => console.error(line);
  const dataset = ensureDataset(datasetDir(statements), statements, log);
  const settings = { heapMb: 2048, pageCacheMb: 2048, txMemoryMb: 2048 };
  const graph = await openEmbeddedGraph(neo4jDir(statements), dataset, statements, settings, { log, progress: true });
  const driver = neo4j.driver(graph.connection.uri, neo4j.auth.basic(graph.connection.user, graph.connection.password));
  try {
    const ways = modes(driver, { id: "person:p-000001" });
    const results = new Map<string, { rps: number[]; cpu: number[]; writes: number[] }>();
    for (let round = 0; round < rounds; round++) {
      // Every way once per round, in turn, so the machine's noise falls on all of them alike.
      for (const [name, ask] of Object.entries(ways)) {
        for (let i = 0; i < 100; i++) await ask();
        socketWrites = 0;
        const cpuStart = process.cpuUsage();
        const started = performance.now();
        await Promise.all(
          Array.from({ length: CALLERS }, async () => {
            for (let i = 0; i < requests / CALLERS; i++) await ask();
          }),
        );
        const seconds = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuStart);
        const r = results.get(name) ?? { rps: [], cpu: [], writes: [] };
        r.rps.push(requests / seconds);
        r.cpu.push((cpu.user + cpu.system) / 1000 / requests);
        r.writes.push(socketWrites / requests);
        results.set(name, r);
      }
    }
    console.log(
      `Point look-up at ${statements} statements, ${CALLERS} concurrent callers, ${requests} requests a round, ` +
        `median of ${rounds} rounds:\n`,
    );
    console.log("| way | requests/s | Node CPU ms/request | socket writes/request |");
    console.log("|---|---:|---:|---:|");
    for (const [name, r] of results) {
      console.log(
        `| ${name} | ${median(r.rps).toFixed(0)} | ${median(r.cpu).toFixed(3)} | ${median(r.writes).toFixed(2)} |`,
      );
    }
  } finally {
    await driver.close();
    await graph.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? `Benchmark failed: ${e.message}` : e);
    process.exit(1);
  },
);
