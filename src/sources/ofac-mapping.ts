/**
 * OFAC legacy-list entries → FollowTheMoney entity drafts.
 *
 * One entry becomes:
 * - the listed party: Person (individual), Vessel, Airplane, or for an entity Company /
 *   PublicBody / Organization depending on what the entry says about itself (legal form in a name,
 *   company identifiers, OFAC's "Target Type");
 * - one Sanction per programme (authority OFAC, programme code, scope from the remarks);
 * - Passport / Identification entities for its documents, so each number keeps its country, type
 *   and dates; CryptoWallet entities for digital currency addresses; Address entities;
 * - UnknownLink relations for "Linked To: NAME", when NAME is the primary name of exactly one
 *   other entry in the same read.
 *
 * Every value carries its origin (file and line); a value that cannot be cleaned is kept in notes
 * with a warning rather than dropped.
 */
import { EntityDraft, derivedId, recordEntityId } from '../model/entity.js';
import { model, type Schema } from '../model/model.js';
import { cleanCountry } from '../model/values.js';
import { programTopics, splitPrograms } from './ofac-programs.js';
import { parseRemarks, type IdKind, type RemarkFact } from './ofac-remarks.js';

export interface OfacAlias {
  type: 'aka' | 'fka' | 'nka';
  name: string;
  remarks?: string;
  origin: string;
}

export interface OfacAddress {
  addNum: string;
  street?: string;
  /** OFAC's "City/State/Province/Postal Code" column, e.g. "Richardson, TX 75081". */
  cityLine?: string;
  country?: string;
  remarks?: string;
  origin: string;
}

export interface OfacEntry {
  entNum: string;
  line: number;
  /** "sdn.csv line 12" */
  origin: string;
  name: string;
  /** SDN_Type; undefined for an entity (OFAC writes -0-). */
  type: 'individual' | 'vessel' | 'aircraft' | undefined;
  /** The Program column as written, e.g. "SDGT] [IRAN". */
  program?: string;
  title?: string;
  callSign?: string;
  vesselType?: string;
  tonnage?: string;
  grt?: string;
  vesselFlag?: string;
  vesselOwner?: string;
  /** Remarks, joined with their continuation from the comments file. */
  remarks?: string;
  remarksRaw?: string;
  /** Length of the part of `remarks` that came from the primary file. */
  primaryRemarksLength: number;
  /** Lines of the comments file that continued the remarks. */
  commentOrigins?: string[];
  /** Remarks cut off at 1,000 characters with no continuation given. */
  remarksCut: boolean;
  aliases: OfacAlias[];
  addresses: OfacAddress[];
}

export interface OfacMappingStats {
  remarkSegments: number;
  /** Segments that became a typed fact (not a bare note). */
  remarkSegmentsRecognised: number;
  linkedTo: number;
  linkedToResolved: number;
  /** Resolved through an alias because no primary name matched. */
  linkedToResolvedByAlias: number;
  linkedToAmbiguous: number;
  linkedToUnresolved: number;
}

export interface MappingContext {
  dataset: string;
  warnings: string[];
  progress?: (done: number, total: number) => void;
}

const AUTHORITY = 'Office of Foreign Assets Control';
const detailsUrl = (entNum: string): string =>
  `https://sanctionssearch.ofac.treas.gov/Details.aspx?id=${entNum}`;

/**
 * Legal forms that make an entity a company, compared with each word of a name with its dots
 * removed ("S.A." → SA, "L.L.C." → LLC). Forms that are ordinary words without their dots
 * ("A.S.", "S.L.", "C.A.") are only taken with the dots.
 */
