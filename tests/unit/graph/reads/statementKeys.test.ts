// Filters decided from a new statement's match keys (src/graph/reads/statementKeys.ts): every condition must hold,
// and what keys cannot tell (text, a date that is not a plain day) is left to Neo4j.
import {
  buildKeyedStatementsQuery,
  KEYED_PAGE,
  keepsByKeys,
  type KeyedStatement,
} from "../../../../src/graph/reads/statementKeys";

const statement = (saidOn: string | null): KeyedStatement => ({
  row: { label: "Statement", id: "statement:s", text: "t", kind: "REPORTED", saidOn },
  keys: {
    speaker: ["person:a", "person:a-old"],
    event: [],
    mentions: ["person:b"],
    venue: ["venue:palace", "venue:istanbul"],
    state: ["state:tr"],
  },
});

it("keeps a statement when every field's id is among its keys and kind and dates hold", () => {
  const s = statement("2025-06-02");
  expect(keepsByKeys({}, s)).toBe(true);
  expect(keepsByKeys({ speaker: "person:a-old", venue: "venue:istanbul", kind: "REPORTED" }, s)).toBe(true);
  expect(keepsByKeys({ speaker: "person:a", event: "event:e" }, s)).toBe(false);
  expect(keepsByKeys({ mentions: "person:a" }, s)).toBe(false);
  expect(keepsByKeys({ kind: "DIRECT_QUOTE" }, s)).toBe(false);
  expect(keepsByKeys({ from: "2025-06-02", to: "2025-06-02" }, s)).toBe(true);
  expect(keepsByKeys({ from: "2025-06-03" }, s)).toBe(false);
  expect(keepsByKeys({ to: "2025-06-01" }, s)).toBe(false);
});

it("an undated statement is kept by no date bound; text and odd dates are left to Neo4j", () => {
  expect(keepsByKeys({ from: "2025-01-01" }, statement(null))).toBe(false);
  expect(keepsByKeys({ state: "state:tr" }, statement(null))).toBe(true);
  expect(keepsByKeys({ text: "ceasefire" }, statement("2025-06-02"))).toBeUndefined();
  expect(keepsByKeys({ from: "2025-06" }, statement("2025-06-02"))).toBeUndefined();
});

it("sends the same text and the same number of ids for every batch, so that Neo4j plans the read once", () => {
  const one = buildKeyedStatementsQuery(["statement:a"]);
  const several = buildKeyedStatementsQuery(["statement:a", "statement:b", "statement:a", "statement:c"]);
  expect(several.cypher).toBe(one.cypher);
  expect(one.cypher.startsWith("CYPHER replan=skip")).toBe(true);
  for (const { params } of [one, several]) expect(params.ids).toHaveLength(KEYED_PAGE);
  expect((several.params.ids as (string | null)[]).slice(0, 4)).toEqual([
    "statement:a",
    "statement:b",
    "statement:c",
    null,
  ]);
  const tooMany = Array.from({ length: KEYED_PAGE + 1 }, (_, i) => `statement:${i}`);
  expect(() => buildKeyedStatementsQuery(tooMany)).toThrow(`at most ${KEYED_PAGE} ids per read`);
});
