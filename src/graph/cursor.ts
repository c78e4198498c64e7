// Opaque, stable cursors: the sort key of the last row seen (keyset pagination), so inserts never shift pages.

export function encodeCursor(key: (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

export class CursorError extends Error {}

export function decodeCursor(cursor: string, length: number): (string | number | null)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((k) => k === null || ["string", "number"].includes(typeof k))
    ) {
      return key as (string | number | null)[];
    }
  } catch {
    // fall through
  }
  throw new CursorError(`after: ${JSON.stringify(cursor)} is not a cursor of this list`);
}