const LEGAL_FORMS = new Set(
  (
    'LLC LLP LTD LTDA LIMITED INC INCORPORATED CORP CORPORATION CO COMPANY CIA GMBH AG KG JSC OJSC CJSC PJSC ' +
    'PJS OAO ZAO PAO AO OOO TOO TOV FZE FZCO FZC FZ-LLC DMCC SA SAS SAC SCS SRL SPA SARL BHD PTE PVT PLC BV NV ' +
    'KFT DOO EOOD OOD SIA UAB KK AB OY APS EIRL SAPI SHERKAT SL BVBA SPRL SAL ' +
    // A bank is a business even when its name carries no legal form.
    'BANK'
  ).split(' '),
);
const DOTTED_LEGAL_FORMS = new Set(['A.S.', 'S.L.', 'C.A.', 'A.Ş.', 'S.E.', 'S.C.', 'R.L.', 'C.V.', 'EST.']);
const LEGAL_FORM_PHRASES =
  /\b(JOINT[- ]STOCK COMPANY|LIMITED LIABILITY COMPANY|SOCIEDAD ANONIMA|AKTSIONERNOE OBSHCHESTVO|OBSHCHESTVO S OGRANICHENNOI)\b/i;

export function hasLegalForm(name: string): boolean {
  for (const word of name.toUpperCase().split(/[\s,()/]+/)) {
    if (!word) continue;
    if (DOTTED_LEGAL_FORMS.has(word)) return true;
    if (LEGAL_FORMS.has(word.replace(/\./g, ''))) return true;
  }
  return LEGAL_FORM_PHRASES.test(name);
}

/** Identifier kinds that only a company (or similar business) has. */
const COMPANY_ID_KINDS: ReadonlySet<IdKind> = new Set([
  'registration',
  'vat',
  'lei',
  'duns',
  'okpo',
  'bik',
  'swift',
  'license',
  'imo',
  'isin',
  'ticker',
]);

/** Where each identifier kind goes, in order of preference; the first property the schema has wins. */
const ID_PROPS: Record<IdKind, readonly string[]> = {
  passport: ['passportNumber', 'idNumber'],
  id: ['idNumber', 'registrationNumber'],
  ssn: ['socialSecurityNumber', 'idNumber'],
  tax: ['taxNumber'],
  vat: ['vatCode', 'taxNumber'],
  registration: ['registrationNumber'],
  license: ['licenseNumber', 'registrationNumber'],
  lei: ['leiCode'],
  duns: ['dunsCode'],
  okpo: ['okpoCode', 'registrationNumber'],
  bik: ['bikCode'],
  swift: ['swiftBic'],
  isin: ['isinCode'],
  ticker: ['ticker'],
  imo: ['imoNumber'],
  mmsi: ['mmsi'],
  aircraftSerial: ['serialNumber'],
  aircraftTail: ['registrationNumber'],
  other: [],
};

/** Comparison key for names: case, blanks, blanks around commas and a final period do not count. */
export function nameKey(name: string): string {
  return (/[^\u0000-\u007f]/.test(name) ? name.normalize('NFKC') : name)
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*,\s*/g, ', ')
    .replace(/[.\s]+$/, '')
    .trim();
}

function schemaFor(entry: OfacEntry, facts: RemarkFact[]): Schema {
  if (entry.type === 'individual') return model.get('Person');
  if (entry.type === 'vessel') return model.get('Vessel');
  if (entry.type === 'aircraft') return model.get('Airplane');
  for (const f of facts) {
    if (f.kind !== 'targetType') continue;
    if (/government/i.test(f.value)) return model.get('PublicBody');
    if (/company|enterprise|financial institution|bank/i.test(f.value)) return model.get('Company');
    if (/charity|non-?profit|ngo/i.test(f.value)) return model.get('Organization');
  }
  const names = [entry.name, ...entry.aliases.map((a) => a.name)];
  if (names.some(hasLegalForm)) return model.get('Company');
  if (facts.some((f) => f.kind === 'identifier' && COMPANY_ID_KINDS.has(f.idKind)))
    return model.get('Company');
  return model.get('Organization');
}

