// The change log (issue 32, items 1 and 3): every write path leaves one entry per node it created, changed or
// deleted, in its own transaction, and a refused write leaves none; changes(after:) reads the log in order and
// history(id) a node's entries, newest first, merges included.
import { spawn } from "node:child_process";
import path from "node:path";
import { TAKE_POSITIONS } from "../../src/graph/writes/changes/changeLog";
import * as reads from "../../src/graph/writes/changes/changeReads";
import { decodePosition } from "../../src/graph/writes/changes/positions";
import type { Auth } from "../../src/graphql/context";
import { API_TOKEN_HOLDER } from "../../src/http/access/auth";
import { startHttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { tinyDataset, TINY_TEXT } from "../support/datasets";
import { TestApi } from "../support/graphql";

const db = connectTestDatabase();
const api = new TestApi(db);
const curator: Auth = { identity: { actor: API_TOKEN_HOLDER, roles: ["admin"] } };
const TOKEN = "a-test-token-of-16+chars";

beforeAll(() => api.start());
beforeEach(() => emptyGraph(db));
afterAll(async () => {
  await api.stop();
  await db.close();
});

interface Entry {
  cursor: string;
  kind: string;
  actor: string | null;
  ids: string[];
  node: { id: string } | null;
  source: { id: string } | null;
  fields: { field: string; before: unknown; after: unknown }[];
}

const ENTRY = "cursor kind actor ids node { id } source { id } fields { field before after }";
const CHANGES = `query ($after: String, $filter: ChangeFilter) {
  changes(after: $after, first: 100, filter: $filter) {
    edges { cursor } nodes { ${ENTRY} } pageInfo { hasNextPage endCursor }
  }
}`;

/** Every entry after the cursor (all of them without one), read page by page as a client would, with the token. */
async function entriesAfter(after: string | null = null, filter: object = {}): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (let cursor = after; ;) {
    const page = (await api.run(CHANGES, { after: cursor, filter }, curator)).data.changes;
    entries.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return entries;
    cursor = page.pageInfo.endCursor;
  }
}

/** The cursor of the log's last entry: what a client remembers before a write. */
async function lastCursor(): Promise<string | null> {
  return (await entriesAfter()).at(-1)?.cursor ?? null;
}

async function mutate<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await api.run<T>(query, variables, curator);
  if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
  return result.data!;
}

/** Ids of the :Entity nodes in the graph, to compare with what the log says a write touched. */
async function entityIds(): Promise<Set<string>> {
  return new Set((await db.read<{ id: string }>("MATCH (n:Entity) RETURN n.id AS id")).map((r) => r.id));
}

const CREATE_PERSON = `mutation ($input: PersonInput!) { createPerson(input: $input) { id } }`;
const UPDATE_PERSON = `mutation ($id: ID!, $input: PersonUpdateInput!) { updatePerson(id: $id, input: $input) { id } }`;
const DELETE_PERSON = `mutation ($id: ID!) { deletePerson(id: $id) { id } }`;
const CREATE_SOURCE = `mutation ($input: SourceInput!) { createSource(input: $input) { id } }`;
const RECORD = `mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { id } }`;
const UPDATE_STATEMENT = `mutation ($id: ID!, $input: StatementUpdateInput!) {
  updateStatement(id: $id, input: $input) { id }
}`;
const DELETE_STATEMENT = `mutation ($id: ID!) { deleteStatement(id: $id) { id } }`;
const MERGE = `mutation ($keep: ID!, $merge: ID!) { mergeEntities(keep: $keep, merge: $merge) { id } }`;
const SPLIT = `mutation ($id: ID!, $mergedId: ID!) { splitEntity(id: $id, mergedId: $mergedId) { id } }`;
const IMPORT = `mutation ($dataset: JSON!) { importDataset(dataset: $dataset) { sourceId } }`;

const QUOTE = "We will sign on Friday";
const span = { start: TINY_TEXT.indexOf(`"${QUOTE}`), end: TINY_TEXT.length };

