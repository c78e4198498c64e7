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
 * JSON lines to stdout are written asynchronously: a synchronous write per line (pino's default) cost a look-up in
 * production, where every request logs a line, 6 % of its Node CPU in the profile (`npm run bench:cpu -- --question
 * lookup`: 2.99 ms per request, 2.21 ms without it); lines logged meanwhile now go out together. One write holds only
 * whole lines, never more than 4096 bytes: the workers of WORKERS=N share stdout, and a pipe keeps writes up to that
 * size whole. Pino flushes what is left when the process exits.
 */
export function createLogger(options: { level: "silent" | "error" | "info" | "debug"; json: boolean }): Logger {
  const stream = options.json ? pino.destination({ dest: 1, sync: false, maxWrite: 4096 }) : readableStream();
  return pino({ level: options.level, base: undefined }, stream);
}
