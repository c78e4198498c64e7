// Question-and-answer interviews on texts written here (invented people): each answer is the interviewee's words,
// the interviewer's questions are nobody's statement, and a report with a rhetorical question or two stays a report.
// Also the hand-overs that end a paragraph without a colon ("X wrote [pt]", "Commenter X wrote").
import { extract } from "../../../src/ingest/extract";
import { paragraphsOf } from "../../../src/ingest/text/layout";
import { quotationsOf } from "../../../src/ingest/quotations/quotes";
import { interviewOf, isQuestion } from "../../../src/ingest/quotations/interviewAnswers";
import { handsOver } from "../../../src/ingest/quotations/blockQuotes";
import { nameRuns } from "../../../src/ingest/entities/nameRuns";

const run = (text: string) => extract(text, { publishedOn: "2026-05-02" });
const lines = (...paragraphs: string[]) => paragraphs.join("\n\n");
const answersOf = (text: string) => {
  const paragraphs = paragraphsOf(text);
  return interviewOf(text, paragraphs, quotationsOf(text, paragraphs))?.answers.map((a) =>
    text.slice(a.parts[0]!.start, a.parts[0]!.start + 12),
  );
};

const INTERVIEW = lines(
  "Wikinews interviews Maren Thorsby on the new tide gauges",
  "Friday, May 1, 2026",
  "How did the gauges come about?",
  "We lost two piers to storms in three winters. I wanted numbers before the next one.",
  "What surprised you most?",
  "The speed. The water rose faster than any model we had.",
  "It changed how we plan the season.",
  "Will you expand the network",
  "Yes, to six more harbours by the autumn.",
  "Is there anything you would like to add?",
  "Only thanks to the volunteers who read the gauges every morning.",
);

