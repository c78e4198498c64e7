// Full-text search over statement text and entity names, aliases and descriptions, best matches first.
import type { Database } from "./database";
import { anyWords } from "./fulltext";
import { nodeMap, statementMap, type StatementParts } from "./projections";
import type { NodeRow } from "./rows";
import type { BuiltQuery } from "./statements";

export interface SearchRow {
  node: NodeRow;
  score: number;
}

/** The query for hits with the linked parts of statements the query selected; null when there is nothing to search. */
export function buildSearchQuery(text: string, first: number, parts: StatementParts): BuiltQuery | null {
  const query = anyWords(text);
  if (!query || first === 0) return null;
  return {
    cypher: `CALL () {
       CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $first}) YIELD node, score RETURN node, score
       UNION ALL
       CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $first}) YIELD node, score RETURN node, score
     }
     WITH node, score ORDER BY score DESC, node.id LIMIT $first
     RETURN CASE WHEN node:Statement THEN ${statementMap("node", parts)} ELSE ${nodeMap("node")} END AS node, score`,
    params: { query, first },
  };
}

/** Hits with the linked parts of statements the query selected (nothing else is fetched). */
export async function searchText(
  db: Database,
  text: string,
  first: number,
  parts: StatementParts,
): Promise<SearchRow[]> {
  const built = buildSearchQuery(text, first, parts);
  if (!built) return [];
  return db.read<SearchRow>(built.cypher, built.params);
}
