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

export function createLogger(options: { level: "silent" | "error" | "info" | "debug"; json: boolean }): Logger {
  return pino({ level: options.level, base: undefined }, options.json ? pino.destination(1) : readableStream());
}
