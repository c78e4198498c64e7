// For tests of live updates over the seeded graph: wait until a subscription is following the change log, and record
// a statement through the API as another client would.
import type { HttpServer } from "../../src/http/server";
import { post, TEST_TOKEN } from "./server";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once the process's tail has a subscriber and has read the log twice since: a write then reaches it. */
export async function subscriberFollowing(server: HttpServer, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (server.changeFeed.subscribers === 0) {
    if (Date.now() > deadline) throw new Error("no subscription joined the change log's tail");
    await sleep(10);
  }
  const queries = server.changeFeed.queries;
  while (server.changeFeed.queries < queries + 2) await sleep(10);
}

/** The seed's article and a span of it (a REPORTED statement needs no quoted words inside its span). */
const SEED_EVIDENCE = { source: "source:2025-06-02-istanbul-talks", start: 200, end: 321 };

/** Records a REPORTED statement by Zelenskyy with this text over HTTP with the token; returns its id. */
export function recordZelenskyyStatement(url: string, text: string): Promise<string> {
  return recordStatement(url, "person:volodymyr-zelenskyy", text);
}

/** Records a REPORTED statement by this seeded speaker, with this text, over HTTP with the token; returns its id. */
export async function recordStatement(url: string, speaker: string, text: string): Promise<string> {
  const response = await post(
    url,
    {
      query: "mutation ($input: RecordStatementInput!) { recordStatement(input: $input) { id } }",
      variables: {
        input: {
          speaker,
          kind: "REPORTED",
          text,
          saidOn: "2025-06-01",
          evidence: [SEED_EVIDENCE],
        },
      },
    },
    { authorization: `Bearer ${TEST_TOKEN}` },
  );
  if (response.status !== 200 || response.json?.errors) throw new Error(`recordStatement failed: ${response.text}`);
  return response.json.data.recordStatement.id as string;
}
