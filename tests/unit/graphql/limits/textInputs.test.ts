// The rules on free-text arguments (search query, filter.text, filter.name): limits on length and words, something
// to match, and refusals with BAD_USER_INPUT naming the argument.
import type { GraphQLError } from "graphql";
import { MAX_TERM_LENGTH, MAX_TERMS } from "../../../../src/graph/fulltext";
import {
  checkNameFilter,
  checkSearchQuery,
  checkTextFilter,
  MAX_NAME_LENGTH,
  MAX_QUERY_LENGTH,
} from "../../../../src/graphql/limits/textInputs";
import { NOTHING_TO_MATCH, words } from "../../../support/textInputs";

/** The BAD_USER_INPUT error a check throws, as message and field. */
function refusal(check: () => unknown): { message: string; code: unknown; field: unknown } {
  try {
    check();
  } catch (e) {
    const error = e as GraphQLError;
    return { message: error.message, code: error.extensions.code, field: error.extensions.field };
  }
  throw new Error("expected the input to be refused");
}

describe("the limits on text inputs", () => {
  it("states them", () => {
    expect({ MAX_QUERY_LENGTH, MAX_NAME_LENGTH, MAX_TERMS, MAX_TERM_LENGTH }).toEqual({
      MAX_QUERY_LENGTH: 1000,
      MAX_NAME_LENGTH: 200,
      MAX_TERMS: 32,
      MAX_TERM_LENGTH: 64,
    });
  });

  it("passes ordinary input through unchanged, and no filter as null", () => {
    expect(checkSearchQuery("Putin meeting")).toBe("Putin meeting");
    expect(checkTextFilter("CEASEFIRE")).toBe("CEASEFIRE");
    expect(checkNameFilter("Çırağan")).toBe("Çırağan");
    expect(checkTextFilter(null)).toBeNull();
    expect(checkNameFilter(undefined)).toBeNull();
    expect(checkSearchQuery(`${words(15, () => "x".repeat(64))} ${"y".repeat(25)}`)).toHaveLength(1000);
    expect(checkSearchQuery(words(32))).toBe(words(32));
    expect(checkNameFilter(words(32, () => "ab"))).toBe(words(32, () => "ab"));
  });

  it("refuses a text over the length limit by its length alone, naming the argument, the length and the limit", () => {
    const megabyte = `abc statement the talks ${"zq ".repeat(340_000)}`;
    const started = performance.now();
    expect(refusal(() => checkSearchQuery(megabyte))).toEqual({
      message: "query is 1020024 characters long; at most 1000 are allowed",
      code: "BAD_USER_INPUT",
      field: "query",
    });
    expect(performance.now() - started).toBeLessThan(200);
    expect(refusal(() => checkTextFilter("x".repeat(1001)))).toEqual({
      message: "filter.text is 1001 characters long; at most 1000 are allowed",
      code: "BAD_USER_INPUT",
      field: "filter.text",
    });
    expect(refusal(() => checkNameFilter("a".repeat(1001))).message).toBe(
      "filter.name is 1001 characters long; at most 200 are allowed",
    );
    expect(refusal(() => checkNameFilter(words(40, () => "n".repeat(300)))).message).toBe(
      "filter.name is 12039 characters long; at most 200 are allowed",
    );
  });

  it("refuses more words than a full-text query uses, and longer words", () => {
    expect(refusal(() => checkSearchQuery(words(33))).message).toBe("query has 33 words; at most 32 are allowed");
    expect(refusal(() => checkTextFilter(words(500, () => "a"))).message).toBe(
      "filter.text has 500 words; at most 32 are allowed",
    );
    // A name's words are its folded words: hyphens and apostrophes separate them too.
    expect(refusal(() => checkNameFilter(words(33, () => "a").replaceAll(" ", "-"))).message).toBe(
      "filter.name has 33 words; at most 32 are allowed",
    );
    expect(refusal(() => checkNameFilter(`palace ${"b".repeat(65)}`))).toEqual({
      message: "filter.name has a word of 65 characters; at most 64 are allowed in a word",
      code: "BAD_USER_INPUT",
      field: "filter.name",
    });
    expect(refusal(() => checkSearchQuery("y".repeat(65))).message).toBe(
      "query has a word of 65 characters; at most 64 are allowed in a word",
    );
  });

  it.each(NOTHING_TO_MATCH)("refuses %j, which %s, naming the argument", (value, problem) => {
    expect(refusal(() => checkSearchQuery(value))).toEqual({
      message: `query ${problem}`,
      code: "BAD_USER_INPUT",
      field: "query",
    });
    expect(refusal(() => checkTextFilter(value))).toEqual({
      message: `filter.text ${problem}`,
      code: "BAD_USER_INPUT",
      field: "filter.text",
    });
    expect(refusal(() => checkNameFilter(value))).toEqual({
      message: `filter.name ${problem}`,
      code: "BAD_USER_INPUT",
      field: "filter.name",
    });
  });
});
