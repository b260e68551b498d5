/**
 * Non-name evidence for entity scoring: identifiers, birth dates, countries, gender. Values are
 * normalised once per entity (analyzeEntityNames) so scoring only compares prepared sets.
 */
import { model, type Schema } from '../model/model.js';
import { cleanCountry, cleanDate, cleanGender } from '../model/values.js';

/**
 * Identifiers unique to one real-world thing. A match on one of them is nearly proof; two
 * different values of the same kind are evidence of different things.
 */
export const STRONG_IDENTIFIERS: Record<string, string> = {
  imoNumber: 'imo',
  mmsi: 'mmsi',
  leiCode: 'lei',
  swiftBic: 'bic',
  innCode: 'inn',
  ogrnCode: 'ogrn',
  isinCode: 'isin',
  icaoCode: 'icao',
  dunsCode: 'duns',
  permId: 'permid',
  uniqueEntityId: 'uei',
  cageCode: 'cage',
  wikidataId: 'wikidata',
};

/**
 * How a property's values compare as identifiers: its strong kind (imo, lei…), "generic" for any
 * other identifier-typed property of the schema, undefined when it holds no identifiers. Own keys
 * only, so a property named "constructor" is not taken for one.
 */
export function identifierKind(schema: Schema | undefined, prop: string): string | undefined {
  if (Object.hasOwn(STRONG_IDENTIFIERS, prop)) return STRONG_IDENTIFIERS[prop];
  return schema?.getProperty(prop)?.type === 'identifier' ? 'generic' : undefined;
}

/** Normalise an identifier value for comparison, by kind; undefined if it cannot be one. */
export function normalizeIdentifier(kind: string, raw: string): string | undefined {
  let v = raw.toUpperCase().replace(/[^A-Z0-9]/g, '');
  switch (kind) {
    case 'imo':
      v = v.replace(/^IMO/, '');
      return /^\d{7}$/.test(v) ? v : undefined;
    case 'mmsi':
      return /^\d{9}$/.test(v) ? v : undefined;
    case 'bic':
      return v.length === 8 || v.length === 11 ? v.slice(0, 8) : undefined;
    case 'lei':
      return v.length === 20 ? v : undefined;
    default:
      // Generic identifiers: at least four characters including a digit ("12" or "N/A" are noise).
      return v.length >= 4 && /\d/.test(v) ? v : undefined;
  }
}

export interface EntityFacts {
  /** kind (imo, mmsi, lei… or the property name for others) → normalised values */
  readonly strongIds: ReadonlyMap<string, ReadonlySet<string>>;
  /** all identifier values, any property, normalised */
  readonly anyIds: ReadonlySet<string>;
  readonly birthDates: readonly string[];
  readonly countries: ReadonlySet<string>;
  readonly genders: ReadonlySet<string>;
}

const NONE: ReadonlySet<string> = new Set();
const NO_IDS: ReadonlyMap<string, ReadonlySet<string>> = new Map();
const NO_DATES: readonly string[] = Object.freeze([]);

const COUNTRY_PROPS = new Set([
  'country',
  'nationality',
  'citizenship',
  'jurisdiction',
  'mainCountry',
  'flag',
]);

function normalizeDate(raw: string): string | undefined {
  const s = raw.trim();
  return cleanDate(s) ?? (/^\d{4}(-\d{2}(-\d{2})?)?/.exec(s)?.[0] || undefined);
}

