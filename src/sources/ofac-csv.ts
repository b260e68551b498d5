/**
 * Readers for OFAC's legacy CSV files: the SDN list (sdn.csv, alt.csv, add.csv, sdn_comments.csv)
 * and the Consolidated non-SDN list (cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv).
 * Both share one layout; none of the files has a header row.
 *
 * This file knows the files: which is which (by name, `.gz` allowed, optionally dated like
 * `sdn-2024-05-03.csv`), their columns, and what a valid row is. Every problem names the file as
 * given, the line and the column. Turning the rows into FtM entities is ofac-mapping.ts's job.
 */
import { basename } from 'node:path';
import { InputError } from '../errors.js';
import { cleanDate } from '../model/values.js';
import { ofacField, parseCsv, type CsvRecord } from './csv.js';
import { endsWithEofMark, readSourceFile, type SourceText } from './input.js';
import { buildOfacEntities, type OfacEntry, type OfacMappingStats } from './ofac-mapping.js';
import type { ReadContext, ReadResult, SourceFormat, SourceProblem } from './source.js';

export type OfacFileRole = 'primary' | 'alias' | 'address' | 'comments';

/** Column names as OFAC's data specification gives them, in file order. */
export const OFAC_COLUMNS: Record<OfacFileRole, readonly string[]> = {
  primary: [
    'ent_num',
    'SDN_Name',
    'SDN_Type',
    'Program',
    'Title',
    'Call_Sign',
    'Vess_type',
    'Tonnage',
    'GRT',
    'Vess_flag',
    'Vess_owner',
    'Remarks',
  ],
  alias: ['ent_num', 'alt_num', 'alt_type', 'alt_name', 'alt_remarks'],
  address: ['ent_num', 'add_num', 'address', 'city_state_postal', 'country', 'add_remarks'],
  comments: ['ent_num', 'remarks_extended'],
};

interface ListFlavour {
  /** Base names (no date, no extension) per role. */
  names: Record<OfacFileRole, string>;
  other: string;
}

const SDN: ListFlavour = {
  names: { primary: 'sdn', alias: 'alt', address: 'add', comments: 'sdn_comments' },
  other: 'ofac-cons-csv',
};
const CONS: ListFlavour = {
  names: { primary: 'cons_prim', alias: 'cons_alt', address: 'cons_add', comments: 'cons_comments' },
  other: 'ofac-csv',
};

/** A date in a file name: a day (2024-05-03, 20240503) or a month (2025-12: a release known by its month). */
const DATE_IN_NAME = /[-_. ]?(\d{4}-\d{2}-\d{2}|\d{8}|\d{4}-\d{2})(?=$|[-_. ])/;

/** The base name of a file without `.gz`, `.csv` and a date: `sdn-2024-05-03.csv.gz` → `sdn`. */
function fileKey(path: string): { key: string; date?: string } {
  let name = basename(path).toLowerCase().replace(/\.gz$/, '');
  if (!name.endsWith('.csv')) return { key: '' };
  name = name.slice(0, -4);
  const m = name.match(DATE_IN_NAME);
  let date: string | undefined;
  if (m) {
    const d = m[1].length === 8 ? `${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6)}` : m[1];
    const clean = cleanDate(d);
    date = clean?.length === 10 ? clean : undefined;
    name = name.slice(0, m.index) + name.slice((m.index ?? 0) + m[0].length);
  }
  return { key: name, date };
}

function roleOf(key: string, flavour: ListFlavour): OfacFileRole | undefined {
  for (const role of Object.keys(flavour.names) as OfacFileRole[])
    if (flavour.names[role] === key) return role;
  return undefined;
}

function expectedNames(flavour: ListFlavour): string {
  const n = flavour.names;
  return `${n.primary}.csv (required), ${n.alias}.csv, ${n.address}.csv, ${n.comments}.csv (optionally dated, e.g. ${n.primary}-2024-05-03.csv, and/or gzipped)`;
}

