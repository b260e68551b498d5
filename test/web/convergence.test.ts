/** In Chromium: the threat categories of a selection as an UpSet chart, clickable to the parties. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWeb, type WebSession } from './browser.js';

describe('convergence', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await openWeb();
  });
  afterAll(async () => web?.close());

  it('charts where categories meet for a chosen party and lists the parties of a combination', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/convergence');
    await page.getByLabel('Add a party', { exact: true }).fill('islamic revolutionary');
    await page.getByRole('button', { name: 'ISLAMIC REVOLUTIONARY GUARD CORPS' }).click();
    await page.getByRole('img', { name: 'UpSet chart of threat categories' }).waitFor();
    const combos = page.getByLabel('Combinations');
    const terrorism = combos.getByRole('button', { name: /terrorism ∩ .*proliferation_arms/ });
    await terrorism.click();
    const parties = page.getByLabel('Parties in the combination');
    await parties.getByRole('link', { name: 'ISLAMIC REVOLUTIONARY GUARD CORPS' }).waitFor();
    expect(await page.getByRole('table', { name: 'Meeting points' }).textContent()).toContain(
      'ISLAMIC REVOLUTIONARY GUARD CORPS',
    );
    expect(await page.locator('canvas').count()).toBeGreaterThan(0);
    await web.screenshot('convergence');
    expect(web.errors).toEqual([]);
  });
});
