// What a server child reports to the benchmark: requests served, Neo4j queries they sent, its memory.
export interface ServerStats {
  requests: number;
  queries: number;
  rssBytes: number;
}

export interface RecordedQuery {
  cypher: string;
  params: Record<string, unknown>;
}

export interface ServerStart {
  connection: { uri: string; user: string; password: string };
}

export const memory = () => process.memoryUsage().rss;
