// The cursor each update of a subscription carries in its `extensions` ({ cursor }): the position in the change log of
// the entry it came from, as Change.cursor encodes it. A client that resubscribes with the last one it received
// (statementAdded(after:), changes(after:)) misses nothing and receives nothing twice. Streams note the position of
// each event they yield; sharedExecution.ts adds it to the update.
import type { ExecutionResult } from "graphql";
import { encodePosition } from "../../graph/writes/changes/positions";

const positions = new WeakMap<object, number>();

/** Notes the log position of an event a stream yields (the same row is the same entry wherever it goes). */
export function setUpdateCursor(event: object, seq: number): void {
  positions.set(event, seq);
}

/** The update with its event's cursor in extensions.cursor, when the event has a position. */
export function withUpdateCursor(result: ExecutionResult, event: unknown): ExecutionResult {
  const seq = typeof event === "object" && event !== null ? positions.get(event) : undefined;
  if (seq === undefined) return result;
  return { ...result, extensions: { ...result.extensions, cursor: encodePosition(seq) } };
}
