// The product's own features as a front end asks them: search with snippets, a timeline, a path with its steps,
// facets, a conversation, fragments on interfaces, aliases, mention counts.
import { anyWords } from "../../src/graph/fulltext";
import type { NodeRow } from "../../src/graph/rows";
import { snippet } from "../../src/graphql/resolvers/snippet";
import { PATH_RELATIONSHIPS } from "../questions";
import type { ShapeFixtures } from "./fixtures";
import { shape, typename, type Shape } from "./shape";

/** What the search shape's Cypher returns for each hit besides its answer: the texts a snippet is cut from. */
interface Hit {
  score: number;
  node: { __typename: string; id: string };
  texts: NodeRow;
}

/** The client marks the matched words itself, as this server does (src/graphql/snippet.ts), from the hit's texts. */
function withSnippets(word: string) {
  return (data: unknown) => {
    const search = (data as { search: { totalCount: number; nodes: Hit[] } } | null)?.search;
    if (!search) return data;
    return {
      search: {
        totalCount: search.totalCount,
        nodes: search.nodes.map((h) => ({ score: h.score, node: h.node, snippet: snippet(h.texts, word) })),
      },
    };
  };
}

/** One index's best `$depth` hits, and how many hits it has in all (counted without reading them). */
const hits = (index: string, name: string) =>
  `CALL () { CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $depth}) YIELD node, score
          RETURN collect({node: node, score: score}) AS ${name} }
        CALL () { CALL db.index.fulltext.queryNodes('${index}', $query) YIELD node
          RETURN count(node) AS ${name}Total }`;

