/**
 * The FollowTheMoney data model, read from the schema definitions that ship with
 * @alephdata/followthemoney (MIT). We keep our own small view of it: schemata with their
 * inherited properties, property types, and edge definitions for relationship schemata.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface RawProperty {
  name: string;
  label: string;
  type: string;
  range?: string;
  reverse?: string;
  matchable?: boolean;
  stub?: boolean;
}
interface RawSchema {
  label: string;
  plural?: string;
  extends?: string[];
  abstract?: boolean;
  matchable?: boolean;
  caption?: string[];
  featured?: string[];
  required?: string[];
  edge?: { source: string; target: string; directed?: boolean; label?: string; caption?: string[] };
  temporalExtent?: { start?: string[]; end?: string[] };
  properties: Record<string, RawProperty>;
}
interface RawModel {
  schemata: Record<string, RawSchema>;
  types: Record<string, { label: string; values?: Record<string, string>; matchable?: boolean }>;
}

export interface Property {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  /** For entity-typed properties: the schema the value must be. */
  readonly range?: string;
  readonly matchable: boolean;
  /** Stub properties are reverse views of another entity's reference; never stored directly. */
  readonly stub: boolean;
}

export interface Edge {
  readonly source: string;
  readonly target: string;
  readonly directed: boolean;
  readonly label: string;
}

export class Schema {
  readonly properties = new Map<string, Property>();
  /** This schema and every schema it extends, transitively. */
  readonly ancestors = new Set<string>();

  constructor(
    readonly name: string,
    readonly label: string,
    readonly abstract: boolean,
    readonly matchable: boolean,
    readonly caption: readonly string[],
    readonly featured: readonly string[],
    readonly required: readonly string[],
    readonly edge: Edge | undefined,
    readonly temporalStart: readonly string[],
    readonly temporalEnd: readonly string[],
  ) {}

  isA(other: string): boolean {
    return this.ancestors.has(other);
  }

  getProperty(name: string): Property | undefined {
    return this.properties.get(name);
  }
}

export class Model {
  readonly schemata = new Map<string, Schema>();
  readonly types: RawModel['types'];

  constructor(raw: RawModel) {
    this.types = raw.types;
    const build = (name: string): Schema => {
      const existing = this.schemata.get(name);
      if (existing) return existing;
      const def = raw.schemata[name];
      if (!def) throw new Error(`FtM model has no schema ${name}`);
      const schema = new Schema(
        name,
        def.label,
        def.abstract ?? false,
        def.matchable ?? false,
        def.caption ?? [],
        def.featured ?? [],
        def.required ?? [],
        def.edge && {
          source: def.edge.source,
          target: def.edge.target,
          directed: def.edge.directed ?? true,
          label: def.edge.label ?? def.label,
        },
        def.temporalExtent?.start ?? [],
        def.temporalExtent?.end ?? [],
      );
      schema.ancestors.add(name);
      for (const parentName of def.extends ?? []) {
        const parent = build(parentName);
        for (const a of parent.ancestors) schema.ancestors.add(a);
        for (const [k, p] of parent.properties) schema.properties.set(k, p);
      }
      for (const [k, p] of Object.entries(def.properties)) {
        schema.properties.set(k, {
          name: k,
          label: p.label,
          type: p.type,
          range: p.range,
          matchable: p.matchable ?? false,
          stub: p.stub ?? false,
        });
      }
      this.schemata.set(name, schema);
      return schema;
    };
    for (const name of Object.keys(raw.schemata)) build(name);
  }

  get(name: string): Schema {
    const schema = this.schemata.get(name);
    if (!schema) throw new Error(`unknown schema "${name}"`);
    return schema;
  }

  has(name: string): boolean {
    return this.schemata.has(name);
  }

  /** Values allowed for enumerated types (country, topic, gender, language). */
  typeValues(type: string): Record<string, string> {
    return this.types[type]?.values ?? {};
  }

  /** The most specific schema that both can be, e.g. LegalEntity + Company → Company. */
  commonSchema(a: string, b: string): string | undefined {
    const sa = this.get(a);
    const sb = this.get(b);
    if (sa.isA(b)) return a;
    if (sb.isA(a)) return b;
    return undefined;
  }
}

export const model = new Model(require('@alephdata/followthemoney/dist/defaultModel.json') as RawModel);
