/**
 * Reader for the UN Security Council Consolidated List (consolidated.xml).
 *
 * The list is small and regular, so it is read with a strict XML scanner of our own rather than a
 * general-purpose parser: it is several times faster than fast-xml-parser on this file and knows
 * the line of every element, so each value's origin and each error can name its line.
 *
 * Mapping: INDIVIDUAL → Person, ENTITY → Organization, each with a Sanction (authority "United
 * Nations Security Council", program = UN_LIST_TYPE, unscId = REFERENCE_NUMBER), Address entities,
 * and Passport/Identification entities for documents. Reference numbers cited in another record's
 * narrative become UnknownLink relations between the two listed parties.
 */
import { InputError } from '../errors.js';
import { EntityDraft, derivedId, recordEntityId } from '../model/entity.js';
import { cleanDate } from '../model/values.js';
import { readSourceFile } from './input.js';
import {
  readEach,
  type ReadContext,
  type ReadResult,
  type SourceFormat,
  type SourceProblem,
} from './source.js';

// ---------------------------------------------------------------------------------------------
// A small strict XML scanner
// ---------------------------------------------------------------------------------------------

export interface XmlElement {
  name: string;
  /** 1-based line of the element's start tag. */
  line: number;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside the element (entities decoded, CDATA included). */
  text: string;
}

const isNameStart = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c >= 0xc0;
const isNameChar = (c: number): boolean =>
  isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
/** End of the XML name starting at pos (pos itself when there is none). */
function nameEnd(text: string, pos: number): number {
  if (!isNameStart(text.charCodeAt(pos))) return pos;
  let k = pos + 1;
  while (k < text.length && isNameChar(text.charCodeAt(k))) k++;
  return k;
}
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Parse a whole XML document into a tree. Anything that is not well-formed (mismatched or unclosed
 * tags, unknown entities, text outside the root, truncation) throws an InputError with the line.
 * DTDs with an internal subset are refused; namespaces are kept as part of the names.
 */
