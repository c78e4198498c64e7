// How entity resolution's candidate look-up scales with the graph: the same 1,000 incoming people (spelling variants of
// people in the graph, and new ones) resolved against graphs of 10,000 and 1,000,000 people, in a read transaction
// (a dry run: nothing is written). `npm run bench:resolution [-- --sizes 10000,1000000]`, into the configured Neo4j
// (use an empty NEO4J_DATA_DIR: the people are created there).
import { loadConfig } from "../src/config";
import { lookupKeys, resolve } from "../src/domain/resolution";
import type { Database } from "../src/graph/runtime/database";
import { candidatesByKeys } from "../src/graph/reads/resolutionReads";
import { loadIntoConfiguredNeo4j, runLoadCommand } from "../src/load/run";

const GIVEN = ["Olena", "Anna", "Oleksandr", "Ivan", "Maria", "Petro", "Iryna", "Andriy", "Sofia", "Mykola"];
const SYLLABLES = ["ko", "va", "len", "chuk", "ski", "mer", "dra", "ven", "sol", "tav", "ri", "na", "bor", "dyn"];

/** The i-th surname: three or four syllables; low numbers are frequent (as real surnames are), via i % span. */
function surname(i: number): string {
  const s = (n: number) => SYLLABLES[n % SYLLABLES.length]!;
  const word = s(i) + s(Math.floor(i / 14)) + s(Math.floor(i / 196)) + (i >= 2744 ? s(Math.floor(i / 2744)) : "");
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Person n of a graph: names repeat surnames like a population does (about 100 people per surname at 1M). */
function person(n: number): { id: string; name: string } {
  return { id: `person:synthetic-${n}`, name: `${GIVEN[n % GIVEN.length]} ${surname(Math.floor(n / 100))}` };
}

async function grow(db: Database, from: number, to: number): Promise<void> {
  const batch = 10_000;
  for (let start = from; start < to; start += batch) {
    const rows = [];
    for (let n = start; n < Math.min(to, start + batch); n++) {
      const p = person(n);
      rows.push({ ...p, keys: lookupKeys("Person", [p.name]) });
    }
    await db.write(
      `UNWIND $rows AS row
       CREATE (p:Person:Entity {id: row.id, name: row.name, aliases: []})
       WITH p, row
       UNWIND row.keys AS key
       MERGE (k:NameKey {key: key})
       CREATE (k)-[:NAMES]->(p)`,
      { rows },
    );
  }
}

/** 1,000 incoming people: half a spelling variant of someone in the graph (a vowel of the surname as y), half new. */
function incoming(size: number) {
  return Array.from({ length: 1000 }, (_, i) => {
    if (i % 2 === 0) {
      const [given, family] = person(Math.floor((i / 1000) * size)).name.split(" ");
      return { id: `person:incoming-${i}`, name: `${given} ${family!.replace(/(?<=.)[aeiou]/, "y")}` };
    }
    return { id: `person:incoming-${i}`, name: `Newname${i} Unheardof${i}` };
  });
}

async function measure(db: Database, size: number) {
  const people = incoming(size);
  const started = performance.now();
  const decisions = await db.readTransaction(async (tx) => {
    const found = await candidatesByKeys(
      tx,
      "Person",
      people.map((p) => ({ incoming: p.id, keys: lookupKeys("Person", [p.name]) })),
    );
    return people.map((p) => resolve({ id: p.id, label: "Person", names: [p.name] }, found.get(p.id) ?? []));
  });
  const ms = performance.now() - started;
  const candidates = decisions.map((d) => d.candidates.length).sort((a, b) => a - b);
  const count = (decision: string) => decisions.filter((d) => d.decision === decision).length;
  return {
    size,
    ms,
    perEntity: ms / people.length,
    medianCandidates: candidates[Math.floor(candidates.length / 2)]!,
    maxCandidates: candidates[candidates.length - 1]!,
    merged: count("MERGED"),
    ambiguous: count("AMBIGUOUS"),
    fresh: count("NEW"),
  };
}

async function main(): Promise<number> {
  const arg = process.argv.indexOf("--sizes");
  const sizes = (arg > 0 ? process.argv[arg + 1]! : "10000,1000000").split(",").map(Number);
  const config = loadConfig();
  return loadIntoConfiguredNeo4j(config, async (db) => {
    const [existing] = await db.read<{ n: number }>("MATCH (p:Person) RETURN count(p) AS n");
    if (Number(existing?.n ?? 0) > 0) throw new Error("bench:resolution needs an empty graph (set NEO4J_DATA_DIR)");
    let people = 0;
    console.log(
      "| people in the graph | 1,000 resolved in | per entity | candidates: median · max | merged · ambiguous · new |",
    );
    console.log("|---:|---:|---:|---:|---:|");
    for (const size of sizes) {
      await grow(db, people, size);
      people = size;
      await measure(db, size); // warm the caches once
      const r = await measure(db, size);
      console.log(
        `| ${size.toLocaleString("en")} | ${r.ms.toFixed(0)} ms | ${r.perEntity.toFixed(2)} ms | ` +
          `${r.medianCandidates} · ${r.maxCandidates} | ${r.merged} · ${r.ambiguous} · ${r.fresh} |`,
      );
    }
  });
}

runLoadCommand(main, "Cannot run the resolution benchmark");
