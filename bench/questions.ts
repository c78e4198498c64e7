// The questions every contender is asked (and a baseline without database work): a GraphQL operation for this server
// and one for the peer (or why the peer cannot ask it), hand-written Cypher for the limit, and for each a function that
// reduces the answer to its ids (or counts), so answers can be compared.
import type { Fixtures } from "./fixtures";

/** The relationships a shortest path may follow: the same list as src/graph/reads/paths.ts (provenance excluded). */
export const PATH_RELATIONSHIPS =
  "SAID|MENTIONS|SAID_AT|DURING|HOLDS_OFFICE|MEMBER_OF|PART_OF|LOCATED_IN|IN_STATE|HELD_AT|PARTICIPATED_IN|FOLLOWS|" +
  "RESPONDS_TO";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
// An object in an answer: pick() reads it in the shape its question expects, with a cast per field.
type Obj = Record<string, unknown>;

export interface GraphQLAsk {
  query: string;
  variables: Record<string, Json>;
  /** The answer's ids in a canonical form (unordered lists sorted). */
  pick(data: Obj): Json;
}

export interface CypherAsk {
  cypher: string;
  params: Record<string, Json>;
  pick(rows: Obj[]): Json;
}

/** A question a contender's API cannot express: why, in a sentence the report shows in its place. */
export interface CannotAsk {
  cannot: string;
}

export interface Question {
  key: string;
  title: string;
  /** How the contenders ask it, where that is not obvious. */
  note: string;
  ours: GraphQLAsk;
  peer: GraphQLAsk | CannotAsk;
  limit: CypherAsk;
}

/** limitHttp: the limit's Cypher behind a bare node:http server (bench/servers/limitHttp.ts). */
export type Contender = "limit" | "limitHttp" | "ours" | "peer";
export const CONTENDERS: readonly Contender[] = ["limit", "limitHttp", "ours", "peer"];

/** Why a contender cannot answer a question, or undefined when it can. */
export function cannotAnswer(question: Question, who: Contender): string | undefined {
  return who === "peer" && "cannot" in question.peer ? question.peer.cannot : undefined;
}

const sorted = (ids: string[]) => [...ids].sort();
const idOf = (node: Obj | null | undefined): string | null => (node?.id as string | undefined) ?? null;
const first = (list: Obj[] | null | undefined): Obj | null => list?.[0] ?? null;

/** A statement as its id with the ids of its linked parts. */
const statementIds = (s: Obj, parts: { venue?: Obj | null; event?: Obj | null; speaker?: Obj | null }) => ({
  id: s.id as string,
  ...(parts.venue !== undefined ? { venue: idOf(parts.venue) } : {}),
  ...(parts.event !== undefined ? { event: idOf(parts.event) } : {}),
  ...(parts.speaker !== undefined ? { speaker: idOf(parts.speaker) } : {}),
});

const person = (p: Obj | null): Json =>
  p
    ? { id: p.id as Json, name: p.name as Json, aliases: sorted((p.aliases as string[] | null | undefined) ?? []) }
    : null;

const holders = (
  state: Obj | null,
  list: (s: Obj) => Obj[],
  statementsOf: (h: Obj) => Obj[],
  mentionsOf: (s: Obj) => Obj[],
): Json =>
  state
    ? {
        id: state.id as Json,
        holders: list(state)
          .map((h) => ({
            id: h.id as string,
            statements: statementsOf(h).map((s) => ({
              id: s.id as string,
              mentions: sorted(mentionsOf(s).map((m) => m.id as string)),
            })),
          }))
          .sort((a, b) => a.id.localeCompare(b.id)),
      }
    : null;

function lookup(f: Fixtures): Question {
  return {
    key: "lookup",
    title: "Point look-up: a person by id (name, aliases)",
    note: "`person(id)` here, `people(where: {id: {eq}})` for the peer; one index seek for all three.",
    ours: {
      query: "query Lookup($id: ID!) { person(id: $id) { id name aliases } }",
      variables: { id: f.person },
      pick: (d) => person(d.person as Obj | null),
    },
    peer: {
      query: "query Lookup($id: ID!) { people(where: { id: { eq: $id } }) { id name aliases } }",
      variables: { id: f.person },
      pick: (d) => person(first(d.people as Obj[] | null)),
    },
    limit: {
      cypher: "MATCH (p:Person {id: $id}) RETURN p.id AS id, p.name AS name, p.aliases AS aliases",
      params: { id: f.person },
      pick: (rows) => person(first(rows)),
    },
  };
}

