// What a shape of the suite is: a question (bench/questions.ts) a front end sends, with the hand-written Cypher that
// answers it best returning the GraphQL answer's own shape ({data}), so that the two answers, made canonical, must be
// equal field for field, value for value (not just ids).
import type { Json, Question } from "../questions";

export interface Shape extends Question {
  /**
   * Held-out shapes are measured and reported apart, and never tuned on: the server's general path must make them fast
   * without anyone looking at them (issue 33). Named in the shape's own file, next to its query.
   */
  heldOut: boolean;
}

/** Lists whose order the schema does not promise: compared as sets (sorted by their canonical text). */
const UNORDERED = new Set([
  "aliases",
  "offices",
  "officeHolders",
  "organizations",
  "contains",
  "members",
  "memberOf",
  "participants",
  "followedBy",
  "events",
  "venues",
  // "Who and what it mentions": by name then id under statement(id), but by id in an organization's statement list.
  "mentions",
]);

/** An answer with every object's keys sorted, and the lists the schema leaves unordered sorted: JSON text compares. */
export function canonical(value: unknown, key?: string): Json {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v));
    return key !== undefined && UNORDERED.has(key)
      ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
      : items;
  }
  if (typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(value).sort()) out[k] = canonical((value as Record<string, unknown>)[k], k);
    return out;
  }
  return value as Json;
}

type Obj = Record<string, unknown>;

/** The peer (@neo4j/graphql) is not asked the shapes: the suite measures this server against the limit. */
const NOT_ASKED = { cannot: "not asked in the shape suite (this server against the hand-written Cypher only)" };

/** The GraphQL answer and the Cypher's `data` column, both made canonical (the same function on both sides). */
export function shape(
  s: Omit<Shape, "ours" | "limit" | "peer"> & {
    query: string;
    variables: Record<string, Json>;
    cypher: string;
    params?: Record<string, Json>;
    /** The client's own work on the Cypher's data, where GraphQL does it on the server (a search snippet). */
    finish?: (data: unknown) => unknown;
  },
): Shape {
  const { query, variables, cypher, params, finish, ...rest } = s;
  return {
    ...rest,
    ours: { query, variables, pick: (d) => canonical(d) },
    peer: NOT_ASKED,
    limit: {
      cypher,
      params: params ?? variables,
      pick: (rows: Obj[]) => {
        const data = rows[0]?.data ?? null;
        return canonical(finish ? finish(data) : data);
      },
    },
  };
}

/** A node's GraphQL type name from its labels (every entity also carries Entity). */
export const typename = (v: string) => `head([l IN labels(${v}) WHERE l <> 'Entity'])`;
