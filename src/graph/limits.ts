/** Bounds on what one query may ask for, so a huge K or a hub never hangs the process. */
import { FieldError } from '../errors.js';

export const LIMITS = {
  hops: 6,
  pathHops: 10,
  k: 10,
  nodes: 5000,
  edges: 20000,
  top: 1000,
  group: 200,
  results: 1000,
  /** Nodes a neighbourhood or exposure search may visit before it stops and says so. */
  visit: 2_000_000,
};

/** An integer option within bounds, or a FieldError naming it. */
export function boundedInt(
  field: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n)) throw new FieldError(field, `"${String(value)}" is not a whole number`);
  if (n < min || n > max) throw new FieldError(field, `${n} is out of range (${min}–${max})`);
  return n;
}
