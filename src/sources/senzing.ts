/**
 * Reader for Senzing entity-specification JSON (one record per line), as produced by Senzing
 * mappers and by OpenSanctions' Senzing exports.
 *
 * A Senzing record is a bag of features: attributes may sit at the top level, in named lists
 * (NAMES, ADDRESSES, DATES…) or in a FEATURES list, and may carry a usage prefix
 * (PRIMARY_NAME_ORG, HOME_ADDR_LINE1). Attributes are recognised by their registered name
 * wherever they appear; those of one family in one object (an address's lines and city) stay
 * together. Disclosed relationships (REL_ANCHOR / REL_POINTER) become FtM relationship entities
 * once all records are read, which also settles the schema of records without a RECORD_TYPE (a
 * record that persons "occupy" is a Position).
 */
import { InputError } from '../errors.js';
import { EntityDraft, derivedId, recordEntityId } from '../model/entity.js';
import { model, type Schema } from '../model/model.js';
import { cleanCountry, cleanDate } from '../model/values.js';
import { isObject, readJsonLines, type Json } from './json-lines.js';
import { readEach, type ReadContext, type ReadResult, type SourceFormat } from './source.js';

/** Registered Senzing attributes, by the feature family they belong to. */
const FAMILIES: Record<string, string[]> = {
  NAME: [
    'NAME_TYPE',
    'NAME_FULL',
    'NAME_ORG',
    'NAME_FIRST',
    'NAME_MIDDLE',
    'NAME_LAST',
    'NAME_PREFIX',
    'NAME_SUFFIX',
  ],
  ADDR: [
    'ADDR_TYPE',
    'ADDR_FULL',
    'ADDR_LINE1',
    'ADDR_LINE2',
    'ADDR_LINE3',
    'ADDR_LINE4',
    'ADDR_LINE5',
    'ADDR_LINE6',
    'ADDR_CITY',
    'ADDR_STATE',
    'ADDR_POSTAL_CODE',
    'ADDR_COUNTRY',
    'ADDR_FROM_DATE',
    'ADDR_THRU_DATE',
  ],
  PHONE: ['PHONE_TYPE', 'PHONE_NUMBER', 'PHONE_FROM_DATE', 'PHONE_THRU_DATE'],
  DOB: ['DATE_OF_BIRTH'],
  DOD: ['DATE_OF_DEATH'],
  GENDER: ['GENDER'],
  NATIONALITY: ['NATIONALITY'],
  CITIZENSHIP: ['CITIZENSHIP'],
  POB: ['PLACE_OF_BIRTH'],
  REGDATE: ['REGISTRATION_DATE'],
  REGCOUNTRY: ['REGISTRATION_COUNTRY'],
  PASSPORT: ['PASSPORT_NUMBER', 'PASSPORT_COUNTRY'],
  DRLIC: ['DRIVERS_LICENSE_NUMBER', 'DRIVERS_LICENSE_STATE'],
  SSN: ['SSN_NUMBER', 'SSN_LAST4'],
  NATIONAL_ID: ['NATIONAL_ID_NUMBER', 'NATIONAL_ID_COUNTRY', 'NATIONAL_ID_TYPE'],
  TAX_ID: ['TAX_ID_NUMBER', 'TAX_ID_COUNTRY', 'TAX_ID_TYPE'],
  OTHER_ID: ['OTHER_ID_NUMBER', 'OTHER_ID_COUNTRY', 'OTHER_ID_TYPE'],
  TRUSTED_ID: ['TRUSTED_ID_NUMBER', 'TRUSTED_ID_TYPE'],
  ACCOUNT: ['ACCOUNT_NUMBER', 'ACCOUNT_DOMAIN'],
  LEI: ['LEI_NUMBER'],
  DUNS: ['DUNS_NUMBER'],
  NPI: ['NPI_NUMBER'],
  EMAIL: ['EMAIL_ADDRESS'],
  WEBSITE: ['WEBSITE_ADDRESS'],
  SOCIAL: [
    'LINKEDIN',
    'FACEBOOK',
    'TWITTER',
    'INSTAGRAM',
    'SKYPE',
    'WHATSAPP',
    'SIGNAL',
    'TELEGRAM',
    'TANGO',
    'VIBER',
    'WECHAT',
    'ZOOMROOM',
  ],
  EMPLOYER: ['EMPLOYER_NAME'],
  GROUP: [
    'GROUP_ASSOCIATION_TYPE',
    'GROUP_ASSOCIATION_ORG_NAME',
    'GROUP_ASSN_ID_TYPE',
    'GROUP_ASSN_ID_NUMBER',
  ],
  REL_ANCHOR: ['REL_ANCHOR_DOMAIN', 'REL_ANCHOR_KEY'],
  REL_POINTER: [
    'REL_POINTER_DOMAIN',
    'REL_POINTER_KEY',
    'REL_POINTER_ROLE',
    'REL_POINTER_FROM_DATE',
    'REL_POINTER_THRU_DATE',
  ],
  // OpenSanctions exports carry FtM topics as RISKS: [{TOPIC}].
  RISK: ['TOPIC'],
};
const FAMILY_OF = new Map<string, string>();
for (const [family, attrs] of Object.entries(FAMILIES)) for (const a of attrs) FAMILY_OF.set(a, family);

