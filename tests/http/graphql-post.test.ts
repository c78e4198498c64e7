// The common POST (JSON body of known length to /graphql) is served without Express (src/http/graphqlPost.ts): it must
// answer exactly as the Express route does. A query string sends the same request through Express, for comparison.
import { seededServer } from "../support/server";

const server = seededServer();

/** Headers that differ between any two answers (or that only Express adds to a POST's answer). */
const PER_ANSWER = new Set(["date", "x-request-id", "etag", "keep-alive", "connection"]);

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const kept = [...response.headers].filter(([name]) => !PER_ANSWER.has(name));
  const answer = { status: response.status, headers: Object.fromEntries(kept), text: await response.text() };
  return { answer, requestId: response.headers.get("x-request-id") };
}

const both = (body: string, headers?: Record<string, string>) =>
  Promise.all([post(server.url, body, headers), post(`${server.url}?via=express`, body, headers)]);

describe("a JSON POST served straight from node:http", () => {
  it("answers a query with the same status, headers and body as through Express", async () => {
    const [fast, express] = await both(JSON.stringify({ query: "{ people(first: 2) { nodes { id name } } }" }));
    expect(fast.answer.status).toBe(200);
    expect(fast.answer).toEqual(express.answer);
    expect(fast.answer.headers.vary).toBe("Accept, Accept-Encoding, Authorization, Neo4j-Bookmark");
    expect(fast.requestId).toMatch(/^[\w-]+$/);
  });

  it("keeps the client's request id", async () => {
    const [fast] = await both(JSON.stringify({ query: "{ __typename }" }), { "x-request-id": "client-42" });
    expect(fast.requestId).toBe("client-42");
  });

  it("answers GraphQL errors, an empty body and a document over the limit as Express does", async () => {
    for (const body of [
      JSON.stringify({ query: "{ nope }" }),
      "",
      JSON.stringify({ query: `{ __typename }${" ".repeat(300_000)}` }),
    ]) {
      const [fast, express] = await both(body);
      expect(fast.answer).toEqual(express.answer);
    }
  });

  it("refuses a body that is not JSON with the same code and message start", async () => {
    const [fast, express] = await both('{"query": "{ __typename }"');
    expect(fast.answer.status).toBe(400);
    expect(express.answer.status).toBe(400);
    const message = (text: string) => (JSON.parse(text) as { errors: { message: string }[] }).errors[0]!.message;
    expect(message(fast.answer.text)).toMatch(/^The request body is not valid JSON/);
    expect(message(express.answer.text)).toMatch(/^The request body is not valid JSON/);
  });
});
