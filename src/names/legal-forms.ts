/**
 * Company legal forms across languages, each normalised to one canonical label and a family.
 *
 * Legal forms never count as evidence that two names are the same: they are taken out of the name
 * before comparison and compared on their own. Two names with legal forms of different families
 * (AG is a stock corporation, GmbH a limited-liability company, ANO a non-profit) get a
 * `legal_form_mismatch` penalty; forms of the same family (OAO/OJSC/PJSC/JSC, LLC/Ltd/OOO) and the
 * generic words (Co., Corp, Inc) are compatible with everything.
 */
import { distance } from 'fastest-levenshtein';

export type LegalFormFamily =
  'generic' | 'stock' | 'limited' | 'partnership' | 'nonprofit' | 'freezone' | 'state';

interface FormDef {
  canonical: string;
  family: LegalFormFamily;
  /** Spellings in normalised tokens (lowercase ASCII, dotted abbreviations joined). */
  spellings: string[];
}

const FORMS: FormDef[] = [
  {
    canonical: 'Co.',
    family: 'generic',
    spellings: [
      'co',
      'company',
      'compania',
      'compagnie',
      'companhia',
      'kompaniya',
      'and co',
      'and company',
      'sherkat',
      'shirkat',
      'sherkate',
      'sharikat',
      'sharika',
      'sirketi',
      'sirket',
      'cie',
      'et cie',
    ],
  },
  {
    canonical: 'Corp',
    family: 'generic',
    spellings: ['corp', 'corporation', 'corporacion', 'korporatsiya', 'korporatsiia', 'corporate'],
  },
  { canonical: 'Inc', family: 'generic', spellings: ['inc', 'incorporated', 'incorporation'] },
  {
    canonical: 'Co. Ltd',
    family: 'limited',
    spellings: ['co ltd', 'co limited', 'company limited', 'company ltd', 'co lt', 'coltd'],
  },
  {
    canonical: 'Ltd',
    family: 'limited',
    spellings: [
      'ltd',
      'limited',
      'pvt ltd',
      'private limited',
      'pvt',
      'pte ltd',
      'pte',
      'pty ltd',
      'pty',
      'ltd co',
      'limited co',
    ],
  },
  {
    canonical: 'LLC',
    family: 'limited',
    spellings: [
      'llc',
      'l l c',
      'limited liability company',
      'limited liability co',
      'ltd liability co',
      'ltd liability company',
      'limited liability corporation',
    ],
  },
  {
    canonical: 'OOO',
    family: 'limited',
    spellings: [
      'ooo',
      'obshchestvo s ogranichennoy otvetstvennostyu',
      'obshchestvo s ogranichennoi otvetstvennostiu',
      'obshchestvo s ogranichennoj otvetstvennostju',
      'tov',
      'tovaristvo z obmezhenoyu vidpovidalnistyu',
      'tovarystvo z obmezhenoiu vidpovidalnistiu',
    ],
  },
  {
    canonical: 'GmbH',
    family: 'limited',
    spellings: [
      'gmbh',
      'gesellschaft mit beschrankter haftung',
      'ges m b h',
      'gesmbh',
      'ug haftungsbeschrankt',
    ],
  },
  {
    canonical: 'S.R.L.',
    family: 'limited',
    spellings: [
      'srl',
      's r l',
      'societa a responsabilita limitata',
      'societatea cu raspundere limitata',
      'sociedad de responsabilidad limitada',
      's de rl',
      'sociedade de responsabilidade limitada',
    ],
  },
  {
    canonical: 'SARL',
    family: 'limited',
    spellings: ['sarl', 's a r l', 'societe a responsabilite limitee', 'eurl'],
  },
  { canonical: 'Ltda', family: 'limited', spellings: ['ltda', 'limitada'] },
  {
    canonical: 'Sp. z o.o.',
    family: 'limited',
    spellings: ['sp z oo', 'sp z o o', 'spzoo', 'spolka z ograniczona odpowiedzialnoscia', 'spolka z oo'],
  },
  { canonical: 's.r.o.', family: 'limited', spellings: ['sro', 'spol s r o', 'spol sro', 's r o'] },
  { canonical: 'd.o.o.', family: 'limited', spellings: ['doo', 'd o o'] },
  { canonical: 'Kft', family: 'limited', spellings: ['kft'] },
  { canonical: 'B.V.', family: 'limited', spellings: ['bv', 'besloten vennootschap'] },
  { canonical: 'Sdn Bhd', family: 'limited', spellings: ['sdn bhd', 'sendirian berhad', 'sdn berhad'] },
  { canonical: 'W.L.L.', family: 'limited', spellings: ['wll', 'with limited liability'] },
  { canonical: 'FZ-LLC', family: 'freezone', spellings: ['fz llc', 'fzllc', 'fz co', 'fz'] },
  { canonical: 'FZE', family: 'freezone', spellings: ['fze', 'free zone establishment', 'fzs'] },
  {
    canonical: 'FZCO',
    family: 'freezone',
    spellings: ['fzco', 'fzc', 'free zone company', 'free zone co', 'dmcc'],
  },
  { canonical: 'AG', family: 'stock', spellings: ['ag', 'aktiengesellschaft', 'aktiengesselschaft'] },
  {
    canonical: 'S.A.',
    family: 'stock',
    spellings: [
      'sa',
      'sociedad anonima',
      'societe anonyme',
      'sociedade anonima',
      'spolka akcyjna',
      'societate pe actiuni',
      'sa de cv',
      'sab de cv',
      'saic',
      'saci',
    ],
  },
  { canonical: 'C.A.', family: 'stock', spellings: ['ca', 'compania anonima'] },
  {
    canonical: 'S.A.S.',
    family: 'stock',
    spellings: ['sas', 'societe par actions simplifiee', 'sociedad por acciones simplificada'],
  },
  { canonical: 'S.p.A.', family: 'stock', spellings: ['spa', 'societa per azioni'] },
  { canonical: 'N.V.', family: 'stock', spellings: ['nv', 'naamloze vennootschap'] },
  {
    canonical: 'PLC',
    family: 'stock',
    spellings: ['plc', 'public limited company', 'public ltd co', 'public ltd company'],
  },
  {
    canonical: 'JSC',
    family: 'stock',
    spellings: [
      'jsc',
      'joint stock company',
      'joint stock co',
      'jointstock company',
      'jsb',
      'joint stock bank',
      'jscb',
      'joint stock commercial bank',
      'ao',
      'aktsionernoe obshchestvo',
      'aktsionerne tovaristvo',
      'at',
      'ad',
    ],
  },
  {
    canonical: 'OJSC',
    family: 'stock',
    spellings: [
      'ojsc',
      'oao',
      'open joint stock company',
      'open jsc',
      'otkrytoe aktsionernoe obshchestvo',
      'vat',
    ],
  },
  {
    canonical: 'CJSC',
    family: 'stock',
    spellings: [
      'cjsc',
      'zao',
      'closed joint stock company',
      'closed jsc',
      'zakrytoe aktsionernoe obshchestvo',
      'prat',
    ],
  },
  {
    canonical: 'PJSC',
    family: 'stock',
    spellings: [
      'pjsc',
      'pao',
      'public joint stock company',
      'public jsc',
      'publichnoe aktsionernoe obshchestvo',
      'pat',
      'publichne aktsionerne tovaristvo',
    ],
  },
  { canonical: 'A/S', family: 'stock', spellings: ['as', 'a s', 'aktieselskab', 'aksjeselskap', 'asa'] },
  { canonical: 'AB', family: 'stock', spellings: ['ab', 'aktiebolag', 'publ'] },
  { canonical: 'Oy', family: 'stock', spellings: ['oy', 'oyj', 'osakeyhtio'] },
  {
    canonical: 'K.K.',
    family: 'stock',
    spellings: ['kk', 'kabushiki kaisha', 'kabushiki gaisha', 'kabushikigaisha'],
  },
  { canonical: 'Bhd', family: 'stock', spellings: ['bhd', 'berhad', 'tbk', 'pt tbk'] },
  {
    canonical: 'SAOG',
    family: 'stock',
    spellings: ['saog', 'saoc', 'sae', 'sal', 'sak', 'psc', 'qsc', 'qpsc', 'bsc', 'kscp', 'ksc', 'pjsc uae'],
  },
  { canonical: 'Zrt', family: 'stock', spellings: ['zrt', 'nyrt', 'rt'] },
  { canonical: 'SE', family: 'stock', spellings: ['se', 'societas europaea'] },
  { canonical: 'LLP', family: 'partnership', spellings: ['llp', 'limited liability partnership'] },
  { canonical: 'LP', family: 'partnership', spellings: ['lp', 'limited partnership'] },
  {
    canonical: 'KG',
    family: 'partnership',
    spellings: ['kg', 'kommanditgesellschaft', 'gmbh and co kg', 'gmbh co kg', 'ag and co kg', 'kgaa'],
  },
  { canonical: 'OHG', family: 'partnership', spellings: ['ohg', 'offene handelsgesellschaft', 'snc', 'gbr'] },
  {
    canonical: 'ANO',
    family: 'nonprofit',
    spellings: [
      'ano',
      'avtonomnaya nekommercheskaya organizatsiya',
      'ev',
      'eingetragener verein',
      'ngo',
      'nko',
      'npo inc',
    ],
  },
  {
    canonical: 'GUP',
    family: 'state',
    spellings: [
      'gup',
      'fgup',
      'mup',
      'sue',
      'fsue',
      'gosudarstvennoe unitarnoe predpriyatie',
      'federalnoe gosudarstvennoe unitarnoe predpriyatie',
      'state unitary enterprise',
      'federal state unitary enterprise',
    ],
  },
];

