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
