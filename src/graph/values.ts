// Converts Neo4j driver values (Integer, temporal types, nodes) into plain JSON-friendly JavaScript.
import neo4j, {
  isDate,
  isDateTime,
  isDuration,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isRelationship,
  isTime,
} from "neo4j-driver";

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  // The common cases first: a result is mostly strings, and maps and lists of them.
  switch (typeof value) {
    case "string":
    case "boolean":
    case "number":
      return value;
    case "bigint":
      return Number(value);
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) return plainObject(value as Record<string, unknown>);
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return (value as { toString(): string }).toString();
  }
  if (isNode(value) || isRelationship(value)) return toPlain((value as { properties: unknown }).properties);
  return plainObject(value as Record<string, unknown>);
}

function plainObject(value: Record<string, unknown>): { [key: string]: Plain } {
  const out: { [key: string]: Plain } = {};
  for (const key of Object.keys(value)) out[key] = toPlain(value[key]);
  return out;
}

/**
 * JavaScript numbers reach Neo4j as floats; integral ones are sent as Neo4j integers instead, so that LIMIT works
 * and offsets are stored as integers. (No parameter of ours is a float that happens to be whole.)
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === "number") return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toNeo4jParams(v);
    return out;
  }
  return value;
}
