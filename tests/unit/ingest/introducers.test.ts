// Bloggers and commenters who go by one word or a handle, and introductions that end with a comma: sentences written
// here (invented names and blogs, no article copied), each a shape that left real posts without a speaker.
import { isCommonEnglish } from "../../../src/ingest/words/commonWords";
import { extract } from "../../../src/ingest/extract";
import { antecedentOf, introducerOf } from "../../../src/ingest/entities/introducers";

const run = (text: string) => extract(text, { publishedOn: "2026-04-14" });
const speakers = (text: string) => run(text).statements.map((s) => [s.speaker.type, s.speaker.name]);
const introducer = (sentence: string) => introducerOf(sentence, { start: 0, end: sentence.length }, [])?.name;

describe("the one an introduction names", () => {
  it("reads a one-word name or a handle before a verb of writing, with a nationality, a blog or an aside", () => {
    expect(introducer("Velkaro writes [kaz]:")).toBe("Velkaro");
    expect(introducer("And Jordanian Brakkid concludes:")).toBe("Brakkid");
    expect(introducer("Ilmar at The Quiet Harbour argues that the vote was rushed:")).toBe("Ilmar");
    expect(introducer("Tavesh, on the blog Northern Lantern [Pt], says that the port is everyone's:")).toBe("Tavesh");
    expect(introducer("In a post entitled Harbour Days, Saudi Lume_In_Oslo poses the following questions:")).toBe(
      "Lume_In_Oslo",
    );
    expect(introducer("R.Q wrote:")).toBe("R.Q");
  });

  it("reads a site as an organization", () => {
    const sentence = "The site Harbourwatch [es] reports what happened:";
    expect(introducerOf(sentence, { start: 0, end: sentence.length }, [])).toMatchObject({
      name: "Harbourwatch",
      type: "organization",
    });
  });

  it("never takes a common word, a pronoun, an office, a nationality or a month for a name", () => {
    for (const sentence of [
      "Students write:",
      "Others respond:",
      "Critics argue:",
      "He writes:",
      "Minister says:",
      "Syrians say:",
      "March says:",
      "Many users tweeted:",
    ])
      expect([sentence, introducer(sentence)]).toEqual([sentence, undefined]);
  });

  it("reads only a sentence that hands over to a quotation", () => {
    expect(introducer("Velkaro writes about the harbour every week.")).toBeUndefined();
    const inline = 'Velkaro writes that "the harbour is ours" and more.';
    const mark = { start: inline.indexOf('"'), end: inline.lastIndexOf('"') + 1 };
    expect(introducerOf(inline, { start: 0, end: inline.length }, [mark])?.name).toBe("Velkaro");
  });
});

describe("speakers an introduction gives", () => {
  it("drafts a blog post after a one-word blogger's introduction, and its next paragraph as theirs too", () => {
    const text = [
      "The dance has become a symbol of the country's youth, and bloggers disagree about where it comes from.",
      "",
      "Velkaro writes [kaz]:",
      "",
      "I think this dance is not just a dance but something that has united all of us, young and old.",
      "",
      "We have danced it at every wedding this year, and I am proud of it.",
      "",
      "Others are less sure.",
    ].join("\n");
    const extraction = run(text);
    // The paragraph after the post is the same blogger's, by the run, a little less sure than its start.
    const drafted = extraction.statements.map((s) => [s.speaker.name, s.text.slice(0, 12), s.confidence]);
    expect(drafted.map(([name, words]) => [name, words])).toEqual([
      ["Velkaro", "I think this"],
      ["Velkaro", "We have danc"],
    ]);
    expect(drafted[1]![2]).toBeLessThanOrEqual(drafted[0]![2] as number);
    // Carried on from the paragraph before, and as sure as the run's start allows (attribution/carriedOn.ts): on the
    // tuning split, block paragraphs carried on this way at 0.9 or more were all right (21 of 21).
    expect(extraction.statements[1]!.cue).toBe("continuation");
    expect(extraction.statements[1]!.confidence).toBeLessThan(drafted[0]![2] as number);
    expect(extraction.statements.every((s) => s.speaker.type === "person")).toBe(true);
    expect(extraction.unattributed).toEqual([]);
  });

  it("takes a paragraph that ends with a comma as an introduction", () => {
    const text = [
      "A small translation firm has won its first contracts abroad.",
      "",
      "Mara Lindqvist, its director, found the trade mission useful. Mara Lindqvist said,",
      "",
      "I never thought I would sell my services abroad. The visits gave me the confidence to try.",
    ].join("\n");
    expect(speakers(text)).toEqual([["person", "Mara Lindqvist"]]);
  });
});

describe("common English words", () => {
  it("knows common words and their plurals, and not names nobody writes in lower case", () => {
    for (const w of ["students", "Critics", "others", "elixir", "netizens"])
      expect([w, isCommonEnglish(w)]).toEqual([w, true]);
    for (const w of ["Velkaro", "Brakkid", "Tavesh", "Qunfaz"]) expect([w, isCommonEnglish(w)]).toEqual([w, false]);
  });
});

