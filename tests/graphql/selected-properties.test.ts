// Statement lists fetch only the properties their selection reads (src/graphql/fetching/selectedProperties.ts):
// whatever a query selects, each field answers what the full statement says, in one Neo4j query per list.
import { connectTestDatabase } from "../support/database";
import { seededApi } from "../support/graphql";

const db = connectTestDatabase();
const api = seededApi(db);

const FULL = `id text kind saidOn datePrecision time channel recurring
  speaker { __typename id name ... on State { isoCode } ... on Person { aliases description } }
  venue { id name kind } event { id name date datePrecision startsAt } mentions { __typename id }`;

describe("statement lists read the properties selected", () => {
  it("answers the same values whether a query selects a few fields or all of them", async () => {
    const full = await api.data(`{ statements(first: 30) { nodes { ${FULL} } } }`);
    const few = await api.run(`{ statements(first: 30) { nodes { id saidOn venue { name } speaker { name } } } }`);
    expect(few.errors).toBeUndefined();
    expect(few.queries).toBe(1);
    const nodes = full.statements.nodes as any[];
    expect(nodes.length).toBeGreaterThan(5);
    expect(nodes.some((s) => s.saidOn !== null)).toBe(true);
    expect(few.data.statements.nodes).toEqual(
      nodes.map((s) => ({
        id: s.id,
        saidOn: s.saidOn,
        venue: s.venue && { name: s.venue.name },
        speaker: { name: s.speaker.name },
      })),
    );
  });

  it("keeps two selections of one list apart, under aliases and at depth", async () => {
    const result = await api.run(`{
      person(id: "person:volodymyr-zelenskyy") {
        texts: statements(first: 5) { nodes { id text } }
        dates: statements(first: 5) { nodes { id saidOn kind } }
      }
      state(id: "state:ua") { officeHolders { person { statements(first: 3) { nodes { id recurring channel } } } } }
    }`);
    expect(result.errors).toBeUndefined();
    const { texts, dates } = result.data.person;
    expect(texts.nodes.map((s: any) => s.id)).toEqual(dates.nodes.map((s: any) => s.id));
    for (const s of texts.nodes) expect(Object.keys(s).sort()).toEqual(["id", "text"]);
    expect(texts.nodes[0].text.length).toBeGreaterThan(10);
    for (const s of dates.nodes) expect(s.kind).toMatch(/^(DIRECT_QUOTE|REPORTED)$/);
    expect(dates.nodes[0].saidOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const held = result.data.state.officeHolders.flatMap((h: any) => h.person.statements.nodes);
    expect(held.length).toBeGreaterThan(0);
    for (const s of held) expect(typeof s.recurring).toBe("boolean");
  });
});

describe("look-ups read the node with only what their selection reads", () => {
  const ZELENSKYY = "person:volodymyr-zelenskyy";
  const WHOLE = "id name aliases description fromSource";

  it("answers the same values whether a look-up selects a few fields or all of them", async () => {
    const whole = await api.data(
      `{ person(id: "${ZELENSKYY}") { ${WHOLE} } state(id: "state:ua") { id name isoCode } }`,
    );
    const few = await api.run(`{ person(id: "${ZELENSKYY}") { name } state(id: "state:ua") { isoCode } }`);
    expect(few.errors).toBeUndefined();
    expect(few.queries).toBe(1);
    expect(whole.person.description).toEqual(expect.any(String));
    expect(few.data).toEqual({ person: { name: whole.person.name }, state: { isoCode: whole.state.isoCode } });
  });

  it("reads the node whole where an item hands it on (an office's person), in a look-up and in a list", async () => {
    const whole = await api.data(`{ person(id: "${ZELENSKYY}") { ${WHOLE} } }`);
    const handedOn = await api.data(`{
      person(id: "${ZELENSKYY}") { name offices { title person { ${WHOLE} } } }
      people(first: 100) { nodes { id name offices { person { ${WHOLE} } } } }
    }`);
    expect(handedOn.person.offices.length).toBeGreaterThan(0);
    for (const office of handedOn.person.offices) expect(office.person).toEqual(whole.person);
    const listed = (handedOn.people.nodes as any[]).find((p) => p.id === ZELENSKYY);
    expect(listed.offices.length).toBeGreaterThan(0);
    for (const office of listed.offices) expect(office.person).toEqual(whole.person);
  });

  it("finds a node only as its own type, and as any type under node(id)", async () => {
    const result = await api.run(`{
      asState: state(id: "${ZELENSKYY}") { id name }
      asNode: node(id: "${ZELENSKYY}") { id ... on Person { name } ... on State { isoCode } }
      missing: node(id: "person:nobody-at-all") { id }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.asState).toBeNull();
    expect(result.data.asNode).toEqual({ id: ZELENSKYY, name: expect.any(String) });
    expect(result.data.missing).toBeNull();
  });
});
