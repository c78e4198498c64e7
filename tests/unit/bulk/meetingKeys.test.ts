// The keys a bulk import marks statements by: two statements share one exactly when statement resolution could join
// them (the same id, a sameAs, or the same words by the same speaker on compatible dates).
import { idKey, ownKeys, soughtKeys } from "../../../src/bulk/meetingKeys";
import { datesCompatible } from "../../../src/domain/claims";

const DATES: [string | null, "DAY" | "MONTH" | "YEAR" | null][] = [
  [null, null],
  ["2025-03-04", "DAY"],
  ["2025-03-18", "DAY"],
  ["2025-04-04", "DAY"],
  ["2026-03-04", "DAY"],
  ["2025-03-01", "MONTH"],
  ["2025-04-01", "MONTH"],
  ["2025-01-01", "YEAR"],
  ["2026-01-01", "YEAR"],
];

interface Row {
  claimId: string;
  quoteHash: string | null;
  speaker: string;
  saidOn: string | null;
  datePrecision: string | null;
}

const quote = (id: string, [saidOn, datePrecision]: (typeof DATES)[number], speaker = "#1"): Row => ({
  claimId: id,
  quoteHash: "words",
  speaker,
  saidOn,
  datePrecision,
});

const meet = (later: Row, earlier: Row, sameAs?: string) =>
  soughtKeys(later, sameAs).some((key) => ownKeys(earlier).includes(key));

describe("the keys statements meet under", () => {
  it("meet exactly when the dates are compatible (an undated statement meets every one)", () => {
    for (const a of DATES) {
      for (const b of DATES) {
        const compatible =
          !a[0] || !b[0] || datesCompatible({ date: a[0], precision: a[1]! }, { date: b[0], precision: b[1]! });
        expect([a, b, meet(quote("statement:later", a), quote("statement:earlier", b))]).toEqual([a, b, compatible]);
      }
    }
  });

  it("meet on another speaker's words never, on the same id or a sameAs always", () => {
    const day = DATES[1]!;
    expect(meet(quote("statement:later", day, "#2"), quote("statement:earlier", day, "#1"))).toBe(false);
    const reported = { ...quote("statement:x", day), quoteHash: null };
    expect(meet(reported, { ...quote("statement:x", DATES[8]!), quoteHash: null })).toBe(true);
    expect(meet(reported, { ...quote("statement:y", day), quoteHash: null }, "statement:y")).toBe(true);
    expect(ownKeys(reported)).toEqual([idKey("statement:x")]);
  });
});
