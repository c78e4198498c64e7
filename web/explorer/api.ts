// Talks to the GraphQL API the page was served by (POST /graphql): sends a typed document, returns its data.
import type { TypedDocumentString } from "../generated/graphql";

export const GRAPHQL_URL = "/graphql";

export class ApiError extends Error {}

interface GraphQLBody<TResult> {
  data?: TResult | null;
  errors?: { message: string }[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError("The GraphQL API did not answer: is the server running?");
  }
  let body: GraphQLBody<TResult>;
  try {
    body = (await response.json()) as GraphQLBody<TResult>;
  } catch {
    throw new ApiError(`The GraphQL API answered ${response.status} ${response.statusText} without a GraphQL result`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((error) => error.message).join("; "));
  if (!body.data) throw new ApiError(`The GraphQL API answered ${response.status} without data`);
  return body.data;
}
