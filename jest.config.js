// Two tiers. unit (tests/unit): no database, pure functions and the Cypher text each builder produces; runs in
// parallel (npm run test:unit). integration (the rest of tests/): one real Neo4j per run, started in globalSetup
// only when an integration file is selected; its files share that database, so they run one after another. npm test
// runs the integration tier as two shards at once (scripts/test.mjs), each with its own Neo4j.
const transform = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/tests/unit/**/*.test.ts"],
    },
    {
      displayName: "integration",
      testEnvironment: "node",
      transform,
      testMatch: ["<rootDir>/tests/**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/tests/unit/"],
      globalSetup: "<rootDir>/tests/support/globalSetup.ts",
      globalTeardown: "<rootDir>/tests/support/globalTeardown.ts",
    },
  ],
  // A global option: a plain `jest` runs every file one at a time, as the shared database needs; test:unit overrides
  // it on the command line.
  maxWorkers: 1,
  // npm test runs the integration tier in two shards at once (scripts/test.mjs), split by how long each file takes.
  testSequencer: "<rootDir>/tests/support/sequencer.js",
  testTimeout: 60000,
};
