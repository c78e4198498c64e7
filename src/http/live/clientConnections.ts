// Open live connections (WebSockets and SSE streams) per client address, capped (SUBSCRIPTION_CONNECTIONS_PER_CLIENT)
// so that one client cannot hold every socket of a process. Counted per process, like the rate limit.
export class ClientConnections {
  private readonly open = new Map<string, number>();

  constructor(readonly maxPerClient: number) {}

  /** Counts one more connection for the client and returns its release; undefined when the client is at its cap. */
  claim(client: string): (() => void) | undefined {
    const count = this.open.get(client) ?? 0;
    if (count >= this.maxPerClient) return undefined;
    this.open.set(client, count + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(client) ?? 1) - 1;
      if (left > 0) this.open.set(client, left);
      else this.open.delete(client);
    };
  }

  refusal(client: string): string {
    return (
      `${client} already has ${this.maxPerClient} live connections open (SUBSCRIPTION_CONNECTIONS_PER_CLIENT): ` +
      "close one, or run several subscriptions over one WebSocket"
    );
  }
}
