// Child process: HTTP load with autocannon (fixed connections, fixed time, after a warm-up). Latency is taken from every
// response with sub-millisecond precision (autocannon's own histogram rounds to whole milliseconds).
import autocannon from "autocannon";
import { serveParent } from "../ipc/child";
import { summarise, type HttpJob, type Measurement } from "./job";

function fire(job: HttpJob, seconds: number): Promise<Measurement> {
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
        duration: seconds,
        // A 200 answer carrying GraphQL errors is a failure too.
        verifyBody: (body) => !String(body).includes('"errors"'),
      },
      (error, result) => {
        if (error) return reject(error);
        const measuredMs = performance.now() - started;
        resolve(summarise(latencies, measuredMs, result.errors + result.timeouts + result.non2xx + result.mismatches, result.non2xx));
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTimeMs) => latencies.push(responseTimeMs));
  });
}

serveParent({
  async run(job: HttpJob): Promise<Measurement> {
    if (job.warmupS > 0) await fire(job, job.warmupS);
    return fire(job, job.durationS);
  },
});
