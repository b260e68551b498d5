import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReaderUnavailableError } from '../../src/logic/reader-factory.js';
import { createReader } from '../helpers/fake-reader.js';
import { minimalPdf } from '../helpers/document-files.js';
import { apiKeyHeader, multipart, testServer, type TestServer } from './helpers.js';

const TEXT =
  'Iran supplies drones to Venezuela. The Cartel de los Soles reportedly works with Hezbollah in 2024. ' +
  'Nicolás Maduro denies that Venezuela works with Hezbollah.';

describe('documents and claims over HTTP', () => {
  let t: TestServer;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;
  let readersBuilt = 0;

  beforeAll(async () => {
    t = await testServer({
      withData: true,
      readerFactory: (store) => {
        readersBuilt++;
        return createReader(store);
      },
    });
    analyst = apiKeyHeader(await t.keyFor('analyst'));
    viewer = apiKeyHeader(await t.keyFor('viewer'));
  });
  afterAll(async () => t.app.close());

  it('reads a JSON text once (201), then finds it again (200); parties link to list entries', async () => {
    const payload = { text: TEXT, title: 'Drones', url: 'https://example.org/drones', date: '2025-11-20' };
    const r = await t.app.inject({ method: 'POST', url: '/documents', headers: analyst, payload });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.document).toMatchObject({
      title: 'Drones',
      date: '2025-11-20',
      url: 'https://example.org/drones',
      version: 1,
    });
    const maduro = body.entities.find((e: { name: string }) => e.name === 'Nicolás Maduro');
    expect(maduro).toMatchObject({ linked_id: 'us_ofac_sdn-22790', store_id: 'us_ofac_sdn-22790' });
    expect(body.relations).toHaveLength(3);
    const again = await t.app.inject({ method: 'POST', url: '/documents', headers: analyst, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json().document.id).toBe(body.document.id);
    const audit = await t.accounts.listAudit({ action: 'document_read' });
    expect(audit.map((a) => [a.actor, a.target])).toEqual([['analyst', body.document.id]]);
  });

  it('reads an uploaded file (multipart), and a hostile HTML page never brings its scripts into the store', async () => {
    const pdf = multipart({ title: 'A PDF', date: '2025-11-21' }, [
      { name: 'brief.pdf', content: minimalPdf(['Iran sends drones to Hezbollah.']) },
    ]);
    const r = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { ...analyst, ...pdf.headers },
      payload: pdf.payload,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().relations[0]).toMatchObject({
      type: 'supplies',
      sentence: 'Iran sends drones to Hezbollah.',
    });

    const html =
      '<html><body><script>alert(1)</script><p onmouseover="steal()">Tren de Aragua works with Hezbollah.' +
      '<img src=x onerror="alert(2)"></p></body></html>';
    const up = multipart({}, [{ name: 'page.html', content: html }]);
    const h = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { ...analyst, ...up.headers },
      payload: up.payload,
    });
    expect(h.statusCode).toBe(201);
    const doc = (await t.app.inject({ url: `/documents/${h.json().document.id}`, headers: viewer })).json();
    expect(doc.text).toBe('Tren de Aragua works with Hezbollah.');
    expect(doc.title).toBe('page');
  });

  it('answers bad documents with a 400 naming the file or field, and stores nothing', async () => {
    const before = (await t.app.inject({ url: '/documents?all=true', headers: viewer })).json().total;
    const latin1 = multipart({}, [{ name: 'old.txt', content: Buffer.from('Caf\xe9 Iran', 'latin1') }]);
    const r = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { ...analyst, ...latin1.headers },
      payload: latin1.payload,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'bad_input', file: 'old.txt', line: 1 });
    const cut = minimalPdf(['Iran supplies drones.']);
    const pdf = multipart({}, [{ name: 'cut.pdf', content: cut.subarray(0, 100) }]);
    const p = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { ...analyst, ...pdf.headers },
      payload: pdf.payload,
    });
    expect([p.statusCode, p.json().file]).toEqual([400, 'cut.pdf']);
    const date = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: analyst,
      payload: { text: TEXT, date: '2025-13-01' },
    });
    expect([date.statusCode, date.json().field]).toEqual([400, 'date']);
    const blank = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: analyst,
      payload: { text: '   ' },
    });
    expect([blank.statusCode, blank.json().field]).toEqual([400, 'text']);
    expect((await t.app.inject({ url: '/documents?all=true', headers: viewer })).json().total).toBe(before);
  });

  it('lists documents and claims with filters and pages', async () => {
    const docs = (await t.app.inject({ url: '/documents', headers: viewer })).json();
    expect(docs.total).toBe(3);
    const claims = (await t.app.inject({ url: '/claims?status=proposed&limit=2', headers: viewer })).json();
    expect(claims).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(claims.claims).toHaveLength(2);
    expect(claims.claims[0]).toMatchObject({
      document: { title: 'Drones', date: '2025-11-20', url: 'https://example.org/drones' },
      sentence: 'Iran supplies drones to Venezuela.',
      start: 0,
      end: 34,
      source_name: 'Iran',
      target_name: 'Venezuela',
    });
    const maduro = (await t.app.inject({ url: '/claims?entity=us_ofac_sdn-22790', headers: viewer })).json();
    expect(maduro.claims.map((c: { negated: boolean }) => c.negated)).toEqual([true]);
    expect(maduro.claims[0].source_name).toBe('MADURO MOROS, Nicolas');
    const bad = await t.app.inject({ url: '/claims?status=maybe', headers: viewer });
    expect([bad.statusCode, bad.json().field]).toEqual([400, 'status']);
    expect((await t.app.inject({ url: '/documents/document-none', headers: viewer })).statusCode).toBe(404);
    // One reader served every document read so far.
    expect(readersBuilt).toBe(1);
  });

  it('reviews: analysts accept, reject and edit with who and when recorded; viewers may not', async () => {
    const [claim] = (await t.app.inject({ url: '/claims?status=proposed', headers: viewer })).json().claims;
    const denied = await t.app.inject({
      method: 'POST',
      url: `/claims/${claim.id}/review`,
      headers: viewer,
      payload: { action: 'accept' },
    });
    expect(denied.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: `/claims/${claim.id}/review`,
      payload: { action: 'accept' },
    });
    expect(anonymous.statusCode).toBe(401);

    const edit = await t.app.inject({
      method: 'POST',
      url: `/claims/${claim.id}/review`,
      headers: analyst,
      payload: { action: 'edit', type: 'transports', domain: 'military' },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().claim).toMatchObject({
      status: 'accepted',
      type: 'transports',
      domain: 'military',
      reviewed_by: 'analyst',
    });
    expect(edit.json().history[0]).toMatchObject({
      by: 'analyst',
      action: 'edit',
      changes: { type: ['supplies', 'transports'] },
    });
    const audit = await t.accounts.listAudit({ action: 'claim_review' });
    expect(audit[0]).toMatchObject({ actor: 'analyst', target: claim.id });

    const wrong = await t.app.inject({
      method: 'POST',
      url: `/claims/${claim.id}/review`,
      headers: analyst,
      payload: { action: 'edit', source: 'nobody' },
    });
    expect([wrong.statusCode, wrong.json().field]).toEqual([400, 'source']);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/claims/claim-none/review',
      headers: analyst,
      payload: { action: 'reject' },
    });
    expect(missing.statusCode).toBe(404);
    const one = (await t.app.inject({ url: `/claims/${claim.id}`, headers: viewer })).json();
    expect(one.history).toHaveLength(1);
  });

  it('a session needs the CSRF token to read or review', async () => {
    const { cookie, csrf } = await t.login('analyst');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { cookie },
      payload: { text: 'Iran supplies Venezuela.' },
    });
    expect([noToken.statusCode, noToken.json().error]).toEqual([403, 'csrf_token_missing']);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { text: 'Iran supplies Venezuela.', title: 'csrf' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('lists every route in /openapi.json', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths['/documents'])).toEqual(expect.arrayContaining(['get', 'post']));
    for (const path of ['/documents/{id}', '/claims', '/claims/{id}', '/claims/{id}/review']) {
      expect(doc.paths[path]).toBeDefined();
    }
    expect(
      doc.paths['/claims/{id}/review'].post.requestBody.content['application/json'].schema.properties.action
        .enum,
    ).toEqual(['accept', 'reject', 'edit']);
  });
});

describe('reading without an engine', () => {
  it('answers 503 and builds the reader again on the next request', async () => {
    let calls = 0;
    const t = await testServer({
      readerFactory: async () => {
        calls++;
        throw new ReaderUnavailableError('no engine here');
      },
    });
    const key = apiKeyHeader(await t.keyFor('analyst'));
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/documents',
        headers: key,
        payload: { text: 'Iran supplies Venezuela.' },
      });
      expect([r.statusCode, r.json().error]).toEqual([503, 'reading_unavailable']);
    }
    expect(calls).toBe(2);
    await t.app.close();
  });
});
