// The explorer's conversation thread (web/explorer/thread.ts): each statement with what it responds to and what
// responds to it, within the thread, in the thread's order; and dates as the panel says them (web/explorer/dates.ts).
import { formatDate } from "../../../web/explorer/dates";
import { isStatementId, linkWords, threadItems, type ThreadStatement } from "../../../web/explorer/thread";

const MEETING = "statement:zelenskyy-calls-for-meeting-with-putin";
const LEADERS = "statement:zelenskyy-leaders-resolve-key-issues";
const KREMLIN = "statement:kremlin-meeting-only-after-agreements";

function statement(id: string, speaker: string, respondsTo: ThreadStatement["respondsTo"] = []): ThreadStatement {
  return {
    id,
    text: `words of ${id}`,
    kind: "REPORTED",
    saidOn: null,
    datePrecision: null,
    speaker: { __typename: "Person", id: `person:${speaker}`, name: speaker },
    respondsTo,
  };
}

/** The seed's exchange in the API's order: the Kremlin's condition rejects one call and answers the other. */
const SEED_THREAD = [
  statement(MEETING, "Volodymyr Zelenskyy"),
  statement(LEADERS, "Volodymyr Zelenskyy"),
  statement(KREMLIN, "The Kremlin", [
    { relation: "REJECTS", statement: { id: MEETING } },
    { relation: "ANSWERS", statement: { id: LEADERS } },
  ]),
];

/** Each item as [id, selected, "words other-id" …]. */
const summary = (statements: ThreadStatement[], selected: string) =>
  threadItems(statements, selected).map((item) => [
    item.statement.id,
    item.selected,
    item.links.map((link) => `${linkWords(link)} ${link.other.id}`),
  ]);

describe("the explorer's conversation thread", () => {
  it("links the seed's exchange both ways, in the thread's order, and marks the selected statement", () => {
    expect(summary(SEED_THREAD, KREMLIN)).toEqual([
      [MEETING, false, [`rejected by ${KREMLIN}`]],
      [LEADERS, false, [`answered by ${KREMLIN}`]],
      [KREMLIN, true, [`rejects ${MEETING}`, `answers ${LEADERS}`]],
    ]);
  });

  it("lists what a statement responds to before what responds to it, and leaves out links beyond the thread", () => {
    const chain = [
      statement("statement:a", "A"),
      statement("statement:b", "B", [
        { relation: "QUOTES", statement: { id: "statement:a" } },
        { relation: "ANSWERS", statement: { id: "statement:outside" } },
      ]),
      statement("statement:c", "C", [{ relation: "CONFIRMS", statement: { id: "statement:b" } }]),
    ];
    expect(summary(chain, "statement:b")).toEqual([
      ["statement:a", false, ["quoted by statement:b"]],
      ["statement:b", true, ["quotes statement:a", "confirmed by statement:c"]],
      ["statement:c", false, ["confirms statement:b"]],
    ]);
  });

  it("knows a statement by its id's prefix, before asking", () => {
    expect(isStatementId(KREMLIN)).toBe(true);
    expect(isStatementId("person:volodymyr-zelenskyy")).toBe(false);
  });

  it("says dates as precisely as they are known, and undated without one", () => {
    expect(formatDate("2025-06-02", "DAY")).toBe("2 June 2025");
    expect(formatDate("2025-06-01", "MONTH")).toBe("June 2025");
    expect(formatDate("2025-01-01", "YEAR")).toBe("2025");
    expect(formatDate(null, null)).toBe("undated");
  });
});
