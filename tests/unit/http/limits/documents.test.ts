// What Apollo keeps of query texts, bounded by the bytes it really holds (documentCache.ts); the cap on a document's
// size, comments included, checked before parsing (documentSize.ts); and the error locations that documents parsed
// without locations get back (errorLocations.ts).
import crypto from "node:crypto";
import v8 from "node:v8";
import vm from "node:vm";
import type { Request, Response } from "express";
import { buildSchema, GraphQLError, parse, validate, type FieldNode, type OperationDefinitionNode } from "graphql";
import { loadTypeDefs } from "../../../../src/graphql/schema";
import { ByteBoundedCache, documentCaches } from "../../../../src/http/limits/documentCache";
import { limitDocumentSize } from "../../../../src/http/limits/documentSize";
import { locateErrors } from "../../../../src/http/answers/errorLocations";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("the document and persisted-query caches", () => {
  it("stay within their bytes however many distinct queries fill them, and so does the heap", async () => {
    const maxBytes = 4 * 1024 * 1024;
    const caches = documentCaches(maxBytes, maxBytes);
    const before = heapAfterGc();
    const count = 20_000;
    let texts = 0;
    for (let i = 0; i < count; i++) {
      const source =
        `query Q${i}($id: ID!) { person(id: $id) { id name statements(first: 5) { nodes { id text } } } ` +
        `a${i}: statement(id: "statement:padded-name-${i}") { id } } # ${"a comment pads the text ".repeat(30)}${i}`;
      texts += source.length;
      const document = parse(source, { noLocation: true });
      caches.parsed(document, source);
      const hash = sha256(source);
      await caches.documents.set(`schema:${hash}`, document);
      await caches.persistedQueries.set(hash, source);
    }
    const grown = heapAfterGc() - before;
    if (process.env.SHOW_MEMORY)
      console.log({ grown, texts, bytes: caches.documents.bytes, size: caches.documents.size });
    expect(caches.documents.bytes).toBeLessThanOrEqual(maxBytes);
    expect(caches.persistedQueries.bytes).toBeLessThanOrEqual(maxBytes);
    expect(caches.documents.size).toBeGreaterThan(100);
    expect(caches.documents.size).toBeLessThan(count);
    // Kept without a bound, the texts alone would take more than 15 MB and their documents several times that.
    expect(texts).toBeGreaterThan(15_000_000);
    // What the two caches count (8 MB) is at least what they hold: the heap grew by less.
    expect(grown).toBeLessThan(2 * maxBytes);
  });

  it("counts a document's text, which its names and strings still hold without locations", async () => {
    const caches = documentCaches(64 * 1024 * 1024);
    const source = `{ person(id: "person:volodymyr-zelenskyy") { name } } #${"x".repeat(900_000)}`;
    const document = parse(source, { noLocation: true });
    caches.parsed(document, source);
    await caches.documents.set("k", document);
    expect(caches.documents.bytes).toBeGreaterThan(2 * 900_000);
  });

  it("forgets the least recently used first, and keeps no entry larger than the whole cache", async () => {
    const cache = new ByteBoundedCache<string>(1000, (value) => value.length);
    await cache.set("a", "x".repeat(300));
    await cache.set("b", "x".repeat(300));
    expect(await cache.get("a")).toBeDefined();
    await cache.set("c", "x".repeat(300));
    expect([await cache.get("a"), await cache.get("b"), await cache.get("c")].map(Boolean)).toEqual([
      true,
      false,
      true,
    ]);
    await cache.set("huge", "x".repeat(2000));
    expect(await cache.get("huge")).toBeUndefined();
    expect(await cache.delete("a")).toBe(true);
    expect(cache.size).toBe(1);
    expect(cache.bytes).toBeLessThanOrEqual(1000);
  });
});

