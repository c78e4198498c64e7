// The second half of the warm-up: the GraphQL layer under load before the server says it is ready. One run of each
// query (src/graph/reads/warmUp.ts) gets Neo4j's plans cached, but a GraphQL selection decides the Cypher text, Neo4j
// plans each text the first time it runs (up to ~1 s of its CPU on a cold JVM), and the JIT compilers of Node and of
// Neo4j's JVM only compile code that runs often. So one operation for each kind of question clients ask (a look-up
// of each kind of node with its statements, lists filtered by speaker, state, date and mention, search, timeline,
// conversation, facets, paths) runs through the server's own Apollo (parsing, validation, the cost rule, resolvers,
// the driver, Neo4j), on ids taken from the graph itself: every one at least once, then round again until
// WARM_UP_SECONDS have passed. Measured on a first start with the soak mix (`npm run bench:workers -- --workers 1
// --rounds 1 --duration 60 --warm-up 0`, 2-core EPYC): 8 operations for 5 s (18 runs, some never reached) left the
// soak a p99 of 1.21 s; these 21, each run at least once (12 s), 0.48 s.

import type { HttpServer } from "../http/server";

/** Runs a read as an anonymous request would (HttpServer.execute). */
export type Execute = HttpServer["execute"];

export interface GraphqlWarmUpOptions {
  seconds: number;
  /** Operations in flight at once. */
  concurrency?: number;
  log: (line: string) => void;
  warn: (line: string) => void;
}

interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

const SAMPLE = `{
  statements(first: 20) {
    nodes { id text saidOn speaker { id } venue { id name } event { id } mentions { __typename id } }
  }
  states(first: 1) { nodes { id } }
  events(first: 1) { nodes { id } }
  venues(first: 1) { nodes { id name } }
}`;

interface SampledStatement {
  id: string;
  text: string;
  saidOn: string | null;
  speaker: { id: string } | null;
  venue: { id: string; name: string } | null;
  event: { id: string } | null;
  mentions: { __typename?: string; id: string }[];
}

/** What the warm-up's operations are built from: the newest statements, and a state, an event and a venue. */
export interface Sample {
  statements: { nodes: SampledStatement[] };
  states: { nodes: { id: string }[] };
  events: { nodes: { id: string }[] };
  venues: { nodes: { id: string; name: string }[] };
}

const STATEMENT_ROWS = "nodes { id text saidOn speaker { name } }";

