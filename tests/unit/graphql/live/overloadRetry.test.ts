// Which refused reads a subscription waits out, and its pauses between tries (src/graphql/live/overloadRetry.ts).
import { GraphQLError } from "graphql";
import { OverloadedError, QueryTimeoutError, QueryTooLargeError } from "../../../../src/graph/runtime/errors";
import { backoffMs, isOverload, retryOverload } from "../../../../src/graphql/live/overloadRetry";

describe("overload retry", () => {
  it("retries what changed nothing (busy, timed out, away), not a mistake or a query too large", () => {
    expect(isOverload(new OverloadedError("slots", 5))).toBe(true);
    expect(isOverload(new QueryTimeoutError("15000 ms"))).toBe(true);
    expect(isOverload(new GraphQLError("busy", { extensions: { code: "SERVER_BUSY" } }))).toBe(true);
    expect(isOverload(new GraphQLError("wrapped", { originalError: new OverloadedError("slots", 5) }))).toBe(true);
    expect(isOverload(new QueryTooLargeError("memory"))).toBe(false);
    expect(isOverload(new GraphQLError("bad", { extensions: { code: "BAD_USER_INPUT" } }))).toBe(false);
    expect(isOverload(new Error("other"))).toBe(false);
  });

  it("pauses 100 ms, doubling, never more than 5 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffMs(attempt))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000, 5000,
    ]);
  });

  it("tries until the work succeeds, and gives up when nobody wants the answer", async () => {
    const backoff = { firstMs: 1, maxMs: 2 };
    let tries = 0;
    const flaky = async () => {
      if (++tries < 4) throw new OverloadedError("slots", 5);
      return "read";
    };
    await expect(retryOverload(flaky, () => true, { backoff })).resolves.toBe("read");
    expect(tries).toBe(4);
    const refused = new OverloadedError("slots", 5);
    let wanted = 2;
    const always = () => Promise.reject(refused);
    await expect(retryOverload(always, () => wanted-- > 0, { backoff })).rejects.toBe(refused);
    const mistake = new Error("a bug");
    await expect(
      retryOverload(
        () => Promise.reject(mistake),
        () => true,
        { backoff },
      ),
    ).rejects.toBe(mistake);
  });
});
