// Apollo Client 4 as a frontend uses it, in Node against the real server: an InMemoryCache with relayStylePagination
// on the statements connection and possibleTypes from the schema, pages fetched with fetchMore until the last one,
// one cache entry per node, fragments on the Node interface and the Speaker and TimelineItem unions. Pinned in
// package-lock.json.
import { ApolloClient, gql, HttpLink, InMemoryCache } from "@apollo/client";
import { relayStylePagination } from "@apollo/client/utilities";
import { buildSchema, isAbstractType } from "graphql";
import { loadTypeDefs } from "../../src/graphql/schema";
import { seededServer } from "../support/server";

const server = seededServer();

/** What codegen's fragment-matcher writes: the concrete types of every interface and union. */
function possibleTypes(): Record<string, string[]> {
  const schema = buildSchema(loadTypeDefs());
  const out: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && !type.name.startsWith("__")) {
      out[type.name] = schema.getPossibleTypes(type).map((t) => t.name);
    }
  }
  return out;
}

function client() {
  return new ApolloClient({
    link: new HttpLink({ uri: server.url }),
    cache: new InMemoryCache({
      possibleTypes: possibleTypes(),
      typePolicies: { Query: { fields: { statements: relayStylePagination(["filter", "orderBy"]) } } },
    }),
  });
}

const PAGE = gql`
  query Page($after: String) {
    statements(first: 4, after: $after, orderBy: SAID_ON_DESC) {
      edges {
        cursor
        node {
          id
          text
          speaker {
            ... on Node {
              id
            }
            ... on Speaker {
              name
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

it("pages through every statement with fetchMore: no gap, no duplicate, one cache entry per node", async () => {
  const apollo = client();
  // Each page is written into the one cached list by relayStylePagination (as fetchMore does in a component); the
  // merged list is read back from the cache.
  let info = ((await apollo.query({ query: PAGE })).data as any).statements.pageInfo;
  for (let pages = 1; info.hasNextPage; pages++) {
    if (pages > 20) throw new Error("more pages than statements: the cursor does not advance");
    const next = await apollo.query({ query: PAGE, variables: { after: info.endCursor }, fetchPolicy: "network-only" });
    info = (next.data as any).statements.pageInfo;
  }
  const edges = (apollo.readQuery({ query: PAGE }) as any).statements.edges;
  const all = await apollo.query({
    query: gql`
      {
        statements(first: 100, orderBy: SAID_ON_DESC) {
          nodes {
            id
          }
          totalCount
        }
      }
    `,
    fetchPolicy: "network-only",
  });
  const ids = edges.map((e: { node: { id: string } }) => e.node.id);
  expect(ids).toEqual((all.data as any).statements.nodes.map((n: { id: string }) => n.id));
  expect(new Set(ids).size).toBe((all.data as any).statements.totalCount);
  const cached = Object.keys(apollo.cache.extract() as object);
  expect(cached.filter((k) => k === "Person:person:volodymyr-zelenskyy")).toHaveLength(1);
  const zelenskyy = edges.find((e: any) => e.node.speaker.id === "person:volodymyr-zelenskyy");
  expect(zelenskyy.node.speaker.name).toBe("Volodymyr Zelenskyy");
});

it("reads the timeline union with fragments on its members", async () => {
  const result = await client().query({
    query: gql`
      {
        timeline(entity: "person:volodymyr-zelenskyy", first: 10) {
          ... on Statement {
            id
            saidOn
          }
          ... on Event {
            id
            name
          }
        }
      }
    `,
  });
  const timeline = (result.data as any).timeline as { __typename: string }[];
  expect(timeline.length).toBeGreaterThan(0);
  for (const item of timeline) expect(["Statement", "Event"]).toContain(item.__typename);
});
