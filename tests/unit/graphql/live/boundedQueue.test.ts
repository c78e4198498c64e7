// A subscriber's bounded buffer: what waits for a slow subscriber never grows past its capacity; the push that would
// pass it reports the overflow once (the transport closes the subscriber with 4413) and drops what was waiting.
import { BoundedQueue } from "../../../../src/graphql/live/boundedQueue";

describe("BoundedQueue", () => {
  it("hands items over in order, to a waiting taker first", async () => {
    const queue = new BoundedQueue<number>(3, () => {
      throw new Error("no overflow expected");
    });
    const waiting = queue.take();
    queue.push([1, 2, 3, 4]);
    expect(await waiting).toBe(1);
    expect(queue.size).toBe(3);
    expect([await queue.take(), await queue.take(), await queue.take()]).toEqual([2, 3, 4]);
  });

  it("overflows once when a slow taker would leave more than its capacity waiting, and drops what waited", async () => {
    const reasons: string[] = [];
    const queue = new BoundedQueue<number>(2, (reason) => reasons.push(reason));
    queue.push([1, 2]);
    expect(queue.tooSlow).toBe(false);
    queue.push([3]);
    queue.push([4]);
    expect(queue.tooSlow).toBe(true);
    expect(reasons).toEqual(["subscriber too slow: over 2 updates waiting (SUBSCRIPTION_BUFFER)"]);
    // Short enough for a WebSocket close reason (at most 123 bytes).
    expect(Buffer.byteLength(reasons[0]!)).toBeLessThanOrEqual(123);
    expect(queue.size).toBe(0);
    expect(await queue.take()).toBeUndefined();
  });

  it("wakes a waiting taker without ending (interrupt), and ends for good (end)", async () => {
    const queue = new BoundedQueue<string>(5, () => {});
    const interrupted = queue.take();
    queue.interrupt();
    expect(await interrupted).toBeUndefined();
    queue.push(["a"]);
    expect(await queue.take()).toBe("a");
    const ended = queue.take();
    queue.end();
    expect(await ended).toBeUndefined();
    queue.push(["b"]);
    expect(await queue.take()).toBeUndefined();
  });
});