export function parseXml(text: string, file: string): XmlElement {
  // Lines are counted as the scanner moves forward; only error reports may look back.
  let countedTo = 0;
  let countedLine = 1;
  const lineAt = (pos: number): number => {
    if (pos < countedTo) {
      countedTo = 0;
      countedLine = 1;
    }
    for (let k = text.indexOf('\n', countedTo); k >= 0 && k < pos; k = text.indexOf('\n', k + 1))
      countedLine++;
    countedTo = pos;
    return countedLine;
  };
  const fail = (pos: number, problem: string, field?: string): never => {
    throw new InputError({ file, line: lineAt(pos), field }, `malformed XML: ${problem}`);
  };

  const decode = (raw: string, pos: number, field: string): string => {
    if (!raw.includes('&')) return raw;
    return raw.replace(/&([^;&<\s]*)(;?)/g, (whole, ref: string, semi: string, offset: number) => {
      if (!semi || !ref) return fail(pos + offset, 'a bare "&" must be written as &amp;', field);
      if (ref[0] === '#') {
        const code =
          ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        const valid = /^#(x[0-9A-Fa-f]+|[0-9]+)$/.test(ref) && code > 0 && code <= 0x10ffff;
        if (!valid || (code >= 0xd800 && code <= 0xdfff))
          return fail(pos + offset, `invalid character reference ${whole}`, field);
        return String.fromCodePoint(code);
      }
      const value = Object.hasOwn(PREDEFINED, ref) ? PREDEFINED[ref] : undefined;
      if (value === undefined) return fail(pos + offset, `unknown entity ${whole}`, field);
      return value;
    });
  };

  const n = text.length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let i = 0;
  while (i < n) {
    const lt = text.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    let k = i;
    while (k < textEnd && isSpace(text.charCodeAt(k))) k++;
    if (k < textEnd) {
      // Only text that is not pure indentation is kept.
      const top = stack[stack.length - 1];
      if (!top) fail(k, root ? 'text after the end of the root element' : 'text before the root element');
      top!.text += decode(text.slice(i, textEnd), i, top!.name);
    }
    if (lt < 0) break;
    i = lt;
    const c = text.charCodeAt(i + 1);
    if (c === 63 /* ? */) {
      const e = text.indexOf('?>', i + 2);
      if (e < 0) fail(i, 'processing instruction "<?" is never closed');
      i = e + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (text.startsWith('<!--', i)) {
        const e = text.indexOf('-->', i + 4);
        if (e < 0) fail(i, 'comment is never closed');
        i = e + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const top = stack[stack.length - 1];
        if (!top) fail(i, 'CDATA section outside the root element');
        const e = text.indexOf(']]>', i + 9);
        if (e < 0) fail(i, 'CDATA section is never closed', top.name);
        top.text += text.slice(i + 9, e);
        i = e + 3;
      } else if (text.startsWith('<!DOCTYPE', i)) {
        if (root || stack.length) fail(i, 'DOCTYPE after the root element started');
        const e = text.indexOf('>', i);
        if (e < 0) fail(i, 'DOCTYPE is never closed');
        if (text.slice(i, e).includes('[')) fail(i, 'DOCTYPE with an internal subset is not accepted');
        i = e + 1;
      } else {
        fail(i, `unexpected markup ${JSON.stringify(text.slice(i, i + 12))}`);
      }
      continue;
    }
    if (c === 47 /* / */) {
      const end = nameEnd(text, i + 2);
      if (end === i + 2) fail(i, 'malformed closing tag');
      const open = stack[stack.length - 1];
      // Usually the closing tag matches the open element: compare in place, without slicing.
      const name =
        open && end - i - 2 === open.name.length && text.startsWith(open.name, i + 2)
          ? open.name
          : text.slice(i + 2, end);
      let j = end;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text[j] !== '>') fail(i, `closing tag </${name}> is not terminated by ">"`, name);
      const top = stack.pop();
      if (!top) fail(i, `closing tag </${name}> has no matching opening tag`, name);
      if (top!.name !== name) {
        fail(
          i,
          `closing tag </${name}> does not match <${top!.name}> opened on line ${top!.line}`,
          top!.name,
        );
      }
      i = j + 1;
      continue;
    }
    const nameStop = nameEnd(text, i + 1);
    if (nameStop === i + 1) fail(i, '"<" is not followed by an element name (write it as &lt; in text)');
    const name = text.slice(i + 1, nameStop);
    if (!stack.length && root) fail(i, `second root element <${name}>`, name);
    const el: XmlElement = { name, line: lineAt(i), attrs: {}, children: [], text: '' };
    let j = nameStop;
    let selfClosing = false;
    for (;;) {
      const before = j;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (j >= n) fail(i, `start tag <${name}> is never closed`, name);
      if (text[j] === '>') {
        j++;
        break;
      }
      if (text[j] === '/' && text[j + 1] === '>') {
        j += 2;
        selfClosing = true;
        break;
      }
      const attrEnd = nameEnd(text, j);
      if (attrEnd === j || j === before) fail(j, `malformed attribute in <${name}>`, name);
      const attr = text.slice(j, attrEnd);
      j = attrEnd;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      if (text[j] !== '=') fail(j, `attribute ${attr} of <${name}> has no value`, name);
      j++;
      while (j < n && isSpace(text.charCodeAt(j))) j++;
      const quote = text[j];
      if (quote !== '"' && quote !== "'") fail(j, `value of attribute ${attr} must be quoted`, name);
      const close = text.indexOf(quote, j + 1);
      if (close < 0) fail(j, `value of attribute ${attr} is never closed`, name);
      const raw = text.slice(j + 1, close);
      if (raw.includes('<')) fail(j, `"<" inside the value of attribute ${attr}`, name);
      if (attr in el.attrs) fail(j, `attribute ${attr} appears twice in <${name}>`, name);
      el.attrs[attr] = decode(raw, j + 1, name);
      j = close + 1;
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root = el;
    if (!selfClosing) stack.push(el);
    i = j;
  }
  if (stack.length) {
    const open = stack[stack.length - 1];
    let last = n;
    while (last > 0 && isSpace(text.charCodeAt(last - 1))) last--;
    fail(
      Math.max(0, last - 1),
      `the file ends inside <${open.name}> (opened on line ${open.line}): it is truncated or a closing tag is missing`,
      open.name,
    );
  }
  if (!root) fail(0, 'no XML element found');
  return root!;
}