/** One operation for each kind of question clients ask, on ids of this graph (none when the graph is empty). */
export function operationsFor(sample: Sample): Operation[] {
  const statements = sample.statements.nodes;
  const first = statements[0];
  if (!first) return [];
  const speakers = [...new Set(statements.flatMap((s) => (s.speaker ? [s.speaker.id] : [])))];
  const mentions = statements.flatMap((s) => s.mentions);
  const mentioned = mentions[0]?.id;
  const state = mentions.find((m) => m.__typename === "State")?.id ?? sample.states.nodes[0]?.id;
  const venue = statements.find((s) => s.venue)?.venue ?? sample.venues.nodes[0];
  const event = statements.find((s) => s.event)?.event?.id ?? sample.events.nodes[0]?.id;
  const dated = statements.find((s) => s.saidOn)?.saidOn;
  const word = (first.text.match(/\p{L}{4,}/gu) ?? []).sort((a, b) => b.length - a.length)[0] ?? "statement";
  const operations: Operation[] = [];
  const add = (query: string, variables: Record<string, unknown> = {}) => operations.push({ query, variables });
  const [speaker, other] = speakers;
  if (speaker) {
    add(
      `query ($id: ID!) { node(id: $id) { id ... on Speaker { name statements(first: 20) { totalCount
        nodes { id text saidOn venue { name } event { name } evidence { excerpt source { title } } } } } } }`,
      { id: speaker },
    );
    // A person with what they said and where, and with what they did and were mentioned in.
    add(
      `query ($id: ID!) { person(id: $id) { name statements { nodes { text saidOn venue { name }
        evidence { excerpt } } } } }`,
      { id: speaker },
    );
    add(
      `query ($id: ID!) { person(id: $id) { id name offices { title state { name } }
        events { role event { name date } } mentionedIn(first: 10) { ${STATEMENT_ROWS} } } }`,
      { id: speaker },
    );
    add(`query ($id: ID!) { statements(filter: { speaker: $id }, first: 20) { totalCount ${STATEMENT_ROWS} } }`, {
      id: speaker,
    });
  }
  add(`query ($q: String!) { search(query: $q, first: 20) { totalCount nodes { score snippet node { id } } } }`, {
    q: word,
  });
  add(`query ($q: String!) { search(query: $q) { nodes { score snippet node { id } } } }`, { q: word });
  if (speaker) {
    add(
      `query ($id: ID!) { timeline(entity: $id, first: 50) { totalCount
        nodes { __typename ... on Statement { id text saidOn } ... on Event { id name date } } } }`,
      { id: speaker },
    );
  }
  add(
    `query ($id: ID!) { conversation(statement: $id) { id text speaker { name }
      respondsTo { relation statement { id } } responses { relation statement { id } } } }`,
    { id: first.id },
  );
  add(`{ statements(first: 20) { totalCount nodes { id text saidOn speaker { name } mentions { id } }
      facets { bySpeaker { node { id } count } byPeriod(unit: MONTH) { period count } undated } } }`);
  add(`{ statements(first: 20) { pageInfo { hasNextPage endCursor } edges { cursor node { id text saidOn
      speaker { name } venue { name } } } } }`);
  if (mentioned) {
    add(
      `query ($id: ID!) { statements(filter: { mentions: $id }, first: 20) { totalCount
        nodes { text speaker { name } mentions { id } } } }`,
      { id: mentioned },
    );
  }
  if (state) {
    add(
      `query ($id: ID!) { state(id: $id) { name isoCode statements(first: 20) { totalCount ${STATEMENT_ROWS} }
        officeHolders { title person { name } } venues { name } } }`,
      { id: state },
    );
    add(
      `query ($id: ID!, $from: Date) { statements(filter: { state: $id, from: $from }) { totalCount
        nodes { text speaker { name } mentions { id } } } }`,
      { id: state, from: dated ?? null },
    );
    add(
      `query ($id: ID!) { timeline(entity: $id, first: 100) { nodes { __typename
        ... on Statement { text saidOn } ... on Event { name date } } } }`,
      { id: state },
    );
  }
  if (event) {
    add(
      `query ($id: ID!) { event(id: $id) { name startsAt venue { name state { name } }
        participants { role participant { name } } mentionedIn { nodes { text speaker { name } } }
        statements(first: 20) { ${STATEMENT_ROWS} } } }`,
      { id: event },
    );
  }
  if (speaker && other) {
    add(`query ($a: ID!, $b: ID!) { path(from: $a, to: $b) { length nodes { id } } }`, { a: speaker, b: other });
  }
  if (venue) {
    add(
      `query ($name: String!) { venues(filter: { name: $name }, first: 10) {
        nodes { id name locatedIn { name } events { name } } } }`,
      { name: venue.name },
    );
    add(`query ($id: ID!) { venue(id: $id) { name kind state { name } statements { ${STATEMENT_ROWS} } } }`, {
      id: venue.id,
    });
    if (speaker) {
      add(`query ($a: ID!, $b: ID!) { path(from: $a, to: $b) { length nodes { id } } }`, { a: speaker, b: venue.id });
    }
  }
  add(`{ people(first: 20) { totalCount nodes { id name } } }`);
  add(`{ events(first: 20) { nodes { id name date venue { name } } } }`);
  return operations;
}

/** An operation's data; its first error thrown. */
async function run(execute: Execute, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const { data, errors } = await execute(query, variables);
  if (errors?.length) throw new Error(errors[0]!.message);
  return data;
}

/** The first pass over the operations stops here however far it got: a graph that slow is warmed up by its users. */
export const FIRST_PASS_LIMIT_MS = 60_000;

/**
 * Never throws: a warm-up that fails only costs the first users some speed. Every operation runs at least once, even
 * past `seconds` (a text Neo4j has not planned yet costs the first client that sends it up to a second of Neo4j's CPU
 * on a cold JVM, while every other client waits for the cores), then they go round until `seconds` have passed.
 */
export async function warmUpGraphql(execute: Execute, options: GraphqlWarmUpOptions): Promise<void> {
  if (options.seconds <= 0) return;
  const started = Date.now();
  const until = started + options.seconds * 1000;
  try {
    const operations = operationsFor((await run(execute, SAMPLE, {})) as Sample);
    if (operations.length === 0) return options.log("Warm-up: the graph is empty, nothing to warm up");
    const concurrency = options.concurrency ?? 4;
    let runs = 0;
    const worker = async (offset: number) => {
      for (let i = offset; ; i += concurrency) {
        const now = Date.now();
        const firstPass = i < operations.length && now < started + FIRST_PASS_LIMIT_MS;
        if (!firstPass && now >= until) return;
        const operation = operations[i % operations.length]!;
        await run(execute, operation.query, operation.variables);
        runs += 1;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    options.log(`Warm-up: ${runs} GraphQL operations (${operations.length} kinds) in ${seconds} s`);
  } catch (e) {
    options.warn(`GraphQL warm-up stopped (the server starts anyway): ${(e as Error).message}`);
  }
}
