/**
 * The entity a reader sees once entries are resolved: given a canonical id or any member's id, the
 * members' statements together under the canonical id. Nothing is rewritten: every statement keeps
 * its entity id, dataset and record, so each value still names the list entry it came from.
 */
import { captionOf } from '../model/entity.js';
import { model } from '../model/model.js';
import type { Resolver } from '../resolve/resolver.js';
import { mergeSchemata } from '../store/sqlite.js';
import type { Store, StoredEntity } from '../store/store.js';
import { describeEntity, type EntityView } from './describe.js';

export interface ResolvedEntityView extends EntityView {
  /** The cluster's canonical id (the entity's own id when it was never merged). */
  canonicalId: string;
  /** The ids merged into it (just the entity's own id when never merged). */
  referents: string[];
}

/** Several stored entities as one: properties and records united, statements side by side. */
export function mergeEntities(id: string, members: readonly StoredEntity[]): StoredEntity {
  if (members.length === 1) return members[0].id === id ? members[0] : { ...members[0], id };
  const properties: Record<string, string[]> = {};
  const recordIds: Record<string, string[]> = {};
  const datasets: string[] = [];
  for (const m of members) {
    for (const [prop, values] of Object.entries(m.properties)) {
      const list = (properties[prop] ??= []);
      for (const v of values) if (!list.includes(v)) list.push(v);
    }
    for (const [ds, ids] of Object.entries(m.recordIds)) {
      const list = (recordIds[ds] ??= []);
      for (const r of ids) if (!list.includes(r)) list.push(r);
    }
    for (const d of m.datasets) if (!datasets.includes(d)) datasets.push(d);
  }
  const schema = mergeSchemata(members.map((m) => m.schema));
  const first = <K extends 'firstSeen' | 'lastSeen' | 'lastChange'>(
    key: K,
    pick: (a: string, b: string) => boolean,
  ) => members.map((m) => m[key]).reduce((a, b) => (pick(a, b) ? a : b));
  return {
    id,
    schema,
    caption: members[0].caption || (captionOf(model.get(schema), (p) => properties[p] ?? []) ?? id),
    datasets,
    recordIds,
    firstSeen: first('firstSeen', (a, b) => a <= b),
    lastSeen: first('lastSeen', (a, b) => a >= b),
    lastChange: first('lastChange', (a, b) => a >= b),
    active: members.some((m) => m.active),
    properties,
    // Each property's values side by side, whichever entry they came from (the sort is stable).
    statements: members
      .flatMap((m) => m.statements)
      .sort((a, b) => (a.prop < b.prop ? -1 : a.prop > b.prop ? 1 : 0)),
  };
}

/**
 * Describe an entity as resolved: a canonical id or a member id gives the merged entity with the
 * references and relationships of every member. Undefined when no member exists.
 */
export async function describeResolved(
  store: Store,
  resolver: Resolver,
  id: string,
): Promise<ResolvedEntityView | undefined> {
  const canonicalId = resolver.canonicalId(id);
  const ids = resolver.members(canonicalId);
  const views: EntityView[] = [];
  for (const m of ids) {
    const view = await describeEntity(store, m);
    if (view) views.push(view);
  }
  if (!views.length) return undefined;
  const seen = new Set<string>();
  const relationships = views
    .flatMap((v) => v.relationships)
    .filter((r) => !seen.has(r.id) && seen.add(r.id));
  return {
    entity: mergeEntities(
      canonicalId,
      views.map((v) => v.entity),
    ),
    references: views.flatMap((v) => v.references),
    relationships,
    canonicalId,
    // Every member, also those kept outside the entity table (document parties).
    referents: ids,
  };
}
