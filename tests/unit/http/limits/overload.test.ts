// An OVERLOADED error reaches the client as code OVERLOADED with its retry-after, over HTTP as 503 with Retry-After
// (SERVER_BUSY the same); answers without one keep their status.
import { HeaderMap, type GraphQLRequestContextWillSendResponse } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import { OverloadedError } from "../../../../src/graph/runtime/errors";
import type { GraphQLContext } from "../../../../src/graphql/context";
import { clientView } from "../../../../src/graphql/formatError";
import { overloadPlugin } from "../../../../src/http/limits/overload";

/** The status and headers the plugin leaves on a response carrying these errors (and some data). */
async function headOf(errors: GraphQLFormattedError[]) {
  const http = { status: undefined as number | undefined, headers: new HeaderMap() };
  const response = { http, body: { kind: "single", singleResult: { data: { people: null }, errors } } };
  const hooks = await overloadPlugin().requestDidStart!({} as never);
  await hooks!.willSendResponse!({ response } as unknown as GraphQLRequestContextWillSendResponse<GraphQLContext>);
  return { status: http.status, retryAfter: http.headers.get("retry-after") };
}

const overloaded = (retryAfterSeconds: number) =>
  clientView(new OverloadedError("the query waited 5000 ms for one of 64 query slots", retryAfterSeconds))!;

it("tells the client the server is overloaded, that nothing ran, and when to retry", () => {
  expect(overloaded(5)).toEqual({
    message:
      "The server is overloaded: the query waited 5000 ms for one of 64 query slots. Nothing was run; retry after 5 s.",
    extensions: { code: "OVERLOADED", retryAfterSeconds: 5 },
  });
});

it("answers 503 with Retry-After when any error is OVERLOADED, the longest retry-after of them", async () => {
  const other = { message: "no such person", extensions: { code: "NOT_FOUND" } };
  expect(await headOf([other, overloaded(2), overloaded(5)])).toEqual({ status: 503, retryAfter: "5" });
});

it("answers 503 with Retry-After for SERVER_BUSY too: an expensive operation that got no turn in time", async () => {
  const busy = { message: "The server is busy", extensions: { code: "SERVER_BUSY", retryAfterSeconds: 2 } };
  expect(await headOf([busy])).toEqual({ status: 503, retryAfter: "2" });
});

it("leaves other responses alone", async () => {
  expect(await headOf([])).toEqual({ status: undefined, retryAfter: undefined });
  const unavailable = { message: "The database is unavailable", extensions: { code: "DATABASE_UNAVAILABLE" } };
  expect(await headOf([unavailable])).toEqual({ status: undefined, retryAfter: undefined });
});
