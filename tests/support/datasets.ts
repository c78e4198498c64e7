// Small datasets built in code, for loader tests: a two-sentence article with one speaker.
export const TINY_TEXT = 'GENEVA: Jane Doe met the press. "We will sign on Friday," Doe said on Monday.';

export function tinyDataset(overrides: Record<string, unknown> = {}) {
  const quote = "We will sign on Friday";
  const start = TINY_TEXT.indexOf(`"${quote}`);
  return {
    source: { id: "source:tiny", title: "Tiny", publishedOn: "2025-03-04", dateline: "GENEVA", text: TINY_TEXT },
    people: [{ id: "person:jane-doe", name: "Jane Doe", aliases: ["Doe"] }],
    venues: [{ id: "venue:geneva", name: "Geneva", kind: "city" }],
    statements: [
      {
        id: "statement:doe-will-sign",
        speaker: "person:jane-doe",
        text: quote,
        kind: "DIRECT_QUOTE",
        saidOn: "2025-03-03",
        datePrecision: "DAY",
        venue: "venue:geneva",
        evidence: [{ start, end: TINY_TEXT.length }],
      },
    ],
    ...overrides,
  };
}

/** The tiny dataset with its first statement changed. */
export function withStatement(change: Record<string, unknown>) {
  const dataset = tinyDataset();
  return { ...dataset, statements: [{ ...dataset.statements[0]!, ...change }] };
}
