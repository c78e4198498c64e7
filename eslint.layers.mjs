// The rooms of src/ and which rooms each may import (eslint-plugin-boundaries), top to bottom: entry points (main,
// cli, cluster, startup) → http → graphql → bulk → ingest → load → the data layer (graph: writes → reads → the shared
// parts and the runtime) → domain. A room never imports one above it, and no file is let off (docs/architecture.md).
// Of the files directly in src/, main.ts starts everything, while config.ts and logging.ts are the base every room
// reads, so they import no room but settings and domain (BASE_FILES).

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
  room("settings", "src/settings"),
  room("domain", "src/domain"),
  room("root", "src"),
];

const GRAPH = ["graph-runtime", "graph-shared", "graph-reads", "graph-writes"];
const BASE = ["settings", "domain", "root"];

/** Each room and the rooms it may import (besides itself). */
const ALLOWED = {
  domain: [],
  // Parsers of settings that src/config.ts checks at start-up (the tokens file, the JWT settings): domain below only.
  settings: ["domain"],
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
  cli: ["startup", "bulk", "ingest", "load", ...GRAPH, "neo4j", ...BASE],
  root: ["cli", "cluster", "startup", "http", "graphql", "bulk", "ingest", "load", ...GRAPH, "neo4j", "settings", "domain"],
};

/** Read by every room: the settings (with the defaults the modules they tune share) and the logger. */
export const BASE_FILES = ["src/config.ts", "src/logging.ts"];

function policies(allowed) {
  return Object.entries(allowed).map(([from, to]) => ({
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: [from, ...to] } } } },
  }));
}

const rule = (allowed) => ["error", { default: "disallow", policies: policies(allowed) }];

/** The rule for every file in src/, and for the base files its stricter form. */
export const LAYER_RULE = rule(ALLOWED);
export const BASE_BLOCK = {
  files: BASE_FILES,
  rules: { "boundaries/dependencies": rule({ ...ALLOWED, root: ["settings", "domain"] }) },
};
