// The operations Relay's compiler generates for the sample app (tests/fixtures/relay-app) run against the real server
// as Relay's runtime sends them: the page's query, then its refetch queries paging a person's statements forward
// through Query.node(id:) and the people list backward, each page continuing where the last one ended.
import fs from "node:fs";
import { compileRelayApp, operationDocument, schema } from "../support/relay";
import { post, seededServer } from "../support/server";

const server = seededServer();
const made: string[] = [];
let relay: ReturnType<typeof compileRelayApp>;

beforeAll(() => {
  relay = compileRelayApp(schema, made);
  expect(relay.code).toBe(0);
});
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

async function send(operation: string, variables: Record<string, unknown>) {
  const { status, json } = await post(server.url, { query: operationDocument(relay.artifact(operation)), variables });
  expect(status).toBe(200);
  expect(json.errors).toBeUndefined();
  return json.data;
}

it("answers the page's query with every fragment's data", async () => {
  const data = await send("AppQuery", { person: "person:volodymyr-zelenskyy", search: "Zelenskyy" });
  expect(data.person.statements.edges.length).toBeGreaterThan(0);
  expect(data.people.edges.length).toBeGreaterThan(0);
  expect(data.search.edges[0].node.snippet).toContain("<mark>");
  expect(data.timeline.edges.map((e: { node: { __typename: string } }) => e.node.__typename)).toContain("Statement");
});

it("pages a person's statements forward through node(id:), one at a time, as loadNext does", async () => {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const data = await send("PersonStatementsPaginationQuery", {
      id: "person:volodymyr-zelenskyy",
      count: 1,
      cursor,
    });
    const connection = data.node.statements;
    ids.push(...connection.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    cursor = connection.pageInfo.endCursor;
  }
  const all = await post(server.url, {
    query: '{ person(id: "person:volodymyr-zelenskyy") { statements(first: 100) { nodes { id } } } }',
  });
  expect(ids).toEqual(all.json.data.person.statements.nodes.map((n: { id: string }) => n.id));
  expect(ids.length).toBeGreaterThan(1);
});

it("pages the people list backward, one at a time, as loadPrevious does", async () => {
  const pages: string[][] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 50; n++) {
    const data = await send("PeopleListPaginationQuery", { count: 1, cursor });
    pages.unshift(data.people.edges.map((e: { node: { id: string } }) => e.node.id));
    if (!data.people.pageInfo.hasPreviousPage) break;
    cursor = data.people.pageInfo.startCursor;
  }
  const all = await post(server.url, { query: "{ people(first: 100) { nodes { id } } }" });
  expect(pages.flat()).toEqual(all.json.data.people.nodes.map((n: { id: string }) => n.id));
});
