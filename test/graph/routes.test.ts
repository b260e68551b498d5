import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphService } from '../../src/graph/service.js';
import { buildApp } from '../../src/server/app.js';
import { serverConfig } from '../../src/server/config.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { fakeClaims, fixtureStore, IDS } from './fixture.js';

let store: SqliteStore;
let app: FastifyInstance;

beforeAll(async () => {
  store = await fixtureStore();
  app = await buildApp({ store, config: serverConfig({ rateLimit: { login: 1000 } }) });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url });
  return {
    status: r.statusCode,
    body: String(r.headers['content-type']).includes('json') ? r.json() : r.body,
    headers: r.headers,
  };
};

describe('/graph routes', () => {
  it('are documented in /openapi.json', async () => {
    const { body } = await get('/openapi.json');
    for (const path of [
      '/graph/neighbours/{id}',
      '/graph/path',
      '/graph/exposure/{id}',
      '/graph/brokers',
      '/graph/convergence',
      '/graph/scenario',
      '/graph/timeline/{id}',
      '/graph/export',
      '/graph/communities',
    ]) {
      expect(Object.keys(body.paths)).toContain(path);
    }
  });

  it('answers neighbours, path, exposure and brokers in their contract shapes', async () => {
    const n = await get(`/graph/neighbours/${IDS.bank}?hops=1`);
    expect(n.status).toBe(200);
    expect(Object.keys(n.body)).toEqual(expect.arrayContaining(['center', 'nodes', 'edges', 'truncated']));
    expect(n.body.nodes[0]).toMatchObject({
      id: IDS.bank,
      caption: 'Ansar Credit Institution',
      schema: 'Company',
      sanctioned: false,
    });

    const p = await get(`/graph/path?source=${IDS.guard}&target=${IDS.front}&k=2&max_hops=5`);
    expect(p.status).toBe(200);
    expect(p.body.paths[0]).toMatchObject({ length: 2, weight: 0 });
    expect(p.body.paths[0].steps[0]).toMatchObject({
      source: IDS.guard,
      type: expect.any(String),
      evidence: expect.any(Array),
    });

    const x = await get(`/graph/exposure/${IDS.bank}?hops=2`);
    expect(x.body.exposures[0]).toMatchObject({
      entity_id: IDS.guard,
      caption: 'Guard Corps of the Republic',
      programmes: ['IRGC', 'SDGT'],
      distance: 1,
      path: [IDS.bank, IDS.guard],
    });

    const b = await get('/graph/brokers?top=3');
    expect(b.body.method).toMatch(/betweenness/);
    expect(b.body.results[0]).toEqual(
      expect.objectContaining({
        entity_id: expect.any(String),
        caption: expect.any(String),
        score: expect.any(Number),
      }),
    );
  });

  it('screens a name no party has exactly, and says 404 with suggestions when nothing matches', async () => {
    const screened = await get(`/graph/exposure/${encodeURIComponent('Guard Corps of Republic')}?hops=1`);
    expect(screened.status).toBe(200);
    expect(screened.body.entity).toMatchObject({ screened: true, matches: [{ entity_id: IDS.guard }] });
    const unknown = await get('/graph/neighbours/Front%20Tradign%20LLC');
    expect(unknown.status).toBe(404);
    expect(unknown.body.suggestions[0]).toEqual({ id: IDS.front, caption: 'Front Trading LLC' });
  });

  it('rejects out-of-range input naming the field', async () => {
    const r = await get(`/graph/neighbours/${IDS.bank}?hops=50`);
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('hops');
    const d = await get(`/graph/neighbours/${IDS.bank}?domain=astrology`);
    expect(d.status).toBe(400);
  });

  it('runs scenarios, convergence, communities and timelines', async () => {
    const s = await app.inject({
      method: 'POST',
      url: '/graph/scenario',
      payload: { remove: [IDS.branch], between: [IDS.guard], and: [IDS.proxy] },
    });
    expect(s.statusCode).toBe(200);
    // Without the claims the branch is the only way from the guard to the proxy.
    expect(s.json().connections[0]).toMatchObject({ before: 2, after: null, survives: false });
    const c = await get(`/graph/convergence?ids=${IDS.guard},${IDS.proxy}&hops=0`);
    expect(c.body.entities.map((e: { id: string }) => e.id)).toEqual([IDS.guard, IDS.proxy]);
    expect((await get('/graph/communities')).body.communities.length).toBeGreaterThan(0);
    const t = await get(`/graph/timeline/${IDS.guard}?with=${IDS.branch}`);
    expect(t.body.events.some((e: { kind: string }) => e.kind === 'relationship')).toBe(true);
  });

  it('exports GraphML and CSV with store ids', async () => {
    const g = await get('/graph/export?format=graphml');
    expect(g.status).toBe(200);
    expect(g.headers['content-type']).toMatch(/graphml/);
    expect(g.body).toContain(`<node id="${IDS.guard}">`);
    const csv = await get(`/graph/export?format=csv&around=${IDS.bank}&hops=1`);
    expect(csv.body.split('\n')[0]).toMatch(/^source,target,relationship_id,type/);
    expect(csv.body.trim().split('\n')).toHaveLength(3);
  });

  it('uses claims once wired, and proposed ones on request', async () => {
    const withClaims = await buildApp({ store, graph: new GraphService(store, { claims: fakeClaims() }) });
    const get = async (url: string) => (await withClaims.inject({ method: 'GET', url })).json();
    const before = await get(`/graph/neighbours/${IDS.proxy}?hops=1`);
    expect(before.nodes.map((n: { id: string }) => n.id)).not.toContain(IDS.cartel);
    const withProposed = await get(`/graph/neighbours/${IDS.proxy}?hops=1&proposed=true`);
    expect(withProposed.nodes.map((n: { id: string }) => n.id)).toContain(IDS.cartel);
    const path = await get(`/graph/path?source=${IDS.leader}&target=${IDS.guard}`);
    expect(path.paths[0].steps[0].evidence[0]).toMatchObject({
      kind: 'document',
      document_id: 'doc-1',
      start: 10,
      end: 52,
    });
    await withClaims.close();
  });
});
