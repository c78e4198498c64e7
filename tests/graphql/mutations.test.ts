import { lookupKeys } from "../../src/domain/resolution";
import { startHttpServer, type HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { tinyDataset, withStatement } from "../support/datasets";
import type { Auth } from "../../src/graphql/context";
import { ADMIN, TestApi } from "../support/graphql";
import { loadIstanbulSeed } from "../support/seed";

const db = connectTestDatabase();
const api = new TestApi(db);
const curator = ADMIN;

/** A short article of our own, created through the API, for statements of a new speaker. */
const TEXT = 'KYIV: Rustem Umerov led the delegation. "We are ready for the next round," Umerov said on Friday.';
const QUOTE = "We are ready for the next round";
const QUOTE_SPAN = { start: TEXT.indexOf(`"${QUOTE}`), end: TEXT.length };

beforeAll(() => api.start());
beforeEach(async () => {
  await emptyGraph(db);
  await loadIstanbulSeed(db);
});
afterAll(async () => {
  await api.stop();
  await db.close();
});

/** Nodes and relationships in the graph: a refused mutation must leave both as they were. */
async function snapshot() {
  const rows = await db.read<{ n: number; r: number }>(
    "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS n, count(r) AS r",
  );
  return rows[0];
}

/** Runs a mutation as a curator; fails the test on any error. */
async function mutate<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await api.run<T>(query, variables, curator);
  if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data!;
}

/** Runs a mutation that must be refused; returns its one error and checks that nothing was written. */
async function refused(query: string, variables: Record<string, unknown>, auth: Auth = curator) {
  const before = await snapshot();
  const result = await api.run(query, variables, auth);
  expect(result.data).toBeUndefined();
  expect(result.errors).toHaveLength(1);
  expect(await snapshot()).toEqual(before);
  return result.errors![0]!;
}

const CREATE_PERSON = `mutation ($input: PersonInput!) {
  createPerson(input: $input) { id name aliases description fromSource }
}`;
const CREATE_SOURCE = `mutation ($input: SourceInput!) {
  createSource(input: $input) { id title publishedOn dateline text }
}`;
const RECORD = `mutation ($input: RecordStatementInput!) {
  recordStatement(input: $input) {
    id text kind saidOn datePrecision recurring
    speaker { id } venue { id } mentions { id }
    evidence { source { id } start end excerpt }
  }
}`;

async function umerovWithSource() {
  await mutate(CREATE_SOURCE, {
    input: { id: "source:kyiv-brief", title: "Kyiv brief", publishedOn: "2025-06-06", dateline: "KYIV", text: TEXT },
  });
  await mutate(CREATE_PERSON, {
    input: { name: "Rustem Umerov", aliases: ["Umerov"], description: "Head of Ukraine's delegation." },
  });
}

function umerovQuote(overrides: Record<string, unknown> = {}) {
  return {
    speaker: "person:rustem-umerov",
    text: QUOTE,
    kind: "DIRECT_QUOTE",
    saidOn: "2025-06-06",
    venue: "venue:istanbul",
    mentions: ["event:istanbul-talks-round-2"],
    evidence: [{ source: "source:kyiv-brief", ...QUOTE_SPAN }],
    ...overrides,
  };
}