describe("interview answers", () => {
  it("tells questions from answers, with or without a question mark", () => {
    expect(isQuestion("What surprised you most?")).toBe(true);
    expect(isQuestion("Will you expand the network")).toBe(true);
    expect(isQuestion("Yes, to six more harbours by the autumn.")).toBe(false);
    expect(isQuestion('"Why now?" she asked.')).toBe(false);
  });

  it("drafts every answer paragraph as the interviewee's quotation and no question", () => {
    const out = run(INTERVIEW);
    const answers = out.statements.filter((s) => s.cue === "interview: answer");
    expect(answers.map((s) => [s.speaker.name, s.text.slice(0, 12)])).toEqual([
      ["Maren Thorsby", "We lost two "],
      ["Maren Thorsby", "The speed. T"],
      ["Maren Thorsby", "It changed h"],
      ["Maren Thorsby", "Yes, to six "],
      ["Maren Thorsby", "Only thanks "],
    ]);
    expect(answers.every((s) => s.kind === "DIRECT_QUOTE" && s.confidence >= 0.7)).toBe(true);
    expect(out.statements.some((s) => s.text.includes("What surprised you"))).toBe(false);
  });

  it("takes the person the introduction says it spoke with, not the first name in it", () => {
    const text = lines(
      "Magicians gather in Leeds",
      "June is Harbour Magic Month in the county. Our reporter spoke with Oskar Lindqvist, chair of the guild.",
      "How long have you performed?",
      "Forty years, since I was a boy in Malmo.",
      "Is magic growing?",
      "More people learn it now than ever before.",
      "Do you still travel?",
      "Every month, to a new town.",
    );
    expect(new Set(run(text).statements.map((s) => s.speaker.name))).toEqual(new Set(["Oskar Lindqvist"]));
  });

  it("never takes the reporter who asked, nor a place read as a name, for the interviewee", () => {
    const text = lines(
      "Wikinews interviews Tomas Reyes, candidate for Mayor of Georgia Falls",
      "Saturday, May 2, 2026",
      "Lawyer Tomas Reyes answered questions sent by e-mail by accredited Wikinews reporter Hanna Voss.",
      "Why do you run?",
      "The town deserves a budget it can read.",
      "What would you change first?",
      "The bus routes, within a month.",
      "Whom do you admire?",
      "My first teacher, who ran the library.",
    );
    const answers = run(text).statements.filter((s) => s.cue === "interview: answer");
    expect(answers.map((s) => [s.speaker.name, s.confidence])).toEqual([
      ["Tomas Reyes", 0.9],
      ["Tomas Reyes", 0.9],
      ["Tomas Reyes", 0.9],
    ]);
  });

  it("takes the person the headline says is interviewed over one the introduction says sat with them", () => {
    const text = lines(
      "Interview with the oceanographer Ilse Brandvold",
      "On May 1 Ilse Brandvold, who studies the northern currents, sat down with Piet Aalders for an interview.",
      "Are the currents slowing?",
      "Some of them, and faster than we thought.",
      "What should be done?",
      "Measure first, then argue.",
      "Where next?",
      "The straits in the east.",
    );
    const answers = run(text).statements.filter((s) => s.cue === "interview: answer");
    expect(new Set(answers.map((s) => s.speaker.name))).toEqual(new Set(["Ilse Brandvold"]));
    expect(answers).toHaveLength(3);
  });

  it("leaves the answers for review when two people are interviewed", () => {
    const text = lines(
      "Wikinews interviews Ada Brandt and Jonas Weil of a small games studio",
      "How did you meet?",
      "At school, in a class of twelve.",
      "What are you making now?",
      "A puzzle game about lighthouses.",
      "When will it be out?",
      "Next spring, we hope.",
    );
    const out = run(text);
    expect(out.statements.filter((s) => s.cue === "interview: answer")).toEqual([]);
    expect(out.unattributed.map((u) => u.reason)).toContain("interview answer: Ada Brandt or Jonas Weil?");
  });

  it("stops the last answer where the article introduces something else, and skips captions", () => {
    const text = lines(
      "Interview with harbour master Maren Thorsby",
      "What changed this year?",
      "The tides, mostly.",
      "And next year?",
      "More gauges.",
      "Anything else?",
      "No, that is all.",
      "Thorsby beside a gauge in April",
      "Here are the harbours in the network:",
      "Northport, Eastwick and Lowe.",
    );
    expect(answersOf(text)).toEqual(["The tides, m", "More gauges.", "No, that is "]);
  });

  it("reads a wish to ask and a prompt addressed to the one asked as questions, a heading as nothing", () => {
    expect(isQuestion("I just wanted to know if you had thoughts on the new quay, I know you spoke about it.")).toBe(
      true,
    );
    const text = lines(
      "Interview with harbour master Maren Thorsby",
      "Friday, May 1, 2026",
      "On April 20, harbour master Thorsby sat down with Piet Aalders for an interview in her office.",
      "You have had a busy spring.",
      "We lost two piers to storms. I wanted numbers before the next one.",
      "On the gauges",
      "I wanted to ask about the gauges you put up in March.",
      "They read the water every minute. We share it with the ferries.",
      "Your volunteers must be tired by now.",
      "They are, but they keep coming every morning.",
    );
    expect(answersOf(text)).toEqual(["We lost two ", "They read th", "They are, bu"]);
    const answers = run(text).statements.filter((s) => s.cue === "interview: answer");
    expect(new Set(answers.map((s) => s.speaker.name))).toEqual(new Set(["Maren Thorsby"]));
  });

  it("takes neither an editor's note nor a caption with its credit in lower case for an answer", () => {
    const text = lines(
      "Interview with harbour master Maren Thorsby",
      "What changed this year?",
      "The tides, mostly. We measure them every minute now.",
      "Ed.: the readings are published on the harbour's site.",
      "And next year?",
      "More gauges, six of them along the north quay.",
      "This map shows the six new gauges along the north quay, and the old pier image: Harbour Board.",
      "Anything else?",
      "No, that is all.",
    );
    expect(answersOf(text)).toEqual(["The tides, m", "More gauges,", "No, that is "]);
  });

  it("leaves a report with rhetorical questions as it was", () => {
    const text = lines(
      "Council debates the harbour budget",
      "The council met on Tuesday. Who will pay for the piers?",
      "The mayor said the county should.",
      "Is that fair to the fishermen?",
      "Many of them think it is not.",
      "What happens next?",
      "A vote in June.",
    );
    expect(answersOf(text)).toBeUndefined();
  });
});

