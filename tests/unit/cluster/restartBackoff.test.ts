// A worker that keeps crashing is replaced ever more slowly; one that served for a while is replaced at once again.
import { RestartBackoff } from "../../../src/cluster/restartBackoff";

describe("the wait before a dead worker is replaced", () => {
  it("doubles while replacements die young, up to the maximum", () => {
    const backoff = new RestartBackoff({ minMs: 1000, maxMs: 8000, stableMs: 30_000 });
    expect([100, 100, 100, 100, 100, 100].map((lived) => backoff.delayAfter(lived))).toEqual([
      1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it("starts over once a worker has lived long enough to count as healthy", () => {
    const backoff = new RestartBackoff({ minMs: 1000, maxMs: 30_000, stableMs: 30_000 });
    expect(backoff.delayAfter(5 * 60_000)).toBe(1000);
    expect(backoff.delayAfter(2000)).toBe(2000);
    expect(backoff.delayAfter(2000)).toBe(4000);
    expect(backoff.delayAfter(30_000)).toBe(1000);
  });
});
