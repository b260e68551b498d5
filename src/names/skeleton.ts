/**
 * Consonant skeletons: the key that lets a name written in Arabic, Persian, Hebrew or a Brahmic
 * script be compared with its Latin spellings. Those scripts do not write short vowels, and Latin
 * spellings of the same name disagree mostly in vowels and in how a few sounds are written.
 *
 * A skeleton keeps one symbol per consonant class, drops vowels, and collapses repeats:
 *
 * | class | letters (after digraphs)                  | why                                            |
 * |-------|-------------------------------------------|------------------------------------------------|
 * | (none)| a e i o u y, apostrophes                  | vowels; y/i/e are the same vowel letter ي       |
 * | (none)| w, v inside a word                        | و is both the vowel u/o and the consonant w/v:  |
 * |       |                                           | Javad = جواد "jwd", Maduro = مادورو "mdwrw"      |
 * | v     | w, v at the start of a word               | initial و is always consonantal: Walid, Vahid  |
 * | b     | b, p                                      | Arabic has no p; Khmer/Thai blur them          |
 * | f     | f, ph                                     |                                                |
 * | t     | t, d, th, dh                              | ت/ط/د/ض/ث/ذ are written t, d, th, dh, z…        |
 * | k     | k, q, g, c (hard), ck, kh, gh             | ق is q, k, g or gh (Qasem/Kasem/Ghasem);        |
 * |       |                                           | خ is kh or h; غ is gh or g                      |
 * | s     | s, z, c (before e/i/y), ts, tz            | س/ص/ز/ث: Hussein, Husain, Huzain…               |
 * | x     | sh, sch, ch, tch                          | ش is sh, or ch in French spellings (Chérif)     |
 * | j     | j, zh, dj, dzh                            | ج/ژ: Jamal, Djamel                              |
 * | h     | h (dropped at the end of a word)          | ح/ه keep h; final ة/ه is a vowel (Osama/أسامة)  |
 * | l m n r | themselves                              | r and l are merged only for CJK (mergeLiquids) |
 * | ks    | x                                         | Alexander = Aleksandr                           |
 *
 * Repeated classes collapse (Assad → "st", Muhammad → "mhmt"). Digits are ignored.
 */

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

export function consonantSkeleton(token: string): string {
  return scanSkeleton(token, undefined);
}

/**
 * The letters left out of the skeleton before, between and after its consonants (one more entry
 * than the skeleton has letters): "mohammed" → "", "o", "a", "e", "" for "mhmt".
 */
export function skeletonGaps(token: string): string[] {
  const gaps: string[] = [];
  scanSkeleton(token, gaps);
  return gaps;
}

function scanSkeleton(token: string, gaps: string[] | undefined): string {
  let out = '';
  let gap = '';
  const n = token.length;
  const push = (cls: string): void => {
    if (out.length === 0 || out[out.length - 1] !== cls) {
      out += cls;
      if (gaps) {
        gaps.push(gap);
        gap = '';
      }
    }
  };
  for (let i = 0; i < n; i++) {
    const c = token[i]!;
    const d = i + 1 < n ? token[i + 1]! : '';
    const e = i + 2 < n ? token[i + 2]! : '';
    if (VOWELS.has(c)) {
      if (gaps) gap += c;
      continue;
    }
    if (c < 'a' || c > 'z') continue;
    // Digraphs and trigraphs first.
    if (c === 's' && d === 'c' && e === 'h') {
      push('x');
      i += 2;
      continue;
    }
    if (c === 't' && d === 'c' && e === 'h') {
      push('x');
      i += 2;
      continue;
    }
    if (c === 'd' && d === 'z' && e === 'h') {
      push('j');
      i += 2;
      continue;
    }
    if (d === 'h') {
      if (c === 's' || c === 'c') {
        push('x');
        i++;
        continue;
      }
      if (c === 'z') {
        push('j');
        i++;
        continue;
      }
      if (c === 'k' || c === 'g') {
        push('k');
        i++;
        continue;
      }
      if (c === 'p') {
        push('f');
        i++;
        continue;
      }
      if (c === 't' || c === 'd') {
        push('t');
        i++;
        continue;
      }
    }
    if (c === 't' && (d === 's' || d === 'z')) {
      push('s');
      i++;
      continue;
    }
    if (c === 'c' && d === 'k') {
      push('k');
      i++;
      continue;
    }
    if (c === 'd' && d === 'j') {
      push('j');
      i++;
      continue;
    }
    switch (c) {
      case 'b':
      case 'p':
        push('b');
        break;
      case 'c':
        push(d === 'e' || d === 'i' || d === 'y' ? 's' : 'k');
        break;
      case 'd':
      case 't':
        push('t');
        break;
      case 'f':
        push('f');
        break;
      case 'g':
      case 'k':
      case 'q':
        push('k');
        break;
      case 'h':
        if (i < n - 1) push('h');
        break;
      case 'j':
        push('j');
        break;
      case 's':
      case 'z':
        push('s');
        break;
      case 'v':
      case 'w':
        if (i === 0) push('v');
        else if (gaps) gap += 'w';
        break;
      case 'x':
        push('k');
        push('s');
        break;
      default:
        push(c); // l m n r
    }
  }
  gaps?.push(gap);
  return out;
}

/** Merge r into l, for comparisons with Chinese, Japanese or Korean transliterations. */
export function mergeLiquids(skeleton: string): string {
  return skeleton.includes('r') ? skeleton.replace(/r+/g, 'l').replace(/l+/g, 'l') : skeleton;
}
