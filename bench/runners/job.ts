// Load at fixed concurrency for a fixed time (a burst; a measurement is one burst after a warm-up burst), and what
// measuring it gives.
export interface Burst {
  connections: number;
  durationS: number;
}

export interface LoadJob extends Burst {
  /** Load before the measured burst, not measured. */
  warmupS: number;
}

export interface HttpBurst extends Burst {
  url: string;
  /** The JSON body: one GraphQL operation with its variables. */
  body: string;
}

export interface CypherBurst extends Burst {
  cypher: string;
  params: Record<string, unknown>;
}

export interface Measurement {
  requests: number;
  /** Requests per second over the measured time. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** Failed requests: connection errors, timeouts, non-2xx answers and 2xx answers with GraphQL errors. */
  errors: number;
  non2xx: number;
}

/** Latency percentiles by nearest rank; latencies in ms, measured time in ms. */
export function summarise(latencies: number[], measuredMs: number, errors: number, non2xx: number): Measurement {
  const sorted = Float64Array.from(latencies).sort();
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    requests: sorted.length,
    rps: sorted.length / (measuredMs / 1000),
    p50Ms: rank(50),
    p99Ms: rank(99),
    meanMs: sorted.length ? sum / sorted.length : 0,
    maxMs: sorted.length ? (sorted[sorted.length - 1] ?? 0) : 0,
    errors,
    non2xx,
  };
}
