// Reported speech in the shapes real reports use and the rules used to miss: sentences written here (invented people,
// places and bodies, no article copied). Each test names the shape; the speaker and the words must both be right.
import { extract } from "../../../src/ingest/extract";
import { tailSite } from "../../../src/ingest/attribution/tailSite";
import type { Sentence } from "../../../src/ingest/text/patterns";

const run = (text: string) => extract(text, { publishedOn: "2026-04-14" });
/** The reported statements: speaker, and the first words of their evidence. */
const reported = (text: string) =>
  run(text)
    .statements.filter((s) => s.kind === "REPORTED")
    .map((s) => [s.speaker.name, text.slice(s.evidence[0]!.start, s.evidence[0]!.start + 24)]);

describe("the subject's own verb of saying", () => {
  it("is not hidden by a participle later in the sentence", () => {
    const text =
      "Harbour master Ilse Varga met the ferry crews on Monday.\n\n" +
      "Varga said that crossings to the island had doubled since May, noting that the new pier had opened then.";
    expect(reported(text)).toEqual([["Ilse Varga", "Varga said that crossing"]]);
  });

  it("takes an object when the verb reports a demand, a blame or a description", () => {
    const text =
      "Councillor Petra Holm urged the council to reopen the night ferry before the winter season.\n\n" +
      "Holm blamed the operator for the long queues at the quay last summer.";
    expect(reported(text).map(([name]) => name)).toEqual(["Petra Holm", "Petra Holm"]);
  });

  it("is not read in the passive: the one praised did not speak", () => {
    const text = "Ilse Varga was praised by the crews for the new timetable at the harbour.";
    expect(reported(text)).toEqual([]);
  });

  it("is not read in a headline", () => {
    const text = "Harbour Authority announces new winter timetable\n\nThe ferries will run every hour from December.";
    expect(reported(text)).toEqual([]);
  });
});

describe("the source after 'according to'", () => {
  it("is read in the middle of a sentence, between commas", () => {
    const text =
      "The number of crossings, which, according to the Harbour Authority, doubled in May, is still rising in June.";
    expect(reported(text)).toEqual([["Harbour Authority", "The number of crossings,"]]);
  });

  it("ends at the name when no comma follows it", () => {
    const text =
      "The ferry blogger Maja Lindqvist has followed the timetable for years.\n\n" +
      "According to Lindqvist the ferries to the northern islands will stop running in the first week of March.";
    expect(reported(text).map(([name]) => name)).toEqual(["Maja Lindqvist"]);
  });

  it("keeps a title inside the name", () => {
    const text = "The timetable has been fixed, according to Harbour Authority spokesman Jonas Ekberg.";
    expect(reported(text).map(([name]) => name)).toEqual(["Jonas Ekberg"]);
  });

  it("is not given to a state when it names a department of that state", () => {
    const text = "About 4,000 ferries cross the strait every year, according to the U.S. Department of Transportation.";
    expect(reported(text).filter(([name]) => name === "United States")).toEqual([]);
  });

  it("is nobody when no source is named", () => {
    const text = "The ferries will stop in March, according to research done by students of the maritime college.";
    expect(reported(text)).toEqual([]);
  });
});

describe("the speaker named in an aside", () => {
  it("reads '…, X said, …' in the middle of a sentence", () => {
    const text =
      "Senator Aino Lehto spoke at the quay.\n\n" +
      "Since the pier opened, Lehto said, ferry crossings have doubled and the queues have gone.";
    expect(reported(text)).toEqual([["Aino Lehto", "Since the pier opened, L"]]);
  });

  it("reads '…, said X, of …' at the end", () => {
    const text =
      "The ferry gives the island its only link to the hospital in winter, said Ekberg, of the Harbour Authority.";
    expect(reported(text).map(([name]) => name)).toEqual(["Ekberg"]);
  });

  it("reads the subject before ', arguing that …'", () => {
    const text = "Petra Holm opposed the new fares on Monday, arguing that families on the island could not pay them.";
    expect(reported(text).map(([name]) => name)).toEqual(["Petra Holm"]);
  });
});

describe("a quotation inside a report", () => {
  it("is a quotation and the report around it is reported speech", () => {
    const text =
      'Harbour master Ilse Varga said that the new pier was "the best thing to happen to this island in fifty years."';
    const extraction = run(text);
    expect(extraction.statements.map((s) => [s.kind, s.speaker.name])).toEqual([
      ["REPORTED", "Ilse Varga"],
      ["DIRECT_QUOTE", "Ilse Varga"],
    ]);
  });
});

