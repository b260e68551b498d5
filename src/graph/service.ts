/**
 * The projection a long-running process (the server) keeps: built on first use, rebuilt when the
 * store's version marker changes (an import, here or by another process) or when told that claims
 * were reviewed. Two projections are kept apart: accepted claims only, and with proposed ones.
 */
import type { Store } from '../store/store.js';
import type { ClaimSource } from './claims.js';
import { projectStore, type Projection } from './projection.js';
import { graphWiring, type GraphWiring } from './wiring.js';

export interface GraphServiceOptions {
  claims?: ClaimSource;
  canonicalId?: (id: string) => string;
  clusters?: () => Iterable<{ canonicalId: string; members: readonly string[] }>;
  /** How long a checked version marker is trusted before asking the store again (ms). */
  markerTtlMs?: number;
}

interface Cached {
  marker: string;
  generation: number;
  projection: Promise<Projection>;
}

export class GraphService {
  private cache = new Map<boolean, Cached>();
  private generation = 0;
  private marker: { value: string; at: number } | undefined;
  private markerWiring: Promise<GraphWiring> | undefined;

  constructor(
    private readonly store: Store,
    private options: GraphServiceOptions = {},
  ) {}

  /** Wire claims or entity resolution later (the server is built before they are). */
  configure(options: Partial<GraphServiceOptions>): void {
    this.options = { ...this.options, ...options };
    this.invalidate();
  }

  /** Claims were reviewed or entities merged: the next query rebuilds. */
  invalidate(): void {
    this.generation++;
  }

  async get(includeProposed = false): Promise<Projection> {
    const marker = await this.currentMarker();
    const cached = this.cache.get(includeProposed);
    if (cached && cached.marker === marker && cached.generation === this.generation) return cached.projection;
    const projection = (async () => {
      // Explicit options win; otherwise the same wiring as the command line.
      const wiring =
        this.options.claims || this.options.canonicalId ? this.options : await graphWiring(this.store);
      return projectStore(this.store, {
        claims: wiring.claims,
        canonicalId: wiring.canonicalId,
        clusters: wiring.clusters,
        includeProposed,
      });
    })();
    const entry = { marker, generation: this.generation, projection };
    this.cache.set(includeProposed, entry);
    // A failed build is not kept: the next query tries again.
    projection.catch(() => {
      if (this.cache.get(includeProposed) === entry) this.cache.delete(includeProposed);
    });
    return projection;
  }

  private async currentMarker(): Promise<string> {
    const ttl = this.options.markerTtlMs ?? 2000;
    const now = Date.now();
    if (!this.marker || now - this.marker.at > ttl) {
      // The claims' and judgements' marker: cheap counters, read through one wiring kept for it.
      if (!this.markerWiring && !(this.options.claims || this.options.canonicalId)) {
        this.markerWiring = graphWiring(this.store);
      }
      const extra = this.markerWiring ? ((await this.markerWiring).marker?.() ?? '') : '';
      this.marker = { value: `${await this.store.versionMarker()}/${extra}`, at: now };
    }
    return this.marker.value;
  }
}
