// How long the primary waits before replacing a worker that died: a crash loop must not spin the CPU or flood the log.

export interface BackoffSettings {
  /** The first wait, and the wait again once a worker has lived stableMs. */
  minMs: number;
  maxMs: number;
  /** A worker that lived this long was healthy: its death starts the waits over. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { minMs: 1000, maxMs: 30_000, stableMs: 30_000 };

/** Waits minMs, then twice as long each time a replacement dies young, up to maxMs. */
export class RestartBackoff {
  private nextMs: number;

  constructor(private readonly settings: BackoffSettings = DEFAULT_BACKOFF) {
    this.nextMs = settings.minMs;
  }

  /** The wait before replacing a worker that lived livedMs. */
  delayAfter(livedMs: number): number {
    if (livedMs >= this.settings.stableMs) this.nextMs = this.settings.minMs;
    const delay = this.nextMs;
    this.nextMs = Math.min(delay * 2, this.settings.maxMs);
    return delay;
  }
}