/** "Richardson, TX 75081" → city Richardson, region TX, postal code 75081. */
export function splitCityLine(line: string): { city?: string; region?: string; postalCode?: string } {
  const parts = line
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  let postalCode: string | undefined;
  const takePostal = (i: number): void => {
    const p = parts[i];
    // A trailing or leading token with a digit: "Moscow 105005", "London EC3N 1DY", "10117 Berlin".
    let m = p.match(/^(.*?\S)\s+((?:[A-Z]{1,3}-)?[A-Z0-9]*\d[A-Z0-9]*(?:[ -][A-Z0-9]*\d?[A-Z0-9]*)?)$/);
    if (m && /\d/.test(m[2]) && !postalCode) {
      postalCode = m[2];
      parts[i] = m[1];
      return;
    }
    m = p.match(/^((?:[A-Z]{1,3}-)?\d[\d-]{2,})\s+(\D.*)$/);
    if (m && !postalCode) {
      postalCode = m[1];
      parts[i] = m[2];
      return;
    }
    if (/^(?:[A-Z]{1,3}-)?[A-Z0-9]*\d[A-Z0-9 -]*$/.test(p) && !postalCode) {
      postalCode = p;
      parts[i] = '';
    }
  };
  for (let i = parts.length - 1; i >= 0; i--) takePostal(i);
  const rest = parts.filter(Boolean);
  const out: { city?: string; region?: string; postalCode?: string } = {};
  if (rest.length) out.city = rest[0];
  if (rest.length > 1) out.region = rest.slice(1).join(', ');
  if (postalCode) out.postalCode = postalCode;
  return out;
}

/** Birth date facts as FtM values: a short year range becomes each year, a whole month its month. */
export function birthDateValues(from: string, to: string | undefined): string[] {
  if (!to || to === from) return [from];
  let a = from;
  let b = to;
  if (/^\d{4}-01-01$/.test(a) && /^\d{4}-12-31$/.test(b)) {
    a = a.slice(0, 4);
    b = b.slice(0, 4);
  }
  if (/^\d{4}-\d{2}-01$/.test(a) && b.slice(0, 7) === a.slice(0, 7)) {
    const [y, m] = a.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    if (+b.slice(8) === last) return [a.slice(0, 7)];
  }
  if (/^\d{4}$/.test(a) && /^\d{4}$/.test(b) && +b - +a <= 12) {
    const years: string[] = [];
    for (let y = +a; y <= +b; y++) years.push(String(y));
    return years;
  }
  return [from, to];
}

/**
 * The drafts of one read, in order. Entries and their sanctions are unique by construction;
 * derived drafts that a remark can repeat (documents, wallets, links) go through `once`.
 */
class Drafts {
  readonly list: EntityDraft[] = [];
  private readonly ids = new Set<string>();
  push(draft: EntityDraft): void {
    this.list.push(draft);
  }
  once(draft: EntityDraft): void {
    if (this.ids.has(draft.id)) return;
    this.ids.add(draft.id);
    this.list.push(draft);
  }
}

interface Built {
  entry: OfacEntry;
  entity: EntityDraft;
  /** Facts naming another entry (Linked To, aircraft operator), resolved once all entries are read. */
  deferred: RemarkFact[];
}

