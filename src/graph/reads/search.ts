// Full-text search over statement text and entity names, aliases and descriptions: a keyset-paginated list, best
// matches first (score, then id).
//
// Lucene hands out hits best first, and only its top hits: each page asks both indexes for as many as the page can
// reach (the place of its cursor, kept in the cursor, plus the page), and pages the merged hits by (score, id). Hits
// cut off by that depth all score at most the lowest score kept, so a page whose hits all score above it is exact;
// otherwise (ties across the cut, or a list changed since the cursor was made) it is read again four times deeper, up
// to SEARCH_DEPTH hits of each index.
import { cursorScope, type CursorKey, type CursorScope } from "../cursor";
import type { Database } from "../runtime/database";
import { AWAIT_STATEMENT_TEXT, anyWords } from "../fulltext";
import { cursorPredicates, scanDirection, toPage, windowCursors, type ListOrder, type PageWindow } from "../pages";
import { nodeMap, statementMap, type StatementParts } from "../projections";
import type { NodeRow, Page } from "../rows";
import type { BuiltQuery } from "./statements";

/** The most hits of each index a search reads: its pages reach the best this many statements and entities. */
export const SEARCH_DEPTH = 10_000;

export interface SearchQuery extends PageWindow {
  text: string;
  /** The linked parts of statements the query selected (nothing else is fetched). */
  parts: StatementParts;
  withTotal: boolean;
}

export interface SearchRow {
  node: NodeRow;
  score: number;
}

/** A search's cursors belong to its words. */
export function searchCursorScope(query: Pick<SearchQuery, "text">): CursorScope {
  return cursorScope("search", { query: query.text });
}

/** Score descending, then id ascending; a cursor is [score, id, place in the list from 1]. */
const ORDER: ListOrder = { key: "score", id: "node.id", direction: "DESC", idDirection: "ASC", cursorLength: 3 };

/** How many hits of each index a page needs first: as many as lie before the end of the page it asks for. */
export function searchDepth(query: SearchQuery): number {
  const cursors = new Map(windowCursors(query, searchCursorScope(query), 3).map((c) => [c.argument, c.key]));
  const place = (key: CursorKey | undefined) => (typeof key?.[2] === "number" ? key[2] : 0);
  if (!query.backward) return Math.min(SEARCH_DEPTH, place(cursors.get("after")) + query.size + 1);
  // The last hits of the whole list need all of them.
  return cursors.has("before") ? Math.min(SEARCH_DEPTH, Math.max(place(cursors.get("before")), 1)) : SEARCH_DEPTH;
}

/**
 * The query for one page with the linked parts of statements the query selected, reading `depth` hits of each index;
 * null when there is nothing to search. It returns the page (in scan order), how many hits it read, and the lowest
 * score of each index whose hits the depth cut off.
 */
export function buildSearchQuery(query: SearchQuery, depth: number): BuiltQuery | null {
  const words = anyWords(query.text);
  if (!words) return null;
  const cursors = cursorPredicates(query, searchCursorScope(query), ORDER);
  const direction = scanDirection(query, ORDER.direction);
  const idDirection = scanDirection(query, ORDER.idDirection!);
  const hits = (index: string, name: string) => `CALL () {
       CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $depth}) YIELD node, score
       RETURN collect({node: node, score: score}) AS ${name}
     }`;
  const count = (index: string, name: string) => `CALL () {
       CALL db.index.fulltext.queryNodes('${index}', $query) YIELD node RETURN count(node) AS ${name}
     }`;
  const node = `CASE WHEN node:Statement THEN ${statementMap("node", query.parts)} ELSE ${nodeMap("node")} END`;
  const where = cursors.predicates.length ? `\n       WHERE ${cursors.predicates.join(" AND ")}` : "";
  return {
    cypher: `${AWAIT_STATEMENT_TEXT}
     ${hits("statement_text", "statementHits")}
     ${hits("entity_names", "entityHits")}
     WITH statementHits + entityHits AS hits,
       [cut IN [statementHits, entityHits] WHERE size(cut) = $depth | cut[-1].score] AS cuts
     CALL (hits) {
       UNWIND hits AS hit
       WITH hit.node AS node, hit.score AS score${where}
       WITH node, score ORDER BY score ${direction}, node.id ${idDirection} LIMIT $limit
       RETURN collect({row: {node: ${node}, score: score}, sortKey: score}) AS page
     }${
       query.withTotal
         ? `
     ${count("statement_text", "statementTotal")}
     ${count("entity_names", "entityTotal")}`
         : ""
     }
     RETURN page, size(hits) AS read, cuts, ${query.withTotal ? "statementTotal + entityTotal" : "null"} AS total`,
    params: { query: words, depth, limit: query.size + 1, ...cursors.params },
  };
}

interface SearchRows {
  page: { row: SearchRow; sortKey: number }[];
  read: number;
  cuts: number[];
  total: number | null;
}

/** Whether no hit cut off by the depth could belong in this page (see the top of this file). */
function exact(query: SearchQuery, found: SearchRows): boolean {
  if (found.cuts.length === 0) return true;
  const highestCut = Math.max(...found.cuts);
  if (query.backward) {
    // Everything before the cursor scores at least the cursor's score.
    const before = query.before ? windowCursors(query, searchCursorScope(query), 3).at(-1)!.key[0] : null;
    return typeof before === "number" && before > highestCut;
  }
  const last = found.page.at(-1);
  return found.page.length === query.size + 1 && last !== undefined && last.sortKey > highestCut;
}

/** One page of hits with the linked parts of statements the query selected (nothing else is fetched). */
export async function searchPage(db: Database, query: SearchQuery): Promise<Page<SearchRow>> {
  const scope = searchCursorScope(query);
  if (query.size === 0 && !query.withTotal) return toPage(query, undefined, scope, () => []);
  let depth = searchDepth(query);
  let found: SearchRows | undefined;
  for (;;) {
    const built = buildSearchQuery(query, depth);
    if (!built) break;
    [found] = await db.read<SearchRows>(built.cypher, built.params);
    if (!found || depth >= SEARCH_DEPTH || exact(query, found)) break;
    depth = Math.min(SEARCH_DEPTH, depth * 4);
  }
  // Each hit's place in the whole list, from the cursor the page starts at (backward: ends at).
  const cursors = new Map(windowCursors(query, scope, 3).map((c) => [c.argument, c.key[2] as number]));
  const kept = Math.min(found?.page.length ?? 0, query.size);
  const firstPlace = query.backward
    ? (cursors.get("before") ?? (found?.read ?? 0) + 1) - kept
    : (cursors.get("after") ?? 0) + 1;
  return toPage(query, found, scope, (item, index) => [item.sortKey, item.row.node.id, firstPlace + index]);
}
