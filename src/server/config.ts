/**
 * Server settings, with defaults suited to one analyst on localhost and environment variables to
 * change them (TANGLE_*). A bad value is an error naming the variable, not a silent default.
 */
import { UsageError } from '../errors.js';
import { DEFAULT_MAX_REMOVAL_SHARE, removalShareFromEnv } from '../logic/removal-guard.js';

export type ReadAccess = 'open' | 'login';

export interface RateLimitConfig {
  /** Length of the window the counts below apply to. */
  windowMs: number;
  /** Requests per window from one address without an API key (0: no limit). */
  perAddress: number;
  /** Requests per window made with one API key (0: no limit). */
  perKey: number;
  /** Login attempts per window from one address (0: no limit). */
  login: number;
}

export interface ServerConfig {
  /** `open`: anyone may read; `login`: reading needs a session or an API key too. */
  readAccess: ReadAccess;
  /** Mark the session cookie Secure (serve over HTTPS, or behind a proxy that does). */
  secureCookies: boolean;
  /** Trust X-Forwarded-For from a reverse proxy when telling client addresses apart. */
  trustProxy: boolean;
  sessionTtlMs: number;
  sessionIdleMs: number;
  /** Largest JSON request body, in bytes. */
  bodyLimit: number;
  /** Largest uploaded list file, in bytes, and how many files one upload may carry. */
  uploadFileLimit: number;
  uploadMaxFiles: number;
  /** Where uploads are kept while they are imported (default: the system's temporary directory). */
  uploadDir: string | undefined;
  /** Largest share of a dataset's active entities one uploaded version may remove (removal-guard.ts). */
  maxRemovalShare: number;
  /** Most queries one /match request may carry. */
  maxMatchQueries: number;
  rateLimit: RateLimitConfig;
  /**
   * Pair `GET /xref` in a worker thread that opens the store file read-only (file-backed SQLite
   * stores only); false, or an in-memory store, pairs in short slices on the event loop.
   */
  xrefWorker: boolean;
}

export const DEFAULT_CONFIG: ServerConfig = {
  readAccess: 'open',
  secureCookies: false,
  trustProxy: false,
  sessionTtlMs: 12 * 3600_000,
  sessionIdleMs: 2 * 3600_000,
  bodyLimit: 1024 * 1024,
  uploadFileLimit: 256 * 1024 * 1024,
  uploadMaxFiles: 8,
  uploadDir: undefined,
  maxRemovalShare: DEFAULT_MAX_REMOVAL_SHARE,
  maxMatchQueries: 100,
  rateLimit: { windowMs: 60_000, perAddress: 600, perKey: 3000, login: 10 },
  xrefWorker: true,
};

/** Settings with everything not given taken from the defaults (nested rate limits too). */
export function serverConfig(
  overrides: Partial<Omit<ServerConfig, 'rateLimit'>> & { rateLimit?: Partial<RateLimitConfig> } = {},
): ServerConfig {
  return {
    ...DEFAULT_CONFIG,
    ...overrides,
    rateLimit: { ...DEFAULT_CONFIG.rateLimit, ...overrides.rateLimit },
  };
}

/**
 * A number from the environment, in the variable's unit (hours, minutes, MiB), converted by
 * `scale` into the unit the setting is kept in (ms, bytes); `fallback` is in the variable's unit
 * too, and is converted the same way.
 */
function numberVar(env: NodeJS.ProcessEnv, name: string, fallback: number, scale = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return Math.round(fallback * scale);
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} must be a number ≥ 0, not "${raw}"`);
  return Math.round(n * scale);
}

function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new UsageError(`${name} must be true or false, not "${raw}"`);
}

/**
 * Settings from the environment: TANGLE_READ_ACCESS (open|login), TANGLE_SECURE_COOKIES,
 * TANGLE_TRUST_PROXY, TANGLE_SESSION_HOURS, TANGLE_SESSION_IDLE_MINUTES, TANGLE_UPLOAD_MB, TANGLE_UPLOAD_DIR,
 * TANGLE_RATE_LIMIT (per minute per address), TANGLE_KEY_RATE_LIMIT (per minute per API key),
 * TANGLE_LOGIN_RATE_LIMIT (login attempts per minute per address), TANGLE_MAX_REMOVAL_SHARE (share of
 * a dataset's active entities an uploaded version may remove, 0.1 or 10%).
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const read = env.TANGLE_READ_ACCESS || DEFAULT_CONFIG.readAccess;
  if (read !== 'open' && read !== 'login') {
    throw new UsageError(`TANGLE_READ_ACCESS must be "open" or "login", not "${read}"`);
  }
  const d = DEFAULT_CONFIG;
  const minute = 60_000;
  const sessionTtlMs = numberVar(env, 'TANGLE_SESSION_HOURS', d.sessionTtlMs / 3600_000, 3600_000);
  const sessionIdleMs = numberVar(env, 'TANGLE_SESSION_IDLE_MINUTES', d.sessionIdleMs / minute, minute);
  if (!sessionTtlMs || !sessionIdleMs) throw new UsageError('session lifetimes must be greater than 0');
  return serverConfig({
    readAccess: read,
    secureCookies: boolVar(env, 'TANGLE_SECURE_COOKIES', d.secureCookies),
    trustProxy: boolVar(env, 'TANGLE_TRUST_PROXY', d.trustProxy),
    sessionTtlMs,
    sessionIdleMs,
    uploadDir: env.TANGLE_UPLOAD_DIR || undefined,
    maxRemovalShare: removalShareFromEnv(env),
    uploadFileLimit: numberVar(env, 'TANGLE_UPLOAD_MB', d.uploadFileLimit / 2 ** 20, 2 ** 20),
    rateLimit: {
      windowMs: minute,
      perAddress: numberVar(env, 'TANGLE_RATE_LIMIT', d.rateLimit.perAddress),
      perKey: numberVar(env, 'TANGLE_KEY_RATE_LIMIT', d.rateLimit.perKey),
      login: numberVar(env, 'TANGLE_LOGIN_RATE_LIMIT', d.rateLimit.login),
    },
  });
}
