// Compiles the small Relay app in tests/fixtures/relay-app with Relay's compiler (pinned in package-lock.json) in a
// temporary copy, so generated files never land in the repository; the schema is the server's, printed by graphql-js.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildASTSchema, parse, printSchema } from "graphql";
import { loadTypeDefs } from "../../src/graphql/schema";

const root = path.resolve(__dirname, "../..");
const app = path.join(root, "tests", "fixtures", "relay-app");
const relayCompiler = path.join(root, "node_modules", ".bin", "relay-compiler");

// One file printed by graphql-js rather than schema/*.graphql as they are: Relay reads schema files in name order and
// refuses an `extend type` that comes before the type, as schema/ingest.graphql's `extend type Mutation` does.
export const schema = printSchema(buildASTSchema(parse(loadTypeDefs())));

/** Copies the app to a temporary folder, writes `sdl` there as its schema.graphql and runs the compiler in it. */
export function compileRelayApp(sdl: string, made: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "relay-app-"));
  made.push(dir);
  fs.cpSync(app, dir, { recursive: true, filter: (from) => !from.includes("__generated__") });
  fs.writeFileSync(path.join(dir, "schema.graphql"), sdl);
  // Without watchman the compiler walks the folder itself; NO_COLOR keeps its messages plain text to match on.
  const run = spawnSync(relayCompiler, ["--noWatchman", "relay.config.json"], {
    cwd: dir,
    encoding: "utf8",
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: "1" },
  });
  const generated = path.join(dir, "src", "__generated__");
  return {
    code: run.status,
    output: `${run.stdout}${run.stderr}`,
    artifacts: () => fs.readdirSync(generated).sort(),
    artifact: (name: string) => fs.readFileSync(path.join(generated, `${name}.graphql.ts`), "utf8"),
    hasArtifacts: () => fs.existsSync(generated),
  };
}

/** The operation text an artifact sends. */
export function operationDocument(artifact: string): string {
  const literal = /"text": ("(?:[^"\\]|\\.)*")/.exec(artifact);
  if (!literal?.[1]) throw new Error("no operation text in the artifact");
  return JSON.parse(literal[1]) as string;
}

/** The operation text an artifact sends, on one line. */
export function operationText(artifact: string): string {
  return operationDocument(artifact).replace(/\s+/g, " ");
}
