/**
 * The Remarks column of OFAC's legacy CSV files packs most of what OFAC knows about an entry
 * into one string of `; `-separated segments:
 *
 *   DOB 23 Nov 1962; POB Caracas, Venezuela; citizen Venezuela; Gender Male;
 *   Cedula No. 5892464 (Venezuela); President of the Bolivarian Republic of Venezuela.
 *
 * parseRemarks turns that string into typed facts. It is a pure function: no model, no entity,
 * no I/O, so every label can be tested on its own. A segment that no rule recognises becomes a
 * `note` fact, never dropped.
 */
import { cleanCountry as cleanCountryUncached, cleanDate as cleanDateUncached } from '../model/values.js';

/** Country names and dates repeat thousands of times in one list: remember what each spelling cleans to. */
function memo(fn: (raw: string) => string | undefined): (raw: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (raw) => {
    let v = cache.get(raw);
    if (v === undefined && !cache.has(raw)) {
      v = fn(raw);
      if (cache.size > 50_000) cache.clear();
      cache.set(raw, v);
    }
    return v;
  };
}
const cleanCountry = memo(cleanCountryUncached);
const cleanDate = memo(cleanDateUncached);

/** How an identifier is used, which decides the FtM property it lands in. */
export type IdKind =
  | 'passport'
  | 'id'
  | 'ssn'
  | 'tax'
  | 'vat'
  | 'registration'
  | 'license'
  | 'lei'
  | 'duns'
  | 'okpo'
  | 'bik'
  | 'swift'
  | 'isin'
  | 'ticker'
  | 'imo'
  | 'mmsi'
  | 'aircraftSerial'
  | 'aircraftTail'
  | 'other';

interface FactBase {
  /** The segment as written, `alt.` prefix included, without the separator and blanks around it. */
  text: string;
  /** Offset of the segment in the remarks string, so callers can tell which file line it came from. */
  offset: number;
  /** OFAC marks second and later values of a label with `alt.`. */
  alt: boolean;
}

export type RemarkFact = FactBase &
  (
    | { kind: 'alias'; variant: 'aka' | 'fka' | 'nka' | 'dba'; name: string }
    | { kind: 'birthDate'; from: string; to?: string; circa: boolean }
    | { kind: 'birthPlace'; place: string; country?: string }
    | { kind: 'nationality' | 'citizenship' | 'registrationCountry'; value: string; country?: string }
    | { kind: 'gender'; gender: 'male' | 'female' }
    | {
        kind: 'identifier';
        /** OFAC's label for the identifier, e.g. "Passport", "Cedula No.", "NIT #". */
        idType: string;
        idKind: IdKind;
        number: string;
        country?: string;
        issued?: string;
        expires?: string;
        /** Qualifiers that are neither a country nor a date, e.g. "(diplomatic)". */
        detail?: string;
      }
    | { kind: 'email' | 'website' | 'phone' | 'fax'; value: string }
    | { kind: 'wallet'; currency: string; address: string }
    | { kind: 'established' | 'buildDate'; value: string; date?: string }
    | { kind: 'sector' | 'targetType' | 'model' | 'operator' | 'vesselType' | 'ethnicity'; value: string }
    | { kind: 'title' | 'position'; value: string }
    | { kind: 'vesselFlag'; variant: 'former' | 'other'; value: string; country?: string }
    | { kind: 'linkedTo'; name: string }
    | { kind: 'sanctionInfo'; label: string; value: string }
    | { kind: 'relative'; relation: string; name: string }
    | { kind: 'status'; value: string }
    | { kind: 'note'; value: string; truncated?: boolean }
  );

export type RemarkKind = RemarkFact['kind'];

/** A fact before its position is attached (Omit applied to each member of the union). */
type Recognised = RemarkFact extends infer F
  ? F extends unknown
    ? Omit<F, 'text' | 'offset' | 'alt'>
    : never
  : never;

