// Relay's compiler (relay-compiler, pinned in package-lock.json) accepts the schema's connections: the small Relay app
// in tests/fixtures/relay-app compiles against the schema as the server serves it. No database: the compiler reads only
// SDL and the app's graphql tags. Each run works in a temporary copy of the app, so generated files never land here.
import fs from "node:fs";
import { compileRelayApp, operationText, schema } from "../../support/relay";

// The compiler takes well under a second per run; a hung one should fail the file, not hold the run.
jest.setTimeout(30_000);

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const compile = (sdl: string) => compileRelayApp(sdl, made);

describe("the Relay compiler on the sample app", () => {
  let relay: ReturnType<typeof compile>;
  beforeAll(() => {
    relay = compile(schema);
  });

  it("accepts the schema and writes an artifact per fragment and query, and a refetch query per paginated one", () => {
    expect({ code: relay.code, output: relay.output }).toEqual({ code: 0, output: expect.stringContaining("Done.") });
    expect(relay.artifacts()).toEqual([
      "AppQuery.graphql.ts",
      "EntityTimelinePaginationQuery.graphql.ts",
      "EntityTimeline_query.graphql.ts",
      "PeopleListPaginationQuery.graphql.ts",
      "PeopleList_query.graphql.ts",
      "PersonStatementsPaginationQuery.graphql.ts",
      "PersonStatements_person.graphql.ts",
      "SearchResultsPaginationQuery.graphql.ts",
      "SearchResults_query.graphql.ts",
    ]);
  });

  it("pages a person's statements forward, refetching the next page through Query.node(id:)", () => {
    const refetch = operationText(relay.artifact("PersonStatementsPaginationQuery"));
    expect(refetch).toContain("query PersonStatementsPaginationQuery( $count: Int = 10 $cursor: String $id: ID! )");
    expect(refetch).toContain("node(id: $id) { __typename ...PersonStatements_person_");
    expect(refetch).toContain("statements(first: $count, after: $cursor) {");
    expect(refetch).toContain("edges { node { id text kind saidOn venue { name id } __typename } cursor }");
    expect(refetch).toContain("pageInfo { endCursor hasNextPage }");
    const fragment = relay.artifact("PersonStatements_person");
    expect(fragment).toContain('"direction": "forward"');
    // Typed with the scalars mapped in relay.config.json.
    expect(fragment).toContain("readonly saidOn: string | null | undefined;");
  });

  it("pages the people list backward with last and before", () => {
    const refetch = operationText(relay.artifact("PeopleListPaginationQuery"));
    expect(refetch).toContain("people(last: $count, before: $cursor) {");
    expect(refetch).toContain("pageInfo { hasPreviousPage startCursor }");
    expect(relay.artifact("PeopleList_query")).toContain('"direction": "backward"');
  });

  it("pages search hits and the timeline, with the union's members as inline fragments", () => {
    expect(operationText(relay.artifact("SearchResultsPaginationQuery"))).toContain(
      "search(query: $query, first: $count, after: $cursor) { totalCount edges { node { score snippet node {",
    );
    const query = operationText(relay.artifact("AppQuery"));
    expect(query).toContain("timeline(entity: $person, first: 20) {");
    expect(query).toContain("... on Statement { id text saidOn } ... on Event { id name date }");
    expect(query).toContain("search(query: $search, first: 10) {");
  });

  it("refuses every connection when PageInfo lacks hasPreviousPage, as the schema's did before", () => {
    const withoutPrevious = schema.replace("  hasPreviousPage: Boolean!\n", "");
    expect(withoutPrevious).not.toBe(schema);
    const broken = compile(withoutPrevious);
    expect(broken.code).toBe(1);
    const connections = [
      ["statements", "StatementConnection"],
      ["people", "PersonConnection"],
      ["search", "SearchConnection"],
      ["timeline", "TimelineConnection"],
    ];
    for (const [field, type] of connections) {
      expect(broken.output).toContain(
        `@connection used on invalid field '${field}'. Expected the field type '${type}' to expose ` +
          "a 'pageInfo { hasPreviousPage }' field that returns a scalar.",
      );
    }
    expect(broken.hasArtifacts()).toBe(false);
  });
});
