// The admission queue in front of the driver: never more in flight than allowed, the rest served in arrival order,
// a wait too long or a queue too long refused as overloaded, and every slot given back however the work ended.
import { Admission } from "../../../../src/graph/runtime/admission";
import { OverloadedError } from "../../../../src/graph/runtime/errors";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Work that runs until the test lets it finish. */
function held() {
  let finish: () => void = () => {};
  let fail: (e: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { work: () => done, finish, fail };
}

/** Lets the promise callbacks queued so far run. */
const settle = () => sleep(0);

it("runs at most maxInFlight at once and the others in the order they came", async () => {
  const admission = new Admission({ maxInFlight: 2, maxWaitMs: 5000, maxQueued: 100 });
  const jobs = Array.from({ length: 6 }, () => held());
  const started: number[] = [];
  const runs = jobs.map((job, i) =>
    admission.run(() => {
      started.push(i);
      return job.work();
    }),
  );
  await settle();
  expect(started).toEqual([0, 1]);
  expect([admission.inFlight, admission.queued]).toEqual([2, 4]);

  jobs[1]!.finish();
  await settle();
  expect(started).toEqual([0, 1, 2]);
  jobs[0]!.finish();
  jobs[2]!.finish();
  await settle();
  expect(started).toEqual([0, 1, 2, 3, 4]);
  expect([admission.inFlight, admission.queued]).toEqual([2, 1]);

  for (const job of jobs) job.finish();
  await Promise.all(runs);
  expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  expect([admission.inFlight, admission.queued]).toEqual([0, 0]);
});

it("lets no newcomer overtake a waiter when a slot frees up", async () => {
  const admission = new Admission({ maxInFlight: 1, maxWaitMs: 5000, maxQueued: 100 });
  const first = held();
  const order: string[] = [];
  const running = admission.run(first.work);
  const waiter = admission.run(async () => void order.push("waiter"));
  await settle();
  first.finish();
  const newcomer = admission.run(async () => void order.push("newcomer"));
  await Promise.all([running, waiter, newcomer]);
  expect(order).toEqual(["waiter", "newcomer"]);
});

it("refuses a query that waited maxWaitMs as overloaded, with a retry-after, and forgets it", async () => {
  const admission = new Admission({ maxInFlight: 1, maxWaitMs: 50, maxQueued: 100 });
  const slow = held();
  const running = admission.run(slow.work);
  const started = Date.now();
  const refused = await admission.run(async () => "ran").catch((e: unknown) => e);
  expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  expect(refused).toBeInstanceOf(OverloadedError);
  expect((refused as OverloadedError).message).toBe(
    "the query waited 50 ms for one of 1 query slots (NEO4J_MAX_IN_FLIGHT, QUEUE_WAIT_MS)",
  );
  expect((refused as OverloadedError).retryAfterSeconds).toBe(1);
  expect(admission.queued).toBe(0);
  slow.finish();
  await running;
  await expect(admission.run(async () => "ran")).resolves.toBe("ran");
  expect(admission.inFlight).toBe(0);
});

it("refuses at once beyond maxQueued waiting, and queues again once there is room", async () => {
  const admission = new Admission({ maxInFlight: 1, maxWaitMs: 5000, maxQueued: 2 });
  const slow = held();
  const running = admission.run(slow.work);
  const waiting = [admission.run(async () => 1), admission.run(async () => 2)];
  const started = Date.now();
  const refused = await admission.run(async () => 3).catch((e: unknown) => e);
  expect(Date.now() - started).toBeLessThan(20);
  expect(refused).toBeInstanceOf(OverloadedError);
  expect((refused as Error).message).toBe(
    "1 queries are running in Neo4j and 2 are waiting, the most allowed (NEO4J_MAX_IN_FLIGHT, MAX_QUEUED)",
  );
  slow.finish();
  await running;
  expect(await Promise.all(waiting)).toEqual([1, 2]);
  await expect(admission.run(async () => 4)).resolves.toBe(4);
});

it("gives the slot back when the work fails, to the next waiter", async () => {
  const admission = new Admission({ maxInFlight: 1, maxWaitMs: 5000, maxQueued: 10 });
  const failing = held();
  const first = admission.run(failing.work);
  const next = admission.run(async () => "next ran");
  failing.fail(new Error("Neo4j said no"));
  await expect(first).rejects.toThrow("Neo4j said no");
  await expect(next).resolves.toBe("next ran");
  expect([admission.inFlight, admission.queued]).toEqual([0, 0]);
});

it("asks clients to retry after one full queue wait, at least a second", () => {
  expect(new Admission({ maxInFlight: 1, maxWaitMs: 5000, maxQueued: 1 }).retryAfterSeconds).toBe(5);
  expect(new Admission({ maxInFlight: 1, maxWaitMs: 2500, maxQueued: 1 }).retryAfterSeconds).toBe(3);
  expect(new Admission({ maxInFlight: 1, maxWaitMs: 0, maxQueued: 1 }).retryAfterSeconds).toBe(1);
});