/** Keys of the record itself rather than of a feature. */
const RECORD_KEYS = new Set([
  'DATA_SOURCE',
  'RECORD_ID',
  'RECORD_TYPE',
  'ENTITY_TYPE',
  'LAST_CHANGE',
  'URL',
  'DSRC_ACTION',
  'LOAD_ID',
  'ENTITY_KEY',
]);

const SCHEMA_BY_TYPE: Record<string, string> = {
  PERSON: 'Person',
  ORGANIZATION: 'Organization',
  ORGANISATION: 'Organization',
  VESSEL: 'Vessel',
  AIRCRAFT: 'Airplane',
};

/** Attributes that only people have: a record without RECORD_TYPE that has them is a Person. */
const PERSON_FAMILIES = new Set(['DOB', 'DOD', 'GENDER', 'CITIZENSHIP', 'POB', 'PASSPORT', 'SSN', 'DRLIC']);

interface Feature {
  family: string;
  /** Usage label: NAME_TYPE/ADDR_TYPE…, or the attribute prefix (PRIMARY_NAME_ORG → PRIMARY). */
  usage: string;
  attrs: Record<string, string>;
}

interface SzRecord {
  file: string;
  line: number;
  dataSource: string;
  recordId: string;
  entityId: string;
  recordType?: string;
  features: Feature[];
  schema?: string;
}

interface Relation {
  from: SzRecord;
  to: SzRecord;
  role: string;
  startDate?: string;
  endDate?: string;
}

/** Which FtM relationship a REL_POINTER_ROLE stands for; `anchorFirst` when the anchor is the edge source. */
interface RoleRule {
  test: RegExp;
  schema: string;
  anchorFirst?: boolean;
}
const ROLE_RULES: RoleRule[] = [
  {
    test: /^(SPOUSE|HUSBAND|WIFE|PARTNER|FATHER|MOTHER|PARENT|SON|DAUGHTER|CHILD|SIBLING|BROTHER|SISTER|RELATIVE|FAMILY|COUSIN|UNCLE|AUNT|NEPHEW|NIECE|GRAND\w*|STEP\w*|IN_LAW)$/,
    schema: 'Family',
  },
  { test: /^(EMPLOYED_BY|EMPLOYER|WORKS_FOR)$/, schema: 'Employment' },
  { test: /^EMPLOYEE$/, schema: 'Employment', anchorFirst: true },
  { test: /^(OWNER_OF|OWNS|SUBSIDIARY|SUBSIDIARY_OF_POINTER)$/, schema: 'Ownership' },
  {
    test: /^(OWNER|OWNED_BY|SHAREHOLDER|BENEFICIAL_OWNER|PARENT_COMPANY)$/,
    schema: 'Ownership',
    anchorFirst: true,
  },
  { test: /^(DIRECTOR_OF|OFFICER_OF|BOARD_MEMBER_OF)$/, schema: 'Directorship' },
  { test: /^(DIRECTOR|OFFICER|BOARD_MEMBER|CEO|PRESIDENT)$/, schema: 'Directorship', anchorFirst: true },
  { test: /^MEMBER_OF$/, schema: 'Membership' },
  { test: /^MEMBER$/, schema: 'Membership', anchorFirst: true },
  { test: /^(ASSOCIATE|ASSOCIATE_OF|BUSINESS_ASSOCIATE|CLOSE_ASSOCIATE)$/, schema: 'Associate' },
];

