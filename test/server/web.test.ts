/** The routes the web app added: static files at /, /auth/session, /entities/{id}/changes, the programme facet. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/logic/import.js';
import { registerWebRoutes } from '../../src/server/routes/web.js';
import Fastify from 'fastify';
import { FIXTURES, testServer, type TestServer } from './helpers.js';

describe('web app routes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer({ withData: true, config: { readAccess: 'login' } });
    // It drops 2 of the 17 entries: more than an import takes unasked where a removal guard is in place.
    const force = { allowMassRemoval: true };
    await importFiles(t.store, { format: 'ofac-csv', paths: [join(FIXTURES, 'sdn-2024-05-03.csv')], ...force });
  });
  afterAll(async () => {
    await t.app.close();
    await t.store.close();
  });

  it('serves the built app at / to anyone, even when reading needs a login', async () => {
    const r = await t.app.inject({ url: '/' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['cache-control']).toBe('no-cache');
    expect(r.body).toMatch(/<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"><\/script>/);
    const asset = /src="(\/assets\/[^"]+)"/.exec(r.body)![1];
    const js = await t.app.inject({ url: asset });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toContain('immutable');
  });

  it('keeps JSON 404s for unknown paths and the API answering as before', async () => {
    const r = await t.app.inject({ url: '/no/such/route' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({ error: 'not_found', detail: 'no route GET /no/such/route' });
    expect((await t.app.inject({ url: '/datasets' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/openapi.json' })).statusCode).toBe(200);
  });

  it('says who is logged in without a 401 for nobody, with the CSRF token for a session', async () => {
    const anonymous = await t.app.inject({ url: '/auth/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null, readAccess: 'login' });
    const { cookie, csrf } = await t.login('analyst');
    const r = await t.app.inject({ url: '/auth/session', headers: { cookie } });
    expect(r.json()).toMatchObject({ user: { username: 'analyst', role: 'analyst' }, csrfToken: csrf });
  });

  it('lists the changes that touched an entity across versions, and 404s an unknown entity', async () => {
    const { cookie } = await t.login('viewer');
    const r = await t.app.inject({ url: '/entities/us_ofac_sdn-306/changes', headers: { cookie } });
    expect(r.statusCode).toBe(200);
    const kinds = r.json().changes.map((c: { kind: string; version: string }) => `${c.version} ${c.kind}`);
    expect(kinds.sort()).toEqual(['2024-05-02 added', '2024-05-03 removed']);
    const missing = await t.app.inject({ url: '/entities/nope/changes', headers: { cookie } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('not_found');
  });

  it('facets search results by programme, and filters by one', async () => {
    const { cookie } = await t.login('viewer');
    const r = await t.app.inject({ url: '/search/default?facets=program', headers: { cookie } });
    const venezuela = r.json().facets.program.values.find((v: { name: string }) => v.name === 'VENEZUELA');
    expect(venezuela).toEqual({ name: 'VENEZUELA', label: 'VENEZUELA', count: 2 });
    const only = await t.app.inject({ url: '/search/default?filter=program:VENEZUELA', headers: { cookie } });
    expect(only.json().total.value).toBe(2);
  });

  it('answers 503 at / with a hint when the app is not built', async () => {
    const app = Fastify();
    await registerWebRoutes(app, '/nonexistent/web/dist');
    const r = await app.inject({ url: '/' });
    expect(r.statusCode).toBe(503);
    expect(r.body).toContain('npm run build');
    await app.close();
  });
});
