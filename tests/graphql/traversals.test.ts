import fs from "node:fs";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { TestApi } from "../support/graphql";
import { ISTANBUL_DATASET, loadIstanbulSeed } from "../support/seed";

const db = connectTestDatabase();
const api = new TestApi(db);
const article = fs.readFileSync(ISTANBUL_DATASET.replace(/\.json$/, ".txt"), "utf8");

beforeAll(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
  await api.start();
});
afterAll(async () => {
  await api.stop();
  await db.close();
});

describe("who said what, where and when — against the Istanbul article", () => {
  it("finds everything Zelenskyy said, with dates, venues and the words that prove it", async () => {
    const data = await api.data(`{
      person(id: "person:volodymyr-zelenskyy") {
        name
        offices { title state { name } }
        statements(orderBy: SAID_ON_ASC) {
          totalCount
          nodes { id kind text saidOn datePrecision channel recurring venue { name } speaker { id name } }
        }
      }
    }`);
    expect(data.person.name).toBe("Volodymyr Zelenskyy");
    expect(data.person.offices).toEqual([{ title: "President", state: { name: "Ukraine" } }]);
    expect(data.person.statements.totalCount).toBe(4);
    expect(data.person.statements.nodes).toEqual([
      {
        id: "statement:zelenskyy-calls-for-halt-to-fighting",
        kind: "REPORTED",
        text: "Zelenskyy refreshed his call for an immediate halt to the fighting.",
        saidOn: "2025-06-01",
        datePrecision: "DAY",
        channel: "social media post",
        recurring: true,
        venue: null,
        speaker: { id: "person:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy" },
      },
      {
        id: "statement:zelenskyy-calls-for-meeting-with-putin",
        kind: "REPORTED",
        text: "The sides should discuss a direct meeting between Zelenskyy and Russian President Vladimir Putin.",
        saidOn: "2025-06-01",
        datePrecision: "MONTH",
        channel: null,
        recurring: false,
        venue: null,
        speaker: { id: "person:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy" },
      },
      {
        id: "statement:zelenskyy-ceasefire-prisoners-children",
        kind: "DIRECT_QUOTE",
        text:
          "First - a full and unconditional ceasefire. Second - the release of prisoners. " +
          "Third - the return of abducted children",
        saidOn: "2025-06-01",
        datePrecision: "DAY",
        channel: "social media post",
        recurring: false,
        venue: null,
        speaker: { id: "person:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy" },
      },
      {
        id: "statement:zelenskyy-leaders-resolve-key-issues",
        kind: "DIRECT_QUOTE",
        text: "The key issues can only be resolved by the leaders",
        saidOn: "2025-06-01",
        datePrecision: "MONTH",
        channel: null,
        recurring: false,
        venue: null,
        speaker: { id: "person:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy" },
      },
    ]);
  });

  it("gives a statement's evidence excerpt exactly as the article words it", async () => {
    const data = await api.data(`{
      statement(id: "statement:zelenskyy-leaders-resolve-key-issues") {
        evidence { source { id title publishedOn dateline } start end excerpt }
      }
    }`);
    const [evidence] = data.statement.evidence;
    expect(evidence).toEqual({
      source: {
        id: "source:2025-06-02-istanbul-talks",
        title: "Russian and Ukrainian officials meet in Istanbul for a second round of talks",
        publishedOn: "2025-06-02",
        dateline: "ISTANBUL",
      },
      start: 1934,
      end: 2003,
      excerpt: '"The key issues can only be resolved by the leaders," Zelenskyy said.',
    });
    expect(article.slice(evidence.start, evidence.end)).toBe(evidence.excerpt);
  });

  it("finds everything said about the Istanbul talks, and where and when they were held", async () => {
    const data = await api.data(`{
      event(id: "event:istanbul-talks-round-2") {
        name date datePrecision startsAt
        venue { name kind locatedIn { name } state { name isoCode fromSource } }
        follows { id date datePrecision }
        participants { role participant { id } }
        statements { totalCount }
        mentionedIn(orderBy: SAID_ON_ASC) { nodes { id speaker { name } } }
      }
      statements(filter: { mentions: "event:istanbul-talks-round-2" }) { totalCount }
    }`);
    expect(data.event).toEqual({
      name: "Second round of Russia-Ukraine talks in Istanbul",
      date: "2025-06-02",
      datePrecision: "DAY",
      startsAt: "2025-06-02T13:00:00+03:00",
      venue: {
        name: "Ciragan Palace",
        kind: "building",
        locatedIn: { name: "Istanbul" },
        state: { name: "Türkiye", isoCode: "TR", fromSource: false },
      },
      follows: { id: "event:istanbul-talks-round-1", date: "2025-05-01", datePrecision: "MONTH" },
      participants: [
        { role: "negotiating side", participant: { id: "state:ru" } },
        { role: "delegation", participant: { id: "organization:russian-delegation" } },
        { role: "negotiating side", participant: { id: "state:ua" } },
        { role: "delegation", participant: { id: "organization:ukrainian-delegation" } },
      ],
      statements: { totalCount: 0 },
      mentionedIn: {
        nodes: [
          { id: "statement:zelenskyy-calls-for-halt-to-fighting", speaker: { name: "Volodymyr Zelenskyy" } },
          { id: "statement:zelenskyy-ceasefire-prisoners-children", speaker: { name: "Volodymyr Zelenskyy" } },
          { id: "statement:moscow-will-present-memorandum", speaker: { name: "Russia" } },
          { id: "statement:ukraine-presses-russia-to-send-demands", speaker: { name: "Ukraine" } },
        ],
      },
    });
    expect(data.statements.totalCount).toBe(4);
  });

  it("knows who mentioned Putin", async () => {
    const data = await api.data(`{
      person(id: "person:vladimir-putin") { mentionedIn { nodes { speaker { __typename id name } text } } }
    }`);
    expect(data.person.mentionedIn.nodes).toEqual([
      {
        speaker: { __typename: "Person", id: "person:volodymyr-zelenskyy", name: "Volodymyr Zelenskyy" },
        text: "The sides should discuss a direct meeting between Zelenskyy and Russian President Vladimir Putin.",
      },
      {
        speaker: { __typename: "Organization", id: "organization:kremlin", name: "The Kremlin" },
        text: 'A Putin-Zelenskyy meeting could only happen after the negotiating delegations reach wider "agreements".',
      },
    ]);
  });

  it("lists statements between two dates", async () => {
    const data = await api.data(`{
      statements(filter: { from: "2025-06-02", to: "2025-06-30" }) { totalCount nodes { id saidOn } }
      may: statements(filter: { to: "2025-05-31" }) { totalCount }
    }`);
    expect(data.statements).toEqual({
      totalCount: 1,
      nodes: [{ id: "statement:moscow-will-present-memorandum", saidOn: "2025-06-02" }],
    });
    expect(data.may.totalCount).toBe(0);
  });

  it("counts what a state said through its organizations and office holders", async () => {
    const data = await api.data(`{
      state(id: "state:ru") { statements { totalCount } allStatements { totalCount nodes { speaker { id } } } }
      statements(filter: { state: "state:ru" }) { totalCount }
      ukraine: statements(filter: { state: "state:ua", kind: DIRECT_QUOTE }) { nodes { id } }
    }`);
    expect(data.state.statements.totalCount).toBe(3);
    expect(data.state.allStatements.totalCount).toBe(4);
    expect(new Set(data.state.allStatements.nodes.map((n: { speaker: { id: string } }) => n.speaker.id))).toEqual(
      new Set(["state:ru", "organization:kremlin"]),
    );
    expect(data.statements.totalCount).toBe(4);
    expect(data.ukraine.nodes).toEqual([
      { id: "statement:zelenskyy-leaders-resolve-key-issues" },
      { id: "statement:zelenskyy-ceasefire-prisoners-children" },
    ]);
  });

  it("searches the full text for ceasefire", async () => {
    const data = await api.data(`{
      search(query: "ceasefire") { nodes { node { id } snippet } }
      statements(filter: { text: "CEASEFIRE" }) { nodes { id } }
    }`);
    expect(data.search.nodes).toEqual([
      {
        node: { id: "statement:zelenskyy-ceasefire-prisoners-children" },
        snippet:
          "First - a full and unconditional <mark>ceasefire</mark>. Second - the release of prisoners. " +
          "Third - the return of abducted children",
      },
    ]);
    expect(data.statements.nodes).toEqual([{ id: "statement:zelenskyy-ceasefire-prisoners-children" }]);
  });

  it("treats search input as words, never as query syntax", async () => {
    const data = await api.data(`{ search(query: "ceasefire) OR name:* \\"") { nodes { node { id } } } }`);
    expect(data.search.nodes).toEqual([{ node: { id: "statement:zelenskyy-ceasefire-prisoners-children" } }]);
  });

  it("finds the path from Trump to the Ciragan Palace", async () => {
    const data = await api.data(`{
      path(from: "person:donald-trump", to: "venue:ciragan-palace") {
        length nodes { __typename id } relationships { type from to }
      }
    }`);
    expect(data.path).toEqual({
      length: 4,
      nodes: [
        { __typename: "Person", id: "person:donald-trump" },
        { __typename: "Statement", id: "statement:trump-urges-direct-negotiations" },
        { __typename: "State", id: "state:ru" },
        { __typename: "Event", id: "event:istanbul-talks-round-2" },
        { __typename: "Venue", id: "venue:ciragan-palace" },
      ],
      relationships: [
        { type: "SAID", from: "person:donald-trump", to: "statement:trump-urges-direct-negotiations" },
        { type: "MENTIONS", from: "statement:trump-urges-direct-negotiations", to: "state:ru" },
        { type: "PARTICIPATED_IN", from: "state:ru", to: "event:istanbul-talks-round-2" },
        { type: "HELD_AT", from: "event:istanbul-talks-round-2", to: "venue:ciragan-palace" },
      ],
    });
    const short = await api.data(
      `{ path(from: "person:donald-trump", to: "venue:ciragan-palace", maxHops: 3) { length } }`,
    );
    expect(short.path).toBeNull();
  });

  it("gives the statements on a path with the parts asked of them, in one query when they come along", async () => {
    const query = (fields: string) => `{
      path(from: "person:donald-trump", to: "venue:ciragan-palace") { nodes { id ... on Statement { ${fields} } } }
    }`;
    const withParts = await api.run(query("speaker { id } mentions { id } evidence { excerpt }"));
    expect(withParts.errors).toBeUndefined();
    const statement = withParts.data.path.nodes[1];
    expect(statement.speaker).toEqual({ id: "person:donald-trump" });
    expect(statement.mentions.map((m: { id: string }) => m.id)).toContain("state:ru");
    expect(article).toContain(statement.evidence[0].excerpt);
    expect(withParts.queries).toBe(1);
  });

  // The same state reached below a person's office: what comes along three levels down (neighbours of neighbours and
  // the first statement list of each) is read with the person; the rest takes the loaders' way, level by level.
  const belowAnOffice = (fields: string) =>
    `{ person(id: "person:volodymyr-zelenskyy") { offices { state { ${fields} } } } }`;
  const officeState = (data: any) => data.person.offices.find((o: any) => o.state.id === "state:ua").state;

  it("answers a state, its office holders and their latest statements in one query, by state or node", async () => {
    const fields = `id
      officeHolders { title person { id statements(first: 2) { totalCount nodes { id saidOn mentions { id } } } } }`;
    const fast = await api.run(`{ state(id: "state:ua") { ${fields} } }`);
    // node(id) reads the fragments for the type the id's prefix names, and fetches them early too.
    const viaNode = await api.run(`{ node(id: "state:ua") { ... on State { ${fields} } } }`);
    const slow = await api.run(belowAnOffice(fields));
    expect(fast.errors).toBeUndefined();
    expect(viaNode.errors).toBeUndefined();
    expect(slow.errors).toBeUndefined();
    expect(fast.data.state).toEqual(viaNode.data.node);
    expect(fast.data.state).toEqual(officeState(slow.data));
    expect(fast.data.state.officeHolders[0].person.statements.totalCount).toBe(4);
    expect(fast.queries).toBe(1);
    expect(viaNode.queries).toBe(1);
    // Office → state → office holders → their statements, all read with the person.
    expect(slow.queries).toBe(1);
  });

  it("fetches early what it can and leaves the rest to the loaders, with the same answers", async () => {
    const fields = `id
      ... on State {
        events { role event { id mentionedIn(first: 2) { nodes { id } } } }
        latest: allStatements(first: 1) { nodes { id saidOn } }
        oldest: allStatements(first: 1, orderBy: SAID_ON_ASC) { nodes { id saidOn } }
      }`;
    const fast = await api.run(`{ state(id: "state:ua") { ${fields} } }`);
    const slow = await api.run(belowAnOffice(fields));
    expect(fast.errors).toBeUndefined();
    expect(slow.errors).toBeUndefined();
    expect(fast.data.state).toEqual(officeState(slow.data));
    expect(fast.data.state.latest.nodes[0].id).not.toBe(fast.data.state.oldest.nodes[0].id);
    expect(fast.data.state.events.length).toBeGreaterThan(0);
    // The state with its events, their statements and both lists of its own in one query.
    expect(fast.queries).toBe(1);
    expect(slow.queries).toBeGreaterThan(fast.queries);
  });

  it("answers a person and their statements with venues and events in one query", async () => {
    const query = `query ($first: Int, $after: String) {
      person(id: "person:volodymyr-zelenskyy") {
        name offices { title }
        statements(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor } nodes { id venue { name } event { name } }
        }
      }
    }`;
    const page1 = await api.run(query, { first: 2 });
    expect(page1.errors).toBeUndefined();
    expect(page1.queries).toBe(1);
    const page2 = await api.run(query, { first: 2, after: page1.data.person.statements.pageInfo.endCursor });
    expect(page2.queries).toBe(1);
    const ids = [...page1.data.person.statements.nodes, ...page2.data.person.statements.nodes].map(
      (s: { id: string }) => s.id,
    );
    expect(new Set(ids).size).toBe(4);
    const bad = await api.run(query, { first: 2, after: "not-a-cursor" });
    // The connection is non-null, so its error empties the person, as without the early fetch.
    expect(bad.data.person).toBeNull();
    expect(bad.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0]?.path).toEqual(["person", "statements"]);
  });

  it("gives a timeline for Ukraine in date order, a month before its days, undated items last", async () => {
    const data = await api.data(`{
      timeline(entity: "state:ua") {
        nodes {
          __typename
          ... on Statement { id saidOn datePrecision }
          ... on Event { id date datePrecision }
        }
      }
    }`);
    // MONTH and YEAR dates are stored as the period's first day: June 2025 comes before 1 June, not among its items.
    expect(data.timeline.nodes).toEqual([
      { __typename: "Event", id: "event:russia-ukraine-war", date: "2022-01-01", datePrecision: "YEAR" },
      { __typename: "Event", id: "event:istanbul-talks-round-1", date: "2025-05-01", datePrecision: "MONTH" },
      {
        __typename: "Statement",
        id: "statement:kyiv-successful-attack-on-bombers",
        saidOn: "2025-06-01",
        datePrecision: "MONTH",
      },
      {
        __typename: "Statement",
        id: "statement:zelenskyy-calls-for-meeting-with-putin",
        saidOn: "2025-06-01",
        datePrecision: "MONTH",
      },
      {
        __typename: "Statement",
        id: "statement:zelenskyy-leaders-resolve-key-issues",
        saidOn: "2025-06-01",
        datePrecision: "MONTH",
      },
      {
        __typename: "Event",
        id: "event:ukrainian-attack-on-russian-bombers",
        date: "2025-06-01",
        datePrecision: "DAY",
      },
      {
        __typename: "Statement",
        id: "statement:zelenskyy-calls-for-halt-to-fighting",
        saidOn: "2025-06-01",
        datePrecision: "DAY",
      },
      {
        __typename: "Statement",
        id: "statement:zelenskyy-ceasefire-prisoners-children",
        saidOn: "2025-06-01",
        datePrecision: "DAY",
      },
      { __typename: "Event", id: "event:istanbul-talks-round-2", date: "2025-06-02", datePrecision: "DAY" },
      { __typename: "Statement", id: "statement:trump-urges-direct-negotiations", saidOn: null, datePrecision: null },
      {
        __typename: "Statement",
        id: "statement:ukraine-presses-russia-to-send-demands",
        saidOn: null,
        datePrecision: null,
      },
    ]);
    const june = await api.data(
      `{ timeline(entity: "state:ua", from: "2025-06-02") { nodes { ... on Event { id } } } }`,
    );
    expect(june.timeline.nodes).toEqual([{ id: "event:istanbul-talks-round-2" }]);
  });

  it("matches names and aliases whatever the case and accents", async () => {
    for (const name of ["Ciragan", "Çırağan", "çırağan palace", "CIRAGAN PAL"]) {
      const data = await api.data(`query ($name: String) { venues(filter: { name: $name }) { nodes { id } } }`, {
        name,
      });
      expect(data.venues.nodes).toEqual([{ id: "venue:ciragan-palace" }]);
    }
    const moscow = await api.data(`{ states(filter: { name: "moscow" }) { nodes { id name aliases } } }`);
    expect(moscow.states.nodes).toEqual([{ id: "state:ru", name: "Russia", aliases: ["Moscow"] }]);
  });

  it("walks from any node through the Node and Speaker interfaces", async () => {
    const data = await api.data(`{
      node(id: "organization:kremlin") {
        id ... on Speaker { name statements { nodes { mentions { __typename id } } } }
      }
      venue(id: "venue:istanbul") { contains { id } events { id } state { id } }
    }`);
    expect(data.node).toEqual({
      id: "organization:kremlin",
      name: "The Kremlin",
      statements: {
        nodes: [
          {
            mentions: [
              { __typename: "Organization", id: "organization:russian-delegation" },
              { __typename: "Organization", id: "organization:ukrainian-delegation" },
              { __typename: "Person", id: "person:vladimir-putin" },
              { __typename: "Person", id: "person:volodymyr-zelenskyy" },
            ],
          },
        ],
      },
    });
    expect(data.venue).toEqual({
      contains: [{ id: "venue:bosphorus" }, { id: "venue:ciragan-palace" }],
      events: [
        { id: "event:istanbul-talks-round-1" },
        { id: "event:russian-delegation-arrives" },
        { id: "event:ukrainian-delegation-arrives" },
      ],
      state: { id: "state:tr" },
    });
  });
});

