// The subscribe function both transports run (in place of graphql-js's): an update is executed once per event and
// operation, whoever subscribed. Subscribers of one process whose operation (document, operation name, variables)
// is the same, and who equally do or do not carry a token (Change.actor depends on it), get one shared result for
// each event; every update of one batch of the tail, whatever its operation, reads through the same batch loaders,
// so that a node many updates select is read once. A read refused by an overloaded database is run again after a
// pause (overloadRetry.ts) rather than sent as an error.
import {
  createSourceEventStream,
  execute,
  print,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from "graphql";
import { contextForUpdate, type GraphQLContext } from "../context";
import { createLoaders } from "../fetching/loaders";
import { FeedBatch } from "./changeFeed";
import { isOverload, pause } from "./overloadRetry";
import { withUpdateCursor } from "./updateCursor";

/** How long a shared update may wait out an overloaded database before it is sent with the error. */
const MAX_RETRY_MS = 60_000;

const printed = new WeakMap<DocumentNode, string>();
/** Per event (the row a stream yields): the result of each operation that has executed it. */
const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/** What makes two subscribers' updates the same. */
export function operationKey(args: ExecutionArgs): string {
  let text = printed.get(args.document);
  if (text === undefined) printed.set(args.document, (text = print(args.document)));
  const ctx = args.contextValue as GraphQLContext;
  return JSON.stringify([text, args.operationName ?? null, args.variableValues ?? null, !!ctx.auth.identity]);
}

/**
 * One execution of the operation for this event. Its first attempt reads through the batch's loaders (shared by
 * every update of the batch); one that met an overloaded database is run again after a pause, with loaders of its
 * own (the shared ones keep the refusal), and sent with the error only after MAX_RETRY_MS.
 */
async function executeOnce(args: ExecutionArgs, event: unknown): Promise<ExecutionResult> {
  const ctx = args.contextValue as GraphQLContext;
  const fresh = () => createLoaders(ctx.db, ctx.expensive);
  const deadline = Date.now() + MAX_RETRY_MS;
  for (let attempt = 1; ; attempt++) {
    const batch = attempt === 1 ? FeedBatch.of(event) : undefined;
    const loaders = batch ? batch.once("loaders", fresh) : fresh();
    const result = await execute({ ...args, rootValue: event, contextValue: contextForUpdate(ctx, loaders) });
    if (!result.errors?.some(isOverload) || Date.now() >= deadline) return result;
    await pause(attempt);
  }
}

/** The update for this event: executed once per operation key, shared by every subscriber with that key. */
function sharedUpdate(args: ExecutionArgs, key: string, event: unknown): Promise<ExecutionResult> {
  if (typeof event !== "object" || event === null) return executeOnce(args, event);
  let byOperation = results.get(event);
  if (!byOperation) results.set(event, (byOperation = new Map()));
  let result = byOperation.get(key);
  if (!result) byOperation.set(key, (result = executeOnce(args, event)));
  return result;
}

/** The source stream's events, each turned into its update; return() goes straight to the source (unsubscribes). */
function updates(
  source: AsyncIterable<unknown>,
  update: (event: unknown) => Promise<ExecutionResult>,
): AsyncIterableIterator<ExecutionResult> {
  const events = source[Symbol.asyncIterator]();
  const close = async () => {
    await events.return?.().catch(() => undefined);
  };
  return {
    async next() {
      const event = await events.next();
      if (event.done) return { value: undefined, done: true };
      try {
        return { value: withUpdateCursor(await update(event.value), event.value), done: false };
      } catch (error) {
        await close();
        throw error;
      }
    },
    async return() {
      await close();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** graphql-js's subscribe, with updates shared per operation and batch. */
export async function sharedSubscribe(
  args: ExecutionArgs,
): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const key = operationKey(args);
  return updates(stream, (event) => sharedUpdate(args, key, event));
}
