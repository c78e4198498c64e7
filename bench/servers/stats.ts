// What a server child reports to the benchmark: requests served, Neo4j queries they sent, its memory.
import type { Driver } from "neo4j-driver";
import { profileAll, type Profile } from "../profile";

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

type Params = Record<string, unknown>;

/**
 * What every server child keeps besides its server: its stats, and the Cypher of one request, noted between record()
 * and recorded() and then profiled on the child's own driver.
 */
export class Recorder {
  readonly stats: ServerStats = { requests: 0, queries: 0, rssBytes: 0 };
  /** The queries noted so far while recording; undefined otherwise. */
  recording: RecordedQuery[] | undefined;
  private last: RecordedQuery[] = [];

  /** A query the child sent to Neo4j: counted, and noted while recording. */
  sent(cypher: string, params: unknown): void {
    this.stats.queries += 1;
    this.recording?.push({ cypher, params: (params ?? {}) as Params });
  }

  /** The parent's calls other than start; `toParams` turns recorded parameters into what the driver takes. */
  handlers(driver: () => Driver | undefined, toParams: (params: Params) => Params = (params) => params) {
    return {
      stats: (): ServerStats => ({ ...this.stats, rssBytes: memory() }),
      record: () => {
        this.recording = [];
      },
      recorded: (): RecordedQuery[] => {
        this.last = this.recording ?? [];
        this.recording = undefined;
        return this.last;
      },
      profile: (): Promise<Profile> => {
        const given = driver();
        if (!given) throw new Error("start() was not called");
        return profileAll(
          given,
          this.last.map((q) => ({ cypher: q.cypher, params: toParams(q.params) })),
        );
      },
    };
  }
}
