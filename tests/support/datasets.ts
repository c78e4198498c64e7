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

/**
 * A dataset of n reported statements by three speakers, at two venues, each mentioning two entities, with dates
 * spread over 2024 (several on the same day, so pagination must break ties; a few undated) and evidence in one
 * generated article.
 */
export function manyStatements(n: number) {
  const sentences: string[] = [];
  const statements = [];
  let text = "";
  for (let i = 0; i < n; i++) {
    const sentence = `Speaker ${i % 3} said thing number ${i} about the ceasefire. `;
    const start = text.length;
    text += sentence;
    sentences.push(sentence);
    const day = String(1 + (i % 28)).padStart(2, "0");
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, "0");
    statements.push({
      id: `statement:many-${String(i).padStart(4, "0")}`,
      speaker: `person:speaker-${i % 3}`,
      text: `Thing number ${i}`,
      kind: "REPORTED",
      // Every 25th statement is undated: pages must run on past the dated ones.
      ...(i % 25 === 7 ? {} : { saidOn: `2024-${month}-${day}`, datePrecision: "DAY" }),
      venue: i % 2 === 0 ? "venue:hall-a" : "venue:hall-b",
      mentions: [`person:speaker-${(i + 1) % 3}`, "state:xa"],
      evidence: [{ start, end: start + sentence.length - 1 }],
    });
  }
  return {
    source: { id: "source:many", title: "Many statements", publishedOn: "2025-01-01", text },
    people: [0, 1, 2].map((k) => ({ id: `person:speaker-${k}`, name: `Speaker ${k}` })),
    states: [{ id: "state:xa", name: "Exampleland", isoCode: "XA" }],
    venues: [
      { id: "venue:hall-a", name: "Hall A", kind: "building" },
      { id: "venue:hall-b", name: "Hall B", kind: "building" },
    ],
    statements,
  };
}