/** A file whose name we do not recognise: say what it looks like, pointing at its first line. */
function unknownFile(path: string, flavour: ListFlavour): never {
  const other = flavour === SDN ? CONS : SDN;
  const key = fileKey(path).key;
  if (roleOf(key, other)) {
    throw new InputError(
      { file: path },
      `this is a file of the other OFAC list; import it with the ${flavour.other} format (this format expects ${expectedNames(flavour)})`,
    );
  }
  const src = readSourceFile(path);
  const first = parseCsv(src.text, path).next();
  const fields = first.done ? [] : first.value.fields;
  const start = fields.slice(0, 4).join(',');
  if (fields.length && !/^\s*\d+\s*$/.test(fields[0])) {
    throw new InputError(
      { file: path, line: first.done ? 1 : first.value.line, field: 'ent_num' },
      `not an OFAC legacy CSV file: the name is not one of ${expectedNames(flavour)}, and the first row ` +
        `starts "${start.slice(0, 80)}" where a numeric ent_num should be (legacy OFAC files have no header row)`,
    );
  }
  throw new InputError(
    { file: path },
    `unrecognised file name; expected ${expectedNames(flavour)}. Rename the file to say which OFAC file it is`,
  );
}

/**
 * The rows of one file. The CSV reader names a column by position ("column 12"); say its OFAC
 * name instead ("Remarks").
 */
function* rows(src: SourceText, role: OfacFileRole): Generator<CsvRecord> {
  try {
    yield* parseCsv(src.text, src.path);
  } catch (err) {
    const m = err instanceof InputError ? err.field?.match(/^column (\d+)$/) : null;
    const name = m ? OFAC_COLUMNS[role][Number(m[1]) - 1] : undefined;
    if (!(err instanceof InputError) || !name) throw err;
    const prefix =
      [err.file, ...(err.line !== undefined ? [`line ${err.line}`] : []), `field "${err.field}"`].join(', ') +
      ': ';
    const problem = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    throw new InputError({ file: err.file, line: err.line, field: name }, problem);
  }
}

/** Check a row's column count; a wrong count names the first missing (or first extra) column. */
function checkColumns(rec: CsvRecord, role: OfacFileRole, file: string): void {
  const cols = OFAC_COLUMNS[role];
  if (rec.fields.length === cols.length) return;
  const field = rec.fields.length < cols.length ? cols[rec.fields.length] : `column ${cols.length + 1}`;
  throw new InputError(
    { file, line: rec.line, field },
    `expected ${cols.length} columns (${cols.join(', ')}), found ${rec.fields.length}` +
      (rec.fields.length === 1
        ? ` ("${rec.fields[0].slice(0, 40)}"): the file looks truncated or garbled`
        : ''),
  );
}

function entNum(rec: CsvRecord, file: string, field = 'ent_num', index = 0): string {
  const v = rec.fields[index].trim();
  if (!/^\d+$/.test(v)) {
    throw new InputError({ file, line: rec.line, field }, `expected a number, found "${v.slice(0, 40)}"`);
  }
  return String(Number(v));
}

const SDN_TYPES: Record<string, OfacEntry['type']> = {
  individual: 'individual',
  vessel: 'vessel',
  aircraft: 'aircraft',
};
const ALT_TYPES: Record<string, 'aka' | 'fka' | 'nka'> = { aka: 'aka', fka: 'fka', nka: 'nka' };

/** Name used in origins: the file name without `.gz` ("sdn.csv line 12"). */
const originName = (src: SourceText): string => src.name;

