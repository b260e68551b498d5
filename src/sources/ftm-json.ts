/**
 * Reader for FollowTheMoney entities as JSON lines, one entity per line, the way OpenSanctions
 * publishes them (entities.ftm.json): {"id", "schema", "properties": {prop: [values]}, "datasets",
 * "referents", "first_seen", "last_seen", …}.
 *
 * FtM ids are global, so they are kept as given (no dataset prefix) and double as the record id.
 * Lines that repeat an id are fragments of one entity and are merged, as FtM tools do. Entities
 * nested inside entity-typed properties ("nested" exports) are pulled out into entities of their
 * own and replaced by their id; a nested entity under a reverse property (a Person's `sanctions`)
 * gets the forward reference (the Sanction's `entity`) instead.
 */
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { EntityDraft } from '../model/entity.js';
import { model, type Schema } from '../model/model.js';
import { isObject, readJsonLines, type Json } from './json-lines.js';
import { readEach, type ReadContext, type ReadResult, type SourceFormat } from './source.js';

const require = createRequire(import.meta.url);
const rawModel = require('@alephdata/followthemoney/dist/defaultModel.json') as {
  schemata: Record<string, { properties: Record<string, { reverse?: string }> }>;
};

/** For a reverse (stub) property, the name of the forward property on the other side. */
function reverseOf(schema: Schema, prop: string): string | undefined {
  for (const ancestor of schema.ancestors) {
    const reverse = rawModel.schemata[ancestor]?.properties[prop]?.reverse;
    if (reverse) return reverse;
  }
  return undefined;
}

class FtmReader {
  readonly entities: EntityDraft[] = [];
  readonly warnings: string[] = [];
  private readonly byId = new Map<string, { draft: EntityDraft; line: number }>();

  readFile(path: string): void {
    for (const { obj, path: file, name, line } of readJsonLines(path, 'an entity')) {
      this.readEntity(obj, { path: file, name, line }, '');
    }
  }

  /**
   * Read one entity object and return its id. `at` is the JSON path of a nested entity ("" for the
   * line's own entity), used in error messages so the field can be found.
   */
  private readEntity(
    obj: { [k: string]: Json },
    src: { path: string; name: string; line: number },
    at: string,
  ): string {
    const where = (field: string): { file: string; line: number; field: string } => ({
      file: src.path,
      line: src.line,
      field: at + field,
    });
    const idValue = obj.id;
    if (typeof idValue !== 'string' || !idValue.trim()) {
      throw new InputError(
        where('id'),
        idValue === undefined || idValue === null ? 'entity has no id' : 'id must be a non-empty string',
      );
    }
    const id = idValue.trim();
    const schemaName = obj.schema;
    if (typeof schemaName !== 'string' || !model.has(schemaName)) {
      throw new InputError(where('schema'), `unknown schema ${JSON.stringify(schemaName ?? null)}`);
    }
    const schema = model.get(schemaName);
    if (schema.abstract)
      throw new InputError(where('schema'), `schema ${schemaName} is abstract and cannot have entities`);
    const props = obj.properties ?? {};
    if (!isObject(props)) throw new InputError(where('properties'), 'properties must be an object of arrays');

    const origin = `${src.name} line ${src.line}${at ? `, ${at.replace(/\.$/, '')}` : ''}`;
    let entry = this.byId.get(id);
    if (entry) {
      const common = model.commonSchema(entry.draft.schema.name, schemaName);
      if (!common) {
        throw new InputError(
          where('schema'),
          `entity ${id} is a ${schemaName} here but a ${entry.draft.schema.name} on line ${entry.line}`,
        );
      }
      entry.draft.narrow(common);
    } else {
      entry = { draft: new EntityDraft(schema, id, id), line: src.line };
      this.byId.set(id, entry);
      this.entities.push(entry.draft);
    }
    const draft = entry.draft;
    // Properties are checked against the schema this line declares; the merged draft is at least as specific.
    const lineSchema = schema;

    for (const [prop, rawValues] of Object.entries(props)) {
      const property = lineSchema.getProperty(prop);
      if (!property)
        throw new InputError(where(`properties.${prop}`), `schema ${schemaName} has no property "${prop}"`);
      const values: Json[] = Array.isArray(rawValues) ? rawValues : [rawValues];
      values.forEach((value, k) => {
        const field = `properties.${prop}`;
        if (value === null) return;
        if (isObject(value)) {
          if (property.type !== 'entity') {
            throw new InputError(
              where(field),
              `an object is only allowed in entity properties, "${prop}" is ${property.type}`,
            );
          }
          const nestedAt = `${at}${field}[${k}].`;
          const nestedId = this.readEntity(value, src, nestedAt);
          if (property.stub) {
            // A reverse view (Person.sanctions): the nested entity carries the forward reference.
            const nested = this.byId.get(nestedId)!.draft;
            const forward = reverseOf(lineSchema, prop);
            if (forward && nested.schema.getProperty(forward)) {
              nested.add(forward, id, { origin: `${origin}, ${field}` });
            } else {
              this.warnings.push(
                `${src.name} line ${src.line}: ${at}${field}: cannot link nested ${nested.schema.name} back to ${id}`,
              );
            }
          } else {
            draft.add(prop, nestedId, { origin: `${origin}, ${field}` });
          }
          return;
        }
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
          throw new InputError(
            where(field),
            'values must be strings (or, for entity properties, nested entities)',
          );
        }
        const text = String(value);
        if (property.stub) {
          // A bare id under a reverse property cannot be stored on this side; the other entity holds it.
          this.warnings.push(
            `${src.name} line ${src.line}: ${at}${field} is a reverse property; value "${text}" ignored`,
          );
          return;
        }
        if (!draft.schema.getProperty(prop)) return;
        if (!draft.add(prop, text, { origin })) {
          if (text.trim()) {
            this.warnings.push(
              `${src.name} line ${src.line}: ${at}${field}: "${text}" is not a valid ${property.type}`,
            );
          }
        }
      });
    }
    return id;
  }
}

export const ftmJson: SourceFormat = {
  name: 'ftm',
  description: 'FollowTheMoney entities, one JSON object per line (OpenSanctions entities.ftm.json)',
  defaultDataset: 'ftm',
  defaultTitle: 'FollowTheMoney entities',
  read(paths: string[], ctx: ReadContext): ReadResult {
    const reader = new FtmReader();
    readEach(paths, ctx, (path) => reader.readFile(path));
    return { entities: reader.entities, warnings: reader.warnings };
  },
};