export interface RemarkOptions {
  /** The entry's Title column: a segment repeating it is recognised as the title. */
  title?: string;
  /** The remarks were cut off by OFAC (1,000 characters, no continuation): the last segment is partial. */
  truncated?: boolean;
}

/**
 * Identifier labels as OFAC writes them, with the kind that decides where the number goes.
 * Matched case-insensitively, longest label first, so "Company Number IMO" wins over "Company Number".
 */
const ID_LABELS: ReadonlyArray<readonly [string, IdKind]> = [
  // Travel documents
  ['Passport', 'passport'],
  ['Diplomatic Passport', 'passport'],
  ['Passport Booklet', 'passport'],
  ['Travel Document Number', 'id'],
  // Personal identity documents
  ['National ID No.', 'id'],
  ['National ID Number', 'id'],
  ['National Foreign ID Number', 'id'],
  ['Identification Number', 'id'],
  ['Personal ID Card', 'id'],
  ['Cedula No.', 'id'],
  ['D.N.I.', 'id'],
  ['C.U.R.P.', 'id'],
  ['CURP #', 'id'],
  ['C.I.', 'id'],
  ['Birth Certificate Number', 'id'],
  ['Residency Number', 'id'],
  ['Kenyan ID No.', 'id'],
  ['Turkish Identification Number', 'id'],
  ['Numero de Identidad', 'id'],
  ['Credencial electoral', 'id'],
  ['Electoral Registry No.', 'id'],
  ['I.F.E.', 'id'],
  ['Tazkira National ID Card', 'id'],
  ['Cartilla de Servicio Militar Nacional', 'id'],
  ["Driver's License No.", 'id'],
  ["Driver's License Number", 'id'],
  ['Immigration No.', 'id'],
  ['VisaNumberID', 'id'],
  ['SRE Permit No.', 'id'],
  ['Refugee ID Card', 'id'],
  ['Stateless Person ID Card', 'id'],
  ['Stateless Person Passport', 'passport'],
  ['Military Registration Number', 'id'],
  ['Moroccan Personal ID No.', 'id'],
  ['Matricula', 'id'],
  ["Citizen's Card Number", 'id'],
  ['Bosnian Personal ID No.', 'id'],
  ['Public Security and Immigration No.', 'id'],
  ['N.I.E.', 'id'],
  ['C.U.I.P.', 'id'],
  ['CNP (Personal Numerical Code)', 'id'],
  ['Romanian Permanent Resident CAN', 'id'],
  ['UAE Identification', 'id'],
  ['Pilot License Number', 'id'],
  ['British National Overseas Passport', 'passport'],
  ['U.S.A. Passport', 'passport'],
  ['SSN', 'ssn'],
  // Tax numbers
  ['Tax ID No.', 'tax'],
  ['Tax ID Number', 'tax'],
  ['R.F.C.', 'tax'],
  ['RFC', 'tax'],
  ['NIT #', 'tax'],
  ['RIF #', 'tax'],
  ['RUC #', 'tax'],
  ['C.U.I.T.', 'tax'],
  ['C.U.I.L.', 'tax'],
  ['C.U.I.', 'tax'],
  ['C.I.F.', 'tax'],
  ['N.I.F.', 'tax'],
  ['RTN', 'tax'],
  ['US FEIN', 'tax'],
  ['Numero Unico de Identificacao Tributaria', 'tax'],
  ['Economic Register Number (CBLS)', 'tax'],
  ['Fiscal Code', 'tax'],
  ['Italian Fiscal Code', 'tax'],
  ['Paraguayan tax identification number', 'tax'],
  ['Romanian Tax Registration', 'tax'],
  ['V.A.T. Number', 'vat'],
  ['VAT Number', 'vat'],
  // Company and organisation registers
  ['Registration Number', 'registration'],
  ['Registration ID', 'registration'],
  ['Company Number', 'registration'],
  ['UK Company Number', 'registration'],
  ['Business Registration Document #', 'registration'],
  ['Business Registration Number', 'registration'],
  ['Business Number', 'registration'],
  ['Commercial Registry Number', 'registration'],
  ['Commercial Registration Number', 'registration'],
  ['C.R. No.', 'registration'],
  ['Romanian C.R.', 'registration'],
  ['Folio Mercantil No.', 'registration'],
  ['Matricula Mercantil No', 'registration'],
  ['Matricula Mercantil No.', 'registration'],
  ['Chamber of Commerce Number', 'registration'],
  ['Istanbul Chamber of Comm. No.', 'registration'],
  ['Dubai Chamber of Commerce Membership No.', 'registration'],
  ['Certificate of Incorporation Number', 'registration'],
  ['Enterprise Number', 'registration'],
  ['Public Registration Number', 'registration'],
  ['Branch Unit Number', 'registration'],
  ['Central Registration System Number', 'registration'],
  ['Unified Social Credit Code (USCC)', 'registration'],
  ['United Social Credit Code Certificate (USCCC)', 'registration'],
  ['Registered Charity No.', 'registration'],
  ['LE Number', 'registration'],
  ['Organization Code', 'registration'],
  ['File Number', 'registration'],
  ['Company ID', 'registration'],
  ['Trade License No.', 'license'],
  ['License', 'license'],
  ['Permit Number', 'license'],
  ['Afghan Money Service Provider License Number', 'license'],
  ['Government Gazette Number', 'okpo'],
  ['Legal Entity Number', 'lei'],
  ['D-U-N-S Number', 'duns'],
  ['BIK (RU)', 'bik'],
  ['SWIFT/BIC', 'swift'],
  // Securities (Chinese Military-Industrial Complex listings)
  ['ISIN', 'isin'],
  ['Equity Ticker', 'ticker'],
  // Vessels and aircraft
  ['Vessel Registration Identification IMO', 'imo'],
  ['Vessel Registration Identification', 'registration'],
  ['Identification Number IMO', 'imo'],
  ['Company Number IMO', 'imo'],
  ['IMO', 'imo'],
  ['MMSI', 'mmsi'],
  ["Aircraft Manufacturer's Serial Number (MSN)", 'aircraftSerial'],
  ['Aircraft Serial Identification', 'aircraftSerial'],
  ['Aircraft Tail Number', 'aircraftTail'],
  ['Aircraft Construction Number (also called L/N or S/N or F/N)', 'other'],
  ['Aircraft Mode S Transponder Code', 'other'],
  // Not an identity document but written like one: the telegraph code of a Chinese name.
  ['Chinese Commercial Code', 'other'],
  ['Previous Aircraft Tail Number', 'other'],
  ['UN/LOCODE', 'other'],
  ['MICEX Code', 'other'],
  ['Serial No.', 'other'],
];

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A labelled-segment rule: `re` matches the label at the start of the segment, `make` the rest. */
interface Rule {
  re: RegExp;
  make: (value: string, match: RegExpMatchArray) => Recognised | undefined;
}