function readPrimary(src: SourceText, warnings: string[]): Map<string, OfacEntry> {
  const entries = new Map<string, OfacEntry>();
  const file = src.path;
  for (const rec of rows(src, 'primary')) {
    checkColumns(rec, 'primary', file);
    const id = entNum(rec, file);
    const dup = entries.get(id);
    if (dup) {
      throw new InputError(
        { file, line: rec.line, field: 'ent_num' },
        `duplicate ent_num ${id} (first on line ${dup.line})`,
      );
    }
    const [
      ,
      rawName,
      rawType,
      rawProgram,
      title,
      callSign,
      vesselType,
      tonnage,
      grt,
      flag,
      owner,
      rawRemarks,
    ] = rec.fields;
    const name = ofacField(rawName);
    if (!name) throw new InputError({ file, line: rec.line, field: 'SDN_Name' }, 'the entry has no name');
    const typeText = ofacField(rawType);
    let type: OfacEntry['type'];
    if (typeText !== undefined) {
      type = SDN_TYPES[typeText.toLowerCase()];
      if (!type) {
        throw new InputError(
          { file, line: rec.line, field: 'SDN_Type' },
          `unknown entry type "${typeText.slice(0, 40)}" (expected individual, vessel, aircraft or -0- for an entity)`,
        );
      }
    }
    const origin = `${originName(src)} line ${rec.line}`;
    const program = ofacField(rawProgram);
    if (!program) warnings.push(`${origin}: entry ${id} (${name}) has no programme`);
    const remarks = ofacField(rawRemarks);
    const remarksRaw = remarks === undefined ? undefined : rawRemarks.trimStart();
    entries.set(id, {
      entNum: id,
      line: rec.line,
      origin,
      name,
      type,
      program,
      title: ofacField(title),
      callSign: ofacField(callSign),
      vesselType: ofacField(vesselType),
      tonnage: ofacField(tonnage),
      grt: ofacField(grt),
      vesselFlag: ofacField(flag),
      vesselOwner: ofacField(owner),
      remarks,
      remarksRaw,
      // OFAC cuts Remarks at 1,000 characters and continues them in the comments file.
      remarksCut: remarks !== undefined && rawRemarks.length >= 1000 && !remarks.endsWith('.'),
      primaryRemarksLength: remarksRaw?.length ?? 0,
      aliases: [],
      addresses: [],
    });
  }
  return entries;
}

function readAliases(src: SourceText, entries: Map<string, OfacEntry>, warnings: string[]): void {
  const file = src.path;
  for (const rec of rows(src, 'alias')) {
    checkColumns(rec, 'alias', file);
    const id = entNum(rec, file);
    entNum(rec, file, 'alt_num', 1);
    const rawType = ofacField(rec.fields[2]);
    const type = rawType && ALT_TYPES[rawType.toLowerCase()];
    if (!type) {
      throw new InputError(
        { file, line: rec.line, field: 'alt_type' },
        `unknown alias type "${rawType ?? ''}" (expected aka, fka or nka)`,
      );
    }
    const name = ofacField(rec.fields[3]);
    if (!name) throw new InputError({ file, line: rec.line, field: 'alt_name' }, 'the alias has no name');
    const origin = `${originName(src)} line ${rec.line}`;
    const entry = entries.get(id);
    if (!entry) {
      warnings.push(`${origin}: alias "${name}" is for ent_num ${id}, which is not in the primary file`);
      continue;
    }
    entry.aliases.push({ type, name, remarks: ofacField(rec.fields[4]), origin });
  }
}

function readAddresses(src: SourceText, entries: Map<string, OfacEntry>, warnings: string[]): void {
  const file = src.path;
  for (const rec of rows(src, 'address')) {
    checkColumns(rec, 'address', file);
    const id = entNum(rec, file);
    const addNum = entNum(rec, file, 'add_num', 1);
    const origin = `${originName(src)} line ${rec.line}`;
    const address = {
      addNum,
      street: ofacField(rec.fields[2]),
      cityLine: ofacField(rec.fields[3]),
      country: ofacField(rec.fields[4]),
      remarks: ofacField(rec.fields[5]),
      origin,
    };
    // OFAC writes a placeholder row with every field empty for entries without an address.
    if (!address.street && !address.cityLine && !address.country && !address.remarks) continue;
    const entry = entries.get(id);
    if (!entry) {
      warnings.push(`${origin}: address ${addNum} is for ent_num ${id}, which is not in the primary file`);
      continue;
    }
    entry.addresses.push(address);
  }
}

function readComments(src: SourceText, entries: Map<string, OfacEntry>, warnings: string[]): void {
  const file = src.path;
  for (const rec of rows(src, 'comments')) {
    checkColumns(rec, 'comments', file);
    const id = entNum(rec, file);
    const text = rec.fields[1];
    const origin = `${originName(src)} line ${rec.line}`;
    const entry = entries.get(id);
    if (!entry) {
      warnings.push(`${origin}: remarks continuation is for ent_num ${id}, which is not in the primary file`);
      continue;
    }
    if (ofacField(text) === undefined) continue;
    // The continuation carries on mid-word (or after a blank) where the primary file's Remarks
    // stopped, so join the untrimmed texts.
    entry.remarksRaw = (entry.remarksRaw ?? '') + text;
    entry.remarks = entry.remarksRaw.trim();
    entry.commentOrigins = [...(entry.commentOrigins ?? []), origin];
    entry.remarksCut = false;
  }
}

