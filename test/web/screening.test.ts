/** In Chromium: screen a pasted list and a CSV book; results with scores and explanations; downloads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { openWeb, type WebSession } from './browser.js';

describe('screening', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await openWeb();
  });
  afterAll(async () => web?.close());

  it('screens a pasted list, explains the matches and downloads the results', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/screening');
    await page.getByLabel('Names, one a line').fill('Nicolas Maduro Moros\nIslamic Revolutionary Guard Corps\nJane Q. Nobody');
    await page.getByRole('button', { name: 'Screen' }).click();
    await page.getByText('3 of 3 screened').waitFor();
    const table = page.getByRole('table', { name: 'Screening results' });
    await page.getByRole('heading', { name: 'Results: 2 of 3 rows match' }).waitFor();
    const maduro = table.getByRole('row', { name: /Nicolas Maduro Moros/ });
    expect(await maduro.getByRole('link', { name: 'MADURO MOROS, Nicolas' }).count()).toBe(1);
    expect(await maduro.textContent()).toContain('VENEZUELA');
    await maduro.getByText('why').first().click();
    expect(await maduro.locator('pre.explain').first().textContent()).toMatch(/name/i);
    await web.screenshot('screening');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      'id,line,query,match_id,match_caption,schema,score,match,programmes,datasets,explanation',
    );
    expect(csv).toContain('us_ofac_sdn-22790,"MADURO MOROS, Nicolas",Person');
    expect(web.errors).toEqual([]);
  });

  it('screens a CSV book uploaded from disk', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/screening');
    await page.getByLabel('Or a CSV book').setInputFiles(join(ROOT, 'test', 'fixtures', 'screen', 'book.csv'));
    const rows = readFileSync(join(ROOT, 'test', 'fixtures', 'screen', 'book.csv'), 'utf8').trim().split('\n').length - 1;
    await page.getByText(`book.csv: ${rows} rows`).waitFor();
    expect(await page.getByLabel('Name column').inputValue()).toBe('1'); // "Full Name"
    await page.getByRole('button', { name: 'Screen' }).click();
    await page.getByText(`${rows} of ${rows} screened`).waitFor();
    expect(await page.getByRole('table', { name: 'Screening results' }).locator('tbody tr').count()).toBe(rows);
    expect(web.errors).toEqual([]);
  });

  it('names the file, line and field of a bad row, and screens nothing', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/screening');
    await page
      .getByLabel('Or a CSV book')
      .setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('id,name\n1,Acme Ltd\n2,\n') });
    await page.getByText('bad.csv: 2 rows').waitFor();
    await page.getByRole('button', { name: 'Screen' }).click();
    await page.getByRole('alert').getByText('bad.csv line 3, field "name": empty').waitFor();
    expect(await page.getByRole('table', { name: 'Screening results' }).count()).toBe(0);
    expect(web.errors).toEqual([]);
  });
});