function latest(f: Fixtures): Question {
  const pick = (p: Obj | null, statements: (p: Obj) => Obj[], one: (x: Obj | Obj[] | null) => Obj | null): Json =>
    p
      ? {
          id: p.id as Json,
          statements: statements(p).map((s) =>
            statementIds(s, { venue: one(s.venue as Obj | Obj[] | null), event: one(s.event as Obj | Obj[] | null) }),
          ),
        }
      : null;
  const single = (x: Obj | Obj[] | null) => (Array.isArray(x) ? first(x) : x);
  return {
    key: "latest",
    title: "A prolific person's latest 20 statements with venue and event",
    note:
      "Latest first, ties by id. The limit walks the saidOn index from the latest and tests the speaker " +
      "(the best plan for a speaker of a sixth of all statements); this server chooses that plan too, " +
      "from the speaker's relationship degree, and fetches the person with the page in one query; " +
      "the peer expands all the speaker's statements and sorts them.",
    ours: {
      query: `query Latest($id: ID!) {
        person(id: $id) {
          id name statements(first: 20) { nodes { id text saidOn venue { id name } event { id name } } }
        }
      }`,
      variables: { id: f.person },
      pick: (d) => pick(d.person as Obj | null, (p) => (p.statements as Obj).nodes as Obj[], single),
    },
    peer: {
      query: `query Latest($id: ID!) {
        people(where: { id: { eq: $id } }) {
          id name
          statements(limit: 20, sort: [{ saidOn: DESC }, { id: DESC }]) {
            id text saidOn venue { id name } event { id name }
          }
        }
      }`,
      variables: { id: f.person },
      pick: (d) => pick(first(d.people as Obj[] | null), (p) => p.statements as Obj[], single),
    },
    limit: {
      cypher: `MATCH (p:Person {id: $id})
        CALL (p) {
          // A prolific speaker: walking the date index from the latest and testing the speaker finds 20 in a few
          // hundred steps, where expanding the speaker reads and sorts all of their statements.
          MATCH (s:Statement) WHERE s.saidOn IS NOT NULL AND EXISTS { (p)-[:SAID]->(s) }
          WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT 20
          RETURN collect(s {.id, .text, .saidOn,
            venue: head([(s)-[:SAID_AT]->(v:Venue) | v {.id, .name}]),
            event: head([(s)-[:DURING]->(e:Event) | e {.id, .name}])}) AS statements
        }
        RETURN p.id AS id, p.name AS name, statements`,
      params: { id: f.person },
      pick: (rows) => pick(first(rows), (p) => p.statements as Obj[], single),
    },
  };
}

function byState(f: Fixtures): Question {
  const pick = (list: Obj[], speaker: (s: Obj) => Obj | null): Json =>
    list.map((s) => statementIds(s, { speaker: speaker(s) }));
  const variables = { state: f.state, from: f.from, to: f.to };
  return {
    key: "byState",
    title: "Statements in a date range said by a state, its office holders or its organizations: first 20 by date",
    note:
      '`statements(filter: {state, from, to})` here; the peer expresses "or its office holders / organizations" ' +
      "in full with OR over `saidByState`, `saidByPerson.offices` and `saidByOrganization.state`. " +
      "The limit and the peer walk the saidOn index in order and test the speaker; this server starts at the state.",
    ours: {
      query: `query ByState($state: ID!, $from: Date!, $to: Date!) {
        statements(filter: { state: $state, from: $from, to: $to }, orderBy: SAID_ON_ASC, first: 20) {
          nodes { id text saidOn speaker { id name } }
        }
      }`,
      variables,
      pick: (d) => pick((d.statements as Obj).nodes as Obj[], (s) => s.speaker as Obj | null),
    },
    peer: {
      query: `query ByState($state: ID!, $from: Date!, $to: Date!) {
        statements(
          where: {
            saidOn: { gte: $from, lte: $to }
            OR: [
              { saidByState: { some: { id: { eq: $state } } } }
              { saidByPerson: { some: { offices: { some: { id: { eq: $state } } } } } }
              { saidByOrganization: { some: { state: { some: { id: { eq: $state } } } } } }
            ]
          }
          sort: [{ saidOn: ASC }, { id: ASC }]
          limit: 20
        ) { id text saidOn speaker { id name } }
      }`,
      variables,
      pick: (d) => pick(d.statements as Obj[], (s) => first(s.speaker as Obj[] | null)),
    },
    limit: {
      // The state of the most prolific speaker says a large share of everything: walking the date index in order and
      // testing the speaker stops after a few hundred statements, where starting at the state reads all of its own.
      cypher: `MATCH (s:Statement)
        WHERE s.saidOn >= date($from) AND s.saidOn <= date($to)
          AND EXISTS { (s)<-[:SAID]-()-[:PART_OF|HOLDS_OFFICE*0..1]->(:State {id: $state}) }
        WITH s ORDER BY s.saidOn, s.id LIMIT 20
        RETURN s {.id, .text, .saidOn, speaker: head([(s)<-[:SAID]-(x) | x {.id, .name}])} AS s`,
      params: variables,
      pick: (rows) =>
        pick(
          rows.map((r) => r.s as Obj),
          (s) => s.speaker as Obj | null,
        ),
    },
  };
}

