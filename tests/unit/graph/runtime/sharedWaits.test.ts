// Identical reads waiting in the admission queue run once; a read already running is never joined; reads with
// bookmarks or parameters JSON cannot key are never joined; a refusal while waiting reaches every caller and is
// forgotten.
import { Admission } from "../../../../src/graph/runtime/admission";
import { OverloadedError } from "../../../../src/graph/runtime/errors";
import { MAX_KEY_PARAMS, SharedWaits, readKey } from "../../../../src/graph/runtime/sharedWaits";

const settle = () => new Promise((r) => setTimeout(r, 0));

/** A read that runs until the test lets it finish; counts how often it began. */
function held<T>() {
  let finish: (value: T) => void = () => {};
  let began = 0;
  const done = new Promise<T>((resolve) => (finish = resolve));
  return {
    work: () => {
      began += 1;
      return done;
    },
    finish: (value: T) => finish(value),
    began: () => began,
  };
}

describe("readKey", () => {
  it("keys a read by its parameters and text", () => {
    expect(readKey("RETURN $a", { a: 1 }, undefined)).toBe('{"a":1}\u0000RETURN $a');
    expect(readKey("RETURN $a", { a: 1 }, undefined)).not.toBe(readKey("RETURN $a", { a: 2 }, undefined));
    expect(readKey("RETURN $a", { a: 1 }, undefined)).not.toBe(readKey("RETURN $a AS x", { a: 1 }, undefined));
  });

  it("gives no key to a read with bookmarks, or with parameters JSON cannot say or too long to be worth it", () => {
    expect(readKey("RETURN 1", {}, ["FB:bookmark"])).toBeUndefined();
    expect(readKey("RETURN $a", { a: 1n }, undefined)).toBeUndefined();
    expect(readKey("RETURN $a", { a: "x".repeat(MAX_KEY_PARAMS) }, undefined)).toBeUndefined();
  });
});

/** Shared waits in front of an admission queue of `maxInFlight` slots; `admit` takes a turn in it. */
function queue(maxInFlight: number, maxWaitMs = 5_000) {
  const admission = new Admission({ maxInFlight, maxWaitMs, maxQueued: 100 });
  return { reads: new SharedWaits(), admit: <T>(begin: () => Promise<T>) => admission.run(begin) };
}

describe("SharedWaits", () => {
  it("runs identical reads that wait for a turn once, and gives each caller the outcome", async () => {
    const { reads, admit } = queue(1);
    const running = held<string>();
    const queued = held<string>();
    const first = reads.run("a", admit, running.work);
    await settle();
    // The first read holds the only slot; three copies of another wait, and join one another.
    const copies = [1, 2, 3].map(() => reads.run("b", admit, queued.work));
    expect(reads.size).toBe(1);
    expect(reads.joined).toBe(2);
    running.finish("a's rows");
    await settle();
    expect(queued.began()).toBe(1);
    expect(reads.size).toBe(0);
    queued.finish("b's rows");
    expect(await Promise.all(copies)).toEqual(["b's rows", "b's rows", "b's rows"]);
    expect(await first).toBe("a's rows");
  });

  it("never joins a read that has begun: the newcomer runs on its own", async () => {
    const { reads, admit } = queue(4);
    const one = held<string>();
    const two = held<string>();
    const a = reads.run("same", admit, one.work);
    await settle();
    expect(one.began()).toBe(1);
    const b = reads.run("same", admit, two.work);
    await settle();
    expect(two.began()).toBe(1);
    expect(reads.joined).toBe(0);
    one.finish("earlier");
    two.finish("later");
    expect([await a, await b]).toEqual(["earlier", "later"]);
  });

  it("runs reads without a key each on their own, even when they wait", async () => {
    const { reads, admit } = queue(1);
    const blocker = held<string>();
    const work = held<string>();
    void reads.run("x", admit, blocker.work);
    const waiting = [reads.run(undefined, admit, work.work), reads.run(undefined, admit, work.work)];
    blocker.finish("done");
    work.finish("rows");
    expect(await Promise.all(waiting)).toEqual(["rows", "rows"]);
    expect(work.began()).toBe(2);
    expect(reads.joined).toBe(0);
  });

  it("hands a refusal while waiting to every caller, and the next read of the key starts afresh", async () => {
    const { reads, admit } = queue(1, 20);
    const blocker = held<string>();
    void reads.run("x", admit, blocker.work);
    const never = held<string>();
    const copies = [reads.run("y", admit, never.work), reads.run("y", admit, never.work)];
    const outcomes = await Promise.allSettled(copies);
    expect(outcomes.map((o) => o.status === "rejected" && o.reason instanceof OverloadedError)).toEqual([true, true]);
    expect(never.began()).toBe(0);
    expect(reads.size).toBe(0);
    blocker.finish("done");
    const again = held<string>();
    const next = reads.run("y", admit, again.work);
    again.finish("fresh");
    expect(await next).toBe("fresh");
  });

  it("forgets a read that an admission begins at once, without waiting", async () => {
    const reads = new SharedWaits();
    const work = held<string>();
    const a = reads.run("k", (begin) => begin(), work.work);
    expect(reads.size).toBe(0);
    const b = reads.run("k", (begin) => begin(), work.work);
    expect(work.began()).toBe(2);
    work.finish("rows");
    expect([await a, await b]).toEqual(["rows", "rows"]);
  });
});
