// Issue 30, finding 4: 4,690 distinct queries padded with 900 KB comments put Node out of memory, because Apollo's
// document cache sized a parsed document by its AST's JSON while the document held its whole text (comments are no
// tokens, so MAX_TOKENS let them through), and automatic persisted queries grew memory the same way. Now a document
// longer than MAX_DOCUMENT_BYTES is refused before it is parsed, and what is parsed is cached within real bytes.
import crypto from "node:crypto";
import http from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { loadConfig } from "../../src/config";
import type { HttpServer } from "../../src/http/server";
import { connectTestDatabase } from "../support/database";
import { post, startTestServer } from "../support/server";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
const MB = 1024 * 1024;
const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");
/**
 * Distinct queries of 0.9 MB, nearly all of it a comment: this text and a number. The alias is long enough for V8 to
 * keep it as a slice of the text, so a parsed document holds the whole text even without locations.
 */
const PADDED = `{ typename_under_a_long_alias: __typename } # ${"x".repeat(900_000)} `;
const padded = (i: number) => `${PADDED}${i}`;
/** The hash of padded(i), without hashing 0.9 MB each time. */
const paddedHashes = crypto.createHash("sha256").update(PADDED);
const paddedHash = (i: number) => paddedHashes.copy().update(String(i)).digest("hex");
/** The JSON body {"query": padded(i), ...rest} in three pieces, the large one the same Buffer for every request. */
const PADDED_JSON = Buffer.from(JSON.stringify(PADDED).slice(0, -1));
function paddedBody(i: number, rest: Record<string, unknown> = {}): Buffer[] {
  const tail = JSON.stringify(rest).slice(1);
  return [Buffer.from('{"query":'), PADDED_JSON, Buffer.from(`${i}"${tail === "}" ? "}" : `,${tail}`}`)];
}

/** A POST of a body in pieces (fetch would copy and re-encode 0.9 MB for each request): its status and JSON. */
function postPieces(url: string, pieces: Buffer[]): Promise<{ status: number; json: any }> {
  const length = pieces.reduce((sum, piece) => sum + piece.length, 0);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", headers: { "content-type": "application/json", "content-length": length } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    request.on("error", reject);
    for (const piece of pieces) request.write(piece);
    request.end();
  });
}

const db = connectTestDatabase();
const servers: HttpServer[] = [];
async function serve(env: Record<string, string> = {}): Promise<string> {
  const config = loadConfig(env);
  const server = await startTestServer(db, {
    apollo: { limits: config.limits, introspection: true, production: false, logError: () => {} },
  });
  servers.push(server);
  return server.url;
}
afterAll(async () => {
  for (const server of servers) await server.stop();
  await db.close();
});

