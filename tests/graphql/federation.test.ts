// The server as an Apollo Federation 2 subgraph (FEDERATION=true): composed with a second, small subgraph that adds a
// field to Person, and queried through an Apollo Gateway, both subgraphs served over HTTP on free ports.
import { Writable } from "node:stream";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { composeServices } from "@apollo/composition";
import { ApolloGateway } from "@apollo/gateway";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import pino from "pino";
import { loadConfig } from "../../src/config";
import { createContext, type GraphQLContext } from "../../src/graphql/context";
import { FEDERATION_SPEC } from "../../src/graphql/federation";
import { createApollo } from "../../src/http/apollo";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { loadIstanbulSeed } from "../support/seed";
import { post, startTestServer } from "../support/server";

const db = connectTestDatabase();

/** The request log of the knowledge subgraph: one line per request, with its operation and its Neo4j queries. */
const requestLog: { operation?: string; neo4jQueries: number }[] = [];
const logger = pino(
  { level: "debug" },
  new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        const entry = JSON.parse(line) as { msg: string; operation?: string; neo4jQueries: number };
        if (entry.msg === "graphql request") requestLog.push(entry);
      }
      done();
    },
  }),
);

/** The other service: press notes on some people, and the people its desk follows. */
const PRESS_NOTES: Record<string, string> = {
  "person:volodymyr-zelenskyy": "Briefs the press daily from Kyiv",
  "person:vladimir-putin": "Rarely takes questions",
  "person:donald-trump": "Posts on social media",
};
const NOTES_TYPE_DEFS = parse(`
  extend schema @link(url: "${FEDERATION_SPEC}", import: ["@key"])
  type Person @key(fields: "id") {
    id: ID!
    pressNote: String
  }
  type Query {
    followedPeople: [Person!]!
  }
`);
const notesSubgraph = new ApolloServer({
  plugins: [ApolloServerPluginInlineTraceDisabled()],
  schema: buildSubgraphSchema({
    typeDefs: NOTES_TYPE_DEFS,
    resolvers: {
      Query: { followedPeople: () => Object.keys(PRESS_NOTES).map((id) => ({ id })) },
      Person: {
        __resolveReference: ({ id }: { id: string }) => ({ id }),
        pressNote: ({ id }: { id: string }) => PRESS_NOTES[id] ?? null,
      },
    },
  }),
});

let knowledge: HttpServer;
let notesUrl: string;
let gateway: ApolloServer;
let knowledgeSdl = "";

beforeAll(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
  const config = loadConfig({ FEDERATION: "true" });
  knowledge = await startTestServer(db, {
    logger,
    apollo: {
      limits: config.limits,
      introspection: true,
      production: false,
      logError: () => {},
      federation: config.federation,
    },
  });
  ({ url: notesUrl } = await startStandaloneServer(notesSubgraph, { listen: { port: 0, host: "127.0.0.1" } }));

  // The knowledge subgraph's SDL, as a gateway's build step (rover, composition) reads it: over HTTP.
  const sdl = await post(knowledge.url, { query: "{ _service { sdl } }" });
  expect(sdl.json.errors).toBeUndefined();
  knowledgeSdl = sdl.json.data._service.sdl as string;
  const composed = composeServices([
    { name: "knowledge", url: knowledge.url, typeDefs: parse(knowledgeSdl) },
    { name: "notes", url: notesUrl, typeDefs: NOTES_TYPE_DEFS },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  gateway = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: composed.supergraphSdl }) });
  await gateway.start();
});

afterAll(async () => {
  await gateway?.stop();
  await notesSubgraph.stop();
  await knowledge?.stop();
  await db.close();
});

async function throughGateway(query: string, variables: Record<string, unknown> = {}) {
  const response = await gateway.executeOperation({ query, variables });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return response.body.singleResult;
}

