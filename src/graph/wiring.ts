/**
 * Where the graph meets the parts built beside it: the document claims and entity resolution.
 * Both the command line and the server take their claim source and canonical ids from here, so
 * wiring a new source is one change.
 */
import type { CandidateIndex } from '../match/candidate-index.js';
import { buildQuery } from '../match/query.js';
import type { Store } from '../store/store.js';
import type { ClaimSource } from './claims.js';
import type { ScreenedMatch } from './exposure.js';

export interface GraphWiring {
  claims?: ClaimSource;
  canonicalId?: (id: string) => string;
}

/** Claims and canonical ids for a store. Until the document store and the resolver land: none, identity. */
export async function graphWiring(store: Store): Promise<GraphWiring> {
  void store;
  return {};
}

/** List entries a name matches (screening), for the exposure of a counterparty no list names exactly. */
export function screenName(index: CandidateIndex, name: string): ScreenedMatch[] {
  const outcome = index.screen(buildQuery({ name }), { limit: 5 });
  return outcome.hits
    .filter((h) => h.result.match)
    .map((h) => ({ entity_id: h.entity.id, caption: h.entity.caption, score: h.result.score }));
}
