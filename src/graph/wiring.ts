/**
 * Where the graph meets the parts built beside it: the document claims and entity resolution.
 * Both the command line and the server take their claim source and canonical ids from here, so
 * wiring a new source is one change.
 */
import type { CandidateIndex } from '../match/candidate-index.js';
import { buildQuery } from '../match/query.js';
import { Resolver } from '../resolve/resolver.js';
import { openDocuments } from '../store/open-documents.js';
import { openJudgements } from '../store/sqlite-judgements.js';
import type { Store } from '../store/store.js';
import type { ClaimSource } from './claims.js';
import type { ScreenedMatch } from './exposure.js';

export interface GraphWiring {
  claims?: ClaimSource;
  canonicalId?: (id: string) => string;
  /** Entity resolution's clusters, so a merged document party's id finds its cluster's node. */
  clusters?: () => Iterable<{ canonicalId: string; members: readonly string[] }>;
  /** Changes when the claims or the judgements change, so a kept projection knows to rebuild. */
  marker?: () => string;
}

/** The document store's claims and the resolver's canonical ids, for a store. */
export async function graphWiring(store: Store): Promise<GraphWiring> {
  const documents = openDocuments(store);
  const judgements = openJudgements(store);
  const resolver = await Resolver.load(store);
  const claims: ClaimSource = {
    // A party a reviewer rejected (not a party, or not this one) brings none of its claims.
    async listClaims(q) {
      const rejected = await documents.rejectedDocumentEntities();
      const claims = await documents.listClaims({
        status: q.status as ('proposed' | 'accepted' | 'rejected')[],
      });
      return rejected.size
        ? claims.filter((c) => !rejected.has(c.source_id) && !rejected.has(c.target_id))
        : claims;
    },
    async listParties(ids) {
      const wanted = new Set(ids);
      return (await documents.listDocumentEntities())
        .filter((e) => wanted.has(e.id))
        .map((e) => ({ id: e.id, schema: e.schema, caption: e.name }));
    },
  };
  return {
    claims,
    canonicalId: (id) => resolver.canonicalId(id),
    clusters: () => resolver.clusters(),
    marker: () => `${documents.marker()}/${judgements.marker()}`,
  };
}

/** List entries a name matches (screening), for the exposure of a counterparty no list names exactly. */
export function screenName(index: CandidateIndex, name: string): ScreenedMatch[] {
  const outcome = index.screen(buildQuery({ name }), { limit: 5 });
  return outcome.hits
    .filter((h) => h.result.match)
    .map((h) => ({ entity_id: h.entity.id, caption: h.entity.caption, score: h.result.score }));
}
