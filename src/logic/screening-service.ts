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

  constructor(private readonly store: Store) {}

  /** The index for queries; the first call builds it. */
  get(): Promise<CandidateIndex> {
    if (!this.current) this.current = this.build();
    return this.current;
  }

  /** Rebuild after the store changed; readers switch over when the new index is ready. */
  async refresh(): Promise<void> {
    const next = this.build();
    await next;
    this.current = next;
  }

  get lastBuilt(): string | undefined {
    return this.builtAt;
  }

  private async build(): Promise<CandidateIndex> {
    const index = await buildIndex(this.store);
    this.builtAt = new Date().toISOString();
    return index;
  }
}
