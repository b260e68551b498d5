/**
 * Building a screening query from what a user types or a customer book holds (name, schema, date
 * of birth, country, identifiers), checking each field and naming the bad one.
 */
import { model } from '../model/model.js';
import { cleanCountry, cleanDate } from '../model/values.js';
import type { MatchEntity } from './entity.js';

/** Longest name accepted: no real name comes close, and scoring cost grows with length. */
export const MAX_QUERY_NAME_CHARS = 1000;

/**
 * Without a schema a query may match anything screenable: people, organisations, vessels,
 * aircraft. (Identifiers other than IMO/MMSI then make it a LegalEntity query, see buildQuery.)
 */
export const DEFAULT_QUERY_SCHEMA = 'Thing';

export interface QueryInput {
  name?: string;
  schema?: string;
  dob?: string;
  country?: string;
  /** Identifiers separated by ";" (passport, national id, IMO, registration number…). */
  ids?: string;
}

/** A problem with one field of a query; callers turn it into an InputError or a 400. */
export class QueryFieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

export function matchableSchemata(): string[] {
  return [...model.schemata.values()]
    .filter((s) => s.matchable && !s.edge && s.isA('Thing') && !s.isA('Address'))
    .map((s) => s.name)
    .sort();
}

export function checkSchema(value: string | undefined, field = 'schema'): string {
  const name = (value ?? '').trim() || DEFAULT_QUERY_SCHEMA;
  if (name === DEFAULT_QUERY_SCHEMA) return name;
  if (!model.has(name))
    throw new QueryFieldError(
      field,
      `unknown schema "${name}" (use one of: ${matchableSchemata().join(', ')})`,
    );
  if (!matchableSchemata().includes(name)) {
    throw new QueryFieldError(
      field,
      `schema "${name}" cannot be screened (use one of: ${matchableSchemata().join(', ')})`,
    );
  }
  return name;
}

export function checkName(value: string | undefined, field = 'name'): string {
  const name = value ?? '';
  if (!name.trim()) throw new QueryFieldError(field, 'name is empty');
  if (name.length > MAX_QUERY_NAME_CHARS) {
    throw new QueryFieldError(
      field,
      `name is too long (${name.length} characters, at most ${MAX_QUERY_NAME_CHARS})`,
    );
  }
  const bad = CONTROL.exec(name);
  if (bad) {
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new QueryFieldError(field, `name contains a control character (U+${code})`);
  }
  if (!/[\p{L}\p{N}]/u.test(name)) throw new QueryFieldError(field, 'name has no letters or digits');
  return name.trim();
}

/** Where an identifier goes on a query of this schema: IMO/MMSI on vessels, idNumber otherwise. */
function identifierProperty(schema: string, id: string): string {
  const s = model.get(schema);
  const digits = id.replace(/^IMO\s*/i, '').replace(/\s/g, '');
  if (schema === DEFAULT_QUERY_SCHEMA) return /^\d{7}$/.test(digits) ? 'imoNumber' : 'mmsi';
  if (s.getProperty('imoNumber') && /^\d{7}$/.test(digits) && s.isA('Vessel')) return 'imoNumber';
  if (s.getProperty('mmsi') && /^\d{9}$/.test(digits)) return 'mmsi';
  for (const prop of ['idNumber', 'registrationNumber', 'serialNumber', 'imoNumber']) {
    if (s.getProperty(prop)) return prop;
  }
  return 'idNumber';
}

export function buildQuery(input: QueryInput): MatchEntity {
  let schema = checkSchema(input.schema);
  // A Thing has no date of birth or generic identifiers: a date of birth makes an open query a
  // person, other identifiers than IMO/MMSI a legal entity (person or organisation).
  const ids = (input.ids ?? '')
    .split(';')
    .map((v) => v.trim())
    .filter(Boolean);
  const onlyVesselIds = ids.every((id) => /^(IMO\s*)?\d{7}$|^\d{9}$/i.test(id));
  if (schema === DEFAULT_QUERY_SCHEMA && input.dob?.trim()) schema = 'Person';
  else if (schema === DEFAULT_QUERY_SCHEMA && ids.length && !onlyVesselIds) schema = 'LegalEntity';
  const properties: Record<string, string[]> = { name: [checkName(input.name)] };
  const s = model.get(schema);
  if (input.dob?.trim()) {
    const dates = input.dob
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean);
    for (const d of dates) {
      if (!cleanDate(d))
        throw new QueryFieldError('dob', `"${d}" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)`);
    }
    if (!s.getProperty('birthDate')) throw new QueryFieldError('dob', `a ${schema} has no date of birth`);
    properties.birthDate = dates.map((d) => cleanDate(d)!);
  }
  if (input.country?.trim()) {
    const countries = input.country
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean);
    properties.country = countries.map((c) => {
      const code = cleanCountry(c);
      if (!code)
        throw new QueryFieldError('country', `unknown country "${c}" (use a name or an ISO code such as IR)`);
      return code;
    });
  }
  if (input.ids?.trim()) {
    for (const id of input.ids
      .split(';')
      .map((v) => v.trim())
      .filter(Boolean)) {
      if (CONTROL.test(id) || id.length > 100)
        throw new QueryFieldError('ids', `"${id.slice(0, 40)}" is not an identifier`);
      (properties[identifierProperty(schema, id)] ??= []).push(id);
    }
  }
  return { schema, properties };
}
