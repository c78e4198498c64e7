// Starts a TypeScript child process of the benchmark (run by tsx) and calls its methods over IPC.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { isReply, type CallMessage } from "./protocol";

export interface Worker {
  readonly pid: number;
  call<T>(method: string, params?: unknown): Promise<T>;
  /** Asks the child to finish ("stop"), then ends it if it does not exit in time. */
  stop(): Promise<void>;
}

/** nodeOptions: extra flags for the child's Node, e.g. --cpu-prof to see where a server spends its time. */
export function startWorker(script: string, name = path.basename(script, ".ts"), nodeOptions: string[] = []): Worker {
  const child: ChildProcess = fork(script, [], {
    execArgv: ["--import", "tsx", ...nodeOptions],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let exited: string | undefined;
  child.on("message", (message) => {
    if (!isReply(message)) return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiter?.reject(new Error(`${name}: ${message.error}`));
    else waiter?.resolve(message.result);
  });
  child.on("exit", (code, signal) => {
    exited = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    for (const waiter of pending.values()) waiter.reject(new Error(`${name} ${exited}`));
    pending.clear();
  });
  return {
    pid: child.pid ?? -1,
    call<T>(method: string, params: unknown = null): Promise<T> {
      if (exited) return Promise.reject(new Error(`${name} ${exited}`));
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ id, method, params } satisfies CallMessage);
      });
    },
    async stop() {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await this.call("stop").catch(() => {});
      await gone;
      clearTimeout(timer);
    },
  };
}