function traversal(f: Fixtures): Question {
  return {
    key: "traversal",
    title: "3 levels: a state → its office holders → their latest 5 statements → what those mention",
    note:
      "The limit walks the saidOn index per office holder (both are prolific); this server fetches the state, " +
      "its office holders and each holder's statements with their mentions in one query.",
    ours: {
      query: `query Traversal($id: ID!) {
        state(id: $id) {
          id name
          officeHolders { person { id name statements(first: 5) { nodes { id saidOn mentions { __typename id } } } } }
        }
      }`,
      variables: { id: f.state },
      pick: (d) =>
        holders(
          d.state as Obj | null,
          (s) => (s.officeHolders as Obj[]).map((o) => o.person as Obj),
          (h) => (h.statements as Obj).nodes as Obj[],
          (s) => s.mentions as Obj[],
        ),
    },
    peer: {
      query: `query Traversal($id: ID!) {
        states(where: { id: { eq: $id } }) {
          id name
          officeHolders {
            id name
            statements(limit: 5, sort: [{ saidOn: DESC }, { id: DESC }]) { id saidOn mentions { __typename id } }
          }
        }
      }`,
      variables: { id: f.state },
      pick: (d) =>
        holders(
          first(d.states as Obj[] | null),
          (s) => s.officeHolders as Obj[],
          (h) => h.statements as Obj[],
          (s) => s.mentions as Obj[],
        ),
    },
    limit: {
      cypher: `MATCH (st:State {id: $id})
        CALL (st) {
          MATCH (st)<-[:HOLDS_OFFICE]-(p:Person)
          CALL (p) {
            // The office holders of this state are prolific speakers: the date index in order, as in "latest".
            MATCH (s:Statement) WHERE s.saidOn IS NOT NULL AND EXISTS { (p)-[:SAID]->(s) }
            WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT 5
            RETURN collect(s {.id, .saidOn,
              mentions: [(s)-[:MENTIONS]->(m) | m {.id, label: head([l IN labels(m) WHERE l <> 'Entity'])}]
            }) AS statements
          }
          RETURN collect(p {.id, .name, statements}) AS holders
        }
        RETURN st.id AS id, st.name AS name, holders`,
      params: { id: f.state },
      pick: (rows) =>
        holders(
          first(rows),
          (s) => s.holders as Obj[],
          (h) => h.statements as Obj[],
          (s) => s.mentions as Obj[],
        ),
    },
  };
}