describe("MAX_DOCUMENT_BYTES", () => {
  function run(req: Partial<Request>) {
    const answer: { status?: number; headers: Record<string, string>; body?: any; passed: boolean } = {
      headers: {},
      passed: false,
    };
    const res = {
      status(code: number) {
        answer.status = code;
        return res;
      },
      set(name: string, value: string) {
        answer.headers[name] = value;
        return res;
      },
      json(body: unknown) {
        answer.body = body;
        return res;
      },
    };
    limitDocumentSize(1024)(req as Request, res as unknown as Response, () => (answer.passed = true));
    return answer;
  }

  it("refuses a longer document, comments included, with 413 and what the limit is, before anything parses it", () => {
    const padded = `{ __typename } #${"x".repeat(2000)}`;
    const answer = run({ method: "POST", body: { query: padded } });
    expect(answer.passed).toBe(false);
    expect(answer.status).toBe(413);
    expect(answer.headers["cache-control"]).toBe("no-store");
    expect(answer.body.errors).toEqual([
      {
        message:
          "The GraphQL document is 2016 bytes long (comments included); at most 1024 are allowed " +
          "(MAX_DOCUMENT_BYTES): send large values as variables",
        extensions: { code: "DOCUMENT_TOO_LARGE", bytes: 2016, maxBytes: 1024 },
      },
    ]);
  });

  it("counts UTF-8 bytes, and checks GET parameters, registrations of persisted queries and batches alike", () => {
    const accented = `{ __typename } #${"é".repeat(600)}`; // 616 characters, 1,216 bytes
    expect(run({ method: "POST", body: { query: accented } }).body.errors[0].extensions.bytes).toBe(1216);
    expect(run({ method: "GET", query: { query: accented } }).status).toBe(413);
    expect(run({ method: "GET", query: { query: ["{ a }", accented] } }).status).toBe(413);
    const registration = { query: accented, extensions: { persistedQuery: { version: 1, sha256Hash: "0" } } };
    expect(run({ method: "POST", body: registration }).status).toBe(413);
    expect(run({ method: "POST", body: [{ query: "{ a }" }, { query: accented }] }).status).toBe(413);
  });

  it("lets documents up to the limit through, and requests without one (a persisted query's hash, no body)", () => {
    expect(run({ method: "POST", body: { query: `{ __typename } #${"x".repeat(1024 - 16)}` } }).passed).toBe(true);
    expect(run({ method: "GET", query: { extensions: "{}" } }).passed).toBe(true);
    expect(run({ method: "POST", body: undefined }).passed).toBe(true);
    expect(run({ method: "POST", body: { query: 42 } }).passed).toBe(true);
  });
});

describe("error locations of documents parsed without locations", () => {
  const schema = buildSchema(loadTypeDefs());
  const source = `# a comment\nquery {\n  person(id: "person:a") {\n    name\n    nope\n  }\n  alsoNope\n}`;

  it("are those a located parse gives, for validation errors", () => {
    const expected = validate(schema, parse(source)).map((e) => e.toJSON());
    expect(expected.map((e) => e.locations)).toEqual([[{ line: 5, column: 5 }], [{ line: 7, column: 3 }]]);
    const bare = parse(source, { noLocation: true });
    const errors = validate(schema, bare);
    expect(errors.map((e) => e.locations)).toEqual([undefined, undefined]);
    locateErrors(errors, bare, source);
    expect(errors.map((e) => e.toJSON())).toEqual(expected);
  });

  it("are those a located parse gives, for an error a resolver raises on a field", () => {
    const bare = parse(source, { noLocation: true });
    const operation = bare.definitions[0] as OperationDefinitionNode;
    const person = operation.selectionSet.selections[0] as FieldNode;
    const error = new GraphQLError("refused", { nodes: person, path: ["person"] });
    const located = new GraphQLError("other", { nodes: person, path: ["person"] });
    Object.assign(located, { locations: [{ line: 9, column: 9 }] });
    locateErrors([error, located, new GraphQLError("no nodes")], bare, source);
    expect(error.toJSON()).toEqual({ message: "refused", locations: [{ line: 3, column: 3 }], path: ["person"] });
    expect(located.locations).toEqual([{ line: 9, column: 9 }]);
  });
});
