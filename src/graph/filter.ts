/**
 * Which edges a query may use: by domain (keep some, or drop some for a scenario) and by date.
 * No filter at all means the fast path over the neighbour table.
 */
import { FieldError } from '../errors.js';
import { DOMAINS } from '../text/extraction.js';
import type { Network } from './network.js';

/** The reading vocabulary's domains, and `unspecified` for list links that state none (OFAC "Linked To"). */
export const KNOWN_DOMAINS: readonly string[] = [...DOMAINS, 'unspecified'];

export interface EdgeFilterOptions {
  domains?: string[];
  excludeDomains?: string[];
  /** YYYY, YYYY-MM or YYYY-MM-DD; an edge without a date is left out when a bound is given. */
  since?: string;
  until?: string;
}

export type EdgeTest = (e: number) => boolean;

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function checkDate(field: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!DATE.test(value))
    throw new FieldError(field, `"${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return value;
}

export function edgeFilter(net: Network, o: EdgeFilterOptions): EdgeTest | undefined {
  const since = checkDate('since', o.since);
  const until = checkDate('until', o.until);
  const keep = o.domains?.length ? domainMask(net, o.domains) : undefined;
  const drop = o.excludeDomains?.length ? domainMask(net, o.excludeDomains) : undefined;
  if (!keep && !drop && !since && !until) return undefined;
  return (e) => {
    const d = net.edgeDomain[e];
    if (keep && !keep[d]) return false;
    if (drop && drop[d]) return false;
    if (since || until) {
      const date = net.edgeDates[e];
      if (!date) return false;
      // A partial date compares on the precision both have: "2024" is within since 2024-05.
      if (since && date.slice(0, since.length) < since.slice(0, date.length)) return false;
      if (until && date.slice(0, until.length) > until.slice(0, date.length)) return false;
    }
    return true;
  };
}

function domainMask(net: Network, domains: string[]): Uint8Array {
  for (const d of domains) {
    if (!KNOWN_DOMAINS.includes(d))
      throw new FieldError('domain', `unknown domain "${d}" (one of ${KNOWN_DOMAINS.join(', ')})`);
  }
  const mask = new Uint8Array(Math.max(1, net.domains.length));
  for (const d of domains) {
    const k = net.domains.indexOf(d);
    if (k >= 0) mask[k] = 1;
  }
  return mask;
}
