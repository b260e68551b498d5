/** In Chromium: datasets, their versions, and what a version changed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWeb, type WebSession } from './browser.js';

describe('datasets', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await openWeb();
  });
  afterAll(async () => web?.close());

  it('lists datasets, then the versions of one and what each added, changed and removed', async () => {
    const { page } = web;
    await page.goto(web.url + '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Datasets' }).click();
    const datasets = page.getByRole('table', { name: 'Datasets' });
    await datasets.getByRole('link', { name: /us_ofac_sdn|OFAC/ }).first().click();
    const versions = page.getByRole('table', { name: 'Versions' });
    await versions.getByRole('button', { name: '2024-05-03' }).click();
    await page.getByRole('heading', { name: 'Changes in version 2024-05-03' }).waitFor();
    const changes = page.getByRole('table', { name: 'Changes' });
    await changes.getByText('BANCO NACIONAL DE CUBA').waitFor();
    const banco = changes.getByRole('row', { name: /BANCO NACIONAL DE CUBA/ });
    expect(await banco.textContent()).toContain('removed');
    await page.getByLabel('Kind').selectOption('added');
    await changes.getByText('EX-CLE SOLUCIONES BIOMETRICAS C.A.').waitFor();
    expect(await changes.getByText('BANCO NACIONAL DE CUBA').count()).toBe(0);
    await page.getByLabel('Kind').selectOption('');
    await changes.getByText('BANCO NACIONAL DE CUBA').waitFor();
    await web.screenshot('datasets');
    expect(web.errors).toEqual([]);
  });
});
