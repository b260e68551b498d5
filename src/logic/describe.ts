/**
 * An entity with its surroundings, as `tangle show` and `GET /entities/{id}` present it: the
 * entities it refers to (its addresses, identifications) and the entities that refer to it
 * (sanctions, links, ownerships), each with the other end resolved to a caption.
 */
import { model } from '../model/model.js';
import type { Store, StoredEntity } from '../store/store.js';

export interface EntityRef {
  prop: string;
  id: string;
  schema: string | null;
  caption: string | null;
}

export interface Relationship {
  id: string;
  schema: string;
  caption: string;
  /** The property of the relationship entity that points at the described entity. */
  via: string;
  /** The other entities the relationship names (the object of a link, the owner…). */
  others: EntityRef[];
  properties: Record<string, string[]>;
  datasets: string[];
}

export interface EntityView {
  entity: StoredEntity;
  references: EntityRef[];
  relationships: Relationship[];
}

export async function describeEntity(store: Store, id: string): Promise<EntityView | undefined> {
  const entity = await store.getEntity(id);
  if (!entity) return undefined;
  const captions = new Map<string, StoredEntity | undefined>();
  const lookup = async (ref: string) => {
    if (!captions.has(ref)) captions.set(ref, await store.getEntity(ref));
    return captions.get(ref);
  };
  const schema = model.get(entity.schema);
  const references: EntityRef[] = [];
  for (const [prop, values] of Object.entries(entity.properties)) {
    if (schema.getProperty(prop)?.type !== 'entity') continue;
    for (const v of values) {
      const target = await lookup(v);
      references.push({ prop, id: v, schema: target?.schema ?? null, caption: target?.caption ?? null });
    }
  }
  const relationships: Relationship[] = [];
  for (const rel of await store.getReferencing(id)) {
    const relSchema = model.get(rel.schema);
    const others: EntityRef[] = [];
    let via = '';
    for (const [prop, values] of Object.entries(rel.properties)) {
      if (relSchema.getProperty(prop)?.type !== 'entity') continue;
      for (const v of values) {
        if (v === id) {
          via ||= prop;
          continue;
        }
        const target = await lookup(v);
        others.push({ prop, id: v, schema: target?.schema ?? null, caption: target?.caption ?? null });
      }
    }
    relationships.push({
      id: rel.id,
      schema: rel.schema,
      caption: rel.caption,
      via,
      others,
      properties: rel.properties,
      datasets: rel.datasets,
    });
  }
  relationships.sort((a, b) => a.schema.localeCompare(b.schema) || a.caption.localeCompare(b.caption));
  return { entity, references, relationships };
}