const childrenNamed = (el: XmlElement, name: string): XmlElement[] =>
  el.children.filter((c) => c.name === name);
const firstChild = (el: XmlElement, name: string): XmlElement | undefined =>
  el.children.find((c) => c.name === name);
const textOf = (el: XmlElement | undefined): string | undefined => {
  const t = el?.text.trim();
  return t ? t : undefined;
};

// ---------------------------------------------------------------------------------------------
// Mapping the consolidated list to FtM
// ---------------------------------------------------------------------------------------------

const AUTHORITY = 'United Nations Security Council';
const SOURCE_URL = 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list';
const REFERENCE_IN_TEXT = /\b([A-Z]{2}[ie]\.\d{3})\b/g;

interface Located {
  value: string;
  line: number;
}

/**
 * A guess at the language of a name in original script, only where the script leaves little doubt:
 * Arabic script using no letters beyond the Arabic alphabet, Cyrillic without Ukrainian, Belarusian
 * or Central Asian letters, Hangul, Han without kana.
 */
export function guessNameLanguage(name: string): string | undefined {
  if (/\p{Script=Arabic}/u.test(name)) {
    // Persian, Pashto, Urdu and other Arabic-script languages add letters from U+0671 upwards.
    return /[\u0671-\u06FF\u0750-\u077F\uFB50-\uFDFF]/.test(name) ? undefined : 'ara';
  }
  if (/\p{Script=Cyrillic}/u.test(name)) return /[іїєґўқңғүұһөәІЇЄҐЎҚҢҒҮҰҺӨӘ]/.test(name) ? undefined : 'rus';
  if (/\p{Script=Hangul}/u.test(name)) return 'kor';
  if (/\p{Script=Hiragana}|\p{Script=Katakana}/u.test(name)) return 'jpn';
  if (/\p{Script=Han}/u.test(name)) return 'zho';
  return undefined;
}

type DocKind = 'passport' | 'id' | 'ssn' | 'other';

function documentKind(type: string): DocKind {
  const t = type.toLowerCase();
  if (/pass(port|eport)|pasaporte/.test(t)) return 'passport';
  if (/social security/.test(t)) return 'ssn';
  if (/national|identi|\bid\b|tazkira|civil|personal|voter/.test(t)) return 'id';
  return 'other';
}

class UnReader {
  readonly entities: EntityDraft[] = [];
  readonly warnings: string[] = [];
  readonly incomplete: SourceProblem[] = [];
  private readonly byId = new Map<string, EntityDraft>();
  private readonly byDataId = new Map<string, string>();
  private readonly byReference = new Map<string, string>();
  private readonly narratives: {
    entityId: string;
    recordId: string;
    ref?: string;
    comments: Located;
    /** Origin of the comments: file, line and record. */
    origin: string;
  }[] = [];

  constructor(private readonly dataset: string) {}

