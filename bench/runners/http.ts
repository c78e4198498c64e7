// Child process: HTTP load with autocannon (fixed connections, fixed time). Latency is taken from every response with
// sub-millisecond precision (autocannon's own histogram rounds to whole milliseconds).
import autocannon from "autocannon";
import { serveParent } from "../ipc/child";
import { summarise, type HttpBurst, type Measurement } from "./job";

function fire(job: HttpBurst): Promise<Measurement> {
  const latencies: number[] = [];
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: job.body,
        connections: job.connections,
        duration: job.durationS,
        // A 200 answer carrying GraphQL errors is a failure too.
        verifyBody: (body) => !String(body).includes('"errors"'),
      },
      (error, result) => {
        if (error) return reject(error);
        const measuredMs = performance.now() - started;
        resolve(
          summarise(
            latencies,
            measuredMs,
            result.errors + result.timeouts + result.non2xx + result.mismatches,
            result.non2xx,
          ),
        );
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
  });
}

serveParent({ run: (job: HttpBurst): Promise<Measurement> => fire(job) });
