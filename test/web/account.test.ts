/** In Chromium: log in as an analyst, comment on an entity (hostile text stays text), log out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logIn, openWeb, type WebSession } from './browser.js';

const HOSTILE = `<img src=x onerror="document.title='pwned'"><b>bold?</b>`;

describe('log in → comment → log out', () => {
  let web: WebSession;
  beforeAll(async () => {
    web = await openWeb();
  });
  afterAll(async () => web?.close());

  it('lets an analyst comment, shows the comment as plain text, and hides the form after logout', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/entity/us_ofac_sdn-22790');
    await page.getByRole('heading', { level: 1, name: 'MADURO MOROS, Nicolas' }).waitFor();
    await logIn(web, 'analyst');
    // Back on the entity after logging in.
    await page.getByRole('heading', { level: 1, name: 'MADURO MOROS, Nicolas' }).waitFor();
    await page.getByLabel('Add a comment').fill(`Checked against the registry. ${HOSTILE}`);
    await page.getByRole('button', { name: 'Post comment' }).click();
    const comment = page.locator('.comment-text').first();
    await comment.waitFor();
    expect(await comment.textContent()).toBe(`Checked against the registry. ${HOSTILE}`);
    expect(await page.locator('.comments img').count()).toBe(0);
    expect(await page.title()).toBe('Tangle');
    await web.screenshot('entity-comments');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('link', { name: 'Log in' }).first().waitFor();
    await page.getByText('to comment.').waitFor();
    expect(await page.getByLabel('Add a comment').count()).toBe(0);
    // The comment stays, for everyone who may read.
    expect(await page.locator('.comment-text').first().textContent()).toContain('Checked against the registry.');
    expect(web.errors).toEqual([]);
  });

  it('shows a viewer no comment form', async () => {
    const { page } = web;
    await page.goto(web.url + '/#/entity/us_ofac_sdn-306');
    await page.getByRole('heading', { level: 1, name: 'BANCO NACIONAL DE CUBA' }).waitFor();
    await logIn(web, 'viewer');
    await page.getByText('Only analysts and admins comment; you are a viewer.').waitFor();
    expect(await page.getByLabel('Add a comment').count()).toBe(0);
    await page.getByRole('button', { name: 'Log out' }).click();
    expect(web.errors).toEqual([]);
  });

  it('asks for a login first when reading needs one', async () => {
    const closed = await openWeb({ config: { readAccess: 'login' } });
    try {
      const { page } = closed;
      await page.goto(closed.url + '/#/datasets');
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await page.getByLabel('Username').fill('viewer');
      await page.getByLabel('Password').fill((await import('./browser.js')).PASSWORD);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('table', { name: 'Datasets' }).waitFor();
      expect(closed.errors).toEqual([]);
    } finally {
      await closed.close();
    }
  });
});