  readFile(path: string): string | undefined {
    const src = readSourceFile(path);
    const root = parseXml(src.text, src.path);
    if (root.name !== 'CONSOLIDATED_LIST') {
      throw new InputError(
        { file: src.path, line: root.line, field: root.name },
        `root element is <${root.name}>, expected <CONSOLIDATED_LIST> (is this the UN consolidated list?)`,
      );
    }
    let publishedAt: string | undefined;
    const generated = root.attrs.dateGenerated;
    if (generated) {
      publishedAt = cleanDate(generated);
      if (!publishedAt) this.warn(src.name, root.line, `dateGenerated "${generated}" is not a date`);
    }
    // The published list is dated and has people and entities: a file without them is not a
    // whole release (see logic/removal-guard.ts).
    if (!publishedAt) {
      this.incomplete.push({
        file: src.path,
        problem: `${src.name}: <CONSOLIDATED_LIST> has no dateGenerated date, which every UN release has`,
      });
    }
    const records = { INDIVIDUALS: 0, ENTITIES: 0 };
    for (const section of root.children) {
      const kind =
        section.name === 'INDIVIDUALS' ? 'INDIVIDUAL' : section.name === 'ENTITIES' ? 'ENTITY' : undefined;
      if (!kind) {
        this.warn(src.name, section.line, `unknown element <${section.name}> ignored`);
        continue;
      }
      for (const record of section.children) {
        if (record.name !== kind) {
          this.warn(src.name, record.line, `unexpected <${record.name}> inside <${section.name}> ignored`);
          continue;
        }
        records[section.name as keyof typeof records]++;
        this.readRecord(src.path, src.name, record, kind);
      }
    }
    for (const [section, n] of Object.entries(records)) {
      if (!n) {
        this.incomplete.push({
          file: src.path,
          problem: `${src.name}: <${section}> is missing or empty; a UN release lists both individuals and entities`,
        });
      }
    }
    return publishedAt;
  }

  /** The draft with this id, created on first use: a record listing the same address twice yields one Address. */
  private obtain(schema: string, id: string, recordId: string): EntityDraft {
    let draft = this.byId.get(id);
    if (!draft) {
      draft = new EntityDraft(schema, id, recordId);
      this.byId.set(id, draft);
      this.entities.push(draft);
    }
    return draft;
  }

  private warn(file: string, line: number, problem: string): void {
    this.warnings.push(`${file} line ${line}: ${problem}`);
  }