function roleRule(role: string): RoleRule | undefined {
  // FtM relationship schema names (Occupancy, Ownership…) as used by OpenSanctions' exports.
  const named = [...model.schemata.values()].find(
    (s) => s.edge && !s.abstract && s.name.toLowerCase() === role.trim().toLowerCase(),
  );
  if (named) return { test: /.^/, schema: named.name };
  const key = role
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
  return ROLE_RULES.find((r) => r.test.test(key));
}

/**
 * Senzing dates: ISO is preferred, but slash dates are common and may be month-first. A slash date
 * whose day and month cannot be told apart keeps only its year, and says so.
 */
function senzingDate(raw: string): { value?: string; ambiguous?: boolean } {
  const s = raw.trim();
  const m = s.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const y = m[3];
    const iso = (mo: number, d: number): string | undefined => cleanDate(`${y}-${mo}-${d}`);
    if (a > 12) return { value: iso(b, a) };
    if (b > 12 || a === b) return { value: iso(a, b) };
    return { value: cleanDate(y), ambiguous: true };
  }
  return {
    value: cleanDate(
      s.replace(/^(\d{4})\/(\d{1,2})(?:\/(\d{1,2}))?$/, (_, y, mo, d) =>
        d ? `${y}-${mo}-${d}` : `${y}-${mo}`,
      ),
    ),
  };
}

class SenzingReader {
  readonly entities: EntityDraft[] = [];
  readonly warnings: string[] = [];
  private readonly records: SzRecord[] = [];
  private readonly byRecordId = new Map<string, SzRecord>();
  private readonly unmapped = new Map<string, string>();
  private readonly byId = new Map<string, EntityDraft>();

  constructor(private readonly dataset: string) {}

  readFile(path: string): void {
    for (const { obj, path: file, name, line } of readJsonLines(path, 'a Senzing record')) {
      this.readRecord(obj, file, name, line);
    }
  }

  private readRecord(obj: { [k: string]: Json }, path: string, file: string, line: number): void {
    const scalar = (key: string): string | undefined => {
      const v = obj[key];
      if (v === undefined || v === null) return undefined;
      if (typeof v !== 'string' && typeof v !== 'number')
        throw new InputError({ file: path, line, field: key }, `${key} must be a string`);
      return String(v).trim() || undefined;
    };
    const recordId = scalar('RECORD_ID');
    if (!recordId) throw new InputError({ file: path, line, field: 'RECORD_ID' }, 'record has no RECORD_ID');
    const dataSource = scalar('DATA_SOURCE');
    if (!dataSource)
      throw new InputError({ file: path, line, field: 'DATA_SOURCE' }, 'record has no DATA_SOURCE');
    const previous = this.byRecordId.get(recordId);
    if (previous) {
      throw new InputError(
        { file: path, line, field: 'RECORD_ID' },
        `RECORD_ID ${recordId} was already used at ${previous.file} line ${previous.line}`,
      );
    }
    const rec: SzRecord = {
      file,
      line,
      dataSource,
      recordId,
      entityId: recordEntityId(this.dataset, recordId),
      recordType: scalar('RECORD_TYPE') ?? scalar('ENTITY_TYPE'),
      features: [],
    };
    const top: Record<string, Json> = {};
    for (const [key, value] of Object.entries(obj)) {
      if (RECORD_KEYS.has(key)) continue;
      if (Array.isArray(value)) {
        value.forEach((item, k) => {
          if (isObject(item)) this.collect(rec, item, `${key}[${k}]`);
          else if (item !== null) this.noteUnmapped(`${key}[]`, file, line);
        });
      } else if (isObject(value)) {
        this.collect(rec, value, key);
      } else {
        top[key] = value;
      }
    }
    this.collect(rec, top, '');
    // Record-level facts are kept as features of their own.
    const url = scalar('URL');
    if (url) rec.features.push({ family: 'URL', usage: '', attrs: { URL: url } });
    const changed = scalar('LAST_CHANGE');
    if (changed) rec.features.push({ family: 'LAST_CHANGE', usage: '', attrs: { LAST_CHANGE: changed } });
    this.records.push(rec);
    this.byRecordId.set(recordId, rec);
  }

