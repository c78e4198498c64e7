// Which of some statements a statement filter keeps: the same filter, with the same meaning, as statements(filter:)
// (the anchors' predicates of statements.ts, alias ids and all), tested on statements named by id. A subscription to
// new statements asks this of each batch of statements the change log reports.
import { nodeById } from "../aliasIds";
import { allWords } from "../fulltext";
import type { Database } from "../runtime/database";
import { ANCHORS, FILTER_ANCHORS, type BuiltQuery, type StatementFilter } from "./statements";

/**
 * The query: the nodes the filter names are looked up once (no row when one names nothing: then nothing matches, as
 * the list would be empty), then each statement by its id, kept when every condition holds. A text filter reads the
 * full-text index's hits, as the list does, and keeps the statements among them.
 */
export function buildStatementMatch(filter: StatementFilter): BuiltQuery {
  const params: Record<string, unknown> = {};
  const bindings: string[] = [];
  const predicates: string[] = [];
  for (const [field, kind] of FILTER_ANCHORS) {
    const value = filter[field];
    if (!value) continue;
    params[`f_${field}`] = value;
    bindings.push(nodeById(field, `$f_${field}`, ANCHORS[kind].label));
    predicates.push(ANCHORS[kind].predicate(field));
  }
  if (filter.kind) {
    params.f_kind = filter.kind;
    predicates.push("s.kind = $f_kind");
  }
  if (filter.from) {
    params.f_from = filter.from;
    predicates.push("s.saidOn >= date($f_from)");
  }
  if (filter.to) {
    params.f_to = filter.to;
    predicates.push("s.saidOn <= date($f_to)");
  }
  const textQuery = filter.text ? allWords(filter.text) : null;
  if (textQuery) {
    params.textQuery = textQuery;
    bindings.push(`CALL () {
  CALL db.index.fulltext.queryNodes('statement_text', $textQuery) YIELD node
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
