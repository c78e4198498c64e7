// The settings of subscriptions, with their defaults (src/config.ts reads them from the environment).
export interface SubscriptionSettings {
  /** Subscriptions one WebSocket may run at once (SUBSCRIPTIONS_PER_CONNECTION). */
  perConnection: number;
  /** Open WebSockets and SSE streams per client address and process (SUBSCRIPTION_CONNECTIONS_PER_CLIENT). */
  connectionsPerClient: number;
  /** Updates that may wait for one subscriber before it is closed as too slow (SUBSCRIPTION_BUFFER). */
  buffer: number;
  /** How often the tail reads the log while the process has a subscriber (CHANGES_POLL_MS). */
  pollMs: number;
}

export const DEFAULT_SUBSCRIPTIONS: SubscriptionSettings = {
  perConnection: 20,
  connectionsPerClient: 20,
  buffer: 1000,
  pollMs: 200,
};
