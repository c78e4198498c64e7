// Dates with a precision, events' dates and start times, and statements said no later than their sources appeared.
import {
  changedPrecision,
  eventDateProblems,
  precisionProblem,
  precisionWithoutDateProblem,
  saidAfterPublished,
  saidAfterPublishedProblem,
  statementDateProblems,
} from "../../../src/domain/dates";

describe("a date with a precision", () => {
  it("may be any day with DAY precision, or none", () => {
    expect(precisionProblem("2025-06-17", "DAY")).toBeUndefined();
    expect(precisionProblem("2025-06-17", null)).toBeUndefined();
    expect(precisionProblem(null, "MONTH")).toBeUndefined();
  });

  it("is the first day of its month or year for MONTH and YEAR, naming the date to write", () => {
    expect(precisionProblem("2025-06-01", "MONTH")).toBeUndefined();
    expect(precisionProblem("2025-01-01", "YEAR")).toBeUndefined();
    expect(precisionProblem("2025-06-06", "MONTH")).toBe(
      "2025-06-06 has MONTH precision and must be the first day of the month (2025-06-01)",
    );
    expect(precisionProblem("2025-06-01", "YEAR")).toBe(
      "2025-06-01 has YEAR precision and must be January 1st (2025-01-01)",
    );
  });

  it("is needed for a precision", () => {
    expect(precisionWithoutDateProblem(null, "DAY", "a date")).toBe("given without a date");
    expect(precisionWithoutDateProblem(undefined, "YEAR", "saidOn")).toBe("given without saidOn");
    expect(precisionWithoutDateProblem("2025-06-06", "DAY", "saidOn")).toBeUndefined();
    expect(precisionWithoutDateProblem(null, null, "saidOn")).toBeUndefined();
  });
});

describe("an event's dates", () => {
  it("hold together: a date with its precision, a start time on that date", () => {
    expect(eventDateProblems({})).toEqual([]);
    expect(
      eventDateProblems({ date: "2025-05-16", datePrecision: "DAY", startsAt: "2025-05-16T13:00:00+03:00" }),
    ).toEqual([]);
  });

  it("list every problem with the field it belongs to, in the loader's order", () => {
    expect(eventDateProblems({ date: "2025-07-23", datePrecision: "MONTH", startsAt: "2025-07-24T10:00:00Z" })).toEqual(
      [
        {
          field: "date",
          problem: "2025-07-23 has MONTH precision and must be the first day of the month (2025-07-01)",
        },
        { field: "startsAt", problem: "2025-07-24T10:00:00Z is not on the event's date 2025-07-23" },
      ],
    );
    expect(eventDateProblems({ date: "2025-07-23" })).toEqual([
      { field: "datePrecision", problem: "required when date is given (DAY, MONTH or YEAR)" },
    ]);
  });

  it("leave a start time alone when there is no date, and a precision without a date to the write path", () => {
    expect(eventDateProblems({ startsAt: "2025-07-24T10:00:00Z" })).toEqual([]);
    expect(eventDateProblems({ datePrecision: "DAY" })).toEqual([]);
  });
});

describe("a statement's date", () => {
  it("needs saidOn for a precision and agrees with it", () => {
    expect(statementDateProblems({ saidOn: "2025-06-01", datePrecision: "MONTH" })).toEqual([]);
    expect(statementDateProblems({ datePrecision: "DAY" })).toEqual([
      { field: "datePrecision", problem: "given without saidOn" },
    ]);
    expect(statementDateProblems({ saidOn: "2025-03-03", datePrecision: "MONTH" })).toEqual([
      {
        field: "saidOn",
        problem: "2025-03-03 has MONTH precision and must be the first day of the month (2025-03-01)",
      },
    ]);
  });

  it("is not after the publication of a source reporting it; the same day is fine", () => {
    expect(saidAfterPublished("2025-06-07", "2025-06-06")).toBe(true);
    expect(saidAfterPublished("2025-06-06", "2025-06-06")).toBe(false);
    expect(saidAfterPublished(null, "2025-06-06")).toBe(false);
    expect(saidAfterPublishedProblem("2025-06-05", { publishedOn: "2025-06-06" })).toBeUndefined();
    expect(saidAfterPublishedProblem("2025-06-07", { id: "source:kyiv-brief", publishedOn: "2025-06-06" })).toBe(
      "2025-06-07 is after source:kyiv-brief was published (2025-06-06)",
    );
    expect(saidAfterPublishedProblem("2025-03-05", { publishedOn: "2025-03-04" })).toBe(
      "2025-03-05 is after the source was published (2025-03-04)",
    );
  });
});

describe("a precision after a change", () => {
  it("is the one given, even null", () => {
    expect(changedPrecision("MONTH", undefined, "DAY")).toBe("MONTH");
    expect(changedPrecision(null, "2025-06-06", "DAY")).toBeNull();
  });

  it("goes with a cleared date, and otherwise stays as stored", () => {
    expect(changedPrecision(undefined, null, "DAY")).toBeNull();
    expect(changedPrecision(undefined, "2025-06-01", "MONTH")).toBe("MONTH");
    expect(changedPrecision(undefined, undefined, "YEAR")).toBe("YEAR");
  });
});
