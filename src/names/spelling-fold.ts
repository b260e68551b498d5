/**
 * A romanisation-blind spelling of a Latin name word: the letter groups that different
 * transliteration conventions (English, French, German, Polish…) write for one sound are folded
 * to one, and doubled letters are collapsed.
 *
 *   Lawrow, Lavrov → lavrov        Djordjevic, Dordevic → dordevic   Noor, Nour → nur
 *   Zaffer, Zafar → zafer, zafar   Khalil, Halil → halil      Yuri, Juri, Iouri → juri
 *   Setchine, Sechin → sechin      Ghalibaf, Qalibaf → kalibaf (Persian gh = q)
 *
 * The fold loses information (Wolf and Volf become one), so part comparison uses it only after
 * the letter-by-letter comparison has failed, and scores a match on it below a plain spelling
 * match (part-similarity.ts).
 */

/** Letter groups → their folded form, longest first at each position. */
const GROUPS: ReadonlyArray<readonly [string, string]> = [
  ['tsch', 'ch'],
  ['dzh', 'j'],
  ['sch', 'sh'],
  ['tch', 'ch'],
  ['dj', 'd'],
  ['zh', 'j'],
  ['kh', 'h'],
  ['gh', 'k'],
  ['ph', 'f'],
  ['th', 't'],
  ['ck', 'k'],
  ['ou', 'u'],
  ['oo', 'u'],
  ['ee', 'i'],
  ['q', 'k'],
  ['w', 'v'],
  ['y', 'i'],
];

const FIRST = new Map<number, Array<readonly [string, string]>>();
for (const g of GROUPS) {
  const c = g[0].charCodeAt(0);
  let list = FIRST.get(c);
  if (!list) FIRST.set(c, (list = []));
  list.push(g);
}

const VOWEL = /[aeiou]/;

/** The folded spelling of a lowercase ASCII word (the same string when nothing folds). */
export function foldSpelling(word: string): string {
  let out = '';
  let changed = false;
  let last = -1;
  for (let i = 0; i < word.length;) {
    const groups = FIRST.get(word.charCodeAt(i));
    let piece: string | undefined;
    if (i === 0 && word[0] === 'y' && VOWEL.test(word[1] ?? '')) {
      // An initial y before a vowel is the j of German and Slavic spellings (Yuri = Juri).
      piece = 'j';
      i++;
      changed = true;
    } else if (i === 0 && word.startsWith('iou')) {
      // French spellings of Russian names: Iouri = Yuri.
      piece = 'ju';
      i += 3;
      changed = true;
    } else if (i === word.length - 3 && word.endsWith('ine') && i > 1) {
      // French spellings add an e after a final -in (Poutine, Setchine, Prigojine).
      piece = 'in';
      i += 3;
      changed = true;
    } else if (groups) {
      for (const [from, to] of groups) {
        if (word.startsWith(from, i)) {
          piece = to;
          i += from.length;
          changed = true;
          break;
        }
      }
    }
    if (piece === undefined) piece = word[i++]!;
    for (let k = 0; k < piece.length; k++) {
      const c = piece.charCodeAt(k);
      if (c === last) {
        changed = true;
        continue;
      }
      out += piece[k];
      last = c;
    }
  }
  return changed ? out : word;
}
