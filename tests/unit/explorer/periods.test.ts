// The explorer's chart periods (web/explorer/periods.ts): counts by day rolled up exactly, the unit chosen by span,
// empty periods filled in, and the labels the axis and the text alternative use.
import { chooseUnit, isCoarse, periodBars, periodLabel, precisionOf, rollUp } from "../../../web/explorer/periods";

const BY_DAY = [
  { period: "2025-06-02", count: 2 },
  { period: "2025-05", count: 1 },
  { period: "2025-06-01", count: 3 },
  { period: "2025", count: 1 },
  { period: "2025-06-04", count: 1 },
];

describe("explorer chart periods", () => {
  it("tells a period's precision by its length, and whether it is coarser than a unit", () => {
    expect([precisionOf("2025"), precisionOf("2025-06"), precisionOf("2025-06-02")]).toEqual(["YEAR", "MONTH", "DAY"]);
    expect(isCoarse("2025-06", "DAY")).toBe(true);
    expect(isCoarse("2025-06", "MONTH")).toBe(false);
    expect(isCoarse("2025-06-02", "YEAR")).toBe(false);
  });

  it("rolls days up into months and years, a coarser date keeping its own period, in date order", () => {
    expect(rollUp(BY_DAY, "DAY")).toEqual([
      { period: "2025", count: 1 },
      { period: "2025-05", count: 1 },
      { period: "2025-06-01", count: 3 },
      { period: "2025-06-02", count: 2 },
      { period: "2025-06-04", count: 1 },
    ]);
    expect(rollUp(BY_DAY, "MONTH")).toEqual([
      { period: "2025", count: 1 },
      { period: "2025-05", count: 1 },
      { period: "2025-06", count: 6 },
    ]);
    expect(rollUp(BY_DAY, "YEAR")).toEqual([{ period: "2025", count: 8 }]);
  });

  it("chooses days for up to two months, months for up to three years, years beyond, never finer than the data", () => {
    expect(chooseUnit([])).toBe("MONTH");
    expect(chooseUnit(["2025-06-01", "2025-06-20"])).toBe("DAY");
    expect(chooseUnit(["2025-06-01", "2025-09-20"])).toBe("MONTH");
    expect(chooseUnit(["2020-06-01", "2025-09-20"])).toBe("YEAR");
    expect(chooseUnit(["2025-06"])).toBe("MONTH");
    expect(chooseUnit(["2025"])).toBe("YEAR");
  });

  it("fills the periods between the first and the last with zeros, a coarser period first", () => {
    const series = [
      [
        { period: "2025-06-01", count: 2 },
        { period: "2025-06", count: 1 },
      ],
      [{ period: "2025-06-04", count: 1 }],
    ];
    expect(periodBars(series, "DAY")).toEqual({
      unit: "DAY",
      periods: ["2025-06", "2025-06-01", "2025-06-02", "2025-06-03", "2025-06-04"],
      counts: [
        [1, 2, 0, 0, 0],
        [0, 0, 0, 0, 1],
      ],
    });
    expect(
      periodBars(
        [
          [
            { period: "2024-11-03", count: 1 },
            { period: "2025-02-01", count: 2 },
          ],
        ],
        "MONTH",
      ),
    ).toEqual({ unit: "MONTH", periods: ["2024-11", "2024-12", "2025-01", "2025-02"], counts: [[1, 0, 0, 2]] });
  });

  it("draws a year of days as the days that have statements, not 365 bars", () => {
    const bars = periodBars(
      [
        [
          { period: "2025-01-01", count: 1 },
          { period: "2025-12-31", count: 1 },
        ],
      ],
      "DAY",
    );
    expect(bars.periods).toEqual(["2025-01-01", "2025-12-31"]);
  });

  it("labels a period short for the axis and in full for the text alternative", () => {
    expect(periodLabel("2025-06-02", "DAY")).toEqual({ tick: "2 Jun", text: "2 June 2025" });
    expect(periodLabel("2025-06", "MONTH")).toEqual({ tick: "Jun 2025", text: "June 2025" });
    expect(periodLabel("2025-06", "DAY")).toEqual({ tick: "Jun 2025", text: "June 2025 (only the month known)" });
    expect(periodLabel("2025", "MONTH")).toEqual({ tick: "2025", text: "2025 (only the year known)" });
  });
});
