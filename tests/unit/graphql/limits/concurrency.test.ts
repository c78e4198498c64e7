// The per-process cap on expensive operations: never more at once than allowed, the rest in order, a wait too long
// refused.
import { GraphQLError } from "graphql";
import { ConcurrencyLimit } from "../../../../src/graphql/limits/concurrency";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("runs at most max operations at once and the others in turn", async () => {
  const limit = new ConcurrencyLimit({ max: 2, maxWaitMs: 5000 });
  let running = 0;
  let most = 0;
  const order: number[] = [];
  await Promise.all(
    [0, 1, 2, 3, 4].map((i) =>
      limit.run("work", async () => {
        running += 1;
        most = Math.max(most, running);
        await sleep(20);
        order.push(i);
        running -= 1;
      }),
    ),
  );
  expect(most).toBe(2);
  expect(order.sort()).toEqual([0, 1, 2, 3, 4]);
});

it("refuses with SERVER_BUSY after waiting too long, and frees its turn after a failure", async () => {
  const limit = new ConcurrencyLimit({ max: 1, maxWaitMs: 50 });
  const slow = limit.run("slow", () => sleep(300));
  const refused = await limit.run("timeline", async () => "ran").catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(GraphQLError);
  expect((refused as GraphQLError).extensions.code).toBe("SERVER_BUSY");
  expect((refused as GraphQLError).message).toMatch(/timeline waited 50 ms behind 1 running/);
  // Answered as HTTP 503 with Retry-After (src/http/limits/overload.ts): one full wait, at least a second.
  expect((refused as GraphQLError).extensions.retryAfterSeconds).toBe(1);
  await slow;
  await expect(limit.run("failing", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
  await expect(limit.run("next", async () => "ran")).resolves.toBe("ran");
});

it("does not cap at all with max 0", async () => {
  const limit = new ConcurrencyLimit({ max: 0, maxWaitMs: 0 });
  let running = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: 10 }, () =>
      limit.run("work", async () => {
        running += 1;
        most = Math.max(most, running);
        await sleep(5);
        running -= 1;
      }),
    ),
  );
  expect(most).toBe(10);
});

it("runs identical keyed operations that wait once, and never joins different keys or unkeyed ones", async () => {
  const limit = new ConcurrencyLimit({ max: 1, maxWaitMs: 5000 });
  let runs = 0;
  const work = (answer: string) => async () => {
    runs += 1;
    await sleep(20);
    return answer;
  };
  const first = limit.run("timeline", work("first"), "k");
  await sleep(0);
  // The first has begun and holds the only turn: it is not joined; of the next four, which wait, two are identical.
  const waiting = [
    limit.run("timeline", work("shared"), "k"),
    limit.run("timeline", work("not used"), "k"),
    limit.run("timeline", work("other"), "other"),
    limit.run("timeline", work("unkeyed")),
  ];
  expect(await Promise.all([first, ...waiting])).toEqual(["first", "shared", "shared", "other", "unkeyed"]);
  expect(runs).toBe(4);
  expect(limit.waits.joined).toBe(1);
});

it("gives every caller that joined a refused wait its own SERVER_BUSY", async () => {
  const limit = new ConcurrencyLimit({ max: 1, maxWaitMs: 30 });
  const slow = limit.run("slow", () => sleep(200));
  const refused = await Promise.all(
    [1, 2].map(() => limit.run("search", async () => "ran", "same").catch((e: unknown) => e)),
  );
  expect(refused.map((e) => (e as GraphQLError).extensions?.code)).toEqual(["SERVER_BUSY", "SERVER_BUSY"]);
  await slow;
});
