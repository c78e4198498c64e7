// Subscriptions from the clients frontends use, against the real server: Apollo Client 4 with GraphQLWsLink behind a
// split link (queries over HTTP, subscriptions over WebSocket) and urql with subscriptionExchange over a graphql-ws
// client, each receiving a statement another client records. Pinned in package-lock.json.
import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getMainDefinition } from "@apollo/client/utilities";
import { cacheExchange, Client, fetchExchange, subscriptionExchange } from "@urql/core";
import { createClient, type Client as WsClient } from "graphql-ws";
import WebSocket from "ws";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { TINY_TEXT } from "../support/datasets";
import { post, startTestServer, TEST_TOKEN } from "../support/server";

const db = connectTestDatabase();
let server: HttpServer;
const sockets: WsClient[] = [];

beforeAll(async () => {
  await emptyGraph(db);
  server = await startTestServer(db, {
    subscriptions: { perConnection: 5, connectionsPerClient: 5, buffer: 100, pollMs: 50 },
  });
  await write(`mutation ($input: SourceInput!) { createSource(input: $input) { id } }`, {
    input: { id: "source:tiny", title: "Tiny", publishedOn: "2025-03-04", dateline: "GENEVA", text: TINY_TEXT },
  });
  await write(`mutation { createPerson(input: { id: "person:jane-doe", name: "Jane Doe" }) { id } }`, {});
});
afterAll(async () => {
  await Promise.all(sockets.map((s) => s.dispose()));
  await server.stop();
  await db.close();
});

async function write(query: string, variables: Record<string, unknown>) {
  const response = await post(server.url, { query, variables }, { authorization: `Bearer ${TEST_TOKEN}` });
  if (response.json?.errors) throw new Error(JSON.stringify(response.json.errors));
  return response.json.data;
}

let recorded = 0;
async function record(): Promise<string> {
  const id = `statement:live-client-${++recorded}`;
  const quote = "We will sign on Friday";
  await write(`mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { id } }`, {
    input: {
      id,
      speaker: "person:jane-doe",
      text: quote,
      kind: "DIRECT_QUOTE",
      evidence: [{ source: "source:tiny", start: TINY_TEXT.indexOf(`"${quote}`), end: TINY_TEXT.length }],
    },
  });
  return id;
}

function graphqlWs(): WsClient {
  const client = createClient({ url: server.url.replace(/^http/, "ws"), webSocketImpl: WebSocket, retryAttempts: 0 });
  sockets.push(client);
  return client;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Once the tail has a subscriber and has read the log twice since, a write reaches it. */
async function subscribed(): Promise<void> {
  while (server.changeFeed.subscribers === 0) await sleep(10);
  const queries = server.changeFeed.queries;
  while (server.changeFeed.queries < queries + 2) await sleep(10);
}

const STATEMENT_ADDED = `subscription Added($filter: StatementFilter) {
  statementAdded(filter: $filter) { id text speaker { id name } }
}`;

it("Apollo Client: a split link sends queries over HTTP and the subscription over GraphQLWsLink", async () => {
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return definition.kind === "OperationDefinition" && definition.operation === "subscription";
    },
    new GraphQLWsLink(graphqlWs()),
    new HttpLink({ uri: server.url }),
  );
  const apollo = new ApolloClient({ link, cache: new InMemoryCache() });
  const person = await apollo.query({
    query: gql`
      {
        person(id: "person:jane-doe") {
          id
          name
        }
      }
    `,
  });
  expect(person.data).toEqual({ person: { __typename: "Person", id: "person:jane-doe", name: "Jane Doe" } });

  const received = new Promise<unknown>((resolve, reject) => {
    const subscription = apollo
      .subscribe({ query: gql(STATEMENT_ADDED), variables: { filter: { speaker: "person:jane-doe" } } })
      .subscribe({
        next: (result) => {
          subscription.unsubscribe();
          resolve(result.data);
        },
        error: reject,
      });
  });
  await subscribed();
  const id = await record();
  expect(await received).toEqual({
    statementAdded: {
      __typename: "Statement",
      id,
      text: "We will sign on Friday",
      speaker: { __typename: "Person", id: "person:jane-doe", name: "Jane Doe" },
    },
  });
  apollo.stop();
});

it("urql: subscriptionExchange over a graphql-ws client", async () => {
  const ws = graphqlWs();
  const urql = new Client({
    url: server.url,
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? "" }, sink) }),
        }),
      }),
    ],
  });
  while (server.changeFeed.subscribers > 0) await sleep(10);
  const received = new Promise<unknown>((resolve) => {
    const { unsubscribe } = urql.subscription(STATEMENT_ADDED, {}).subscribe((result) => {
      if (!result.data) return;
      unsubscribe();
      resolve(result.data);
    });
  });
  await subscribed();
  const id = await record();
  expect(await received).toMatchObject({ statementAdded: { id, speaker: { name: "Jane Doe" } } });
});
