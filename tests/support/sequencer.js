/* eslint-disable @typescript-eslint/no-require-imports -- jest loads a sequencer with require() */
// How `npm test` splits the integration tier between its two shards (scripts/test.mjs runs them at once, each with a
// Neo4j of its own): the longest files first, each to the shard with the least work so far, by the seconds these
// files took in a CI run (files not listed count 5 s; the eleven slowest of 7 December 2026 scaled by how much faster
// they ran alone on the same machine after that day's changes to their waits). Within a shard, the longest run first.
const Sequencer = require("@jest/test-sequencer").default;
const path = require("node:path");

const SECONDS = {
  "tests/hardening/outage.test.ts": 80,
  "tests/hardening/memory-bounded-reads.test.ts": 75,
  "tests/hardening/readiness.test.ts": 66,
  "tests/bench/smoke.test.ts": 42,
  "tests/graphql/mutations.test.ts": 42,
  "tests/neo4j/out-of-memory.test.ts": 40,
  "tests/docs/examples.test.ts": 40,
  "tests/hardening/hostile-articles.test.ts": 35,
  "tests/neo4j/restart-while-stopping.test.ts": 33,
  "tests/hardening/fuzz.test.ts": 32,
  "tests/hardening/shutdown.test.ts": 30,
  "tests/bench/shapes.test.ts": 30,
  "tests/browser/explorer.test.ts": 29,
  "tests/bulk/import-command.test.ts": 28,
  "tests/hardening/supervised.test.ts": 27,
  "tests/hardening/limits-and-modes.test.ts": 27,
  "tests/hardening/bookmarks.test.ts": 26,
  "tests/bulk/same-graph.test.ts": 25,
  "tests/load/ingest-command.test.ts": 25,
  "tests/graphql/relay-pagination.test.ts": 24,
  "tests/hardening/workers.test.ts": 22,
  "tests/graphql/performance-by-construction.test.ts": 20,
  "tests/browser/ide.test.ts": 19,
  "tests/graphql/traversals.test.ts": 17,
  "tests/graphql/change-log.test.ts": 16,
  "tests/hardening/document-memory.test.ts": 15,
  "tests/browser/charts.test.ts": 13,
  "tests/hardening/overload.test.ts": 13,
  "tests/graphql/alias-ids.test.ts": 12,
  "tests/bench/generate-streaming.test.ts": 12,
};
const secondsOf = (test) => SECONDS[path.relative(path.join(__dirname, "../.."), test.path)] ?? 5;

class ShardsBySeconds extends Sequencer {
  shard(tests, { shardIndex, shardCount }) {
    const ordered = [...tests].sort((a, b) => secondsOf(b) - secondsOf(a) || a.path.localeCompare(b.path));
    const load = new Array(shardCount).fill(0);
    const mine = [];
    for (const test of ordered) {
      const least = load.indexOf(Math.min(...load));
      load[least] += secondsOf(test);
      if (least === shardIndex - 1) mine.push(test);
    }
    return mine;
  }

  sort(tests) {
    return [...tests].sort((a, b) => secondsOf(b) - secondsOf(a) || a.path.localeCompare(b.path));
  }
}

module.exports = ShardsBySeconds;
