// The budget on one answer's size: every field counts as it is resolved, the one past MAX_RESPONSE_FIELDS is refused
// before its resolver runs, and the response is then one RESPONSE_TOO_LARGE error with HTTP 400 and no data.
import { HeaderMap, type GraphQLRequestContextWillSendResponse } from "@apollo/server";
import {
  buildSchema,
  executeSync,
  isObjectType,
  parse,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
} from "graphql";
import type { GraphQLContext } from "../../../../src/graphql/context";
import { ResponseBudget, withResponseBudget } from "../../../../src/graphql/limits/responseBudget";
import { responseSizePlugin } from "../../../../src/http/limits/responseSize";

const typeDefs = `
  type Query { items(n: Int!): [Item!]! answer: Int! }
  type Item { id: ID! tags: [String!]! }
`;
let itemsResolved = 0;
const resolvers = {
  Query: {
    items: (_: unknown, { n }: { n: number }) => {
      itemsResolved += 1;
      return Array.from({ length: n }, (_x, i) => ({ id: `item:${i}`, tags: ["a", "b"] }));
    },
    answer: () => 42,
  },
};

/** The SDL with the budgeted resolvers attached, as Apollo attaches them. */
const schema = buildSchema(typeDefs);
const budgeted = withResponseBudget(typeDefs, resolvers) as Record<
  string,
  Record<string, GraphQLFieldResolver<any, any>>
>;
for (const type of Object.values(schema.getTypeMap())) {
  if (!isObjectType(type) || type.name.startsWith("__")) continue;
  for (const [name, field] of Object.entries(type.getFields())) field.resolve = budgeted[type.name]![name];
}

function run(query: string, maxFields: number) {
  const budget = new ResponseBudget(maxFields);
  const result = executeSync({ schema, document: parse(query), contextValue: { budget } });
  return { result, budget };
}

it("counts every field of the answer, those without a resolver of their own too, and keeps values synchronous", () => {
  const { result, budget } = run(`{ answer items(n: 3) { id tags } }`, 100);
  // executeSync: resolvers that return values still do once counted (no promise per field).
  expect(result.data).toEqual({
    answer: 42,
    items: [0, 1, 2].map((i) => ({ id: `item:${i}`, tags: ["a", "b"] })),
  });
  // answer, items, then id and tags of each of the 3 items.
  expect(budget.used).toBe(2 + 3 * 2);
});

it("refuses the field past the budget with RESPONSE_TOO_LARGE, naming the limit and the setting", () => {
  const { result } = run(`{ items(n: 100) { id tags } }`, 50);
  expect(result.data).toBeNull();
  expect(result.errors?.[0]).toMatchObject({
    message:
      "The answer would hold more than 50 fields (MAX_RESPONSE_FIELDS); nothing of it is returned. Ask for less: " +
      "smaller pages (first), fewer aliases or nested lists, a smaller conversation maxDepth.",
    extensions: { code: "RESPONSE_TOO_LARGE", maxResponseFields: 50 },
  });
});

it("runs no resolver once the budget is spent: no further work for an answer that is refused", () => {
  itemsResolved = 0;
  run(`{ a: items(n: 10) { id } b: items(n: 1) { id } }`, 5);
  expect(itemsResolved).toBe(1);
});

it("leaves callers without a budget (in-process tools) uncounted", () => {
  const result = executeSync({ schema, document: parse(`{ items(n: 1000) { id } }`), contextValue: {} });
  expect(result.errors).toBeUndefined();
});

describe("the response of a refused answer", () => {
  async function send(errors: GraphQLFormattedError[]) {
    const http = { status: undefined as number | undefined, headers: new HeaderMap() };
    const singleResult: { data: unknown; errors: GraphQLFormattedError[] } = { data: { items: null }, errors };
    const response = { http, body: { kind: "single", singleResult } };
    const hooks = await responseSizePlugin().requestDidStart!({} as never);
    await hooks!.willSendResponse!({ response } as unknown as GraphQLRequestContextWillSendResponse<GraphQLContext>);
    return { status: http.status, body: singleResult };
  }

  it("is HTTP 400 with one RESPONSE_TOO_LARGE error and no data", async () => {
    const refusal = { message: "too large", extensions: { code: "RESPONSE_TOO_LARGE", maxResponseFields: 50 } };
    const other = { message: "no such item", extensions: { code: "NOT_FOUND" } };
    expect(await send([other, refusal, refusal, refusal])).toEqual({
      status: 400,
      body: { data: null, errors: [refusal] },
    });
  });

  it("leaves every other response alone", async () => {
    const other = { message: "no such item", extensions: { code: "NOT_FOUND" } };
    expect(await send([other])).toEqual({ status: undefined, body: { data: { items: null }, errors: [other] } });
  });
});
