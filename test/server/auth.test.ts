import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeader, PASSWORD, sessionCookie, testServer, type TestServer } from './helpers.js';

const ENTITY = 'us_ofac_sdn-22790';
let t: TestServer;
const keys: Record<string, string> = {};

beforeAll(async () => {
  t = await testServer({ withData: true });
  for (const role of ['viewer', 'analyst', 'admin']) keys[role] = await t.keyFor(role);
});
afterAll(async () => {
  await t.app.close();
  await t.store.close();
});

describe('who may call what (API keys, no CSRF needed)', () => {
  let n = 0;
  const routes: Array<{
    name: string;
    request: () => { method: 'GET' | 'POST' | 'DELETE'; url: string; payload?: unknown };
    expect: [anonymous: number, viewer: number, analyst: number, admin: number];
  }> = [
    {
      name: 'GET /datasets',
      request: () => ({ method: 'GET', url: '/datasets' }),
      expect: [200, 200, 200, 200],
    },
    {
      name: 'GET /entities/{id}',
      request: () => ({ method: 'GET', url: `/entities/${ENTITY}` }),
      expect: [200, 200, 200, 200],
    },
    {
      name: 'GET /entities/{id}/comments',
      request: () => ({ method: 'GET', url: `/entities/${ENTITY}/comments` }),
      expect: [200, 200, 200, 200],
    },
    {
      name: 'POST /entities/{id}/comments',
      request: () => ({
        method: 'POST',
        url: `/entities/${ENTITY}/comments`,
        payload: { text: 'matrix check' },
      }),
      expect: [401, 403, 201, 201],
    },
    {
      name: 'GET /auth/me',
      request: () => ({ method: 'GET', url: '/auth/me' }),
      expect: [401, 200, 200, 200],
    },
    {
      name: 'GET /auth/keys',
      request: () => ({ method: 'GET', url: '/auth/keys' }),
      expect: [401, 200, 200, 200],
    },
    {
      name: 'GET /auth/keys?all=true',
      request: () => ({ method: 'GET', url: '/auth/keys?all=true' }),
      expect: [401, 403, 403, 200],
    },
    {
      name: 'POST /auth/keys',
      request: () => ({ method: 'POST', url: '/auth/keys', payload: { name: 'matrix' } }),
      expect: [401, 201, 201, 201],
    },
    { name: 'GET /users', request: () => ({ method: 'GET', url: '/users' }), expect: [401, 403, 403, 200] },
    {
      name: 'POST /users',
      request: () => ({
        method: 'POST',
        url: '/users',
        payload: { username: `matrix${++n}`, password: PASSWORD, role: 'viewer' },
      }),
      expect: [401, 403, 403, 201],
    },
    { name: 'GET /audit', request: () => ({ method: 'GET', url: '/audit' }), expect: [401, 403, 403, 200] },
    // JSON instead of multipart: an admin gets past the access check and is told to send a form.
    {
      name: 'POST /datasets/{name}/import',
      request: () => ({ method: 'POST', url: '/datasets/x/import', payload: { format: 'ofac-csv' } }),
      expect: [401, 403, 403, 415],
    },
  ];

  for (const route of routes) {
    it(route.name, async () => {
      const got: number[] = [];
      for (const who of ['anonymous', 'viewer', 'analyst', 'admin']) {
        const headers = who === 'anonymous' ? {} : apiKeyHeader(keys[who]);
        const r = await t.app.inject({ ...route.request(), headers } as never);
        got.push(r.statusCode);
        if (r.statusCode === 401) expect(r.json().error).toBe('unauthorized');
        if (r.statusCode === 403)
          expect(r.json()).toMatchObject({ error: 'forbidden', detail: expect.stringContaining('role') });
      }
      expect(got).toEqual(route.expect);
    });
  }
});

