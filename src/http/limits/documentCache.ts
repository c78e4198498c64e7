// Apollo's caches of query texts, bounded by the bytes they hold. Apollo keeps every parsed and validated document
// (its document store, keyed by a SHA-256 of the text) and the text of every automatic persisted query (APQ, keyed by
// its hash). Its default LRU caches size a document by its AST's JSON, but a parsed document holds its whole text:
// its names and strings are slices of it, and with locations every node points at it. So 4,690 distinct queries
// padded with 900 KB comments (comments are no tokens, so MAX_TOKENS does not count them) put Node out of memory.
// Here each entry counts what it really holds: its text, at two bytes a character, plus four times its AST's JSON
// (a document parsed without locations, with what holds it here, took 2.7 to 3.2 times its JSON on V8's heap,
// measured on look-ups of 200 to 7,000 characters); documents are parsed without locations (queryLimits.ts), and
// MAX_DOCUMENT_BYTES (documentSize.ts) keeps any single text small.
import type { ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode } from "graphql";

/** What the parsed documents of one process may hold at most (each worker of WORKERS=N has its own). */
export const DOCUMENT_CACHE_BYTES = 32 * 1024 * 1024;
/** What the texts of automatic persisted queries may hold at most. */
export const PERSISTED_QUERY_CACHE_BYTES = 16 * 1024 * 1024;
/** What an entry costs besides its key and value: the map's slot and the entry's own object. */
const ENTRY_OVERHEAD_BYTES = 100;

/** What a parsed document takes on the heap for each character of its JSON, rounded up (see above). */
const AST_BYTES_PER_JSON_CHARACTER = 4;
/** V8 keeps a string in one or two bytes a character; counting two never undercounts. */
const stringBytes = (text: string) => 2 * text.length;

/**
 * A least-recently-used cache whose entries together never count more than maxBytes (an entry larger than that is
 * not kept). Apollo's KeyValueCache interface (get, set, delete), without time-to-live: nothing here expires.
 */
export class ByteBoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private held = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The bytes the entries count together. */
  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<V | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: moved to the end, it is the most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  async set(key: string, value: V): Promise<void> {
    this.remove(key);
    const bytes = stringBytes(key) + this.sizeOf(value) + ENTRY_OVERHEAD_BYTES;
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    for (const oldest of this.entries.keys()) {
      if (this.held <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.remove(key);
  }

  private remove(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.held -= entry.bytes;
    return true;
  }
}

export interface DocumentCaches {
  /** Apollo's `documentStore`. */
  documents: ByteBoundedCache<DocumentNode>;
  /** Apollo's `persistedQueries.cache`. */
  persistedQueries: ByteBoundedCache<string>;
  /** Tells the document store the length of each document's text (it is handed only the document and its hash). */
  plugin: ApolloServerPlugin;
  /** What the plugin does once a text is parsed (exported for tests that fill the store without Apollo). */
  parsed(document: DocumentNode, source: string): void;
}

export function documentCaches(
  documentBytes = DOCUMENT_CACHE_BYTES,
  persistedQueryBytes = PERSISTED_QUERY_CACHE_BYTES,
): DocumentCaches {
  const sources = new WeakMap<DocumentNode, number>();
  const parsed = (document: DocumentNode, source: string) => sources.set(document, stringBytes(source));
  const documents = new ByteBoundedCache<DocumentNode>(
    documentBytes,
    // A document whose text is unknown (parsed elsewhere) counts its AST only.
    (document) => (sources.get(document) ?? 0) + AST_BYTES_PER_JSON_CHARACTER * JSON.stringify(document).length,
  );
  return {
    documents,
    persistedQueries: new ByteBoundedCache<string>(persistedQueryBytes, stringBytes),
    parsed,
    plugin: {
      async requestDidStart() {
        return {
          async parsingDidStart(request) {
            return async (error) => {
              if (!error && request.document && request.source !== undefined) parsed(request.document, request.source);
            };
          },
        };
      },
    },
  };
}
