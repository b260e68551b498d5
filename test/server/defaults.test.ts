/**
 * The server as a new user starts it: no TANGLE_* variable at all. Logging in must keep the user
 * logged in, and a real list must upload. (The rest of the suite sets these values itself, which
 * is how wrong defaults went unnoticed.)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, DEFAULT_CONFIG } from '../../src/server/config.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const BIN = join(ROOT, 'bin', 'tangle.js');
const UN_XML = join(ROOT, 'data', 'un', 'un-consolidated-2026-02-27.xml.gz');
const PASSWORD = 'a long enough first password';
/** Only what a shell always has: no TANGLE_* setting. */
const BARE_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin' };

describe('configuration with no environment', () => {
  it('is the documented defaults, in milliseconds and bytes', () => {
    const config = configFromEnv({});
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config.sessionTtlMs).toBe(12 * 3600 * 1000);
    expect(config.sessionIdleMs).toBe(2 * 3600 * 1000);
    expect(config.uploadFileLimit).toBe(256 * 1024 * 1024);
    expect(configFromEnv({ TANGLE_SESSION_HOURS: '1', TANGLE_UPLOAD_MB: '2' })).toMatchObject({
      sessionTtlMs: 3600_000,
      uploadFileLimit: 2 * 1024 * 1024,
    });
  });
});

describe('tangle serve with no environment', () => {
  const dir = tempDir('tangle-test-defaults-');
  const db = join(dir, 'store.sqlite');
  let server: ChildProcess;
  let base = '';

  beforeAll(async () => {
    const add = spawnSync(
      process.execPath,
      [BIN, 'user', 'add', 'ana', '--admin', '--password-stdin', '--db', db, '--no-bundled'],
      { input: `${PASSWORD}\n`, env: BARE_ENV, encoding: 'utf8' },
    );
    expect(add.status, add.stderr).toBe(0);
    server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', db, '--no-bundled'], {
      env: BARE_ENV,
    });
    base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
  });
  afterAll(() => {
    server?.kill();
  });

  it('logs in, stays logged in, uploads the real UN list and screens it', async () => {
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ana', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { csrfToken, expiresAt } = (await login.json()) as { csrfToken: string; expiresAt: string };
    const setCookie = login.headers.get('set-cookie') ?? '';
    const maxAge = Number(/Max-Age=(\d+)/i.exec(setCookie)?.[1]);
    expect(maxAge).toBeGreaterThan(11 * 3600);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(11 * 3600_000);
    const cookie = setCookie.split(';')[0]!;

    const me = await fetch(`${base}/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe('ana');

    const form = new FormData();
    form.append('format', 'un-xml');
    form.append('files', new Blob([readFileSync(UN_XML)]), 'un-consolidated-2026-02-27.xml.gz');
    const upload = await fetch(`${base}/datasets/un_sc_sanctions/import`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken },
      body: form,
    });
    const imported = (await upload.json()) as { entities: number; version: string };
    expect(upload.status, JSON.stringify(imported)).toBe(201);
    expect(imported.version).toBe('2026-02-27');
    expect(imported.entities).toBeGreaterThan(1000);

    // The index is rebuilt in the background after an import: ask until it answers from the list.
    let caption: string | undefined;
    for (let i = 0; i < 100 && !caption; i++) {
      const r = await fetch(`${base}/match/default`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          queries: { q: { schema: 'Person', properties: { name: ['Aiman al-Zawahiri'] } } },
        }),
      });
      const body = (await r.json()) as { responses: { q: { results: Array<{ caption: string }> } } };
      caption = body.responses.q.results[0]?.caption;
      if (!caption) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(caption).toMatch(/ZAWAHIRI/i);
  });
});