describe('API keys', () => {
  it('accepts ApiKey and Bearer, and refuses a wrong or malformed key even where reading is open', async () => {
    const me = await t.app.inject({ url: '/auth/me', headers: { authorization: `Bearer ${keys.viewer}` } });
    expect(me.json()).toMatchObject({ user: { username: 'viewer', role: 'viewer' }, via: 'api_key' });
    const wrong = keys.viewer.slice(0, -4) + 'AAAA';
    const r = await t.app.inject({ url: '/datasets', headers: apiKeyHeader(wrong) });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toEqual({ error: 'invalid_api_key', detail: 'the API key is not valid' });
    const made = await t.app.inject({
      url: '/datasets',
      headers: apiKeyHeader('tgl_000000000000_' + 'x'.repeat(43)),
    });
    expect(made.json().error).toBe('invalid_api_key');
    const bad = await t.app.inject({ url: '/datasets', headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect([bad.statusCode, bad.json().error]).toEqual([401, 'malformed_authorization']);
    // Public routes do not care.
    expect((await t.app.inject({ url: '/healthz', headers: apiKeyHeader(wrong) })).statusCode).toBe(200);
  });

  it('shows a new key once, lists keys without secrets, records last use', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/auth/keys',
      headers: apiKeyHeader(keys.analyst),
      payload: { name: 'nightly screening' },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.key).toMatch(/^tgl_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({
      name: 'nightly screening',
      username: 'analyst',
      lastUsedAt: null,
      revokedAt: null,
    });
    await t.app.inject({ url: '/datasets', headers: apiKeyHeader(body.key) });
    const list = await t.app.inject({ url: '/auth/keys', headers: apiKeyHeader(keys.analyst) });
    const listed = list.json().keys.find((k: { id: string }) => k.id === body.id);
    expect(listed.lastUsedAt).not.toBeNull();
    // The secret is what follows `tgl_<12 hex>_` (it may itself contain underscores).
    expect(JSON.stringify(list.json())).not.toContain(body.key.slice('tgl_'.length + 12 + 1));
    expect(list.json().keys.every((k: { username: string }) => k.username === 'analyst')).toBe(true);
    // Only a digest is stored.
    const row = t.store.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(body.id) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(row)).not.toContain(body.key);
  });

  it('revokes: the owner or an admin, not another user; a revoked key is refused', async () => {
    const key = await t.keyFor('analyst');
    const id = key.split('_')[1];
    const other = await t.app.inject({
      method: 'DELETE',
      url: `/auth/keys/${id}`,
      headers: apiKeyHeader(keys.viewer),
    });
    expect(other.statusCode).toBe(404);
    const own = await t.app.inject({
      method: 'DELETE',
      url: `/auth/keys/${id}`,
      headers: apiKeyHeader(keys.analyst),
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().revokedAt).toEqual(expect.any(String));
    const again = await t.app.inject({
      method: 'DELETE',
      url: `/auth/keys/${id}`,
      headers: apiKeyHeader(keys.admin),
    });
    expect(again.statusCode).toBe(409);
    const use = await t.app.inject({ url: '/datasets', headers: apiKeyHeader(key) });
    expect(use.statusCode).toBe(401);
    expect(use.json()).toEqual({ error: 'revoked_api_key', detail: 'the API key has been revoked' });

    const second = await t.keyFor('viewer');
    const byAdmin = await t.app.inject({
      method: 'DELETE',
      url: `/auth/keys/${second.split('_')[1]}`,
      headers: apiKeyHeader(keys.admin),
    });
    expect(byAdmin.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/auth/me', headers: apiKeyHeader(second) })).statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'DELETE',
      url: '/auth/keys/nothex',
      headers: apiKeyHeader(keys.admin),
    });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'id']);
  });
});

