import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/logic/import.js';
import { join } from 'node:path';
import { FIXTURES, testServer, type TestServer } from './helpers.js';

let t: TestServer;

beforeAll(async () => {
  t = await testServer({ users: [] });
});
afterAll(async () => {
  await t.app.close();
  await t.store.close();
});

describe('read routes', () => {
  it('GET /healthz and /readyz (503 while the store is empty)', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const empty = await t.app.inject({ url: '/readyz' });
    expect([empty.statusCode, empty.json()]).toEqual([503, { status: 'empty' }]);
    await importFiles(t.store, { format: 'ofac-csv', paths: [join(FIXTURES, 'sdn-2024-05-02.csv')] });
    await importFiles(t.store, {
      format: 'ofac-csv',
      paths: [join(FIXTURES, 'sdn-2024-05-03.csv')],
      allowMassRemoval: true, // the small fixture delists one of its few entries
    });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ok' });
  });

  it('GET /datasets and /datasets/{name}/versions', async () => {
    const ds = (await t.app.inject({ url: '/datasets' })).json();
    expect(ds.datasets).toEqual([
      expect.objectContaining({ name: 'us_ofac_sdn', versions: 2, latestVersion: '2024-05-03' }),
    ]);
    const versions = (await t.app.inject({ url: '/datasets/us_ofac_sdn/versions' })).json().versions;
    expect(versions.map((v: { label: string }) => v.label)).toEqual(['2024-05-02', '2024-05-03']);
    const missing = await t.app.inject({ url: '/datasets/nothing/versions' });
    expect([missing.statusCode, missing.json().error]).toEqual([404, 'not_found']);
  });

  it('GET /datasets/{name}/changes with filters', async () => {
    const r = await t.app.inject({ url: '/datasets/us_ofac_sdn/changes?version=2024-05-03&kind=removed' });
    const body = r.json();
    expect(body).toMatchObject({ dataset: 'us_ofac_sdn', limit: 500, offset: 0 });
    expect(body.changes.map((c: { caption: string }) => c.caption)).toContain('BANCO NACIONAL DE CUBA');
    expect(body.changes.every((c: { kind: string }) => c.kind === 'removed')).toBe(true);
    expect((await t.app.inject({ url: '/datasets/nothing/changes' })).statusCode).toBe(404);
  });

  it('GET /entities/{id}, nested or not', async () => {
    const r = await t.app.inject({ url: '/entities/us_ofac_sdn-22790' });
    expect(r.json()).toMatchObject({
      id: 'us_ofac_sdn-22790',
      schema: 'Person',
      caption: 'MADURO MOROS, Nicolas',
    });
    expect(r.json().relationships.length).toBeGreaterThan(0);
    const flat = (await t.app.inject({ url: '/entities/us_ofac_sdn-22790?nested=false' })).json();
    expect(flat.relationships).toBeUndefined();
    expect((await t.app.inject({ url: '/entities/nobody' })).statusCode).toBe(404);
  });

  it('serves the OpenAPI document with every route, and the interactive docs', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/algorithms',
        '/audit',
        '/auth/keys',
        '/auth/keys/{id}',
        '/auth/login',
        '/auth/logout',
        '/auth/me',
        '/auth/session',
        '/catalog',
        '/claims',
        '/claims/{id}',
        '/claims/{id}/review',
        '/datasets',
        '/datasets/{name}/changes',
        '/datasets/{name}/import',
        '/datasets/{name}/versions',
        '/documents',
        '/documents/{id}',
        '/documents/entities/{id}',
        '/documents/entities/{id}/review',
        '/entities/{id}',
        '/entities/{id}/changes',
        '/entities/{id}/comments',
        '/graph/brokers',
        '/graph/communities',
        '/graph/convergence',
        '/graph/export',
        '/graph/exposure/{id}',
        '/graph/neighbours/{id}',
        '/graph/path',
        '/graph/scenario',
        '/graph/stats',
        '/graph/timeline/{id}',
        '/healthz',
        '/match/{dataset}',
        '/readyz',
        '/search/{dataset}',
        '/users',
        '/xref',
        '/judgements',
        '/judgements/export',
        '/judgements/log',
        '/judgements/import',
        '/resolve/{id}',
        '/resolve/split',
        '/reconcile',
        '/reconcile/suggest/entity',
        '/reconcile/suggest/type',
        '/reconcile/suggest/property',
        '/reconcile/preview',
      ].sort(),
    );
    expect(doc.components.securitySchemes).toHaveProperty('apiKey');
    expect(doc.paths['/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual([
      'username',
      'password',
    ]);
    const docs = await t.app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
  });
});
