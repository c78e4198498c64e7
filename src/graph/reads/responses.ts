// Conversations: which statements each statement responds to (or is responded to by), for many statements in one
// query, and the whole thread around one statement, both ways, in date order.
import {
  MAX_CONVERSATION_DEPTH,
  MAX_CONVERSATION_STATEMENTS,
  MAX_RESPONSES,
  type ResponseRelation,
} from "../../domain/responses";
import { nodeById } from "../aliasIds";
import type { Database } from "../runtime/database";
import { nodeMap, sourceRefMap, statementMap, type StatementParts, type StatementProperty } from "../projections";
import type { EvidenceRow, SourceRow, StatementRow } from "../rows";
import type { BuiltQuery } from "./statements";

export type ResponseDirection = "respondsTo" | "responses";

export interface ResponseRow {
  relation: ResponseRelation;
  statement: StatementRow;
  /** The sources that state the response (a curator's has none), by publication date. */
  sources: SourceRow[];
  /** The spans of their texts that say so, when a dataset gave them. */
  evidence: EvidenceRow[];
}

/** From the statement a, bound by id: its responses r to the statements b at the other end. */
const PATTERNS: Record<ResponseDirection, string> = {
  respondsTo: "(a)-[r:RESPONDS_TO]->(b:Statement)",
  responses: "(a)<-[r:RESPONDS_TO]-(b:Statement)",
};

/** Statements in date order, undated last; then by time and id, so that the order is stable. */
export const DATE_ORDER = (v: string) => `${v}.saidOn IS NULL, ${v}.saidOn, ${v}.time, ${v}.id`;

/**
 * One row per (relation, other statement), however many sources state it: the sources and their spans gathered (the
 * spans are kept on the relationship as parallel lists: starts, ends, excerpts). At most MAX_RESPONSES per statement,
 * the earliest, chosen before anything is gathered, so that a statement answered a million times costs a hundred.
 * With `properties`, the other statement comes with only those (and its id; a date as its string): a hundred
 * statements answered a hundred times each are 10,000 rows for the driver to decode.
 */
export function buildResponsesQuery(
  direction: ResponseDirection,
  ids: readonly string[],
  properties?: readonly StatementProperty[],
): BuiltQuery {
  const statement = properties ? statementMap("b", { properties }) : nodeMap("b");
  return {
    cypher: `UNWIND $ids AS id
     ${nodeById("a", "id", "Statement")}
     CALL (a) {
       MATCH ${PATTERNS[direction]}
       WITH DISTINCT b, r.relation AS relation
       ORDER BY ${DATE_ORDER("b")}, relation
       LIMIT $limit
       CALL (a, b, relation) {
         MATCH ${PATTERNS[direction]}
         WHERE r.relation = relation
         OPTIONAL MATCH (src:Source {id: r.source})
         WITH src, [i IN range(0, size(coalesce(r.starts, [])) - 1) |
                {source: ${sourceRefMap("src")}, start: r.starts[i], end: r.ends[i], excerpt: r.excerpts[i]}] AS spans
         ORDER BY src.publishedOn, src.id
         WITH collect(DISTINCT ${sourceRefMap("src")}) AS sources, collect(spans) AS spans
         RETURN sources, reduce(all = [], s IN spans | all + s) AS evidence
       }
       RETURN collect({relation: relation, statement: ${statement}, sources: sources, evidence: evidence})
              AS responses
     }
     RETURN id, responses`,
    params: { ids: [...new Set(ids)], limit: MAX_RESPONSES },
  };
}

/** Each statement's responses (in the order of ids; none for an unknown id), in the other statement's date order. */
export async function responsesOf(
  db: Database,
  direction: ResponseDirection,
  ids: readonly string[],
  properties?: readonly StatementProperty[],
): Promise<ResponseRow[][]> {
  const { cypher, params } = buildResponsesQuery(direction, ids, properties);
  const rows = await db.read<{ id: string; responses: ResponseRow[] }>(cypher, params);
  const byId = new Map(rows.map((row) => [row.id, row.responses]));
  return ids.map((id) => byId.get(id) ?? []);
}

/**
 * The statements around one, up to maxDepth responses away in either direction (itself included), in date order,
 * undated last, at most MAX_CONVERSATION_STATEMENTS. A breadth-first walk that visits each statement once (Neo4j
 * plans a variable-length match followed by DISTINCT as one), so a thread of any shape costs its size.
 */
export function buildConversationQuery(id: string, maxDepth: number, parts: StatementParts = {}): BuiltQuery {
  if (!Number.isInteger(maxDepth) || maxDepth < 0 || maxDepth > MAX_CONVERSATION_DEPTH) {
    throw new RangeError(`maxDepth must be an integer from 0 to ${MAX_CONVERSATION_DEPTH}`);
  }
  // maxDepth is a checked integer: Cypher cannot take a variable-length bound as a parameter.
  return {
    cypher: `${nodeById("s", "$id", "Statement")}
     MATCH (s)-[:RESPONDS_TO*0..${maxDepth}]-(x:Statement)
     WITH DISTINCT x
     ORDER BY ${DATE_ORDER("x")}
     LIMIT $limit
     RETURN ${statementMap("x", parts)} AS statement`,
    params: { id, limit: MAX_CONVERSATION_STATEMENTS },
  };
}

/** The conversation around a statement; empty when there is no statement with this id (or alias id). */
export async function conversation(
  db: Database,
  id: string,
  maxDepth: number,
  parts: StatementParts = {},
): Promise<StatementRow[]> {
  const { cypher, params } = buildConversationQuery(id, maxDepth, parts);
  const rows = await db.read<{ statement: StatementRow }>(cypher, params);
  return rows.map((row) => row.statement);
}