  /** Sort one JSON object's attributes into features: one per family and usage prefix. */
  private collect(rec: SzRecord, obj: Record<string, Json>, path: string): void {
    const groups = new Map<string, Feature>();
    for (const [key, value] of Object.entries(obj)) {
      if (value === null || value === '') continue;
      const resolved = resolveAttribute(key);
      if (!resolved) {
        this.noteUnmapped(path ? `${path.replace(/\[\d+\]$/, '[]')}.${key}` : key, rec.file, rec.line);
        continue;
      }
      if (typeof value !== 'string' && typeof value !== 'number') {
        this.noteUnmapped(`${key} (not a string)`, rec.file, rec.line);
        continue;
      }
      const { family, attr, prefix } = resolved;
      const groupKey = `${family}|${prefix}`;
      let feature = groups.get(groupKey);
      if (!feature) {
        feature = { family, usage: prefix, attrs: {} };
        groups.set(groupKey, feature);
        rec.features.push(feature);
      }
      feature.attrs[attr] = String(value).trim();
    }
  }

  private noteUnmapped(attr: string, file: string, line: number): void {
    if (!this.unmapped.has(attr)) this.unmapped.set(attr, `${file} line ${line}`);
  }

  /** After all files: resolve relationships, settle schemata, build the entities. */
  finish(): void {
    const anchors = new Map<string, SzRecord>();
    for (const rec of this.records) {
      for (const f of rec.features) {
        if (f.family !== 'REL_ANCHOR') continue;
        const key = `${f.attrs.REL_ANCHOR_DOMAIN ?? ''}|${f.attrs.REL_ANCHOR_KEY ?? ''}`;
        if (!f.attrs.REL_ANCHOR_KEY) {
          this.warnings.push(`${rec.file} line ${rec.line}: REL_ANCHOR without REL_ANCHOR_KEY ignored`);
          continue;
        }
        const other = anchors.get(key);
        if (other && other !== rec) {
          this.warnings.push(
            `${rec.file} line ${rec.line}: anchor ${key} is also declared on line ${other.line}; the first is used`,
          );
          continue;
        }
        anchors.set(key, rec);
      }
    }
    const relations: Relation[] = [];
    for (const rec of this.records) {
      for (const f of rec.features) {
        if (f.family !== 'REL_POINTER') continue;
        const key = `${f.attrs.REL_POINTER_DOMAIN ?? ''}|${f.attrs.REL_POINTER_KEY ?? ''}`;
        const target = anchors.get(key);
        if (!target) {
          this.warnings.push(
            `${rec.file} line ${rec.line}: REL_POINTER ${key.replace('|', ' ')} points to no record's anchor; no relationship made`,
          );
          continue;
        }
        relations.push({
          from: rec,
          to: target,
          role: f.attrs.REL_POINTER_ROLE || 'related',
          startDate: f.attrs.REL_POINTER_FROM_DATE,
          endDate: f.attrs.REL_POINTER_THRU_DATE,
        });
      }
    }

    // Schemata: the declared RECORD_TYPE, else what relationships require, else what the features suggest.
    for (const rec of this.records) {
      const type = rec.recordType?.toUpperCase();
      if (type && SCHEMA_BY_TYPE[type]) rec.schema = SCHEMA_BY_TYPE[type];
      else if (type)
        this.warnings.push(
          `${rec.file} line ${rec.line}: unknown RECORD_TYPE "${rec.recordType}"; schema inferred`,
        );
    }
    for (const rel of relations) {
      const rule = roleRule(rel.role);
      const edge = rule && model.get(rule.schema).edge;
      if (!rule || !edge) continue;
      const schema = model.get(rule.schema);
      const [source, target] = rule.anchorFirst ? [rel.to, rel.from] : [rel.from, rel.to];
      for (const [rec, prop] of [
        [source, edge.source],
        [target, edge.target],
      ] as const) {
        const range = schema.getProperty(prop)?.range;
        if (!rec.schema && range && !model.get(range).abstract) rec.schema = range;
      }
    }
    for (const rec of this.records) {
      if (rec.schema) continue;
      const families = new Set(rec.features.map((f) => f.family));
      const names = rec.features.filter((f) => f.family === 'NAME');
      if (
        [...families].some((f) => PERSON_FAMILIES.has(f)) ||
        names.some((f) => f.attrs.NAME_FIRST || f.attrs.NAME_LAST)
      )
        rec.schema = 'Person';
      else if (names.some((f) => f.attrs.NAME_ORG)) rec.schema = 'Organization';
      else rec.schema = 'LegalEntity';
    }

    for (const rec of this.records) this.build(rec);
    for (const rel of relations) this.relate(rel);
    for (const [attr, where] of this.unmapped) {
      this.warnings.push(
        `${where}: attribute ${attr} is not a Senzing attribute this reader maps; ignored (first seen here)`,
      );
    }
  }

