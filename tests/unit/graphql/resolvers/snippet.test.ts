// Search snippets: matched words in <mark>, everything else HTML-escaped, work linear in the text.
import type { NodeRow } from "../../../../src/graph/rows";
import { snippet } from "../../../../src/graphql/resolvers/snippet";
import { words } from "../../../support/textInputs";

describe("snippets: work linear in the text, at most the words the search used", () => {
  const statement = (text: string): NodeRow => ({ label: "Statement", id: "statement:x", text, kind: "DIRECT_QUOTE" });
  const text200 = words(200, (i) => (i % 50 === 7 ? "ceasefire" : `word${i}`));

  it("marks matched words and prefixes, escapes HTML and keeps names, aliases and descriptions in order", () => {
    expect(snippet(statement('A "full" <ceasefire> & talks'), "ceasefire TALK")).toBe(
      "A &quot;full&quot; &lt;<mark>ceasefire</mark>&gt; &amp; <mark>talks</mark>",
    );
    const venue: NodeRow = {
      label: "Venue",
      id: "venue:ciragan-palace",
      name: "Çırağan Palace",
      aliases: ["Ciragan"],
      kind: "building",
      description: "A palace on the Bosphorus",
    };
    expect(snippet(venue, "ÇIRAĞAN")).toBe("<mark>Çırağan</mark> Palace");
    expect(snippet(venue, "bosph")).toBe("A palace on the <mark>Bosphorus</mark>");
    expect(snippet(venue, "nothing")).toBe("Çırağan Palace");
  });

  it("keeps a 200-character window around the first match of a long text, with ellipses", () => {
    const long = `${"lead ".repeat(100)}the ceasefire holds ${"tail ".repeat(100)}`;
    const at = long.indexOf("ceasefire");
    const expected = `…${long.slice(at - 60, at + 140).replace("ceasefire", "<mark>ceasefire</mark>")}…`;
    expect(snippet(statement(long), "ceasefire")).toBe(expected);
  });

  it("uses the first 32 words of a 10,000-word query", () => {
    const query = words(10_000, (i) => (i === 20 ? "ceasefire" : i === 40 ? "word9" : `zz${i}`));
    const first32 = query.split(" ").slice(0, 32).join(" ");
    expect(snippet(statement(text200), query)).toBe(snippet(statement(text200), first32));
    expect(snippet(statement(text200), query)).toContain("<mark>ceasefire</mark>");
    expect(snippet(statement(text200), query)).not.toContain("<mark>word9</mark>");
  });

  it("finishes at once on a megabyte query and a long text", () => {
    let started = performance.now();
    const megabyte = `abc statement the talks ${"zq ".repeat(340_000)}`;
    expect(snippet(statement(text200), megabyte)).toBe(snippet(statement(text200), "abc statement the talks zq"));
    expect(performance.now() - started).toBeLessThan(200);
    const book = `${words(100_000)} ceasefire`;
    started = performance.now();
    expect(snippet(statement(book), `${words(31, (i) => `x${i}`)} ceasefire`)).toBe(
      `…${book.slice(book.length - 69).replace("ceasefire", "<mark>ceasefire</mark>")}`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
