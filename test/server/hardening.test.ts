import { describe, expect, it } from 'vitest';
import { matchRequestSchema } from '../../src/server/routes/match.js';
import { apiKeyHeader, PASSWORD, testServer } from './helpers.js';

describe('rate limits', () => {
  it('limits requests per address, answering 429 with Retry-After', async () => {
    const s = await testServer({ config: { rateLimit: { perAddress: 3, perKey: 100 } }, users: [] });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await s.app.inject({ url: '/datasets' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    const r = await s.app.inject({ url: '/datasets' });
    expect(r.json()).toEqual({
      error: 'too_many_requests',
      detail: expect.stringMatching(/^too many requests; try again in/),
    });
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    // Another address has its own allowance; health checks are never limited.
    expect((await s.app.inject({ url: '/datasets', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
    expect((await s.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    await s.app.close();
  });

  it('counts API-key requests per key, apart from the address', async () => {
    const s = await testServer({ config: { rateLimit: { perAddress: 100, perKey: 2 } }, users: ['viewer'] });
    const key = apiKeyHeader(await s.keyFor('viewer'));
    const other = apiKeyHeader(await s.keyFor('viewer'));
    const codes: number[] = [];
    for (let i = 0; i < 3; i++)
      codes.push((await s.app.inject({ url: '/datasets', headers: key })).statusCode);
    expect(codes).toEqual([200, 200, 429]);
    expect((await s.app.inject({ url: '/datasets', headers: other })).statusCode).toBe(200);
    expect((await s.app.inject({ url: '/datasets' })).statusCode).toBe(200);
    await s.app.close();
  });

  it('counts wrong keys against the address, so keys cannot be guessed at full speed', async () => {
    const s = await testServer({ config: { rateLimit: { perAddress: 2, perKey: 100 } }, users: [] });
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const wrong = apiKeyHeader(`tgl_00000000000${i}_${'A'.repeat(43)}`);
      codes.push((await s.app.inject({ url: '/datasets', headers: wrong })).statusCode);
    }
    expect(codes).toEqual([401, 401, 429]);
    await s.app.close();
  });

  it('limits login attempts per address separately', async () => {
    const s = await testServer({ config: { rateLimit: { login: 2 } }, users: ['viewer'] });
    const attempt = () =>
      s.app.inject({
        method: 'POST',
        url: '/auth/login',
        payload: { username: 'viewer', password: 'wrong guess 123' },
      });
    expect([
      (await attempt()).statusCode,
      (await attempt()).statusCode,
      (await attempt()).statusCode,
    ]).toEqual([401, 401, 429]);
    const fromElsewhere = await s.app.inject({
      method: 'POST',
      url: '/auth/login',
      remoteAddress: '10.0.0.9',
      payload: { username: 'viewer', password: PASSWORD },
    });
    expect(fromElsewhere.statusCode).toBe(200);
    await s.app.close();
  });
});

describe('request limits and errors', () => {
  it('answers 413 to a body over the limit', async () => {
    const s = await testServer({ users: [] });
    const r = await s.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'x', password: 'y'.repeat(s.config.bodyLimit) }),
    });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toEqual({ error: 'payload_too_large', detail: expect.any(String) });
    await s.app.close();
  });

  it('answers 400 naming the field for invalid input', async () => {
    const s = await testServer({ users: [] });
    const cases: Array<[string, Record<string, unknown> | undefined, string, string]> = [
      ['/datasets/us_ofac_sdn/changes?limit=0', undefined, 'limit', 'querystring field "limit" must be >= 1'],
      [
        '/datasets/us_ofac_sdn/changes?kind=moved',
        undefined,
        'kind',
        'querystring field "kind" must be one of added, removed, changed',
      ],
      [
        '/datasets/us_ofac_sdn/changes?since=yesterday',
        undefined,
        'since',
        'querystring field "since" must match pattern "^\\d{4}-\\d{2}-\\d{2}"',
      ],
      ['/auth/login', {}, 'username', 'body field "username" is required'],
      [
        '/auth/login',
        { username: 'a', password: '' },
        'password',
        'body field "password" must NOT have fewer than 1 characters',
      ],
      [
        '/auth/login',
        { username: { first: 'a' }, password: 'b' },
        'username',
        'body field "username" must be string',
      ],
    ];
    for (const [url, payload, field, detail] of cases) {
      const r = await s.app.inject({ method: payload ? 'POST' : 'GET', url, payload });
      expect([url, r.statusCode]).toEqual([url, 400]);
      expect(r.json()).toEqual({ error: 'bad_request', detail, field });
    }
    const notJson = await s.app.inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect([notJson.statusCode, notJson.json().error]).toEqual([400, 'bad_request']);
    await s.app.close();
  });

  it('never sends a stack trace or an internal message', async () => {
    const s = await testServer({ users: [] });
    s.app.get('/test/boom', { config: { access: 'public' } }, async () => {
      throw new Error('SQLITE_CORRUPT at /var/lib/tangle/secret.sqlite');
    });
    const r = await s.app.inject({ url: '/test/boom' });
    expect(r.statusCode).toBe(500);
    expect(r.json()).toEqual({
      error: 'internal_error',
      detail: 'the server failed to answer; the error has been logged',
    });
    expect(r.body).not.toMatch(/secret|SQLITE|at .*\.ts|stack/);
    await s.app.close();
  });

  it('answers unknown routes with JSON 404', async () => {
    const s = await testServer({ users: [] });
    const r = await s.app.inject({ method: 'POST', url: '/no/such/route?x=1' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: 'not_found', detail: 'no route POST /no/such/route' });
    await s.app.close();
  });

  it('denies writes on routes that state no access rule (fail closed)', async () => {
    const s = await testServer({ users: ['analyst'] });
    s.app.post('/test/unmarked', async () => ({ wrote: true }));
    const key = apiKeyHeader(await s.keyFor('analyst'));
    expect((await s.app.inject({ method: 'POST', url: '/test/unmarked' })).statusCode).toBe(401);
    expect((await s.app.inject({ method: 'POST', url: '/test/unmarked', headers: key })).statusCode).toBe(
      403,
    );
    await s.app.close();
  });
});

describe('the /match slot', () => {
  it('limits a match request to 100 queries, naming the field', async () => {
    const s = await testServer({ users: [] });
    s.app.post(
      '/test/match',
      { config: { access: 'read' }, schema: { body: matchRequestSchema(s.config.maxMatchQueries) } },
      async (req) => ({
        count: Object.keys((req.body as { queries: object }).queries).length,
      }),
    );
    const queries = (n: number) =>
      Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`q${i}`, { schema: 'Person', properties: { name: ['x'] } }]),
      );
    const ok = await s.app.inject({ method: 'POST', url: '/test/match', payload: { queries: queries(100) } });
    expect(ok.json()).toEqual({ count: 100 });
    const tooMany = await s.app.inject({
      method: 'POST',
      url: '/test/match',
      payload: { queries: queries(101) },
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toEqual({
      error: 'bad_request',
      field: 'queries',
      detail: 'body field "queries" must NOT have more than 100 properties',
    });
    const noSchema = await s.app.inject({
      method: 'POST',
      url: '/test/match',
      payload: { queries: { a: { properties: {} } } },
    });
    expect(noSchema.json().field).toBe('queries.a.schema');
    await s.app.close();
  });
});
