// The README's and the guides' examples are true today. Every ```graphql block runs against a server on the seed
// (queries with no token, mutations with the test token) and must answer without an error; every ```sh block runs in
// bash against that server (PORT, API_TOKEN and GRAPHQL_URL set; the project folder as working directory) and must
// exit 0 and print no GraphQL error. A block marked <!-- example: syntax-only (why) --> (installs, the server's own
// start, long runs) is only parsed: GraphQL parsed and validated against the schema, shell by `bash -n`. Each file
// starts from the seed alone (reloaded when the file before wrote), so one guide's writes never decide another's.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildASTSchema, parse, validate, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { projectRoot } from "../../src/config";
import { loadTypeDefs } from "../../src/graphql/schema";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { dumpGraph } from "../support/graphDump";
import { documentationFiles, extractExamples, type Example } from "../support/markdownExamples";
import { loadIstanbulSeed } from "../support/seed";
import { post, startTestServer, TEST_TOKEN } from "../support/server";

const SHELL_TIMEOUT_MS = 30_000;
const schema = buildASTSchema(parse(loadTypeDefs()));
const files = documentationFiles(projectRoot).map((file) => ({
  file,
  ...extractExamples(file, fs.readFileSync(path.join(projectRoot, file), "utf8")),
}));
const all = files.flatMap((f) => f.examples);
const where = (e: Example) => `${e.file}:${e.line}`;

const db = connectTestDatabase();
let server: HttpServer | undefined;
let tmp = "";
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kg-doc-examples-"));
  server = await startTestServer(db);
});
afterAll(async () => {
  await server?.stop();
  await db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The seed alone: loaded again only when the file before changed the graph (a reload takes seconds). */
let seeded: string | undefined;
async function startFromTheSeed(): Promise<void> {
  if (seeded !== undefined && JSON.stringify(await dumpGraph(db)) === seeded) return;
  await emptyGraph(db);
  await loadIstanbulSeed(db);
  seeded = JSON.stringify(await dumpGraph(db));
}

function url(): string {
  if (!server) throw new Error("the server is not started");
  return server.url;
}

function operations(document: DocumentNode): OperationDefinitionNode[] {
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
}

/** Parses and validates against the schema; the problems, or none. */
function graphqlProblems(example: Example): string[] {
  let document: DocumentNode;
  try {
    document = parse(example.code);
  } catch (e) {
    return [`${where(example)}: ${(e as Error).message}`];
  }
  return validate(schema, document).map((error) => `${where(example)}: ${error.message}`);
}

async function runGraphql(example: Example): Promise<string[]> {
  const problems: string[] = [];
  for (const operation of operations(parse(example.code))) {
    const headers: Record<string, string> =
      operation.operation === "mutation" ? { authorization: `Bearer ${TEST_TOKEN}` } : {};
    const body = { query: example.code, operationName: operation.name?.value };
    const { status, json, text } = await post(url(), body, headers);
    if (status !== 200 || !json || json.errors || !json.data) {
      problems.push(`${where(example)}: HTTP ${status}: ${text.slice(0, 500)}`);
    }
  }
  return problems;
}

function bash(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile("bash", args, { cwd: projectRoot, env, timeout: SHELL_TIMEOUT_MS }, (e, out, err) =>
      resolve({ code: e ? (typeof e.code === "number" ? e.code : 1) : 0, out, err }),
    );
  });
}

function shellEnvironment(): NodeJS.ProcessEnv {
  const port = new URL(url()).port;
  return {
    ...process.env,
    PORT: port,
    API_TOKEN: TEST_TOKEN,
    GRAPHQL_URL: url(),
    NEO4J_URI: process.env.TEST_NEO4J_URI,
    NEO4J_USER: "neo4j",
    NEO4J_PASSWORD: process.env.TEST_NEO4J_PASSWORD,
    TMPDIR: tmp,
    NODE_ENV: "",
  };
}

/** A GraphQL answer printed on one line of the output, with errors in it. */
function graphqlErrorsIn(output: string): string | undefined {
  for (const line of output.split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const answer = JSON.parse(line) as { errors?: unknown };
      if (answer.errors) return line.slice(0, 500);
    } catch {
      // Not JSON: not an answer.
    }
  }
  return undefined;
}

async function runShell(example: Example): Promise<string[]> {
  const { code, out, err } = await bash(["-e", "-o", "pipefail", "-c", example.code], shellEnvironment());
  if (code !== 0) return [`${where(example)}: exit ${code}\n${out.slice(-800)}\n${err.slice(-800)}`];
  const errors = graphqlErrorsIn(out);
  return errors ? [`${where(example)}: a GraphQL error in the output: ${errors}`] : [];
}

async function shellSyntax(example: Example): Promise<string[]> {
  const { code, err } = await bash(["-n", "-c", example.code], process.env);
  return code === 0 ? [] : [`${where(example)}: ${err.trim()}`];
}

it("finds the examples and no misplaced marker", () => {
  expect(files.map((f) => f.file)).toEqual(expect.arrayContaining(["README.md", "docs/querying.md"]));
  expect(files.flatMap((f) => f.problems)).toEqual([]);
  const runnable = (lang: string) => all.filter((e) => e.lang === lang && !e.marker).length;
  expect(runnable("graphql")).toBeGreaterThanOrEqual(12);
  expect(runnable("sh")).toBeGreaterThanOrEqual(5);
  // The languages the guides use; a block in a new one (say yaml) needs a check here first.
  const known = ["graphql", "sh", "bash", "json", "ts", "js", "cypher", "md", ""];
  expect(all.filter((e) => !known.includes(e.lang)).map(where)).toEqual([]);
});

it("every GraphQL example is valid against the schema, marked ones included", () => {
  const graphql = all.filter((e) => e.lang === "graphql");
  expect(graphql.flatMap(graphqlProblems)).toEqual([]);
});

it("every shell example parses, and every JSON example is JSON", async () => {
  const problems: string[] = [];
  for (const example of all.filter((e) => e.lang === "sh" || e.lang === "bash")) {
    problems.push(...(await shellSyntax(example)));
  }
  for (const example of all.filter((e) => e.lang === "json")) {
    try {
      JSON.parse(example.code);
    } catch (e) {
      problems.push(`${where(example)}: ${(e as Error).message}`);
    }
  }
  expect(problems).toEqual([]);
});

// One test per file, each on the seed alone: its queries, then its mutations, then its shell commands.
describe.each(files.filter((f) => f.examples.some((e) => isRunnable(e))).map((f) => [f.file, f.examples] as const))(
  "%s",
  (_file, examples) => {
    it("runs its examples against the seed without an error", async () => {
      await startFromTheSeed();
      const graphql = examples.filter((e) => isRunnable(e) && e.lang === "graphql");
      const isMutation = (e: Example) => operations(parse(e.code)).some((o) => o.operation === "mutation");
      const problems: string[] = [];
      for (const example of [...graphql.filter((e) => !isMutation(e)), ...graphql.filter(isMutation)]) {
        problems.push(...(await runGraphql(example)));
      }
      for (const example of examples.filter((e) => isRunnable(e) && (e.lang === "sh" || e.lang === "bash"))) {
        problems.push(...(await runShell(example)));
      }
      expect(problems).toEqual([]);
    });
  },
);

function isRunnable(example: Example): boolean {
  return !example.marker && ["graphql", "sh", "bash"].includes(example.lang);
}
