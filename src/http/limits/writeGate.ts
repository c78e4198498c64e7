// Holds writes back until the database is prepared (schema applied, seed loaded when one is), so a client that
// imports a dataset right after start-up cannot race the seed load. An Apollo plugin, like the limits in
// queryLimits.ts.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError } from "graphql";
import { WRITE_WAIT_MS } from "../../config";
import type { GraphQLContext } from "../../graphql/context";

function notReady(message: string): GraphQLError {
  // extensions.http is Apollo's way for a plugin to set the response status; it is removed before the client sees it.
  return new GraphQLError(message, { extensions: { code: "SERVER_NOT_READY", http: { status: 503 } } });
}

export class WriteGate {
  private state: "held" | "open" | "closed" = "held";
  private closedBecause = "";
  private readonly waiters = new Set<() => void>();
  private readonly reason: () => string | undefined;
  private readonly waitMs: number;

  /**
   * @param options.reason why writes are held, for the error of a write that waited too long ("the seed is loading")
   * @param options.waitMs how long a write waits before it is refused (WRITE_WAIT_MS)
   */
  constructor(options: { reason?: () => string | undefined; waitMs?: number } = {}) {
    this.reason = options.reason ?? (() => undefined);
    this.waitMs = options.waitMs ?? WRITE_WAIT_MS;
  }

  get isOpen(): boolean {
    return this.state === "open";
  }

  /** The database is prepared: writes waiting go ahead, later ones do not wait. */
  open(): void {
    if (this.state !== "held") return;
    this.state = "open";
    this.release();
  }

  /** The server is stopping before the database was prepared: writes waiting, and later ones, are refused at once. */
  close(because: string): void {
    if (this.state !== "held") return;
    this.state = "closed";
    this.closedBecause = because;
    this.release();
  }

  /** Resolves once writes may run; throws SERVER_NOT_READY after waitMs, or when the server stops first. */
  async wait(): Promise<void> {
    if (this.state === "held") {
      let wake = () => {};
      const woken = new Promise<void>((resolve) => (wake = resolve));
      this.waiters.add(wake);
      const timer = setTimeout(wake, this.waitMs);
      await woken;
      clearTimeout(timer);
      this.waiters.delete(wake);
    }
    if (this.state === "open") return;
    if (this.state === "closed") throw notReady(`${this.closedBecause}: the write was not run.`);
    const why = this.reason() ?? "the database is being prepared";
    throw notReady(
      `The database is not ready for writes yet (${why}); this write waited ${this.waitMs / 1000} s and was not run: ` +
        "retry once GET /health/ready answers 200.",
    );
  }

  private release(): void {
    for (const wake of this.waiters) wake();
  }
}

/**
 * Makes mutations wait at the gate once the operation is known and before anything runs. Requests that cannot write
 * anyway (no valid token) pass, so they get their UNAUTHENTICATED at once; once the gate is open, the plugin adds
 * no hook to any request.
 */
export function writeGatePlugin(gate: WriteGate): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      if (gate.isOpen) return;
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === "mutation" && contextValue.auth.identity) await gate.wait();
        },
      };
    },
  };
}