  private readRecord(path: string, file: string, record: XmlElement, kind: 'INDIVIDUAL' | 'ENTITY'): void {
    const dataIdEl = firstChild(record, 'DATAID');
    const dataId = textOf(dataIdEl);
    if (!dataId) {
      throw new InputError(
        { file: path, line: dataIdEl?.line ?? record.line, field: 'DATAID' },
        `<${kind}> has no DATAID`,
      );
    }
    const seen = this.byDataId.get(dataId);
    if (seen) {
      throw new InputError(
        { file: path, line: dataIdEl!.line, field: 'DATAID' },
        `DATAID ${dataId} is used twice (first at ${seen})`,
      );
    }
    this.byDataId.set(dataId, `${file} line ${dataIdEl!.line}`);

    const id = recordEntityId(this.dataset, dataId);
    const entity = this.obtain(kind === 'INDIVIDUAL' ? 'Person' : 'Organization', id, dataId);
    const label = `${kind} DATAID ${dataId}`;
    const warned = new Set<string>();
    const origin = (line: number): string => `${file} line ${line}, ${label}`;
    const add = (
      draft: EntityDraft,
      prop: string,
      value: string | undefined,
      line: number,
      what: string,
      lang?: string,
    ): void => {
      if (value === undefined || !value.trim()) return;
      const type = draft.schema.getProperty(prop)?.type;
      // A few dates carry a time-zone offset without a time ("2015-04-07-04:00"); the day is what counts.
      const cleaned =
        type === 'date' ? value.trim().replace(/^(\d{4}-\d\d-\d\d)(?:Z|[+-]\d\d:?\d\d)$/, '$1') : value;
      if (!draft.add(prop, cleaned, { origin: origin(line), lang, original: value })) {
        const warning = `${label}: ${what} "${value.trim()}" could not be read as ${type ?? prop}`;
        if (!warned.has(`${line}|${warning}`)) this.warn(file, line, warning);
        warned.add(`${line}|${warning}`);
      }
    };
    const field = (name: string): Located | undefined => {
      const el = firstChild(record, name);
      const value = textOf(el);
      return value && el ? { value, line: el.line } : undefined;
    };
    const listValues = (name: string): Located[] =>
      childrenNamed(record, name).flatMap((el) =>
        childrenNamed(el, 'VALUE').flatMap((v) => {
          const value = textOf(v);
          return value ? [{ value, line: v.line }] : [];
        }),
      );

    // Names
    if (kind === 'INDIVIDUAL') {
      const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map(field);
      const present = parts.filter((p): p is Located => !!p);
      if (present.length) add(entity, 'name', present.map((p) => p.value).join(' '), present[0].line, 'name');
      if (parts[0]) add(entity, 'firstName', parts[0].value, parts[0].line, 'FIRST_NAME');
      if (parts[1]) add(entity, 'secondName', parts[1].value, parts[1].line, 'SECOND_NAME');
    } else {
      const name = field('FIRST_NAME');
      // A few entities list two names in one field, separated by " ; ".
      if (name)
        for (const part of name.value.split(/\s+;\s+/)) add(entity, 'name', part, name.line, 'FIRST_NAME');
    }
    for (const el of childrenNamed(record, 'NAME_ORIGINAL_SCRIPT')) {
      const value = textOf(el);
      if (value) add(entity, 'name', value, el.line, 'NAME_ORIGINAL_SCRIPT', guessNameLanguage(value));
    }
    if (!entity.has('name')) {
      throw new InputError({ file: path, line: record.line, field: 'FIRST_NAME' }, `${label} has no name`);
    }

    const aliasTag = kind === 'INDIVIDUAL' ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS';
    for (const alias of childrenNamed(record, aliasTag)) {
      const nameEl = firstChild(alias, 'ALIAS_NAME');
      const name = textOf(nameEl);
      if (!name) continue;
      const quality = (textOf(firstChild(alias, 'QUALITY')) ?? '').toLowerCase();
      let prop = 'alias';
      if (quality === 'low' || quality === 'bad') prop = 'weakAlias';
      else if (quality === 'f.k.a.' || quality === 'fka') prop = 'previousName';
      else if (quality && quality !== 'good' && quality !== 'a.k.a.' && quality !== 'aka') {
        this.warn(file, alias.line, `${label}: unknown alias QUALITY "${quality}", read as a.k.a.`);
      }
      // One ALIAS_NAME sometimes lists several spellings separated by semicolons.
      for (const part of name.split(/\s*;\s*/)) add(entity, prop, part, nameEl!.line, aliasTag);
      if (kind === 'INDIVIDUAL') {
        // Some aliases carry the date and place of birth used with that identity.
        const dob = firstChild(alias, 'DATE_OF_BIRTH');
        if (textOf(dob)) add(entity, 'birthDate', textOf(dob), dob!.line, 'alias DATE_OF_BIRTH');
        const city = textOf(firstChild(alias, 'CITY_OF_BIRTH'));
        const country = firstChild(alias, 'COUNTRY_OF_BIRTH');
        const place = [city, textOf(country)].filter(Boolean).join(', ');
        if (place) add(entity, 'birthPlace', place, alias.line, 'alias place of birth');
        if (textOf(country))
          add(entity, 'birthCountry', textOf(country), country!.line, 'alias COUNTRY_OF_BIRTH');
      }
    }

    // Individual details
    if (kind === 'INDIVIDUAL') {
      for (const v of listValues('TITLE')) add(entity, 'title', v.value, v.line, 'TITLE');
      for (const v of listValues('DESIGNATION')) add(entity, 'position', v.value, v.line, 'DESIGNATION');
      for (const v of listValues('NATIONALITY')) add(entity, 'nationality', v.value, v.line, 'NATIONALITY');
      const gender = field('GENDER');
      if (gender) add(entity, 'gender', gender.value, gender.line, 'GENDER');
      for (const dob of childrenNamed(record, 'INDIVIDUAL_DATE_OF_BIRTH'))
        this.readBirthDate(entity, dob, add, label, file);
      for (const pob of childrenNamed(record, 'INDIVIDUAL_PLACE_OF_BIRTH')) {
        const parts = ['STREET', 'CITY', 'STATE_PROVINCE', 'COUNTRY'].map((t) => textOf(firstChild(pob, t)));
        const place = parts.filter(Boolean).join(', ');
        if (place) add(entity, 'birthPlace', place, pob.line, 'INDIVIDUAL_PLACE_OF_BIRTH');
        const country = firstChild(pob, 'COUNTRY');
        if (textOf(country))
          add(entity, 'birthCountry', textOf(country), country!.line, 'place of birth COUNTRY');
        const note = textOf(firstChild(pob, 'NOTE'));
        if (note) add(entity, 'notes', `Place of birth: ${note}`, pob.line, 'place of birth NOTE');
      }
      for (const doc of childrenNamed(record, 'INDIVIDUAL_DOCUMENT'))
        this.readDocument(entity, doc, add, origin);
    }

    // Addresses
    const addressTag = kind === 'INDIVIDUAL' ? 'INDIVIDUAL_ADDRESS' : 'ENTITY_ADDRESS';
    for (const el of childrenNamed(record, addressTag)) {
      const get = (t: string): Located | undefined => {
        const c = firstChild(el, t);
        const value = textOf(c);
        return value && c ? { value, line: c.line } : undefined;
      };
      const street = get('STREET');
      const city = get('CITY');
      const state = get('STATE_PROVINCE');
      const zip = get('ZIP_CODE');
      const country = get('COUNTRY');
      const note = get('NOTE');
      if (country) add(entity, 'country', country.value, country.line, `${addressTag} COUNTRY`);
      if (!street && !city && !state && !zip) {
        if (note)
          add(
            entity,
            'notes',
            `Address: ${[note.value, country?.value].filter(Boolean).join(', ')}`,
            note.line,
            'address NOTE',
          );
        continue;
      }
      const full = [street, city, state, zip, country]
        .filter(Boolean)
        .map((p) => p!.value)
        .join(', ');
      const address = this.obtain('Address', derivedId(id, 'address', full), dataId);
      add(address, 'full', full, el.line, addressTag);
      if (street) add(address, 'street', street.value, street.line, 'STREET');
      if (city) add(address, 'city', city.value, city.line, 'CITY');
      if (state) add(address, 'state', state.value, state.line, 'STATE_PROVINCE');
      if (zip) add(address, 'postalCode', zip.value, zip.line, 'ZIP_CODE');
      if (country) add(address, 'country', country.value, country.line, 'COUNTRY');
      if (note) add(address, 'remarks', note.value, note.line, 'NOTE');
      add(entity, 'address', full, el.line, addressTag);
      entity.add('addressEntity', address.id, { origin: origin(el.line) });
    }

    // Listing, narrative, update date
    const comments = field('COMMENTS1');
    if (comments) add(entity, 'notes', comments.value, comments.line, 'COMMENTS1');
    add(entity, 'topics', 'sanction', record.line, 'topic');
    const listType = field('UN_LIST_TYPE');
    const reference = field('REFERENCE_NUMBER');
    const listedOn = field('LISTED_ON');
    const prefix = reference?.value.slice(0, 2).toUpperCase();
    if (prefix === 'QD' || prefix === 'TA' || /^(al-qaida|taliban|isil)/i.test(listType?.value ?? '')) {
      add(entity, 'topics', 'crime.terror', (reference ?? listType ?? { line: record.line }).line, 'topic');
    }
    const updates = listValues('LAST_DAY_UPDATED')
      .map((v) => ({ ...v, date: cleanDate(v.value) }))
      .filter((v) => v.date)
      .sort((a, b) => (a.date! < b.date! ? 1 : -1));
    if (updates[0]) add(entity, 'modifiedAt', updates[0].value, updates[0].line, 'LAST_DAY_UPDATED');

    const sanction = this.obtain(
      'Sanction',
      derivedId(id, 'sanction', 'unsc', reference?.value ?? listType?.value ?? ''),
      dataId,
    );
    sanction.add('entity', id, { origin: origin(record.line) });
    add(sanction, 'authority', AUTHORITY, record.line, 'authority');
    add(sanction, 'country', 'zz', record.line, 'country');
    add(sanction, 'sourceUrl', SOURCE_URL, record.line, 'source');
    add(sanction, 'recordId', dataId, dataIdEl!.line, 'DATAID');
    if (listType) add(sanction, 'program', listType.value, listType.line, 'UN_LIST_TYPE');
    if (reference) {
      add(sanction, 'unscId', reference.value, reference.line, 'REFERENCE_NUMBER');
      add(sanction, 'authorityId', reference.value, reference.line, 'REFERENCE_NUMBER');
      this.byReference.set(reference.value.toUpperCase(), id);
    }
    if (listedOn) {
      add(sanction, 'listingDate', listedOn.value, listedOn.line, 'LISTED_ON');
      add(sanction, 'startDate', listedOn.value, listedOn.line, 'LISTED_ON');
    }
    if (updates[0]) add(sanction, 'modifiedAt', updates[0].value, updates[0].line, 'LAST_DAY_UPDATED');
    if (comments) {
      this.narratives.push({
        entityId: id,
        recordId: dataId,
        ref: reference?.value.toUpperCase(),
        comments,
        origin: origin(comments.line),
      });
    }
  }

