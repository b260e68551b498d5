/** In Chromium: entity → network explorer → expand → path with evidence → scenario → exports. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWeb, type WebSession } from './browser.js';

describe('network explorer', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await openWeb();
  });
  afterAll(async () => web?.close());

  it('expands a party, finds the path to a vessel with the evidence of every hop, and takes a party out', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/search');
    await page.getByLabel('Search names').fill('castellano');
    await page
      .getByRole('table', { name: 'Search results' })
      .getByRole('link', { name: 'Rafael Castellano Test' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Rafael Castellano Test' }).waitFor();
    // The entity page shows its links by domain and type, with their list evidence.
    await page.getByRole('heading', { name: 'Links by type and domain' }).waitFor();
    await page.getByRole('link', { name: 'Explore network' }).click();

    const node = page.getByLabel('Node', { exact: true });
    await page.getByText(/^2 nodes · 1 link$/).waitFor();
    await node.selectOption({ label: 'Petrolera Caribe Test S.A.' });
    await page.getByRole('button', { name: 'Expand neighbours' }).click();
    await page.getByText(/^4 nodes · 3 links$/).waitFor();
    // A hostile name is an option's text, never markup.
    expect(await node.locator('option').allTextContents()).toContain(
      '<img src=x onerror=alert(1)> Fachada Test Corp',
    );
    expect(await page.locator('main img').count()).toBe(0);

    // The path finder starts from the selected party: the start again.
    await node.selectOption({ label: 'Rafael Castellano Test' });
    await page.getByLabel('Path to', { exact: true }).fill('aurora');
    await page.getByRole('button', { name: 'AURORA TEST' }).click();
    const paths = page.getByLabel('Paths');
    await paths.getByRole('button', { name: /Path 1: 4 hops/ }).waitFor();
    const steps = paths.locator('li.path-step');
    expect(await steps.count()).toBeGreaterThanOrEqual(4);
    for (const text of (await steps.allTextContents()).slice(0, 4))
      expect(text).toMatch(/list\s*web_fixture.*record tw-/);
    // The camera glides to the grown picture (300 ms) before the screenshot.
    await page.waitForTimeout(500);
    await web.screenshot('network');

    // Scenario: without the director, the second company and its vessel lose the start.
    await node.selectOption({ label: 'Laura Mendez Test' });
    await page.getByRole('button', { name: 'Remove (scenario)' }).click();
    const scenario = page.getByRole('region', { name: 'Scenario' });
    await scenario.getByText('2 parties lose every link to the start.').waitFor();
    expect(await scenario.textContent()).toContain('AURORA TEST');
    expect(await scenario.textContent()).toContain('Naviera del Golfo Test Ltd');
    await scenario.getByRole('button', { name: 'Restore all' }).click();

    await page.getByRole('radio', { name: 'threat category' }).check();
    const [gexf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'GEXF' }).click(),
    ]);
    const xml = readFileSync((await gexf.path())!, 'utf8');
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('label="&lt;img src=x onerror=alert(1)&gt; Fachada Test Corp"');
    expect(xml.match(/<node /g)?.length).toBe(await node.locator('option').count());
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG' }).click(),
    ]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(web.errors).toEqual([]);
  });
});
