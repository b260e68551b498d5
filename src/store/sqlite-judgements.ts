/**
 * The resolver's state in the store's SQLite file (tables resolver_judgements, resolver_canonical,
 * resolver_log), sharing the better-sqlite3 connection of the SqliteStore, as the account tables do.
 */
import type Database from 'better-sqlite3';
import { UsageError } from '../errors.js';
import type { Judgement, JudgementStore, LogEntry } from '../resolve/judgements.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';
import { ensureSchemaVersion, ensureTables } from './schema-version.js';

const RESOLVER_SCHEMA_VERSION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS resolver_judgements (
  left_id TEXT NOT NULL,
  right_id TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('same', 'different', 'unsure')),
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('manual', 'auto', 'import')),
  reason TEXT,
  PRIMARY KEY (left_id, right_id),
  CHECK (left_id < right_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS resolver_judgements_right ON resolver_judgements (right_id);
CREATE TABLE IF NOT EXISTS resolver_canonical (
  member_id TEXT PRIMARY KEY,
  canonical_id TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS resolver_canonical_id ON resolver_canonical (canonical_id);
CREATE TABLE IF NOT EXISTS resolver_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  action TEXT NOT NULL,
  left_id TEXT,
  right_id TEXT,
  decision TEXT,
  detail TEXT
);
`;

interface JudgementRow {
  left_id: string;
  right_id: string;
  decision: Judgement['decision'];
  author: string;
  at: string;
  method: Judgement['method'];
  reason: string | null;
}

export class SqliteJudgementStore implements JudgementStore {
  constructor(private readonly db: Database.Database) {
    ensureTables(db, DDL);
    ensureSchemaVersion(db, 'resolver_schema_version', RESOLVER_SCHEMA_VERSION, 'the resolver tables');
  }

  judgements(): Judgement[] {
    const rows = this.db
      .prepare(`SELECT * FROM resolver_judgements ORDER BY left_id, right_id`)
      .all() as JudgementRow[];
    return rows.map((r) => ({
      left: r.left_id,
      right: r.right_id,
      decision: r.decision,
      user: r.author,
      at: r.at,
      method: r.method,
      reason: r.reason,
    }));
  }

  canonicalIds(): Map<string, string> {
    const rows = this.db.prepare(`SELECT member_id, canonical_id FROM resolver_canonical`).all() as Array<{
      member_id: string;
      canonical_id: string;
    }>;
    return new Map(rows.map((r) => [r.member_id, r.canonical_id]));
  }

  commit(change: Parameters<JudgementStore['commit']>[0]): void {
    const upsert = this.db.prepare(
      `INSERT INTO resolver_judgements (left_id, right_id, decision, author, at, method, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (left_id, right_id) DO UPDATE SET decision = excluded.decision, author = excluded.author,
         at = excluded.at, method = excluded.method, reason = excluded.reason`,
    );
    const remove = this.db.prepare(`DELETE FROM resolver_judgements WHERE left_id = ? AND right_id = ?`);
    const addCanonical = this.db.prepare(
      `INSERT INTO resolver_canonical (member_id, canonical_id) VALUES (?, ?)`,
    );
    const addLog = this.db.prepare(
      `INSERT INTO resolver_log (at, author, action, left_id, right_id, decision, detail) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      for (const [l, r] of change.deletes) remove.run(l, r);
      for (const j of change.upserts)
        upsert.run(j.left, j.right, j.decision, j.user, j.at, j.method, j.reason);
      this.db.prepare(`DELETE FROM resolver_canonical`).run();
      for (const [member, canonical] of change.canonical) addCanonical.run(member, canonical);
      for (const e of change.log) addLog.run(e.at, e.user, e.action, e.left, e.right, e.decision, e.detail);
    })();
  }

  marker(): string {
    const row = this.db.prepare(`SELECT COALESCE(MAX(id), 0) AS id FROM resolver_log`).get() as {
      id: number;
    };
    return String(row.id);
  }

  /** Which of these ids are entities of the store (current or delisted). */
  knownIds(ids: Iterable<string>): Set<string> {
    const one = this.db.prepare(`SELECT 1 FROM entities WHERE id = ? LIMIT 1`);
    const known = new Set<string>();
    for (const id of ids) if (one.get(id)) known.add(id);
    return known;
  }

  log(limit = 1000): LogEntry[] {
    const rows = this.db
      .prepare(
        `SELECT at, author, action, left_id, right_id, decision, detail FROM resolver_log ORDER BY id DESC LIMIT ?`,
      )
      .all(limit) as Array<{
      at: string;
      author: string;
      action: LogEntry['action'];
      left_id: string | null;
      right_id: string | null;
      decision: string | null;
      detail: string | null;
    }>;
    return rows.map((r) => ({
      at: r.at,
      user: r.author,
      action: r.action,
      left: r.left_id,
      right: r.right_id,
      decision: r.decision,
      detail: r.detail,
    }));
  }
}

const opened = new WeakMap<SqliteStore, SqliteJudgementStore>();

/** The judgement tables beside a list store (same SQLite file). */
export function openJudgements(store: Store): JudgementStore {
  if (store instanceof SqliteStore) {
    let js = opened.get(store);
    if (!js) opened.set(store, (js = new SqliteJudgementStore(store.db)));
    return js;
  }
  throw new UsageError('entity resolution is only supported on the embedded SQLite store so far');
}