async function sourceAndSpeaker() {
  await mutate(CREATE_SOURCE, {
    input: { id: "source:tiny", title: "Tiny", publishedOn: "2025-03-04", dateline: "GENEVA", text: TINY_TEXT },
  });
  await mutate(CREATE_PERSON, { input: { id: "person:jane-doe", name: "Jane Doe" } });
}

const RECORD_INPUT = {
  id: "statement:doe-will-sign",
  speaker: "person:jane-doe",
  text: QUOTE,
  kind: "DIRECT_QUOTE",
  saidOn: "2025-03-03",
  evidence: [{ source: "source:tiny", ...span }],
};

describe("every write path leaves one entry per node it wrote", () => {
  it("create, update, delete a person: CREATED with every field, UPDATED before and after, DELETED", async () => {
    const start = await lastCursor();
    await mutate(CREATE_PERSON, { input: { id: "person:jane-roe", name: "Jane Roe", description: "A diplomat." } });
    await mutate(UPDATE_PERSON, { id: "person:jane-roe", input: { aliases: ["Roe"] } });
    await mutate(DELETE_PERSON, { id: "person:jane-roe" });

    const entries = await entriesAfter(start);
    expect(entries.map((e) => [e.kind, e.ids, e.node?.id ?? null, e.actor])).toEqual([
      ["CREATED", ["person:jane-roe"], null, "api-token"],
      ["UPDATED", ["person:jane-roe"], null, "api-token"],
      ["DELETED", ["person:jane-roe"], null, "api-token"],
    ]);
    expect(entries[0]!.fields).toEqual([
      { field: "description", before: null, after: "A diplomat." },
      { field: "fromSource", before: null, after: true },
      { field: "id", before: null, after: "person:jane-roe" },
      { field: "name", before: null, after: "Jane Roe" },
    ]);
    expect(entries[1]!.fields).toEqual([{ field: "aliases", before: null, after: ["Roe"] }]);
    expect(entries[2]!.fields.map((f) => [f.field, f.after])).toEqual([
      ["aliases", null],
      ["description", null],
      ["fromSource", null],
      ["id", null],
      ["name", null],
    ]);
  });

  it("recordStatement: one entry, the new statement's, with its links and the source it cites", async () => {
    await sourceAndSpeaker();
    const start = await lastCursor();
    await mutate(RECORD, { input: RECORD_INPUT });

    const [entry, ...more] = await entriesAfter(start);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      kind: "CREATED",
      ids: ["statement:doe-will-sign"],
      node: { id: "statement:doe-will-sign" },
      source: { id: "source:tiny" },
    });
    const fields = Object.fromEntries(entry!.fields.map((f) => [f.field, f.after]));
    expect(fields).toMatchObject({
      text: QUOTE,
      kind: "DIRECT_QUOTE",
      saidOn: "2025-03-03",
      speaker: "person:jane-doe",
      evidence: [{ source: "source:tiny", ...span }],
    });
  });

  it("updateStatement and deleteStatement: the statement's entry only", async () => {
    await sourceAndSpeaker();
    await mutate(RECORD, { input: RECORD_INPUT });
    const start = await lastCursor();
    await mutate(UPDATE_STATEMENT, { id: "statement:doe-will-sign", input: { saidOn: "2025-03-02" } });
    await mutate(DELETE_STATEMENT, { id: "statement:doe-will-sign" });

    const entries = await entriesAfter(start);
    expect(entries.map((e) => [e.kind, e.ids])).toEqual([
      ["UPDATED", ["statement:doe-will-sign"]],
      ["DELETED", ["statement:doe-will-sign"]],
    ]);
    expect(entries[0]!.fields).toEqual([{ field: "saidOn", before: "2025-03-03", after: "2025-03-02" }]);
  });

  it("deleting a mentioned person changes the statements that mentioned it, each with its own entry", async () => {
    await sourceAndSpeaker();
    await mutate(CREATE_PERSON, { input: { id: "person:john-smith", name: "John Smith" } });
    await mutate(RECORD, { input: { ...RECORD_INPUT, mentions: ["person:john-smith"] } });
    const start = await lastCursor();
    await mutate(DELETE_PERSON, { id: "person:john-smith" });

    const entries = await entriesAfter(start);
    expect(entries.map((e) => [e.kind, e.ids[0], e.fields.find((f) => f.field === "mentions")?.before])).toEqual([
      ["DELETED", "person:john-smith", undefined],
      ["UPDATED", "statement:doe-will-sign", ["person:john-smith"]],
    ]);
  });

  it("mergeEntities and splitEntity: MERGED and SPLIT entries for both nodes, naming both ids", async () => {
    await mutate(CREATE_PERSON, { input: { id: "person:jane-roe", name: "Jane Roe" } });
    await mutate(CREATE_PERSON, {
      input: { id: "person:j-roe", name: "J. Roe Junior", distinctFrom: ["person:jane-roe"] },
    });
    const start = await lastCursor();
    await mutate(MERGE, { keep: "person:jane-roe", merge: "person:j-roe" });
    const merged = await entriesAfter(start);
    expect(merged.map((e) => [e.kind, e.ids, e.node?.id])).toEqual([
      ["MERGED", ["person:jane-roe", "person:j-roe"], "person:jane-roe"],
      // The merged-away id resolves to the kept node.
      ["MERGED", ["person:j-roe", "person:jane-roe"], "person:jane-roe"],
    ]);
    expect(merged[0]!.fields).toEqual([{ field: "aliases", before: null, after: ["J. Roe Junior"] }]);

    const beforeSplit = merged.at(-1)!.cursor;
    await mutate(SPLIT, { id: "person:jane-roe", mergedId: "person:j-roe" });
    expect((await entriesAfter(beforeSplit)).map((e) => [e.kind, e.ids, e.node?.id])).toEqual([
      ["SPLIT", ["person:jane-roe", "person:j-roe"], "person:jane-roe"],
      ["SPLIT", ["person:j-roe", "person:jane-roe"], "person:j-roe"],
    ]);
  });

  it("importDataset: an entry per node the dataset created, each citing its source; a reload adds none", async () => {
    const before = await entityIds();
    const start = await lastCursor();
    await mutate(IMPORT, { dataset: tinyDataset() });
    const created = [...(await entityIds())].filter((id) => !before.has(id)).sort();

    const entries = await entriesAfter(start);
    expect(entries.map((e) => e.ids[0]).sort()).toEqual(created);
    expect(created).toEqual(["person:jane-doe", "source:tiny", "statement:doe-will-sign", "venue:geneva"]);
    expect(new Set(entries.map((e) => `${e.kind} ${e.source?.id} ${e.actor}`))).toEqual(
      new Set(["CREATED source:tiny api-token"]),
    );

    const reloaded = await lastCursor();
    await mutate(IMPORT, { dataset: tinyDataset() });
    expect(await entriesAfter(reloaded)).toEqual([]);

    await mutate(IMPORT, { dataset: tinyDataset({ venues: [{ id: "venue:geneva", name: "Genève", kind: "city" }] }) });
    expect((await entriesAfter(reloaded)).map((e) => [e.kind, e.ids, e.fields])).toEqual([
      ["UPDATED", ["venue:geneva"], [{ field: "name", before: "Geneva", after: "Genève" }]],
    ]);
  });

  it("deleteSource: DELETED for the source and for each node only it stated", async () => {
    await mutate(IMPORT, { dataset: tinyDataset() });
    const before = await entityIds();
    const start = await lastCursor();
    await mutate(`mutation { deleteSource(id: "source:tiny") { id } }`);
    const after = await entityIds();
    const removed = [...before].filter((id) => !after.has(id)).sort();
    expect(removed).toEqual(["person:jane-doe", "source:tiny", "statement:doe-will-sign", "venue:geneva"]);

    const entries = await entriesAfter(start);
    expect(entries.map((e) => `${e.kind} ${e.ids[0]} ${e.source?.id ?? null}`)).toEqual(
      removed.map((id) => `DELETED ${id} null`),
    );
  });

  it("ingestArticle with dryRun false: one entry per node of the article; a dry run leaves none", async () => {
    const INGEST = `mutation ($input: ArticleInput!, $dry: Boolean) {
      ingestArticle(input: $input, dryRun: $dry) { dryRun }
    }`;
    const input = {
      text: 'GENEVA: Jane Roe spoke to reporters. "We will sign on Friday," Jane Roe said on Monday.',
      publishedOn: "2025-03-04",
      title: "Geneva talks",
    };
    const start = await lastCursor();
    await mutate(INGEST, { input, dry: true });
    expect(await entriesAfter(start)).toEqual([]);

    const before = await entityIds();
    await mutate(INGEST, { input, dry: false });
    const created = [...(await entityIds())].filter((id) => !before.has(id)).sort();
    const entries = await entriesAfter(start);
    expect(entries.map((e) => e.ids[0]).sort()).toEqual(created);
    expect(created.length).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((e) => `${e.kind} ${e.source?.id}`))).toEqual(
      new Set([`CREATED ${created.find((id) => id.startsWith("source:"))}`]),
    );
  });

  it("a write refused inside its transaction leaves no entry (a duplicate person, a bad span)", async () => {
    await sourceAndSpeaker();
    const start = await lastCursor();
    // Resolution refuses it after the transaction wrote its name-key lock.
    const duplicate = await api.run(CREATE_PERSON, { input: { name: "Jane Doe" } }, curator);
    expect(duplicate.errors![0]!.extensions!.code).toBe("DUPLICATE_ENTITY");
    // Refused after the transaction took the statement's id.
    const outside = await api.run(
      RECORD,
      { input: { ...RECORD_INPUT, evidence: [{ source: "source:tiny", start: 0, end: 5 }] } },
      curator,
    );
    expect(outside.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(await entriesAfter(start)).toEqual([]);
  });
});

