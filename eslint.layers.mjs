// The rooms of src/ and which rooms each may import (eslint-plugin-boundaries), top to bottom: entry points (main,
// cli, cluster, startup) → http → graphql → bulk → ingest → load → the data layer (graph: writes → reads → the shared
// parts and the runtime) → domain. A room never imports one above it. The files directly in src/ (main.ts, config.ts,
// logging.ts) are read from everywhere and checked by no rule here. Files whose imports today go against the
// direction are named in EXCEPTIONS with the reason; they are the list to shrink (docs/architecture.md).

const room = (type, folder) => ({ type, pattern: folder });

export const ELEMENTS = [
  room("cli", "src/cli"),
  room("cluster", "src/cluster"),
  room("startup", "src/startup"),
  room("http", "src/http"),
  room("graphql", "src/graphql"),
  room("generated", "src/generated"),
  room("bulk", "src/bulk"),
  room("ingest", "src/ingest"),
  room("load", "src/load"),
  room("graph-runtime", "src/graph/runtime"),
  room("graph-reads", "src/graph/reads"),
  room("graph-writes", "src/graph/writes"),
  room("graph-shared", "src/graph"),
  room("neo4j", "src/neo4j"),
  room("domain", "src/domain"),
  room("root", "src"),
];

const GRAPH = ["graph-runtime", "graph-shared", "graph-reads", "graph-writes"];
const BASE = ["domain", "root"];

/** Each room and the rooms it may import (besides itself). */
const ALLOWED = {
  domain: [],
  neo4j: BASE,
  // The runtime and the shared parts (rows, values, projections, pages, cursors) serve reads and writes.
  "graph-runtime": ["graph-shared", ...BASE],
  "graph-shared": ["graph-runtime", ...BASE],
  "graph-reads": ["graph-runtime", "graph-shared", ...BASE],
  "graph-writes": [...GRAPH, ...BASE],
  load: [...GRAPH, "neo4j", ...BASE],
  ingest: ["load", ...GRAPH, ...BASE],
  bulk: ["load", ...GRAPH, "neo4j", ...BASE],
  graphql: ["generated", "ingest", "load", ...GRAPH, ...BASE],
  generated: ["graphql", ...GRAPH],
  http: ["graphql", "generated", "ingest", "load", ...GRAPH, ...BASE],
  startup: ["http", "graphql", "bulk", "ingest", "load", ...GRAPH, "neo4j", ...BASE],
  cluster: ["startup", "http", "graphql", "ingest", "load", ...GRAPH, "neo4j", ...BASE],
  // npm run curators writes the tokens file that src/http/curators/ reads.
  cli: ["startup", "http", "bulk", "ingest", "load", ...GRAPH, "neo4j", ...BASE],
  root: ["cli", "cluster", "startup", "http", "graphql", "bulk", "ingest", "load", ...GRAPH, "neo4j", "domain"],
};

/** Today's imports against the direction: the file, the rooms it may import besides its own room's, and why. */
export const EXCEPTIONS = [
  // The warm-up runs representative reads.
  { file: "src/graph/runtime/warmUp.ts", alsoImports: ["graph-reads"] },
  // The backfill of stored excerpts at start-up uses writes/datasetWrites.ts.
  { file: "src/graph/constraintsAndIndexes.ts", alsoImports: ["graph-writes"] },
  // What ingestion asks the graph is shaped as ingest/entities.ts's KnownEntity.
  { file: "src/graph/reads/ingestKnowledge.ts", alsoImports: ["ingest"] },
  // Drafting an article before loading it takes the extraction's types and pool.
  { file: "src/load/draftArticle.ts", alsoImports: ["ingest"] },
];

function policies(extra = {}) {
  return Object.entries(ALLOWED).map(([from, to]) => ({
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: [...new Set([from, ...to, ...(extra[from] ?? [])])] } } } },
  }));
}

function roomOf(file) {
  return ELEMENTS.find((e) => file.startsWith(`${e.pattern}/`)).type;
}

/** The rule's options for every file in src/, and for each exception its own. */
export const LAYER_RULE = (extra) => ["error", { default: "disallow", policies: policies(extra) }];
export const EXCEPTION_BLOCKS = EXCEPTIONS.map(({ file, alsoImports }) => ({
  files: [file],
  rules: { "boundaries/dependencies": LAYER_RULE({ [roomOf(file)]: alsoImports }) },
}));
