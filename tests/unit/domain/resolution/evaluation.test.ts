// The gold set in the unit tier: entity resolution makes no false merge and finds nine merges in ten (see
// scripts/eval-resolution.ts for the bar and why; `npm run eval:resolution` prints the misses).
import { evaluate, loadGold, report, shortfalls, THRESHOLDS } from "../../../../scripts/eval-resolution";

describe("entity resolution on the gold set", () => {
  const cases = loadGold();
  const evaluation = evaluate(cases);

  it("has at least 60 hand-labelled cases of every label and decision", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const labels = new Set(cases.map((c) => c.incoming.label));
    expect([...labels].sort()).toEqual(["Event", "Organization", "Person", "State", "Venue"]);
    const decisions = new Set(cases.map((c) => c.expected.decision));
    expect([...decisions].sort()).toEqual(["AMBIGUOUS", "MERGED", "NEW"]);
  });

  it("makes no false merge", () => {
    expect(evaluation.falseMerges).toBe(0);
    expect(evaluation.precision).toBe(THRESHOLDS.precision);
  });

  it("meets the bar for recall and accuracy", () => {
    expect(shortfalls(evaluation)).toEqual([]);
    expect(evaluation.recall).toBeGreaterThanOrEqual(THRESHOLDS.recall);
    expect(evaluation.accuracy).toBeGreaterThanOrEqual(THRESHOLDS.accuracy);
  });

  it("reports its figures and each miss with the decision's reasons", () => {
    const text = report(evaluation);
    expect(text).toContain(`Entity resolution on ${cases.length} gold cases`);
    for (const miss of evaluation.misses) expect(text).toContain(`miss ${miss.id}: expected`);
  });

  it("counts a false merge as one, and a miss against recall", () => {
    const [merge] = cases.filter((c) => c.expected.decision === "MERGED");
    const wrong = { ...merge!, expected: { decision: "NEW" as const, into: null } };
    expect(evaluate([wrong])).toMatchObject({ merged: 1, falseMerges: 1, precision: 0, accuracy: 0 });
    const missed = { ...merge!, candidates: [] };
    expect(evaluate([missed])).toMatchObject({ merged: 0, expectedMerges: 1, recall: 0, precision: 1 });
  });
});