describe("reading the log", () => {
  it("filters by kind, actor and node, and refuses a cursor that is not a change's", async () => {
    await sourceAndSpeaker();
    await api.run(
      CREATE_PERSON,
      { input: { id: "person:anon", name: "Other Writer" } },
      {
        identity: { actor: "another-curator", roles: [] },
      },
    );
    expect((await entriesAfter(null, { kinds: ["CREATED"], actor: "api-token" })).map((e) => e.ids[0])).toEqual([
      "source:tiny",
      "person:jane-doe",
    ]);
    expect((await entriesAfter(null, { ids: ["person:anon"] })).map((e) => [e.kind, e.actor])).toEqual([
      ["CREATED", "another-curator"],
    ]);
    const wrong = await api.run(CHANGES, { after: "not-a-cursor" });
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    expect(wrong.errors![0]!.message).toContain("after:");
  });

  it("history(id): a person's creation, an alias added with the token (actor shown), a merge", async () => {
    await mutate(CREATE_PERSON, { input: { id: "person:jane-roe", name: "Jane Roe" } });
    // Over HTTP with the server's token: the actor is the token's holder, as authentication names it.
    const server = await startHttpServer({
      db,
      port: 0,
      host: "127.0.0.1",
      readiness: { check: async () => [] },
      apiToken: TOKEN,
    });
    try {
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({
          query: UPDATE_PERSON,
          variables: { id: "person:jane-roe", input: { aliases: ["Roe"] } },
        }),
      });
      expect(await response.json()).toEqual({ data: { updatePerson: { id: "person:jane-roe" } } });
    } finally {
      await server.stop();
    }
    await mutate(CREATE_PERSON, {
      input: { id: "person:j-roe", name: "J. Roe Junior", distinctFrom: ["person:jane-roe"] },
    });
    await mutate(UPDATE_PERSON, { id: "person:j-roe", input: { description: "Spokesperson." } });
    await mutate(MERGE, { keep: "person:jane-roe", merge: "person:j-roe" });

    const HISTORY = `query ($id: ID!) {
      history(id: $id, first: 10) { nodes { kind actor ids fields { field before after } } }
      person(id: $id) { history(first: 2) { edges { cursor } nodes { kind } pageInfo { hasNextPage } } }
    }`;
    const withToken = (await api.run(HISTORY, { id: "person:jane-roe" }, curator)).data;
    // The merged-away id's entries are part of the kept node's history.
    expect(withToken.history.nodes.map((c: Entry) => [c.kind, c.ids[0], c.actor])).toEqual([
      ["MERGED", "person:j-roe", "api-token"],
      ["MERGED", "person:jane-roe", "api-token"],
      ["UPDATED", "person:j-roe", "api-token"],
      ["CREATED", "person:j-roe", "api-token"],
      ["UPDATED", "person:jane-roe", "api-token"],
      ["CREATED", "person:jane-roe", "api-token"],
    ]);
    expect(withToken.history.nodes[4].fields).toEqual([{ field: "aliases", before: null, after: ["Roe"] }]);
    expect(withToken.person.history.nodes.map((c: Entry) => c.kind)).toEqual(["MERGED", "MERGED"]);
    expect(withToken.person.history.pageInfo.hasNextPage).toBe(true);

    // Public: no token needed, and then no actor.
    const anonymous = await api.run(`{ history(id: "person:jane-roe", first: 10) { nodes { kind actor } } }`);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.history.nodes.map((c: Entry) => c.kind)).toEqual([
      "MERGED",
      "MERGED",
      "UPDATED",
      "CREATED",
      "UPDATED",
      "CREATED",
    ]);
    expect(anonymous.data.history.nodes.every((c: Entry) => c.actor === null)).toBe(true);

    // Paging on from a cursor gives the older entries.
    const older = await api.run(
      `query ($after: String) {
        person(id: "person:jane-roe") { history(first: 10, after: $after) { nodes { kind } } }
      }`,
      {
        after: withToken.person.history.edges[1].cursor,
      },
    );
    expect(older.data.person.history.nodes.map((c: Entry) => c.kind)).toEqual([
      "UPDATED",
      "CREATED",
      "UPDATED",
      "CREATED",
    ]);
  });

  it("Node.history on a list of nodes: one query for every node's page, the same pages as history(id)", async () => {
    for (const [id, name] of [
      ["person:ada-one", "Ada One"],
      ["person:bea-two", "Bea Two"],
      ["person:cy-three", "Cy Three"],
      ["person:cy-3", "C. Three Jr"],
    ])
      await mutate(CREATE_PERSON, {
        input: { id, name, distinctFrom: id === "person:cy-3" ? ["person:cy-three"] : [] },
      });
    await mutate(UPDATE_PERSON, { id: "person:bea-two", input: { description: "Spokesperson." } });
    await mutate(MERGE, { keep: "person:cy-three", merge: "person:cy-3" });

    const LIST = (history: string) => `{ people(first: 10) { nodes { id ${history} } } }`;
    const withHistory = await api.run(LIST("history(first: 3) { nodes { kind ids } pageInfo { hasNextPage } }"));
    const without = await api.run(LIST(""));
    expect(withHistory.errors).toBeUndefined();
    // Three people (the merged one is gone), one query more than the list alone, not one per person.
    expect(withHistory.data.people.nodes.map((p: { id: string }) => p.id).sort()).toEqual([
      "person:ada-one",
      "person:bea-two",
      "person:cy-three",
    ]);
    expect(withHistory.queries - without.queries).toBe(1);
    for (const person of withHistory.data.people.nodes) {
      const alone = await api.run(
        `query ($id: ID!) { history(id: $id, first: 3) { nodes { kind ids } pageInfo { hasNextPage } } }`,
        {
          id: person.id,
        },
      );
      expect({ id: person.id, history: person.history }).toEqual({ id: person.id, history: alone.data.history });
    }
    const byId = new Map(withHistory.data.people.nodes.map((p: any) => [p.id, p.history]));
    expect((byId.get("person:bea-two") as any).nodes.map((c: Entry) => c.kind)).toEqual(["UPDATED", "CREATED"]);
    // The merged-away node's entries are in the kept one's page, newest first, and there are more than three.
    expect((byId.get("person:cy-three") as any).nodes.map((c: Entry) => c.kind)).toEqual([
      "MERGED",
      "MERGED",
      "CREATED",
    ]);
    expect((byId.get("person:cy-three") as any).pageInfo.hasNextPage).toBe(true);
  });

  it("history and changes are index look-ups read in the index's order, not scans or sorts of the log", async () => {
    const scans = (plan: string[]) => plan.filter((op) => /^(NodeByLabelScan|AllNodesScan|Sort)$/.test(op));
    const seeks = (plan: string[]) => plan.filter((op) => op.includes("IndexSeek"));
    const history = await db.planOperators(reads.HISTORY, { id: "person:x", before: 10, limit: 11 });
    const histories = await db.planOperators(reads.HISTORIES, { ids: ["person:x", "person:y"], before: 10, limit: 11 });
    const params = { after: 0, limit: 11, ids: ["person:x"], kinds: null, actor: null, since: null, through: null };
    const changes = await db.planOperators(reads.CHANGES, params);
    const ofNodes = await db.planOperators(reads.CHANGES_OF_NODES, params);
    // A subscription's replay stops at the tail's position; the tail starts from the log's last position.
    const replay = await db.planOperators(reads.CHANGES, { ...params, through: 5 });
    const last = await db.planOperators(reads.LAST_POSITION);
    for (const plan of [history, histories, changes, ofNodes, replay]) {
      expect(seeks(plan)).not.toEqual([]);
      expect(scans(plan)).toEqual([]);
    }
    // A write takes its positions without reading the log: at most the last entry, from the index's end.
    const positions = await db.planOperators(TAKE_POSITIONS, { count: 1 });
    expect(scans(positions)).toEqual([]);
    expect(positions).not.toContain("Top");
    // The log itself is read in the index's order and stopped at the page's end: no Top over all later entries.
    expect(changes).toEqual(expect.arrayContaining(["Limit", "NodeUniqueIndexSeekByRange"]));
    expect(changes).not.toContain("Top");
    // The last position is the index's last entry (TAKE_POSITIONS reads it the same way).
    expect(scans(last)).toEqual([]);
    expect(last).not.toContain("Top");
  });
});

