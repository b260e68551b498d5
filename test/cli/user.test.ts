import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { ROOT, tangle, tempDb } from '../helpers/cli.js';

const SECRET = 'a sturdy admin passphrase';

function tangleWithInput(args: string[], input: string) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'tangle.js'), ...args], {
    encoding: 'utf8',
    cwd: ROOT,
    input,
    env: { ...process.env, TANGLE_NO_BUNDLED: '1', TANGLE_PASSWORD: '' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('tangle user', () => {
  const db = tempDb();

  it('adds the first admin, who can then log in to the API', async () => {
    const r = tangle(['user', 'add', 'boss', '--admin', '--db', db], { TANGLE_PASSWORD: SECRET });
    expect(r.stderr).toBe('');
    expect([r.status, r.stdout]).toEqual([0, 'added boss (admin)\n']);

    const store = new SqliteStore(db);
    const app = await buildApp({ store });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'boss', password: SECRET },
      });
      expect(login.statusCode).toBe(200);
      const cookie = String(login.headers['set-cookie']).split(';')[0];
      const me = await app.inject({ url: '/auth/me', headers: { cookie } });
      expect(me.json().user).toMatchObject({ username: 'boss', role: 'admin' });
      const users = await app.inject({ url: '/users', headers: { cookie } });
      expect(users.statusCode).toBe(200);
      const audit = await app.inject({ url: '/audit?action=user_create', headers: { cookie } });
      expect(audit.json().entries[0]).toMatchObject({
        via: 'cli',
        target: 'boss',
        detail: { role: 'admin' },
        address: null,
      });
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('reads the password from standard input, and refuses weak, missing or duplicate ones', () => {
    const piped = tangleWithInput(
      ['user', 'add', 'reader', '--role', 'analyst', '--password-stdin', '--db', db],
      `${SECRET}\n`,
    );
    expect([piped.status, piped.stdout]).toEqual([0, 'added reader (analyst)\n']);
    const weak = tangle(['user', 'add', 'weak', '--db', db], { TANGLE_PASSWORD: 'abc' });
    expect(weak.status).toBe(2);
    expect(weak.stderr).toMatch(/password: is too short/);
    const empty = tangleWithInput(['user', 'add', 'empty', '--password-stdin', '--db', db], '\n');
    expect([empty.status, empty.stderr]).toEqual([2, 'tangle: password: is empty\n']);
    const none = tangle(['user', 'add', 'nobody', '--db', db], { TANGLE_PASSWORD: '' });
    expect(none.status).toBe(2);
    const unset = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'tangle.js'), 'user', 'add', 'nobody', '--db', db],
      {
        encoding: 'utf8',
        env: Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'TANGLE_PASSWORD')),
        input: '',
      },
    );
    expect([unset.status, unset.stderr]).toEqual([
      2,
      expect.stringMatching(/--password-stdin, or in \$TANGLE_PASSWORD/),
    ]);
    const dup = tangle(['user', 'add', 'BOSS', '--db', db], { TANGLE_PASSWORD: SECRET });
    expect([dup.status, dup.stderr]).toEqual([2, 'tangle: a user named BOSS exists already\n']);
    const role = tangle(['user', 'add', 'x1', '--role', 'owner', '--db', db], { TANGLE_PASSWORD: SECRET });
    expect([role.status, role.stderr]).toEqual([2, 'tangle: --role must be one of viewer, analyst, admin\n']);
    const list = JSON.parse(tangle(['user', 'list', '--db', db, '--json']).stdout);
    expect(list.map((u: { username: string; role: string }) => `${u.username}:${u.role}`)).toEqual([
      'boss:admin',
      'reader:analyst',
    ]);
  });

  it('issues an API key once and revokes it', async () => {
    const made = tangle(['user', 'key', 'reader', '--name', 'batch job', '--db', db]);
    expect(made.status).toBe(0);
    const key = made.stdout.trim();
    expect(key).toMatch(/^tgl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(made.stderr).toMatch(/will not be shown again/);
    const id = key.split('_')[1];
    const listed = tangle(['user', 'keys', 'reader', '--db', db]);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+reader\\s+batch job`));
    expect(listed.stdout).not.toContain(key);

    const store = new SqliteStore(db);
    const app = await buildApp({ store });
    try {
      const me = await app.inject({ url: '/auth/me', headers: { authorization: `ApiKey ${key}` } });
      expect(me.json().user).toMatchObject({ username: 'reader', role: 'analyst' });
      const revoked = tangle(['user', 'revoke-key', id, '--db', db]);
      expect([revoked.status, revoked.stdout]).toEqual([0, `revoked API key ${id} of reader\n`]);
      const after = await app.inject({ url: '/auth/me', headers: { authorization: `ApiKey ${key}` } });
      expect([after.statusCode, after.json().error]).toEqual([401, 'revoked_api_key']);
    } finally {
      await app.close();
      await store.close();
    }
    expect(tangle(['user', 'revoke-key', id, '--db', db]).stderr).toMatch(/revoked already/);
    expect(tangle(['user', 'revoke-key', 'ffffffffffff', '--db', db]).stderr).toMatch(
      /no API key ffffffffffff/,
    );
    expect(tangle(['user', 'key', 'ghost', '--db', db]).stderr).toMatch(/no user named ghost/);
  });
});
