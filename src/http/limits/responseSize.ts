// An answer over its budget (RESPONSE_TOO_LARGE, src/graphql/limits/responseBudget.ts) is refused as a whole: HTTP
// 400, no data, one error saying the limit and the setting. Every field past the budget failed with the same error;
// the client needs it once, and the partial data would only be a truncated answer.
import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLContext } from "../../graphql/context";
import { RESPONSE_TOO_LARGE } from "../../graphql/limits/responseBudget";

export function responseSizePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const result = response.body.singleResult;
          const refusal = result.errors?.find((error) => error.extensions?.code === RESPONSE_TOO_LARGE);
          if (!refusal) return;
          result.errors = [refusal];
          result.data = null;
          response.http.status = 400;
        },
      };
    },
  };
}
