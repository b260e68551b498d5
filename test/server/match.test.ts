import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apiKeyHeader, multipart, testServer, type TestServer, FIXTURES } from './helpers.js';
import { join } from 'node:path';

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ withData: true });
});
afterAll(async () => {
  await t.app.close();
});

// The body exactly as yente's documentation shows a /match request.
const YENTE_BODY = {
  weights: { country_mismatch: -0.3 },
  queries: {
    q1: {
      schema: 'Person',
      properties: { name: ['Nicolas Maduro'], birthDate: ['1962'], nationality: ['ve'] },
    },
    q2: { schema: 'Vessel', properties: { name: ['EBANO'], imoNumber: ['7406784'] } },
  },
};

describe('yente-compatible routes', () => {
  it('POST /match/default answers a yente request unchanged', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/match/default?limit=3', payload: YENTE_BODY });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.limit).toBe(3);
    expect(body.responses.q1.status).toBe(200);
    expect(body.responses.q1.results[0]).toMatchObject({
      id: 'us_ofac_sdn-22790',
      caption: 'MADURO MOROS, Nicolas',
      schema: 'Person',
      datasets: ['us_ofac_sdn'],
      match: true,
      target: true,
    });
    expect(body.responses.q1.results[0].properties.birthDate).toEqual(['1962-11-23']);
    expect(body.responses.q1.total.relation).toBe('eq');
    expect(body.responses.q2.results[0].id).toBe('us_ofac_sdn-4243');
  });

  it('honours exclude_entity_ids, include_dataset and threshold', async () => {
    const one = { queries: { a: YENTE_BODY.queries.q1 } };
    const excluded = await t.app.inject({
      method: 'POST',
      url: '/match/default?exclude_entity_ids=us_ofac_sdn-22790',
      payload: one,
    });
    expect(excluded.json().responses.a.results.map((x: { id: string }) => x.id)).not.toContain(
      'us_ofac_sdn-22790',
    );
    // A dataset this store does not hold is not a clean screen: 404 naming the datasets there are.
    const other = await t.app.inject({ method: 'POST', url: '/match/un_sc_sanctions', payload: one });
    expect([other.statusCode, other.json().detail]).toEqual([
      404,
      'no dataset "un_sc_sanctions"; the datasets are: default, us_ofac_sdn',
    ]);
    const strict = await t.app.inject({ method: 'POST', url: '/match/default?threshold=0.99', payload: one });
    expect(strict.json().responses.a.total.value).toBe(0);
  });

  it('answers 400 naming the field for bad requests', async () => {
    const bad = async (url: string, payload: unknown) => {
      const r = await t.app.inject({ method: 'POST', url, payload: payload as object });
      expect(r.statusCode).toBe(400);
      return r.json();
    };
    expect((await bad('/match/default?algorithm=magic', YENTE_BODY)).detail).toMatch(
      /^algorithm: unknown algorithm/,
    );
    expect(
      (await bad('/match/default', { queries: { a: { schema: 'Address', properties: { full: ['x'] } } } }))
        .field,
    ).toBe('queries.a.schema');
    expect((await bad('/match/default', { queries: {} })).detail).toMatch(/queries/);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, YENTE_BODY.queries.q1]));
    expect((await bad('/match/default', { queries: many })).field).toBe('queries');
    expect((await bad('/match/default?limit=1000', YENTE_BODY)).field).toBe('limit');
  });

  it('GET /search, /algorithms and /catalog', async () => {
    const s = await t.app.inject({ method: 'GET', url: '/search/default?q=maduro&limit=5' });
    expect(s.statusCode).toBe(200);
    expect(s.json()).toMatchObject({ limit: 5, offset: 0, total: { value: 1 } });
    expect(s.json().results[0].id).toBe('us_ofac_sdn-22790');
    expect(s.json().facets.schema.values[0]).toEqual({ name: 'Person', label: 'Person', count: 1 });
    const a = await t.app.inject({ method: 'GET', url: '/algorithms' });
    expect(a.json().default).toBeTruthy();
    expect(a.json().algorithms.map((x: { name: string }) => x.name)).toContain(a.json().best);
    const c = await t.app.inject({ method: 'GET', url: '/catalog' });
    expect(c.json().datasets.map((d: { name: string }) => d.name)).toEqual(['default', 'us_ofac_sdn']);
  });

  it('switches to a new list version after an upload, without mixing versions', async () => {
    const search = async () =>
      (await t.app.inject({ method: 'GET', url: '/search/default?q=EX-CLE SOLUCIONES' })).json();
    expect((await search()).total.value).toBe(0);
    const key = await t.keyFor('admin');
    // The small fixture delists one of its few entries: more than the default share, so forced.
    const body = multipart({ format: 'ofac-csv', allowMassRemoval: 'true' }, [
      { name: 'sdn-2024-05-03.csv', content: readFileSync(join(FIXTURES, 'sdn-2024-05-03.csv')) },
    ]);
    const up = await t.app.inject({
      method: 'POST',
      url: '/datasets/us_ofac_sdn/import',
      payload: body.payload,
      headers: { ...apiKeyHeader(key), ...body.headers },
    });
    expect(up.statusCode).toBe(201);
    // The index is rebuilt in the background; every answer meanwhile comes whole from one version.
    let found = 0;
    for (let i = 0; i < 100 && !found; i++) {
      const r = await search();
      const ids = r.results.map((x: { id: string }) => x.id);
      // BANCO NACIONAL DE CUBA left in the new version: never both it and EX-CLE in one answer.
      const both = await t.app.inject({ method: 'GET', url: '/search/default?q=BANCO NACIONAL DE CUBA' });
      if (ids.length) expect(both.json().total.value).toBe(0);
      found = r.total.value;
      if (!found) await new Promise((res) => setTimeout(res, 50));
    }
    expect(found).toBe(1);
  });
});
