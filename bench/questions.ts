// The six questions every contender answers (and a baseline without database work): a GraphQL operation for this
// server and one for the peer, hand-written Cypher for the limit, and for each a function that reduces the answer to
// its ids, so answers can be compared.
import type { Fixtures } from "./fixtures";

/** The relationships a shortest path may follow: the same list as src/graph/paths.ts (provenance excluded). */
export const PATH_RELATIONSHIPS =
  "SAID|MENTIONS|SAID_AT|DURING|HOLDS_OFFICE|MEMBER_OF|PART_OF|LOCATED_IN|IN_STATE|HELD_AT|PARTICIPATED_IN|FOLLOWS";

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

export interface Question {
  key: string;
  title: string;
  /** How the contenders ask it, where that is not obvious. */
  note: string;
  ours: GraphQLAsk;
  peer: GraphQLAsk;
  limit: CypherAsk;
}

export type Contender = "limit" | "ours" | "peer";
export const CONTENDERS: readonly Contender[] = ["limit", "ours", "peer"];

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

/** The six questions of the issue, then the baseline. */
export function buildQuestions(f: Fixtures): Question[] {
  return [lookup(f), latest(f), byState(f), traversal(f), search(f), path(f), floor()];
}

/** Questions that only measure overhead: no latency or throughput target applies. */
export const BASELINES = new Set(["floor"]);
