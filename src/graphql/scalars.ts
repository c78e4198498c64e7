// Date, DateTime and JSON scalars: ISO 8601 strings in and out; invalid values are refused with what was expected.
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";

function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function badScalar(name: string, value: unknown, expected: string) {
  return new GraphQLError(`${name} cannot represent ${JSON.stringify(value)}: expected ${expected}`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

function stringScalar(name: string, description: string, valid: (s: string) => boolean, expected: string) {
  const parse = (value: unknown) => {
    if (typeof value !== "string" || !valid(value)) throw badScalar(name, value, expected);
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw badScalar(name, ast.kind, expected);
      return parse(ast.value);
    },
  });
}

export const DateScalar = stringScalar(
  "Date",
  "A calendar date, ISO 8601 (YYYY-MM-DD).",
  isCalendarDate,
  "a date YYYY-MM-DD",
);

export const DateTimeScalar = stringScalar(
  "DateTime",
  "A date-time with its offset, ISO 8601.",
  (s) => DATE_TIME.test(s) && isCalendarDate(s.slice(0, 10)),
  "a date-time with offset, e.g. 2025-06-02T13:00:00+03:00",
);

function literalToJson(ast: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return ast.values.map((v) => literalToJson(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    default:
      return undefined;
  }
}

export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: "JSON",
  description: "Any JSON value.",
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literalToJson(ast, variables),
});