type Simple = Rule['make'];

const DATE_OR_RAW =
  (kind: 'established' | 'buildDate'): Simple =>
  (value) => {
    if (!value) return undefined;
    const date = cleanDate(value.replace(/^(circa|approximately)\s+/i, ''));
    return date ? { kind, value, date } : { kind, value };
  };
const PLAIN =
  (kind: 'sector' | 'targetType' | 'model' | 'operator' | 'vesselType'): Simple =>
  (value) =>
    value ? { kind, value } : undefined;
const CONTACT =
  (kind: 'email' | 'website' | 'phone' | 'fax'): Simple =>
  (value) =>
    value ? { kind, value } : undefined;
const INFO =
  (label: string): Simple =>
  (value) =>
    value ? { kind: 'sanctionInfo', label, value } : undefined;
const COUNTRY_FACT =
  (kind: 'nationality' | 'citizenship' | 'registrationCountry'): Simple =>
  (value) =>
    // "nationality possibly Palestinian": the hedge stays in the fact's text.
    value
      ? {
          kind,
          value,
          country: cleanCountry(value.replace(/^(possibly|probably|reportedly|region:)\s*/i, '')),
        }
      : undefined;
const FLAG =
  (variant: 'former' | 'other'): Simple =>
  (value) =>
    value ? { kind: 'vesselFlag', variant, value, country: cleanCountry(value) } : undefined;

