// Runs GraphQL operations against the real schema and database, reporting how many Neo4j queries each cost.
import type { ApolloServer } from "@apollo/server";
import { createContext, type Auth, type GraphQLContext } from "../../src/graphql/context";
import type { Database } from "../../src/graph/runtime/database";
import { createApollo } from "../../src/http/apollo";
import { emptyGraph } from "./database";
import { loadIstanbulSeed } from "./seed";

/** An in-process caller with every right, as a request with the API_TOKEN is (its writes logged as "api-token"). */
export const ADMIN: Auth = { identity: { actor: "api-token", roles: ["admin"] } };

export interface Result<T = any> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: (string | number)[] }[];
  /** Neo4j queries this operation sent. */
  queries: number;
}

export class TestApi {
  readonly apollo: ApolloServer<GraphQLContext> = createApollo();
  constructor(private readonly db: Database) {}

  start() {
    return this.apollo.start();
  }
  stop() {
    return this.apollo.stop();
  }

  async run<T = any>(query: string, variables: Record<string, unknown> = {}, auth?: Auth): Promise<Result<T>> {
    const context = createContext(this.db, auth);
    const response = await this.apollo.executeOperation({ query, variables }, { contextValue: context });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    const { data, errors } = response.body.singleResult;
    return { data: (data ?? undefined) as T, errors: errors as Result["errors"], queries: context.db.counter.queries };
  }

  /** Runs and fails the test on any GraphQL error. */
  async data<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.run<T>(query, variables);
    if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    return result.data!;
  }
}

/**
 * A test file's API over the Istanbul seed: the graph emptied and seeded and the API started before its tests, the
 * API stopped and the database closed after them.
 */
export function seededApi(db: Database): TestApi {
  const api = new TestApi(db);
  beforeAll(async () => {
    await api.start();
    await emptyGraph(db);
    await loadIstanbulSeed(db);
  });
  afterAll(async () => {
    await api.stop();
    await db.close();
  });
  return api;
}
