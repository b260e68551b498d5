/**
 * A memo of part similarities shared by every comparison in the thread, keyed by the two parts'
 * interned key numbers (text, script and role: all that partSimilarity reads) and the Arabic
 * relaxation. Screening compares the same words again and again — within one query against
 * hundreds of candidates, and across the queries of a book (Mohammed, Ali, Trading, Company…) —
 * so each distinct comparison is computed about once.
 *
 * An open-addressing table in typed arrays: a lookup allocates nothing. When half full it is
 * wiped (a fill, no per-entry work) rather than evicting entry by entry; key numbers are never
 * reused (see internKey), so an entry can never answer for another word.
 */
import type { NamePart } from '../names/analyze.js';
import { NO_MATCH, type PartSimilarity, partSimilarity } from './part-similarity.js';

const SLOTS = 1 << 16;
const MASK = SLOTS - 1;
const MAX_ENTRIES = SLOTS >> 1;

/** Query part key per slot; -1 = empty. */
const slotQuery = new Int32Array(SLOTS).fill(-1);
/** Candidate part key × 2 + arabic, per slot. */
const slotCandidate = new Int32Array(SLOTS);
const slotValue: PartSimilarity[] = new Array<PartSimilarity>(SLOTS).fill(NO_MATCH);
let entries = 0;

/** partSimilarity(q, c, arabic), computed once per distinct pair while the memo lasts. */
export function memoPartSimilarity(q: NamePart, c: NamePart, arabic: boolean): PartSimilarity {
  const qk = q.keyId;
  const ck = c.keyId * 2 + (arabic ? 1 : 0);
  let h = Math.imul(qk, 0x9e3779b1) ^ Math.imul(ck, 0x85ebca77);
  h = (h ^ (h >>> 15)) & MASK;
  for (;;) {
    const k = slotQuery[h]!;
    if (k === -1) break;
    if (k === qk && slotCandidate[h] === ck) return slotValue[h]!;
    h = (h + 1) & MASK;
  }
  const sim = partSimilarity(q, c, arabic);
  if (entries >= MAX_ENTRIES) {
    clearPartSimilarityMemo();
    return sim;
  }
  slotQuery[h] = qk;
  slotCandidate[h] = ck;
  slotValue[h] = sim;
  entries++;
  return sim;
}

/** Forget every memoised comparison (the memo also does this itself when it fills up). */
export function clearPartSimilarityMemo(): void {
  slotQuery.fill(-1);
  slotValue.fill(NO_MATCH);
  entries = 0;
}
