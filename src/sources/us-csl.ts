/**
 * Reader for the US Consolidated Screening List (CSL) as CSV: one row per listing, with a `source`
 * column naming the list (OFAC SDN, BIS Entity List, State ITAR debarments…). Multi-valued cells
 * are separated by semicolons.
 *
 * Each row becomes an entity (Person, Organization, Vessel, Airplane, or LegalEntity when the list
 * does not say) and a Sanction naming the list, its authority, programs and dates. Rows without an
 * entity_number (the non-Treasury lists) get a record id hashed from source and name, so it stays
 * the same across imports; rows that hash alike are merged into one entity.
 */
import { InputError } from '../errors.js';
import { EntityDraft, derivedId, recordEntityId, shortHash } from '../model/entity.js';
import { cleanCountry } from '../model/values.js';
import { parseCsv } from './csv.js';
import { readSourceFile } from './input.js';
import { readEach, type ReadContext, type ReadResult, type SourceFormat } from './source.js';

const REQUIRED = ['source', 'entity_number', 'type', 'programs', 'name'];
const KNOWN = new Set([
  '_id',
  'id',
  'source',
  'entity_number',
  'type',
  'programs',
  'name',
  'title',
  'addresses',
  'federal_register_notice',
  'start_date',
  'end_date',
  'standard_order',
  'license_requirement',
  'license_policy',
  'call_sign',
  'vessel_type',
  'gross_tonnage',
  'gross_registered_tonnage',
  'vessel_flag',
  'vessel_owner',
  'remarks',
  'source_list_url',
  'alt_names',
  'citizenships',
  'dates_of_birth',
  'nationalities',
  'places_of_birth',
  'source_information_url',
  'ids',
]);

const TREASURY = 'US Department of the Treasury, Office of Foreign Assets Control (OFAC)';
const BIS = 'US Department of Commerce, Bureau of Industry and Security (BIS)';
const ISN = 'US Department of State, Bureau of International Security and Nonproliferation (ISN)';
const DDTC = 'US Department of State, Directorate of Defense Trade Controls (DDTC)';

/** The lists the CSL combines, by the abbreviation in the source name: who keeps it and what it means. */
const LISTS: Record<string, { authority: string; topics: string[] }> = {
  SDN: { authority: TREASURY, topics: ['sanction'] },
  SSI: { authority: TREASURY, topics: ['sanction'] },
  FSE: { authority: TREASURY, topics: ['sanction'] },
  'NS-MBS': { authority: TREASURY, topics: ['sanction'] },
  MBS: { authority: TREASURY, topics: ['sanction'] },
  CAP: { authority: TREASURY, topics: ['sanction'] },
  CMIC: { authority: TREASURY, topics: ['sanction'] },
  'NS-CMIC': { authority: TREASURY, topics: ['sanction'] },
  // Palestinian Legislative Council members: identified, not blocked.
  PLC: { authority: TREASURY, topics: ['sanction.linked'] },
  EL: { authority: BIS, topics: ['export.control'] },
  DPL: { authority: BIS, topics: ['export.control'] },
  MEU: { authority: BIS, topics: ['export.control'] },
  UVL: { authority: BIS, topics: ['export.risk'] },
  ISN: { authority: ISN, topics: ['sanction'] },
  DTC: { authority: DDTC, topics: ['debarment'] },
};

const SCHEMA_BY_TYPE: Record<string, string> = {
  individual: 'Person',
  entity: 'Organization',
  vessel: 'Vessel',
  aircraft: 'Airplane',
};

interface Row {
  file: string;
  line: number;
  get(column: string): string | undefined;
  list(column: string): string[];
}

interface IdRule {
  test: RegExp;
  /** Property on the listed entity; falls back to notes when its schema lacks it. */
  prop?: string;
  /** Also create a document entity. */
  doc?: 'Passport' | 'Identification';
  /** Belongs to the listing rather than the entity (directives, secondary sanctions risk). */
  sanction?: boolean;
}