export function buildOfacEntities(
  entries: OfacEntry[],
  ctx: MappingContext,
): { entities: EntityDraft[]; stats: OfacMappingStats } {
  const { warnings } = ctx;
  const out = new Drafts();
  const stats: OfacMappingStats = {
    remarkSegments: 0,
    remarkSegmentsRecognised: 0,
    linkedTo: 0,
    linkedToResolved: 0,
    linkedToResolvedByAlias: 0,
    linkedToAmbiguous: 0,
    linkedToUnresolved: 0,
  };
  const built: Built[] = [];
  const byName = new Map<string, Built[]>();
  const byAlias = new Map<string, Built[]>();
  const index = (map: Map<string, Built[]>, name: string, b: Built): void => {
    const k = nameKey(name);
    const list = map.get(k);
    if (!list) map.set(k, [b]);
    else if (!list.includes(b)) list.push(b);
  };

  let done = 0;
  for (const entry of entries) {
    const facts = parseRemarks(entry.remarks, { title: entry.title, truncated: entry.remarksCut });
    stats.remarkSegments += facts.length;
    for (const f of facts) if (f.kind !== 'note') stats.remarkSegmentsRecognised++;
    const b = buildEntry(entry, facts, ctx, out);
    built.push(b);
    index(byName, entry.name, b);
    for (const a of entry.aliases) index(byAlias, a.name, b);
    if (ctx.progress && ++done % 1000 === 0) ctx.progress(done, entries.length);
  }

  /** The one entry a free-text name refers to, or why there is none. */
  const resolve = (name: string): { target?: Built; via?: 'name' | 'alias'; candidates: number } => {
    const k = nameKey(name);
    const primary = byName.get(k);
    if (primary?.length === 1) return { target: primary[0], via: 'name', candidates: 1 };
    if (primary && primary.length > 1) return { candidates: primary.length };
    const alias = byAlias.get(k);
    if (alias?.length === 1) return { target: alias[0], via: 'alias', candidates: 1 };
    return { candidates: alias?.length ?? 0 };
  };

  for (const b of built) {
    const { entry, entity, deferred } = b;
    for (const f of deferred) {
      if (f.kind === 'linkedTo') {
        stats.linkedTo++;
        const r = resolve(f.name);
        const origin = factOrigin(entry, f);
        if (!r.target) {
          if (r.candidates > 1) stats.linkedToAmbiguous++;
          else stats.linkedToUnresolved++;
          warnings.push(
            `${origin}: entry ${entry.entNum} "Linked To: ${f.name}" ` +
              (r.candidates > 1
                ? `matches ${r.candidates} entries; not linked`
                : 'matches no entry in this list; not linked'),
          );
          entity.add('notes', f.text, { origin });
          continue;
        }
        if (r.target === b) {
          stats.linkedToResolved++;
          continue;
        }
        stats.linkedToResolved++;
        if (r.via === 'alias') stats.linkedToResolvedByAlias++;
        const link = new EntityDraft(
          'UnknownLink',
          derivedId(entity.id, 'link', r.target.entity.id),
          entry.entNum,
        );
        link.add('subject', entity.id, { origin });
        link.add('object', r.target.entity.id, { origin, original: f.name });
        link.add('role', 'Linked To', { origin });
        out.once(link);
      } else if (f.kind === 'operator') {
        linkVehicleParty(entity, 'operator', f.value, factOrigin(entry, f), resolve, f.text);
      }
    }
    if (entry.vesselOwner) {
      linkVehicleParty(
        entity,
        'owner',
        entry.vesselOwner,
        entry.origin,
        resolve,
        `Vessel owner: ${entry.vesselOwner}`,
      );
    }
  }
  ctx.progress?.(entries.length, entries.length);
  return { entities: out.list, stats };
}

/** Vessel owner / aircraft operator: a reference when the name is a listed party, else a note. */
function linkVehicleParty(
  entity: EntityDraft,
  prop: 'owner' | 'operator',
  name: string,
  origin: string,
  resolve: (name: string) => { target?: Built },
  note: string,
): void {
  const target = resolve(name).target;
  const ok =
    target &&
    entity.schema.getProperty(prop) &&
    target.entity.schema.isA('LegalEntity') &&
    target.entity !== entity;
  if (ok && target) entity.add(prop, target.entity.id, { origin, original: name });
  else entity.add('notes', note, { origin });
}

/** Origin of a remark fact: the primary line, or the comments line when it lies in the continuation. */
function factOrigin(entry: OfacEntry, f: RemarkFact): string {
  const comments = entry.commentOrigins;
  if (!comments?.length || f.offset + f.text.length <= entry.primaryRemarksLength) return entry.origin;
  if (f.offset >= entry.primaryRemarksLength) return comments.join(', ');
  return `${entry.origin}, ${comments.join(', ')}`;
}

