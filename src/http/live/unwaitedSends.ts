// graphql-ws sends a subscription's next update only once the write of the one before has completed (its send waits
// for the socket's write callback): every update then costs a write system call of its own, and each subscription a
// turn of the event loop per update. With 1,000 subscribers that was a fifth of the server's CPU (socket writes in a
// CPU profile of bench/subscriptions.ts), taken from the requests and writes the same process serves. Here a send
// goes on at once while the socket holds little unsent, and what one turn of the event loop sends to one socket
// leaves in one write (the socket corked until the turn ends). A client that does not read makes its socket's unsent
// bytes pass the bound; its sends then wait for their writes as before, its subscriptions stop taking updates, and
// their bounded queues (SUBSCRIPTION_BUFFER) close it as too slow, as they did.
import type { Duplex } from "node:stream";
import { WebSocket } from "ws";

/** Unsent bytes a socket may hold before a send waits for its write again. */
export const UNWAITED_BYTES = 256 * 1024;

type SendCallback = (error?: Error) => void;
type SendOptions = Parameters<WebSocket["send"]>[1];

/** A server-side WebSocket (WebSocketServer's `WebSocket` option) whose sends do not wait while its buffer is small. */
export class UnwaitedSendSocket extends WebSocket {
  private raw: Duplex | undefined;
  private corked = false;

  /** The connection's own socket, corked while one turn of the event loop sends on it (set once upgraded). */
  sendsOn(raw: Duplex): void {
    this.raw = raw;
  }

  override send(data: unknown, optionsOrCallback?: SendOptions | SendCallback, callback?: SendCallback): void {
    const options = typeof optionsOrCallback === "function" ? {} : (optionsOrCallback ?? {});
    const done = typeof optionsOrCallback === "function" ? optionsOrCallback : callback;
    if (this.readyState !== WebSocket.OPEN || !done || this.bufferedAmount >= UNWAITED_BYTES) {
      super.send(data as string, options, done);
      return;
    }
    this.corkForThisTurn();
    // A failed write closes the socket (its 'error' and 'close' events), which ends its subscriptions.
    super.send(data as string, options, () => {});
    done();
  }

  private corkForThisTurn(): void {
    const raw = this.raw;
    if (!raw || this.corked || !raw.writable) return;
    this.corked = true;
    raw.cork();
    setImmediate(() => {
      this.corked = false;
      raw.uncork();
    });
  }
}
