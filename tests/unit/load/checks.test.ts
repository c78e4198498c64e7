// Dataset checks without a database: unique ids, references, dates and provenance spans, every problem with where
// it is, on small datasets built in code.
import { checkDataset, MAX_SOURCE_TEXT_LENGTH, MAX_STATEMENTS_PER_FILE } from "../../../src/load/checks";
import { parseDataset } from "../../../src/load/dataset";
import { manyStatements, TINY_TEXT, tinyDataset, withStatement } from "../../support/datasets";

/** The problems and outside references of a dataset checked against the tiny article (or the text given). */
const check = (raw: unknown, text = TINY_TEXT) => checkDataset(parseDataset("test.json", raw), text);
const STATEMENT = "statements[0] (statement:doe-will-sign)";

describe("a dataset checked against itself and its source text", () => {
  it("passes the tiny article, with nothing outside it", () => {
    expect(check(tinyDataset())).toEqual({ problems: [], external: [] });
  });

  it("lists references to ids it does not define, for the loader to find in the graph", () => {
    const dataset = tinyDataset({
      organizations: [{ id: "organization:kremlin", name: "Kremlin", partOf: { id: "state:ru", fromSource: false } }],
      offices: [{ person: "person:jane-doe", state: "state:xa", title: "Minister" }],
    });
    const statement = {
      ...dataset.statements[0]!,
      speaker: "person:john-roe",
      mentions: ["state:ru", "person:jane-doe"],
    };
    expect(check({ ...dataset, statements: [statement] })).toEqual({
      problems: [],
      external: [
        { where: "organizations[0] (organization:kremlin).partOf", id: "state:ru" },
        { where: "offices[0].state", id: "state:xa" },
        { where: `${STATEMENT}.speaker`, id: "person:john-roe" },
        { where: `${STATEMENT}.mentions[0]`, id: "state:ru" },
      ],
    });
  });

  it("refuses an id used twice, naming where it was first", () => {
    const dataset = tinyDataset();
    const venues = [...dataset.venues, { id: "venue:geneva", name: "Genf", kind: "city" }];
    expect(
      check({ ...dataset, venues, people: [...dataset.people, { id: "person:jane-doe", name: "J. Doe" }] }).problems,
    ).toEqual([
      "people[1] (person:jane-doe): id person:jane-doe is already used by people[0] (person:jane-doe)",
      "venues[1] (venue:geneva): id venue:geneva is already used by venues[0] (venue:geneva)",
    ]);
  });

  it("refuses a venue located in itself", () => {
    const venues = [{ id: "venue:geneva", name: "Geneva", kind: "city", locatedIn: "venue:geneva" }];
    expect(check(tinyDataset({ venues })).problems).toEqual([
      "venues[0] (venue:geneva).locatedIn: a venue cannot be located in itself",
    ]);
  });
});

describe("dates", () => {
  it("refuse a statement said after its source was published", () => {
    expect(check(withStatement({ saidOn: "2025-03-05" })).problems).toEqual([
      `${STATEMENT}.saidOn: 2025-03-05 is after the source was published (2025-03-04)`,
    ]);
    expect(check(withStatement({ saidOn: "2025-03-04" })).problems).toEqual([]);
  });

  it("refuse a MONTH or YEAR date that is not the first day of its period", () => {
    expect(check(withStatement({ saidOn: "2025-03-03", datePrecision: "MONTH" })).problems).toEqual([
      `${STATEMENT}.saidOn: 2025-03-03 has MONTH precision and must be the first day of the month (2025-03-01)`,
    ]);
    expect(check(withStatement({ saidOn: "2025-03-01", datePrecision: "YEAR" })).problems).toEqual([
      `${STATEMENT}.saidOn: 2025-03-01 has YEAR precision and must be January 1st (2025-01-01)`,
    ]);
    expect(check(withStatement({ saidOn: "2025-03-01", datePrecision: "MONTH" })).problems).toEqual([]);
    expect(check(withStatement({ saidOn: "2025-01-01", datePrecision: "YEAR" })).problems).toEqual([]);
  });

  it("refuse a precision without a date", () => {
    const { saidOn: _saidOn, ...undated } = tinyDataset().statements[0]!;
    expect(check(tinyDataset({ statements: [undated] })).problems).toEqual([
      `${STATEMENT}.datePrecision: given without saidOn`,
    ]);
  });

  it("refuse an event's date without a precision, a wrong precision, and a start on another day", () => {
    const events = [
      { id: "event:a", name: "A", date: "2025-05-16" },
      { id: "event:b", name: "B", date: "2025-05-16", datePrecision: "YEAR" },
      { id: "event:c", name: "C", date: "2025-05-16", datePrecision: "DAY", startsAt: "2025-05-17T10:00:00+03:00" },
      { id: "event:d", name: "D", date: "2025-05-16", datePrecision: "DAY", startsAt: "2025-05-16T10:00:00+03:00" },
    ];
    expect(check(tinyDataset({ events })).problems).toEqual([
      "events[0] (event:a).datePrecision: required when date is given (DAY, MONTH or YEAR)",
      "events[1] (event:b).date: 2025-05-16 has YEAR precision and must be January 1st (2025-01-01)",
      "events[2] (event:c).startsAt: 2025-05-17T10:00:00+03:00 is not on the event's date 2025-05-16",
    ]);
  });
});

