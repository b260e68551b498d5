/**
 * GET /xref pairs the store in the background: the first answer says how far it has come, the
 * server answers other requests meanwhile, and judgements show at once without a new run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/logic/import.js';
import { tempDir } from '../helpers/temp.js';
import { testServer, type TestServer } from './helpers.js';
import { PEOPLE, writeLists } from './xref-lists.js';

describe('GET /xref in the background', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer({ config: { rateLimit: { perAddress: 0, perKey: 0, login: 1000 } } });
    const [pa, pb] = writeLists(tempDir());
    await importFiles(t.store, { format: 'ftm', paths: [pa], dataset: 'list_a' });
    await importFiles(t.store, { format: 'ftm', paths: [pb], dataset: 'list_b' });
    await t.app.ready();
  });
  afterAll(async () => {
    await t.app.close();
    await t.store.close();
  });

  it('answers 202 with its progress, keeps serving other requests, then gives the pairs', async () => {
    const first = await t.app.inject({ url: '/xref?wait=0' });
    expect(first.statusCode).toBe(202);
    expect(first.headers['retry-after']).toBe('1');
    expect(first.json()).toMatchObject({ status: 'computing' });

    // While it runs, other requests are answered (between slices of the run).
    let healthy = 0;
    let ready = false;
    while (!ready) {
      expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
      healthy++;
      const r = await t.app.inject({ url: '/xref?wait=0' });
      if (r.statusCode === 200) ready = true;
      else {
        expect(r.statusCode).toBe(202);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const { stage, done, total } = r.json();
        expect(['reading', 'indexing', 'pairing']).toContain(stage);
        expect(done).toBeLessThanOrEqual(total);
      }
    }
    expect(healthy).toBeGreaterThan(1);

    const body = (await t.app.inject({ url: '/xref?limit=1000' })).json();
    expect(body.status).toBe('ready');
    const shared = body.pairs.filter(
      (p: { left: { id: string }; right: { id: string } }) => p.left.id.slice(2) === p.right.id.slice(2),
    );
    expect(shared.length).toBe(PEOPLE / 10);
    expect(body.pairs.every((p: { decision: null }) => p.decision === null)).toBe(true);
  });

  it('shows a judgement at once, filters pending pairs and low scores, and keeps the run', async () => {
    const before = (await t.app.inject({ url: '/xref?limit=1000' })).json();
    const analyst = await t.login('analyst');
    const judged = await t.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf },
      payload: { judgements: [{ left: 'a-0', right: 'b-0', decision: 'same' }] },
    });
    expect(judged.statusCode).toBe(201);
    const after = (await t.app.inject({ url: '/xref?limit=1000' })).json();
    // The same run (its timing unchanged), seen through the new judgement.
    expect(after.seconds).toBe(before.seconds);
    const pair = after.pairs.find((p: { left: { id: string } }) => p.left.id === 'a-0');
    expect(pair.decision).toBe('same');
    const pending = (await t.app.inject({ url: '/xref?limit=1000&pending=true' })).json();
    expect(pending.total).toBe(after.total - 1);
    expect(pending.pairs.some((p: { left: { id: string } }) => p.left.id === 'a-0')).toBe(false);
    const high = (await t.app.inject({ url: '/xref?limit=1000&min_score=0.99' })).json();
    expect(high.pairs.every((p: { score: number }) => p.score >= 0.99)).toBe(true);
    expect(high.total).toBeLessThanOrEqual(after.total);
    const bad = await t.app.inject({ url: '/xref?min_score=2' });
    expect(bad.statusCode).toBe(400);
  });
});