  private readBirthDate(
    entity: EntityDraft,
    dob: XmlElement,
    add: (d: EntityDraft, prop: string, value: string | undefined, line: number, what: string) => void,
    label: string,
    file: string,
  ): void {
    const type = (textOf(firstChild(dob, 'TYPE_OF_DATE')) ?? '').toUpperCase();
    const date = firstChild(dob, 'DATE');
    const year = firstChild(dob, 'YEAR');
    const from = firstChild(dob, 'FROM_YEAR');
    const to = firstChild(dob, 'TO_YEAR');
    if (textOf(date)) add(entity, 'birthDate', textOf(date), date!.line, 'DATE');
    if (textOf(year)) add(entity, 'birthDate', textOf(year), year!.line, 'YEAR');
    if (textOf(from) || textOf(to)) {
      const a = Number(textOf(from));
      const b = Number(textOf(to));
      if (Number.isInteger(a) && Number.isInteger(b) && a >= 1000 && b >= a && b - a <= 20) {
        // "born between 1960 and 1963": every year in the range is a candidate.
        for (let y = a; y <= b; y++)
          add(entity, 'birthDate', String(y), (from ?? to)!.line, 'FROM_YEAR/TO_YEAR');
      } else {
        add(entity, 'birthDate', textOf(from), (from ?? dob).line, 'FROM_YEAR');
        add(entity, 'birthDate', textOf(to), (to ?? dob).line, 'TO_YEAR');
        if (!(Number.isInteger(a) && Number.isInteger(b) && b >= a)) {
          this.warn(
            file,
            dob.line,
            `${label}: birth date range ${textOf(from)}–${textOf(to)} is not a valid range`,
          );
        }
      }
    }
    if (type && !['EXACT', 'APPROXIMATELY', 'BETWEEN'].includes(type)) {
      this.warn(file, dob.line, `${label}: unknown TYPE_OF_DATE "${type}"`);
    }
    const note = textOf(firstChild(dob, 'NOTE'));
    if (note) add(entity, 'notes', `Date of birth: ${note}`, dob.line, 'date of birth NOTE');
  }