/** Single short spellings that are ordinary words or name parts too: only recognised at the edges. */
const EDGE_ONLY = new Set([
  'co',
  'sa',
  'ca',
  'ag',
  'as',
  'ab',
  'se',
  'ao',
  'nv',
  'bv',
  'oy',
  'kk',
  'at',
  'ad',
  'rt',
  'fz',
  'tov',
  'pat',
  'vat',
  'sal',
  'sae',
  'sak',
  'psc',
  'bsc',
  'ksc',
  'spa',
  'sas',
  'pte',
  'pty',
  'pvt',
  'ev',
  'kg',
  'lp',
  'sue',
  'publ',
  'tbk',
  'cie',
  'asa',
  'prat',
  'mup',
  'nko',
  'ngo',
  'sirket',
  'corporate',
  'incorporation',
  'sharika',
]);

interface Spelling {
  words: string[];
  form: FormDef;
}

const BY_FIRST = new Map<string, Spelling[]>();
/** Words of six letters or more of legal forms by their first letter, for typo correction. */
const LONG_WORDS = new Map<string, string[]>();
/** Single-word spellings of six letters or more by their first three letters, for truncation. */
const BY_PREFIX = new Map<string, Spelling[]>();
for (const form of FORMS) {
  for (const s of form.spellings) {
    const words = s.split(' ');
    const list = BY_FIRST.get(words[0]!) ?? [];
    list.push({ words, form });
    BY_FIRST.set(words[0]!, list);
    for (const w of words) {
      if (w.length < 6) continue;
      const byLetter = LONG_WORDS.get(w[0]!) ?? [];
      if (!byLetter.includes(w)) byLetter.push(w);
      LONG_WORDS.set(w[0]!, byLetter);
    }
    if (words.length === 1 && s.length >= 6) {
      const key = s.slice(0, 3);
      const byPrefix = BY_PREFIX.get(key) ?? [];
      byPrefix.push({ words, form });
      BY_PREFIX.set(key, byPrefix);
    }
  }
}
for (const list of BY_FIRST.values()) list.sort((a, b) => b.words.length - a.words.length);

