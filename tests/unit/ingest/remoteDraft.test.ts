// npm run ingest's call to the server: a server that takes the article and works on it is "still extracting", not
// absent; nothing listening is "no server" (the CLI then drafts locally); a server that never answers is an error.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { remoteDraft } from "../../../src/ingest/drafting/remoteDraft";

function slowServer(answerAfterMs: number): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((req, res) => {
    req.resume();
    setTimeout(() => {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({ data: { ingestArticle: { dataset: {}, unattributed: [], import: { resolution: [] } } } }),
      );
    }, answerAfterMs);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        close: () => server.close(),
      }),
    ),
  );
}

it("says it is still extracting while the server works, then takes the server's answer", async () => {
  const server = await slowServer(700);
  const waited: number[] = [];
  try {
    await expect(
      remoteDraft(server.url, "text", { publishedOn: "2025-06-02" }, { everyMs: 200, waiting: (s) => waited.push(s) }),
    ).rejects.toThrow(/dataset refused/); // {} is not a dataset: the server's answer was read and judged
    expect(waited.length).toBeGreaterThanOrEqual(2);
  } finally {
    server.close();
  }
});

it("is an error, not 'no server', when the server takes the article and never answers in time", async () => {
  const server = await slowServer(5_000);
  try {
    await expect(remoteDraft(server.url, "text", { publishedOn: "2025-06-02" }, { timeoutMs: 300 })).rejects.toThrow(
      /took the article but did not answer within/,
    );
  } finally {
    server.close();
  }
});

it("is undefined (no server) when nothing listens", async () => {
  expect(await remoteDraft("http://127.0.0.1:9/graphql", "text", { publishedOn: "2025-06-02" })).toBeUndefined();
});
