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
});