export function extractFacts(
  schemaName: string,
  properties: Readonly<Record<string, readonly string[]>>,
): EntityFacts {
  const schema = model.has(schemaName) ? model.get(schemaName) : undefined;
  // Made on first value: most entities lack most facts, and share the empty ones.
  let strongIds: Map<string, Set<string>> | undefined;
  let anyIds: Set<string> | undefined;
  let birthDates: string[] | undefined;
  let countries: Set<string> | undefined;
  let genders: Set<string> | undefined;
  for (const prop in properties) {
    const values = properties[prop];
    if (!values || values.length === 0) continue;
    const kind = identifierKind(schema, prop);
    if (kind) {
      for (const raw of values) {
        const generic = normalizeIdentifier('generic', raw);
        if (generic) (anyIds ??= new Set()).add(generic);
        if (kind !== 'generic') {
          const v = normalizeIdentifier(kind, raw);
          if (!v) continue;
          strongIds ??= new Map();
          let set = strongIds.get(kind);
          if (!set) strongIds.set(kind, (set = new Set()));
          set.add(v);
        }
      }
    } else if (prop === 'birthDate') {
      for (const raw of values) {
        const d = normalizeDate(raw);
        if (d) (birthDates ??= []).push(d);
      }
    } else if (COUNTRY_PROPS.has(prop)) {
      for (const raw of values) {
        const c =
          cleanCountry(raw) ?? (/^[a-z]{2}$/i.test(raw.trim()) ? raw.trim().toLowerCase() : undefined);
        if (c) (countries ??= new Set()).add(c);
      }
    } else if (prop === 'gender') {
      for (const raw of values) {
        const g = cleanGender(raw);
        if (g) (genders ??= new Set()).add(g);
      }
    }
  }
  return {
    strongIds: strongIds ?? NO_IDS,
    anyIds: anyIds ?? NONE,
    birthDates: birthDates ?? NO_DATES,
    countries: countries ?? NONE,
    genders: genders ?? NONE,
  };
}

export interface IdentifierResult {
  /** A strong identifier matched (kind and value). */
  strong?: { kind: string; value: string };
  /** Some identifier value matched, whatever the property. */
  generic?: string;
  /** Both have a strong identifier of one kind and none of the values agree. */
  conflict?: { kind: string; query: string[]; candidate: string[] };
}

export function compareIdentifiers(q: EntityFacts, c: EntityFacts): IdentifierResult {
  const out: IdentifierResult = {};
  for (const [kind, qs] of q.strongIds) {
    const cs = c.strongIds.get(kind);
    if (!cs) continue;
    let hit: string | undefined;
    for (const v of qs) if (cs.has(v)) hit = v;
    if (hit) {
      out.strong = { kind, value: hit };
      break;
    }
    out.conflict ??= { kind, query: [...qs], candidate: [...cs] };
  }
  if (!out.strong) {
    for (const v of q.anyIds) {
      if (c.anyIds.has(v)) {
        out.generic = v;
        break;
      }
    }
  }
  if (out.strong || out.generic) delete out.conflict;
  return out;
}

function swapDayMonth(d: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m || Number(m[3]) > 12) return undefined;
  return `${m[1]}-${m[3]}-${m[2]}`;
}

function datesCompatible(a: string, b: string): boolean {
  if (a.startsWith(b) || b.startsWith(a)) return true;
  const s = swapDayMonth(a);
  return s !== undefined && s === b;
}

export interface DateResult {
  /** Both have birth dates and no pair shares a year. */
  yearDisjoint: boolean;
  /** Both have full birth dates and none agree (day and month may be swapped). */
  dayDisjoint: boolean;
  /** Some pair of dates is compatible. */
  compatible: boolean;
}

export function compareBirthDates(q: readonly string[], c: readonly string[]): DateResult {
  if (q.length === 0 || c.length === 0) return { yearDisjoint: false, dayDisjoint: false, compatible: false };
  let compatible = false;
  let sameYear = false;
  for (const a of q) {
    for (const b of c) {
      if (datesCompatible(a, b)) compatible = true;
      if (a.slice(0, 4) === b.slice(0, 4)) sameYear = true;
    }
  }
  const qFull = q.filter((d) => d.length === 10);
  const cFull = c.filter((d) => d.length === 10);
  let dayDisjoint = false;
  if (qFull.length > 0 && cFull.length > 0 && !compatible) {
    dayDisjoint = !qFull.some((a) => cFull.some((b) => datesCompatible(a, b)));
  }
  return { yearDisjoint: !sameYear && !compatible, dayDisjoint, compatible };
}

export function setsDisjoint(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const v of a) if (b.has(v)) return false;
  return true;
}
