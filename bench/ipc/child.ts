// The child side of the benchmark's IPC: answers the parent's calls with the given handlers; "stop" ends the process.
import { isCall, type ReplyMessage } from "./protocol";

export type Handlers = Record<string, (params: never) => unknown>;

export function serveParent(handlers: Handlers, onStop: () => Promise<void> = async () => {}): void {
  if (!process.send)
    throw new Error("this script is a child of the benchmark (npm run bench); it needs an IPC channel");
  const reply = (message: ReplyMessage) => process.send?.(message);
  process.on("message", (message: unknown) => {
    if (!isCall(message)) return;
    if (message.method === "stop") {
      void onStop()
        .catch(() => {})
        .finally(() => {
          process.send?.({ id: message.id, result: null } satisfies ReplyMessage, () => process.exit(0));
        });
      return;
    }
    const handler = handlers[message.method];
    if (!handler) {
      reply({ id: message.id, error: `no method ${message.method}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message.params as never))
      .then(
        (result) => reply({ id: message.id, result: result ?? null }),
        (e: unknown) => reply({ id: message.id, error: e instanceof Error ? e.message : String(e) }),
      );
  });
  // The parent going away (a crash, Ctrl-C) ends the child too.
  process.on("disconnect", () => process.exit(0));
}
