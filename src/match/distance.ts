/**
 * String distances for name parts.
 *
 * `nameEditDistance` is an optimal-string-alignment (Damerau) distance with costs that reflect how
 * names get misspelled and transliterated rather than how they differ:
 *
 * - swapping two adjacent letters: 0.5 (typing error);
 * - one vowel for another: 0.6 (i/y: 0.3), except at the very end, where it usually marks another
 *   name (Maria/Mario, Angela/Angelo): 1.0;
 * - one consonant for a similar one (c/k/q/g, s/z/c/x, t/d, b/p/v, f/v/w, m/n, j/y/i): 0.6;
 * - inserting or deleting a doubled letter: 0.5 (Lindeman/Lindemann), h: 0.6 (Ahmad/Amad,
 *   Thomas/Tomas), the j of "dj": 0.6 (Djordjevic/Dordevic), any other letter: 1.0;
 * - a vowel for a consonant: 1.2; one consonant for an unrelated one: 1.5 (Missiles/Missives,
 *   Velayati/Vellabati are different names).
 *
 * `maxEdits` gives how much of that a part may carry and still be the same name: nothing for up to
 * three letters, a swap for four, one cheap change for five, one edit for six to eight letters,
 * 1.6 for nine to eleven, 2.2 beyond. "Scholze"/"Scholz" (one deleted e) pass; "Schulze"/"Scholz"
 * (u→o and a deleted e, 1.6) do not.
 */

const VOWEL = new Uint8Array(128);
for (const c of 'aeiouy') VOWEL[c.charCodeAt(0)] = 1;

/** Whether a character code is a Latin vowel (y included). */
export function isVowelCode(c: number): boolean {
  return c < 128 && VOWEL[c] === 1;
}

// Similar-consonant classes: letters sharing a bit are cheap to substitute.
const CLASS = new Uint16Array(128);
const classes = ['ckqg', 'szcx', 'td', 'bpv', 'fvw', 'mn', 'jyi', 'wu', 'jg'];
classes.forEach((letters, bit) => {
  for (const c of letters) CLASS[c.charCodeAt(0)] |= 1 << bit;
});

function subCost(a: number, b: number, atEnd: boolean): number {
  if (a === b) return 0;
  const va = VOWEL[a] === 1;
  const vb = VOWEL[b] === 1;
  if (va && vb) {
    if ((a === 105 && b === 121) || (a === 121 && b === 105)) return 0.3; // i/y
    return atEnd ? 1.0 : 0.6;
  }
  if ((CLASS[a]! & CLASS[b]!) !== 0) return 0.6;
  if (va || vb) return 1.2;
  return 1.5;
}

/** Cost of inserting or deleting the letter at `i` of `s`. */
function indelCost(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if ((i > 0 && s.charCodeAt(i - 1) === c) || (i + 1 < s.length && s.charCodeAt(i + 1) === c)) return 0.5;
  if (c === 104 /* h */) return 0.6;
  // The j of "dj" (Serbo-Croatian đ: Djordjevic = Dordevic).
  return c === 106 /* j */ && i > 0 && s.charCodeAt(i - 1) === 100 /* d */ ? 0.6 : 1;
}

// Three rolling rows, grown on demand.
let rowA = new Float64Array(32);
let rowB = new Float64Array(32);
let rowC = new Float64Array(32);

/**
 * Weighted OSA distance; stops early and returns a value above `limit` as soon as the distance
 * must exceed it.
 */
export function nameEditDistance(a: string, b: string, limit = Infinity): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0) {
    let s = 0;
    for (let j = 0; j < lb; j++) s += indelCost(b, j);
    return s;
  }
  if (lb === 0) {
    let s = 0;
    for (let i = 0; i < la; i++) s += indelCost(a, i);
    return s;
  }
  if (rowA.length <= lb) {
    rowA = new Float64Array(lb + 16);
    rowB = new Float64Array(lb + 16);
    rowC = new Float64Array(lb + 16);
  }
  let prev2 = rowA; // i-2
  let prev = rowB; // i-1
  let cur = rowC; // i
  prev[0] = 0;
  for (let j = 1; j <= lb; j++) prev[j] = prev[j - 1]! + indelCost(b, j - 1);
  let prevMin = 0;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    const delA = indelCost(a, i - 1);
    cur[0] = prev[0]! + delA;
    let rowMin = cur[0]!;
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + subCost(ca, cb, i === la && j === lb);
      const del = prev[j]! + delA;
      if (del < v) v = del;
      const ins = cur[j - 1]! + indelCost(b, j - 1);
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && ca !== cb) {
        const t = prev2[j - 2]! + 0.5;
        if (t < v) v = t;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Every later cell descends from this row or (by a swap) from the previous one.
    if (rowMin > limit && prevMin + 0.5 > limit) return rowMin;
    prevMin = rowMin;
    const tmp = prev2;
    prev2 = prev;
    prev = cur;
    cur = tmp;
  }
  return prev[lb]!;
}

/** How much weighted edit a part of this length may carry and still be the same name. */
export function maxEdits(length: number): number {
  if (length <= 3) return 0;
  if (length === 4) return 0.5;
  if (length === 5) return 0.6;
  if (length <= 8) return 1.0;
  if (length <= 11) return 1.6;
  return 2.2;
}

/** Similarity in [0.7, 0.95] for a distance within the allowance. */
export function editSimilarity(distance: number, length: number): number {
  const s = 1 - (1.1 * distance) / length;
  return s < 0.7 ? 0.7 : s > 0.95 ? 0.95 : s;
}

/** Plain Levenshtein distance with unit costs (for skeletons). */
export function unitDistance(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  let prev = new Array<number>(lb + 1);
  let cur = new Array<number>(lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    for (let j = 1; j <= lb; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  return prev[lb]!;
}

/** Jaro-Winkler similarity (prefix scale 0.1, up to four letters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const ma = new Uint8Array(la);
  const mb = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (mb[j] || a[i] !== b[j]) continue;
      ma[i] = 1;
      mb[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a[i] !== b[k]) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
