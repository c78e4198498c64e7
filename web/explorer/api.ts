// Talks to the GraphQL API the page was served by (POST /graphql): sends a typed document, returns its data. Used by
// the explorer and the article page (which sends the bearer token with its import).
import type { TypedDocumentString } from "../generated/graphql";

export const GRAPHQL_URL = "/graphql";

export class ApiError extends Error {
  constructor(
    message: string,
    /** The errors' extensions.code (UNAUTHENTICATED, BAD_USER_INPUT, …), in order, where the API gave one. */
    readonly codes: string[] = [],
  ) {
    super(message);
  }
}

interface GraphQLBody<TResult> {
  data?: TResult | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

export interface RequestOptions {
  /** Extra request headers, e.g. { authorization: "Bearer <API_TOKEN>" } for a mutation. */
  headers?: Record<string, string>;
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/graphql-response+json, application/json",
        ...options.headers,
      },
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
  if (body.errors?.length) {
    const codes = body.errors.flatMap((error) =>
      typeof error.extensions?.code === "string" ? [error.extensions.code] : [],
    );
    throw new ApiError(body.errors.map((error) => error.message).join("; "), codes);
  }
  if (!body.data) throw new ApiError(`The GraphQL API answered ${response.status} without data`);
  return body.data;
}
