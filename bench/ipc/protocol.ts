// The messages between the benchmark and its child processes: a call with an id, answered once by result or error.
export interface CallMessage {
  id: number;
  method: string;
  params: unknown;
}

export interface ReplyMessage {
  id: number;
  result?: unknown;
  error?: string;
}

export const isCall = (m: unknown): m is CallMessage =>
  typeof m === "object" &&
  m !== null &&
  typeof (m as CallMessage).id === "number" &&
  typeof (m as CallMessage).method === "string";

export const isReply = (m: unknown): m is ReplyMessage =>
  typeof m === "object" && m !== null && typeof (m as ReplyMessage).id === "number" && !("method" in m);
