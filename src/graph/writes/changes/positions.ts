// A change's cursor: its position in the log, opaque to clients. One cursor works in every list of changes (changes
// with any filter, a history, later a subscription), because a position means the same everywhere.
import { CursorError } from "../../cursor";

const PREFIX = "change:";

export function encodePosition(seq: number): string {
  return Buffer.from(`${PREFIX}${seq}`, "utf8").toString("base64url");
}

/** The position in a cursor; CursorError naming the argument when the text is no change's cursor. */
export function decodePosition(cursor: string, argument: "after" | "before"): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const seq = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 0) {
    const why = `${argument}: ${JSON.stringify(cursor)} is not a cursor of a change (use a Change's cursor)`;
    throw new CursorError(why, argument);
  }
  return seq;
}