/**
 * Labelled segments, keyed by the label's first word (lower case) so a segment is only tried
 * against the few rules that can match it. Within one first word, longer labels come first.
 */
const LABELLED: ReadonlyArray<readonly [string, RegExp, Simple]> = [
  ['ethnicity', /^ethnicity\s*:?\s*/i, (v) => (v ? { kind: 'ethnicity', value: v } : undefined)],
  ['occupation', /^Occupation\s*:?\s*/i, (v) => (v ? { kind: 'position', value: v } : undefined)],
  ['alternate', /^Alternate Title\s*[:,]?\s*/i, (v) => (v ? { kind: 'title', value: v } : undefined)],
  ['dob', /^DOB\b\.?:?\s*/i, (v) => parseBirthDate(v)],
  [
    'pob',
    /^POB\b\.?:?\s*/i,
    (v) => (v ? { kind: 'birthPlace', place: v, country: placeCountry(v) } : undefined),
  ],
  ['nationality', /^Nationality of Registration\s+/i, COUNTRY_FACT('registrationCountry')],
  ['nationality', /^nationality\s*:?\s*/i, COUNTRY_FACT('nationality')],
  ['citizen citizenship', /^citizen(ship)?\s*:?\s*/i, COUNTRY_FACT('citizenship')],
  [
    'gender',
    /^Gender\s*:?\s*/i,
    (v) =>
      /^(male|female)$/i.test(v)
        ? { kind: 'gender', gender: v.toLowerCase() as 'male' | 'female' }
        : undefined,
  ],
  ['email e-mail', /^(Email Address|E-?mail)\s*:?\s*/i, CONTACT('email')],
  ['website', /^Website\s*:?\s*/i, CONTACT('website')],
  ['phone telephone tel.', /^(Phone Number|Telephone No\.|Telephone|Phone|Tel\.)\s*:?\s*/i, CONTACT('phone')],
  ['fax', /^(Fax No\.|Fax)\s*:?\s*/i, CONTACT('fax')],
  ['organization', /^Organization Established Date\s*:?\s*/i, DATE_OR_RAW('established')],
  ['organization', /^Organization Type\s*:?\s*/i, PLAIN('sector')],
  ['vessel', /^Vessel Year of Build\s*:?\s*/i, DATE_OR_RAW('buildDate')],
  ['aircraft', /^Aircraft Manufacture Date\s*:?\s*/i, DATE_OR_RAW('buildDate')],
  ['aircraft', /^Aircraft Model\s*:?\s*/i, PLAIN('model')],
  ['aircraft', /^Aircraft Operator\s*:?\s*/i, PLAIN('operator')],
  ['target', /^Target Type\s*:?\s*/i, PLAIN('targetType')],
  ['other', /^Other Vessel Type\s*:?\s*/i, PLAIN('vesselType')],
  ['other', /^Other Vessel Flag\s*:?\s*/i, FLAG('other')],
  ['former', /^Former Vessel Flag\s*:?\s*/i, FLAG('former')],
  ['linked', /^Linked To\s*:?\s*/i, (v) => (v ? { kind: 'linkedTo', name: v } : undefined)],
  ['additional', /^Additional Sanctions Information\s*-?\s*/i, INFO('Additional Sanctions Information')],
  ['secondary', /^Secondary sanctions risk\s*:?\s*/i, INFO('Secondary sanctions risk')],
  [
    'transactions',
    /^Transactions Prohibited For Persons Owned or Controlled By U\.?S\.? Financial Institutions\s*:?\s*/i,
    INFO('Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions'),
  ],
  [
    'executive',
    /^(?=Executive Order \d+)/i,
    (v) => ({ kind: 'sanctionInfo', label: executiveOrderLabel(v), value: v }),
  ],
  ['caatsa', /^(?=CAATSA Section \d+)/i, INFO('CAATSA')],
  ['ifca', /^IFCA Determination\s*-?\s*/i, INFO('IFCA Determination')],
  ['listing', /^(?=Listing Date\b)/i, INFO('Listing Date')],
  ['effective', /^(?=Effective Date\b)/i, INFO('Effective Date')],
  ['for', /^(?=For more information on directives)/i, INFO('Directives')],
  ['for', /^(?=For more information, please reference the following link)/i, INFO('More information')],
  ['purchase/sales', /^(?=Purchase\/Sales For Divestment Date)/i, INFO('Purchase/Sales For Divestment Date')],
  ['subject', /^(?=Subject to Directive \d)/i, INFO('Directives')],
];

