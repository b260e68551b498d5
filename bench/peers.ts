/**
 * What the screening benchmarks share: the key the brute-force peer compares (a name's
 * transliterated, lower-cased tokens in sorted order, as a simple screening script would) and
 * percentiles of timings.
 */
import anyAscii from 'any-ascii';

export function sortedTokens(name: string): string {
  return anyAscii(name)
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .sort()
    .join(' ');
}

/** The p-th percentile (0–100) of some values, by rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