/**
 * OFAC's CSV files end with the DOS end-of-file byte (0x1A): a file without it was cut short
 * (a broken download, the first lines of a file). The primary, alias and address files must have
 * it; the comments file only draws a warning, because OFAC's own sdn_comments.csv of July 2021
 * lacks it (the releases before and since have it).
 */
function checkEnding(
  src: SourceText,
  role: OfacFileRole,
  warnings: string[],
  incomplete: SourceProblem[],
): void {
  if (endsWithEofMark(src)) return;
  const problem =
    `${src.name} does not end with the end-of-file byte (0x1A) that every OFAC CSV file ends with: ` +
    'the file looks cut short';
  if (role === 'comments') warnings.push(`${problem} (remarks may be missing)`);
  else incomplete.push({ file: src.path, problem });
}

export interface OfacReadResult extends ReadResult {
  stats: OfacMappingStats & { entries: number; files: Partial<Record<OfacFileRole, string>> };
}

/** A SourceFormat whose read also reports what it recognised and resolved. */
export interface OfacFormat extends SourceFormat {
  read(paths: string[], ctx: ReadContext): OfacReadResult;
}

function readOfac(flavour: ListFlavour, paths: string[], ctx: ReadContext): OfacReadResult {
  const byRole: Partial<Record<OfacFileRole, string>> = {};
  let publishedAt: string | undefined;
  for (const path of paths) {
    const { key, date } = fileKey(path);
    const role = roleOf(key, flavour);
    if (!role) unknownFile(path, flavour);
    const seen = byRole[role];
    if (seen) {
      throw new InputError(
        { file: path },
        `two ${role} files given (${seen} and ${path}); import one snapshot at a time`,
      );
    }
    byRole[role] = path;
    if (role === 'primary') publishedAt = date;
  }
  if (!byRole.primary) {
    const given = paths.length ? paths.join(', ') : 'no files';
    throw new InputError(
      { file: paths[0] ?? `${flavour.names.primary}.csv` },
      `the primary file ${flavour.names.primary}.csv is required (given: ${given}); the alias, address and comments files only add to its entries`,
    );
  }
  const warnings: string[] = [];
  const incomplete: SourceProblem[] = [];
  /** Read one file, noting whether it ends as OFAC's files do (see checkEnding). */
  const open = (role: OfacFileRole, path: string): SourceText => {
    const src = readSourceFile(path);
    checkEnding(src, role, warnings, incomplete);
    return src;
  };
  const entries = readPrimary(open('primary', byRole.primary), warnings);
  if (byRole.comments) readComments(open('comments', byRole.comments), entries, warnings);
  if (byRole.alias) readAliases(open('alias', byRole.alias), entries, warnings);
  if (byRole.address) readAddresses(open('address', byRole.address), entries, warnings);
  const { entities, stats } = buildOfacEntities([...entries.values()], {
    dataset: ctx.dataset,
    warnings,
    progress: ctx.progress,
  });
  return {
    entities,
    warnings,
    publishedAt,
    incomplete,
    stats: { ...stats, entries: entries.size, files: byRole },
  };
}

export const ofacCsv: OfacFormat = {
  name: 'ofac-csv',
  description:
    'OFAC SDN list, legacy CSV files: sdn.csv (required) with alt.csv, add.csv, sdn_comments.csv; .gz and dated names accepted',
  defaultDataset: 'us_ofac_sdn',
  defaultTitle: 'OFAC Specially Designated Nationals (SDN) List',
  read: (paths, ctx) => readOfac(SDN, paths, ctx),
};

export const ofacConsCsv: OfacFormat = {
  name: 'ofac-cons-csv',
  description:
    'OFAC Consolidated (non-SDN) list, legacy CSV files: cons_prim.csv (required) with cons_alt.csv, cons_add.csv, cons_comments.csv',
  defaultDataset: 'us_ofac_cons',
  defaultTitle: 'OFAC Consolidated (non-SDN) List',
  read: (paths, ctx) => readOfac(CONS, paths, ctx),
};