function search(f: Fixtures): Question {
  const pick = (list: Obj[]): Json => list.map((s) => s.id as string);
  return {
    key: "search",
    title: `Full-text search "${f.word}": the latest 20 matching statements`,
    note:
      "The statement_text index for all three, newest 20 hits (this server's `search` also ranks entity names, " +
      "and Lucene scores tie on short texts, so a by-score top 20 cannot be compared id for id).",
    ours: {
      query: `query Search($text: String!) {
        statements(filter: { text: $text }, first: 20) { nodes { id text saidOn } }
      }`,
      variables: { text: f.word },
      pick: (d) => pick((d.statements as Obj).nodes as Obj[]),
    },
    peer: {
      query: `query Search($text: String!) {
        statementsByText(phrase: $text, sort: [{ node: { saidOn: DESC } }, { node: { id: DESC } }], first: 20) {
          edges { node { id text saidOn } }
        }
      }`,
      variables: { text: f.word },
      pick: (d) => pick(((d.statementsByText as Obj).edges as Obj[]).map((e) => e.node as Obj)),
    },
    limit: {
      cypher: `CALL db.index.fulltext.queryNodes('statement_text', $text) YIELD node AS s
        WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT 20
        RETURN s {.id, .text, .saidOn} AS s`,
      params: { text: f.word },
      pick: (rows) => pick(rows.map((r) => r.s as Obj)),
    },
  };
}

