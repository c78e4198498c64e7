// The question-shape suite (bench/shapes) stays true: on a small synthetic dataset with conversations, every shape's
// GraphQL answer from this server equals the answer of its hand-written Cypher, field for field, and neither is empty.
// (The measurement is `npm run bench:shapes`, not part of the test suite.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateSyntheticDataset } from "../../bench/generate";
import { openGivenGraph } from "../../bench/graph";
import { chooseShapeFixtures, type ShapeFixtures } from "../../bench/shapes/fixtures";
import { buildShapes, type Shape } from "../../bench/shapes";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase, emptyGraph } from "../support/database";
import { post, startTestServer } from "../support/server";

const db = connectTestDatabase();
let server: HttpServer;
/** The shapes' keys, known before the data is loaded (the ids in them are not). */
const KEYS = buildShapes(
  new Proxy({} as ShapeFixtures, { get: (_, key) => (key === "word" ? "word" : `placeholder:${String(key)}`) }),
).map((s) => s.key);
let shapes: Shape[];
let dir: string;

beforeAll(async () => {
  await emptyGraph(db);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "kg-shapes-"));
  generateSyntheticDataset({ statements: 600, out: dir, seed: 42, perFile: 100, responses: true });
  await openGivenGraph(
    { uri: process.env.TEST_NEO4J_URI!, user: "neo4j", password: process.env.TEST_NEO4J_PASSWORD! },
    dir,
    { log: () => {}, progress: false },
  );
  server = await startTestServer(db);
  shapes = buildShapes(await chooseShapeFixtures(db));
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function answers(s: Shape) {
  const { json } = await post(server.url, { query: s.ours.query, variables: s.ours.variables });
  expect({ shape: s.key, errors: json.errors }).toEqual({ shape: s.key, errors: undefined });
  const rows = await db.read<Record<string, unknown>>(s.limit.cypher, s.limit.params);
  return { ours: s.ours.pick(json.data), limit: s.limit.pick(rows) };
}

/** Whether an answer holds more than nulls, empty lists and zeros: two empty answers being equal proves little. */
const substantial = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(substantial)
    : value !== null && typeof value === "object"
      ? Object.entries(value).some(([k, v]) => k !== "__typename" && substantial(v))
      : value !== null && value !== 0 && value !== false && value !== "";

describe("the question-shape suite on 600 synthetic statements", () => {
  it("has at least 25 shapes, a third of them held out, each key once", () => {
    expect(shapes.length).toBeGreaterThanOrEqual(25);
    expect(shapes.filter((s) => s.heldOut).length).toBeGreaterThanOrEqual(Math.ceil(shapes.length / 3));
    expect(new Set(shapes.map((s) => s.key)).size).toBe(shapes.length);
  });

  it.each(KEYS)("answers %s the same through GraphQL as through its hand-written Cypher", async (key) => {
    const s = shapes.find((x) => x.key === key)!;
    const { ours, limit } = await answers(s);
    expect(substantial(ours)).toBe(true);
    expect(ours).toEqual(limit);
  });
});