describe('sessions', () => {
  it('logs in with an HttpOnly, SameSite=Strict cookie and returns the CSRF token', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'analyst', password: PASSWORD },
    });
    expect(r.statusCode).toBe(200);
    const setCookie = String(r.headers['set-cookie']);
    expect(setCookie).toMatch(/^tangle_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    const body = r.json();
    expect(body).toMatchObject({
      user: { username: 'analyst', role: 'analyst' },
      csrfToken: expect.any(String),
    });
    const me = await t.app.inject({ url: '/auth/me', headers: { cookie: sessionCookie(r) } });
    expect(me.json()).toMatchObject({
      user: { username: 'analyst' },
      via: 'session',
      csrfToken: body.csrfToken,
    });
    // The token is stored as a digest only.
    const rows = t.store.db.prepare('SELECT token_hash FROM sessions').all() as Array<{ token_hash: string }>;
    expect(rows.some((row) => sessionCookie(r).includes(row.token_hash))).toBe(false);
  });

  it('marks the cookie Secure when configured', async () => {
    const s = await testServer({ config: { secureCookies: true }, users: ['viewer'] });
    const r = await s.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'viewer', password: PASSWORD },
    });
    expect(String(r.headers['set-cookie'])).toContain('Secure');
    await s.app.close();
  });

  it('refuses a wrong password and an unknown user alike, and audits the attempt', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'admin', password: 'not it at all' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'nobody', password: PASSWORD },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const log = await t.accounts.listAudit({ action: 'login_failed' });
    expect(log.map((e) => e.target)).toEqual(expect.arrayContaining(['admin', 'nobody']));
    expect(log[0]).toMatchObject({ actor: null, via: 'anonymous', address: '127.0.0.1' });
  });

  it('ends after its lifetime, and after being idle; activity keeps it alive until then', async () => {
    const s = await testServer({
      config: { sessionTtlMs: 8 * 3600_000, sessionIdleMs: 3600_000 },
      users: ['viewer'],
    });
    const { cookie } = await s.login('viewer');
    for (let i = 0; i < 7; i++) {
      s.advance(55 * 60_000);
      expect((await s.app.inject({ url: '/auth/me', headers: { cookie } })).statusCode).toBe(200);
    }
    s.advance(3600_000); // 7h25 + 1h: past the 8-hour lifetime
    const expired = await s.app.inject({ url: '/auth/me', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({
      error: 'session_expired',
      detail: 'your session has ended; log in again',
    });
    expect(String(expired.headers['set-cookie'])).toMatch(
      /tangle_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/,
    );

    const idle = await s.login('viewer');
    s.advance(3600_000 + 1);
    const r = await s.app.inject({ url: '/auth/me', headers: { cookie: idle.cookie } });
    expect([r.statusCode, r.json().error]).toEqual([401, 'session_expired']);
    // Where reading is open, an expired cookie just reads anonymously.
    expect((await s.app.inject({ url: '/datasets', headers: { cookie: idle.cookie } })).statusCode).toBe(200);
    await s.app.close();
  });

  it('logs out (with the CSRF token), after which the cookie is worthless', async () => {
    const { cookie, csrf } = await t.login('viewer');
    const noToken = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie } });
    expect([noToken.statusCode, noToken.json().error]).toEqual([403, 'csrf_token_missing']);
    const out = await t.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^tangle_session=;/);
    const me = await t.app.inject({ url: '/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    // Logging out without a session is harmless.
    expect((await t.app.inject({ method: 'POST', url: '/auth/logout' })).statusCode).toBe(204);
  });
});

