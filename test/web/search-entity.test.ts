/** In Chromium: search with results as you type and facets, then an entity with its sources. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWeb, type WebSession } from './browser.js';

describe('search → entity', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await openWeb();
  });
  afterAll(async () => web?.close());

  it('finds a name as it is typed, filters by a facet, and opens the entity with the source of each value', async () => {
    const { page } = web;
    await page.goto(web.url + '/');
    const box = page.getByLabel('Search names');
    await box.pressSequentially('madur', { delay: 30 });
    const results = page.getByRole('table', { name: 'Search results' });
    await results.getByRole('link', { name: 'MADURO MOROS, Nicolas' }).waitFor();
    expect(await results.textContent()).toContain('VENEZUELA');

    // Facets: an empty query lists everything; the programme facet narrows it to two entries.
    await box.fill('');
    const programme = page.getByRole('group', { name: 'Programme' });
    await programme.getByRole('checkbox', { name: /^VENEZUELA \d+$/ }).check();
    await page.getByText(/^2 results$/).waitFor();
    expect(await results.locator('tbody tr').count()).toBe(2);
    await web.screenshot('search');

    await results.getByRole('link', { name: 'MADURO MOROS, Nicolas' }).click();
    await page.getByRole('heading', { level: 1, name: 'MADURO MOROS, Nicolas' }).waitFor();
    // Every value shows its list, version and record.
    const birth = page.getByRole('table', { name: 'Properties' }).getByRole('row', { name: /birthDate/ }).first();
    const text = await birth.textContent();
    expect(text).toContain('us_ofac_sdn');
    expect(text).toContain('record 22790');
    expect(text).toMatch(/sdn-2024-05-0\d\.csv line \d+/);
    expect(await page.getByRole('table', { name: 'Names and aliases' }).textContent()).toContain(
      'MADURO MOROS, Nicolas',
    );
    await page.getByRole('heading', { name: 'History of list changes' }).waitFor();
    await page.getByText('Log in to comment', { exact: false }).waitFor();
    await web.screenshot('entity');
    expect(web.errors).toEqual([]);
  });
});
