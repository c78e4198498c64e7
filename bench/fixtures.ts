// The ids the questions ask about, chosen from the loaded data by fixed rules, so every run at a size asks the same.
import type { Database } from "../src/graph/runtime/database";
import { PATH_RELATIONSHIPS } from "./questions";

export interface Fixtures {
  /** The most prolific person (ties: smallest id). */
  person: string;
  /** A state where that person holds office, else the first state with office holders. */
  state: string;
  /** The date range of the by-state question. */
  from: string;
  to: string;
  /** The full-text search word. */
  word: string;
  /** The last person without office who said something, and the first venue three hops from them. */
  pathFrom: string;
  pathTo: string;
}

async function one(db: Database, cypher: string, params: Record<string, unknown> = {}): Promise<string> {
  const [row] = await db.read<{ id: string }>(cypher, params);
  if (!row) throw new Error(`the data has no fixture for: ${cypher.replace(/\s+/g, " ")}`);
  return row.id;
}

async function pathTarget(db: Database, from: string): Promise<string> {
  const rows = await db.read<{ id: string; hops: number }>(
    `MATCH (a:Person {id: $from}), (v:Venue)
     WITH a, v ORDER BY v.id
     MATCH p = shortestPath((a)-[:${PATH_RELATIONSHIPS}*..4]-(v))
     RETURN v.id AS id, length(p) AS hops`,
    { from },
  );
  const target = rows.find((r) => r.hops === 3) ?? rows.find((r) => r.hops >= 2) ?? rows[0];
  if (!target) throw new Error(`no venue is within 4 hops of ${from}`);
  return target.id;
}

export async function chooseFixtures(db: Database): Promise<Fixtures> {
  const person = await one(
    db,
    "MATCH (p:Person) RETURN p.id AS id ORDER BY COUNT { (p)-[:SAID]->() } DESC, p.id LIMIT 1",
  );
  const state = await one(
    db,
    `OPTIONAL MATCH (:Person {id: $person})-[:HOLDS_OFFICE]->(own:State)
     WITH own ORDER BY own.id LIMIT 1
     OPTIONAL MATCH (any:State) WHERE own IS NULL AND EXISTS { (any)<-[:HOLDS_OFFICE]-(:Person) }
     WITH own, any ORDER BY any.id LIMIT 1
     RETURN coalesce(own.id, any.id) AS id`,
    { person },
  );
  const pathFrom = await one(
    db,
    // Tiny datasets have office holders only; then the last of them.
    "MATCH (p:Person) WHERE EXISTS { (p)-[:SAID]->() } RETURN p.id AS id " +
      "ORDER BY EXISTS { (p)-[:HOLDS_OFFICE]->() }, p.id DESC LIMIT 1",
  );
  return {
    person,
    state,
    from: "2020-01-01",
    to: "2020-12-31",
    word: "ceasefire",
    pathFrom,
    pathTo: await pathTarget(db, pathFrom),
  };
}
