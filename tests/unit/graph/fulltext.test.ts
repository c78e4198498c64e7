// Lucene queries built from user text: every special character escaped, at most 32 terms of at most 64 characters.
import {
  allWords,
  anyWords,
  escapeLucene,
  MAX_TERM_LENGTH,
  MAX_TERMS,
  namePrefixes,
  nameWords,
  queryWords,
} from "../../../src/graph/fulltext";
import { words } from "../../support/textInputs";

describe("user text in a Lucene query is only ever searched for", () => {
  it("escapes every character of Lucene's syntax", () => {
    expect(escapeLucene('a+b-c!d(e)f{g}h[i]j^k"l~m*n?o:p\\q/r&s|t')).toBe(
      'a\\+b\\-c\\!d\\(e\\)f\\{g\\}h\\[i\\]j\\^k\\"l\\~m\\*n\\?o\\:p\\\\q\\/r\\&s\\|t',
    );
  });

  it("writes the operators AND, OR and NOT in lower case, which Lucene reads as words", () => {
    expect([
      escapeLucene("AND"),
      escapeLucene("OR"),
      escapeLucene("NOT"),
      escapeLucene("Or"),
      escapeLucene("ANDY"),
    ]).toEqual(["and", "or", "not", "Or", "ANDY"]);
  });

  it("splits text at any whitespace", () => {
    expect(queryWords("  one\ttwo\nthree  ")).toEqual(["one", "two", "three"]);
    expect(queryWords("")).toEqual([]);
    expect([MAX_TERMS, MAX_TERM_LENGTH]).toEqual([32, 64]);
  });

  it("folds names as the index folds them, hyphens and apostrophes separating words", () => {
    expect(nameWords("Çırağan-Palace Jean-Pierre")).toEqual(["ciragan", "palace", "jean", "pierre"]);
    expect(namePrefixes("O'Brien")).toBe("name:(o* AND brien*) OR aliasText:(o* AND brien*)");
  });

  it("builds no query from text without words", () => {
    expect([allWords(""), anyWords("  "), namePrefixes("-- ''")]).toEqual([null, null, null]);
  });
});

describe("the Lucene builders never emit more than 32 terms of at most 64 characters, whatever they are given", () => {
  const terms = (query: string, separator: string) => query.split(separator);

  it("keeps ordinary queries as they were, with the spellings of their words", () => {
    expect(allWords("immediate halt")).toBe("immediate AND halt");
    // A name in another spelling matches through the skeletons of the words (too short ones are left out).
    expect(anyWords("ceasefire) OR name:*")).toBe("ceasefire\\) OR or OR name\\:\\* OR spellings:(csfr)^0.5");
    expect(namePrefixes("Zelenskiy")).toBe("name:(zelenskiy*) OR aliasText:(zelenskiy*) OR spellings:(zlnsk)");
    expect(namePrefixes("Çırağan pal")).toBe("name:(ciragan* AND pal*) OR aliasText:(ciragan* AND pal*)");
    expect(namePrefixes("*")).toBeNull();
  });

  it("uses the first 32 words of a 10,000-word text", () => {
    const text = words(10_000);
    expect(terms(allWords(text)!, " AND ")).toEqual(words(32).split(" "));
    const [written, spellings] = anyWords(text)!.split(" OR spellings:(");
    expect(terms(written!, " OR ")).toEqual(words(32).split(" "));
    // Spellings come from those same 32 words only.
    expect(terms(spellings!.replace(")^0.5", ""), " OR ")).toEqual(words(32).split(" ").slice(10));
    const prefixes = words(32, (i) => `w${i}*`).replaceAll(" ", " AND ");
    expect(namePrefixes(text)).toBe(`name:(${prefixes}) OR aliasText:(${prefixes})`);
  });

  it("cuts a word to 64 characters, so a wildcard's automaton stays small", () => {
    expect(namePrefixes("a".repeat(1001))).toBe(`name:(${"a".repeat(64)}*) OR aliasText:(${"a".repeat(64)}*)`);
    expect(allWords("b".repeat(1_000_000))).toBe("b".repeat(64));
    // Never between the halves of a surrogate pair.
    expect(anyWords(`${"c".repeat(63)}😀`)).toBe("c".repeat(63));
  });

  it("reads no further than it needs in a megabyte", () => {
    const megabyte = `abc statement the talks ${"zq ".repeat(340_000)}`;
    const started = performance.now();
    for (const build of [allWords, anyWords, namePrefixes]) expect(build(megabyte)!.length).toBeLessThan(1000);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
