/**
 * What the API accepts and how it refuses: unknown datasets, broken multipart bodies, values
 * /match cannot use, and the CSRF rule for a read sent as POST.
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import {
  apiKeyHeader,
  multipart,
  PASSWORD,
  SDN_V1,
  sessionCookie,
  testServer,
  type TestServer,
} from './helpers.js';

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

describe('security headers', () => {
  /** The policy as docs/design-network.md states it, whitespace folded. */
  const documented = () => {
    const doc = readFileSync(join(ROOT, 'docs', 'design-network.md'), 'utf8');
    return /content security policy is `([^`]+)`/.exec(doc.replace(/\s+/g, ' '))![1];
  };

  it('are on every answer: routes, errors, 404s and the API docs', async () => {
    for (const url of [
      '/datasets',
      '/entities/nope',
      '/no/such/route',
      '/docs',
      '/docs/static/swagger-ui-bundle.js',
    ]) {
      const r = await t.app.inject({ url });
      expect(r.headers['content-security-policy'], url).toBe(documented());
      expect(r.headers['x-content-type-options'], url).toBe('nosniff');
      expect(r.headers['x-frame-options'], url).toBe('DENY');
      expect(r.headers['referrer-policy'], url).toBe('no-referrer');
    }
    // The API docs still load: their page, scripts and styles are files of this server.
    const docs = await t.app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/<script src="[^"]*swagger-ui-bundle\.js"/);
    // No inline script: the policy would block it.
    expect(docs.body.match(/<script[^>]*>[^<]*<\/script>/g)!.every((tag) => /src=/.test(tag))).toBe(true);
  });

  it('keep login and key answers out of caches', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'admin', password: PASSWORD },
    });
    expect(login.headers['cache-control']).toBe('no-store');
    const key = await t.app.inject({
      method: 'POST',
      url: '/auth/keys',
      payload: { name: 'ci' },
      headers: { cookie: sessionCookie(login), 'x-csrf-token': login.json().csrfToken },
    });
    expect([key.statusCode, key.headers['cache-control']]).toEqual([201, 'no-store']);
    expect((await t.app.inject({ url: '/datasets' })).headers['cache-control']).toBeUndefined();
  });
});

describe('requests too large or odd', () => {
  it('answer 414 and 431 in the {error, detail} shape', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.end(request));
        let data = '';
        socket.setEncoding('utf8').on('data', (d: string) => (data += d));
        socket.on('close', () => resolve(data));
        socket.on('error', reject);
      });
    const body = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    const longPath = await raw(
      `GET /entities/${'a'.repeat(300)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    );
    expect(longPath).toMatch(/^HTTP\/1.1 414 /);
    expect(body(longPath)).toEqual({
      error: 'uri_too_long',
      detail: 'a path segment of the URL is too long',
    });
    const longUrl = await raw(`GET /search/default?q=${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(longUrl).toMatch(/^HTTP\/1.1 414 /);
    expect(body(longUrl).error).toBe('uri_too_long');
    const bigHeader = await raw(`GET /datasets HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20000)}\r\n\r\n`);
    expect(bigHeader).toMatch(/^HTTP\/1.1 431 /);
    expect(bigHeader).toMatch(/content-security-policy: default-src 'self'/i);
    expect(body(bigHeader)).toEqual({
      error: 'request_header_fields_too_large',
      detail: 'the request headers are larger than 16 KiB',
    });
  });

  it('refuse a __proto__ key saying so, and where', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/match/default',
      payload: '{"queries": {"q": {"schema": "Person", "__proto__": {"x": 1}}}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({
      error: 'bad_request',
      field: 'queries.q.__proto__',
      detail: expect.stringMatching(/^queries\.q\.__proto__: keys named __proto__ .* are not accepted/),
    });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/match/default',
      payload: '{"queries": ',
      headers: { 'content-type': 'application/json' },
    });
    expect([broken.statusCode, broken.json().detail]).toEqual([
      400,
      expect.stringMatching(/^the body is not valid JSON/),
    ]);
  });
});

describe('GET /datasets/{name}/versions', () => {
  it('lists the uploaded file names, not where the server kept them', async () => {
    const admin = apiKeyHeader(await t.keyFor('admin'));
    const body = multipart({ format: 'ofac-csv', versionDate: '2024-06-01' }, [
      { name: 'sdn-2024-05-02.csv', content: readFileSync(SDN_V1) },
    ]);
    const up = await t.app.inject({
      method: 'POST',
      url: '/datasets/us_ofac_sdn/import',
      payload: body.payload,
      headers: { ...admin, ...body.headers },
    });
    expect(up.statusCode).toBe(201);
    const versions = (await t.app.inject({ url: '/datasets/us_ofac_sdn/versions' })).json()
      .versions as Array<{
      label: string;
      files: string[];
    }>;
    expect(versions.at(-1)).toMatchObject({ label: '2024-06-01', files: ['sdn-2024-05-02.csv'] });
    for (const v of versions) for (const f of v.files) expect(f).not.toMatch(/[\\/]/);
  });
});