function buildEntry(entry: OfacEntry, facts: RemarkFact[], ctx: MappingContext, out: Drafts): Built {
  const { warnings } = ctx;
  const schema = schemaFor(entry, facts);
  const id = recordEntityId(ctx.dataset, entry.entNum);
  const e = new EntityDraft(schema, id, entry.entNum);
  out.push(e);
  const at = entry.origin;
  // One options object for every value read from the entry's own line (add() does not keep it).
  const atOpts = { origin: at };
  const url = detailsUrl(entry.entNum);
  const has = (prop: string): boolean => e.schema.getProperty(prop) !== undefined;
  const note = (text: string, origin: string): void => {
    e.add('notes', text, { origin });
  };
  /** Add to the first property the schema has; otherwise (or if it cannot be cleaned) keep a note. */
  const put = (
    props: readonly string[],
    value: string,
    origin: string,
    noteText: string,
    original?: string,
  ): boolean => {
    for (const prop of props) {
      if (!has(prop)) continue;
      if (e.add(prop, value, { origin, original })) return true;
      warnings.push(`${origin}: entry ${entry.entNum}: cannot read "${value}" as ${prop}; kept in notes`);
      break;
    }
    note(noteText, origin);
    return false;
  };

  // Names
  e.add('name', entry.name, atOpts);
  if (schema.name === 'Person') {
    const comma = entry.name.split(',');
    if (comma.length === 2 && comma[0].trim() && comma[1].trim()) {
      e.add('lastName', comma[0], atOpts);
      e.add('firstName', comma[1], atOpts);
    }
  }
  for (const a of entry.aliases) {
    e.add(a.type === 'fka' ? 'previousName' : 'alias', a.name, { origin: a.origin });
    if (a.remarks) note(`${a.type} ${a.name}: ${a.remarks}`, a.origin);
  }
  e.add('sourceUrl', url, atOpts);

  // Programmes → sanctions and topics
  const programs = entry.program ? splitPrograms(entry.program) : [];
  const sanctions: EntityDraft[] = [];
  const topics = new Set<string>();
  for (const code of programs) {
    e.add('program', code, atOpts);
    for (const t of programTopics(code)) topics.add(t);
    const s = new EntityDraft('Sanction', derivedId(id, 'sanction', code), entry.entNum);
    s.add('entity', id, atOpts);
    s.add('authority', AUTHORITY, atOpts);
    s.add('country', 'us', atOpts);
    s.add('program', code, atOpts);
    s.add('sourceUrl', url, atOpts);
    sanctions.push(s);
    out.push(s);
  }
  for (const t of topics) e.add('topics', t, atOpts);

  // Title column
  if (entry.title) {
    if (has('position')) e.add('position', entry.title, atOpts);
    else note(`Title: ${entry.title}`, at);
  }

  // Vessel columns (written for vessels; kept as notes on anything else)
  if (entry.callSign || entry.vesselType || entry.tonnage || entry.grt || entry.vesselFlag) {
    const flag =
      entry.vesselFlag && !/^none identified$/i.test(entry.vesselFlag) ? entry.vesselFlag : undefined;
    const columns: Array<[string | undefined, string, string]> = [
      [entry.callSign, 'callSign', 'Call sign'],
      [entry.vesselType, 'type', 'Vessel type'],
      [entry.tonnage?.replace(/,/g, ''), 'tonnage', 'Tonnage'],
      [entry.grt?.replace(/,/g, ''), 'grossRegisteredTonnage', 'Gross registered tonnage'],
      [flag, 'flag', 'Vessel flag'],
    ];
    for (const [value, prop, label] of columns) {
      if (value) put([prop], value, at, `${label}: ${value}`);
    }
  }

  // Addresses
  for (const a of entry.addresses) buildAddress(e, a, out, warnings);

  // Remarks
  for (const f of facts) applyFact(entry, e, f, sanctions, out, put, warnings);

  return { entry, entity: e, deferred: facts.filter((f) => f.kind === 'linkedTo' || f.kind === 'operator') };
}

