// Opaque, stable cursors: the sort key of the last row seen (keyset pagination), so inserts never shift pages, and the
// list it belongs to (which list, its order, its filter), so a cursor passed to another list is refused, not obeyed.
import crypto from "node:crypto";

export type CursorKey = (string | number | null)[];

/** What a cursor belongs to; two lists with the same scope sort the same rows the same way. */
export interface CursorScope {
  /** The list as the API names it: "people", "statements", "Venue.statements", … */
  list: string;
  /** Its orderBy, for lists that take one. */
  order?: string;
  /** A short hash of its filter. */
  filter: string;
}

/** Canonical text of a filter: keys sorted, unset (null or missing) fields left out, so {} and {kind: null} agree. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const fields = Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function cursorScope(list: string, filter: object, order?: string): CursorScope {
  const hash = crypto.createHash("sha256").update(canonical(filter)).digest("base64url").slice(0, 10);
  return order === undefined ? { list, filter: hash } : { list, order, filter: hash };
}

interface Cursor extends CursorScope {
  key: CursorKey;
}

export function encodeCursor(scope: CursorScope, key: CursorKey): string {
  const cursor: Cursor = { ...scope, key };
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** The argument a cursor came in. */
export type CursorArgument = "after" | "before";

/** A cursor the client got wrong, with the argument it came in. */
export class CursorError extends Error {
  constructor(
    message: string,
    readonly argument: CursorArgument = "after",
  ) {
    super(message);
  }
}

function parse(cursor: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<Cursor> | null;
    const isKey = (key: unknown): key is CursorKey =>
      Array.isArray(key) && key.every((k) => k === null || ["string", "number"].includes(typeof k));
    if (
      c &&
      typeof c === "object" &&
      typeof c.list === "string" &&
      typeof c.filter === "string" &&
      (c.order === undefined || typeof c.order === "string") &&
      isKey(c.key)
    ) {
      return c as Cursor;
    }
  } catch {
    // fall through
  }
  return null;
}

const USE_THIS_LIST = "use a cursor from this list's edges or pageInfo (startCursor, endCursor)";

/**
 * The sort key in a cursor of this list (`length` values); CursorError, in words for the client, when the text is no
 * cursor (cursors made before they carried their list are refused too) or belongs to another list, order or filter.
 */
export function decodeCursor(
  cursor: string,
  scope: CursorScope,
  length: number,
  argument: CursorArgument = "after",
): CursorKey {
  const refuse = (why: string) => new CursorError(`${argument}: ${why}`, argument);
  const c = parse(cursor);
  if (!c || c.key.length !== length) throw refuse(`${JSON.stringify(cursor)} is not a cursor of this list`);
  if (c.list !== scope.list) throw refuse(`this cursor belongs to another list (${c.list}); ${USE_THIS_LIST}`);
  if (c.order !== scope.order) {
    throw refuse(`this cursor belongs to this list in another order (orderBy: ${c.order}); ${USE_THIS_LIST}`);
  }
  if (c.filter !== scope.filter) throw refuse(`this cursor belongs to this list with another filter; ${USE_THIS_LIST}`);
  return c.key;
}
