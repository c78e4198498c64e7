// Evidence spans: inside the source text, and for a direct quotation around the quoted words; the same wording for
// the loader (one source, "the source text") and the mutations (the source named).
import { spanProblem } from "../../../src/domain/spans";

const TEXT = 'GENEVA: Jane Doe met the press. "We will sign on Friday," she said.';
const QUOTE = "We will sign on Friday";
const at = TEXT.indexOf(QUOTE);
const named = { id: "source:geneva-brief", text: TEXT };
const dataset = { text: TEXT };

describe("an evidence span", () => {
  it("holds when it covers the quoted words, or any text for a reported statement", () => {
    expect(spanProblem("DIRECT_QUOTE", QUOTE, named, { start: at - 1, end: at + QUOTE.length + 1 })).toBeUndefined();
    expect(spanProblem("DIRECT_QUOTE", QUOTE, dataset, { start: 0, end: TEXT.length })).toBeUndefined();
    expect(spanProblem("REPORTED", "Doe will sign", named, { start: 0, end: 5 })).toBeUndefined();
  });

  it("must start at 0 or later and end after it starts", () => {
    expect(spanProblem("REPORTED", "x", named, { start: -1, end: 5 })).toBe("start -1 must not be negative");
    expect(spanProblem("REPORTED", "x", named, { start: 5, end: 5 })).toBe("end 5 must be greater than start 5");
    expect(spanProblem("REPORTED", "x", dataset, { start: 9, end: 3 })).toBe("end 3 must be greater than start 9");
  });

  it("must end inside the text, which is named when the source has an id", () => {
    const span = { start: 10, end: 5000 };
    expect(spanProblem("REPORTED", "x", named, span)).toBe(
      `span 10-5000 is outside the text of source:geneva-brief (${TEXT.length} characters)`,
    );
    expect(spanProblem("REPORTED", "x", dataset, span)).toBe(
      `span 10-5000 is outside the source text (${TEXT.length} characters)`,
    );
    expect(spanProblem("REPORTED", "x", dataset, { start: 0, end: TEXT.length + 1 })).toMatch(/is outside/);
  });

  it("must hold a direct quotation's words, and says what it reads instead", () => {
    const span = { start: 0, end: 30 };
    expect(spanProblem("DIRECT_QUOTE", QUOTE, dataset, span)).toBe(
      'the quoted words "We will sign on Friday" are not inside the span 0-30, ' +
        'which reads "GENEVA: Jane Doe met the press"',
    );
    expect(spanProblem("DIRECT_QUOTE", QUOTE, named, span)).toBe(
      'the quoted words "We will sign on Friday" are not inside the span 0-30 of source:geneva-brief, ' +
        'which reads "GENEVA: Jane Doe met the press"',
    );
    const cut = { start: at, end: at + QUOTE.length - 1 };
    expect(spanProblem("DIRECT_QUOTE", QUOTE, named, cut)).toMatch(
      /^the quoted words "We will sign on Friday" are not/,
    );
  });
});
