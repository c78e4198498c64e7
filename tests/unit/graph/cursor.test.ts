// Opaque cursors: the sort key of the last row seen, as base64url JSON, refused with CursorError when malformed.
import { CursorError, decodeCursor, encodeCursor } from "../../../src/graph/cursor";

const base64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");

describe("cursors", () => {
  it("are the sort key as base64url JSON, without padding", () => {
    expect(encodeCursor(["2025-05-16", "statement:zelenskyy-ceasefire"])).toBe(
      "WyIyMDI1LTA1LTE2Iiwic3RhdGVtZW50OnplbGVuc2t5eS1jZWFzZWZpcmUiXQ",
    );
    expect(encodeCursor(["Jane Doe", "person:jane-doe"])).toBe("WyJKYW5lIERvZSIsInBlcnNvbjpqYW5lLWRvZSJd");
    expect(encodeCursor([null, 3])).toBe("W251bGwsM10");
  });

  it("decode to the key they were made from", () => {
    for (const key of [
      ["2025-05-16", "statement:a"],
      ["Çırağan", "venue:ciragan-palace"],
      [null, 3],
      ["", 0],
    ]) {
      expect(decodeCursor(encodeCursor(key), 2)).toEqual(key);
    }
    expect(decodeCursor("W251bGwsM10", 2)).toEqual([null, 3]);
  });

  it.each([
    ["empty", ""],
    ["not base64 JSON", "abc"],
    ["a key of another length", encodeCursor([1, 2, 3])],
    ["an object", base64url('{"a":1}')],
    ["a key with a boolean", base64url('[true,"x"]')],
    ["a key with an array", base64url('[["x"],"y"]')],
  ])("refuse %s with CursorError, quoting the cursor", (_what, cursor) => {
    expect(() => decodeCursor(cursor, 2)).toThrow(CursorError);
    expect(() => decodeCursor(cursor, 2)).toThrow(`after: ${JSON.stringify(cursor)} is not a cursor of this list`);
  });
});