function path(f: Fixtures): Question {
  const ids = (nodes: Obj[] | null | undefined): Json => (nodes ?? []).map((n) => n.id as string);
  return {
    key: "path",
    title: "Shortest path from a person to a venue (at most 4 hops)",
    note:
      "`path(from, to)` here; the peer gets a `@cypher` field with the same Cypher " +
      "and the same choice among equally short paths.",
    ours: {
      query: `query Path($from: ID!, $to: ID!) {
        path(from: $from, to: $to, maxHops: 4) { length nodes { __typename id } }
      }`,
      variables: { from: f.pathFrom, to: f.pathTo },
      pick: (d) => ids((d.path as Obj | null | undefined)?.nodes as Obj[] | undefined),
    },
    peer: {
      query: `query Path($from: ID!, $to: ID!) { shortestPath(from: $from, to: $to) { __typename id } }`,
      variables: { from: f.pathFrom, to: f.pathTo },
      pick: (d) => ids(d.shortestPath as Obj[] | null),
    },
    limit: {
      // Among equally short paths, the same choice as the server's: the first 100 found, then the smallest ids.
      cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
        MATCH p = allShortestPaths((a)-[:${PATH_RELATIONSHIPS}*..4]-(b))
        WITH p LIMIT 100
        WITH p ORDER BY reduce(key = '', n IN nodes(p) | key + ' ' + n.id) LIMIT 1
        RETURN [n IN nodes(p) | n {.id, label: head([l IN labels(n) WHERE l <> 'Entity'])}] AS nodes`,
      params: { from: f.pathFrom, to: f.pathTo },
      pick: (rows) => ids(first(rows)?.nodes as Obj[] | undefined),
    },
  };
}

/** The facets of one statement list as counts: ranked and dated lists keep their order, which is part of the answer. */
function facetCounts(id: Json, total: Json, f: Obj): Json {
  const ranked = (list: Obj[]) =>
    list.map((c) => ({ id: (c.id ?? idOf(c.node as Obj)) as Json, count: c.count as Json }));
  return {
    id,
    total,
    undated: f.undated as Json,
    byKind: (f.byKind as Obj[]).map((c) => ({ kind: c.kind as Json, count: c.count as Json })),
    byPeriod: (f.byPeriod as Obj[]).map((c) => ({ period: c.period as Json, count: c.count as Json })),
    byMentioned: ranked(f.byMentioned as Obj[]),
    byVenue: ranked(f.byVenue as Obj[]),
  };
}

function facets(f: Fixtures): Question {
  return {
    key: "facets",
    title: "Facets of a prolific person's statements: total, top 10 mentioned, top 10 venues, kinds, months, undated",
    note:
      "The counts an explorer panel shows for a speaker: `person(id) { statements(first: 0) { totalCount facets { " +
      "byMentioned(first: 10) byVenue(first: 10) byKind byPeriod(unit: MONTH) undated } } }`, no page (bySpeaker " +
      "left out: under one person it is that person). This server counts mentions and venues in a streamed " +
      "aggregation each, and kinds, months and undated in one more, all in the page's one query; the limit " +
      "reads the statements' kind and date once for total, kinds, months and undated together, and expands " +
      "their mentions and venues once each. The peer cannot answer: " +
      "@neo4j/graphql 7 has no group-by (its `statementsConnection { aggregate { count } }` could give the total, " +
      "and one filtered count per kind named in advance, but not a top 10 or counts per month).",
    ours: {
      query: `query Facets($id: ID!) {
        person(id: $id) {
          id
          statements(first: 0) {
            totalCount
            facets {
              byMentioned(first: 10) { node { id } count }
              byVenue(first: 10) { node { id } count }
              byKind { kind count }
              byPeriod(unit: MONTH) { period count }
              undated
            }
          }
        }
      }`,
      variables: { id: f.person },
      pick: (d) => {
        const p = d.person as Obj | null;
        if (!p) return null;
        const list = p.statements as Obj;
        return facetCounts(p.id as Json, list.totalCount as Json, list.facets as Obj);
      },
    },
    peer: {
      cannot: "no group-by in @neo4j/graphql 7: aggregate counts give a total, not counts per mention, venue or month",
    },
    limit: {
      cypher: `MATCH (p:Person {id: $id})
        CALL (p) {
          // Every count that needs only the statements' own properties, from one read of each: kind × period groups.
          // (SAID only ever leads to a statement, and to each from one speaker: no label test, no DISTINCT.)
          MATCH (p)-[:SAID]->(s)
          WITH s.kind AS kind, CASE
              WHEN s.saidOn IS NULL THEN null
              WHEN s.datePrecision = 'YEAR' THEN toString(s.saidOn.year)
              ELSE substring(toString(s.saidOn), 0, 7)
            END AS period, count(*) AS n
          WITH collect({kind: kind, period: period, n: n}) AS groups
          RETURN reduce(t = 0, g IN groups | t + g.n) AS total,
            reduce(t = 0, g IN [g IN groups WHERE g.period IS NULL] | t + g.n) AS undated,
            COLLECT { UNWIND groups AS g WITH g.kind AS kind, sum(g.n) AS count ORDER BY kind
              RETURN {kind: kind, count: count} } AS byKind,
            COLLECT { UNWIND groups AS g WITH g WHERE g.period IS NOT NULL
              WITH g.period AS period, sum(g.n) AS count ORDER BY period
              RETURN {period: period, count: count} } AS byPeriod
        }
        CALL (p) {
          // Mentions and venues from one read of each statement's relationships (two patterns would read them twice).
          MATCH (p)-[:SAID]->()-[r:MENTIONS|SAID_AT]->(x)
          WITH type(r) AS rel, x, count(*) AS n ORDER BY n DESC, x.id
          WITH rel, collect({id: x.id, count: n})[0..10] AS top
          RETURN coalesce(head(collect(CASE WHEN rel = 'MENTIONS' THEN top END)), []) AS byMentioned,
            coalesce(head(collect(CASE WHEN rel = 'SAID_AT' THEN top END)), []) AS byVenue
        }
        RETURN p.id AS id, total, {undated: undated, byKind: byKind, byPeriod: byPeriod,
          byMentioned: byMentioned, byVenue: byVenue} AS facets`,
      params: { id: f.person },
      pick: (rows) => {
        const row = first(rows);
        return row ? facetCounts(row.id as Json, row.total as Json, row.facets as Obj) : null;
      },
    },
  };
}

/** No database work at all: what HTTP and GraphQL cost on their own, the floor under every other question. */
function floor(): Question {
  const typename = (d: Obj) => (d.__typename as string | undefined) ?? null;
  return {
    key: "floor",
    title: "Baseline: no database work (`{ __typename }`; the limit sends `RETURN 1`)",
    note: "Not a target: the fixed cost of a request to each contender, which the other questions' ratios include.",
    ours: { query: "query Floor { __typename }", variables: {}, pick: typename },
    peer: { query: "query Floor { __typename }", variables: {}, pick: typename },
    limit: { cypher: "RETURN 1 AS one", params: {}, pick: (rows) => (first(rows)?.one === 1 ? "Query" : null) },
  };
}

/** The keys of buildQuestions' questions, in its order (for choosing some without fixtures). */
export const QUESTION_KEYS = ["lookup", "latest", "byState", "traversal", "search", "path", "facets", "floor"];

/** The six questions of the issue, the facets of issue 18, then the baseline. */
export function buildQuestions(f: Fixtures): Question[] {
  return [lookup(f), latest(f), byState(f), traversal(f), search(f), path(f), facets(f), floor()];
}

/** Questions that only measure overhead: no latency or throughput target applies. */
export const BASELINES = new Set(["floor"]);
