/**
 * The embedded store: one SQLite file (better-sqlite3, WAL mode).
 *
 * Tables: datasets, versions (one row per import), entities (one row per dataset and entity, with a
 * hash of its statements for cheap change detection), statements (one row per dataset, entity,
 * property and value, with the first and last version that contained it) and changes (what each
 * version added, removed or changed). Entities and statements still in their dataset's latest
 * version have no last version yet (NULL): re-importing an unchanged entity writes nothing, and
 * first/last-seen dates are read from the versions table. A value's origin (file and line) is
 * where it was first read.
 */
import Database from 'better-sqlite3';
import { createHash, hash as cryptoHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { captionOf, type DraftValue } from '../model/entity.js';
import { BatchInsert } from './batch-insert.js';
import { model } from '../model/model.js';
import { UsageError } from '../errors.js';
import {
  checkVersionOrder,
  type ChangeKind,
  type ChangeQuery,
  type CurrentEntitiesFilter,
  type ChangeRecord,
  type DatasetInfo,
  type EntityRecord,
  type EntitySummary,
  type ImportProgress,
  type ImportRequest,
  type ImportResult,
  type PropertyChange,
  type Statement,
  type Store,
  type StoreStats,
  type StoredEntity,
  type VersionInfo,
} from './store.js';

const SCHEMA_VERSION = 2;
/** Page cache while importing, in KiB (negative, as SQLite takes it); 64 MiB otherwise. */
const IMPORT_CACHE_SIZE = -32768;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS datasets (
  name TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  format TEXT NOT NULL,
  latest_version INTEGER
);
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY,
  dataset TEXT NOT NULL,
  label TEXT NOT NULL,
  date TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  files TEXT NOT NULL,
  checksum TEXT,
  entities INTEGER NOT NULL DEFAULT 0,
  statements INTEGER NOT NULL DEFAULT 0,
  added INTEGER NOT NULL DEFAULT 0,
  removed INTEGER NOT NULL DEFAULT 0,
  changed INTEGER NOT NULL DEFAULT 0,
  warnings TEXT NOT NULL DEFAULT '[]',
  UNIQUE (dataset, label)
);
-- last_version is NULL while the dataset's latest version still contains the entity / value:
-- an unchanged entity costs nothing on re-import, only ended intervals are written.
CREATE TABLE IF NOT EXISTS entities (
  dataset TEXT NOT NULL,
  id TEXT NOT NULL,
  schema TEXT NOT NULL,
  caption TEXT NOT NULL,
  record_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  first_version INTEGER NOT NULL,
  last_version INTEGER,
  change_version INTEGER NOT NULL,
  PRIMARY KEY (dataset, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_id ON entities (id);
CREATE TABLE IF NOT EXISTS statements (
  entity_id TEXT NOT NULL,
  dataset TEXT NOT NULL,
  prop TEXT NOT NULL,
  value TEXT NOT NULL,
  prop_type TEXT NOT NULL,
  original_value TEXT,
  lang TEXT,
  origin TEXT,
  first_version INTEGER NOT NULL,
  last_version INTEGER,
  PRIMARY KEY (entity_id, dataset, prop, value)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statements_names ON statements (value COLLATE NOCASE) WHERE prop_type = 'name';
CREATE INDEX IF NOT EXISTS statements_refs ON statements (value) WHERE prop_type = 'entity';
CREATE TABLE IF NOT EXISTS changes (
  version_id INTEGER NOT NULL,
  dataset TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  schema TEXT NOT NULL,
  caption TEXT NOT NULL,
  properties TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_version ON changes (version_id);
CREATE INDEX IF NOT EXISTS changes_entity ON changes (entity_id);
`;

interface StatementRow {
  entity_id: string;
  dataset: string;
  prop: string;
  prop_type: string;
  value: string;
  original_value: string | null;
  lang: string | null;
  origin: string | null;
  schema: string;
  record_id: string;
  first_seen: string;
  last_seen: string;
  first_label: string;
  last_label: string;
  is_current: number;
}

interface EntityRow {
  dataset: string;
  id: string;
  schema: string;
  caption: string;
  record_id: string;
  first_seen: string;
  last_seen: string;
  last_change: string;
  is_active: number;
}

/** dataset, id, schema, caption, record_id, first_version, change_version */
type CurrentEntityRow = [string, string, string, string, string, number, number];

/** Joins that turn version ids into dates; an open interval ends at the dataset's latest version. */
const ENTITY_SELECT = `SELECT e.dataset, e.id, e.schema, e.caption, e.record_id,
    vf.date AS first_seen, vl.date AS last_seen, vc.date AS last_change, (e.last_version IS NULL) AS is_active
  FROM entities e JOIN datasets d ON d.name = e.dataset
  JOIN versions vf ON vf.id = e.first_version
  JOIN versions vl ON vl.id = COALESCE(e.last_version, d.latest_version)
  JOIN versions vc ON vc.id = e.change_version`;

/**
 * Statement ids are stable: the same value of the same property of the same entity in the same
 * dataset. They are derived when read, not stored: the table's key is those four fields.
 */
export function statementId(dataset: string, entityId: string, prop: string, value: string): string {
  return createHash('sha1')
    .update(`${dataset}\u001f${entityId}\u001f${prop}\u001f${value}`)
    .digest('base64url')
    .slice(0, 22);
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

export class SqliteStore implements Store {
  readonly db!: Database.Database;

  /** Opened read-only (the file or its folder cannot be written): reading works, imports are refused. */
  readonly readonly: boolean;

  constructor(
    readonly path: string,
    options: { readonly?: boolean } = {},
  ) {
    this.readonly = options.readonly ?? false;
    try {
      this.db = this.readonly ? openReadOnly(path) : new Database(path);
      if (!this.readonly) {
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
      }
      this.db.pragma('cache_size = -65536');
      this.db.pragma('temp_store = MEMORY');
      if (!this.readonly) this.db.exec(DDL);
    } catch (err) {
      if (this.db?.open) this.db.close();
      throw storeOpenError(path, err);
    }
    const row = this.schemaVersion();
    if (!row && !this.readonly) {
      this.db
        .prepare(`INSERT INTO meta (key, value) VALUES ('schema_version', ?)`)
        .run(String(SCHEMA_VERSION));
    } else if (row && Number(row.value) !== SCHEMA_VERSION) {
      throw new UsageError(
        `store ${path} has schema version ${row.value}; this Tangle expects ${SCHEMA_VERSION} ` +
          `(re-create it: delete the file and import again)`,
      );
    }
  }

  private schemaVersion(): { value: string } | undefined {
    try {
      return this.db.prepare(`SELECT value FROM meta WHERE key = 'schema_version'`).get() as
        { value: string } | undefined;
    } catch (err) {
      this.db.close();
      throw new UsageError(`${this.path} is not a Tangle store (${(err as Error).message})`);
    }
  }

  /** Imports need a writable store; say so before anything is read. */
  private checkWritable(): void {
    if (this.readonly) {
      throw new UsageError(
        `the store ${this.path} is read-only (the file or its folder cannot be written): it can be read, ` +
          'not imported into; copy it somewhere writable, or give another --db',
      );
    }
  }

  async importVersion(req: ImportRequest, progress?: ImportProgress): Promise<ImportResult> {
    this.checkWritable();
    return this.importSync(req, progress);
  }

  async repeatVersion(req: Omit<ImportRequest, 'entities' | 'warnings'>): Promise<ImportResult | undefined> {
    if (!req.checksum) return undefined;
    this.checkWritable();
    const run = this.db.transaction((): ImportResult | undefined => {
      const latest = this.db
        .prepare(`SELECT v.* FROM versions v JOIN datasets d ON d.latest_version = v.id WHERE d.name = ?`)
        .get(req.dataset) as
        | {
            id: number;
            date: string;
            label: string;
            checksum: string | null;
            entities: number;
            statements: number;
            warnings: string;
          }
        | undefined;
      if (!latest || latest.checksum !== req.checksum) return undefined;
      const { versionId, label } = this.insertVersion(req, latest, JSON.parse(latest.warnings) as string[]);
      this.db
        .prepare(`UPDATE versions SET entities = ?, statements = ? WHERE id = ?`)
        .run(latest.entities, latest.statements, versionId);
      this.db.prepare(`UPDATE datasets SET latest_version = ? WHERE name = ?`).run(versionId, req.dataset);
      return {
        dataset: req.dataset,
        version: label,
        date: req.versionDate,
        entities: latest.entities,
        statements: latest.statements,
        added: 0,
        removed: 0,
        changed: 0,
        unchanged: latest.entities,
        warnings: (JSON.parse(latest.warnings) as string[]).length,
      };
    });
    this.checkRequest(req);
    return run.immediate();
  }

  private checkRequest(req: { dataset: string; versionDate: string }): void {
    if (!/^[a-z0-9_][a-z0-9_.-]*$/i.test(req.dataset)) {
      throw new UsageError(`dataset name "${req.dataset}" may contain only letters, digits, _ . -`);
    }
    if (!DATE_RE.test(req.versionDate)) {
      throw new UsageError(`version date "${req.versionDate}" is not YYYY-MM-DD or an ISO timestamp`);
    }
  }

  /** Check the date order, register the dataset, and add the version row with a unique label. */
  private insertVersion(
    req: Omit<ImportRequest, 'entities' | 'warnings'>,
    prevRow: { label: string; date: string } | undefined,
    warnings: string[],
  ): { versionId: number; label: string } {
    const db = this.db;
    const date = req.versionDate;
    checkVersionOrder(req.dataset, prevRow, date);
    db.prepare(
      `INSERT INTO datasets (name, title, format, latest_version) VALUES (?, ?, ?, NULL)
       ON CONFLICT(name) DO UPDATE SET title = excluded.title, format = excluded.format`,
    ).run(req.dataset, req.title, req.format);
    let label = date.slice(0, 10);
    const labelTaken = db.prepare(`SELECT 1 FROM versions WHERE dataset = ? AND label = ?`);
    for (let n = 2; labelTaken.get(req.dataset, label); n++) label = `${date.slice(0, 10)}.${n}`;
    const versionId = Number(
      db
        .prepare(
          `INSERT INTO versions (dataset, label, date, imported_at, files, checksum, warnings)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          req.dataset,
          label,
          date,
          new Date().toISOString(),
          JSON.stringify(req.files),
          req.checksum ?? null,
          JSON.stringify(warnings),
        ).lastInsertRowid,
    );
    return { versionId, label };
  }

  importSync(req: ImportRequest, progress?: ImportProgress): ImportResult {
    this.checkRequest(req);
    const ids = new Set<string>();
    for (const e of req.entities) {
      if (ids.has(e.id)) throw new Error(`reader produced entity ${e.id} twice`);
      ids.add(e.id);
    }
    const run = this.db.transaction(() => this.applyImport(req, ids, progress));
    // Imports write in key order and re-read little: half the page cache costs them no measurable
    // time and keeps a long series of imports in one process within its memory budget.
    const cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.pragma(`cache_size = ${IMPORT_CACHE_SIZE}`);
    try {
      return run.immediate();
    } finally {
      this.db.pragma(`cache_size = ${cacheSize}`);
    }
  }

  private applyImport(req: ImportRequest, ids: ReadonlySet<string>, progress?: ImportProgress): ImportResult {
    const db = this.db;
    const { dataset } = req;
    const date = req.versionDate;
    const ds = db.prepare(`SELECT latest_version FROM datasets WHERE name = ?`).get(dataset) as
      { latest_version: number | null } | undefined;
    const prev = ds?.latest_version ?? null;
    const prevRow =
      prev === null
        ? undefined
        : (db.prepare(`SELECT label, date FROM versions WHERE id = ?`).get(prev) as {
            label: string;
            date: string;
          });
    const { versionId, label } = this.insertVersion(req, prevRow, req.warnings);

    /**
     * Every entity the dataset has ever had: its hash while the previous version still listed it,
     * null once dropped. Schema and caption are read only for the few that change or leave.
     */
    const previous = new Map<string, string | null>();
    for (const [id, hash] of db
      .prepare(`SELECT id, CASE WHEN last_version IS NULL THEN hash END FROM entities WHERE dataset = ?`)
      .raw(true)
      .iterate(dataset) as IterableIterator<[string, string | null]>) {
      previous.set(id, hash);
    }
    // A dataset's first version cannot collide with stored rows: plain inserts, no conflict clause.
    const fresh = previous.size === 0;
    // Nor does it write a change record per entity: that it added each of them is derived from
    // entities.first_version when changes are listed (see keepFirstVersionRecord, listChanges).
    const initial = prev === null;

    const statementRows = new BatchInsert(
      db,
      `INSERT INTO statements (entity_id, dataset, prop, value, prop_type, original_value, lang, origin,
         first_version, last_version)`,
      // The dataset name (checked: letters, digits, _ . -) and version id are written into the SQL:
      // two fewer values to bind per row.
      `(?, '${dataset}', ?, ?, ?, ?, ?, ?, ${versionId}, NULL)`,
      fresh ? '' : 'ON CONFLICT(entity_id, dataset, prop, value) DO UPDATE SET last_version = NULL',
    );
    const entityRows = new BatchInsert(
      db,
      `INSERT INTO entities (dataset, id, schema, caption, record_id, hash, first_version, last_version,
         change_version)`,
      '(?, ?, ?, ?, ?, ?, ?, NULL, ?)',
      fresh
        ? ''
        : `ON CONFLICT(dataset, id) DO UPDATE SET schema = excluded.schema, caption = excluded.caption,
             record_id = excluded.record_id, hash = excluded.hash, last_version = NULL,
             change_version = excluded.change_version`,
    );
    const changeRows = new BatchInsert(
      db,
      `INSERT INTO changes (version_id, dataset, entity_id, kind, schema, caption, properties)`,
      '(?, ?, ?, ?, ?, ?, ?)',
    );
    const closeStatement = db.prepare(
      `UPDATE statements SET last_version = ? WHERE entity_id = ? AND dataset = ? AND prop = ? AND value = ?`,
    );
    const closeEntityStatements = db.prepare(
      `UPDATE statements SET last_version = ? WHERE entity_id = ? AND dataset = ? AND last_version IS NULL`,
    );
    const openStatements = db.prepare(
      `SELECT prop, value FROM statements WHERE entity_id = ? AND dataset = ? AND last_version IS NULL`,
    );
    const storedEntity = db.prepare(`SELECT schema, caption FROM entities WHERE dataset = ? AND id = ?`);
    /**
     * Before a later version overwrites the schema or caption of an entity from the dataset's first
     * version, write down the derived "added" record as it was (once; stores made before records
     * were derived already have it).
     */
    const keepFirstVersionRecord = db.prepare(
      `INSERT INTO changes (version_id, dataset, entity_id, kind, schema, caption, properties)
       SELECT e.first_version, e.dataset, e.id, 'added', e.schema, e.caption, '{}' FROM entities e
       WHERE e.dataset = ? AND e.id = ? AND (e.schema <> ? OR e.caption <> ?)
         AND e.first_version = (SELECT MIN(id) FROM versions WHERE dataset = e.dataset)
         AND NOT EXISTS (SELECT 1 FROM changes c
           WHERE c.entity_id = e.id AND c.version_id = e.first_version AND c.dataset = e.dataset)`,
    );
    const closeEntity = db.prepare(`UPDATE entities SET last_version = ? WHERE dataset = ? AND id = ?`);

    let statements = 0;
    let added = 0;
    let changed = 0;
    let unchanged = 0;
    const total = req.entities.length;
    // Entities are written in key order (B-tree appends instead of scattered inserts); their change
    // records in the reader's order, as before, so reports list ties the same way.
    const order = req.entities.map((_, i) => i);
    order.sort((a, b) => compareIds(req.entities[a].id, req.entities[b].id));
    const changeList: Array<[string, ChangeKind, string, string, string] | undefined> = new Array(total);

    order.forEach((at, index) => {
      if (progress && index % 1000 === 0) progress('store', index, total);
      const draft = req.entities[at];
      const schema = draft.schema;
      // [key, prop, type, value]; key = prop + value, unique per entity, sorts like the table's key.
      const rows: Array<[string, string, string, DraftValue]> = [];
      for (const [prop, values] of draft.props) {
        const type = schema.getProperty(prop)!.type;
        for (const v of values) rows.push([`${prop}\u001f${v.value}`, prop, type, v]);
      }
      rows.sort(byFirst);
      statements += rows.length;
      // Schema, newline, sorted keys joined by newlines: the formula stored hashes were made with.
      let hashed = `${schema.name}\n`;
      for (let i = 0; i < rows.length; i++) hashed += i ? `\n${rows[i][0]}` : rows[i][0];
      const hash = cryptoHash('sha1', hashed, 'base64url');
      const oldHash = previous.get(draft.id) ?? null;
      if (oldHash === hash) {
        unchanged++;
        return;
      }
      const caption = draft.caption();
      let kind: ChangeKind = 'added';
      const propChanges: Record<string, PropertyChange> = {};
      if (oldHash !== null) {
        kind = 'changed';
        changed++;
        const before = openStatements.all(draft.id, dataset) as Array<{ prop: string; value: string }>;
        const newKeys = new Set(rows.map((r) => r[0]));
        const oldKeys = new Set(before.map((s) => `${s.prop}\u001f${s.value}`));
        const entry = (p: string) => (propChanges[p] ??= { added: [], removed: [] });
        for (const s of before) {
          if (newKeys.has(`${s.prop}\u001f${s.value}`)) continue;
          entry(s.prop).removed.push(s.value);
          closeStatement.run(prev, draft.id, dataset, s.prop, s.value);
        }
        // Added values in the reader's order (rows are sorted by now), as reports always listed them.
        for (const [prop, values] of draft.props) {
          for (const v of values)
            if (!oldKeys.has(`${prop}\u001f${v.value}`)) entry(prop).added.push(v.value);
        }
        const old = storedEntity.get(dataset, draft.id) as { schema: string };
        if (old.schema !== schema.name) {
          entry('$schema').added.push(schema.name);
          entry('$schema').removed.push(old.schema);
        }
      } else {
        added++;
      }
      if (previous.has(draft.id)) keepFirstVersionRecord.run(dataset, draft.id, schema.name, caption);
      for (const [, prop, type, v] of rows) {
        statementRows.add(
          draft.id,
          prop,
          v.value,
          type,
          v.original ?? null,
          v.lang ?? null,
          v.origin ?? null,
        );
      }
      entityRows.add(dataset, draft.id, schema.name, caption, draft.recordId, hash, versionId, versionId);
      if (!initial) changeList[at] = [draft.id, kind, schema.name, caption, JSON.stringify(propChanges)];
    });
    statementRows.flush();
    entityRows.flush();
    for (const c of changeList) if (c) changeRows.add(versionId, dataset, ...c);

    let removed = 0;
    for (const [id, oldHash] of previous) {
      if (oldHash !== null && !ids.has(id)) {
        removed++;
        const old = storedEntity.get(dataset, id) as { schema: string; caption: string };
        closeEntityStatements.run(prev, id, dataset);
        closeEntity.run(prev, dataset, id);
        changeRows.add(versionId, dataset, id, 'removed', old.schema, old.caption, '{}');
      }
    }
    changeRows.flush();
    progress?.('store', total, total);

    db.prepare(
      `UPDATE versions SET entities = ?, statements = ?, added = ?, removed = ?, changed = ? WHERE id = ?`,
    ).run(total, statements, added, removed, changed, versionId);
    db.prepare(`UPDATE datasets SET latest_version = ? WHERE name = ?`).run(versionId, dataset);

    return {
      dataset,
      version: label,
      date,
      entities: total,
      statements,
      added,
      removed,
      changed,
      unchanged,
      warnings: req.warnings.length,
    };
  }

  async listDatasets(): Promise<DatasetInfo[]> {
    const rows = this.db
      .prepare(
        `SELECT d.name, d.title, d.format, v.label AS latest_label, v.date AS latest_date,
           (SELECT COUNT(*) FROM versions x WHERE x.dataset = d.name) AS versions,
           (SELECT COUNT(*) FROM entities e WHERE e.dataset = d.name AND e.last_version IS NULL) AS entities
         FROM datasets d LEFT JOIN versions v ON v.id = d.latest_version ORDER BY d.name`,
      )
      .all() as Array<{
      name: string;
      title: string;
      format: string;
      latest_label: string | null;
      latest_date: string | null;
      versions: number;
      entities: number;
    }>;
    return rows.map((r) => ({
      name: r.name,
      title: r.title,
      format: r.format,
      versions: r.versions,
      latestVersion: r.latest_label,
      latestDate: r.latest_date,
      entities: r.entities,
    }));
  }

  async listVersions(dataset?: string): Promise<VersionInfo[]> {
    const rows = this.db
      .prepare(`SELECT * FROM versions WHERE (? IS NULL OR dataset = ?) ORDER BY dataset, date, id`)
      .all(dataset ?? null, dataset ?? null) as Array<{
      dataset: string;
      label: string;
      date: string;
      imported_at: string;
      files: string;
      entities: number;
      statements: number;
      added: number;
      removed: number;
      changed: number;
      warnings: string;
      checksum: string | null;
    }>;
    return rows.map((r) => ({
      dataset: r.dataset,
      label: r.label,
      date: r.date,
      importedAt: r.imported_at,
      files: JSON.parse(r.files) as string[],
      entities: r.entities,
      statements: r.statements,
      added: r.added,
      removed: r.removed,
      changed: r.changed,
      warnings: (JSON.parse(r.warnings) as string[]).length,
      checksum: r.checksum,
    }));
  }

  async listChanges(q: ChangeQuery): Promise<ChangeRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.dataset) {
      where.push('c.dataset = ?');
      args.push(q.dataset);
    }
    if (q.version) {
      where.push('v.label = ?');
      args.push(q.version);
    }
    if (q.since) {
      where.push('v.date >= ?');
      args.push(q.since);
    }
    if (q.until) {
      where.push('v.date <= ?');
      args.push(q.until);
    }
    if (q.entityId) {
      where.push('c.entity_id = ?');
      args.push(q.entityId);
    }
    if (q.kind) {
      where.push('c.kind = ?');
      args.push(q.kind);
    }
    // The first version of a dataset "adds" everything; that is not a change anyone wants listed
    // unless they ask for that version or entity explicitly. Those records are mostly not stored
    // but derived from the entities the first version brought (see applyImport).
    let source = 'changes';
    const sourceArgs: unknown[] = [];
    if (!q.version && !q.entityId) {
      where.push(`v.id <> (SELECT MIN(id) FROM versions f WHERE f.dataset = c.dataset)`);
    } else {
      const derived = [
        `e.first_version = (SELECT MIN(f.id) FROM versions f WHERE f.dataset = e.dataset)`,
        `NOT EXISTS (SELECT 1 FROM changes x
           WHERE x.entity_id = e.id AND x.version_id = e.first_version AND x.dataset = e.dataset)`,
      ];
      if (q.dataset) {
        derived.push('e.dataset = ?');
        sourceArgs.push(q.dataset);
      }
      if (q.entityId) {
        derived.push('e.id = ?');
        sourceArgs.push(q.entityId);
      }
      if (q.version) {
        derived.push('e.first_version IN (SELECT id FROM versions WHERE label = ?)');
        sourceArgs.push(q.version);
      }
      source = `(SELECT version_id, dataset, entity_id, kind, schema, caption, properties FROM changes
        UNION ALL
        SELECT e.first_version, e.dataset, e.id, 'added', e.schema, e.caption, '{}' FROM entities e
        WHERE ${derived.join(' AND ')})`;
    }
    const sql = `SELECT c.*, v.label, v.date FROM ${source} c JOIN versions v ON v.id = c.version_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY v.date, v.id, c.kind, c.caption, c.entity_id LIMIT ? OFFSET ?`;
    args.push(q.limit ?? 1000, q.offset ?? 0);
    const rows = this.db.prepare(sql).all(...sourceArgs, ...args) as Array<{
      dataset: string;
      entity_id: string;
      kind: ChangeKind;
      schema: string;
      caption: string;
      properties: string;
      label: string;
      date: string;
    }>;
    return rows.map((r) => ({
      dataset: r.dataset,
      version: r.label,
      date: r.date,
      entityId: r.entity_id,
      kind: r.kind,
      schema: r.schema,
      caption: r.caption,
      properties: JSON.parse(r.properties) as Record<string, PropertyChange>,
    }));
  }

  private entityRows(id: string): EntityRow[] {
    return this.db.prepare(`${ENTITY_SELECT} WHERE e.id = ? ORDER BY e.dataset`).all(id) as EntityRow[];
  }

  async getEntity(id: string): Promise<StoredEntity | undefined> {
    const rows = this.entityRows(id);
    if (!rows.length) return undefined;
    const stmtRows = this.db
      .prepare(
        `SELECT s.*, e.schema, e.record_id, v1.date AS first_seen, v1.label AS first_label,
           v2.date AS last_seen, v2.label AS last_label, (s.last_version IS NULL) AS is_current
         FROM statements s
         JOIN datasets d ON d.name = s.dataset
         JOIN entities e ON e.dataset = s.dataset AND e.id = s.entity_id
         JOIN versions v1 ON v1.id = s.first_version
         JOIN versions v2 ON v2.id = COALESCE(s.last_version, d.latest_version)
         WHERE s.entity_id = ? ORDER BY s.prop, s.dataset, s.first_version, s.value`,
      )
      .all(id) as StatementRow[];
    const statements: Statement[] = stmtRows.map((r) => ({
      id: statementId(r.dataset, r.entity_id, r.prop, r.value),
      entityId: r.entity_id,
      schema: r.schema,
      prop: r.prop,
      propType: r.prop_type,
      value: r.value,
      originalValue: r.original_value,
      lang: r.lang,
      dataset: r.dataset,
      recordId: r.record_id,
      origin: r.origin,
      firstSeen: r.first_seen,
      lastSeen: r.last_seen,
      firstVersion: r.first_label,
      lastVersion: r.last_label,
      current: r.is_current === 1,
    }));
    const active = rows.some((r) => r.is_active === 1);
    // Show current values; for a delisted entity, the values it had when it was last listed.
    const shown = active ? statements.filter((s) => s.current) : lastKnown(statements);
    const properties: Record<string, string[]> = {};
    for (const s of shown) {
      const list = (properties[s.prop] ??= []);
      if (!list.includes(s.value)) list.push(s.value);
    }
    const schema = mergeSchemata(rows.map((r) => r.schema));
    const recordIds: Record<string, string[]> = {};
    for (const r of rows) (recordIds[r.dataset] ??= []).push(r.record_id);
    return {
      id,
      schema,
      caption: captionOf(model.get(schema), (p) => properties[p] ?? []) ?? rows[0].caption,
      datasets: rows.map((r) => r.dataset),
      recordIds,
      firstSeen: min(rows.map((r) => r.first_seen)),
      lastSeen: max(rows.map((r) => r.last_seen)),
      lastChange: max(rows.map((r) => r.last_change)),
      active,
      properties,
      statements,
    };
  }

  async findByName(name: string, limit = 20): Promise<EntitySummary[]> {
    const rows = this.db
      .prepare(
        `SELECT e.id, e.schema, e.caption, e.dataset, (e.last_version IS NULL) AS is_active
         FROM entities e
         WHERE e.id IN (SELECT entity_id FROM statements WHERE prop_type = 'name' AND value = ? COLLATE NOCASE)
         ORDER BY is_active DESC, (e.caption = ? COLLATE NOCASE) DESC, e.id LIMIT ?`,
      )
      .all(name.trim(), name.trim(), limit) as Array<EntitySummary & { is_active: number }>;
    return rows.map(({ is_active, ...r }) => ({ ...r, active: is_active === 1 }));
  }

  async getReferencing(id: string): Promise<StoredEntity[]> {
    const ids = this.db
      .prepare(
        `SELECT DISTINCT entity_id FROM statements
         WHERE prop_type = 'entity' AND value = ? AND last_version IS NULL`,
      )
      .all(id) as Array<{ entity_id: string }>;
    const out: StoredEntity[] = [];
    for (const { entity_id } of ids) {
      const e = await this.getEntity(entity_id);
      if (e) out.push(e);
    }
    return out;
  }

  async *currentEntities(filter: CurrentEntitiesFilter = {}): AsyncIterable<EntityRecord> {
    yield* this.currentEntitiesSync(filter);
  }

  *currentEntitiesSync(filter: CurrentEntitiesFilter = {}): Generator<EntityRecord> {
    const dsFilter = filter.datasets?.length ? filter.datasets : null;
    const props = filter.properties ? [...new Set(filter.properties)] : null;
    const propList = props ? `AND prop IN (${props.map(() => '?').join(',')})` : '';
    const schemata = filter.schemata ? [...new Set(filter.schemata)] : null;
    const schemaList = schemata ? `AND e.schema IN (${schemata.map(() => '?').join(',')})` : '';
    const inList = dsFilter ? `AND e.dataset IN (${dsFilter.map(() => '?').join(',')})` : '';
    const meta = new Map<string, EntityRecord>();
    // Version dates from a small map rather than three joins per row (a third of this query's time
    // on the bundled lists). Current entities end at their dataset's latest version.
    const versionDate = new Map<number, string>();
    for (const v of this.db.prepare('SELECT id, date FROM versions').iterate() as IterableIterator<{
      id: number;
      date: string;
    }>) {
      versionDate.set(v.id, v.date);
    }
    const latest = new Map<string, string>();
    for (const d of this.db
      .prepare('SELECT name, latest_version FROM datasets WHERE latest_version IS NOT NULL')
      .iterate() as IterableIterator<{ name: string; latest_version: number }>) {
      latest.set(d.name, versionDate.get(d.latest_version)!);
    }
    for (const [dataset, id, schema, caption, recordId, firstVersion, changeVersion] of this.db
      .prepare(
        `SELECT dataset, id, schema, caption, record_id, first_version, change_version
         FROM entities e WHERE e.last_version IS NULL ${inList} ${schemaList}`,
      )
      .raw(true)
      .iterate(...(dsFilter ?? []), ...(schemata ?? [])) as IterableIterator<CurrentEntityRow>) {
      const lastSeen = latest.get(dataset);
      if (lastSeen === undefined) continue; // as the join did: no version, no entity
      const firstSeen = versionDate.get(firstVersion)!;
      const lastChange = versionDate.get(changeVersion)!;
      const existing = meta.get(id);
      if (existing) {
        existing.datasets.push(dataset);
        (existing.recordIds[dataset] ??= []).push(recordId);
        existing.schema = mergeSchemata([existing.schema, schema]);
        existing.firstSeen = min([existing.firstSeen, firstSeen]);
        existing.lastSeen = max([existing.lastSeen, lastSeen]);
        existing.lastChange = max([existing.lastChange, lastChange]);
      } else {
        meta.set(id, {
          id,
          schema,
          caption,
          datasets: [dataset],
          recordIds: { [dataset]: [recordId] },
          properties: {},
          firstSeen,
          lastSeen,
          lastChange,
        });
      }
    }
    // One row per entity with its values joined by control characters (which cleaned values never
    // contain): far cheaper than materialising a row per statement.
    const grouped = this.db
      .prepare(
        `SELECT entity_id, group_concat(prop || char(31) || value, char(30)) FROM statements
         WHERE last_version IS NULL ${inList.replace('e.dataset', 'dataset')} ${propList}
         GROUP BY entity_id ORDER BY entity_id`,
      )
      .raw(true);
    for (const [entityId, joined] of grouped.iterate(
      ...(dsFilter ?? []),
      ...(props ?? []),
    ) as IterableIterator<[string, string]>) {
      const record = meta.get(entityId);
      if (!record) continue;
      for (const pair of joined.split('\u001e')) {
        const cut = pair.indexOf('\u001f');
        const prop = pair.slice(0, cut);
        const value = pair.slice(cut + 1);
        const list = record.properties[prop];
        if (!list) record.properties[prop] = [value];
        else if (!list.includes(value)) list.push(value);
      }
      // Yielded once; with a property filter the rest follow below.
      meta.delete(entityId);
      yield record;
    }
    // Entities with none of the asked properties still exist.
    if (props || schemata) for (const record of meta.values()) yield record;
  }

  async stats(): Promise<StoreStats> {
    const one = <T>(sql: string): T => this.db.prepare(sql).get() as T;
    const bySchema: Record<string, number> = {};
    for (const r of this.db
      .prepare(
        `SELECT schema, COUNT(DISTINCT id) AS n FROM entities WHERE last_version IS NULL
         GROUP BY schema ORDER BY n DESC`,
      )
      .all() as Array<{ schema: string; n: number }>) {
      bySchema[r.schema] = r.n;
    }
    return {
      datasets: one<{ n: number }>(`SELECT COUNT(*) AS n FROM datasets`).n,
      versions: one<{ n: number }>(`SELECT COUNT(*) AS n FROM versions`).n,
      entities: one<{ n: number }>(`SELECT COUNT(DISTINCT id) AS n FROM entities`).n,
      activeEntities: one<{ n: number }>(
        `SELECT COUNT(DISTINCT id) AS n FROM entities WHERE last_version IS NULL`,
      ).n,
      statements: one<{ n: number }>(`SELECT COUNT(*) AS n FROM statements`).n,
      currentStatements: one<{ n: number }>(`SELECT COUNT(*) AS n FROM statements WHERE last_version IS NULL`)
        .n,
      bySchema,
    };
  }

  async versionMarker(): Promise<string> {
    const row = this.db.prepare(`SELECT COALESCE(MAX(id), 0) AS id, COUNT(*) AS n FROM versions`).get() as {
      id: number;
      n: number;
    };
    return `${row.id}:${row.n}`;
  }

  async isEmpty(): Promise<boolean> {
    return !this.db.prepare(`SELECT 1 FROM versions LIMIT 1`).get();
  }

  async activeEntityIds(dataset: string): Promise<string[]> {
    return this.db
      .prepare(`SELECT id FROM entities WHERE dataset = ? AND last_version IS NULL`)
      .pluck()
      .all(dataset) as string[];
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** Statements of the last version in which each dataset still listed the entity. */
function lastKnown(statements: Statement[]): Statement[] {
  const lastByDataset = new Map<string, string>();
  for (const s of statements) {
    const cur = lastByDataset.get(s.dataset);
    if (!cur || s.lastSeen > cur) lastByDataset.set(s.dataset, s.lastSeen);
  }
  return statements.filter((s) => s.lastSeen === lastByDataset.get(s.dataset));
}

/** The most specific schema compatible with all; the first one when they conflict. */
export function mergeSchemata(schemata: string[]): string {
  let result = schemata[0];
  for (const s of schemata.slice(1)) result = model.commonSchema(result, s) ?? result;
  return result;
}

/** Tuples in the order of their first element (a statement key). */
function byFirst(a: [string, ...unknown[]], b: [string, ...unknown[]]): number {
  return compareIds(a[0], b[0]);
}

/** Binary order of ASCII ids, as SQLite compares the table keys. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function min(values: string[]): string {
  return values.reduce((a, b) => (b < a ? b : a));
}
function max(values: string[]): string {
  return values.reduce((a, b) => (b > a ? b : a));
}

/** What went wrong opening a store file, said in the user's terms (exit 2 on the command line). */
function storeOpenError(path: string, err: unknown): Error {
  const code = (err as { code?: string }).code;
  const why = (err as Error).message;
  if (code === 'SQLITE_NOTADB')
    return new UsageError(`${path} is not a Tangle store (not an SQLite database)`);
  if (code === 'SQLITE_CANTOPEN') return new UsageError(`cannot open the store ${path} (${why})`);
  if (code === 'SQLITE_READONLY') return new UsageError(`the store ${path} is read-only (${why})`);
  if (code?.startsWith('SQLITE_')) return new UsageError(`cannot use the store ${path} (${why})`);
  return err as Error;
}

/**
 * A store opened for reading only. A store in WAL mode needs its shared-memory file beside it,
 * which a read-only folder cannot hold: then the file is read into memory, marked as a plain
 * rollback-journal database (header bytes 18–19), and read from there.
 */
function openReadOnly(path: string): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
    return db;
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_READONLY') && code !== 'SQLITE_CANTOPEN') throw err;
  }
  const bytes = readFileSync(path);
  if (bytes.length > 19 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  return new Database(bytes, { readonly: true });
}