  private obtain(schema: string, id: string, recordId: string): EntityDraft {
    let draft = this.byId.get(id);
    if (!draft) {
      draft = new EntityDraft(schema, id, recordId);
      this.byId.set(id, draft);
      this.entities.push(draft);
    }
    return draft;
  }

  private build(rec: SzRecord): void {
    const entity = this.obtain(rec.schema!, rec.entityId, rec.recordId);
    const origin = `${rec.file} line ${rec.line}, ${rec.dataSource} ${rec.recordId}`;
    const warn = (problem: string): void => {
      this.warnings.push(`${rec.file} line ${rec.line}: ${problem}`);
    };
    const put = (
      draft: EntityDraft,
      prop: string,
      value: string | undefined,
      attr: string,
      fallback?: string,
    ): void => {
      if (value === undefined || !value.trim()) return;
      if (!draft.schema.getProperty(prop)) {
        if (fallback && draft.schema.getProperty(fallback)) {
          put(draft, fallback, fallback === 'notes' ? `${attr}: ${value}` : value, attr);
        }
        return;
      }
      if (!draft.add(prop, value, { origin }))
        warn(`${attr} "${value}" could not be read as ${draft.schema.getProperty(prop)!.type}`);
    };
    const putDate = (draft: EntityDraft, prop: string, raw: string | undefined, attr: string): void => {
      if (!raw) return;
      const date = senzingDate(raw);
      if (!date.value) {
        warn(`${attr} "${raw}" is not a date`);
        return;
      }
      if (date.ambiguous) warn(`${attr} "${raw}" could be day/month or month/day; only the year is kept`);
      if (!draft.schema.getProperty(prop)) {
        put(draft, 'notes', `${attr}: ${raw}`, attr);
        return;
      }
      draft.add(prop, date.value, { origin, original: raw });
    };
    const person = entity.schema.isA('Person');

    const names = rec.features.filter((f) => f.family === 'NAME');
    const primary = names.filter(
      (f) => (f.attrs.NAME_TYPE || f.usage || 'PRIMARY').toUpperCase() === 'PRIMARY',
    );
    for (const f of names) {
      const prop = primary.length === 0 && f === names[0] ? 'name' : primary.includes(f) ? 'name' : 'alias';
      const a = f.attrs;
      put(entity, prop, a.NAME_FULL, 'NAME_FULL');
      put(entity, prop, a.NAME_ORG, 'NAME_ORG');
      if (!a.NAME_FULL && (a.NAME_FIRST || a.NAME_LAST)) {
        put(
          entity,
          prop,
          [a.NAME_FIRST, a.NAME_MIDDLE, a.NAME_LAST, a.NAME_SUFFIX].filter(Boolean).join(' '),
          'NAME_FIRST/NAME_LAST',
        );
      }
      if (person) {
        put(entity, 'firstName', a.NAME_FIRST, 'NAME_FIRST');
        put(entity, 'middleName', a.NAME_MIDDLE, 'NAME_MIDDLE');
        put(entity, 'lastName', a.NAME_LAST, 'NAME_LAST');
        put(entity, 'title', a.NAME_PREFIX, 'NAME_PREFIX');
        put(entity, 'nameSuffix', a.NAME_SUFFIX, 'NAME_SUFFIX');
      }
    }
    if (!entity.has('name')) warn(`${rec.dataSource} ${rec.recordId} has no name`);

    for (const f of rec.features) {
      const a = f.attrs;
      switch (f.family) {
        case 'DOB':
          putDate(entity, 'birthDate', a.DATE_OF_BIRTH, 'DATE_OF_BIRTH');
          break;
        case 'DOD':
          putDate(entity, 'deathDate', a.DATE_OF_DEATH, 'DATE_OF_DEATH');
          break;
        case 'REGDATE':
          putDate(entity, 'incorporationDate', a.REGISTRATION_DATE, 'REGISTRATION_DATE');
          break;
        case 'GENDER':
          put(entity, 'gender', a.GENDER, 'GENDER', 'notes');
          break;
        case 'NATIONALITY':
          put(entity, 'nationality', a.NATIONALITY, 'NATIONALITY', 'country');
          break;
        case 'CITIZENSHIP':
          put(entity, 'citizenship', a.CITIZENSHIP, 'CITIZENSHIP', 'country');
          break;
        case 'REGCOUNTRY':
          put(entity, 'jurisdiction', a.REGISTRATION_COUNTRY, 'REGISTRATION_COUNTRY', 'country');
          break;
        case 'POB': {
          put(entity, 'birthPlace', a.PLACE_OF_BIRTH, 'PLACE_OF_BIRTH', 'notes');
          const country = cleanCountry(a.PLACE_OF_BIRTH);
          if (country) put(entity, 'birthCountry', country, 'PLACE_OF_BIRTH');
          break;
        }
        case 'ADDR':
          this.address(rec, entity, f, put, origin);
          break;
        case 'PHONE':
          put(entity, 'phone', a.PHONE_NUMBER, 'PHONE_NUMBER', 'notes');
          break;
        case 'EMAIL':
          put(entity, 'email', a.EMAIL_ADDRESS, 'EMAIL_ADDRESS', 'notes');
          break;
        case 'WEBSITE':
          put(entity, 'website', a.WEBSITE_ADDRESS, 'WEBSITE_ADDRESS', 'notes');
          break;
        case 'SOCIAL':
          for (const [k, v] of Object.entries(a)) put(entity, 'notes', `${k}: ${v}`, k);
          break;
        case 'PASSPORT':
          put(entity, 'passportNumber', a.PASSPORT_NUMBER, 'PASSPORT_NUMBER', 'idNumber');
          this.document(
            rec,
            entity,
            'Passport',
            a.PASSPORT_NUMBER,
            a.PASSPORT_COUNTRY,
            'Passport',
            put,
            origin,
          );
          break;
        case 'NATIONAL_ID':
          put(entity, 'idNumber', a.NATIONAL_ID_NUMBER, 'NATIONAL_ID_NUMBER', 'notes');
          this.document(
            rec,
            entity,
            'Identification',
            a.NATIONAL_ID_NUMBER,
            a.NATIONAL_ID_COUNTRY,
            a.NATIONAL_ID_TYPE || 'National ID',
            put,
            origin,
          );
          break;
        case 'DRLIC':
          put(entity, 'idNumber', a.DRIVERS_LICENSE_NUMBER, 'DRIVERS_LICENSE_NUMBER', 'notes');
          this.document(
            rec,
            entity,
            'Identification',
            a.DRIVERS_LICENSE_NUMBER,
            undefined,
            `Driver's license${a.DRIVERS_LICENSE_STATE ? ` (${a.DRIVERS_LICENSE_STATE})` : ''}`,
            put,
            origin,
          );
          break;
        case 'SSN':
          put(entity, 'socialSecurityNumber', a.SSN_NUMBER, 'SSN_NUMBER', 'notes');
          break;
        case 'TAX_ID':
          put(entity, 'taxNumber', a.TAX_ID_NUMBER, 'TAX_ID_NUMBER', 'notes');
          break;
        case 'OTHER_ID':
          put(entity, 'idNumber', a.OTHER_ID_NUMBER, 'OTHER_ID_NUMBER', 'notes');
          break;
        case 'TRUSTED_ID':
          if ((a.TRUSTED_ID_TYPE ?? '').toUpperCase() === 'WIKIDATA')
            put(entity, 'wikidataId', a.TRUSTED_ID_NUMBER, 'TRUSTED_ID_NUMBER');
          else put(entity, 'idNumber', a.TRUSTED_ID_NUMBER, 'TRUSTED_ID_NUMBER', 'notes');
          break;
        case 'LEI':
          put(entity, 'leiCode', a.LEI_NUMBER, 'LEI_NUMBER', 'notes');
          break;
        case 'DUNS':
          put(entity, 'dunsCode', a.DUNS_NUMBER, 'DUNS_NUMBER', 'notes');
          break;
        case 'NPI':
          put(entity, 'npiCode', a.NPI_NUMBER, 'NPI_NUMBER', 'notes');
          break;
        case 'ACCOUNT':
          put(
            entity,
            'notes',
            `Account ${a.ACCOUNT_NUMBER ?? ''}${a.ACCOUNT_DOMAIN ? ` (${a.ACCOUNT_DOMAIN})` : ''}`.trim(),
            'ACCOUNT_NUMBER',
          );
          break;
        case 'EMPLOYER':
          put(entity, 'notes', `Employer: ${a.EMPLOYER_NAME}`, 'EMPLOYER_NAME');
          break;
        case 'GROUP': {
          const text = [
            a.GROUP_ASSOCIATION_TYPE,
            a.GROUP_ASSOCIATION_ORG_NAME,
            a.GROUP_ASSN_ID_TYPE,
            a.GROUP_ASSN_ID_NUMBER,
          ]
            .filter(Boolean)
            .join(' ');
          put(entity, 'notes', `Group association: ${text}`, 'GROUP_ASSOCIATION');
          break;
        }
        case 'RISK':
          if (a.TOPIC && !entity.add('topics', a.TOPIC, { origin }))
            warn(`TOPIC "${a.TOPIC}" is not an FtM topic`);
          break;
        case 'URL':
          put(entity, 'sourceUrl', a.URL, 'URL');
          break;
        case 'LAST_CHANGE':
          putDate(entity, 'modifiedAt', a.LAST_CHANGE, 'LAST_CHANGE');
          break;
        default:
          break;
      }
    }
  }

