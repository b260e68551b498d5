/**
 * What the API accepts and how it refuses: unknown datasets, broken multipart bodies, values
 * /match cannot use, and the CSRF rule for a read sent as POST.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeader, multipart, testServer, type TestServer } from './helpers.js';

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ withData: true, users: ['viewer', 'admin'] });
});
afterAll(async () => {
  await t.app.close();
  await t.store.close();
});

const MADURO = { queries: { q: { schema: 'Person', properties: { name: ['Nicolas Maduro'] } } } };

describe('a mistyped dataset', () => {
  it('is a 404 naming the known datasets, on /match and /search', async () => {
    const match = await t.app.inject({ method: 'POST', url: '/match/us_ofac_sdm', payload: MADURO });
    expect(match.statusCode).toBe(404);
    expect(match.json()).toEqual({
      error: 'not_found',
      detail: 'no dataset "us_ofac_sdm"; the datasets are: default, us_ofac_sdn',
    });
    const search = await t.app.inject({ url: '/search/nope?q=maduro' });
    expect([search.statusCode, search.json().detail]).toEqual([
      404,
      expect.stringMatching(/no dataset "nope"/),
    ]);
    const param = await t.app.inject({
      method: 'POST',
      url: '/match/default?include_dataset=us_ofac_sdm',
      payload: MADURO,
    });
    expect([param.statusCode, param.json().field]).toEqual([400, 'include_dataset']);
    const ok = await t.app.inject({ method: 'POST', url: '/match/us_ofac_sdn', payload: MADURO });
    expect(ok.json().responses.q.results[0].id).toBe('us_ofac_sdn-22790');
  });
});

describe('a broken multipart upload', () => {
  it('is a 400 with the reason, not a 500', async () => {
    const admin = apiKeyHeader(await t.keyFor('admin'));
    const noBoundary = await t.app.inject({
      method: 'POST',
      url: '/datasets/us_ofac_sdn/import',
      payload: 'format=ofac-csv',
      headers: { ...admin, 'content-type': 'multipart/form-data' },
    });
    expect([noBoundary.statusCode, noBoundary.json().detail]).toEqual([
      400,
      expect.stringMatching(/multipart\/form-data body cannot be read: .*[Bb]oundary/),
    ]);
    const body = multipart({ format: 'ofac-csv' }, [{ name: 'sdn.csv', content: 'x'.repeat(2000) }]);
    const cut = await t.app.inject({
      method: 'POST',
      url: '/datasets/us_ofac_sdn/import',
      payload: body.payload.subarray(0, body.payload.length - 500),
      headers: { ...admin, ...body.headers },
    });
    expect([cut.statusCode, cut.json().detail]).toEqual([
      400,
      expect.stringMatching(/body cannot be read: Unexpected end/),
    ]);
  });
});

describe('values /match cannot use', () => {
  const match = (payload: object) => t.app.inject({ method: 'POST', url: '/match/default', payload });
  const person = (properties: Record<string, string[]>) => ({
    queries: { q: { schema: 'Person', properties: { name: ['Nicolas Maduro'], ...properties } } },
  });

  it('are 400s naming the field', async () => {
    const weight = await match({ ...MADURO, weights: { name_match: -1 } });
    expect([weight.statusCode, weight.json().field]).toEqual([400, 'weights.name_match']);
    expect(weight.json().detail).toMatch(/must be ≥ 0/);
    const penalty = await match({ ...MADURO, weights: { country_mismatch: 0.5 } });
    expect([penalty.statusCode, penalty.json().field]).toEqual([400, 'weights.country_mismatch']);
    const date = await match(person({ birthDate: ['1962-02-30'] }));
    expect([date.statusCode, date.json().field]).toEqual([400, 'queries.q.properties.birthDate[0]']);
    expect(date.json().detail).toMatch(/"1962-02-30" is not a date/);
    const country = await match(person({ nationality: ['Narnia'] }));
    expect([country.statusCode, country.json().field]).toEqual([400, 'queries.q.properties.nationality[0]']);
    expect(country.json().detail).toMatch(/unknown country "Narnia"/);
    // What is valid still passes: a penalty made stronger, a year, a country by name.
    const fine = await match({
      ...person({ birthDate: ['1962'], nationality: ['Venezuela'] }),
      weights: { country_mismatch: -0.5 },
    });
    expect(fine.statusCode).toBe(200);
  });
});

describe('POST /match from a logged-in browser', () => {
  it('needs no CSRF token: it only reads', async () => {
    const { cookie } = await t.login('viewer');
    const r = await t.app.inject({
      method: 'POST',
      url: '/match/default',
      payload: MADURO,
      headers: { cookie },
    });
    expect(r.statusCode).toBe(200);
    // A write with the same cookie still needs it.
    const key = await t.app.inject({ method: 'POST', url: '/auth/keys', payload: {}, headers: { cookie } });
    expect([key.statusCode, key.json().error]).toEqual([403, 'csrf_token_missing']);
  });
});
