// Child process of bench/hostile.ts: normal clients cycling through ordinary queries while one attacker cycles through
// the audit's attacks (or none, for the baseline); reports latencies and outcomes to the parent. Its own process, so
// that parsing the attackers' large answers does not stall the server's event loop.
import { ATTACKS, NORMAL_QUERIES } from "./hostile/attacks";
import { send } from "./hostile/world";

const [url, connectionsArg, durationArg, attackArg] = process.argv.slice(2) as [string, string, string, string];
const deadline = Date.now() + Number(durationArg) * 1000;

export interface ClientReport {
  normal: { requests: number; p50: number; p90: number; p99: number; max: number; errors: Record<string, number> };
  attacks: {
    name: string;
    sent: number;
    answered: number;
    refused: Record<string, number>;
    p50: number;
    max: number;
    maxBytes: number;
  }[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function normalClient(latencies: number[], errors: Record<string, number>, offset: number): Promise<void> {
  for (let i = offset; Date.now() < deadline; i++) {
    const outcome = await send(url, { query: NORMAL_QUERIES[i % NORMAL_QUERIES.length]! }).catch(() => undefined);
    if (!outcome) {
      errors.NETWORK = (errors.NETWORK ?? 0) + 1;
      continue;
    }
    latencies.push(outcome.ms);
    for (const code of outcome.codes) errors[code] = (errors[code] ?? 0) + 1;
    if (outcome.status >= 500) errors[`HTTP_${outcome.status}`] = (errors[`HTTP_${outcome.status}`] ?? 0) + 1;
  }
}

async function attacker(report: ClientReport["attacks"]): Promise<void> {
  const times = ATTACKS.map(() => [] as number[]);
  for (let i = 0; Date.now() < deadline; i++) {
    const index = i % ATTACKS.length;
    const attack = ATTACKS[index]!;
    const entry = report[index]!;
    const outcomes = await Promise.all(
      Array.from({ length: attack.concurrency }, () => send(url, attack.body()).catch(() => undefined)),
    );
    for (const outcome of outcomes) {
      entry.sent += 1;
      if (!outcome) {
        entry.refused.NETWORK = (entry.refused.NETWORK ?? 0) + 1;
        continue;
      }
      times[index]!.push(outcome.ms);
      entry.maxBytes = Math.max(entry.maxBytes, outcome.bytes);
      if (outcome.codes.length === 0) entry.answered += 1;
      for (const code of outcome.codes) entry.refused[code] = (entry.refused[code] ?? 0) + 1;
    }
  }
  report.forEach((entry, i) => {
    const sorted = times[i]!.sort((a, b) => a - b);
    entry.p50 = Math.round(percentile(sorted, 50));
    entry.max = Math.round(sorted[sorted.length - 1] ?? 0);
  });
}

async function main(): Promise<void> {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  const attacks: ClientReport["attacks"] = ATTACKS.map((a) => ({
    name: a.name,
    sent: 0,
    answered: 0,
    refused: {},
    p50: 0,
    max: 0,
    maxBytes: 0,
  }));
  await Promise.all([
    ...Array.from({ length: Number(connectionsArg) }, (_v, i) => normalClient(latencies, errors, i)),
    ...(attackArg === "attack" ? [attacker(attacks)] : []),
  ]);
  const sorted = latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const report: ClientReport = {
    normal: {
      requests: sorted.length,
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? 0),
      errors,
    },
    attacks,
  };
  process.send?.(report);
}

void main();
