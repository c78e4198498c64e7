// The extractor on texts made to be slow: runs of initials, honorifics, quotation marks of every kind, capitalised
// words joined by hyphens and apostrophes, unclosed quotations, white space and punctuation, and random mixes of them
// (fast-check). Each must finish in its extraction thread well inside the deadline, and be a draft the loader takes.
// How long the worst shape takes per KB next to a normal article is measured by bench/ingestHostile.ts, not here.
import fc from "fast-check";
import { ExtractionPool } from "../../../src/ingest/drafting/extractionPool";
import { ingestText } from "../../../src/ingest/ingest";

const UNITS = [
  "A. ",
  "Dr. Mr. Mrs. Prof. ",
  "\"a\" 'b' “c” ‘d’ «e» ",
  "Anna Kovacs Jan Novak ",
  "Jean-Luc O'Neil-Smith ",
  'He said: "We will ',
  " \t\n",
  ", ",
  "—",
  "Kovacs said, ",
  '"We will go on," Kovacs said. ',
  "A.B.C.D. ",
  "When asked, ",
];

// One thread with the server's defaults, but a deadline the unit tier can afford to wait for.
const pool = new ExtractionPool({ threads: 1, timeoutMs: 15_000, memoryMb: 256, maxQueued: 100, queueWaitMs: 60_000 });
afterAll(() => pool.close());

it("drafts the 110-character ReDoS text in milliseconds", () => {
  const started = performance.now();
  ingestText("Then " + "A.".repeat(32) + ': "This is a long enough quotation here."', { publishedOn: "2025-06-02" });
  expect(performance.now() - started).toBeLessThan(2_000);
});

it("finishes random mixes of hostile shapes up to 16 KB inside the extraction deadline", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.record({ unit: fc.constantFrom(...UNITS), times: fc.integer({ min: 1, max: 400 }) }), {
        minLength: 1,
        maxLength: 12,
      }),
      async (pieces) => {
        const text = ("Anna Kovacs " + pieces.map((p) => p.unit.repeat(p.times)).join("")).slice(0, 16_000);
        const { dataset } = await pool.draft(text, { publishedOn: "2025-06-02" });
        expect(Array.isArray(dataset.statements)).toBe(true);
      },
    ),
    { numRuns: 12, seed: 30 },
  );
}, 120_000);