  private address(
    rec: SzRecord,
    entity: EntityDraft,
    f: Feature,
    put: (d: EntityDraft, prop: string, value: string | undefined, attr: string, fallback?: string) => void,
    origin: string,
  ): void {
    const a = f.attrs;
    const lines = ['ADDR_LINE1', 'ADDR_LINE2', 'ADDR_LINE3', 'ADDR_LINE4', 'ADDR_LINE5', 'ADDR_LINE6']
      .map((k) => a[k])
      .filter(Boolean);
    const full =
      a.ADDR_FULL ||
      [...lines, a.ADDR_CITY, a.ADDR_STATE, a.ADDR_POSTAL_CODE, a.ADDR_COUNTRY].filter(Boolean).join(', ');
    if (!full) return;
    if (a.ADDR_COUNTRY) put(entity, 'country', a.ADDR_COUNTRY, 'ADDR_COUNTRY');
    if (!a.ADDR_FULL && !lines.length && !a.ADDR_CITY && !a.ADDR_STATE && !a.ADDR_POSTAL_CODE) return;
    const address = this.obtain('Address', derivedId(entity.id, 'address', full), rec.recordId);
    put(address, 'full', full, a.ADDR_FULL ? 'ADDR_FULL' : 'ADDR_LINE1');
    put(address, 'street', lines[0], 'ADDR_LINE1');
    put(address, 'street2', lines.slice(1).join(', ') || undefined, 'ADDR_LINE2');
    put(address, 'city', a.ADDR_CITY, 'ADDR_CITY');
    put(address, 'state', a.ADDR_STATE, 'ADDR_STATE');
    put(address, 'postalCode', a.ADDR_POSTAL_CODE, 'ADDR_POSTAL_CODE');
    put(address, 'country', a.ADDR_COUNTRY, 'ADDR_COUNTRY');
    const usage = a.ADDR_TYPE || f.usage;
    if (usage) put(address, 'remarks', `${usage} address`, 'ADDR_TYPE');
    put(entity, 'address', full, 'ADDR');
    entity.add('addressEntity', address.id, { origin });
  }

