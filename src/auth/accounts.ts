/**
 * Accounts and what hangs off them: users with roles, login sessions, API keys, the audit log of
 * every write, and analysts' comments on entities.
 *
 * Asynchronous like the Store, so that a PostgreSQL implementation can stand beside the SQLite one.
 * Secrets (passwords, session tokens, API keys) are never stored as given: passwords as scrypt
 * hashes, tokens and keys as SHA-256 digests.
 */
import type { Role } from './roles.js';

export interface User {
  id: number;
  username: string;
  role: Role;
  createdAt: string;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
}

export interface Session {
  id: number;
  userId: number;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

/** A session as handed out at login: the token goes into the cookie and is never stored. */
export interface NewSession extends Session {
  token: string;
  csrfToken: string;
}

export type SessionLookup =
  { ok: true; user: User; session: Session } | { ok: false; reason: 'unknown' | 'expired' | 'idle' };

export interface ApiKeyInfo {
  id: string;
  userId: number;
  username: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key as shown once at creation. */
export interface NewApiKey extends ApiKeyInfo {
  key: string;
}

export type ApiKeyLookup =
  { ok: true; user: User; key: ApiKeyInfo } | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' };

export type AuditVia = 'session' | 'api_key' | 'cli' | 'anonymous';

export interface AuditEntry {
  id: number;
  at: string;
  /** Username of whoever did it; null for anonymous requests (e.g. a failed login). */
  actor: string | null;
  via: AuditVia;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  /** The client's address (null for the command line). */
  address: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'>;

export interface AuditQuery {
  action?: string;
  actor?: string;
  limit?: number;
  offset?: number;
}

export interface Comment {
  id: number;
  entityId: string;
  author: string;
  createdAt: string;
  text: string;
}

export const COMMENT_MAX_LENGTH = 4000;

export interface AccountStore {
  /** Throws FieldError for a bad username or weak password, ConflictError for a taken username. */
  createUser(user: NewUser): Promise<User>;
  getUser(username: string): Promise<User | undefined>;
  listUsers(): Promise<User[]>;
  /** The user when the password is right; undefined for a wrong password or unknown user alike. */
  authenticate(username: string, password: string): Promise<User | undefined>;

  createSession(userId: number): Promise<NewSession>;
  /** Finds the session of a token, refreshing its idle timer; expired sessions are deleted. */
  lookupSession(token: string): Promise<SessionLookup>;
  endSession(token: string): Promise<void>;

  createApiKey(userId: number, name: string): Promise<NewApiKey>;
  listApiKeys(filter?: { userId?: number }): Promise<ApiKeyInfo[]>;
  getApiKey(id: string): Promise<ApiKeyInfo | undefined>;
  /** Marks the key revoked; false when there is no such key or it was already revoked. */
  revokeApiKey(id: string): Promise<boolean>;
  /** Checks a key as presented by a client, recording when it was last used. */
  lookupApiKey(key: string): Promise<ApiKeyLookup>;

  recordAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  listAudit(query?: AuditQuery): Promise<AuditEntry[]>;

  /** Throws FieldError when the text is empty or longer than COMMENT_MAX_LENGTH. */
  addComment(comment: { entityId: string; userId: number; text: string }): Promise<Comment>;
  /** Oldest first. */
  listComments(entityId: string, page?: { limit?: number; offset?: number }): Promise<Comment[]>;
}