function buildAddress(e: EntityDraft, a: OfacAddress, out: Drafts, warnings: string[]): void {
  const addr = new EntityDraft('Address', derivedId(e.id, 'address', a.addNum), e.recordId);
  const origin = a.origin;
  const parts = [a.street, a.cityLine, a.country].filter((p): p is string => !!p);
  const full = parts.join(', ');
  addr.add('full', full, { origin });
  if (a.street) addr.add('street', a.street, { origin });
  if (a.cityLine) {
    const c = splitCityLine(a.cityLine);
    if (c.city) addr.add('city', c.city, { origin, original: a.cityLine });
    if (c.region) addr.add('region', c.region, { origin, original: a.cityLine });
    if (c.postalCode) addr.add('postalCode', c.postalCode, { origin, original: a.cityLine });
  }
  let country: string | undefined;
  // OFAC writes disputed or sub-national areas as "Region: Crimea", "Region: Kafia Kingi".
  const region = a.country?.match(/^Region:\s*(.+)$/i)?.[1];
  if (region) addr.add('region', region, { origin, original: a.country });
  if (a.country) {
    country = cleanCountry(region ?? a.country);
    if (country) addr.add('country', country, { origin, original: a.country });
    else if (!region && !/^(undetermined|unknown)$/i.test(a.country)) {
      warnings.push(
        `${origin}: unknown country "${a.country}" in address ${a.addNum} of entry ${e.recordId}`,
      );
    }
  }
  if (a.remarks) addr.add('remarks', a.remarks, { origin });
  out.once(addr);
  e.add('addressEntity', addr.id, { origin });
  if (full) e.add('address', full, { origin });
  if (country) e.add('country', country, { origin, original: a.country });
}

type Put = (
  props: readonly string[],
  value: string,
  origin: string,
  noteText: string,
  original?: string,
) => boolean;

