/** In Chromium: the timeline of a party and of a pair, with the source of every event. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWeb, type WebSession } from './browser.js';

describe('timeline', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await openWeb();
  });
  afterAll(async () => web?.close());

  it('shows listings, list changes and dated links of a party, then of a pair', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/entity/tw-person-castellano');
    await page.getByRole('main').getByRole('link', { name: 'Timeline' }).click();
    const events = page.getByRole('table', { name: 'Events' });
    await events.getByText('listed under VENEZUELA-EO13850').waitFor();
    const text = await events.textContent();
    expect(text).toContain('added in web_fixture');
    expect(text).toMatch(/ownership Petrolera Caribe Test S\.A\./);
    expect(text).toContain('2016-03-01');
    await page.getByRole('img', { name: 'Timeline chart' }).waitFor();
    await web.screenshot('timeline');

    await page.getByLabel('Compare with (optional)').fill('petrolera');
    await page.getByRole('button', { name: 'Petrolera Caribe Test S.A.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rafael Castellano Test and Petrolera Caribe Test S.A.' }).waitFor();
    await events.getByText('Rafael Castellano Test – Petrolera Caribe Test S.A.').first().waitFor();
    expect(web.errors).toEqual([]);
  });
});
