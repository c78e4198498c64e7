// Apollo Client 4 as a frontend uses it, in Node against the real server: an InMemoryCache with relayStylePagination
// on the statements connection and possibleTypes from the schema, pages fetched with fetchMore until the last one,
// one cache entry per node, backward with last/before, search and timeline as paged connections, fragments on the Node
// interface and the Speaker and TimelineItem unions. Pinned in package-lock.json.
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

it("pages backward with last/before: each earlier page is put in front of the cached list", async () => {
  const apollo = client();
  const BACKWARD = gql`
    query Backward($before: String) {
      statements(last: 3, before: $before, orderBy: SAID_ON_DESC) {
        edges {
          cursor
          node {
            id
          }
        }
        pageInfo {
          hasPreviousPage
          startCursor
        }
      }
    }
  `;
  let info = ((await apollo.query({ query: BACKWARD })).data as any).statements.pageInfo;
  for (let pages = 1; info.hasPreviousPage; pages++) {
    if (pages > 20) throw new Error("more pages than statements: the cursor does not move back");
    const earlier = await apollo.query({
      query: BACKWARD,
      variables: { before: info.startCursor },
      fetchPolicy: "network-only",
    });
    info = (earlier.data as any).statements.pageInfo;
  }
  const cached = (apollo.readQuery({ query: BACKWARD }) as any).statements.edges;
  const all = await apollo.query({
    query: gql`
      {
        statements(first: 100, orderBy: SAID_ON_DESC) {
          nodes {
            id
          }
        }
      }
    `,
  });
  expect(cached.map((e: { node: { id: string } }) => e.node.id)).toEqual(
    (all.data as any).statements.nodes.map((n: { id: string }) => n.id),
  );
});

it("pages a search and reads the timeline union with fragments on its members", async () => {
  const apollo = new ApolloClient({
    link: new HttpLink({ uri: server.url }),
    cache: new InMemoryCache({
      possibleTypes: possibleTypes(),
      typePolicies: {
        Query: { fields: { search: relayStylePagination(["query"]), timeline: relayStylePagination(["entity"]) } },
        // A hit is no node: it is kept inside the list that holds it.
        SearchHit: { keyFields: false },
      },
    }),
  });
  const SEARCH = gql`
    query Search($after: String) {
      search(query: "Zelenskyy Russia", first: 2, after: $after) {
        edges {
          cursor
          node {
            score
            node {
              id
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
  let search = ((await apollo.query({ query: SEARCH })).data as any).search;
  const total = search.totalCount as number;
  while (search.pageInfo.hasNextPage) {
    const next = await apollo.query({
      query: SEARCH,
      variables: { after: search.pageInfo.endCursor },
      fetchPolicy: "network-only",
    });
    search = (next.data as any).search;
  }
  const hits = (apollo.readQuery({ query: SEARCH }) as any).search.edges;
  const ids = hits.map((e: { node: { node: { id: string } } }) => e.node.node.id);
  expect(ids).toHaveLength(total);
  expect(new Set(ids).size).toBe(total);
  const scores = hits.map((e: { node: { score: number } }) => e.node.score);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);

  const result = await apollo.query({
    query: gql`
      {
        timeline(entity: "person:volodymyr-zelenskyy", first: 10) {
          nodes {
            ... on Statement {
              id
              saidOn
            }
            ... on Event {
              id
              name
            }
          }
          totalCount
        }
      }
    `,
  });
  const timeline = (result.data as any).timeline.nodes as { __typename: string }[];
  expect(timeline.length).toBeGreaterThan(0);
  for (const item of timeline) expect(["Statement", "Event"]).toContain(item.__typename);
});