function applyFact(
  entry: OfacEntry,
  e: EntityDraft,
  f: RemarkFact,
  sanctions: EntityDraft[],
  out: Drafts,
  put: Put,
  warnings: string[],
): void {
  const origin = factOrigin(entry, f);
  const isVehicle = e.schema.isA('Vehicle');
  switch (f.kind) {
    case 'alias':
      // Quoted aliases in remarks are OFAC's weak aliases (nicknames, short forms). A vessel's or
      // aircraft's "f.k.a." is its former name, a real name.
      if (f.variant === 'fka' && isVehicle) e.add('previousName', f.name, { origin, original: f.text });
      else e.add('weakAlias', f.name, { origin, original: f.text });
      return;
    case 'birthDate':
      for (const v of birthDateValues(f.from, f.to)) put(['birthDate'], v, origin, f.text, f.text);
      return;
    case 'birthPlace':
      put(['birthPlace'], f.place, origin, f.text, f.text);
      if (f.country && e.schema.getProperty('birthCountry'))
        e.add('birthCountry', f.country, { origin, original: f.text });
      return;
    case 'nationality':
    case 'citizenship':
    case 'registrationCountry': {
      const props =
        f.kind === 'nationality'
          ? ['nationality', 'country']
          : f.kind === 'citizenship'
            ? ['citizenship', 'country']
            : isVehicle
              ? ['flag', 'country']
              : ['jurisdiction', 'country'];
      if (!f.country) {
        warnings.push(`${origin}: entry ${entry.entNum}: unknown country "${f.value}"; kept in notes`);
        e.add('notes', f.text, { origin });
        return;
      }
      put(props, f.country, origin, f.text, f.text);
      return;
    }
    case 'gender':
      put(['gender'], f.gender, origin, f.text, f.text);
      return;
    case 'identifier':
      applyIdentifier(entry, e, f, origin, out, put);
      return;
    case 'email':
      put(['email'], f.value, origin, f.text, f.text);
      return;
    case 'website':
      put(['website'], f.value, origin, f.text, f.text);
      return;
    case 'phone':
      put(['phone'], f.value.replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim(), origin, f.text, f.text);
      return;
    case 'fax':
      // FtM has no fax property.
      e.add('notes', f.text, { origin });
      return;
    case 'wallet': {
      const w = new EntityDraft(
        'CryptoWallet',
        derivedId(e.id, 'wallet', f.currency, f.address),
        entry.entNum,
      );
      w.add('publicKey', f.address, { origin });
      w.add('currency', f.currency, { origin });
      w.add('currencySymbol', f.currency, { origin });
      if (e.schema.isA('LegalEntity')) w.add('holder', e.id, { origin });
      else w.add('notes', `Listed with ${entry.name} (OFAC ent_num ${entry.entNum})`, { origin });
      w.add('topics', 'sanction', { origin });
      out.once(w);
      return;
    }
    case 'established':
      if (f.date) put(['incorporationDate', 'buildDate'], f.date, origin, f.text, f.text);
      else e.add('notes', f.text, { origin });
      return;
    case 'buildDate':
      if (f.date) put(['buildDate'], f.date, origin, f.text, f.text);
      else e.add('notes', f.text, { origin });
      return;
    case 'sector':
      put(['sector'], f.value, origin, f.text);
      return;
    case 'targetType':
      put(['classification'], f.value, origin, f.text);
      if (/financial institution|bank/i.test(f.value)) e.add('topics', 'fin', { origin });
      if (/state-owned/i.test(f.value)) e.add('topics', 'gov.soe', { origin });
      if (/government/i.test(f.value)) e.add('topics', 'gov', { origin });
      return;
    case 'model':
      put(['model'], f.value, origin, f.text);
      return;
    case 'vesselType':
      put(['type'], f.value, origin, f.text);
      return;
    case 'ethnicity':
      put(['ethnicity'], f.value, origin, f.text);
      return;
    case 'title':
      put(['title'], f.value, origin, f.text, f.text);
      return;
    case 'position':
      put(['position'], f.value, origin, f.text, f.text);
      return;
    case 'vesselFlag':
      if (!f.country) {
        e.add('notes', f.text, { origin });
        return;
      }
      put([f.variant === 'former' ? 'pastFlags' : 'flag'], f.country, origin, f.text, f.text);
      return;
    case 'sanctionInfo':
      if (!sanctions.length) e.add('notes', f.text, { origin });
      for (const s of sanctions) s.add('provisions', f.text, { origin });
      return;
    case 'status':
      e.add('notes', f.text, { origin });
      if (/^ICTY indictee/i.test(f.value)) e.add('topics', 'crime.war', { origin });
      return;
    case 'relative':
      e.add('notes', f.text, { origin });
      return;
    case 'note':
      e.add('notes', f.text, { origin });
      if (f.truncated) {
        warnings.push(
          `${origin}: entry ${entry.entNum}: Remarks stop at 1,000 characters without their continuation ` +
            `(the comments file); the last part "${f.text.slice(0, 60)}" is kept as a note`,
        );
      }
      return;
    case 'linkedTo':
    case 'operator':
      // Resolved once every entry is known (buildOfacEntities).
      return;
  }
}

function applyIdentifier(
  entry: OfacEntry,
  e: EntityDraft,
  f: Extract<RemarkFact, { kind: 'identifier' }>,
  origin: string,
  out: Drafts,
  put: Put,
): void {
  const props = ID_PROPS[f.idKind];
  const noteText = f.text;
  if (props.length) put(props, f.number, origin, noteText, f.text);
  else e.add('notes', noteText, { origin });
  // A document entity keeps what a bare property cannot: the issuing country, type and dates.
  // FtM only lets legal entities hold documents; a vessel's IMO number stays a property.
  if (!e.schema.isA('LegalEntity')) return;
  const isPassport = f.idKind === 'passport';
  const doc = new EntityDraft(
    isPassport ? 'Passport' : 'Identification',
    derivedId(e.id, isPassport ? 'passport' : 'identification', f.idType, f.number),
    entry.entNum,
  );
  doc.add('holder', e.id, { origin });
  doc.add('number', f.number, { origin, original: f.text });
  doc.add('type', f.idType, { origin });
  if (f.country) doc.add('country', f.country, { origin, original: f.text });
  if (f.issued) doc.add('startDate', f.issued, { origin, original: f.text });
  if (f.expires) doc.add('endDate', f.expires, { origin, original: f.text });
  if (f.detail) doc.add('description', f.detail, { origin });
  out.once(doc);
}
