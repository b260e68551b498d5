/**
 * The server's screening index: built from the store on first use, rebuilt after every import.
 * Queries keep using the previous index until the new one is complete, then the reference is
 * swapped, so a reader never sees a half-built index or a mix of two list versions.
 */
import type { CandidateIndex } from '../match/candidate-index.js';
import type { Store } from '../store/store.js';
import { buildIndex } from './screening.js';

export class ScreeningService {
  private current: Promise<CandidateIndex> | undefined;
  private builtAt: string | undefined;
  private marker: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private refreshing = false;

  constructor(private readonly store: Store) {}

  /**
   * Check now and then whether the store has a new version (an import by the CLI, or by another
   * server process sharing the file) and rebuild when it has.
   */
  watch(intervalMs = 5000, onError: (err: unknown, what: string) => void = () => undefined): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.refreshing) return;
      // A failed check or rebuild is reported and tried again at the next tick; left unhandled,
      // the rejection would end the server.
      this.store.versionMarker().then(
        (m) => {
          if (this.marker === undefined || m === this.marker) return;
          this.refresh().catch((err: unknown) =>
            onError(err, 'rebuilding the screening index failed; queries use the previous one'),
          );
        },
        (err: unknown) => onError(err, 'checking the store for new list versions failed'),
      );
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The index for queries; the first call builds it. */
  get(): Promise<CandidateIndex> {
    if (!this.current) this.current = this.build();
    return this.current;
  }

  /** Rebuild after the store changed; readers switch over when the new index is ready. */
  async refresh(): Promise<void> {
    this.refreshing = true;
    try {
      const next = this.build();
      await next;
      this.current = next;
    } finally {
      this.refreshing = false;
    }
  }

  get lastBuilt(): string | undefined {
    return this.builtAt;
  }

  private async build(): Promise<CandidateIndex> {
    const marker = await this.store.versionMarker();
    const index = await buildIndex(this.store);
    this.marker = marker;
    this.builtAt = new Date().toISOString();
    return index;
  }
}