describe("hand-overs without a colon", () => {
  it("reads a language tag or a trailing verb of writing as handing over", () => {
    expect(handsOver("Blogger Ana Sousa wrote [pt]")).toBe(true);
    expect(handsOver("Commenter Rui Matos wrote")).toBe(true);
    expect(handsOver("The minister said:")).toBe(true);
    expect(handsOver("The minister spoke for an hour.")).toBe(false);
    expect(handsOver("See the photographs [gallery link]")).toBe(false);
  });

  it("drafts the paragraph after 'X wrote [pt]' as X's words", () => {
    const text = lines(
      "Lisbon bloggers react to the port strike",
      "Blogger Ana Sousa wrote [pt]",
      "I have never seen the river this quiet. The strike has stopped the whole city and I support the dockers.",
      "The strike enters its third week on Monday.",
    );
    expect(run(text).statements.map((s) => [s.speaker.name, s.text.slice(0, 16)])).toEqual([
      ["Ana Sousa", "I have never see"],
    ]);
  });
});

describe("how an introduction announces an interview (seventh session)", () => {
  const QA = lines(
    "How did the project start?",
    "We started with a small grant and a borrowed telescope. Nobody thought it would work, and for two years it " +
      "did not.",
    "What changed?",
    "A student of mine found the first grain in 2004. After that the money came, and so did the volunteers.",
    "Do volunteers still help?",
    "Every day. They look at millions of images, and they have found most of what we know.",
  );
  const speakers = (text: string) => {
    const x = run(text);
    return [x.statements.map((s) => `${s.speaker.name}@${s.confidence}`), x.unattributed.length];
  };

  it.each([
    ["sat down with", "Wikinews reporter Ana Lind sat down with astronomer Peter Aalders of Harbour College."],
    ["caught up with", "Wikinews caught up with Peter Aalders, an astronomer at Harbour College, about his archive."],
    ["chatted with", "Wikinews chatted with Peter Aalders, the astronomer who leads the archive at Harbour College."],
    ["asked", "Wikinews asked Peter Aalders, the astronomer who leads the archive, about its future."],
    [
      "our questions",
      "Peter Aalders leads the archive at Harbour College. He agreed to answer a few of our questions.",
    ],
  ])("finds the interviewee after '%s'", (_, introduction) => {
    const text = lines("Astronomer builds a dust archive", introduction, QA);
    expect(speakers(text)).toEqual([Array(3).fill("Peter Aalders@0.9"), 0]);
  });

  it("takes the only person the headline and introduction name, a little less sure", () => {
    const text = lines("Peter Aalders on the dust archive", "The astronomer answered questions by email.", QA);
    expect(speakers(text)).toEqual([Array(3).fill("Peter Aalders@0.8"), 0]);
  });

  it("reads 'X sat down with Y' as saying nothing of who answers, and the headline decides", () => {
    const text = lines(
      "Interview with astronomer Peter Aalders",
      "On Monday, Professor Peter Aalders sat down with Ana Lind for an interview in his office.",
      QA,
    );
    expect(speakers(text)).toEqual([Array(3).fill("Peter Aalders@0.8"), 0]);
  });

  it("never takes a person the introduction quotes from another outlet's interview", () => {
    const text = lines(
      "Bar owner on a new cocktail",
      "Wikinews interviewed one of the owners of a bar about a new cocktail.",
      'The drink is named after a senator. "It is offensive," he said. Peter Aalders criticised it in a 2011 ' +
        "radio interview.",
      QA,
    );
    expect(speakers(text)[0]).not.toContain("Peter Aalders@0.9");
  });
});