describe("write access", () => {
  it("refuses every mutation without a token, with UNAUTHENTICATED and the reason, and writes nothing", async () => {
    const error = await refused(CREATE_PERSON, { input: { name: "Rustem Umerov" } }, { reason: "no token was sent" });
    expect(error.message).toBe("Mutations need a token: no token was sent");
    expect(error.extensions).toEqual({ code: "UNAUTHENTICATED" });

    const deletion = await refused(
      `mutation { deleteStatement(id: "statement:zelenskyy-leaders-resolve-key-issues") { deleted } }`,
      {},
      { reason: "the bearer token is not the server's API_TOKEN" },
    );
    expect(deletion.message).toBe("Mutations need a token: the bearer token is not the server's API_TOKEN");
    const imported = await refused(
      `mutation ($d: JSON!) { importDataset(dataset: $d) { sourceId } }`,
      { d: tinyDataset() },
      { reason: "no token was sent" },
    );
    expect(imported.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("keeps reads public", async () => {
    const result = await api.run(`{ person(id: "person:donald-trump") { name } }`);
    expect(result).toMatchObject({ data: { person: { name: "Donald Trump" } } });
  });
});

describe("creating entities and recording statements", () => {
  it("creates a person and records what they said, readable at once with its evidence", async () => {
    await mutate(CREATE_SOURCE, {
      input: { title: "Kyiv brief", publishedOn: "2025-06-06", dateline: "KYIV", text: TEXT },
    }).then((data) =>
      expect(data.createSource).toEqual({
        id: "source:kyiv-brief",
        title: "Kyiv brief",
        publishedOn: "2025-06-06",
        dateline: "KYIV",
        text: TEXT,
      }),
    );
    const created = await mutate(CREATE_PERSON, {
      input: {
        name: "Rustem Umerov",
        aliases: ["Umerov", "Rustem Umerov"],
        description: "Head of Ukraine's delegation.",
      },
    });
    expect(created.createPerson).toEqual({
      id: "person:rustem-umerov",
      name: "Rustem Umerov",
      aliases: ["Umerov"],
      description: "Head of Ukraine's delegation.",
      fromSource: true,
    });

    const recorded = await mutate(RECORD, { input: umerovQuote() });
    expect(recorded.recordStatement).toEqual({
      id: "statement:umerov-we-are-ready-for-the-next",
      text: QUOTE,
      kind: "DIRECT_QUOTE",
      saidOn: "2025-06-06",
      datePrecision: "DAY",
      recurring: false,
      speaker: { id: "person:rustem-umerov" },
      venue: { id: "venue:istanbul" },
      mentions: [{ id: "event:istanbul-talks-round-2" }],
      evidence: [{ source: { id: "source:kyiv-brief" }, ...QUOTE_SPAN, excerpt: `"${QUOTE}," Umerov said on Friday.` }],
    });

    const read = await api.data(
      `{ person(id: "person:rustem-umerov") { statements { nodes { text evidence { excerpt } } } } }`,
    );
    expect(read.person.statements.nodes).toEqual([
      { text: QUOTE, evidence: [{ excerpt: `"${QUOTE}," Umerov said on Friday.` }] },
    ]);
    const venue = await api.data(
      `{ venue(id: "venue:istanbul") { statements(filter: { speaker: "person:rustem-umerov" }) { totalCount } } }`,
    );
    expect(venue.venue.statements.totalCount).toBe(1);
  });

  it("finds a statement by its words as soon as it is recorded, in search and in a text filter", async () => {
    // The statements' text index is updated after each commit, not in it; its reads wait until it has every
    // committed write (AWAIT_STATEMENT_TEXT), so a client reads its own writes at once.
    await umerovWithSource();
    for (const [i, text] of ["We are ready", "ready for the next round"].entries()) {
      const { recordStatement } = await mutate(RECORD, { input: umerovQuote({ text, saidOn: `2025-06-0${i + 1}` }) });
      const found = await api.data(
        `query ($text: String!) {
          search(query: $text) { nodes { node { id } } }
          statements(filter: { text: $text }) { nodes { id } }
        }`,
        { text },
      );
      expect(found.search.nodes.map((hit: { node: { id: string } }) => hit.node.id)).toContain(recordStatement.id);
      expect(found.statements.nodes.map((node: { id: string }) => node.id)).toContain(recordStatement.id);
    }
  });

  it("stores what the loader stores, so name filters and search find new entities", async () => {
    await umerovWithSource();
    const found = await api.data(`{
      people(filter: { name: "umerov" }) { nodes { id } }
      search(query: "Umerov") { nodes { node { id } } }
    }`);
    expect(found.people.nodes).toEqual([{ id: "person:rustem-umerov" }]);
    expect(found.search.nodes.map((hit: { node: { id: string } }) => hit.node.id)).toContain("person:rustem-umerov");

    // The stored form: the loader's labels, properties and name keys; links marked as the curator's.
    await mutate(RECORD, { input: umerovQuote() });
    const [stored] = await db.read<{
      labels: string[];
      props: Record<string, unknown>;
      keys: string[];
      said: Record<string, unknown>;
    }>(
      `MATCH (p:Person {id: 'person:rustem-umerov'})-[said:SAID]->()
       RETURN labels(p) AS labels, properties(p) AS props, [(k:NameKey)-[:NAMES]->(p) | k.key] AS keys,
              properties(said) AS said`,
    );
    expect({ ...stored, labels: [...stored!.labels].sort(), keys: [...stored!.keys].sort() }).toEqual({
      labels: ["Entity", "Person"],
      props: {
        id: "person:rustem-umerov",
        name: "Rustem Umerov",
        aliases: ["Umerov"],
        aliasText: "Umerov ",
        description: "Head of Ukraine's delegation.",
        fromSource: true,
        // A curator's values (and the id) win over what sources claim later.
        curatedFields: ["id", "name", "aliases", "description"],
        // Skeletons of the names' words: a name filter in another spelling finds him.
        spellings: "rstm umrv",
      },
      keys: lookupKeys("Person", ["Rustem Umerov", "Umerov"]).sort(),
      said: { source: "curator", fromSource: true },
    });

    // A dataset naming him under an id of its own finds him through the name keys: by his surname alone it is not
    // sure (a namesake may be meant), so it reports him as a candidate; sameAs makes the merge.
    const dataset = {
      ...tinyDataset({ people: [{ id: "person:umerov", name: "Umerov" }] }),
      statements: [],
      venues: [],
    };
    const IMPORT = `mutation ($d: JSON!) {
      importDataset(dataset: $d) { mergedInto { id into } resolution { incoming decision candidates { id } } }
    }`;
    const doubtful = await mutate(IMPORT, { d: dataset });
    expect(doubtful.importDataset.mergedInto).toEqual([]);
    expect(doubtful.importDataset.resolution).toEqual([
      { incoming: "person:umerov", decision: "AMBIGUOUS", candidates: [{ id: "person:rustem-umerov" }] },
    ]);
    const sure = await mutate(IMPORT, {
      d: { ...dataset, people: [{ id: "person:umerov", name: "Umerov", sameAs: "person:rustem-umerov" }] },
    });
    expect(sure.importDataset.mergedInto).toEqual([{ id: "person:umerov", into: "person:rustem-umerov" }]);
  });

  it("makes ids from names, numbering namesakes", async () => {
    const first = await mutate(CREATE_PERSON, { input: { name: "Jane Doe" } });
    // A namesake is resolved to the first Jane Doe unless the curator says it is someone else.
    const duplicate = await refused(CREATE_PERSON, { input: { name: "Jane  Doe!" } });
    expect(duplicate.extensions).toMatchObject({ code: "DUPLICATE_ENTITY", candidate: "person:jane-doe" });
    const second = await mutate(CREATE_PERSON, { input: { name: "Jane  Doe!", distinctFrom: ["person:jane-doe"] } });
    const venue = await mutate(
      `mutation {
        createVenue(input: { name: "Dolmabahçe Palace", kind: "building", locatedIn: "venue:istanbul" }) {
          id state { id }
        }
      }`,
    );
    expect([first.createPerson.id, second.createPerson.id]).toEqual(["person:jane-doe", "person:jane-doe-2"]);
    expect(venue.createVenue).toEqual({ id: "venue:dolmabahce-palace", state: { id: "state:tr" } });
  });

  it("refuses a quotation that is not inside its span, showing what the span reads, and writes nothing", async () => {
    await umerovWithSource();
    const error = await refused(RECORD, {
      input: umerovQuote({ evidence: [{ source: "source:kyiv-brief", start: 0, end: 39 }] }),
    });
    expect(error.message).toBe(
      `input.evidence[0]: the quoted words "${QUOTE}" are not inside the span 0-39 of source:kyiv-brief, ` +
        `which reads "KYIV: Rustem Umerov led the delegation."`,
    );
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.evidence[0]" });
  });

  it("checks references, spans and dates like the loader", async () => {
    await umerovWithSource();
    const speaker = await refused(RECORD, { input: umerovQuote({ speaker: "person:nobody" }) });
    expect(speaker.message).toBe("input.speaker: there is no person, state or organization with id person:nobody");
    expect(speaker.extensions).toEqual({ code: "NOT_FOUND", field: "input.speaker", id: "person:nobody" });

    const mention = await refused(RECORD, {
      input: umerovQuote({ mentions: ["event:istanbul-talks-round-2", "source:kyiv-brief"] }),
    });
    expect(mention.message).toBe(
      "input.mentions[1]: source:kyiv-brief is a source, not a person, state, organization, venue or event",
    );

    const source = await refused(RECORD, {
      input: umerovQuote({ evidence: [{ source: "source:nowhere", start: 0, end: 5 }] }),
    });
    expect(source.extensions).toEqual({ code: "NOT_FOUND", field: "input.evidence[0].source", id: "source:nowhere" });

    const outside = await refused(RECORD, {
      input: umerovQuote({ evidence: [{ source: "source:kyiv-brief", start: 40, end: 500 }] }),
    });
    expect(outside.message).toBe(
      `input.evidence[0]: span 40-500 is outside the text of source:kyiv-brief (${TEXT.length} characters)`,
    );

    const late = await refused(RECORD, { input: umerovQuote({ saidOn: "2025-06-07" }) });
    expect(late.message).toBe("input.saidOn: 2025-06-07 is after source:kyiv-brief was published (2025-06-06)");

    const month = await refused(RECORD, { input: umerovQuote({ datePrecision: "MONTH" }) });
    expect(month.message).toBe(
      "input.saidOn: 2025-06-06 has MONTH precision and must be the first day of the month (2025-06-01)",
    );

    const time = await refused(RECORD, { input: umerovQuote({ time: "1pm" }) });
    expect(time.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.time" });

    const taken = await refused(CREATE_PERSON, { input: { id: "person:donald-trump", name: "Donald J. Trump" } });
    expect(taken.message).toBe(
      "input.id: person:donald-trump already exists (a person); update it or choose another id",
    );
    const slug = await refused(CREATE_PERSON, { input: { id: "state:jane", name: "Jane" } });
    expect(slug.message).toBe('input.id: must look like "person:lower-case-words-with-hyphens"');
  });
});

describe("importing a dataset", () => {
  const IMPORT = `mutation ($d: JSON!) {
    importDataset(dataset: $d) { sourceId statements people states organizations venues events mergedInto { id into } }
  }`;

  it("loads a dataset exactly like the seed command", async () => {
    const data = await mutate(IMPORT, { d: tinyDataset() });
    expect(data.importDataset).toEqual({
      sourceId: "source:tiny",
      statements: 1,
      people: 1,
      states: 0,
      organizations: 0,
      venues: 1,
      events: 0,
      mergedInto: [],
    });
    const read = await api.data(`{ statement(id: "statement:doe-will-sign") { speaker { id } evidence { excerpt } } }`);
    expect(read.statement).toEqual({
      speaker: { id: "person:jane-doe" },
      evidence: [{ excerpt: '"We will sign on Friday," Doe said on Monday.' }],
    });
  });

  it("refuses an invalid dataset with BAD_USER_INPUT and every problem, and writes nothing", async () => {
    const error = await refused(IMPORT, { d: withStatement({ evidence: [{ start: 0, end: 30 }] }) });
    const problem =
      'statements[0] (statement:doe-will-sign).evidence[0]: the quoted words "We will sign on Friday" ' +
      'are not inside the span 0-30, which reads "GENEVA: Jane Doe met the press"';
    expect(error.message).toBe(`importDataset: dataset refused, nothing was written: ${problem}`);
    expect(error.extensions).toEqual({ code: "BAD_USER_INPUT", field: "dataset", problems: [problem] });
  });
});

describe("updating and deleting", () => {
  it("updates a venue's fields and links, and null removes a link", async () => {
    await mutate(
      `mutation {
        createVenue(input: { name: "Dolmabahce Palace", kind: "building", locatedIn: "venue:istanbul" }) { id }
      }`,
    );
    const VENUE = `{ id name kind aliases description locatedIn { id } state { id } }`;
    const updated = await mutate(
      `mutation ($input: VenueUpdateInput!) { updateVenue(id: "venue:dolmabahce-palace", input: $input) ${VENUE} }`,
      {
        input: {
          aliases: ["Dolmabahçe"],
          description: "Ottoman palace on the Bosphorus.",
          locatedIn: null,
          state: "state:tr",
        },
      },
    );
    expect(updated.updateVenue).toEqual({
      id: "venue:dolmabahce-palace",
      name: "Dolmabahce Palace",
      kind: "building",
      aliases: ["Dolmabahçe"],
      description: "Ottoman palace on the Bosphorus.",
      locatedIn: null,
      state: { id: "state:tr" },
    });
    const read = await api.data(
      `{ venue(id: "venue:dolmabahce-palace") ${VENUE} venues(filter: { name: "dolmabahce" }) { nodes { id } } }`,
    );
    expect(read.venue).toEqual(updated.updateVenue);
    expect(read.venues.nodes).toEqual([{ id: "venue:dolmabahce-palace" }]);

    const cleared = await mutate(
      `mutation {
        updateVenue(id: "venue:dolmabahce-palace", input: { description: null, state: null }) {
          description state { id }
        }
      }`,
    );
    expect(cleared.updateVenue).toEqual({ description: null, state: null });
  });

  it("creates and updates an event with its date, venue and participants", async () => {
    const EVENT = `{
      id date datePrecision startsAt venue { id } follows { id } participants { role participant { id } }
    }`;
    const created = await mutate(`mutation ($input: EventInput!) { createEvent(input: $input) ${EVENT} }`, {
      input: {
        name: "Third round of Istanbul talks",
        date: "2025-07-23",
        datePrecision: "DAY",
        startsAt: "2025-07-23T19:00:00+03:00",
        venue: "venue:ciragan-palace",
        follows: "event:istanbul-talks-round-2",
        participants: [
          { id: "state:ua", role: "negotiating party" },
          { id: "state:ru", role: "negotiating party" },
        ],
      },
    });
    expect(created.createEvent).toEqual({
      id: "event:third-round-of-istanbul-talks",
      date: "2025-07-23",
      datePrecision: "DAY",
      startsAt: "2025-07-23T19:00:00+03:00",
      venue: { id: "venue:ciragan-palace" },
      follows: { id: "event:istanbul-talks-round-2" },
      participants: [
        { role: "negotiating party", participant: { id: "state:ru" } },
        { role: "negotiating party", participant: { id: "state:ua" } },
      ],
    });
    const updated = await mutate(
      `mutation {
        updateEvent(
          id: "event:third-round-of-istanbul-talks",
          input: { date: "2025-07-01", datePrecision: MONTH, startsAt: null, participants: [] }
        ) ${EVENT}
      }`,
    );
    expect(updated.updateEvent).toEqual({
      ...created.createEvent,
      date: "2025-07-01",
      datePrecision: "MONTH",
      startsAt: null,
      participants: [],
    });

    const cycle = await refused(
      `mutation {
        updateEvent(id: "event:istanbul-talks-round-2", input: { follows: "event:third-round-of-istanbul-talks" }) {
          id
        }
      }`,
      {},
    );
    expect(cycle.message).toBe(
      "input.follows: event:third-round-of-istanbul-talks is itself after event:istanbul-talks-round-2, " +
        "which would make a cycle",
    );
    const precision = await refused(
      `mutation { updateEvent(id: "event:third-round-of-istanbul-talks", input: { date: "2025-07-23" }) { id } }`,
      {},
    );
    expect(precision.message).toBe(
      "input.date: 2025-07-23 has MONTH precision and must be the first day of the month (2025-07-01)",
    );
  });

  it("updates a statement as a whole: a new text must still be inside its evidence", async () => {
    await umerovWithSource();
    await mutate(RECORD, { input: umerovQuote({ id: "statement:umerov-ready" }) });
    const UPDATE = `mutation ($input: StatementUpdateInput!) {
      updateStatement(id: "statement:umerov-ready", input: $input) {
        text kind saidOn datePrecision venue { id } mentions { id } evidence { excerpt }
      }
    }`;
    const wrong = await refused(UPDATE, { input: { text: "We are not ready" } });
    expect(wrong.message).toBe(
      `input.text: evidence[0]: the quoted words "We are not ready" are not inside the span ` +
        `${QUOTE_SPAN.start}-${QUOTE_SPAN.end} of source:kyiv-brief, ` +
        `which reads "\\"${QUOTE},\\" Umerov said on Friday."`,
    );

    const updated = await mutate(UPDATE, {
      input: {
        text: "Umerov said Ukraine was ready for another round.",
        kind: "REPORTED",
        saidOn: "2025-06-01",
        datePrecision: "MONTH",
        venue: null,
        mentions: ["state:ua"],
      },
    });
    expect(updated.updateStatement).toEqual({
      text: "Umerov said Ukraine was ready for another round.",
      kind: "REPORTED",
      saidOn: "2025-06-01",
      datePrecision: "MONTH",
      venue: null,
      mentions: [{ id: "state:ua" }],
      evidence: [{ excerpt: `"${QUOTE}," Umerov said on Friday.` }],
    });

    const nulled = await refused(UPDATE, { input: { speaker: null } });
    expect(nulled.extensions).toEqual({ code: "BAD_USER_INPUT", field: "input.speaker" });
    const unknown = await refused(
      `mutation { updateStatement(id: "statement:nothing", input: { recurring: true }) { id } }`,
      {},
    );
    expect(unknown.extensions).toEqual({ code: "NOT_FOUND", field: "id", id: "statement:nothing" });
  });

  it("refuses a source text that would break the evidence of its statements", async () => {
    await umerovWithSource();
    await mutate(RECORD, { input: umerovQuote({ id: "statement:umerov-ready" }) });
    const error = await refused(
      `mutation { updateSource(id: "source:kyiv-brief", input: { text: "KYIV: nothing was said." }) { id } }`,
      {},
    );
    expect(error.message).toBe(
      `input.text: statement:umerov-ready is reported in this source and its evidence would no longer hold: ` +
        `span ${QUOTE_SPAN.start}-${QUOTE_SPAN.end} is outside the text of source:kyiv-brief (23 characters)`,
    );
    const renamed = await mutate(
      `mutation { updateSource(id: "source:kyiv-brief", input: { title: "Kyiv briefing", url: "https://example.org/kyiv" }) { title url publishedOn } }`,
    );
    expect(renamed.updateSource).toEqual({
      title: "Kyiv briefing",
      url: "https://example.org/kyiv",
      publishedOn: "2025-06-06",
    });
  });

  it("refuses to delete a speaker while statements depend on it, then deletes it", async () => {
    const refusal = await refused(`mutation { deletePerson(id: "person:volodymyr-zelenskyy") { deleted } }`, {});
    expect(refusal.message).toBe(
      "id: person:volodymyr-zelenskyy said 4 statements (statement:zelenskyy-calls-for-halt-to-fighting, " +
        "statement:zelenskyy-calls-for-meeting-with-putin, statement:zelenskyy-ceasefire-prisoners-children, …); " +
        "delete them or give them another speaker first",
    );
    expect(refusal.extensions).toEqual({ code: "BAD_USER_INPUT", field: "id", id: "person:volodymyr-zelenskyy" });

    await umerovWithSource();
    await mutate(RECORD, { input: umerovQuote({ id: "statement:umerov-ready" }) });
    const one = await refused(`mutation { deletePerson(id: "person:rustem-umerov") { deleted } }`, {});
    expect(one.message).toBe(
      "id: person:rustem-umerov said 1 statement (statement:umerov-ready); " +
        "delete them or give them another speaker first",
    );

    expect(await mutate(`mutation { deleteStatement(id: "statement:umerov-ready") { id deleted } }`)).toEqual({
      deleteStatement: { id: "statement:umerov-ready", deleted: true },
    });
    expect(await mutate(`mutation { deletePerson(id: "person:rustem-umerov") { id deleted } }`)).toEqual({
      deletePerson: { id: "person:rustem-umerov", deleted: true },
    });
    const gone = await api.data(
      `{ person(id: "person:rustem-umerov") { id } people(filter: { name: "umerov" }) { totalCount } }`,
    );
    expect(gone).toEqual({ person: null, people: { totalCount: 0 } });
    const again = await refused(`mutation { deletePerson(id: "person:rustem-umerov") { deleted } }`, {});
    expect(again.extensions).toEqual({ code: "NOT_FOUND", field: "id", id: "person:rustem-umerov" });
  });

  it("deletes a venue but keeps what was said there, and a source with the statements only it reports", async () => {
    await umerovWithSource();
    await mutate(RECORD, { input: umerovQuote({ id: "statement:umerov-ready" }) });
    expect(await mutate(`mutation { deleteVenue(id: "venue:istanbul") { id deleted } }`)).toEqual({
      deleteVenue: { id: "venue:istanbul", deleted: true },
    });
    const afterVenue = await api.data(`{
      venue(id: "venue:istanbul") { id }
      statement(id: "statement:umerov-ready") { venue { id } speaker { id } }
      ciragan: venue(id: "venue:ciragan-palace") { locatedIn { id } }
    }`);
    expect(afterVenue).toEqual({
      venue: null,
      statement: { venue: null, speaker: { id: "person:rustem-umerov" } },
      ciragan: { locatedIn: null },
    });

    await mutate(`mutation { deleteSource(id: "source:kyiv-brief") { deleted } }`);
    const afterSource = await api.data(`{
      statement(id: "statement:umerov-ready") { id }
      source(id: "source:kyiv-brief") { id }
      person(id: "person:rustem-umerov") { id }
    }`);
    expect(afterSource).toEqual({ statement: null, source: null, person: { id: "person:rustem-umerov" } });
  });
});

describe("mutations over HTTP", () => {
  const TOKEN = "a-test-token-of-16+chars";
  let server: HttpServer;
  beforeAll(async () => {
    server = await startHttpServer({
      db,
      port: 0,
      host: "127.0.0.1",
      readiness: { check: async () => [] },
      apiToken: TOKEN,
    });
  });
  afterAll(() => server.stop());

  const post = (headers: Record<string, string>) =>
    fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: `mutation { createPerson(input: { name: "Rustem Umerov" }) { id } }` }),
    });

  it("refuses a mutation without the bearer token and accepts it with", async () => {
    const without = await post({});
    expect(without.status).toBe(401);
    expect(without.headers.get("www-authenticate")).toBe("Bearer");
    const body = (await without.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toBe('Mutations need a token: send the header "Authorization: Bearer <API_TOKEN>"');
    expect(body.errors[0]!.extensions.code).toBe("UNAUTHENTICATED");

    const wrong = await post({ authorization: "Bearer not-the-token-at-all" });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as typeof body).errors[0]!.message).toBe(
      "Mutations need a token: the bearer token is not the server's API_TOKEN",
    );
    expect(await api.data(`{ person(id: "person:rustem-umerov") { id } }`)).toEqual({ person: null });

    const accepted = await post({ authorization: `Bearer ${TOKEN}` });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ data: { createPerson: { id: "person:rustem-umerov" } } });
  });
});
