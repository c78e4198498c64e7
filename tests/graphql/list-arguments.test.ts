// The arguments of every list, the same at every depth: `first` is at most 100 and a wrong one is that field's
// BAD_USER_INPUT (the rest of the response stands), and a cursor only continues the list it came from.
import { post, seededServer } from "../support/server";

const server = seededServer();

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

async function run(query: string, variables: Record<string, unknown> = {}) {
  const { status, json } = await post(server.url, { query, variables });
  return { status, data: json.data, errors: json.errors as GraphQLError[] | undefined };
}

const use = "use a cursor from this list's edges or pageInfo (startCursor, endCursor)";

describe("first: at most 100, reported by the field at every depth", () => {
  // Root lists and connections are non-null, so a field's error empties its nearest nullable parent (here: data);
  // what matters is that the error is the same everywhere: HTTP 200, BAD_USER_INPUT, field "first", its path.
  it("refuses first: 1000 on a root list with BAD_USER_INPUT on first", async () => {
    const result = await run(`{ statements(first: 1000) { totalCount } }`);
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: "first must be between 0 and 100, got 1000",
        path: ["statements"],
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "first" }),
      }),
    ]);
  });

  it("refuses first: 1000 nested below a list the same way, where it once failed the whole document", async () => {
    // Counted as asked (20 people × 1000), this was over the cost limit: HTTP 400 and QUERY_TOO_COMPLEX.
    const result = await run(`{ people { nodes { name statements(first: 1000) { nodes { text } } } } }`);
    expect(result.status).toBe(200);
    expect(result.errors?.length).toBeGreaterThan(0);
    for (const error of result.errors!) {
      expect(error).toMatchObject({
        message: "first must be between 0 and 100, got 1000",
        path: ["people", "nodes", expect.any(Number), "statements"],
        extensions: { code: "BAD_USER_INPUT", field: "first" },
      });
    }
  });

  it("refuses first: 1000 below a look-up by id (fetched with its parent) the same way", async () => {
    const result = await run(`{
      person(id: "person:volodymyr-zelenskyy") { statements(first: 1000) { totalCount } }
      state(id: "state:ua") { name }
    }`);
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: "first must be between 0 and 100, got 1000",
        path: ["person", "statements"],
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "first" }),
      }),
    ]);
    expect(result.data).toEqual({ person: null, state: { name: "Ukraine" } });
  });

  it("still refuses a document whose lists multiply past the cost limit at 100 each", async () => {
    const result = await run(`{ states(first: 100) { nodes { venues { events { participants { participant {
      statements(first: 1000) { nodes { mentions { id } } } } } } } } } }`);
    expect(result.status).toBe(400);
    expect(result.errors![0]!.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  });
});

describe("a cursor continues only the list it came from", () => {
  const statementsPage = `query ($order: StatementOrder, $filter: StatementFilter, $after: String) {
    statements(orderBy: $order, filter: $filter, first: 2, after: $after) {
      pageInfo { endCursor } nodes { id }
    }
  }`;
  async function statementsCursor(variables: Record<string, unknown> = {}): Promise<string> {
    const { data, errors } = await run(statementsPage, variables);
    expect(errors).toBeUndefined();
    return data.statements.pageInfo.endCursor;
  }

  it("refuses a statements cursor in people(after:), naming the argument and the list it came from", async () => {
    const result = await run(`query ($after: String) { people(after: $after) { totalCount } }`, {
      after: await statementsCursor(),
    });
    expect(result.status).toBe(200);
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: `after: this cursor belongs to another list (statements); ${use}`,
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT", field: "after" }),
      }),
    ]);
  });

  it("refuses a cursor reused with the opposite orderBy, or another filter", async () => {
    const after = await statementsCursor({ order: "SAID_ON_DESC" });
    const reversed = await run(statementsPage, { order: "SAID_ON_ASC", after });
    expect(reversed.errors?.[0]).toMatchObject({
      message: `after: this cursor belongs to this list in another order (orderBy: SAID_ON_DESC); ${use}`,
      extensions: { code: "BAD_USER_INPUT", field: "after" },
    });
    const filtered = await run(statementsPage, { filter: { kind: "REPORTED" }, after });
    expect(filtered.errors?.[0]).toMatchObject({
      message: `after: this cursor belongs to this list with another filter; ${use}`,
      extensions: { code: "BAD_USER_INPUT", field: "after" },
    });
    // The same arguments continue: the default order is SAID_ON_DESC, and an unset filter is no filter.
    const next = await run(statementsPage, { after, filter: {} });
    expect(next.errors).toBeUndefined();
    expect(next.data.statements.nodes).toHaveLength(2);
  });

  it("refuses a person's statements cursor in their mentionedIn, early-fetched or batched alike", async () => {
    const person = `{
      person(id: "person:volodymyr-zelenskyy") { statements(first: 1) { pageInfo { endCursor } } }
    }`;
    const after = (await run(person)).data.person.statements.pageInfo.endCursor;
    const asked = (field: string) =>
      run(`query ($after: String) { person(id: "person:vladimir-putin") { ${field}(after: $after) { totalCount } } }`, {
        after,
      });
    const mentioned = await asked("mentionedIn");
    expect(mentioned.errors?.[0]).toMatchObject({
      message: `after: this cursor belongs to another list (Speaker.statements); ${use}`,
      path: ["person", "mentionedIn"],
      extensions: { code: "BAD_USER_INPUT", field: "after" },
    });
    // Under another person the same list continues from that position: the parent is no part of a cursor's list.
    const other = await asked("statements");
    expect(other.errors).toBeUndefined();

    // Below a list, the statements of many parents are fetched in one batched query: refused there too.
    const batched = await run(
      `query ($after: String) { people { nodes { mentionedIn(after: $after) { totalCount } } } }`,
      {
        after,
      },
    );
    expect(batched.errors?.length).toBeGreaterThan(0);
    expect(batched.errors![0]).toMatchObject({
      message: `after: this cursor belongs to another list (Speaker.statements); ${use}`,
      path: ["people", "nodes", expect.any(Number), "mentionedIn"],
      extensions: { code: "BAD_USER_INPUT", field: "after" },
    });
  });

  it("refuses a cursor of one entity list in another", async () => {
    const people = await run(`{ people(first: 1) { pageInfo { endCursor } } }`);
    const result = await run(`query ($after: String) { venues(after: $after) { totalCount } }`, {
      after: people.data.people.pageInfo.endCursor,
    });
    expect(result.errors?.[0]).toMatchObject({
      message: `after: this cursor belongs to another list (people); ${use}`,
      extensions: { code: "BAD_USER_INPUT", field: "after" },
    });
  });
});

describe("Relay's page info on every connection", () => {
  it("gives the first and last cursor of a page, and says a page after a cursor has items before it", async () => {
    const PAGE = `query ($after: String) {
      statements(first: 2, after: $after) {
        edges { cursor }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    const first = (await run(PAGE)).data.statements;
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[1].cursor,
    });
    const second = (await run(PAGE, { after: first.pageInfo.endCursor })).data.statements;
    expect(second.pageInfo).toMatchObject({ hasPreviousPage: true, startCursor: second.edges[0].cursor });
    const nested = await run(`{ person(id: "person:volodymyr-zelenskyy") {
      statements(first: 1) { pageInfo { hasPreviousPage startCursor } edges { cursor } } } }`);
    const page = nested.data.person.statements;
    expect(page.pageInfo).toEqual({ hasPreviousPage: false, startCursor: page.edges[0].cursor });
  });
});
