// The scans that replaced end-anchored patterns, and the binary searches that replaced scans per quotation.
import { containing, lastStartingBy, overlapping } from "../../../src/ingest/text/layout";
import { piecesOf, trimEdges, withoutHandover } from "../../../src/ingest/text/windows";

it("trims punctuation and white space at both ends only", () => {
  expect(trimEdges(" ,; Anna Kovacs, the minister — ", ",;:—–-")).toBe("Anna Kovacs, the minister");
  expect(trimEdges("\t".repeat(100_000) + "x", ",")).toBe("x");
  expect(trimEdges(",,,", ",")).toBe("");
});

it("drops the one mark that hands a quotation over to its attribution", () => {
  expect(withoutHandover("We will not give up,")).toBe("We will not give up");
  expect(withoutHandover("We will not give up   —")).toBe("We will not give up");
  expect(withoutHandover("We will not give up.")).toBe("We will not give up.");
  expect(withoutHandover("")).toBe("");
});

it("cuts a text into pieces no longer than asked, at a line break or a space where it can", () => {
  const text = "Anna said so.\n" + "word ".repeat(2000) + "x".repeat(9000);
  const pieces = piecesOf(text, 4000);
  expect(pieces.join("")).toBe(text);
  for (const p of pieces) expect(p.length).toBeLessThanOrEqual(4000);
  expect(pieces[0]!.endsWith(" ") || pieces[0]!.endsWith("\n")).toBe(true);
  expect(piecesOf("short", 4000)).toEqual(["short"]);
});

it("finds spans by offset with a binary search", () => {
  const spans = [
    { start: 0, end: 5 },
    { start: 7, end: 10 },
    { start: 10, end: 20 },
  ];
  expect(lastStartingBy(spans, -1)).toBe(-1);
  expect(lastStartingBy(spans, 9)).toBe(1);
  expect(containing(spans, 6)).toBeUndefined();
  expect(containing(spans, 10)).toBe(spans[2]);
  expect(overlapping(spans, { start: 4, end: 11 })).toEqual(spans);
  expect(overlapping(spans, { start: 5, end: 7 })).toEqual([]);
});
