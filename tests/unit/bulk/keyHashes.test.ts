// Statement keys hashed in two halves (a worker thread up to the speaker, the main thread the rest) mark the same
// statements as the whole key strings do: the same keys met, the same keys known afterwards.
import { BloomFilter, hashFrom, keyHash } from "../../../src/bulk/bloomFilter";
import { markStatements, startKeyHashes, type StatementKeys } from "../../../src/bulk/keyHashes";
import { ownKeys, soughtKeys } from "../../../src/bulk/meetingKeys";

const statement = (id: string, more: Partial<StatementKeys> = {}): StatementKeys => ({
  id,
  speaker: "person:a",
  saidOn: "2025-03-04",
  datePrecision: "DAY",
  quoteHash: "words-1",
  ...more,
});

/** Files of statements that meet one another by id, sameAs and words on compatible dates, and some that never do. */
const FILES: { statements: StatementKeys[]; speakers: string[] }[] = [
  {
    statements: [
      statement("statement:a"),
      statement("statement:b", { quoteHash: null }),
      statement("statement:c", { saidOn: "2025-03-01", datePrecision: "MONTH", quoteHash: "words-2" }),
      statement("statement:d", { saidOn: null, datePrecision: null, quoteHash: "words-3" }),
    ],
    speakers: ["#1", "#1", "#2", "#3"],
  },
  {
    statements: [
      statement("statement:a"),
      statement("statement:e", { sameAs: "statement:b", quoteHash: null }),
      statement("statement:f", { saidOn: "2025-03-18", quoteHash: "words-2" }),
      statement("statement:g", { saidOn: "2025-01-01", datePrecision: "YEAR", quoteHash: "words-3" }),
      statement("statement:h", { quoteHash: "words-1" }),
      statement("statement:i", { sameAs: "statement:nowhere", quoteHash: "words-9" }),
    ],
    speakers: ["#1", "#1", "#2", "#3", "#9", "#1"],
  },
];

/** The first pass as it was: whole key strings, checked then added. */
function markWhole(): { seen: BloomFilter; suspects: Set<string> } {
  const seen = new BloomFilter(1000);
  const suspects = new Set<string>();
  for (const { statements, speakers } of FILES) {
    const keys: string[] = [];
    statements.forEach((s, i) => {
      const row = { ...s, claimId: s.id, speaker: speakers[i]! };
      for (const key of soughtKeys(row, s.sameAs)) if (seen.mightContain(key)) suspects.add(key);
      keys.push(...ownKeys(row));
    });
    for (const key of keys) seen.add(key);
  }
  return { seen, suspects };
}

describe("statement keys hashed in two halves", () => {
  it("continue a hash as the whole string's", () => {
    const filter = new BloomFilter(1000);
    filter.addHashed(keyHash("q words day 2025-03-04 "), "#12");
    expect(filter.mightContain("q words day 2025-03-04 #12")).toBe(true);
    expect(hashFrom(keyHash("q words "), "day")).toEqual(keyHash("q words day"));
  });

  it("meet the keys the whole strings meet, and leave the same keys known", () => {
    const whole = markWhole();
    const seen = new BloomFilter(1000);
    const suspects = new Set<string>();
    for (const { statements, speakers } of FILES) {
      markStatements(statements, startKeyHashes(statements), speakers, seen, suspects);
    }
    expect([...suspects].sort()).toEqual([...whole.suspects].sort());
    expect([...suspects].sort()).toEqual([
      "i statement:a",
      "i statement:b",
      "q words-1 day 2025-03-04 #1",
      "q words-2 month 2025-03 #2",
      "q words-3 undated #3",
    ]);
    for (const { statements, speakers } of FILES) {
      statements.forEach((s, i) => {
        for (const key of ownKeys({ ...s, claimId: s.id, speaker: speakers[i]! })) {
          expect([key, seen.mightContain(key)]).toEqual([key, true]);
        }
      });
    }
  });
});