/**
 * A long word of a legal form written with a typo ("Aktiengeselschaft"): its correct spelling.
 * The first letter must be right.
 */
function correctLongWord(word: string): string | undefined {
  if (word.length < 6) return undefined;
  for (const w of LONG_WORDS.get(word[0]!) ?? []) {
    if (Math.abs(w.length - word.length) > 2) continue;
    // Swapped neighbours ("LIMIETD", "COPMANY") are the commonest typo: count them as one edit.
    const d = Math.min(distance(w, word), transposedDistance(w, word));
    if (d <= (w.length >= 12 ? 2 : 1)) return w;
  }
  return undefined;
}

/** 1 when the words differ only by one pair of swapped neighbouring letters, else Infinity. */
function transposedDistance(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i >= a.length - 1) return Infinity;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 1 : Infinity;
}

function wordMatches(spelled: string, word: string, isLastOfName: boolean, fuzzy: boolean): boolean {
  if (spelled === word) return true;
  if (!fuzzy) return false;
  if (spelled.length >= 6 && word.length >= 6 && correctLongWord(word) === spelled) return true;
  // A truncated last word ("… JOINT STOCK COMPAN"): lists cut long names at a field width.
  return isLastOfName && word.length >= 5 && spelled.length > word.length && spelled.startsWith(word);
}