/** The first word of a segment, up to a blank, colon or comma, lower-cased. */
function firstWord(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 58 || c === 44 || c === 9) break;
  }
  return s.slice(0, i).toLowerCase();
}

const RULES = new Map<string, Rule[]>();
for (const [words, re, make] of LABELLED) {
  for (const w of words.split(' ')) {
    let list = RULES.get(w);
    if (!list) RULES.set(w, (list = []));
    list.push({ re, make });
  }
}
/** Kinds whose values may be letters only (a SWIFT code, a ticker); every other number has a digit. */
const NO_DIGIT_KINDS: ReadonlySet<IdKind> = new Set(['swift', 'ticker', 'other']);

// Identifier labels, one alternation per first word, longest label first.
{
  const byWord = new Map<string, Array<readonly [string, IdKind]>>();
  for (const entry of ID_LABELS) {
    const w = firstWord(entry[0]);
    byWord.set(w, [...(byWord.get(w) ?? []), entry]);
  }
  for (const [w, entries] of byWord) {
    const kinds = new Map(entries.map(([label, kind]) => [label.toLowerCase(), { label, kind }]));
    const alternation = entries
      .map(([l]) => l)
      .sort((a, b) => b.length - a.length)
      .map((l) => escapeRe(l) + (/[A-Za-z]$/.test(l) ? '(?![A-Za-z])' : ''))
      .join('|');
    const re = new RegExp(`^(${alternation})\\s*:?\\s*`, 'i');
    let list = RULES.get(w);
    if (!list) RULES.set(w, (list = []));
    list.push({
      re,
      make: (value, m) => {
        const spec = kinds.get(m[1].toLowerCase());
        const id = spec && parseIdentifier(value);
        if (id && !NO_DIGIT_KINDS.has(spec.kind) && !/\d/.test(id.number)) return undefined;
        return spec && id ? { kind: 'identifier', idType: spec.label, idKind: spec.kind, ...id } : undefined;
      },
    });
  }
}

function executiveOrderLabel(v: string): string {
  const m = v.match(/^Executive Order (\d+)/i);
  return m ? `Executive Order ${m[1]}` : 'Executive Order';
}

/** Status remarks OFAC writes verbatim. */
const STATUS_RE =
  /^(ICTY indictee\b.*|(and )?all (other )?(offices|branches|locations) worldwide|and other locations within .+|arrested( .+)?|deceased|(currently )?(incarcerated|in jail|in custody|detained)\b.*|wanted by .+|possibly located in .+|believed to be in .+|at large)$/i;

/** Family relations written as "wife of X". */
const RELATIVE_RE =
  /^((?:half-)?(?:wife|husband|son|daughter|brother|sister|father|mother|nephew|niece|cousin|uncle|aunt|son-in-law|daughter-in-law|brother-in-law|sister-in-law|father-in-law|mother-in-law|grandson|granddaughter|widow|spouse|relative)) of\s+(.+)$/i;

