/**
 * The list entries an id stands for once entity resolution has merged some: a canonical id (tgl-…)
 * or any member's id gives every member that the store holds; an unmerged id gives itself. Routes
 * that hang data on entries (changes, comments) use it so a merged party shows all of it.
 */
import { Resolver } from '../resolve/resolver.js';
import type { Store } from '../store/store.js';

export async function resolvedMemberIds(store: Store, id: string): Promise<string[]> {
  const resolver = await Resolver.load(store);
  const members: string[] = [];
  for (const m of resolver.members(id)) if (await store.getEntity(m)) members.push(m);
  return members;
}

/** The list entry a party no list knows (doc-…) was judged the same as, if any. */
export interface SameAs {
  /** The cluster's canonical id (where the entity page and the graph find the merged party). */
  id: string;
  /** The list entry's id and caption (the first member a list holds). */
  entity_id: string;
  caption: string;
}

/** For each doc-… id in a cluster with a list entry: that entry (ids merged with no list entry are left out). */
export async function sameAsListEntries(store: Store, ids: Iterable<string>): Promise<Map<string, SameAs>> {
  const resolver = await Resolver.load(store);
  const out = new Map<string, SameAs>();
  if (!resolver.hasClusters) return out;
  for (const id of new Set(ids)) {
    const canonical = resolver.canonicalId(id);
    if (canonical === id) continue;
    for (const m of resolver.members(id)) {
      if (m === id || m.startsWith('doc-')) continue;
      const entity = await store.getEntity(m);
      if (!entity) continue;
      out.set(id, { id: canonical, entity_id: m, caption: entity.caption });
      break;
    }
  }
  return out;
}