/** How the `ids` cell's "value, type" pairs map to FtM, checked in order. */
const ID_RULES: IdRule[] = [
  {
    test: /secondary sanctions|additional sanctions|directive|executive order|effective date|listing date|transactions prohibited|ifca determination|caatsa/,
    sanction: true,
  },
  { test: /passport/, prop: 'passportNumber', doc: 'Passport' },
  { test: /^email/, prop: 'email' },
  { test: /^website/, prop: 'website' },
  { test: /phone|fax/, prop: 'phone' },
  { test: /swift|\bbic\b/, prop: 'swiftBic' },
  { test: /^(lei|legal entity (number|identifier))/, prop: 'leiCode' },
  { test: /d-u-n-s/, prop: 'dunsCode' },
  { test: /government gazette/, prop: 'okpoCode' },
  {
    test: /tax id|\binn\b|\bvat\b|\brfc\b|c\.?u\.?i\.?t|\bnit\b|\bruc\b|\brif\b|\bcuit\b/,
    prop: 'taxNumber',
  },
  { test: /vessel registration identification|^imo\b/, prop: 'imoNumber' },
  { test: /mmsi/, prop: 'mmsi' },
  { test: /call sign/, prop: 'callSign' },
  { test: /former vessel flag|other vessel flag/, prop: 'pastFlags' },
  { test: /vessel flag/, prop: 'flag' },
  { test: /vessel type/, prop: 'type' },
  { test: /year of build|manufacture date/, prop: 'buildDate' },
  { test: /aircraft (manufacturer'?s )?serial number|construction number/, prop: 'serialNumber' },
  { test: /aircraft model/, prop: 'model' },
  { test: /tail number/, prop: 'registrationNumber' },
  { test: /^gender/, prop: 'gender' },
  { test: /nationality of registration/, prop: 'jurisdiction' },
  { test: /established date/, prop: 'incorporationDate' },
  { test: /organization type/, prop: 'legalForm' },
  { test: /target type/, prop: 'classification' },
  {
    test: /registration|company number|commercial regist|matricula mercantil|business number|\bogrn\b|chamber of commerce|certificate of incorporation/,
    prop: 'registrationNumber',
  },
  { test: /social security|\bssn\b/, prop: 'socialSecurityNumber', doc: 'Identification' },
  {
    test: /national|identi|cedula|c\.?u\.?r\.?p|\bdni\b|\bid\b|personal|residen|licen[cs]e|card|electoral|credencial|birth certificate|n\.i\.e|\bno\.?$|number/,
    prop: 'idNumber',
    doc: 'Identification',
  },
];

class CslReader {
  readonly entities: EntityDraft[] = [];
  readonly warnings: string[] = [];
  private readonly byId = new Map<string, EntityDraft>();
  private readonly warned = new Set<string>();
  private readonly byName = new Map<string, string[]>();
  private readonly linked: {
    entityId: string;
    recordId: string;
    name: string;
    origin: string;
    file: string;
    line: number;
  }[] = [];

  constructor(private readonly dataset: string) {}

  readFile(path: string): void {
    const src = readSourceFile(path);
    let header: string[] | undefined;
    let index = new Map<string, number>();
    for (const rec of parseCsv(src.text, src.path)) {
      if (!header) {
        header = rec.fields.map((f) => f.trim().toLowerCase());
        index = new Map();
        header.forEach((col, k) => {
          if (index.has(col)) {
            throw new InputError(
              { file: src.path, line: rec.line, field: col },
              `column "${col}" appears twice in the header`,
            );
          }
          index.set(col, k);
        });
        for (const col of REQUIRED) {
          if (!index.has(col)) {
            throw new InputError(
              { file: src.path, line: rec.line, field: col },
              `required column "${col}" is missing from the header (is this a Consolidated Screening List CSV?)`,
            );
          }
        }
        const unknown = header.filter((c) => !KNOWN.has(c));
        if (unknown.length)
          this.warnings.push(`${src.name} line ${rec.line}: unknown columns ignored: ${unknown.join(', ')}`);
        continue;
      }
      if (rec.fields.length !== header.length) {
        const field =
          rec.fields.length < header.length ? header[rec.fields.length] : `column ${header.length + 1}`;
        throw new InputError(
          { file: src.path, line: rec.line, field },
          `row has ${rec.fields.length} fields but the header has ${header.length}`,
        );
      }
      const fields = rec.fields;
      const get = (column: string): string | undefined => {
        const k = index.get(column);
        const v = k === undefined ? undefined : fields[k].trim();
        return v ? v : undefined;
      };
      const row: Row = {
        file: src.name,
        line: rec.line,
        get,
        list: (column) =>
          (get(column) ?? '')
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean),
      };
      this.readRow(src.path, row);
    }
    if (!header) throw new InputError({ file: src.path, line: 1 }, 'file is empty: no header row');
  }

  /** The draft with this id, created on first use, so repeated rows and addresses merge. */
  private obtain(schema: string, id: string, recordId: string): EntityDraft {
    let draft = this.byId.get(id);
    if (!draft) {
      draft = new EntityDraft(schema, id, recordId);
      this.byId.set(id, draft);
      this.entities.push(draft);
    }
    return draft;
  }

  private warn(row: Row, problem: string): void {
    // One value can feed two properties (start_date → startDate and listingDate): say it once.
    const message = `${row.file} line ${row.line}: ${problem}`;
    if (this.warned.has(message)) return;
    this.warned.add(message);
    this.warnings.push(message);
  }

  private readRow(path: string, row: Row): void {
    const source = row.get('source');
    if (!source)
      throw new InputError({ file: path, line: row.line, field: 'source' }, 'source list is empty');
    const name = row.get('name');
    if (!name) throw new InputError({ file: path, line: row.line, field: 'name' }, 'name is empty');
    const origin = (column: string): string => `${row.file} line ${row.line}, ${column}`;

    const entityNumber = row.get('entity_number');
    const recordId = entityNumber ?? shortHash(source.replace(/\s+/g, ' '), name.replace(/\s+/g, ' '));
    const id = recordEntityId(this.dataset, recordId);

    // Schema from the type column; lists without types get a Person when personal details are given.
    const type = (row.get('type') ?? '').toLowerCase();
    let schema = Object.hasOwn(SCHEMA_BY_TYPE, type) ? SCHEMA_BY_TYPE[type] : undefined;
    if (!schema) {
      if (type) this.warn(row, `unknown type "${row.get('type')}", read as a legal entity`);
      const personal = ['dates_of_birth', 'places_of_birth', 'citizenships', 'nationalities'].some((c) =>
        row.get(c),
      );
      schema = personal ? 'Person' : 'LegalEntity';
    }
    const target = this.obtain(schema, id, recordId);
    target.narrow(schema);
    if (!target.schema.isA(schema)) {
      this.warn(
        row,
        `record ${recordId} was read as ${target.schema.name} before, now as ${schema}; keeping ${target.schema.name}`,
      );
    }

    const put = (
      draft: EntityDraft,
      prop: string,
      value: string | undefined,
      column: string,
      label?: string,
    ): void => {
      if (!value) return;
      if (!draft.schema.getProperty(prop)) {
        // The schema has no such property (a passport number on a company): keep it as a note.
        if (draft.schema.getProperty('notes')) put(draft, 'notes', `${label ?? prop}: ${value}`, column);
        else this.warn(row, `${column} "${value}" has no place in a ${draft.schema.name}; ignored`);
        return;
      }
      if (!draft.add(prop, value, { origin: origin(column) })) {
        this.warn(row, `${column} "${value}" could not be read as ${draft.schema.getProperty(prop)!.type}`);
      }
    };

    put(target, 'name', name, 'name');
    this.index(name, id);
    for (const alias of row.list('alt_names')) {
      put(target, 'alias', alias, 'alt_names');
      this.index(alias, id);
    }
    // A title on a person is the position held; elsewhere put() keeps it as a note.
    put(target, 'position', row.get('title'), 'title', 'Title');
    for (const v of row.list('citizenships')) put(target, 'citizenship', v, 'citizenships');
    for (const v of row.list('nationalities')) put(target, 'nationality', v, 'nationalities');
    for (const v of row.list('dates_of_birth'))
      put(target, 'birthDate', v.replace(/^(circa|approximately|about)\s+/i, ''), 'dates_of_birth');
    for (const v of row.list('places_of_birth')) put(target, 'birthPlace', v, 'places_of_birth');
    const remarks = row.get('remarks');
    put(target, 'notes', remarks, 'remarks');
    for (const m of (remarks ?? '').matchAll(/\(Linked To: ([^)]+)\)/gi)) {
      this.linked.push({
        entityId: id,
        recordId,
        name: m[1].trim(),
        origin: origin('remarks'),
        file: row.file,
        line: row.line,
      });
    }

    for (const address of row.list('addresses')) {
      const parts = address
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean);
      const last = parts[parts.length - 1];
      const country = parts.length > 1 || /^[A-Z]{2}$/.test(last) ? cleanCountry(last) : undefined;
      if (country) put(target, 'country', country, 'addresses');
      if (parts.length === 1 && country) continue;
      const addr = this.obtain('Address', derivedId(id, 'address', address), recordId);
      put(addr, 'full', address, 'addresses');
      if (country) put(addr, 'country', country, 'addresses');
      put(target, 'address', address, 'addresses');
      target.add('addressEntity', addr.id, { origin: origin('addresses') });
    }

    // Vessels
    put(target, 'callSign', row.get('call_sign'), 'call_sign', 'Call sign');
    put(target, 'type', row.get('vessel_type'), 'vessel_type', 'Vessel type');
    put(target, 'flag', row.get('vessel_flag'), 'vessel_flag', 'Vessel flag');
    put(target, 'tonnage', row.get('gross_tonnage')?.replace(/,/g, ''), 'gross_tonnage', 'Gross tonnage');
    put(
      target,
      'grossRegisteredTonnage',
      row.get('gross_registered_tonnage')?.replace(/,/g, ''),
      'gross_registered_tonnage',
      'Gross registered tonnage',
    );
    const owner = row.get('vessel_owner');
    if (owner && target.schema.getProperty('owner')) {
      const ownerEntity = this.obtain('LegalEntity', derivedId(id, 'owner', owner), recordId);
      put(ownerEntity, 'name', owner, 'vessel_owner');
      target.add('owner', ownerEntity.id, { origin: origin('vessel_owner') });
    } else {
      put(target, 'notes', owner && `Owner: ${owner}`, 'vessel_owner');
    }

    // The listing itself
    const list = this.listInfo(source);
    if (!list.known)
      this.warn(row, `unknown source list "${source}": authority taken from its name, topic export.risk`);
    for (const topic of list.topics) put(target, 'topics', topic, 'source');
    const sanction = this.obtain('Sanction', derivedId(id, 'sanction', source), recordId);
    sanction.add('entity', id, { origin: origin('source') });
    put(sanction, 'authority', list.authority, 'source');
    put(sanction, 'country', 'us', 'source');
    put(sanction, 'recordId', recordId, entityNumber ? 'entity_number' : 'source');
    put(
      sanction,
      'description',
      `${source}${row.get('federal_register_notice') ? `. Federal Register: ${row.get('federal_register_notice')}` : ''}`,
      'source',
    );
    const programs = row.list('programs');
    for (const program of programs.length ? programs : [list.name])
      put(sanction, 'program', program, programs.length ? 'programs' : 'source');
    put(sanction, 'startDate', row.get('start_date'), 'start_date');
    put(sanction, 'listingDate', row.get('start_date'), 'start_date');
    put(sanction, 'endDate', row.get('end_date'), 'end_date');
    if (/^y/i.test(row.get('standard_order') ?? ''))
      put(sanction, 'provisions', 'Standard order', 'standard_order');
    const requirement = row.get('license_requirement');
    if (requirement)
      put(sanction, 'provisions', `License requirement: ${requirement}`, 'license_requirement');
    const policy = row.get('license_policy');
    if (policy) put(sanction, 'provisions', `License policy: ${policy}`, 'license_policy');
    put(sanction, 'sourceUrl', row.get('source_list_url'), 'source_list_url');
    put(sanction, 'programUrl', row.get('source_information_url'), 'source_information_url');

    for (const raw of row.list('ids')) this.readId(row, raw, target, sanction, put, origin);
  }

  /** One "value, type" or "country, value, type" entry of the `ids` cell. */
  private readId(
    row: Row,
    raw: string,
    entity: EntityDraft,
    sanction: EntityDraft,
    put: (d: EntityDraft, prop: string, value: string | undefined, column: string, label?: string) => void,
    origin: (column: string) => string,
  ): void {
    const parts = raw.split(/,\s*/);
    const type = parts.length > 1 ? parts.pop()!.trim() : '';
    let country: string | undefined;
    if (parts.length > 1 && /^[A-Z]{2}$/.test(parts[0].trim())) country = cleanCountry(parts.shift()!);
    const value = parts.join(', ').trim();
    if (!value) return;
    const key = type.toLowerCase();
    const rule = ID_RULES.find((r) => r.test.test(key));
    const label = type.replace(/[\s:-]+$/, '') || 'Identifier';
    if (!rule) {
      put(entity, 'notes', `${label}: ${value}`, 'ids');
      return;
    }
    if (rule.sanction) {
      put(sanction, 'provisions', `${label}: ${value}`, 'ids');
      return;
    }
    put(entity, rule.prop!, value, 'ids', label);
    if (rule.doc) {
      const doc = this.obtain(
        rule.doc,
        derivedId(entity.id, rule.doc.toLowerCase(), value, country ?? '', label),
        entity.recordId,
      );
      doc.add('holder', entity.id, { origin: origin('ids') });
      put(doc, 'number', value, 'ids');
      put(doc, 'type', label, 'ids');
      if (country) put(doc, 'country', country, 'ids');
    } else if (country && entity.schema.getProperty('country')) {
      put(entity, 'country', country, 'ids');
    }
  }

  private listInfo(source: string): { name: string; authority: string; topics: string[]; known: boolean } {
    const m = source.match(/^(.*?)\s*\(([^)]+)\)\s*(?:-\s*(.*))?$/);
    const name = m ? `${m[1]} (${m[2]})` : source.split(' - ')[0].trim();
    const known = m ? LISTS[m[2].trim().toUpperCase()] : undefined;
    if (known) return { name, ...known, known: true };
    const agency = m?.[3] ?? source.split(' - ').slice(1).join(' - ');
    return {
      name,
      authority: agency ? `US ${agency.trim()}` : 'US Government',
      topics: ['export.risk'],
      known: false,
    };
  }

  private index(name: string, id: string): void {
    const key = nameKey(name);
    const ids = this.byName.get(key);
    if (!ids) this.byName.set(key, [id]);
    else if (!ids.includes(id)) ids.push(id);
  }

  /** "(Linked To: X)" in remarks becomes a link when X names exactly one record in the files read. */
  resolveLinks(): void {
    for (const l of this.linked) {
      const ids = (this.byName.get(nameKey(l.name)) ?? []).filter((i) => i !== l.entityId);
      if (ids.length !== 1) {
        this.warnings.push(
          `${l.file} line ${l.line}: "Linked To: ${l.name}" ${ids.length ? `matches ${ids.length} records` : 'matches no record in the files read'}; no link made`,
        );
        continue;
      }
      const link = this.obtain('UnknownLink', derivedId(l.entityId, 'linked', ids[0]), l.recordId);
      link.add('subject', l.entityId, { origin: l.origin });
      link.add('object', ids[0], { origin: l.origin });
      link.add('role', 'Linked To', { origin: l.origin });
    }
  }
}

function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export const usCsl: SourceFormat = {
  name: 'us-csl',
  description: 'US Consolidated Screening List (consolidated.csv from trade.gov)',
  defaultDataset: 'us_trade_csl',
  defaultTitle: 'US Consolidated Screening List',
  read(paths: string[], ctx: ReadContext): ReadResult {
    const reader = new CslReader(ctx.dataset);
    readEach(paths, ctx, (path) => reader.readFile(path));
    reader.resolveLinks();
    return { entities: reader.entities, warnings: reader.warnings };
  },
};
