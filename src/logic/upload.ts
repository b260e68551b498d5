/**
 * Importing list files that arrive over HTTP: each upload is written to a private temporary
 * directory under a cleaned-up version of its own file name (the readers recognise files by name:
 * `sdn.csv`, `alt.csv`…), imported like files given on the command line, and deleted afterwards
 * whatever happened. Error messages name the file as uploaded, never the temporary path.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FieldError } from '../errors.js';
import { FORMATS } from '../sources/index.js';
import type { Store } from '../store/store.js';
import { importFiles, type ImportOutcome } from './import.js';

export interface UploadImportFields {
  format: string;
  versionDate?: string;
  title?: string;
  /** Force the import past the safety checks (see removal-guard.ts). */
  allowMassRemoval: boolean;
  allowIncomplete: boolean;
}

const UPLOAD_FIELDS = ['format', 'versionDate', 'title', 'allowMassRemoval', 'allowIncomplete'];

function flagField(fields: Record<string, string>, name: string): boolean {
  const raw = fields[name]?.trim();
  if (raw === undefined || raw === '' || /^(0|false|no|off)$/i.test(raw)) return false;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  throw new FieldError(name, `must be true or false, not "${raw.slice(0, 40)}"`);
}

/** Check the form fields that accompany an upload, naming the field at fault. */
export function checkUploadFields(fields: Record<string, string>): UploadImportFields {
  for (const name of Object.keys(fields)) {
    if (!UPLOAD_FIELDS.includes(name))
      throw new FieldError(name, `is not a field of an import (use ${UPLOAD_FIELDS.join(', ')})`);
  }
  const format = fields.format?.trim();
  if (!format)
    throw new FieldError('format', `is required (one of ${FORMATS.map((f) => f.name).join(', ')})`);
  if (!FORMATS.some((f) => f.name === format)) {
    throw new FieldError(
      'format',
      `"${format}" is not a known format (one of ${FORMATS.map((f) => f.name).join(', ')})`,
    );
  }
  const versionDate = fields.versionDate?.trim() || undefined;
  if (
    versionDate !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(versionDate) || Number.isNaN(Date.parse(versionDate)))
  ) {
    throw new FieldError('versionDate', `"${versionDate}" is not a date (YYYY-MM-DD)`);
  }
  const title = fields.title?.trim() || undefined;
  if (title !== undefined && title.length > 200)
    throw new FieldError('title', 'is longer than 200 characters');
  return {
    format,
    versionDate,
    title,
    allowMassRemoval: flagField(fields, 'allowMassRemoval'),
    allowIncomplete: flagField(fields, 'allowIncomplete'),
  };
}

/** A file name safe to create in the upload directory, keeping what the readers look at. */
export function safeUploadName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '');
  if (!cleaned || cleaned.length > 200) throw new FieldError('files', `"${name}" is not a usable file name`);
  return cleaned;
}

export class UploadDir {
  private readonly names = new Set<string>();

  private constructor(readonly dir: string) {}

  /** A new private directory inside `parent` (default: the system's temporary directory). */
  static async create(parent = tmpdir()): Promise<UploadDir> {
    return new UploadDir(await mkdtemp(join(parent, 'tangle-upload-')));
  }

  get count(): number {
    return this.names.size;
  }

  /** Write one uploaded file; two files with the same name are refused. */
  async save(filename: string, content: Readable): Promise<void> {
    const name = safeUploadName(filename);
    if (this.names.has(name)) throw new FieldError('files', `two files are named ${name}`);
    this.names.add(name);
    await pipeline(content, createWriteStream(join(this.dir, name), { flags: 'wx', mode: 0o600 }));
  }

  /** Import the saved files as one new version of the dataset (one transaction: all or nothing). */
  async importInto(
    store: Store,
    dataset: string,
    fields: UploadImportFields,
    maxRemovalShare?: number,
  ): Promise<ImportOutcome> {
    if (!this.names.size) throw new FieldError('files', 'attach at least one list file');
    try {
      return await importFiles(store, {
        format: fields.format,
        paths: [...this.names].map((n) => join(this.dir, n)),
        fileNames: [...this.names],
        dataset,
        title: fields.title,
        versionDate: fields.versionDate,
        allowMassRemoval: fields.allowMassRemoval,
        allowIncomplete: fields.allowIncomplete,
        maxRemovalShare,
      });
    } catch (err) {
      throw this.withUploadNames(err);
    }
  }

  /** Errors say `sdn.csv, line 3…`, not `/tmp/tangle-upload-x/sdn.csv, line 3…`. */
  private withUploadNames(err: unknown): unknown {
    if (!(err instanceof Error)) return err;
    const prefix = this.dir + sep;
    err.message = err.message.split(prefix).join('');
    const withFile = err as Error & { file?: unknown };
    if (typeof withFile.file === 'string' && withFile.file.startsWith(prefix)) {
      Object.defineProperty(err, 'file', { value: withFile.file.slice(prefix.length) });
    }
    return err;
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}
