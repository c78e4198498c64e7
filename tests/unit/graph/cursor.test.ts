// Opaque cursors: the sort key of the last row seen and the list it belongs to (list, order, filter hash), as
// base64url JSON; refused with CursorError when malformed or when they belong to another list.
import { CursorError, cursorScope, decodeCursor, encodeCursor } from "../../../src/graph/cursor";

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const people = cursorScope("people", {});
const use = "use a cursor from this list's edges or pageInfo (startCursor, endCursor)";

describe("cursors", () => {
  it("are the list, its order, a hash of its filter and the sort key, as base64url JSON without padding", () => {
    const cursor = encodeCursor(cursorScope("statements", { kind: "REPORTED" }, "SAID_ON_DESC"), ["2025-05-16", "s:a"]);
    expect(cursor).not.toMatch(/[=+/]/);
    expect(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"))).toEqual({
      list: "statements",
      order: "SAID_ON_DESC",
      filter: cursorScope("x", { kind: "REPORTED" }).filter,
      key: ["2025-05-16", "s:a"],
    });
    expect(people).toEqual({ list: "people", filter: expect.stringMatching(/^[\w-]{10}$/) });
  });

  it("decode to the key they were made from", () => {
    for (const key of [
      ["2025-05-16", "statement:a"],
      ["Çırağan", "venue:ciragan-palace"],
      [null, 3],
      ["", 0],
    ]) {
      expect(decodeCursor(encodeCursor(people, key), people, 2)).toEqual(key);
    }
  });

  it("hash a filter by its content: the order of its fields and unset fields do not matter", () => {
    expect(cursorScope("events", { from: "2025-01-01", venue: "venue:a" })).toEqual(
      cursorScope("events", { venue: "venue:a", from: "2025-01-01", to: null, name: undefined }),
    );
    expect(cursorScope("events", { from: "2025-01-01" })).not.toEqual(cursorScope("events", { to: "2025-01-01" }));
    expect(cursorScope("people", { name: "jane" })).not.toEqual(people);
  });

  it.each([
    ["empty", ""],
    ["not base64 JSON", "abc"],
    ["a key of another length", encodeCursor(people, [1, 2, 3])],
    ["an object without a key", base64url('{"list":"people","filter":"x"}')],
    ["a key with a boolean", base64url('{"list":"people","filter":"x","key":[true,"x"]}')],
    ["a key with an array", base64url('{"list":"people","filter":"x","key":[["x"],"y"]}')],
    ["a cursor from before cursors carried their list", base64url('["Jane Doe","person:jane-doe"]')],
  ])("refuse %s with CursorError, quoting the cursor", (_what, cursor) => {
    expect(() => decodeCursor(cursor, people, 2)).toThrow(CursorError);
    expect(() => decodeCursor(cursor, people, 2)).toThrow(
      `after: ${JSON.stringify(cursor)} is not a cursor of this list`,
    );
  });

  it("refuse a cursor of another list, order or filter, saying which", () => {
    const key = ["2025-05-16", "statement:a"];
    const statements = cursorScope("statements", {}, "SAID_ON_DESC");
    expect(() => decodeCursor(encodeCursor(statements, key), people, 2)).toThrow(
      `after: this cursor belongs to another list (statements); ${use}`,
    );
    expect(() => decodeCursor(encodeCursor(cursorScope("statements", {}, "SAID_ON_ASC"), key), statements, 2)).toThrow(
      `after: this cursor belongs to this list in another order (orderBy: SAID_ON_ASC); ${use}`,
    );
    expect(() =>
      decodeCursor(encodeCursor(cursorScope("statements", { kind: "REPORTED" }, "SAID_ON_DESC"), key), statements, 2),
    ).toThrow(`after: this cursor belongs to this list with another filter; ${use}`);
  });
});
