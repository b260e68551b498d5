/** In Chromium: read a document (mentions linked, claims with hedged / negated badges) and review a claim. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyHeader } from '../server/helpers.js';
import { createReader } from '../helpers/fake-reader.js';
import { logIn, openWeb, type WebSession } from './browser.js';

const TEXT =
  'Iran supplies drones to Venezuela. The Cartel de los Soles reportedly works with Hezbollah in 2024. ' +
  'Nicolás Maduro denies that Venezuela works with Hezbollah.';

describe('document reader and review', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await openWeb({ readerFactory: createReader });
    const key = await web.server.keyFor('analyst');
    const r = await web.server.app.inject({
      method: 'POST',
      url: '/documents',
      headers: apiKeyHeader(key),
      payload: { text: TEXT, title: 'Drones over the Caribbean <b>test</b>', date: '2025-11-20' },
    });
    if (r.statusCode !== 201) throw new Error(`reading the document failed: ${r.body}`);
  });
  afterAll(async () => web?.close());

  it('shows the text with its mentions and the claims with their badges; an analyst accepts and edits', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/documents');
    await page.getByRole('table', { name: 'Documents' }).getByRole('link', { name: 'Drones over the Caribbean <b>test</b>' }).click();
    await page.getByRole('heading', { level: 1, name: 'Drones over the Caribbean <b>test</b>' }).waitFor();
    const text = page.getByLabel('Document text');
    // A party a list knows links to its entry.
    await text.getByRole('link', { name: 'Nicolás Maduro' }).waitFor();
    expect(await text.textContent()).toBe(TEXT);
    const claims = page.getByRole('region', { name: 'Claims' });
    const hedged = claims.getByLabel(/^Claim: Cartel de los Soles associate Hezbollah/);
    expect(await hedged.textContent()).toContain('hedged');
    const negated = claims.getByLabel(/^Claim: Nicolás Maduro associate Venezuela|^Claim: Venezuela associate Hezbollah/).first();
    expect(await claims.textContent()).toContain('negated');
    expect(await negated.count()).toBe(1);
    // Anonymous readers see no review buttons.
    expect(await claims.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    await logIn(web, 'analyst');
    const supplies = claims.getByLabel(/^Claim: Iran supplies Venezuela/);
    await supplies.getByRole('button', { name: 'Show in text' }).click();
    expect((await text.locator('.evidence-active').allTextContents()).join('')).toBe('Iran supplies drones to Venezuela.');
    await supplies.getByRole('button', { name: 'Accept' }).click();
    await supplies.getByText('accepted', { exact: true }).waitFor();

    await hedged.getByRole('button', { name: 'Edit' }).click();
    await hedged.getByLabel('Domain').selectOption('political');
    await hedged.getByRole('button', { name: 'Save and accept' }).click();
    await hedged.getByText('accepted', { exact: true }).waitFor();
    expect(await hedged.textContent()).toContain('political');
    await web.screenshot('document');
    expect(web.errors).toEqual([]);
  });
});
