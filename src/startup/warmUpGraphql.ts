// The second half of the warm-up: the GraphQL layer under load for a few seconds before the server says it is ready.
// One run of each query (src/graph/warmUp.ts) gets Neo4j's plans cached, but the JIT compilers of Node and of Neo4j's
// JVM only compile code that runs often: a server that just started answered the soak mix with a p99 of 4.6 s, against
// 0.84 s once warm (`npm run bench:workers -- --workers 1 --warm-up 0` and `--warm-up 20`). So the operations clients
// send most run here through the server's own Apollo (parsing, validation, the cost rule, resolvers, the driver, Neo4j)
// for WARM_UP_SECONDS, several at once, on ids taken from the graph itself. Five seconds of it took the cold p99 from
// 4.2 to 3.7 s (README, Warm-up): most of the JVM's compilation still happens under the first minute of load.

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

const SAMPLE = `{ statements(first: 20) {
  nodes { id text speaker { id } venue { id name } mentions { id } }
} }`;

interface Sampled {
  id: string;
  text: string;
  speaker: { id: string } | null;
  venue: { id: string; name: string } | null;
  mentions: { id: string }[];
}

/** The operations of the soak mix and the IDE's examples, on ids of this graph (none when the graph is empty). */
export function operationsFor(statements: readonly Sampled[]): Operation[] {
  const first = statements[0];
  if (!first) return [];
  const speakers = [...new Set(statements.flatMap((s) => (s.speaker ? [s.speaker.id] : [])))];
  const mentioned = statements.flatMap((s) => s.mentions.map((m) => m.id))[0];
  const venue = statements.find((s) => s.venue)?.venue;
  const word = (first.text.match(/\p{L}{4,}/gu) ?? []).sort((a, b) => b.length - a.length)[0] ?? "statement";
  const operations: Operation[] = [
    {
      query: `query ($id: ID!) { node(id: $id) { id ... on Speaker { name statements(first: 20) { totalCount
        nodes { id text saidOn venue { name } event { name } evidence { excerpt source { title } } } } } } }`,
      variables: { id: speakers[0] },
    },
    {
      query: `query ($q: String!) { search(query: $q, first: 20) { totalCount nodes { score snippet node { id } } } }`,
      variables: { q: word },
    },
    {
      query: `query ($id: ID!) { timeline(entity: $id, first: 50) { totalCount
        nodes { __typename ... on Statement { id text saidOn } ... on Event { id name date } } } }`,
      variables: { id: speakers[0] },
    },
    {
      query: `query ($id: ID!) { conversation(statement: $id) { id text speaker { name }
        respondsTo { relation statement { id } } responses { relation statement { id } } } }`,
      variables: { id: first.id },
    },
    {
      query: `{ statements(first: 20) { totalCount nodes { id text saidOn speaker { name } mentions { id } }
        facets { bySpeaker { node { id } count } byPeriod(unit: MONTH) { period count } undated } } }`,
      variables: {},
    },
  ];
  if (mentioned) {
    operations.push({
      query: `query ($id: ID!) { statements(filter: { mentions: $id }, first: 20) { totalCount
        nodes { text speaker { name } mentions { id } } } }`,
      variables: { id: mentioned },
    });
  }
  if (speakers[1]) {
    operations.push({
      query: `query ($a: ID!, $b: ID!) { path(from: $a, to: $b) { length nodes { id } } }`,
      variables: { a: speakers[0], b: speakers[1] },
    });
  }
  if (venue) {
    operations.push({
      query: `query ($name: String!) { venues(filter: { name: $name }, first: 10) {
        nodes { id name locatedIn { name } events { name } statements(first: 5) { nodes { text } } } } }`,
      variables: { name: venue.name },
    });
  }
  return operations;
}

/** An operation's data; its first error thrown. */
async function run(execute: Execute, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const { data, errors } = await execute(query, variables);
  if (errors?.length) throw new Error(errors[0]!.message);
  return data;
}

/** Never throws: a warm-up that fails only costs the first users some speed. */
export async function warmUpGraphql(execute: Execute, options: GraphqlWarmUpOptions): Promise<void> {
  if (options.seconds <= 0) return;
  const started = Date.now();
  const until = started + options.seconds * 1000;
  try {
    const operations = operationsFor(
      ((await run(execute, SAMPLE, {})) as { statements: { nodes: Sampled[] } }).statements.nodes,
    );
    if (operations.length === 0) return options.log("Warm-up: the graph is empty, nothing to warm up");
    let runs = 0;
    const worker = async (offset: number) => {
      for (let i = offset; Date.now() < until; i++) {
        const operation = operations[i % operations.length]!;
        await run(execute, operation.query, operation.variables);
        runs += 1;
      }
    };
    const concurrency = options.concurrency ?? 4;
    await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i)));
    options.log(`Warm-up: ${runs} GraphQL operations in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (e) {
    options.warn(`GraphQL warm-up stopped (the server starts anyway): ${(e as Error).message}`);
  }
}