describe("the subject read backwards from its verb", () => {
  it("reads the first of two senators with their parties in brackets and a day between", () => {
    const text =
      "Sen. Anna Roos (D-ME) and Sen. Tom Berg (R-VT) today announced that the island ferry would get a new pier.";
    expect(reported(text).map(([name]) => name)).toEqual(["Anna Roos"]);
  });

  it("reads a name after 'after' and its titles in the middle of a sentence", () => {
    const text = "Ferry shares rose on Friday after harbour chief Ilse Varga said that crossings had doubled in May.";
    expect(reported(text).map(([name]) => name)).toEqual(["Ilse Varga"]);
  });

  it("reads a pronoun after an opening phrase with no comma", () => {
    const text =
      "Harbour master Ilse Varga opened the pier on Monday.\n\n" +
      "Of the old pier she stated that it had been unsafe for years and should have closed long ago.";
    expect(reported(text).map(([name]) => name)).toEqual(["Ilse Varga"]);
  });

  it("reads the subject of a second verb joined by 'and'", () => {
    const text = "Varga Holm toured the quay on Monday and said the ferries would run every hour from December.";
    expect(reported(text).map(([name]) => name)).toEqual(["Varga Holm"]);
  });

  it("does not give the words to a company named inside a longer subject", () => {
    const text = "The former head of ferry operator Nordline denied in court that he had approved the payments.";
    expect(reported(text).map(([name]) => name)).not.toContain("Nordline");
  });

  it("does not read 'X told the judges:' as a report when nothing follows the ones told", () => {
    const text =
      "Standing at the bar for nearly an hour on Wednesday, Bertil Lund told the three judges:\n\n" +
      "“I never knew the name of every agent in every port.”";
    expect(reported(text)).toEqual([]);
  });
});

describe("an attribution at the end of a long sentence", () => {
  const site = (sentence: string) => tailSite(sentence, { start: 0, end: sentence.length, paragraph: 0 } as Sentence);

  it("reads the speaker before the verb past an apposition, and the first of two", () => {
    expect(
      site(
        "Ferries must run all winter on the island routes, Sens. Ada Brandt and Jonas Weil, both D-Maine, said today.",
      )?.phrase,
    ).toBe("Sens. Ada Brandt");
  });

  it("reads the speaker after an inverted verb, without the place or the time after the name", () => {
    expect(
      site(
        "The harbour tax would cost every fisherman a month's catch, said Councillor Maren Thorsby of Northport " +
          "at a meeting today.",
      )?.phrase,
    ).toBe("Councillor Maren Thorsby");
    expect(site("The pier will reopen after the storm season ends, said the Harbour Board on Monday.")?.phrase).toBe(
      "the Harbour Board",
    );
  });

  it("takes no weekday for a speaker and no clause for an apposition", () => {
    expect(site("The pier will reopen after the storm season ends, officials said Monday.")).toBeUndefined();
    expect(site("The tax, Thorsby argued, would hurt, many fishermen said.")).toBeUndefined();
  });
});

describe("what follows 'said'", () => {
  it("is the clause reported whatever word starts it, but not an adverbial or a closing word", () => {
    const text =
      "Senators Ilse Varga and Tomas Brek said Monday's vote showed support for the night ferry.\n\n" +
      "Varga said in a statement to the harbour board.\n\n" +
      "Brek said nothing about the winter timetable at the meeting.";
    expect(reported(text)).toEqual([["Ilse Varga", "Senators Ilse Varga and "]]);
  });
});

describe("a list of speakers before the verb", () => {
  it("is read from its first name", () => {
    const text =
      "Sens. Ada Brandt (D-ME), Jonas Weil (D-ME) and Ilse Varga (R-NH) Friday announced that the ferry will run " +
      "through the winter.";
    expect(reported(text).map(([name]) => name)).toEqual(["Ada Brandt"]);
  });
});

describe("a news outlet as the source", () => {
  it("is the speaker after 'according to', by the name the text writes with its article", () => {
    const text =
      "Ferries to the island were cancelled on Monday.\n\n" +
      "According to The Harbour Gazette, the night ferry will not run again before the spring.";
    const [statement] = run(text).statements.filter((s) => s.kind === "REPORTED");
    expect([statement?.speaker.name, [...(statement?.speaker.aliases ?? [])]]).toEqual([
      "Harbour Gazette",
      ["The Harbour Gazette"],
    ]);
  });
});

