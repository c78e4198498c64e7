// New statements as subscriptions read them: each with every linked part and its match keys, in one query, so that
// most statement filters are decided in memory instead of by a query per batch. A statement's keys for a filter field
// are every id that, given as that field, names a node the field's predicate in statements(filter:) accepts: the
// anchor nodes' own ids, and the alias ids that lead to them (those that no node of the field's label holds: a
// direct id wins over an alias, as in aliasIds.ts). So `speaker: id` keeps a statement exactly when its `said` keys
// hold id, with the meaning the list gives it. A text filter needs the full-text index, and a date that is not a
// plain day is left to Neo4j's date(): those filters are still asked of Neo4j (statementMatch.ts).
import type { Database } from "../runtime/database";
import { ALL_STATEMENT_PARTS, statementMap } from "../projections";
import type { StatementRow } from "../rows";
import type { BuiltQuery, StatementFilter } from "./statements";

/** The anchor fields a key decides, and the nodes (bound to x) each accepts, with their label for aliases. */
const KEYED: { field: "speaker" | "event" | "mentions" | "venue" | "state"; pattern: string; label: string }[] = [
  { field: "speaker", pattern: "(s)<-[:SAID]-(x:Entity)", label: "Entity" },
  { field: "event", pattern: "(s)-[:DURING]->(x:Event)", label: "Event" },
  { field: "mentions", pattern: "(s)-[:MENTIONS]->(x:Entity)", label: "Entity" },
  { field: "venue", pattern: "(s)-[:SAID_AT]->(:Venue)-[:LOCATED_IN*0..5]->(x:Venue)", label: "Venue" },
  { field: "state", pattern: "(s)<-[:SAID]-(:Entity)-[:PART_OF|HOLDS_OFFICE*0..1]->(x:State)", label: "State" },
];

export type StatementKeys = Record<(typeof KEYED)[number]["field"], string[]>;

export interface KeyedStatement {
  row: StatementRow;
  keys: StatementKeys;
}

/** The ids that name an accepted node: each node's own, and each alias of one that no node of the label holds. */
function keysOf(pattern: string, label: string): string {
  return `COLLECT {
      MATCH ${pattern} RETURN x.id AS key
      UNION
      MATCH ${pattern}<-[:ALIAS_OF]-(a:IdAlias) WHERE NOT EXISTS { MATCH (:${label} {id: a.id}) } RETURN a.id AS key
    }`;
}

/**
 * Ids per read, always this many (padded with nulls). Neo4j caches a plan per size class of a list parameter (1,
 * 2–10, 11–100, … ids: measured on 5.26), and planning this query took 0.9–2.7 s each time, which every
 * subscriber of the batch waited for: a tail whose batches held 1, then 8, then 11 new statements planned it three
 * times. One size, one plan.
 */
export const KEYED_PAGE = 200;

export function buildKeyedStatementsQuery(ids: readonly string[]): BuiltQuery {
  const keys = KEYED.map(({ field, pattern, label }) => `${field}: ${keysOf(pattern, label)}`).join(",\n    ");
  const unique = [...new Set(ids)];
  if (unique.length > KEYED_PAGE) throw new Error(`at most ${KEYED_PAGE} ids per read, not ${unique.length}`);
  return {
    // replan=skip: the plan is index seeks by id whatever the graph's size, so the statistics' growth under a stream
    // of writes is no reason to plan it again (another second of Neo4j's CPU while the batch waits).
    cypher: `CYPHER replan=skip
  UNWIND $ids AS id
  WITH id WHERE id IS NOT NULL
  MATCH (s:Statement {id: id})
  RETURN ${statementMap("s", ALL_STATEMENT_PARTS)} AS row, {
    ${keys}
  } AS keys`,
    params: { ids: [...unique, ...Array<null>(KEYED_PAGE - unique.length).fill(null)] },
  };
}

/** The statements with these ids, with their parts and keys, in the order given; null where there is none. */
export async function keyedStatements(db: Database, ids: readonly string[]): Promise<(KeyedStatement | null)[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const rows: KeyedStatement[] = [];
  for (let i = 0; i < unique.length; i += KEYED_PAGE) {
    const { cypher, params } = buildKeyedStatementsQuery(unique.slice(i, i + KEYED_PAGE));
    rows.push(...(await db.read<KeyedStatement>(cypher, params)));
  }
  const byId = new Map(rows.map((r) => [r.row.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether the filter keeps the statement, as statements(filter:) would (every condition holds; a node id that names
 * nothing keeps nothing); undefined when keys cannot tell: a text filter, or a date that is not a plain day.
 */
export function keepsByKeys(filter: StatementFilter, { row, keys }: KeyedStatement): boolean | undefined {
  if (filter.text) return undefined;
  if ((filter.from && !DAY.test(filter.from)) || (filter.to && !DAY.test(filter.to))) return undefined;
  for (const { field } of KEYED) {
    const id = filter[field];
    if (id && !keys[field].includes(id)) return false;
  }
  if (filter.kind && row.kind !== filter.kind) return false;
  if (filter.from || filter.to) {
    // Cypher compares dates: a statement without one (null) is kept by neither bound; plain days compare as text.
    const day = row.saidOn;
    if (!day) return false;
    if (!DAY.test(day)) return undefined;
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
  }
  return true;
}
