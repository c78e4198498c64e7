// Which of some statements a statement filter keeps: the same filter, with the same meaning, as statements(filter:)
// (the anchors' predicates of statements.ts, alias ids and all), tested on statements named by id. A subscription to
// new statements asks this of each batch of statements the change log reports.
import { nodeById } from "../aliasIds";
import { AWAIT_STATEMENT_TEXT, allWords } from "../fulltext";
import type { Database } from "../runtime/database";
import { KEYED_PAGE } from "./statementKeys";
import { ANCHORS, FILTER_ANCHORS, type BuiltQuery, type StatementFilter } from "./statements";

/**
 * The query (`prefix` names its parameters apart, for a union of several): the nodes the filter names are looked up
 * once (no row when one names nothing: then nothing matches, as the list would be empty), then each statement by its
 * id, kept when every condition holds. A text filter reads the full-text index's hits, as the list does, and keeps
 * the statements among them.
 */
export function buildStatementMatch(filter: StatementFilter, prefix = ""): BuiltQuery {
  const params: Record<string, unknown> = {};
  const bindings: string[] = [];
  const predicates: string[] = [];
  for (const [field, kind] of FILTER_ANCHORS) {
    const value = filter[field];
    if (!value) continue;
    params[`${prefix}f_${field}`] = value;
    bindings.push(nodeById(field, `$${prefix}f_${field}`, ANCHORS[kind].label));
    predicates.push(ANCHORS[kind].predicate(field));
  }
  if (filter.kind) {
    params[`${prefix}f_kind`] = filter.kind;
    predicates.push(`s.kind = $${prefix}f_kind`);
  }
  if (filter.from) {
    params[`${prefix}f_from`] = filter.from;
    predicates.push(`s.saidOn >= date($${prefix}f_from)`);
  }
  if (filter.to) {
    params[`${prefix}f_to`] = filter.to;
    predicates.push(`s.saidOn <= date($${prefix}f_to)`);
  }
  const textQuery = filter.text ? allWords(filter.text) : null;
  if (textQuery) {
    params[`${prefix}textQuery`] = textQuery;
    bindings.unshift(AWAIT_STATEMENT_TEXT);
    bindings.push(`CALL () {
  CALL db.index.fulltext.queryNodes('statement_text', $${prefix}textQuery) YIELD node
  WHERE node.id IN $ids
  RETURN collect(node.id) AS hits
}`);
    predicates.push("s.id IN hits");
  }
  const where = predicates.length ? `\nWHERE ${predicates.join("\n  AND ")}` : "";
  const cypher = `${bindings.map((b) => `${b}\n`).join("")}UNWIND $ids AS id
MATCH (s:Statement {id: id})${where}
RETURN s.id AS id`;
  return { cypher, params };
}

/** The ids among these that name a statement the filter keeps, in the order given. */
export async function matchingStatements(
  db: Database,
  ids: readonly string[],
  filter: StatementFilter,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const { cypher, params } = buildStatementMatch(filter);
  const rows = await db.read<{ id: string }>(cypher, { ...params, ids: [...ids] });
  const kept = new Set(rows.map((row) => row.id));
  return ids.filter((id) => kept.has(id));
}

/** Filters per query of statementMatches: a union of many branches takes Neo4j longer to plan than to run. */
const FILTERS_PER_QUERY = 32;

/**
 * One query for several filters: a union of each filter's query (its parameters named apart), each row saying which
 * filter kept which statement. The filters' order is the text's order, so the same filters reuse one cached plan; and
 * the ids are always KEYED_PAGE of them (padded with nulls, which match no statement), so that a batch of 1 and one of
 * 11 new statements do not each make Neo4j plan the union again (it caches a plan per size class of a list: 0.9–1.5 s
 * for three filters at 1 and 11 ids on a loaded machine, 5–125 ms once planned). replan=skip: index seeks by id, the
 * full-text index and the filters' anchors, whatever the statistics.
 */
export function buildStatementMatches(filters: readonly StatementFilter[]): BuiltQuery {
  const params: Record<string, unknown> = {};
  const branches = filters.map((filter, i) => {
    const built = buildStatementMatch(filter, `m${i}_`);
    Object.assign(params, built.params);
    return built.cypher.replace(/RETURN s\.id AS id$/, `RETURN ${i} AS filter, s.id AS id`);
  });
  return { cypher: `CYPHER replan=skip\n${branches.join("\nUNION ALL\n")}`, params };
}

/** The ids of one read of statementMatches: KEYED_PAGE of them, the rest nulls. */
function paddedIds(ids: readonly string[]): (string | null)[] {
  return [...ids, ...Array<null>(KEYED_PAGE - ids.length).fill(null)];
}

/**
 * For each filter, the ids among these that name a statement it keeps, in the order given: the subscribers of one
 * process share it per batch of new statements, one query per FILTERS_PER_QUERY distinct filters.
 */
export async function statementMatches(
  db: Database,
  ids: readonly string[],
  filters: readonly StatementFilter[],
): Promise<string[][]> {
  if (ids.length === 0 || filters.length === 0) return filters.map(() => []);
  const chunks: StatementFilter[][] = [];
  for (let i = 0; i < filters.length; i += FILTERS_PER_QUERY) chunks.push(filters.slice(i, i + FILTERS_PER_QUERY));
  const pages: (string | null)[][] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += KEYED_PAGE) pages.push(paddedIds(unique.slice(i, i + KEYED_PAGE)));
  const kept = filters.map(() => new Set<string>());
  await Promise.all(
    chunks.flatMap((chunk, c) => {
      const { cypher, params } = buildStatementMatches(chunk);
      return pages.map(async (page) => {
        const rows = await db.read<{ filter: number; id: string }>(cypher, { ...params, ids: page });
        for (const row of rows) kept[c * FILTERS_PER_QUERY + Number(row.filter)]!.add(row.id);
      });
    }),
  );
  return kept.map((set) => ids.filter((id) => set.has(id)));
}