/** Honorifics and ranks OFAC writes as a bare segment (they belong in Person.title). */
const TITLE_RE =
  /^(?:(?:IRGC|Scientific Studies and Research Center|Syrian Arab Army|Iraqi Army)\s+)?(?:Brigadier General|Major General|Lieutenant General|Lt\.? ?Gen\.?|General|Colonel|Lieutenant Colonel|Lt\.? ?Col\.?|Major|Captain|Commander|Admiral|Rear Admiral|Vice Admiral|Lieutenant|Sergeant|Doctor|Dr\.?|Professor|Prof\.?|Colonel-General|Haji|Hajji|Maulana|Moulana|Maulavi|Maulawi|Mawlawi|Mullah|Mulla|Qari|Sheikh|Shaykh|Mufti|Hojjatoleslam|Ayatollah|Imam|Engineer|Eng\.?)$/i;

/**
 * Positions written as a bare segment ("Minister of Finance", "Member of the State Duma…"). A
 * segment is taken as a position when it has no digits and contains one of these role words.
 */
const POSITION_WORDS = new Set(
  (
    'minister deputy vice president member chairman chairwoman chairperson chair director governor head chief ' +
    'commander ambassador advisor adviser aide secretary judge magistrate justice rector mayor senator prosecutor ' +
    'officer official leader founder co-founder owner manager representative spokesman spokesperson spokeswoman ' +
    'attorney counsel consul diplomat employee editor dean professor treasurer financier facilitator operative emir ' +
    'commissioner inspector executive shareholder partner agent envoy legislator lieutenant captain colonel general ' +
    'speaker ombudsman constituent businessman businesswoman'
  ).split(' '),
);

function isPosition(s: string): boolean {
  if (/\d/.test(s) || s.length > 200) return false;
  for (const w of s.toLowerCase().split(/[^a-z]+/)) if (POSITION_WORDS.has(w)) return true;
  return false;
}

/**
 * Where the segments end: every `;` outside parentheses (OFAC wraps whole sub-lists in
 * parentheses, "(Following data derived from …; Alt. DOB …)"). If the parentheses do not balance,
 * e.g. in a cut-off remark, every `;` splits.
 */
function splitPoints(remarks: string): number[] {
  const points: number[] = [];
  for (let i = remarks.indexOf(';'); i >= 0; i = remarks.indexOf(';', i + 1)) points.push(i);
  if (!points.length || remarks.indexOf('(') < 0) return points;
  const nested: number[] = [];
  let depth = 0;
  for (let i = 0; i < remarks.length; i++) {
    const c = remarks.charCodeAt(i);
    if (c === 40 /* ( */) depth++;
    else if (c === 41 /* ) */ && depth > 0) depth--;
    else if (c === 59 /* ; */ && depth === 0) nested.push(i);
  }
  return depth === 0 ? nested : points;
}

/** Parse a Remarks string into facts, in the order written. */
export function parseRemarks(remarks: string | undefined, opts: RemarkOptions = {}): RemarkFact[] {
  if (!remarks) return [];
  const facts: RemarkFact[] = [];
  const points = splitPoints(remarks);
  points.push(remarks.length);
  const titleKey = opts.title ? key(opts.title) : undefined;
  let start = 0;
  for (let k = 0; k < points.length; k++) {
    const end = points[k];
    let a = start;
    let b = end;
    start = end + 1;
    while (a < b && remarks.charCodeAt(a) <= 32) a++;
    while (b > a && remarks.charCodeAt(b - 1) <= 32) b--;
    const last = k === points.length - 1;
    // OFAC ends the whole remark with a period; drop exactly one (an alias in quotes keeps its own).
    if (last && !opts.truncated && b > a && remarks.charCodeAt(b - 1) === 46 /* . */) {
      b--;
      while (b > a && remarks.charCodeAt(b - 1) <= 32) b--;
    }
    if (a === b) continue;
    const text = remarks.slice(a, b);
    if (last && opts.truncated) {
      facts.push({ kind: 'note', value: text, truncated: true, text, offset: a, alt: false });
    } else {
      facts.push(parseSegment(text, a, titleKey));
    }
  }
  return facts;
}

