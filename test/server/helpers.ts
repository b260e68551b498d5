/** A server on an in-memory store (or a file) with one user per role, a movable clock, and request helpers. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { SqliteAccountStore } from '../../src/auth/sqlite-accounts.js';
import type { Role } from '../../src/auth/roles.js';
import { importFiles } from '../../src/logic/import.js';
import type { ReaderFactory } from '../../src/logic/reader-factory.js';
import { buildApp } from '../../src/server/app.js';
import { serverConfig, type ServerConfig } from '../../src/server/config.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ROOT } from '../helpers/cli.js';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');
export const SDN_V1 = join(FIXTURES, 'sdn-2024-05-02.csv');
export const PASSWORD = 'long enough secret 42';

export type ConfigOverrides = Parameters<typeof serverConfig>[0];

export interface TestServer {
  app: FastifyInstance;
  store: SqliteStore;
  accounts: SqliteAccountStore;
  config: ServerConfig;
  /** Move the accounts' clock forward (it otherwise follows the real one). */
  advance(ms: number): void;
  /** Log in as one of the users: the session cookie and the CSRF token. */
  login(username: string): Promise<{ cookie: string; csrf: string }>;
  /** A fresh API key for one of the users. */
  keyFor(username: string): Promise<string>;
}

export async function testServer(
  options: {
    config?: ConfigOverrides;
    users?: Role[];
    withData?: boolean;
    readerFactory?: ReaderFactory;
    /** A store file (default: an in-memory store). */
    storePath?: string;
  } = {},
): Promise<TestServer> {
  const store = new SqliteStore(options.storePath ?? ':memory:');
  let offset = 0;
  const config = serverConfig({ rateLimit: { login: 1000 }, ...options.config });
  const accounts = new SqliteAccountStore(store.db, {
    now: () => Date.now() + offset,
    sessionTtlMs: config.sessionTtlMs,
    sessionIdleMs: config.sessionIdleMs,
  });
  await Promise.all(
    (options.users ?? ['viewer', 'analyst', 'admin']).map((role) =>
      accounts.createUser({ username: role, password: PASSWORD, role }),
    ),
  );
  if (options.withData) await importFiles(store, { format: 'ofac-csv', paths: [SDN_V1] });
  const app = await buildApp({ store, accounts, config, readerFactory: options.readerFactory });
  return {
    app,
    store,
    accounts,
    config,
    advance: (ms) => {
      offset += ms;
    },
    async login(username) {
      const r = await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username, password: PASSWORD },
      });
      if (r.statusCode !== 200) throw new Error(`login of ${username} failed: ${r.body}`);
      return { cookie: sessionCookie(r), csrf: r.json().csrfToken as string };
    },
    async keyFor(username) {
      const user = await accounts.getUser(username);
      return (await accounts.createApiKey(user!.id, 'test')).key;
    },
  };
}

/** `tangle_session=…` from a response's Set-Cookie header. */
export function sessionCookie(r: LightMyRequestResponse): string {
  const header = r.headers['set-cookie'];
  const all = Array.isArray(header) ? header : header ? [header] : [];
  const found = all.find((c) => c.startsWith('tangle_session='));
  if (!found) throw new Error('no session cookie in the response');
  return found.split(';')[0];
}

export function apiKeyHeader(key: string): Record<string, string> {
  return { authorization: `ApiKey ${key}` };
}

export interface UploadFile {
  name: string;
  content: Buffer | string;
}

/** A multipart/form-data body with text fields and files. */
export function multipart(
  fields: Record<string, string>,
  files: UploadFile[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tangle${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