  private readDocument(
    entity: EntityDraft,
    doc: XmlElement,
    add: (d: EntityDraft, prop: string, value: string | undefined, line: number, what: string) => void,
    origin: (line: number) => string,
  ): void {
    const type = textOf(firstChild(doc, 'TYPE_OF_DOCUMENT'));
    const type2 = textOf(firstChild(doc, 'TYPE_OF_DOCUMENT2'));
    const numberEl = firstChild(doc, 'NUMBER');
    const number = textOf(numberEl);
    const countryEl = firstChild(doc, 'ISSUING_COUNTRY') ?? firstChild(doc, 'COUNTRY_OF_ISSUE');
    const country = textOf(countryEl);
    const city = textOf(firstChild(doc, 'CITY_OF_ISSUE'));
    const issued = firstChild(doc, 'DATE_OF_ISSUE');
    const note = textOf(firstChild(doc, 'NOTE'));
    const typeText = [type, type2].filter(Boolean).join(' / ');
    if (!number) {
      if (note || typeText)
        add(
          entity,
          'notes',
          `Document: ${[typeText, country, note].filter(Boolean).join(', ')}`,
          doc.line,
          'INDIVIDUAL_DOCUMENT',
        );
      return;
    }
    const kind = documentKind(type ?? type2 ?? '');
    const line = numberEl!.line;
    if (kind === 'passport') add(entity, 'passportNumber', number, line, 'passport NUMBER');
    else if (kind === 'ssn') add(entity, 'socialSecurityNumber', number, line, 'NUMBER');
    else add(entity, 'idNumber', number, line, 'document NUMBER');

    const draft = this.obtain(
      kind === 'passport' ? 'Passport' : 'Identification',
      derivedId(entity.id, kind === 'passport' ? 'passport' : 'identification', number, country ?? ''),
      entity.recordId,
    );
    draft.add('holder', entity.id, { origin: origin(doc.line) });
    add(draft, 'number', number, line, 'NUMBER');
    if (typeText) add(draft, 'type', typeText, doc.line, 'TYPE_OF_DOCUMENT');
    if (country) {
      add(draft, 'country', country, countryEl!.line, countryEl!.name);
    }
    if (textOf(issued)) add(draft, 'startDate', textOf(issued), issued!.line, 'DATE_OF_ISSUE');
    const description = [city && `Issued in ${city}`, note].filter(Boolean).join('. ');
    if (description) add(draft, 'description', description, doc.line, 'NOTE');
  }