  private document(
    rec: SzRecord,
    entity: EntityDraft,
    schema: 'Passport' | 'Identification',
    number: string | undefined,
    country: string | undefined,
    type: string,
    put: (d: EntityDraft, prop: string, value: string | undefined, attr: string, fallback?: string) => void,
    origin: string,
  ): void {
    if (!number || !entity.schema.isA('LegalEntity')) return;
    const doc = this.obtain(
      schema,
      derivedId(entity.id, schema.toLowerCase(), number, country ?? '', type),
      rec.recordId,
    );
    doc.add('holder', entity.id, { origin });
    put(doc, 'number', number, `${type} number`);
    put(doc, 'type', type, `${type} type`);
    put(doc, 'country', country, `${type} country`);
  }

  private relate(rel: Relation): void {
    const from = this.byId.get(rel.from.entityId)!;
    const to = this.byId.get(rel.to.entityId)!;
    const origin = `${rel.from.file} line ${rel.from.line}, ${rel.from.dataSource} ${rel.from.recordId}`;
    const rule = roleRule(rel.role);
    let schema: Schema = model.get('UnknownLink');
    let source = from;
    let target = to;
    if (rule) {
      const candidate = model.get(rule.schema);
      const [s, t] = rule.anchorFirst ? [to, from] : [from, to];
      const edge = candidate.edge!;
      const fits = (draft: EntityDraft, prop: string): boolean => {
        const range = candidate.getProperty(prop)?.range;
        return !range || draft.schema.isA(range);
      };
      if (fits(s, edge.source) && fits(t, edge.target)) {
        schema = candidate;
        source = s;
        target = t;
      }
    }
    const edge = schema.edge!;
    const link = this.obtain(schema.name, derivedId(from.id, 'rel', rel.role, to.id), rel.from.recordId);
    link.add(edge.source, source.id, { origin });
    link.add(edge.target, target.id, { origin });
    const roleProp = ['relationship', 'role'].find((p) => schema.getProperty(p));
    if (roleProp) link.add(roleProp, rel.role, { origin });
    for (const [prop, raw] of [
      ['startDate', rel.startDate],
      ['endDate', rel.endDate],
    ] as const) {
      if (!raw) continue;
      const date = senzingDate(raw);
      if (date.value) link.add(prop, date.value, { origin, original: raw });
      else
        this.warnings.push(
          `${rel.from.file} line ${rel.from.line}: relationship date "${raw}" is not a date`,
        );
    }
  }
}

/** The registered attribute a key names, allowing a usage prefix: HOME_ADDR_LINE1 → ADDR_LINE1, usage HOME. */
function resolveAttribute(key: string): { family: string; attr: string; prefix: string } | undefined {
  const upper = key.toUpperCase();
  const direct = FAMILY_OF.get(upper);
  if (direct) return { family: direct, attr: upper, prefix: '' };
  for (let i = upper.indexOf('_'); i > 0; i = upper.indexOf('_', i + 1)) {
    const attr = upper.slice(i + 1);
    const family = FAMILY_OF.get(attr);
    if (family) return { family, attr, prefix: upper.slice(0, i) };
  }
  return undefined;
}

export const senzingJson: SourceFormat = {
  name: 'senzing',
  description: 'Senzing entity-specification JSON records, one per line',
  defaultDataset: 'senzing',
  defaultTitle: 'Senzing JSON records',
  read(paths: string[], ctx: ReadContext): ReadResult {
    const reader = new SenzingReader(ctx.dataset);
    readEach(paths, ctx, (path) => reader.readFile(path));
    reader.finish();
    return { entities: reader.entities, warnings: reader.warnings };
  },
};