const key = (s: string): string => s.replace(/\.$/, '').replace(/\s+/g, ' ').trim().toLowerCase();

function parseSegment(text: string, offset: number, titleKey: string | undefined): RemarkFact {
  // "alt. " (or "Alt. ") marks a second value of the same label.
  const alt = (text.charCodeAt(0) | 32) === 97 && text.startsWith('lt.', 1);
  const body = alt ? text.slice(4).trimStart() : text;
  const fact = (recognise(body, titleKey) ?? { kind: 'note', value: text }) as RemarkFact;
  fact.text = text;
  fact.offset = offset;
  fact.alt = alt;
  return fact;
}

function recognise(body: string, titleKey: string | undefined): Recognised | undefined {
  // Aliases: a.k.a. 'NAME' — OFAC's weak aliases, written in single quotes.
  let m = /^[afnd]\./i.test(body) ? body.match(/^([afn]\.k\.a|d\.b\.a)\.?,?\s*(.+)$/i) : null;
  if (m) {
    const name = unquote(m[2]);
    if (!name) return undefined;
    const variant = ({ a: 'aka', f: 'fka', n: 'nka', d: 'dba' } as const)[
      m[1][0].toLowerCase() as 'a' | 'f' | 'n' | 'd'
    ];
    return { kind: 'alias', variant, name };
  }
  // Bare e-mail addresses and web sites, sometimes with "(email)" / "(website)" after them.
  m = body.match(/^([^\s@()]+@[^\s@()]+\.[A-Za-z]{2,})\.?(?:\s*\(e-?mail\))?$/i);
  if (m) return { kind: 'email', value: m[1] };
  m = body.match(/^((?:https?:\/\/)?www\.[^\s()]+|https?:\/\/[^\s()]+)(?:\s*\(website\))?$/i);
  if (m) return { kind: 'website', value: m[1] };
  // Crypto wallets: "Digital Currency Address - XBT 1Fz29…".
  m = body.startsWith('Digital')
    ? body.match(/^Digital Currency Address\s*-\s*([A-Za-z0-9]+)\s+(\S+)$/i)
    : null;
  if (m) return { kind: 'wallet', currency: m[1].toUpperCase(), address: m[2] };

  for (const rule of RULES.get(firstWord(body)) ?? []) {
    const lm = body.match(rule.re);
    if (!lm) continue;
    const fact = rule.make(body.slice(lm[0].length).trim(), lm);
    if (fact) return fact;
  }

  // "Title, Police Chief, Alternate Title, Commander of …" / "Title: Colonel"
  m = body.match(/^Title\s*[:,]\s*(.+)$/i);
  if (m) {
    const value = m[1]
      .replace(/,\s*Alternate Title,\s*/gi, '; ')
      .replace(/\.$/, '')
      .trim();
    return value ? { kind: 'title', value } : undefined;
  }
  if (titleKey && key(body) === titleKey) return { kind: 'position', value: body.replace(/\.$/, '') };
  if (STATUS_RE.test(body.replace(/\.$/, ''))) return { kind: 'status', value: body.replace(/\.$/, '') };
  m = body.match(RELATIVE_RE);
  if (m) return { kind: 'relative', relation: m[1].toLowerCase(), name: m[2].replace(/\.$/, '') };
  const bare = body.replace(/\.$/, '');
  if (TITLE_RE.test(bare)) return { kind: 'title', value: bare };
  if (isPosition(bare)) return { kind: 'position', value: bare };
  return undefined;
}

