// Extraction rules on short texts of our own: each case of the issue, with the exact spans, speakers and dates.
import { extract } from "../../../src/ingest/extract";
import { quotationsOf } from "../../../src/ingest/quotations/quotes";
import { paragraphsOf, sentencesOf } from "../../../src/ingest/text/layout";
import { datesIn } from "../../../src/ingest/attribution/saidOn";
import { ingestText } from "../../../src/ingest/ingest";

const PUBLISHED = "2025-06-02"; // a Monday

function statementsOf(text: string, known = [] as Parameters<typeof extract>[1]["known"]) {
  return extract(text, { publishedOn: PUBLISHED, known }).statements.map((s) => ({
    kind: s.kind,
    speaker: s.speaker.name,
    words: s.parts.map((p) => text.slice(p.start, p.end)),
    saidOn: s.saidOn ?? null,
    precision: s.datePrecision ?? null,
  }));
}

describe("quotation marks", () => {
  const quotes = (text: string) =>
    quotationsOf(text, paragraphsOf(text)).map((q) => q.parts.map((p) => text.slice(p.start, p.end)));

  it("reads straight, curly and single quotes and guillemets, and tells apostrophes apart", () => {
    expect(
      quotes(`"We will go," she said. “We won’t stay,” he said. ‘Poland’s turn,’ she said. «Nous partons», il a dit.`),
    ).toEqual([["We will go,"], ["We won’t stay,"], ["Poland’s turn,"], ["Nous partons"]]);
  });

  it("keeps a quote inside a quote inside its outer quotation", () => {
    const text = `“He told me ‘never again’ and left,” she said.`;
    const [q] = quotationsOf(text, paragraphsOf(text));
    expect(text.slice(q!.parts[0]!.start, q!.parts[0]!.end)).toBe("He told me ‘never again’ and left,");
    expect(q!.inner.map((s) => text.slice(s.start, s.end))).toEqual(["never again"]);
  });

  it("runs a quotation over paragraphs that reopen it", () => {
    const text = `"The first part goes on.\n\n"The second part ends here," he said.`;
    expect(quotes(text)).toEqual([["The first part goes on.", "The second part ends here,"]]);
  });

  it("does not cut sentences inside quotations or after titles", () => {
    const text = `"We came. We saw," Mr. Novak said. Then Dr. Lind left.`;
    const p = paragraphsOf(text)[0]!;
    const marked = quotationsOf(text, [p]).flatMap((q) => q.marked);
    expect(sentencesOf(text, p, marked).map((s) => text.slice(s.start, s.end))).toEqual([
      `"We came. We saw," Mr. Novak said.`,
      "Then Dr. Lind left.",
    ]);
  });
});

describe("attribution", () => {
  it("finds the speaker after or before the quotation, by name, title or colon", () => {
    const text = [
      `"The border will stay open," said Interior Minister Marta Sokol on Sunday.`,
      `Tomasz Brenner told reporters: "We have not been consulted."`,
      `Sokol put it plainly: "Nobody will be turned away at the crossing."`,
    ].join("\n\n");
    expect(statementsOf(text)).toEqual([
      {
        kind: "DIRECT_QUOTE",
        speaker: "Marta Sokol",
        words: ["The border will stay open,"],
        saidOn: "2025-06-01",
        precision: "DAY",
      },
      {
        kind: "DIRECT_QUOTE",
        speaker: "Tomasz Brenner",
        words: ["We have not been consulted."],
        saidOn: null,
        precision: null,
      },
      {
        kind: "DIRECT_QUOTE",
        speaker: "Marta Sokol",
        words: ["Nobody will be turned away at the crossing."],
        saidOn: "2025-06-01",
        precision: "MONTH",
      },
    ]);
  });

  it("joins a quotation split by its attribution into one statement of two parts", () => {
    const text = `"We are ready to talk," Marta Sokol said on Friday. "But not at any price."`;
    const [s] = extract(text, { publishedOn: PUBLISHED }).statements;
    expect(s!.text).toBe("We are ready to talk … But not at any price.");
    expect(s!.parts.map((p) => text.slice(p.start, p.end))).toEqual(["We are ready to talk,", "But not at any price."]);
  });

  it("resolves a pronoun by gender past a nearer name of the other one", () => {
    const text = `Anna Kovacs met Tomasz Brenner on Friday.\n\n"We found common ground on the pipeline," she said.`;
    expect(statementsOf(text).map((s) => s.speaker)).toEqual(["Anna Kovacs"]);
  });

  it("resolves a description to the person given that role", () => {
    const text = `Finance Minister Jana Horak spoke on Tuesday.\n\n"Every ministry must save," the minister added.`;
    expect(statementsOf(text).map((s) => s.speaker)).toEqual(["Jana Horak"]);
  });

  it("finds a speaker named only by an office the graph knows", () => {
    const text = `"We will not sign this text," Poland's foreign minister told reporters on Monday.`;
    const known = [
      { name: "Adam Wrobel", type: "person" as const, offices: [{ title: "Foreign Minister", state: "Poland" }] },
    ];
    expect(statementsOf(text, known).map((s) => [s.speaker, s.saidOn])).toEqual([["Adam Wrobel", "2025-06-02"]]);
    expect(statementsOf(text)).toEqual([]);
  });

  it("takes states and organizations as speakers, capitals standing for governments", () => {
    const text = `"The proposal is unacceptable," the Kremlin said.\n\n"We want an answer," Kyiv said in a statement.`;
    expect(statementsOf(text).map((s) => s.speaker)).toEqual(["The Kremlin", "Ukraine"]);
  });

  it("does not take scare quotes or a heading in quotation marks for statements", () => {
    const text = `"ROOT CAUSES"\n\nThe minister called the plan a "gamble" and left.`;
    expect(statementsOf(text)).toEqual([]);
  });

  it("leaves a quotation without attribution unattributed rather than guessing", () => {
    const text = `The talks ended late.\n\n"Nobody wants another round of this."`;
    const result = extract(text, { publishedOn: PUBLISHED });
    expect(result.statements).toEqual([]);
    expect(result.unattributed.map((u) => u.text)).toEqual(["Nobody wants another round of this."]);
  });
});