describe("bad arguments get BAD_USER_INPUT or NOT_FOUND with the field", () => {
  it.each([
    [
      "first over 100",
      `{ statements(first: 101) { totalCount } }`,
      "BAD_USER_INPUT",
      "first must be between 0 and 100, got 101",
    ],
    [
      "a made-up cursor",
      `{ people(after: "nonsense") { totalCount } }`,
      "BAD_USER_INPUT",
      'after: "nonsense" is not a cursor of this list',
    ],
    [
      "an impossible date",
      `{ statements(filter: { from: "2025-02-30" }) { totalCount } }`,
      "GRAPHQL_VALIDATION_FAILED",
      'Date cannot represent "2025-02-30": expected a date YYYY-MM-DD',
    ],
    [
      "a reversed range",
      `{ statements(filter: { from: "2025-06-02", to: "2025-01-01" }) { totalCount } }`,
      "BAD_USER_INPUT",
      "filter.from (2025-06-02) is after filter.to (2025-01-01)",
    ],
    [
      "too many hops",
      `{ path(from: "state:ua", to: "state:ru", maxHops: 7) { length } }`,
      "BAD_USER_INPUT",
      "maxHops must be between 1 and 6, got 7",
    ],
    [
      "an unknown path end",
      `{ path(from: "state:ua", to: "state:zz") { length } }`,
      "NOT_FOUND",
      "to: there is no node with id state:zz",
    ],
  ])("%s", async (_name, query, code, message) => {
    const result = await api.run(query);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toContain(message);
  });
});
