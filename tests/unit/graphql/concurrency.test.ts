// The per-process cap on expensive operations: never more at once than allowed, the rest in order, a wait too long
// refused.
import { GraphQLError } from "graphql";
import { ConcurrencyLimit } from "../../../src/graphql/concurrency";

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