describe("a transcript whose interviewer also puts statements (eighth session)", () => {
  const TRANSCRIPT = lines(
    "Monday, March 2, 2026",
    "Tromsø, Norway On Saturday, Wikinews interviewed Sigrid Aalberg, who rowed for Norway at two Olympic Games.",
    "What was your first regatta abroad?",
    "It was in Ghent, I think in 2009. We finished last, but I learned more there than in any race since.",
    "That is not how most rowers describe their first race.",
    "No, and I know it sounds odd. But losing early meant we stopped being afraid of losing.",
    "Did the federation pay for the trip?",
    "We paid for most of it ourselves. The federation only started helping after 2012.",
    "The team has never won a world title.",
    "We always seem to peak a year too early. I cannot explain it.",
    "The federation plans to move the trials to the spring.",
    "Oh really.",
  );

  it("reads a short statement between two answers as the interviewer's prompt, not an answer", () => {
    expect(answersOf(TRANSCRIPT)).toEqual([
      "It was in Gh",
      "No, and I kn",
      "We paid for ",
      "We always se",
      "Oh really.",
    ]);
    const quotes = run(TRANSCRIPT).statements.filter((s) => s.kind === "DIRECT_QUOTE");
    expect(new Set(quotes.map((s) => s.speaker.name))).toEqual(new Set(["Sigrid Aalberg"]));
    expect(quotes.map((s) => s.text)).not.toContain("The team has never won a world title.");
  });

  it("needs two questions asked before statements count as prompts", () => {
    const report = lines(
      "Rowers protest the new trials",
      "Rowers asked the federation on Monday to keep the trials in the autumn.",
      "Why now?",
      '"We train all summer and we peak in September," one rower said. "I do not see why we should change."',
      "The federation has not answered.",
      '"We will keep asking," she said.',
    );
    expect(answersOf(report)).toBeUndefined();
  });
});

describe("an interview of two people (eighth session)", () => {
  const answer = (text: string, start: string) => {
    const out = run(text);
    const s = out.statements.find((x) => x.text.startsWith(start));
    return s ? [s.speaker.name, s.confidence] : undefined;
  };
  const PAIR = lines(
    "Wikinews interviews Ada Brandt and Jonas Weil of Lantern Games",
    "Who are you?",
    "Lantern Games is the two of us, really. I'm Ada Brandt.",
    "And I'm Jonas Weil.",
    "How did you meet?",
    "At school. Everyone told me about this quiet boy named Jonas who drew lighthouses.",
    "What are you making now?",
    "A puzzle game. We started it on a train to Bergen, Ada and I.",
    "When will it be out?",
    "Next spring, we hope.",
  );

  it('gives an answer to the one it names after "I\'m"', () => {
    expect(answer(PAIR, "Lantern Games is")).toEqual(["Ada Brandt", 0.9]);
    expect(answer(PAIR, "And I'm Jonas")).toEqual(["Jonas Weil", 0.9]);
  });

  it("gives an answer that names one of the two to the other, and leaves the rest for review", () => {
    expect(answer(PAIR, "At school.")?.[0]).toBe("Ada Brandt");
    expect(answer(PAIR, "A puzzle game.")?.[0]).toBe("Jonas Weil");
    expect(answer(PAIR, "Next spring")).toBeUndefined();
    expect(run(PAIR).unattributed.map((u) => u.text)).toContain("Next spring, we hope.");
  });

  it('never makes "I\'m" or "and I" part of a name', () => {
    const names = (sentence: string) => nameRuns(sentence, { start: 0, end: sentence.length }).map((r) => r.name);
    expect(names("And I'm Jonas Weil.")).toEqual(["Jonas Weil"]);
    expect(names("We started it in Bergen, Ada and I.")).toEqual(["Bergen", "Ada"]);
  });

  it("gives no answer to the other of two people the introduction only names as its topic", () => {
    const topic = lines(
      "Wikinews interviews a Brooklyn bar owner on a new cocktail",
      "The cocktail is named after Senator Rick Tallow. The columnist Dana Vell mocked the senator last year, and " +
        "Wikinews spoke with the bar's owner about the drink.",
      "When did you start serving it?",
      "A few months ago. Tallow was in the news every day.",
      "Is it popular?",
      "Mildly. People order it for the name.",
      "Will you keep it?",
      "Until the primaries are over.",
    );
    const out = run(topic);
    expect(out.statements.find((s) => s.text.startsWith("A few months ago"))).toBeUndefined();
  });
});
