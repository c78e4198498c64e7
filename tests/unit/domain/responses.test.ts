// The rules of a statement's responses: not to itself, each statement once, never to one said later.
import { responseProblem, responsesProblems } from "../../../src/domain/responses";

const said = (id: string, saidOn: string | null, datePrecision: "DAY" | "MONTH" | "YEAR" | null = "DAY") => ({
  id,
  saidOn,
  datePrecision,
});

describe("a statement's responses", () => {
  it("may answer one said the same day or earlier, or one of unknown date", () => {
    const answer = { statement: "statement:b", relation: "ANSWERS" as const };
    expect(responseProblem(said("statement:a", "2025-06-02"), answer, [], said("statement:b", "2025-06-02"))).toBe(
      undefined,
    );
    expect(responseProblem(said("statement:a", "2025-06-02"), answer, [], said("statement:b", null))).toBe(undefined);
    expect(responseProblem(said("statement:a", null), answer, [], said("statement:b", "2025-06-02"))).toBe(undefined);
    expect(responseProblem(said("statement:a", "2025-06-02"), answer, [])).toBe(undefined);
  });

  it("take a MONTH or YEAR date as any day of its period", () => {
    const answer = { statement: "statement:b", relation: "ANSWERS" as const };
    const june = said("statement:a", "2025-06-01", "MONTH");
    expect(responseProblem(june, answer, [], said("statement:b", "2025-06-30"))).toBe(undefined);
    expect(responseProblem(june, answer, [], said("statement:b", "2025-07-01"))).toMatch(/said later \(2025-07-01\)/);
    const year = said("statement:a", "2025-01-01", "YEAR");
    expect(responseProblem(year, answer, [], said("statement:b", "2025-12-31"))).toBe(undefined);
  });

  it("list every problem by its index", () => {
    const from = said("statement:a", "2025-06-02");
    const problems = responsesProblems(
      from,
      [
        { statement: "statement:a", relation: "QUOTES" },
        { statement: "statement:b", relation: "ANSWERS" },
        { statement: "statement:b", relation: "CONFIRMS" },
      ],
      () => undefined,
    );
    expect(problems).toEqual([
      { index: 0, problem: "a statement cannot respond to itself" },
      { index: 2, problem: "statement:b is already answered here (ANSWERS); give one relation per statement" },
    ]);
  });
});