/** Strip the single quotes around an alias: `'ABU 'ABDALLAH'` → `ABU 'ABDALLAH`. */
function unquote(raw: string): string {
  let s = raw.trim();
  if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) s = s.slice(1, -1);
  else if (s.startsWith("'")) s = s.slice(1);
  return s.replace(/\s+/g, ' ').trim();
}

/** "23 Nov 1962", "1962", "Nov 1962", "1960 to 1962", "circa 1962", "01 Jan 1960 to 31 Dec 1962". */
export function parseBirthDate(value: string): Recognised | undefined {
  let v = value.trim();
  let circa = false;
  const c = v.match(/^(circa|approximately|approx\.|about|c\.)\s*/i);
  if (c) {
    circa = true;
    v = v.slice(c[0].length);
  }
  const parts = /^\d{4}-\d{4}$/.test(v) ? v.split('-') : v.split(/\s+(?:to|-)\s+/i);
  if (parts.length > 2) return undefined;
  const from = cleanDate(parts[0]);
  if (!from) return undefined;
  if (parts.length === 1) return { kind: 'birthDate', from, circa };
  const to = cleanDate(parts[1].replace(/^(circa|approximately)\s+/i, ''));
  if (!to || to < from) return undefined;
  return { kind: 'birthDate', from, to, circa };
}

/** The country of a place of birth: the last comma-separated part, when it names a country. */
function placeCountry(place: string): string | undefined {
  const parts = place.split(',');
  return cleanCountry(parts[parts.length - 1]);
}

/**
 * The value part of an identifier segment: `NUMBER [(Country)] [issued DATE] [expires DATE]`.
 * Returns undefined when there is no number at all ("Passport issued 21 Jun 1992 in Amman").
 */
export function parseIdentifier(
  raw: string,
): { number: string; country?: string; issued?: string; expires?: string; detail?: string } | undefined {
  let rest = raw.trim();
  const details: string[] = [];
  let issued: string | undefined;
  let expires: string | undefined;
  // Trailing date clauses, in either order: "issued 08 Sep 2006 expires 17 Jul 2011". The greedy
  // prefix makes each round take the last clause.
  while (/issue|expir/i.test(rest)) {
    const m = rest.match(
      /^(.*\S)[\s,]+(issued|issue date|expires|expiration date|expiry date)\s*:?\s*(.*?)$/i,
    );
    if (!m) break;
    const date = cleanDate(m[3]);
    const isIssue = /^iss/i.test(m[2]);
    if (date && isIssue && !issued) issued = date;
    else if (date && !isIssue && !expires) expires = date;
    else details.unshift(`${m[2]} ${m[3]}`.trim());
    rest = m[1].trim();
  }
  if (/^(issued|expires)\b/i.test(rest)) return undefined;
  let country: string | undefined;
  while (rest.endsWith(')')) {
    const m = rest.match(/(\s*)\(([^()]*)\)$/);
    if (!m || m.index === 0) break;
    const code = cleanCountry(m[2]);
    if (code && !country) country = code;
    // A group written against the number, "D489833(9)", is part of it (a check digit).
    else if (!m[1]) break;
    else details.unshift(`(${m[2]})`);
    rest = rest.slice(0, m.index).trim();
  }
  rest = rest
    .replace(/^[#:]\s*/, '')
    .replace(/[,.]$/, '')
    .trim();
  // A number has a digit (SWIFT/BIC codes aside) and no ordinary lower-case words ("and", "were").
  if (!rest || !/[0-9A-Za-z]/.test(rest) || /(^|\s)[a-z]{3,}(\s|$)/.test(rest)) return undefined;
  const out: { number: string; country?: string; issued?: string; expires?: string; detail?: string } = {
    number: rest,
  };
  if (country) out.country = country;
  if (issued) out.issued = issued;
  if (expires) out.expires = expires;
  if (details.length) out.detail = details.join(' ');
  return out;
}