describe("reported speech", () => {
  it("reads `X said that …`, `according to X` and a trailing attribution", () => {
    const text = [
      `Marta Sokol said on Sunday that the crossing would reopen within a week.`,
      `According to the Interior Ministry, more than 4,000 people crossed on Saturday.`,
      `The convoy left the capital at dawn, Tomasz Brenner said.`,
    ].join("\n\n");
    expect(statementsOf(text).map((s) => [s.kind, s.speaker, s.saidOn])).toEqual([
      ["REPORTED", "Marta Sokol", "2025-06-01"],
      ["REPORTED", "Interior Ministry", null],
      ["REPORTED", "Tomasz Brenner", null],
    ]);
  });
});

describe("dates", () => {
  it("resolves relative expressions against the day of publication, with their precision", () => {
    const on = (t: string) => datesIn(t, PUBLISHED).map((d) => [d.saidOn, d.datePrecision]);
    expect(on("he said on Sunday")).toEqual([["2025-06-01", "DAY"]]);
    expect(on("she said yesterday")).toEqual([["2025-06-01", "DAY"]]);
    expect(on("he told reporters last month")).toEqual([["2025-05-01", "MONTH"]]);
    expect(on("on 16 May, she said")).toEqual([["2025-05-16", "DAY"]]);
    expect(on("in a speech last year")).toEqual([["2024-01-01", "YEAR"]]);
    expect(on("the talks will resume on 16 June")).toEqual([]);
  });

  it("dates a present-tense cue on the day of publication and leaves a present perfect undated", () => {
    const text = `Moscow says the offer still stands.\n\nThe Kremlin has said that no meeting is planned.`;
    expect(statementsOf(text).map((s) => [s.speaker, s.saidOn, s.precision])).toEqual([
      ["Russia", "2025-06-02", "DAY"],
      ["The Kremlin", null, null],
    ]);
  });
});

describe("datelines", () => {
  it("keeps the dateline out of the first sentence and makes its city a venue", () => {
    const text = `KYIV, 16 September (Wire) - Ukraine's foreign ministry said on Monday that the talks would resume.`;
    const result = extract(text, { publishedOn: "2025-09-16" });
    expect(result.dateline?.name).toBe("Kyiv");
    expect(result.statements.map((s) => text.slice(s.evidence[0]!.start, s.evidence[0]!.end))).toEqual([
      "Ukraine's foreign ministry said on Monday that the talks would resume.",
    ]);
  });
});

describe("occasions and organizations of a state", () => {
  it("makes a named occasion in the attribution the statement's event", () => {
    const text = `"We will not be rushed," Marta Sokol told reporters at the Munich Security Conference on Saturday.`;
    const [s] = extract(text, { publishedOn: PUBLISHED }).statements;
    expect([s!.speaker.name, s!.event?.name, s!.saidOn]).toEqual([
      "Marta Sokol",
      "Munich Security Conference",
      "2025-05-31",
    ]);
  });

  it("drafts a state's ministry as an organization that is part of that state", () => {
    const text = `Ukraine's foreign ministry said on Monday that the talks would resume.`;
    const { dataset } = ingestText(text, { publishedOn: PUBLISHED });
    expect(dataset.organizations.map((o) => [o.name, o.partOf])).toEqual([
      ["Ukraine's foreign ministry", "state:ukraine"],
    ]);
    expect(dataset.states.map((st) => [st.id, st.isoCode])).toEqual([["state:ukraine", "UA"]]);
  });
});

describe("the draft's source", () => {
  it("has one id whether named by its file or by a title that is the file's name", () => {
    const text = `"We are ready," Marta Sokol said.`;
    const byFile = ingestText(text, { publishedOn: PUBLISHED, fileName: "2025-06-02-sokol.txt" }).dataset.source.id;
    const byTitle = ingestText(text, { publishedOn: PUBLISHED, title: "2025-06-02-sokol" }).dataset.source.id;
    const titled = ingestText(text, { publishedOn: PUBLISHED, title: "Sokol is ready" }).dataset.source.id;
    expect([byFile, byTitle, titled]).toEqual([
      "source:2025-06-02-sokol",
      "source:2025-06-02-sokol",
      "source:2025-06-02-sokol-is-ready",
    ]);
  });
});