  /** Records whose narrative cites another listed party by its reference number get a link. */
  linkNarratives(): void {
    for (const n of this.narratives) {
      const cited = new Set<string>();
      for (const m of n.comments.value.matchAll(REFERENCE_IN_TEXT)) cited.add(m[1].toUpperCase());
      for (const ref of cited) {
        if (ref === n.ref) continue;
        const target = this.byReference.get(ref);
        if (!target || target === n.entityId) continue;
        const link = this.obtain('UnknownLink', derivedId(n.entityId, 'cites', ref), n.recordId);
        const origin = { origin: n.origin };
        link.add('subject', n.entityId, origin);
        link.add('object', target, origin);
        link.add('role', `Cited as ${ref} in the UN narrative`, origin);
      }
    }
  }
}

export const unXml: SourceFormat = {
  name: 'un-xml',
  description: 'UN Security Council Consolidated List (consolidated.xml, optionally gzipped)',
  defaultDataset: 'un_sc_sanctions',
  defaultTitle: 'UN Security Council Consolidated List',
  read(paths: string[], ctx: ReadContext): ReadResult {
    const reader = new UnReader(ctx.dataset);
    let publishedAt: string | undefined;
    readEach(paths, ctx, (path) => {
      const date = reader.readFile(path);
      if (date && (!publishedAt || date > publishedAt)) publishedAt = date;
    });
    reader.linkNarratives();
    return {
      entities: reader.entities,
      warnings: reader.warnings,
      publishedAt,
      incomplete: reader.incomplete,
    };
  },
};
