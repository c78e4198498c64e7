// Full-text search over statement text and entity names, aliases and descriptions, best matches first.
import type { Database } from "./database";
import { anyWords } from "./fulltext";
import { nodeMap, statementMap, type StatementParts } from "./projections";
import type { NodeRow } from "./rows";

export interface SearchRow {
  node: NodeRow;
  score: number;
}

/** Hits with the linked parts of statements the query selected (nothing else is fetched). */
export async function searchText(db: Database, text: string, first: number, parts: StatementParts): Promise<SearchRow[]> {
  const query = anyWords(text);
  if (!query || first === 0) return [];
  return db.read<SearchRow>(
    `CALL () {
       CALL db.index.fulltext.queryNodes('statement_text', $query, {limit: $first}) YIELD node, score RETURN node, score
       UNION ALL
       CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $first}) YIELD node, score RETURN node, score
     }
     WITH node, score ORDER BY score DESC, node.id LIMIT $first
     RETURN CASE WHEN node:Statement THEN ${statementMap("node", parts)} ELSE ${nodeMap("node")} END AS node, score`,
    { query, first },
  );
}