describe("a release's headline in capitals", () => {
  it("reports what the members named announce, praise or call for, and nothing they only did", () => {
    const body =
      "\n\nSens. Ada Brandt (D-ME) and Jonas Weil (R-ME) announced today that the harbour will receive $2 million.";
    const said = (headline: string) =>
      run(`${headline}${body}`)
        .statements.filter((s) => s.cue.startsWith("headline"))
        .map((s) => [s.speaker.name, s.cue, s.text]);
    expect(said("SENS. BRANDT, WEIL ANNOUNCE $2 MILLION FOR HARBOUR REPAIRS")).toEqual([
      ["Ada Brandt", "headline: announce", "$2 MILLION FOR HARBOUR REPAIRS"],
    ]);
    expect(said("SEN. WEIL CALLS FOR A NIGHT FERRY TO THE ISLANDS")).toEqual([
      ["Jonas Weil", "headline: call for", "A NIGHT FERRY TO THE ISLANDS"],
    ]);
    expect(said("SEN. BRANDT SECURES $2 MILLION FOR HARBOUR REPAIRS")).toEqual([]);
    expect(said("SEN. ROE PRAISES THE HARBOUR BOARD")).toEqual([]);
    expect(said("Sen. Brandt announces $2 million for harbour repairs")).toEqual([]);
  });
});

describe("a verb whose object is what was said", () => {
  it("reads calls for, refers to, threatens, suggests and warns of with a noun phrase", () => {
    const text = [
      "Councillor Petra Holm spoke at the harbour on Monday.",
      "",
      "Holm calls for the reopening of the night ferry before the winter season.",
      "",
      "Harbour master Ilse Varga warned of the danger posed by the old pier in storms.",
    ].join("\n");
    expect(reported(text).map(([name]) => name)).toEqual(["Petra Holm", "Ilse Varga"]);
  });

  it("takes a handle for the subject, with a language's tag after the verb", () => {
    const text =
      "The ferry report came out on Monday.\n\n" +
      "@harbourwatch also disagrees with the claim that the report is objective.\n\n" +
      "@quaysider also implies [PL] the lack of proper funds from the harbour fund.";
    expect(reported(text).map(([name]) => name)).toEqual(["harbourwatch", "quaysider"]);
  });
});

describe("a view given with 'For X,'", () => {
  it("is X's, reported, and so are X's words after a colon", () => {
    const text = [
      "The ferry debate",
      "",
      "For Ana Lind, the council was the wrong target.",
      "",
      "For Piet Aalders, the ferry company was the wrong target:",
      "",
      "I find it strange that people blame the council when the company set the prices every year.",
    ].join("\n");
    expect(run(text).statements.map((s) => [s.kind, s.speaker.name])).toEqual([
      ["REPORTED", "Ana Lind"],
      ["REPORTED", "Piet Aalders"],
      ["DIRECT_QUOTE", "Piet Aalders"],
    ]);
  });
});

describe("a press release's announcement", () => {
  it("is the subject's when they are pleased to announce it", () => {
    const text = "Maine Senator Ada Brandt is pleased to announce two new members of her staff in the capital.";
    expect(reported(text).map(([name]) => name)).toEqual(["Ada Brandt"]);
  });
});

describe("a promise put as 'to' and a verb", () => {
  it.each([["promised to keep"], ["vowed to keep"], ["pledged to keep"]])("reads 'Roe %s …' as Roe's", (verb) => {
    const intro = "Finance Minister Jane Roe met union leaders in Northport on Monday.";
    const text = `${intro} Roe ${verb} the branch open until June.`;
    expect(reported(text)).toEqual([["Jane Roe", `Roe ${verb} the branch open until June.`.slice(0, 24)]]);
  });
});

describe("two speakers, the second with a post in lower case", () => {
  it("reads 'A and industry minister B announced' as A's, the first of them", () => {
    const text =
      "Prime Minister Jane Roe and federal industry minister Peter Aalders today announced that the government " +
      "would lend the carmaker $50 million.";
    expect(reported(text).map(([name]) => name)).toEqual(["Jane Roe"]);
  });
});

describe("a name, its apposition with a body's name, then the verb (eighth session)", () => {
  it("is the name's report, not the apposition's office", () => {
    expect(reported("Jana Holt, the chief executive of Velora, announced that she would take medical leave.")).toEqual([
      ["Jana Holt", expect.stringMatching(/^Jana Holt/)],
    ]);
  });
});
