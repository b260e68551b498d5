/**
 * Vowels of Arabic names in Latin and in Arabic script. Arabic script writes only the long
 * vowels (alef, waw, yeh), and Latin spellings of one Arabic name disagree on the short ones, so
 * comparisons ignore most vowels; these tests keep the vowels that do tell two names apart.
 */
import { skeletonGaps } from '../names/skeleton.js';

/**
 * Consonant/vowel shape with doubled letters and vowel runs collapsed: Mohammed and Muhammad are
 * both CVCVCVC, Bashar (CVCVC) and Bushra (CVCCV) are not one name spelled two ways.
 */
export function cvPattern(word: string): string {
  // A final h after a vowel is silent (ta marbuta: Haniyeh = Haniya).
  const s =
    word.length > 2 && word.endsWith('h') && 'aeiouy'.includes(word[word.length - 2]!)
      ? word.slice(0, -1)
      : word;
  let out = '';
  let last = '';
  let prevChar = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === prevChar) continue;
    prevChar = ch;
    // A w between a vowel and a consonant closes a diphthong (Jawlani = Julani, Tawfiq = Toufik).
    const diphthong = ch === 'w' && last === 'V' && i + 1 < s.length && !'aeiouy'.includes(s[i + 1]!);
    const k = diphthong || 'aeiouy'.includes(ch) ? 'V' : 'C';
    if (k === 'V' && last === 'V') continue;
    out += k;
    last = k;
  }
  return out;
}

const I_VOWEL = /[iy]/;
const U_VOWEL = /[ouw]/; // a w in a gap is the diphthong aw/ow

/**
 * Latin spellings of one Arabic name disagree on vowels, but not on every vowel: an i written
 * against only a's (Said, Saad), or an o/u against only a's (Omar, Amar), are two names; an e
 * stands for either (Ahmed, Ahmad; Hamed, Hamid).
 */
export function vowelClassesAgree(a: string, b: string): boolean {
  const ga = skeletonGaps(a);
  const gb = skeletonGaps(b);
  if (ga.length !== gb.length) return true;
  for (let i = 0; i < ga.length; i++) {
    const x = ga[i]!;
    const y = gb[i]!;
    if (x.length === 0 || y.length === 0 || x.includes('e') || y.includes('e')) continue;
    if (I_VOWEL.test(x) !== I_VOWEL.test(y) || U_VOWEL.test(x) !== U_VOWEL.test(y)) return false;
  }
  return true;
}

const LATIN_LONG_I = /ee|ii|ei|ey|ai|ay|ie|iy/;
const LATIN_LONG_U = /oo|ou|uu/;

/**
 * Whether the vowels an Arabic-script word does write (alef "a", waw "w", yeh "y": long vowels)
 * agree with a Latin spelling of the same skeleton, gap by gap: محمود (waw before the d) is
 * Mahmoud, not Mohammed; سعد (no yeh) is Saad, not Said; أحمد (initial alef) is Ahmad, not Hamid.
 * Short vowels are not written in Arabic script and are never held against a spelling; nor is
 * the last vowel (final ى/ی is "a" in Arabic, "i" in Persian and Urdu spellings), nor a Latin "ou"
 * in the first syllable (French spellings write every u so: Mouhamed = محمد, Mourabitoun).
 */
export function longVowelsAgree(arabicText: string, latinText: string): boolean {
  const ga = skeletonGaps(arabicText);
  const gl = skeletonGaps(latinText);
  if (ga.length !== gl.length) return true; // different shapes: nothing to line up
  for (let i = 0; i < ga.length - 1; i++) {
    const a = ga[i]!;
    const l = gl[i]!;
    if (i === 0 && a.length > 0 && !a.includes('y')) {
      // A word written with an initial alef starts with a vowel.
      if (l.length === 0) return false;
      continue;
    }
    if (a.includes('w') && !/[ouwv]/.test(l)) return false;
    if (a.includes('y') && !/[iey]/.test(l)) return false;
    if (a.includes('a') && !/[aeo]/.test(l)) return false;
    if (LATIN_LONG_I.test(l) && !/[ya]/.test(a)) return false;
    if (i >= 2 && LATIN_LONG_U.test(l) && !/[wa]/.test(a)) return false;
  }
  return true;
}
