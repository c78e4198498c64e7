// Child process of bench/soak.ts: autocannon cycling through a mix of GraphQL queries; reports to the parent.
import autocannon from "autocannon";

const [url, connections, duration, mix, rate] = process.argv.slice(2) as [string, string, string, string, string?];
const queries = JSON.parse(mix) as string[];
const latencies: number[] = [];
// autocannon's clients each send the requests in order, one at a time: a client's n-th answer is to query n mod length.
const byQuery: number[][] = queries.map(() => []);
const answered = new Map<unknown, number>();
// And by when they were answered, in windows of 5 s from the start: how long the first minute stays slower.
const WINDOW_MS = 5000;
const started = Date.now();
const byWindow: number[][] = [];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

// autocannon also takes `requests` (a cycle of request bodies), which bench/types/autocannon.d.ts leaves out.
const options = {
  url,
  method: "POST" as const,
  connections: Number(connections),
  duration: Number(duration),
  headers: { "content-type": "application/json" },
  requests: queries.map((query) => ({ method: "POST", body: JSON.stringify({ query }) })),
  // An open load: this many requests per second in all, however fast the server answers.
  ...(Number(rate) > 0 ? { overallRate: Number(rate) } : {}),
  // A GraphQL error comes with status 200: a body with "errors" counts as a mismatch.
  verifyBody: (body: string) => !body.includes('"errors"'),
};

const instance = autocannon(options as Parameters<typeof autocannon>[0], (error, result) => {
  if (error) throw error;
  const sorted = latencies.sort((a, b) => a - b);
  process.send?.({
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    errors: result.errors + result.mismatches,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    byQuery: byQuery.map((list) => {
      const q = list.sort((a, b) => a - b);
      return { requests: q.length, p50: percentile(q, 50), p99: percentile(q, 99), max: q.at(-1) ?? 0 };
    }),
    byWindow: [...byWindow].map((list) => {
      const q = (list ?? []).sort((a, b) => a - b);
      return { requests: q.length, p50: percentile(q, 50), p99: percentile(q, 99), max: q.at(-1) ?? 0 };
    }),
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([status, stats]) => [status, stats.count]),
    ),
  });
  process.exit(0);
});
instance.on("response", (client, _status, _bytes, responseTimeMs) => {
  latencies.push(responseTimeMs);
  const n = answered.get(client) ?? 0;
  answered.set(client, n + 1);
  byQuery[n % queries.length]!.push(responseTimeMs);
  (byWindow[Math.floor((Date.now() - started) / WINDOW_MS)] ??= []).push(responseTimeMs);
});
