/** In Chromium: the parties of a document; an analyst corrects one and rejects another, whose links leave the network. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeader } from '../server/helpers.js';
import { createReader } from '../helpers/fake-reader.js';
import { logIn, openWeb, type WebSession } from './browser.js';

const TEXT = 'The Cartel de los Soles reportedly works with Hezbollah in 2024. Iran supplies drones to Venezuela.';

describe('document parties', () => {
  let web: WebSession;
  let documentId: string;
  let ids: Map<string, string>;
  beforeAll(async () => {
    web = await openWeb({ readerFactory: createReader });
    const key = apiKeyHeader(await web.server.keyFor('analyst'));
    const r = await web.server.app.inject({ method: 'POST', url: '/documents', headers: key, payload: { text: TEXT, title: 'Parties test' } });
    if (r.statusCode !== 201) throw new Error(`reading failed: ${r.body}`);
    documentId = r.json().document.id;
    ids = new Map(r.json().entities.map((e: { name: string; store_id: string }) => [e.name, e.store_id]));
    for (const c of (await web.server.app.inject({ url: `/claims?document=${documentId}` })).json().claims)
      await web.server.app.inject({ method: 'POST', url: `/claims/${c.id}/review`, headers: key, payload: { action: 'accept' } });
  });
  afterAll(async () => web?.close());

  it('shows review buttons to analysts only; a correction and a rejection show at once and reach the network', async () => {
    const { page } = web;
    await page.goto(`${web.url}/#/documents/${documentId}`);
    const parties = page.getByLabel('Parties', { exact: true });
    await parties.getByLabel('Party: Hezbollah').waitFor();
    expect(await parties.getByRole('button', { name: 'Reject' }).count()).toBe(0);

    await logIn(web, 'analyst');
    await page.goto(`${web.url}/#/documents/${documentId}`);
    const cartel = parties.getByLabel('Party: Cartel de los Soles');
    await cartel.getByRole('button', { name: 'Edit' }).click();
    await cartel.getByLabel('Name').fill('Cartel of the Suns');
    await cartel.getByRole('button', { name: 'Save' }).click();
    await parties.getByLabel('Party: Cartel of the Suns').getByText('accepted', { exact: true }).waitFor();

    const hezbollah = parties.getByLabel('Party: Hezbollah');
    await hezbollah.getByRole('button', { name: 'Reject' }).click();
    await hezbollah.getByText('rejected', { exact: true }).waitFor();
    await web.screenshot('document-parties');

    const cartelId = ids.get('Cartel de los Soles')!;
    // With Hezbollah rejected, the cartel's only claim makes no link: it is no node of the network.
    expect((await web.server.app.inject({ url: `/graph/neighbours/${encodeURIComponent(cartelId)}` })).statusCode).toBe(404);
    const iranHood = (await web.server.app.inject({ url: `/graph/neighbours/${encodeURIComponent(ids.get('Iran')!)}` })).json();
    expect(iranHood.nodes.map((n: { id: string }) => n.id)).toContain(ids.get('Venezuela'));
    expect(web.errors).toEqual([]);
  });

  it('marks claims of a rejected party, lists the mentions of a party as text, and names the list entry it was judged the same as', async () => {
    const { page } = web;
    // Hezbollah was rejected above: its claim says so.
    const claim = page.locator('.claim', { hasText: 'Hezbollah' }).first();
    await claim.getByText('party rejected', { exact: true }).waitFor();
    expect(await page.locator('.claim', { hasText: 'Venezuela' }).getByText('party rejected').count()).toBe(
      0,
    );

    const parties = page.getByLabel('Parties', { exact: true });
    const venezuela = parties.getByLabel('Party: Venezuela');
    await venezuela.getByRole('button', { name: 'Mentions' }).click();
    const mentions = venezuela.getByLabel('Mentions of Venezuela');
    await mentions.getByText('Parties test').waitFor();
    expect(await mentions.locator('mark').textContent()).toBe('Venezuela');
    expect(await mentions.locator('q').textContent()).toBe('Iran supplies drones to Venezuela.');

    const key = apiKeyHeader(await web.server.keyFor('analyst'));
    const judged = await web.server.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: key,
      payload: { judgements: [{ left: ids.get('Venezuela'), right: 'us_ofac_sdn-22790', decision: 'same' }] },
    });
    expect(judged.statusCode).toBe(201);
    await page.reload();
    await parties.getByLabel('Party: Venezuela').getByText('judged the same as').waitFor();
    const link = parties.getByLabel('Party: Venezuela').getByRole('link', { name: 'MADURO MOROS, Nicolas' });
    expect(await link.getAttribute('href')).toContain(judged.json().clusters[0].canonicalId);
    expect(web.errors).toEqual([]);
  });
});
