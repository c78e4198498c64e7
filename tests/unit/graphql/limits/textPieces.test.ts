// Source.text(start, end): the piece a query asks for, at most 100,000 characters a call, and what it may cost.
import type { GraphQLError } from "graphql";
import { MAX_TEXT_PIECE, textPiece, textPieceSize } from "../../../../src/graphql/limits/textPieces";

/** The BAD_USER_INPUT error a piece is refused with, as message and field. */
function refusal(args: { start?: number | null; end?: number | null }) {
  try {
    textPiece("source:a", args);
  } catch (e) {
    const error = e as GraphQLError;
    return { message: error.message, code: error.extensions.code, field: error.extensions.field };
  }
  throw new Error("expected the piece to be refused");
}

describe("a piece of a source text", () => {
  it("runs from start to end, or up to 100,000 characters without an end", () => {
    expect(MAX_TEXT_PIECE).toBe(100_000);
    expect(textPiece("source:a", { start: 10, end: 25 })).toEqual({ id: "source:a", start: 10, length: 15 });
    expect(textPiece("source:a", {})).toEqual({ id: "source:a", start: 0, length: 100_000 });
    expect(textPiece("source:a", { start: 7, end: null })).toEqual({ id: "source:a", start: 7, length: 100_000 });
    expect(textPiece("source:a", { start: 0, end: 100_000 })).toEqual({ id: "source:a", start: 0, length: 100_000 });
    expect(textPiece("source:a", { start: 5, end: 5 })).toEqual({ id: "source:a", start: 5, length: 0 });
  });

  it("is refused with BAD_USER_INPUT for a negative start, an end before it, or more than 100,000 characters", () => {
    expect(refusal({ start: -1 })).toEqual({
      message: "start must be 0 or more, got -1",
      code: "BAD_USER_INPUT",
      field: "start",
    });
    expect(refusal({ start: 10, end: 9 })).toEqual({
      message: "end (9) must not be before start (10)",
      code: "BAD_USER_INPUT",
      field: "end",
    });
    expect(refusal({ start: 0, end: 200_000 })).toEqual({
      message:
        "text(start: 0, end: 200000) asks for 200000 characters; at most 100000 are returned a call: " +
        "read long texts in pieces",
      code: "BAD_USER_INPUT",
      field: "end",
    });
  });

  it("costs what it can return, for the cost estimate, whatever the arguments", () => {
    expect(textPieceSize({ start: 10, end: 25 })).toBe(15);
    expect(textPieceSize({})).toBe(100_000);
    expect(textPieceSize({ start: 0, end: 5_000_000 })).toBe(100_000);
    expect(textPieceSize({ start: 30, end: 10 })).toBe(0);
  });
});
