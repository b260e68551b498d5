/**
 * Accounts in the same SQLite file as the lists (tables users, sessions, api_keys, audit_log,
 * comments), sharing the better-sqlite3 connection of the SqliteStore.
 *
 * Times are ISO strings in answers; sessions also keep epoch milliseconds for cheap expiry checks.
 * The clock can be replaced, so tests can move time forward past an expiry.
 */
import type Database from 'better-sqlite3';
import { ConflictError, FieldError, UsageError } from '../errors.js';
import type {
  AccountStore,
  ApiKeyInfo,
  ApiKeyLookup,
  AuditEntry,
  AuditQuery,
  Comment,
  NewApiKey,
  NewAuditEntry,
  NewSession,
  NewUser,
  Session,
  SessionLookup,
  User,
} from './accounts.js';
import { COMMENT_MAX_LENGTH } from './accounts.js';
import { checkPasswordStrength, decoyHash, hashPassword, verifyPassword } from './passwords.js';
import { ensureSchemaVersion } from '../store/schema-version.js';
import { isRole } from './roles.js';
import { apiKeyId, csrfTokenFor, newApiKey, randomToken, safeEqual, sha256 } from './tokens.js';

const ACCOUNTS_SCHEMA_VERSION = 1;

const DDL = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_ms INTEGER NOT NULL,
  expires_ms INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  key_hash TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT,
  via TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT,
  detail TEXT,
  address TEXT
);
CREATE INDEX IF NOT EXISTS audit_log_action ON audit_log (action);
CREATE TABLE IF NOT EXISTS comments (
  id INTEGER PRIMARY KEY,
  entity_id TEXT NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id),
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_entity ON comments (entity_id, id);
`;

const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/;

export interface AccountStoreOptions {
  /** A session ends this long after login, whatever happens (default 12 hours). */
  sessionTtlMs?: number;
  /** A session ends after this long without a request (default 2 hours). */
  sessionIdleMs?: number;
  /** The clock, in epoch milliseconds (tests move it). */
  now?: () => number;
}

interface UserRow {
  id: number;
  username: string;
  role: string;
  password_hash: string;
  created_at: string;
}

interface KeyRow {
  id: string;
  key_hash: string;
  user_id: number;
  username: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

interface SessionRow {
  id: number;
  user_id: number;
  created_ms: number;
  expires_ms: number;
  last_seen_ms: number;
}

/** Last-used and last-seen times are written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

const iso = (ms: number) => new Date(ms).toISOString();

function toUser(row: UserRow): User {
  if (!isRole(row.role)) throw new Error(`user ${row.username} has an unknown role ${row.role}`);
  return { id: row.id, username: row.username, role: row.role, createdAt: row.created_at };
}

function toKey(row: KeyRow): ApiKeyInfo {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

function toSession(row: SessionRow): Session {
  return {
    id: row.id,
    userId: row.user_id,
    createdAt: iso(row.created_ms),
    expiresAt: iso(row.expires_ms),
    lastSeenAt: iso(row.last_seen_ms),
  };
}

export function checkUsername(username: string): void {
  if (!USERNAME_RE.test(username)) {
    throw new FieldError(
      'username',
      'must be 2-64 characters: letters, digits and . _ @ -, starting with a letter or digit',
    );
  }
}

export class SqliteAccountStore implements AccountStore {
  readonly sessionTtlMs: number;
  readonly sessionIdleMs: number;
  private readonly now: () => number;

  constructor(
    private readonly db: Database.Database,
    options: AccountStoreOptions = {},
  ) {
    this.sessionTtlMs = options.sessionTtlMs ?? 12 * 3600_000;
    this.sessionIdleMs = options.sessionIdleMs ?? 2 * 3600_000;
    this.now = options.now ?? Date.now;
    db.exec(DDL);
    ensureSchemaVersion(db, 'accounts_schema_version', ACCOUNTS_SCHEMA_VERSION, 'the accounts tables');
  }

  async createUser(input: NewUser): Promise<User> {
    checkUsername(input.username);
    if (!isRole(input.role)) throw new FieldError('role', 'must be one of viewer, analyst, admin');
    checkPasswordStrength(input.password, input.username);
    if (this.db.prepare(`SELECT 1 FROM users WHERE username = ?`).get(input.username)) {
      throw new ConflictError(`a user named ${input.username} exists already`);
    }
    const hash = await hashPassword(input.password);
    const createdAt = iso(this.now());
    try {
      const id = Number(
        this.db
          .prepare(`INSERT INTO users (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)`)
          .run(input.username, input.role, hash, createdAt).lastInsertRowid,
      );
      return { id, username: input.username, role: input.role, createdAt };
    } catch (err) {
      // Another process may have taken the name while the password was being hashed.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new ConflictError(`a user named ${input.username} exists already`);
      }
      throw err;
    }
  }

  async getUser(username: string): Promise<User | undefined> {
    const row = this.db.prepare(`SELECT * FROM users WHERE username = ?`).get(username) as
      UserRow | undefined;
    return row && toUser(row);
  }

  private userById(id: number): User | undefined {
    const row = this.db.prepare(`SELECT * FROM users WHERE id = ?`).get(id) as UserRow | undefined;
    return row && toUser(row);
  }

  async listUsers(): Promise<User[]> {
    return (this.db.prepare(`SELECT * FROM users ORDER BY username`).all() as UserRow[]).map(toUser);
  }

  async authenticate(username: string, password: string): Promise<User | undefined> {
    const row = this.db.prepare(`SELECT * FROM users WHERE username = ?`).get(username) as
      UserRow | undefined;
    if (!row) {
      await verifyPassword(password, await decoyHash());
      return undefined;
    }
    return (await verifyPassword(password, row.password_hash)) ? toUser(row) : undefined;
  }

  async createSession(userId: number): Promise<NewSession> {
    const now = this.now();
    this.db
      .prepare(`DELETE FROM sessions WHERE expires_ms <= ? OR last_seen_ms <= ?`)
      .run(now, now - this.sessionIdleMs);
    const token = randomToken(32);
    const expires = now + this.sessionTtlMs;
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO sessions (token_hash, user_id, created_ms, expires_ms, last_seen_ms) VALUES (?, ?, ?, ?, ?)`,
        )
        .run(sha256(token), userId, now, expires, now).lastInsertRowid,
    );
    return {
      id,
      userId,
      createdAt: iso(now),
      expiresAt: iso(expires),
      lastSeenAt: iso(now),
      token,
      csrfToken: csrfTokenFor(token),
    };
  }

  async lookupSession(token: string): Promise<SessionLookup> {
    const row = this.db.prepare(`SELECT * FROM sessions WHERE token_hash = ?`).get(sha256(token)) as
      SessionRow | undefined;
    if (!row) return { ok: false, reason: 'unknown' };
    const now = this.now();
    const reason =
      now >= row.expires_ms ? 'expired' : now - row.last_seen_ms >= this.sessionIdleMs ? 'idle' : null;
    if (reason) {
      this.db.prepare(`DELETE FROM sessions WHERE id = ?`).run(row.id);
      return { ok: false, reason };
    }
    const user = this.userById(row.user_id);
    if (!user) return { ok: false, reason: 'unknown' };
    if (now - row.last_seen_ms >= TOUCH_INTERVAL_MS) {
      this.db.prepare(`UPDATE sessions SET last_seen_ms = ? WHERE id = ?`).run(now, row.id);
      row.last_seen_ms = now;
    }
    return { ok: true, user, session: toSession(row) };
  }

  async endSession(token: string): Promise<void> {
    this.db.prepare(`DELETE FROM sessions WHERE token_hash = ?`).run(sha256(token));
  }

  async createApiKey(userId: number, name: string): Promise<NewApiKey> {
    const user = this.userById(userId);
    if (!user) throw new UsageError(`no user with id ${userId}`);
    const label = name.trim();
    if (label.length > 100) throw new FieldError('name', 'is longer than 100 characters');
    const { id, key } = newApiKey();
    const createdAt = iso(this.now());
    this.db
      .prepare(`INSERT INTO api_keys (id, key_hash, user_id, name, created_at) VALUES (?, ?, ?, ?, ?)`)
      .run(id, sha256(key), userId, label, createdAt);
    return {
      id,
      key,
      userId,
      username: user.username,
      name: label,
      createdAt,
      lastUsedAt: null,
      revokedAt: null,
    };
  }

  private keyRows(where: string, ...params: unknown[]): KeyRow[] {
    return this.db
      .prepare(
        `SELECT k.*, u.username FROM api_keys k JOIN users u ON u.id = k.user_id ${where} ORDER BY k.created_at, k.id`,
      )
      .all(...params) as KeyRow[];
  }

  async listApiKeys(filter: { userId?: number } = {}): Promise<ApiKeyInfo[]> {
    const rows =
      filter.userId === undefined ? this.keyRows('') : this.keyRows('WHERE k.user_id = ?', filter.userId);
    return rows.map(toKey);
  }

  async getApiKey(id: string): Promise<ApiKeyInfo | undefined> {
    const [row] = this.keyRows('WHERE k.id = ?', id);
    return row && toKey(row);
  }

  async revokeApiKey(id: string): Promise<boolean> {
    const r = this.db
      .prepare(`UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL`)
      .run(iso(this.now()), id);
    return r.changes > 0;
  }

  async lookupApiKey(key: string): Promise<ApiKeyLookup> {
    const id = apiKeyId(key);
    if (!id) return { ok: false, reason: 'malformed' };
    const [row] = this.keyRows('WHERE k.id = ?', id);
    if (!row || !safeEqual(sha256(key), row.key_hash)) return { ok: false, reason: 'unknown' };
    if (row.revoked_at) return { ok: false, reason: 'revoked' };
    const user = this.userById(row.user_id);
    if (!user) return { ok: false, reason: 'unknown' };
    const now = this.now();
    if (!row.last_used_at || now - Date.parse(row.last_used_at) >= TOUCH_INTERVAL_MS) {
      row.last_used_at = iso(now);
      this.db.prepare(`UPDATE api_keys SET last_used_at = ? WHERE id = ?`).run(row.last_used_at, id);
    }
    return { ok: true, user, key: toKey(row) };
  }

  async recordAudit(entry: NewAuditEntry): Promise<AuditEntry> {
    const at = iso(this.now());
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO audit_log (at, actor, via, action, target, detail, address) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          at,
          entry.actor,
          entry.via,
          entry.action,
          entry.target,
          entry.detail ? JSON.stringify(entry.detail) : null,
          entry.address,
        ).lastInsertRowid,
    );
    return { id, at, ...entry };
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.action) {
      where.push('action = ?');
      params.push(query.action);
    }
    if (query.actor) {
      where.push('actor = ? COLLATE NOCASE');
      params.push(query.actor);
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ? OFFSET ?`,
      )
      .all(...params, query.limit ?? 100, query.offset ?? 0) as Array<
      Omit<AuditEntry, 'detail'> & { detail: string | null }
    >;
    return rows.map((r) => ({
      ...r,
      detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null,
    }));
  }

  async addComment(input: { entityId: string; userId: number; text: string }): Promise<Comment> {
    const text = input.text.trim();
    if (!text) throw new FieldError('text', 'is empty');
    if (text.length > COMMENT_MAX_LENGTH)
      throw new FieldError('text', `is longer than ${COMMENT_MAX_LENGTH} characters`);
    const user = this.userById(input.userId);
    if (!user) throw new UsageError(`no user with id ${input.userId}`);
    const createdAt = iso(this.now());
    const id = Number(
      this.db
        .prepare(`INSERT INTO comments (entity_id, user_id, author, created_at, text) VALUES (?, ?, ?, ?, ?)`)
        .run(input.entityId, user.id, user.username, createdAt, text).lastInsertRowid,
    );
    return { id, entityId: input.entityId, author: user.username, createdAt, text };
  }

  async listComments(entityId: string, page: { limit?: number; offset?: number } = {}): Promise<Comment[]> {
    const rows = this.db
      .prepare(
        `SELECT id, entity_id, author, created_at, text FROM comments WHERE entity_id = ? ORDER BY id LIMIT ? OFFSET ?`,
      )
      .all(entityId, page.limit ?? 200, page.offset ?? 0) as Array<{
      id: number;
      entity_id: string;
      author: string;
      created_at: string;
      text: string;
    }>;
    return rows.map((r) => ({
      id: r.id,
      entityId: r.entity_id,
      author: r.author,
      createdAt: r.created_at,
      text: r.text,
    }));
  }
}