describe("the knowledge graph as a Federation 2 subgraph", () => {
  it("keys every Node type by id in the SDL it gives the gateway", () => {
    for (const type of ["Person", "State", "Organization", "Venue", "Event", "Source", "Statement"]) {
      expect(knowledgeSdl).toMatch(new RegExp(`type ${type} implements [^{]*@key\\(fields: "id"\\)`));
    }
    expect(knowledgeSdl).toContain(`@link(url: "${FEDERATION_SPEC}", import: ["@key"])`);
  });

  it("answers a person's name from Neo4j and its press note from the other subgraph, in one operation", async () => {
    const result = await throughGateway(`query ($id: ID!) { person(id: $id) { id name aliases pressNote } }`, {
      id: "person:volodymyr-zelenskyy",
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      person: {
        id: "person:volodymyr-zelenskyy",
        name: "Volodymyr Zelenskyy",
        aliases: ["Zelenskyy"],
        pressNote: "Briefs the press daily from Kyiv",
      },
    });
  });

  it("follows a statement to its speaker through the Speaker interface, and on to the other subgraph", async () => {
    const result = await throughGateway(
      `query ($id: ID!) {
        statement(id: $id) { kind saidOn datePrecision speaker { __typename ... on Person { name pressNote } } }
      }`,
      { id: "statement:zelenskyy-leaders-resolve-key-issues" },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      statement: {
        kind: "DIRECT_QUOTE",
        saidOn: "2025-06-01",
        datePrecision: "MONTH",
        speaker: { __typename: "Person", name: "Volodymyr Zelenskyy", pressNote: "Briefs the press daily from Kyiv" },
      },
    });
  });

  it("resolves the people another subgraph lists with one Neo4j query for all of them", async () => {
    requestLog.length = 0;
    const result = await throughGateway(`query Followed { followedPeople { id name pressNote } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      followedPeople: [
        {
          id: "person:volodymyr-zelenskyy",
          name: "Volodymyr Zelenskyy",
          pressNote: "Briefs the press daily from Kyiv",
        },
        { id: "person:vladimir-putin", name: "Vladimir Putin", pressNote: "Rarely takes questions" },
        { id: "person:donald-trump", name: "Donald Trump", pressNote: "Posts on social media" },
      ],
    });
    // The gateway fetched the three names from this server in one _entities request, and it cost one query.
    expect(requestLog).toEqual([expect.objectContaining({ neo4jQueries: 1 })]);
  });
});

/** Runs an operation in-process on a server made with these settings, counting its Neo4j queries. */
async function runOn(apollo: ApolloServer<GraphQLContext>, query: string, variables: Record<string, unknown> = {}) {
  const contextValue = createContext(db);
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== "single") throw new Error("expected a single result");
  return { ...response.body.singleResult, queries: contextValue.db.counter.queries };
}

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on Person { name }
    ... on State { name isoCode }
    ... on Venue { name }
    ... on Statement { kind text }
    ... on Source { title }
  }
}`;

describe("_entities", () => {
  const config = loadConfig({ FEDERATION: "true" });
  const subgraph = createApollo([], {
    limits: config.limits,
    introspection: true,
    production: false,
    logError: () => {},
    federation: config.federation,
  });
  beforeAll(() => subgraph.start());
  afterAll(() => subgraph.stop());

  it("finds people, states, venues, statements and sources by id with one Neo4j query for the batch", async () => {
    const result = await runOn(subgraph, ENTITIES, {
      representations: [
        { __typename: "Person", id: "person:vladimir-putin" },
        { __typename: "State", id: "state:tr" },
        { __typename: "Venue", id: "venue:ciragan-palace" },
        { __typename: "Statement", id: "statement:trump-urges-direct-negotiations" },
        { __typename: "Source", id: "source:2025-06-02-istanbul-talks" },
        { __typename: "Person", id: "person:nobody" },
        // An id of another type is no Person, as person(id: "state:ua") is null.
        { __typename: "Person", id: "state:ua" },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        { __typename: "Person", name: "Vladimir Putin" },
        { __typename: "State", name: "Türkiye", isoCode: "TR" },
        { __typename: "Venue", name: "Ciragan Palace" },
        { __typename: "Statement", kind: "REPORTED", text: "Moscow and Kyiv should open direct negotiations." },
        {
          __typename: "Source",
          title: "Russian and Ukrainian officials meet in Istanbul for a second round of talks",
        },
        null,
        null,
      ],
    });
    expect(result.queries).toBe(1);
  });

  it("refuses a representation without its id, naming the type and the argument", async () => {
    const result = await runOn(subgraph, ENTITIES, { representations: [{ __typename: "State", code: "UA" }] });
    expect(result.errors?.[0]?.message).toBe(
      "_entities: a State representation needs its key, id, as a string; got undefined",
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "representations" });
  });

  it("counts every representation against MAX_COST, so a gateway cannot ask for more than a client may", async () => {
    const limited = createApollo([], {
      limits: { ...config.limits, maxCost: 100 },
      introspection: true,
      production: false,
      logError: () => {},
      federation: true,
    });
    await limited.start();
    try {
      const people = (n: number) =>
        Array.from({ length: n }, () => ({ __typename: "Person", id: "person:donald-trump" }));
      const allowed = await runOn(limited, ENTITIES, { representations: people(30) });
      expect(allowed.errors).toBeUndefined();
      const refused = await runOn(limited, ENTITIES, { representations: people(40) });
      expect(refused.data).toBeUndefined();
      // 1 for _entities, and 3 for each of the 40 (the largest fragment: a statement's __typename, kind and text).
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", cost: 121, maxCost: 100 });
    } finally {
      await limited.stop();
    }
  });
});

describe("without FEDERATION (the default)", () => {
  it("is off, and the schema has neither _service nor _entities", async () => {
    expect(loadConfig({}).federation).toBe(false);
    const plain = createApollo();
    await plain.start();
    try {
      const result = await runOn(plain, "{ _service { sdl } }");
      expect(result.errors?.[0]?.message).toBe('Cannot query field "_service" on type "Query".');
    } finally {
      await plain.stop();
    }
  });
});