describe('CSRF protection of cookie-authenticated writes', () => {
  it('needs the session’s own token in X-CSRF-Token; API-key requests need none', async () => {
    const a = await t.login('analyst');
    const b = await t.login('analyst');
    const post = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/entities/${ENTITY}/comments`,
        headers,
        payload: { text: 'csrf check' },
      });
    const missing = await post({ cookie: a.cookie });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error).toBe('csrf_token_missing');
    const invalid = await post({ cookie: a.cookie, 'x-csrf-token': 'guess' });
    expect([invalid.statusCode, invalid.json().error]).toEqual([403, 'csrf_token_invalid']);
    const otherSession = await post({ cookie: a.cookie, 'x-csrf-token': b.csrf });
    expect([otherSession.statusCode, otherSession.json().error]).toEqual([403, 'csrf_token_invalid']);
    expect((await post({ cookie: a.cookie, 'x-csrf-token': a.csrf })).statusCode).toBe(201);
    expect((await post(apiKeyHeader(keys.analyst))).statusCode).toBe(201);
    // Reading with a cookie needs no token.
    expect((await t.app.inject({ url: '/auth/keys', headers: { cookie: a.cookie } })).statusCode).toBe(200);
    // Other writes are covered too: key creation, user creation, import.
    const admin = await t.login('admin');
    for (const [method, url] of [
      ['POST', '/auth/keys'],
      ['POST', '/users'],
      ['POST', '/datasets/x/import'],
      ['DELETE', '/auth/keys/000000000000'],
    ] as const) {
      const r = await t.app.inject({ method, url, headers: { cookie: admin.cookie }, payload: {} });
      expect([url, r.statusCode, r.json().error]).toEqual([url, 403, 'csrf_token_missing']);
    }
  });
});

describe('users (admin)', () => {
  it('creates users that can log in, and refuses duplicates, weak passwords, bad roles and names', async () => {
    const h = apiKeyHeader(keys.admin);
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/users', headers: h, payload });
    const created = await post({ username: 'reviewer', password: 'a much longer secret', role: 'analyst' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ username: 'reviewer', role: 'analyst', createdAt: expect.any(String) });
    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'reviewer', password: 'a much longer secret' },
    });
    expect(login.statusCode).toBe(200);
    const dup = await post({ username: 'REVIEWER', password: 'a much longer secret', role: 'viewer' });
    expect([dup.statusCode, dup.json().error]).toEqual([409, 'conflict']);
    const weak = await post({ username: 'weakling', password: 'short', role: 'viewer' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      field: 'password',
      detail: expect.stringMatching(/at least 10 characters/),
    });
    const same = await post({ username: 'weakling', password: 'weakling1234', role: 'viewer' });
    expect(same.json()).toMatchObject({ field: 'password', detail: expect.stringMatching(/username/) });
    const role = await post({ username: 'someone', password: PASSWORD, role: 'owner' });
    expect(role.json()).toMatchObject({
      field: 'role',
      detail: expect.stringContaining('viewer, analyst, admin'),
    });
    const name = await post({ username: 'no spaces please', password: PASSWORD, role: 'viewer' });
    expect([name.statusCode, name.json().field]).toEqual([400, 'username']);
    const missing = await post({ username: 'someone', role: 'viewer' });
    expect(missing.json()).toEqual({
      error: 'bad_request',
      detail: 'body field "password" is required',
      field: 'password',
    });
    const list = await t.app.inject({ url: '/users', headers: h });
    expect(list.json().users.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['admin', 'analyst', 'viewer', 'reviewer']),
    );
    expect(JSON.stringify(list.json())).not.toMatch(/scrypt|password/);
  });
});

describe('comments', () => {
  it('records the author and time of an analyst’s comment and lists comments oldest first', async () => {
    const { cookie, csrf } = await t.login('analyst');
    const before = Date.now();
    const r = await t.app.inject({
      method: 'POST',
      url: `/entities/${ENTITY}/comments`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { text: '  Passport number added in the May 2024 release.  ' },
    });
    expect(r.statusCode).toBe(201);
    const comment = r.json();
    expect(comment).toMatchObject({
      entityId: ENTITY,
      author: 'analyst',
      text: 'Passport number added in the May 2024 release.',
    });
    expect(Date.parse(comment.createdAt)).toBeGreaterThanOrEqual(before - 1000);
    const list = await t.app.inject({ url: `/entities/${ENTITY}/comments` });
    const comments = list.json().comments as Array<{ id: number; author: string }>;
    expect(comments.at(-1)).toEqual(comment);
    expect(comments.map((c) => c.id)).toEqual([...comments.map((c) => c.id)].sort((x, y) => x - y));
    const audit = await t.accounts.listAudit({ action: 'comment_create' });
    expect(audit[0]).toMatchObject({
      actor: 'analyst',
      via: 'session',
      target: ENTITY,
      detail: { comment: comment.id },
    });
  });

  it('refuses viewers, empty and overlong text, and unknown entities', async () => {
    const viewer = await t.login('viewer');
    const denied = await t.app.inject({
      method: 'POST',
      url: `/entities/${ENTITY}/comments`,
      headers: { cookie: viewer.cookie, 'x-csrf-token': viewer.csrf },
      payload: { text: 'I should not be able to say this' },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().detail).toBe('this needs the analyst role; viewer is viewer');
    const h = apiKeyHeader(keys.analyst);
    const post = (url: string, text: string) =>
      t.app.inject({ method: 'POST', url, headers: h, payload: { text } });
    const empty = await post(`/entities/${ENTITY}/comments`, '');
    expect([empty.statusCode, empty.json().field]).toEqual([400, 'text']);
    const blank = await post(`/entities/${ENTITY}/comments`, '   ');
    expect([blank.statusCode, blank.json().field]).toEqual([400, 'text']);
    const long = await post(`/entities/${ENTITY}/comments`, 'x'.repeat(4001));
    expect([long.statusCode, long.json().field]).toEqual([400, 'text']);
    const unknown = await post('/entities/no-such-entity/comments', 'hello there');
    expect(unknown.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/entities/no-such-entity/comments' })).statusCode).toBe(404);
  });
});

describe('reading closed to anonymous users', () => {
  it('needs a login or key to read data, but not for health and documentation', async () => {
    const s = await testServer({ config: { readAccess: 'login' }, users: ['viewer'], withData: true });
    for (const url of [
      '/datasets',
      `/entities/${ENTITY}`,
      `/entities/${ENTITY}/comments`,
      '/datasets/us_ofac_sdn/changes',
    ]) {
      const r = await s.app.inject({ url });
      expect([url, r.statusCode, r.json().error]).toEqual([url, 401, 'unauthorized']);
    }
    const key = await s.keyFor('viewer');
    expect((await s.app.inject({ url: '/datasets', headers: apiKeyHeader(key) })).statusCode).toBe(200);
    const { cookie } = await s.login('viewer');
    expect((await s.app.inject({ url: `/entities/${ENTITY}`, headers: { cookie } })).statusCode).toBe(200);
    for (const url of ['/healthz', '/readyz', '/openapi.json', '/docs/json']) {
      expect([url, (await s.app.inject({ url })).statusCode]).toEqual([url, 200]);
    }
    await s.app.close();
  });
});

describe('audit log', () => {
  it('lists every write with who, how, what and from where, filtered by action or actor', async () => {
    const r = await t.app.inject({ url: '/audit?limit=1000', headers: apiKeyHeader(keys.admin) });
    const entries = r.json().entries as Array<{
      action: string;
      actor: string | null;
      via: string;
      address: string;
      at: string;
    }>;
    const actions = new Set(entries.map((e) => e.action));
    for (const a of [
      'login',
      'login_failed',
      'logout',
      'api_key_create',
      'api_key_revoke',
      'user_create',
      'comment_create',
    ]) {
      expect(actions).toContain(a);
    }
    expect(entries.every((e) => e.address === '127.0.0.1' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    const byAdmin = await t.app.inject({
      url: '/audit?actor=admin&action=user_create',
      headers: apiKeyHeader(keys.admin),
    });
    const mine = byAdmin.json().entries as Array<{ actor: string; action: string; via: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actor === 'admin' && e.action === 'user_create' && e.via === 'api_key')).toBe(
      true,
    );
    const bad = await t.app.inject({ url: '/audit?limit=5000', headers: apiKeyHeader(keys.admin) });
    expect(bad.json()).toMatchObject({ field: 'limit', detail: 'querystring field "limit" must be <= 1000' });
  });
});
