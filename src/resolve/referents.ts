/**
 * yente's view of resolved entities: a match result for a merged list entry carries the cluster's
 * canonical id as its `id` and the merged entries' ids in `referents`, with their properties and
 * datasets united; two hits on one cluster become one result (the better score).
 */
import type { CandidateIndex } from '../match/candidate-index.js';
import type { YenteMatchResponse, YenteResult, YenteSearchResponse } from '../match/yente.js';
import type { Resolver } from './resolver.js';

function unite(into: Record<string, string[]>, from: Readonly<Record<string, readonly string[]>>): void {
  for (const [prop, values] of Object.entries(from)) {
    const list = (into[prop] ??= []);
    for (const v of values) if (!list.includes(v)) list.push(v);
  }
}

type Resolvable = Omit<YenteResult, 'match' | 'explanations'>;

function resolveResults<R extends Resolvable>(
  results: readonly R[],
  resolver: Resolver,
  index: CandidateIndex,
) {
  const out: Array<R & { canonical_id: string }> = [];
  const byCanonical = new Map<string, R & { canonical_id: string }>();
  for (const r of results) {
    const canonical = resolver.canonicalId(r.id);
    if (byCanonical.has(canonical)) continue; // results come best first
    if (canonical === r.id) {
      const plain = { ...r, canonical_id: canonical };
      byCanonical.set(canonical, plain);
      out.push(plain);
      continue;
    }
    const members = resolver.members(canonical);
    const properties: Record<string, string[]> = {};
    const datasets = [...r.datasets];
    unite(properties, r.properties);
    for (const m of members) {
      const e = m === r.id ? undefined : index.getEntity(m);
      if (!e) continue;
      unite(properties, e.properties);
      for (const d of e.datasets) if (!datasets.includes(d)) datasets.push(d);
    }
    const merged = { ...r, id: canonical, canonical_id: canonical, referents: members, properties, datasets };
    byCanonical.set(canonical, merged);
    out.push(merged);
  }
  return out;
}

/** The response with merged entries shown as their canonical entity. */
export function resolveMatchResponse(
  response: YenteMatchResponse,
  resolver: Resolver,
  index: CandidateIndex,
): YenteMatchResponse {
  if (!resolver.hasClusters) return response;
  const responses: YenteMatchResponse['responses'] = {};
  for (const [key, r] of Object.entries(response.responses)) {
    responses[key] = { ...r, results: resolveResults(r.results, resolver, index) };
  }
  return { ...response, responses };
}

/** Search results likewise: one result per cluster, named by its canonical id. */
export function resolveSearchResponse(
  response: YenteSearchResponse,
  resolver: Resolver,
  index: CandidateIndex,
): YenteSearchResponse {
  if (!resolver.hasClusters) return response;
  return { ...response, results: resolveResults(response.results, resolver, index) };
}