describe("evidence spans", () => {
  const quoteStart = TINY_TEXT.indexOf('"We will sign');

  it("must end after they start", () => {
    expect(check(withStatement({ evidence: [{ start: 20, end: 20 }] })).problems).toEqual([
      `${STATEMENT}.evidence[0]: end 20 must be greater than start 20`,
    ]);
  });

  it("must lie inside the source text", () => {
    expect(check(withStatement({ evidence: [{ start: 10, end: 5000 }] })).problems).toEqual([
      `${STATEMENT}.evidence[0]: span 10-5000 is outside the source text (77 characters)`,
    ]);
    expect(check(withStatement({ evidence: [{ start: quoteStart, end: 77 }] })).problems).toEqual([]);
  });

  it("must hold a direct quotation's words, and say what they read instead", () => {
    const outside =
      `${STATEMENT}.evidence[0]: the quoted words "We will sign on Friday" are not inside the span 0-30, ` +
      'which reads "GENEVA: Jane Doe met the press"';
    expect(check(withStatement({ evidence: [{ start: 0, end: 30 }] })).problems).toEqual([outside]);
    // Every span must hold them, not only one of them.
    const spans = [
      { start: 0, end: 30 },
      { start: quoteStart, end: 77 },
    ];
    expect(check(withStatement({ evidence: spans })).problems).toEqual([outside]);
  });

  it("need not hold a reported statement's words", () => {
    expect(
      check(withStatement({ kind: "REPORTED", text: "Doe said they would sign", evidence: [{ start: 0, end: 30 }] }))
        .problems,
    ).toEqual([]);
  });
});

describe("sizes", () => {
  it("refuse more statements than one transaction may hold, with how to split them", () => {
    const dataset = manyStatements(MAX_STATEMENTS_PER_FILE + 1);
    expect(checkDataset(parseDataset("many.json", dataset), dataset.source.text).problems).toEqual([
      "statements: 10001 statements in one file; a dataset file is one transaction and may hold at most 10000: " +
        "split it into several files (each with a source of its own)",
    ]);
  });

  it("refuse a source text over 5,000,000 characters", () => {
    expect(MAX_SOURCE_TEXT_LENGTH).toBe(5_000_000);
    expect(check(tinyDataset(), TINY_TEXT.padEnd(5_000_001, ".")).problems).toEqual([
      "source.text: 5000001 characters; a source text may have at most 5000000",
    ]);
  });
});

describe("every problem at once", () => {
  it("in the order of the file", () => {
    const dataset = tinyDataset({
      venues: [{ id: "venue:geneva", name: "Geneva", kind: "city", locatedIn: "venue:geneva" }],
    });
    const statement = {
      ...dataset.statements[0]!,
      saidOn: "2025-04-01",
      datePrecision: "MONTH",
      evidence: [{ start: 5, end: 1 }],
    };
    expect(check({ ...dataset, statements: [statement] }).problems).toEqual([
      "venues[0] (venue:geneva).locatedIn: a venue cannot be located in itself",
      `${STATEMENT}.saidOn: 2025-04-01 is after the source was published (2025-03-04)`,
      `${STATEMENT}.evidence[0]: end 1 must be greater than start 5`,
    ]);
  });
});

describe("responses between statements", () => {
  /** The tiny dataset with a second statement, reported the day before, that the first responds to. */
  const exchange = (respondsTo: unknown[], change: Record<string, unknown> = {}) => {
    const dataset = tinyDataset();
    const first = { ...dataset.statements[0]!, respondsTo, ...change };
    const earlier = {
      id: "statement:doe-met-the-press",
      speaker: "person:jane-doe",
      text: "Jane Doe met the press.",
      kind: "REPORTED",
      saidOn: "2025-03-02",
      evidence: [{ start: 8, end: 31 }],
    };
    return { ...dataset, statements: [first, earlier] };
  };

  it("pass a response to a statement of the dataset, and list one to a statement outside it for the graph", () => {
    const outside = { statement: "statement:from-another-source", relation: "QUOTES" };
    expect(check(exchange([{ statement: "statement:doe-met-the-press", relation: "ANSWERS" }, outside]))).toEqual({
      problems: [],
      external: [{ where: `${STATEMENT}.respondsTo[1].statement`, id: "statement:from-another-source" }],
    });
  });

  it("refuse a response to itself, twice to one statement, to a later one, and spans outside the text", () => {
    const problems = check(
      exchange(
        [
          { statement: "statement:doe-will-sign", relation: "ANSWERS" },
          { statement: "statement:doe-met-the-press", relation: "ANSWERS", evidence: [{ start: 0, end: 999 }] },
          { statement: "statement:doe-met-the-press", relation: "REJECTS" },
        ],
        { saidOn: "2025-03-01" },
      ),
    ).problems;
    expect(problems).toEqual([
      `${STATEMENT}.respondsTo[0]: a statement cannot respond to itself`,
      `${STATEMENT}.respondsTo[1]: statement:doe-will-sign (said 2025-03-01) cannot respond to ` +
        "statement:doe-met-the-press, said later (2025-03-02)",
      `${STATEMENT}.respondsTo[2]: statement:doe-met-the-press is already answered here (ANSWERS); give one relation ` +
        "per statement",
      `${STATEMENT}.respondsTo[1].evidence[0]: span 0-999 is outside the source text (${TINY_TEXT.length} characters)`,
    ]);
  });

  it("refuse a relation the format does not know", () => {
    expect(() => check(exchange([{ statement: "statement:doe-met-the-press", relation: "AGREES" }]))).toThrow(
      /statements\[0\] \(statement:doe-will-sign\)\.respondsTo\[0\]\.relation: Invalid option/,
    );
  });
});
