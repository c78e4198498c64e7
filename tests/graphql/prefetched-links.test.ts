// One query per operation: neighbours of neighbours read with a look-up, the neighbours of every node of a list read
// with its page, and several root look-ups read together, each answer equal to the one the batch loaders give when
// nothing is fetched early (the same lists reached below a statement's speaker, or each look-up asked alone).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSyntheticDataset } from "../../bench/generate";
import { openGivenGraph } from "../../bench/graph";
import { chooseShapeFixtures, type ShapeFixtures } from "../../bench/shapes/fixtures";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { TestApi } from "../support/graphql";

const db = connectTestDatabase();
const api = new TestApi(db);
let f: ShapeFixtures;
let dir: string;

beforeAll(async () => {
  await emptyGraph(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-prefetched-"));
  generateSyntheticDataset({ statements: 600, out: dir, seed: 42, perFile: 100, responses: true });
  await openGivenGraph(
    { uri: process.env.TEST_NEO4J_URI!, user: "neo4j", password: process.env.TEST_NEO4J_PASSWORD! },
    dir,
    { log: () => {}, progress: false },
  );
  await api.start();
  f = await chooseShapeFixtures(db);
}, 120_000);

afterAll(async () => {
  await api.stop();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Lists whose order the schema leaves open, sorted so that two answers compare. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sorted(v)]));
  return value;
}

const MEMBERSHIPS = `organizations {
  id name
  state { id name officeHolders { title since person { id name statements(first: 2) { nodes { id } } } } }
  events { role event { id name } }
}`;

describe("one query per operation", () => {
  it("reads a person's organizations, their states and the states' office holders with the person", async () => {
    const prefetched = await api.run(`query ($id: ID!) { person(id: $id) { id ${MEMBERSHIPS} } }`, { id: f.member });
    expect(prefetched.errors).toBeUndefined();
    expect(prefetched.queries).toBe(1);
    const organizations = prefetched.data.person.organizations;
    expect(organizations.some((o: any) => o.state?.officeHolders.length > 0)).toBe(true);

    // The same lists below a statement's speaker come from the batch loaders, level by level.
    const statement = await api.data(`query ($id: ID!) { person(id: $id) { statements(first: 1) { nodes { id } } } }`, {
      id: f.member,
    });
    const loaded = await api.run(
      `query ($id: ID!) { statement(id: $id) { speaker { ... on Person { id ${MEMBERSHIPS} } } } }`,
      { id: statement.person.statements.nodes[0].id },
    );
    expect(loaded.errors).toBeUndefined();
    expect(loaded.queries).toBeGreaterThan(1);
    expect(sorted(loaded.data.statement.speaker)).toEqual(sorted(prefetched.data.person));
  });

  it("reads the neighbours of every node of a list with its page", async () => {
    const list = await api.run(
      `query ($state: ID!) {
        venues(filter: { kind: "building", state: $state }, first: 10) {
          totalCount nodes { id name locatedIn { id name } state { id } events { id } }
        }
        states(first: 5) { nodes { id officeHolders { title person { id name } } organizations { id state { id } } } }
      }`,
      { state: f.state },
    );
    expect(list.errors).toBeUndefined();
    // Two root lists: one query each.
    expect(list.queries).toBe(2);
    expect(list.data.venues.nodes.length).toBeGreaterThan(0);
    expect(list.data.venues.nodes.every((v: any) => v.locatedIn !== null)).toBe(true);
    for (const venue of list.data.venues.nodes) {
      const alone = await api.data(
        `query ($id: ID!) { venue(id: $id) { id name locatedIn { id name } state { id } events { id } } }`,
        { id: venue.id },
      );
      expect(sorted(venue)).toEqual(sorted(alone.venue));
    }
    for (const state of list.data.states.nodes) {
      const alone = await api.data(
        `query ($id: ID!) {
          state(id: $id) { id officeHolders { title person { id name } } organizations { id state { id } } }
        }`,
        { id: state.id },
      );
      expect(sorted(state)).toEqual(sorted(alone.state));
    }
  });

  it("reads several root look-ups in one query, each answered as when asked alone", async () => {
    const fields = {
      first: `person(id: "${f.person}") {
        id name latest: statements(first: 3) { nodes { id saidOn } } ${MEMBERSHIPS}
      }`,
      second: `person(id: "${f.otherPerson}") {
        id quotes: statements(filter: { kind: DIRECT_QUOTE }, first: 3) { totalCount nodes { id } }
      }`,
      said: `node(id: "${f.statement}") { __typename id ... on Statement { text speaker { __typename id } } }`,
      org: `node(id: "${f.organization}") { id ... on Organization { members { __typename id } state { id name } } }`,
      missing: `person(id: "person:no-such-person") { id organizations { id } }`,
      aliasOfNothing: `statement(id: "statement:no-such-statement") { id }`,
    };
    const together = await api.run(
      `{ ${Object.entries(fields)
        .map(([k, v]) => `${k}: ${v}`)
        .join("\n")} }`,
    );
    expect(together.errors).toBeUndefined();
    expect(together.queries).toBe(1);
    expect(together.data.missing).toBeNull();
    expect(together.data.aliasOfNothing).toBeNull();
    for (const [key, field] of Object.entries(fields)) {
      const alone = await api.run(`{ ${key}: ${field} }`);
      expect(alone.errors).toBeUndefined();
      expect(sorted(together.data[key])).toEqual(sorted(alone.data[key]));
    }
  });

  it("reads only the properties a neighbour's selection names, each selection from its own loader", async () => {
    // Two aliases of one list with different selections, a list that hands its neighbour on again (an office's
    // person), and a neighbour whose selection has a computed field: every answer as when each field is asked alone
    // below a statement's speaker (the loaders, no prefetch).
    const selection = `id
      a: offices { state { id name } }
      b: offices { title state { isoCode aliases } }
      organizations { id state { officeHolders { person { id offices { person { description } } } } } }
      events { event { id date participants { role participant { __typename id } } } }`;
    const prefetched = await api.run(`query ($id: ID!) { person(id: $id) { ${selection} } }`, { id: f.member });
    expect(prefetched.errors).toBeUndefined();
    const statement = await api.data(`query ($id: ID!) { person(id: $id) { statements(first: 1) { nodes { id } } } }`, {
      id: f.member,
    });
    const loaded = await api.run(
      `query ($id: ID!) { statement(id: $id) { speaker { ... on Person { ${selection} } } } }`,
      {
        id: statement.person.statements.nodes[0].id,
      },
    );
    expect(loaded.errors).toBeUndefined();
    expect(sorted(loaded.data.statement.speaker)).toEqual(sorted(prefetched.data.person));
    const offices = prefetched.data.person.b;
    expect(offices.length).toBeGreaterThan(0);
    expect(offices.every((o: any) => typeof o.state.isoCode === "string")).toBe(true);
    expect(prefetched.data.person.a.every((o: any) => typeof o.state.name === "string")).toBe(true);
  });

  it("reads a timeline and finds whether its entity exists in the same query", async () => {
    const found = await api.run(
      `query ($id: ID!) { timeline(entity: $id, first: 5) { totalCount nodes { __typename } } }`,
      {
        id: f.person,
      },
    );
    expect(found.errors).toBeUndefined();
    expect(found.queries).toBe(1);
    expect(found.data.timeline.totalCount).toBeGreaterThan(0);
    const missing = await api.run(`{ timeline(entity: "person:no-such-person", first: 5) { totalCount } }`);
    expect(missing.errors?.[0]?.message).toBe("entity: there is no node with id person:no-such-person");
  });
});