export interface LegalFormHit {
  /** Index of the first token of the form. */
  start: number;
  /** Number of tokens it covers. */
  length: number;
  canonical: string;
  family: LegalFormFamily;
}

/**
 * Find legal forms in a token sequence. Multi-word and unambiguous forms are found anywhere; short
 * ones that are also ordinary words (SA, AG, Co, AS…) only at the start or the end. With `fuzzy`
 * (organisations), long words may carry one typo and the last word may be truncated.
 */
export function findLegalForms(words: readonly string[], fuzzy = true): LegalFormHit[] {
  const hits: LegalFormHit[] = [];
  const n = words.length;
  let i = 0;
  while (i < n) {
    let word = words[i]!;
    let candidates = BY_FIRST.get(word);
    if (!candidates && fuzzy) {
      const fixed = correctLongWord(word);
      if (fixed) {
        candidates = BY_FIRST.get(fixed);
        word = fixed;
      }
    }
    let matched: LegalFormHit | undefined;
    for (const sp of candidates ?? []) {
      const len = sp.words.length;
      if (i + len > n) continue;
      let ok = true;
      for (let k = 0; k < len && ok; k++)
        ok = wordMatches(sp.words[k]!, words[i + k]!, i + k === n - 1, fuzzy);
      if (!ok) continue;
      const atEdge = i === 0 || i + len === n;
      if (len === 1 && EDGE_ONLY.has(sp.words[0]!) && !atEdge) continue;
      matched = { start: i, length: len, canonical: sp.form.canonical, family: sp.form.family };
      break;
    }
    if (!matched && fuzzy && i === n - 1 && n > 1) {
      // Truncated single-word form at the end ("… CORPORATIO").
      if (word.length >= 5) {
        for (const sp of BY_PREFIX.get(word.slice(0, 3)) ?? []) {
          const full = sp.words[0]!;
          if (full.length > word.length && full.startsWith(word)) {
            matched = { start: i, length: 1, canonical: sp.form.canonical, family: sp.form.family };
            break;
          }
        }
      }
    }
    if (matched) {
      hits.push(matched);
      i += matched.length;
    } else i++;
  }
  return hits;
}

/** Whether two sets of legal forms can describe the same company. Empty on either side: yes. */
export function legalFormsCompatible(
  a: readonly { canonical: string; family: LegalFormFamily }[],
  b: readonly { canonical: string; family: LegalFormFamily }[],
): boolean {
  // Compatible unless both sides name a specific family and no family is on both sides.
  let specificA = false;
  for (const x of a) {
    if (x.family === 'generic') continue;
    specificA = true;
    for (const y of b) if (y.family === x.family) return true;
  }
  return !specificA || b.every((y) => y.family === 'generic');
}

/** Every canonical label, for documentation and tests. */
export const LEGAL_FORM_LABELS: readonly string[] = FORMS.map((f) => f.canonical);
