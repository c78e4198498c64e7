// The explorer's view in its address (web/explorer/route.ts), what it says of statements (web/explorer/words.ts)
// and the machine-readable dates it writes (web/explorer/dates.ts).
import { datetimeOf } from "../../../web/explorer/dates";
import { parseView, START, viewHash } from "../../../web/explorer/route";
import { saidLine, shortWords, statementWords } from "../../../web/explorer/words";

describe("the explorer's address", () => {
  it("reads a bare id as that node's details, as links to the explorer always were", () => {
    expect(parseView("#person:volodymyr-zelenskyy")).toEqual({ ...START, node: "person:volodymyr-zelenskyy" });
    expect(parseView("#person%3Avolodymyr-zelenskyy")).toEqual({ ...START, node: "person:volodymyr-zelenskyy" });
    expect(parseView("")).toEqual(START);
  });

  it("writes and reads back a node's timeline with its filter and page", () => {
    const view = {
      node: "state:ua",
      tab: "timeline" as const,
      from: "2025-06-01",
      to: "2025-06-30",
      page: 2,
      after: "eyJrIjpb+/=",
    };
    const hash = viewHash(view);
    expect(hash).toBe("#state:ua&tab=timeline&from=2025-06-01&to=2025-06-30&page=2&after=eyJrIjpb%2B%2F%3D");
    expect(parseView(hash)).toEqual(view);
  });

  it("leaves out what is the default, and ignores what it cannot read", () => {
    expect(viewHash({ node: "state:ua", tab: "details", page: 1, after: "x" })).toBe("#state:ua");
    expect(viewHash(START)).toBe("");
    expect(parseView("#state:ua&tab=charts&from=June&page=2")).toEqual({ ...START, node: "state:ua" });
    expect(parseView("#%E0%A4%A")).toEqual(START);
  });
});

describe("what the explorer says someone said", () => {
  const direct = { text: "The key issues can only be resolved by the leaders", kind: "DIRECT_QUOTE" as const };
  const reported = {
    text: "Russia has questioned Zelenskyy's legitimacy throughout the war.",
    kind: "REPORTED" as const,
  };

  it("puts only direct quotations in quotation marks, and marks a reported statement as reported", () => {
    expect(statementWords(direct)).toBe("“The key issues can only be resolved by the leaders”");
    expect(statementWords(reported)).toBe("Russia has questioned Zelenskyy's legitimacy throughout the war.");
    expect(saidLine("Volodymyr Zelenskyy", direct)).toBe(
      "Volodymyr Zelenskyy: “The key issues can only be resolved by the leaders”",
    );
    expect(saidLine("Russia", reported)).toBe(
      "Russia (reported): Russia has questioned Zelenskyy's legitimacy throughout the war.",
    );
    expect(shortWords(reported)).toBe("Russia has questioned Zelenskyy's legitimacy th…");
    expect(shortWords(direct)).toBe("“The key issues can only be resolved by the lead…”");
  });

  it("writes a date's datetime no more precisely than it is known", () => {
    expect(datetimeOf("2025-06-01", "DAY")).toBe("2025-06-01");
    expect(datetimeOf("2025-06-01", "MONTH")).toBe("2025-06");
    expect(datetimeOf("2022-01-01", "YEAR")).toBe("2022");
  });
});
