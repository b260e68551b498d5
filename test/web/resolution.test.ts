/** In Chromium: the resolution page proposes a cross-list pair, an analyst judges it, the entity page shows the merge and splits it; a viewer sees no buttons. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLists } from '../resolve/helpers.js';
import { logIn, openWeb, type WebSession } from './browser.js';

describe('resolution page', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await openWeb();
    // Two small lists that name some of the same people (Karimov with one passport in both).
    await importLists(web.server.store);
  });
  afterAll(async () => web?.close());

  it('shows proposals without buttons to a viewer', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/resolution');
    const table = page.getByRole('table', { name: 'Proposed pairs' });
    await table.getByRole('link', { name: 'KARIMOV, Rustam Bakhtiyorovich' }).first().waitFor();
    expect(await page.getByRole('button', { name: /^Same:/ }).count()).toBe(0);
  });

  it('lets an analyst judge a pair same, shows one party on the entity page, and splits it', async () => {
    const { page } = web;
    await logIn(web, 'analyst');
    await page.goto(web.url + '/#/resolution');
    const table = page.getByRole('table', { name: 'Proposed pairs' });
    const row = table.getByRole('row').filter({ hasText: 'KARIMOV, Rustam Bakhtiyorovich' }).first();
    await row.waitFor();
    // The matcher's reasons and the shared passport are on the row.
    expect(await row.textContent()).toMatch(/passport/i);
    await web.screenshot('resolution');
    await row.getByRole('button', { name: /^Same:/ }).click();
    // Only pending pairs are listed: the judged one leaves, and the log names it.
    await page
      .getByLabel('Decisions', { exact: true })
      .getByText(/judged/)
      .first()
      .waitFor();
    expect(await page.getByLabel('Decisions', { exact: true }).textContent()).toContain('KARIMOV');
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'a-karimov' }).count()).toBe(0);

    await page.goto(web.url + '/#/entity/a-karimov');
    const cluster = page.getByRole('region', { name: /One party in 2 list entries/ });
    await cluster.waitFor();
    expect(await cluster.getByLabel('Merged entries').textContent()).toMatch(
      /list_a record a-karimov.*list_b record b-karimov/s,
    );
    expect(await cluster.getByLabel('Judgements').textContent()).toMatch(/same.*by analyst/);
    await web.screenshot('entity-cluster');
    await cluster.getByRole('button', { name: 'Split this party' }).click();
    await cluster.getByRole('button', { name: 'Yes, split' }).click();
    await expect.poll(() => page.getByRole('region', { name: /One party in/ }).count()).toBe(0);
    const after = await web.server.app.inject({ url: '/resolve/a-karimov' });
    expect(after.json().members).toEqual(['a-karimov']);
    expect(web.errors).toEqual([]);
  });
});