export function featureShapes(f: ShapeFixtures): Shape[] {
  return [
    shape({
      key: "searchSnippets",
      title: `Search "${f.word}": the best 10 hits (statements and entities) with score, type and snippet`,
      note:
        "`search(query, first: 10)`, best first (score, then id). The hand-written query asks both full-text " +
        "indexes with the same Lucene query (src/graph/fulltext.ts anyWords), the best 11 of each (exact unless " +
        "hits tie across the 11th place, where the server reads deeper), and returns the hits' texts; the " +
        "client marks the matched words itself with the server's own snippet function (not counted as its CPU).",
      heldOut: false,
      query: `query Search($query: String!) {
        search(query: $query, first: 10) { totalCount nodes { score snippet node { __typename id } } }
      }`,
      variables: { query: f.word },
      params: { query: anyWords(f.word), depth: 11 },
      cypher: `${hits("statement_text", "statementHits")}
        ${hits("entity_names", "entityHits")}
        WITH statementHits + entityHits AS everyHit, statementHitsTotal + entityHitsTotal AS total
        CALL (everyHit) {
          UNWIND everyHit AS hit WITH hit.node AS n, hit.score AS score ORDER BY score DESC, n.id LIMIT 10
          RETURN collect({score: score, node: {__typename: ${typename("n")}, id: n.id},
            texts: {label: ${typename("n")}, text: n.text, name: n.name, aliases: n.aliases,
              description: n.description, title: n.title}}) AS page
        }
        RETURN {search: {totalCount: total, nodes: page}} AS data`,
      finish: withSnippets(f.word),
    }),
    shape({
      key: "personTimeline",
      title: "A prolific person's timeline: the first 20 of what they said, were mentioned in and took part in",
      note: "`timeline(entity, first: 20)` with fragments on the union: by the date written to its precision, then id.",
      heldOut: false,
      query: `query Timeline($id: ID!) {
        timeline(entity: $id, first: 20) {
          totalCount
          nodes {
            __typename
            ... on Statement { id saidOn datePrecision }
            ... on Event { id name date datePrecision }
          }
        }
      }`,
      variables: { id: f.person },
      cypher: `MATCH (x:Person {id: $id})
        CALL (x) {
          MATCH (x)-[:SAID]->(s:Statement) RETURN s AS item
          UNION
          MATCH (x)<-[:MENTIONS]-(s:Statement) RETURN s AS item
          UNION
          MATCH (x)-[:PARTICIPATED_IN]->(e:Event) RETURN e AS item
        }
        WITH item, coalesce(item.saidOn, item.date) AS when
        WITH item, CASE WHEN when IS NULL THEN '~'
          ELSE left(toString(when), CASE item.datePrecision WHEN 'YEAR' THEN 4 WHEN 'MONTH' THEN 7 ELSE 10 END)
          END AS sortKey
        ORDER BY sortKey, item.id
        WITH collect(item) AS items
        RETURN {timeline: {totalCount: size(items), nodes: [i IN items[0..20] | CASE WHEN i:Statement
          THEN {__typename: 'Statement', id: i.id, saidOn: i.saidOn, datePrecision: i.datePrecision}
          ELSE {__typename: 'Event', id: i.id, name: i.name, date: i.date, datePrecision: i.datePrecision}
          END]}} AS data`,
    }),
    shape({
      key: "pathSteps",
      title: "Shortest path person → venue with every step's relationship, and the venues' names on the way",
      note: "`path(from, to, maxHops: 4)` with `... on Venue { name }`; the same choice among equally short paths.",
      heldOut: false,
      query: `query Path($from: ID!, $to: ID!) {
        path(from: $from, to: $to, maxHops: 4) {
          length
          nodes { __typename id ... on Venue { name } }
          relationships { type from to }
        }
      }`,
      variables: { from: f.pathFrom, to: f.pathTo },
      cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
        MATCH p = allShortestPaths((a)-[:${PATH_RELATIONSHIPS}*..4]-(b))
        WITH p LIMIT 100
        WITH p ORDER BY reduce(key = '', n IN nodes(p) | key + ' ' + n.id) LIMIT 1
        RETURN {path: {length: length(p),
          nodes: [n IN nodes(p) | CASE WHEN n:Venue THEN {__typename: 'Venue', id: n.id, name: n.name}
            ELSE {__typename: ${typename("n")}, id: n.id} END],
          relationships: [r IN relationships(p) | {type: type(r), from: startNode(r).id, to: endNode(r).id}]}} AS data`,
    }),
    shape({
      key: "stateFacets",
      title: "Facets of everything a state and its people and bodies said: top 5 speakers, kinds, years, undated",
      note: "`state(id) { allStatements(first: 0) { totalCount facets { bySpeaker byKind byPeriod(unit: YEAR) } } }`.",
      heldOut: false,
      query: `query StateFacets($id: ID!) {
        state(id: $id) {
          id
          allStatements(first: 0) {
            totalCount
            facets {
              bySpeaker(first: 5) { count node { __typename id } }
              byKind { kind count }
              byPeriod(unit: YEAR) { period count }
              undated
            }
          }
        }
      }`,
      variables: { id: f.state },
      cypher: `MATCH (st:State {id: $id})
        CALL (st) {
          // One read of each statement: speaker × kind × year groups, every facet summed from those.
          MATCH (st)<-[:PART_OF|HOLDS_OFFICE*0..1]-(sp)-[:SAID]->(s:Statement)
          WITH DISTINCT sp, s
          WITH sp, s.kind AS kind, toString(s.saidOn.year) AS period, count(*) AS n
          WITH collect({sp: sp, kind: kind, period: period, n: n}) AS groups
          RETURN reduce(t = 0, g IN groups | t + g.n) AS total,
            reduce(t = 0, g IN [g IN groups WHERE g.period IS NULL] | t + g.n) AS undated,
            COLLECT { UNWIND groups AS g WITH g.sp AS sp, sum(g.n) AS count ORDER BY count DESC, sp.id LIMIT 5
              RETURN {count: count, node: {__typename: ${typename("sp")}, id: sp.id}} } AS bySpeaker,
            COLLECT { UNWIND groups AS g WITH g.kind AS kind, sum(g.n) AS count ORDER BY kind
              RETURN {kind: kind, count: count} } AS byKind,
            COLLECT { UNWIND groups AS g WITH g WHERE g.period IS NOT NULL
              WITH g.period AS period, sum(g.n) AS count ORDER BY period
              RETURN {period: period, count: count} } AS byPeriod
        }
        RETURN {state: {id: st.id, allStatements: {totalCount: total,
          facets: {bySpeaker: bySpeaker, byKind: byKind, byPeriod: byPeriod, undated: undated}}}} AS data`,
    }),
    // Held out: measured and reported apart, never tuned on.
    shape({
      key: "conversation",
      title: "A conversation: a statement and every response up to 5 away both ways, with speaker and relations",
      note: "`conversation(statement, maxDepth: 5)`, date order, at most 100 (the earliest).",
      heldOut: true,
      query: `query Conversation($id: ID!) {
        conversation(statement: $id, maxDepth: 5) {
          id saidOn speaker { id name } respondsTo { relation statement { id } }
        }
      }`,
      variables: { id: f.conversation },
      cypher: `MATCH (a:Statement {id: $id})
        MATCH (a)-[:RESPONDS_TO*0..5]-(s:Statement)
        WITH DISTINCT s ORDER BY s.saidOn IS NULL, s.saidOn, s.time, s.id LIMIT 100
        RETURN {conversation: collect(s {.id, .saidOn, speaker: head([(s)<-[:SAID]-(x) | x {.id, .name}]),
          respondsTo: COLLECT { MATCH (s)-[r:RESPONDS_TO]->(b:Statement)
            WITH DISTINCT b, r.relation AS relation ORDER BY b.saidOn IS NULL, b.saidOn, b.time, b.id, relation
            LIMIT 100 RETURN {relation: relation, statement: {id: b.id}} }})} AS data`,
    }),
    shape({
      key: "nodeFragments",
      title: "Two look-ups by id of unknown type, with fragments on the Speaker interface and on each type",
      note: "`node(id)` twice under aliases: an organization and a statement; each fragment applies or not.",
      heldOut: false,
      query: `query Nodes($org: ID!, $statement: ID!) {
        org: node(id: $org) {
          __typename id
          ... on Speaker { name statements(first: 3) { nodes { id saidOn } } }
          ... on Organization { aliases state { id name } members { __typename id name } }
          ... on Venue { kind }
        }
        said: node(id: $statement) {
          __typename id
          ... on Statement { text kind speaker { __typename id ... on Person { name } } }
          ... on Speaker { name }
        }
      }`,
      variables: { org: f.organization, statement: f.statement },
      cypher: `MATCH (o:Entity {id: $org})
        MATCH (s:Statement {id: $statement})
        RETURN {org: o {__typename: ${typename("o")}, .id, .name, aliases: coalesce(o.aliases, []),
            statements: {nodes: COLLECT { MATCH (o)-[:SAID]->(x:Statement) WITH x ORDER BY x.saidOn DESC, x.id DESC
              LIMIT 3 RETURN x {.id, .saidOn} }},
            state: head([(o)-[:PART_OF]->(st:State) | st {.id, .name}]),
            members: [(o)<-[:MEMBER_OF]-(m) | {__typename: ${typename("m")}, id: m.id, name: m.name}]},
          said: s {__typename: 'Statement', .id, .text, .kind,
            speaker: head([(s)<-[:SAID]-(x) | CASE WHEN x:Person THEN {__typename: 'Person', id: x.id, name: x.name}
              ELSE {__typename: ${typename("x")}, id: x.id} END])}} AS data`,
    }),
    shape({
      key: "aliasedLists",
      title: "Aliases: two people in one request, one with its latest and earliest 3 statements, one with its quotes",
      note: "The same field under several aliases with different arguments.",
      heldOut: false,
      query: `query TwoSpeakers($a: ID!, $b: ID!) {
        first: person(id: $a) {
          id name
          latest: statements(first: 3) { nodes { id saidOn } }
          earliest: statements(orderBy: SAID_ON_ASC, first: 3) { nodes { id saidOn } }
        }
        second: person(id: $b) {
          id name
          quotes: statements(filter: { kind: DIRECT_QUOTE }, first: 3) { totalCount nodes { id } }
        }
      }`,
      variables: { a: f.person, b: f.otherPerson },
      cypher: `MATCH (a:Person {id: $a}), (b:Person {id: $b})
        RETURN {first: a {.id, .name,
            latest: {nodes: COLLECT { MATCH (a)-[:SAID]->(s:Statement) WITH s ORDER BY s.saidOn DESC, s.id DESC
              LIMIT 3 RETURN s {.id, .saidOn} }},
            earliest: {nodes: COLLECT { MATCH (a)-[:SAID]->(s:Statement) WITH s ORDER BY s.saidOn, s.id
              LIMIT 3 RETURN s {.id, .saidOn} }}},
          second: b {.id, .name, quotes: {
            totalCount: COUNT { (b)-[:SAID]->(s:Statement) WHERE s.kind = 'DIRECT_QUOTE' },
            nodes: COLLECT { MATCH (b)-[:SAID]->(s:Statement) WHERE s.kind = 'DIRECT_QUOTE'
              WITH s ORDER BY s.saidOn DESC, s.id DESC LIMIT 3 RETURN s {.id} }}}} AS data`,
    }),
    // Held out: measured and reported apart, never tuned on.
    shape({
      key: "mentionCounts",
      title: "What a prolific person mentions most, and who mentions the most mentioned person most (top 5 each)",
      note: "`mentionsMost` and `mentionedMostBy`: counts of statements, most first, then id.",
      heldOut: true,
      query: `query MentionCounts($person: ID!, $mentioned: ID!) {
        speaker: person(id: $person) { id mentionsMost(first: 5) { count node { __typename id } } }
        mentioned: person(id: $mentioned) { id mentionedMostBy(first: 5) { count node { __typename id name } } }
      }`,
      variables: { person: f.person, mentioned: f.mentioned },
      cypher: `MATCH (p:Person {id: $person}), (m:Person {id: $mentioned})
        CALL (p) {
          MATCH (p)-[:SAID]->(s:Statement)-[:MENTIONS]->(x)
          WITH x, count(DISTINCT s) AS count ORDER BY count DESC, x.id LIMIT 5
          RETURN collect({count: count, node: {__typename: ${typename("x")}, id: x.id}}) AS mentionsMost
        }
        CALL (m) {
          MATCH (m)<-[:MENTIONS]-(s:Statement)<-[:SAID]-(x)
          WITH x, count(DISTINCT s) AS count ORDER BY count DESC, x.id LIMIT 5
          RETURN collect({count: count, node: {__typename: ${typename("x")}, id: x.id, name: x.name}})
            AS mentionedMostBy
        }
        RETURN {speaker: {id: p.id, mentionsMost: mentionsMost},
          mentioned: {id: m.id, mentionedMostBy: mentionedMostBy}} AS data`,
    }),
  ];
}
