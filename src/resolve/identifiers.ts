/**
 * Strong identifiers for cross-referencing: numbers that name one party only (IMO, MMSI, passport,
 * national id, tax id, SWIFT/BIC, LEI, INN, OGRN). Two list entries that carry the same one and
 * match by name are one party with near certainty — the rule automatic merges use. Registration
 * numbers are left out: they repeat across countries' registers.
 */
import { normalizeIdentifier } from '../match/features.js';

/** Property → identifier kind; values of one kind are only compared with the same kind. */
const STRONG_PROPS: Record<string, string> = {
  imoNumber: 'imo',
  mmsi: 'mmsi',
  passportNumber: 'passport',
  idNumber: 'national_id',
  socialSecurityNumber: 'national_id',
  taxNumber: 'tax_id',
  innCode: 'tax_id',
  vatCode: 'tax_id',
  swiftBic: 'swift',
  leiCode: 'lei',
  ogrnCode: 'ogrn',
};

/** Kinds whose normaliser is the matcher's own (IMO digits, BIC8…); others are compared as text. */
const MATCHER_KIND: Record<string, string> = { imo: 'imo', mmsi: 'mmsi', swift: 'bic', lei: 'lei' };

/** Short numbers repeat by chance across lists; a strong identifier has at least this many characters. */
const MIN_LENGTH = 5;

export interface StrongId {
  kind: string;
  value: string;
}

/** The strong identifiers of an entity, normalised, as `kind:value` keys. */
export function strongIdKeys(properties: Readonly<Record<string, readonly string[]>>): Set<string> {
  const keys = new Set<string>();
  for (const prop in properties) {
    const kind = Object.hasOwn(STRONG_PROPS, prop) ? STRONG_PROPS[prop] : undefined;
    if (!kind) continue;
    for (const raw of properties[prop] ?? []) {
      const v = normalizeIdentifier(MATCHER_KIND[kind] ?? 'generic', raw);
      if (v && v.length >= MIN_LENGTH) keys.add(`${kind}:${v}`);
    }
  }
  return keys;
}

/** Identifiers both entities carry. */
export function sharedStrongIds(a: ReadonlySet<string>, b: ReadonlySet<string>): StrongId[] {
  const out: StrongId[] = [];
  for (const k of a) {
    if (!b.has(k)) continue;
    const i = k.indexOf(':');
    out.push({ kind: k.slice(0, i), value: k.slice(i + 1) });
  }
  return out;
}