describe("reported speech that is not", () => {
  it("never takes a noun for a verb of saying, nor an outlet for a speaker", () => {
    const text = [
      "Norland is one of seven states that have no tax on income.",
      "",
      "The Harbour Gazette reported that the ferry would resume on Monday.",
      "",
      "Mara Lindqvist said that the ferry would resume on Monday.",
    ].join("\n");
    expect(
      run(text)
        .statements.filter((s) => s.kind === "REPORTED")
        .map((s) => s.speaker.name),
    ).toEqual(["Mara Lindqvist"]);
  });
});

describe("words a thing carries", () => {
  it("leaves a banner's words for review, not to the person who spoke before", () => {
    const text = [
      'Olena Marchenko, a grain trader, said the port was busy. "The ships are moving, but slowly," Marchenko said.',
      "",
      '"Nobody here expects a quick deal," read a banner outside the station.',
    ].join("\n");
    const extraction = run(text);
    expect(extraction.statements.map((s) => [s.kind, s.speaker.name])).toEqual([
      ["REPORTED", "Olena Marchenko"],
      ["DIRECT_QUOTE", "Olena Marchenko"],
    ]);
    expect(extraction.unattributed.map((u) => u.text)).toEqual(["Nobody here expects a quick deal"]);
  });
});

describe("an introduction read where it hands over", () => {
  it("finds the writer at the end of a sentence too long to read from its start", () => {
    const aside =
      "a title that plays on the week's news about the price of bread and of fuel in the provinces, ".repeat(3);
    const sentence = `In a post titled Bread or Freedom (${aside.trim()}), K.T wrote:`;
    expect(sentence.length).toBeGreaterThan(240);
    expect(introducer(sentence)).toBe("K.T");
  });

  it("takes a word of the language for a writer's name where the text says where it writes", () => {
    expect(introducer("Anchor, at the blog Quayside Notes, thinks that the vote came too soon:")).toBe("Anchor");
    expect(introducer("Anchor thinks that the vote came too soon:")).toBeUndefined();
  });

  it("reads a blog named by its name and the word blog, and hand-overs that draw or speak", () => {
    expect(introducer("Quillpen blog wrote [Pt]:")).toBe("Quillpen");
    expect(introducer("P.Q.R. of the blog Causa Nossa also draws a parallel between the two ports:")).toBe("P.Q.R");
  });
});

describe("the one a pronoun's hand-over stands for", () => {
  const antecedent = (before: string, handOver: string) => {
    const text = `${before} ${handOver}`;
    const sentence = { start: before.length + 1, end: text.length };
    return antecedentOf(text, sentence, { start: 0, end: before.length })?.name;
  };

  it("is the name that opens the sentence before, after a nationality or what the writer is", () => {
    expect(antecedent("Norwegian blogger Velkaro takes a closer look at the vote.", "He writes:")).toBe("Velkaro");
    expect(antecedent("Tavesh broke a long silence on Monday.", "And she adds:")).toBe("Tavesh");
  });

  it("is nobody when the hand-over names its own subject or the sentence before opens with no name", () => {
    expect(antecedent("Velkaro takes a closer look at the vote.", "Velkaro writes:")).toBeUndefined();
    expect(antecedent("The council takes a closer look at the vote.", "He writes:")).toBeUndefined();
    expect(
      antecedent("Velkaro of the blog Quayside takes a look.", "He writes that the vote was rushed."),
    ).toBeUndefined();
  });
});

describe("the subject of an introduction that opens with a title", () => {
  it("is the writer, not the title's first word", () => {
    const text = [
      "Bloggers on the ferry strike",
      "",
      "In a post entitled Norway, Prove Us Wrong, Danish blogger Harbour_Lark poses the following questions:",
      "",
      "Will the ministry listen this time? Or will the islands wait another winter for a ferry that never comes?",
      "",
      "The ministry has not answered.",
    ].join("\n");
    const out = run(text);
    const choice = [
      ...out.statements.map((s) => s.speaker.name),
      ...out.unattributed.map((u) => u.suggested?.entity.name),
    ];
    expect(choice).toEqual(["Harbour_Lark"]);
  });
});

describe("a writer introduced by what they are, and a blog named beside them", () => {
  const post = (intro: string) =>
    [
      "Bloggers on the ferry",
      "",
      intro,
      "",
      "Nobody in the capital listened to us, and still we waited for the ferry without a single angry word.",
      "",
      "According to the blogger:",
      "",
      "The ministry will remember this winter, because we will remind them of it at every election from now on.",
      "",
      "The ministry did not answer.",
    ].join("\n");

  it("gives the post to the writer, never to the blog it appeared on", () => {
    const text = post("The blogger Velkaro, on the blog Harbour Days, praises the islanders for their calm:");
    const quotes = run(text).statements.filter((s) => s.kind === "DIRECT_QUOTE");
    expect(quotes[0]!.speaker.name).toBe("Velkaro");
    expect(quotes.map((s) => s.speaker.name)).not.toContain("Harbour Days");
  });

  it("reads 'According to the blogger:' as the writer of the post before", () => {
    const text = post("The blogger Velkaro praises the islanders for their calm:");
    const quotes = run(text).statements.filter((s) => s.kind === "DIRECT_QUOTE");
    expect(quotes.map((s) => s.speaker.name)).toEqual(["Velkaro", "Velkaro"]);
  });
});
