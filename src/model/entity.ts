/**
 * EntityDraft: what an importer builds for one entity before it reaches the store. Each value
 * keeps where it came from (original text, language, origin inside the source file), so the
 * store can turn it into a statement with full provenance.
 */
import { hash } from 'node:crypto';
import { model, type Schema } from './model.js';
import { cleanValue } from './values.js';

export interface DraftValue {
  value: string;
  /** The text as the source wrote it, when cleaning changed it. */
  original?: string;
  lang?: string;
  /** Where in the source this value was read: "sdn.csv line 12", "alt.csv line 88". */
  origin?: string;
}

export interface AddOptions {
  original?: string;
  lang?: string;
  origin?: string;
}

export class EntityDraft {
  schema: Schema;
  readonly props = new Map<string, DraftValue[]>();

  /**
   * @param id stable id, derived from the dataset and the source record id
   * @param recordId the source's own id for the record (OFAC ent_num, UN DATAID…)
   */
  constructor(
    schema: string | Schema,
    readonly id: string,
    readonly recordId: string,
  ) {
    this.schema = typeof schema === 'string' ? model.get(schema) : schema;
  }

  /**
   * Add a value, cleaned by the property's type. Returns false (and stores nothing) when the value
   * is empty or cannot be cleaned, e.g. an impossible date, so importers can report it.
   */
  add(prop: string, raw: string | undefined | null, opts: AddOptions = {}): boolean {
    if (raw === undefined || raw === null) return false;
    const property = this.schema.getProperty(prop);
    if (!property) throw new Error(`schema ${this.schema.name} has no property "${prop}"`);
    const value = cleanValue(property.type, raw);
    if (value === undefined) return false;
    const values = this.props.get(prop);
    if (values) for (const v of values) if (v.value === value) return true;
    const original = (opts.original ?? raw).trim();
    // One literal with every field (absent ones undefined) keeps them all inside the object; fields
    // added one by one afterwards would need a separate property store per value.
    const entry: DraftValue = {
      value,
      original: original !== value ? original : undefined,
      lang: opts.lang || undefined,
      origin: opts.origin || undefined,
    };
    // Most properties get one value: `[entry]` has room for one, where `[]` plus push reserves 17.
    if (values) values.push(entry);
    else this.props.set(prop, [entry]);
    return true;
  }

  get(prop: string): string[] {
    return (this.props.get(prop) ?? []).map((v) => v.value);
  }

  first(prop: string): string | undefined {
    return this.props.get(prop)?.[0]?.value;
  }

  has(prop: string): boolean {
    return (this.props.get(prop)?.length ?? 0) > 0;
  }

  /** Narrow the schema, e.g. LegalEntity → Company once the source says so. Never widens. */
  narrow(schemaName: string): void {
    const next = model.get(schemaName);
    if (next.isA(this.schema.name)) this.schema = next;
  }

  caption(): string {
    return captionOf(this.schema, (p) => this.get(p)) ?? this.id;
  }
}

/** The display name of an entity: the first caption property that has a value. */
export function captionOf(schema: Schema, get: (prop: string) => string[]): string | undefined {
  for (const prop of schema.caption) {
    const values = get(prop);
    if (values.length) return values[0];
  }
  if (schema.edge) {
    const src = get(schema.edge.source)[0];
    const dst = get(schema.edge.target)[0];
    if (src && dst) return `${src} → ${dst}`;
  }
  return undefined;
}

export function shortHash(...parts: string[]): string {
  return hash('sha1', parts.join('\u001f'), 'hex').slice(0, 12);
}

/** Id of an entity derived from another (its sanction, address, link): stable across imports. */
export function derivedId(parentId: string, kind: string, ...keys: string[]): string {
  return `${parentId}-${kind}-${shortHash(...keys)}`;
}

/** Entity id for a source record: `<dataset>-<record id>`, with unsafe characters replaced. */
export function recordEntityId(dataset: string, recordId: string): string {
  return `${dataset}-${recordId.trim().replace(/[^A-Za-z0-9._-]+/g, '-')}`;
}
