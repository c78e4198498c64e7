// The server's logger: structured JSON lines (pino) in production, short readable lines in development.
import { Writable } from "node:stream";
import pino, { type Logger } from "pino";

export type { Logger };

const LEVELS: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/** Formats pino's JSON lines as "level message key=value …" for people reading a terminal. */
function readableStream(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
        try {
          const {
            level,
            msg,
            time: _time,
            pid: _pid,
            hostname: _hostname,
            ...rest
          } = JSON.parse(line) as Record<string, unknown>;
          const fields = Object.entries(rest)
            .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
            .join(" ");
          const prefix = level === 30 ? "" : `${LEVELS[level as number] ?? level}: `;
          process.stdout.write(`${prefix}${msg ?? ""}${fields ? ` (${fields})` : ""}\n`);
        } catch {
          process.stdout.write(`${line}\n`);
        }
      }
      done();
    },
  });
}

/**
 * JSON lines to stdout go out in batches of about 4 KB, or every 200 ms: in production every request logs a line, and
 * a write per line cost a look-up ~0.1 ms of Node CPU (`npm run bench:cpu -- --question lookup`: 1.17 s of fs writes
 * in the profile, 0.18 s batched; 3.0 against 2.5 ms per request in all, on a noisy machine). The event loop never
 * waits on stdout either. One write holds only whole lines, never more than 4096 bytes: the workers of WORKERS=N share
 * stdout, and a pipe keeps writes up to that size whole. Pino writes what is left when the process exits; lines a
 * reader waits for (the server is ready) are flushed at once.
 */
export function createLogger(options: { level: "silent" | "error" | "info" | "debug"; json: boolean }): Logger {
  if (options.level === "silent") return pino({ level: "silent" });
  const stream = options.json
    ? pino.destination({ dest: 1, sync: false, minLength: 4000, maxWrite: 4096, periodicFlush: 200 })
    : readableStream();
  return pino({ level: options.level, base: undefined }, stream);
}