function memory() {
  gc();
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

/** Sends `count` bodies made by `body`, `concurrency` at a time; returns each answer's status and errors. */
async function flood(url: string, count: number, body: (i: number) => Buffer[], concurrency = 8) {
  const answers: { status: number; errors?: { message: string; extensions: Record<string, unknown> }[] }[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const { status, json } = await postPieces(url, body(i));
      answers[i] = { status, errors: json?.errors };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return answers;
}

const log = (line: string) => {
  if (process.env.SHOW_MEMORY) process.stderr.write(`${line}\n`);
};
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

it("refuses 1,000 distinct 0.9 MB comment-padded queries and registrations unparsed, in bounded memory", async () => {
  const url = await serve();
  await post(url, { query: "{ __typename }" });
  const before = memory();
  const started = performance.now();
  const answers = await flood(url, 1000, (i) =>
    // Every other one registers an automatic persisted query, with the text's true hash.
    paddedBody(i, i % 2 === 0 ? {} : { extensions: { persistedQuery: { version: 1, sha256Hash: paddedHash(i) } } }),
  );
  const after = memory();
  log(
    `1,000 refusals in ${Math.round(performance.now() - started)} ms: rss ${mb(before.rss)} → ${mb(after.rss)}, ` +
      `heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`,
  );
  const bytes = Buffer.byteLength(padded(0));
  expect(answers[0]).toEqual({
    status: 413,
    errors: [
      {
        message:
          `The GraphQL document is ${bytes} bytes long (comments included); at most 65536 are allowed ` +
          "(MAX_DOCUMENT_BYTES): send large values as variables",
        extensions: { code: "DOCUMENT_TOO_LARGE", bytes, maxBytes: 65536 },
      },
    ],
  });
  for (const answer of answers) {
    expect(answer.status).toBe(413);
    expect(answer.errors?.[0]?.extensions.code).toBe("DOCUMENT_TOO_LARGE");
  }
  // The goal is 400 MB of resident memory at most; nothing of the refused texts is kept.
  expect(after.rss - before.rss).toBeLessThan(400 * MB);
  expect(after.heapUsed - before.heapUsed).toBeLessThan(50 * MB);
  // None of them was registered: asking by hash finds nothing.
  const byHash = await post(url, { extensions: { persistedQuery: { version: 1, sha256Hash: paddedHash(1) } } });
  expect(byHash.json.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
}, 60_000);

it("applies the cap to GET parameters as well, and answers documents within it", async () => {
  const url = await serve({ MAX_DOCUMENT_BYTES: "4096" });
  const long = `{ __typename } #${"y".repeat(5000)}`;
  const refused = await fetch(`${url}?query=${encodeURIComponent(long)}`);
  expect(refused.status).toBe(413);
  expect(((await refused.json()) as any).errors[0].extensions).toEqual({
    code: "DOCUMENT_TOO_LARGE",
    bytes: 5016,
    maxBytes: 4096,
  });
  const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(long) } });
  const registration = await fetch(`${url}?query=${encodeURIComponent(long)}&extensions=${extensions}`);
  expect(registration.status).toBe(413);
  const short = `{ __typename } #${"y".repeat(3000)}`;
  const answered = await fetch(`${url}?query=${encodeURIComponent(short)}`);
  expect(answered.status).toBe(200);
  expect(await answered.json()).toEqual({ data: { __typename: "Query" } });
});

it("keeps parsed documents and persisted queries within their bytes when large documents are allowed", async () => {
  // With the cap raised past the padded texts, every one is parsed, validated, run and cached: the caches must
  // forget them by their real size (before, 200 of them kept 180 MB of text alive).
  const url = await serve({ MAX_DOCUMENT_BYTES: "1048576" });
  const before = memory();
  const started = performance.now();
  const answers = await flood(url, 200, (i) =>
    paddedBody(i, i % 2 === 0 ? {} : { extensions: { persistedQuery: { version: 1, sha256Hash: paddedHash(i) } } }),
  );
  const after = memory();
  log(
    `200 cached 0.9 MB documents in ${Math.round(performance.now() - started)} ms: rss ${mb(before.rss)} → ` +
      `${mb(after.rss)}, heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`,
  );
  for (const answer of answers) expect(answer.status).toBe(200);
  // The document cache counts 32 MB at most and the persisted queries' 16 MB.
  expect(after.heapUsed - before.heapUsed).toBeLessThan(80 * MB);
}, 60_000);

it("answers errors with the locations a located parse gives, though documents are parsed without them", async () => {
  const url = await serve();
  const query = "# a comment\nquery {\n  __typename\n  nope\n}";
  for (let i = 0; i < 2; i++) {
    const { status, json } = await post(url, { query });
    expect(status).toBe(400);
    expect(json.errors).toEqual([
      {
        message: 'Cannot query field "nope" on type "Query". Did you mean "node"?',
        locations: [{ line: 4, column: 3 }],
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      },
    ]);
  }
  const resolverError = await post(url, { query: "{\n  __typename\n  statements(first: 500) { totalCount }\n}" });
  expect(resolverError.json.errors[0]).toMatchObject({
    message: expect.stringMatching(/first must be between 0 and 100/),
    locations: [{ line: 3, column: 3 }],
    path: ["statements"],
  });
});