describe("the counter", () => {
  it("made anew (a graph whose counter was removed) goes on after the last entry there is", async () => {
    await mutate(CREATE_PERSON, { input: { id: "person:ann-first", name: "Ann First" } });
    await db.write("MATCH (log:ChangeLog) DELETE log");
    await mutate(CREATE_PERSON, { input: { id: "person:bob-second", name: "Bob Second" } });
    const positions = (await entriesAfter()).map((e) => decodePosition(e.cursor, "after"));
    expect(positions).toEqual([positions[0], positions[0]! + 1]);
  });
});

describe("concurrent writers in separate processes", () => {
  /** Runs the writer script in a child process of its own, resolving when it exits successfully. */
  function writerProcess(writer: string, count: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        ["--import", "tsx", path.join(__dirname, "../support/changeLogWriter.ts")],
        {
          env: { ...process.env, WRITER: writer, COUNT: String(count) },
          stdio: ["ignore", "inherit", "inherit"],
        },
      );
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`writer ${writer} exited with ${code}`))));
    });
  }

  it("give a gap-free, duplicate-free order that a reader paging with changes(after:) sees completely", async () => {
    const COUNT = 15;
    const start = await lastCursor();
    let done = false;
    const writers = Promise.all([writerProcess("a", COUNT), writerProcess("b", COUNT)]).finally(() => (done = true));

    // The reader tails the log while the writers write, then once more after they are done.
    const seen: Entry[] = [];
    let cursor = start;
    for (let finished = false; !finished;) {
      finished = done;
      const page = await entriesAfter(cursor);
      seen.push(...page);
      cursor = page.at(-1)?.cursor ?? cursor;
      if (!finished) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await writers;

    const positions = seen.map((e) => decodePosition(e.cursor, "after"));
    const first = positions[0]!;
    expect(positions).toEqual(positions.map((_, i) => first + i));
    expect(seen).toHaveLength(4 * COUNT);
    for (const writer of ["a", "b"]) {
      const own = seen.filter((e) => e.actor === writer);
      expect(own.map((e) => `${e.kind} ${e.ids[0]}`)).toEqual(
        Array.from({ length: COUNT }, (_, i) => [
          `CREATED source:writer-${writer}-${i}`,
          `UPDATED source:writer-${writer}-${i}`,
        ]).flat(),
      );
    }
  });
});
