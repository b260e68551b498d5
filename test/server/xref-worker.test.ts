/**
 * GET /xref on a store file pairs in a worker thread that opens the file read-only: the same pairs
 * as the in-process path, progress with its stage, judgements made while it runs applied, a failed
 * worker answered as a 500 and logged (never an unhandled rejection), and workers stopped on close.
 *
 * The worker runs compiled JavaScript from dist/ (see src/worker-script.ts): `npm test` builds it.
 */
import type { FastifyInstance } from 'fastify';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/logic/import.js';
import { XrefRunError, WorkerXref } from '../../src/resolve/xref-thread.js';
import { buildApp } from '../../src/server/app.js';
import { serverConfig } from '../../src/server/config.js';
import { tempDir } from '../helpers/temp.js';
import { testServer, type TestServer } from './helpers.js';
import { PEOPLE, writeLists } from './xref-lists.js';

interface PairJson {
  left: { id: string };
  right: { id: string };
  score: number;
  decision: string | null;
}

const noLimits = { rateLimit: { perAddress: 0, perKey: 0, login: 1000 } };

describe('GET /xref in a worker thread (store file)', () => {
  let t: TestServer;
  /** A second server on the same store, pairing in process. */
  let inProcess: FastifyInstance;
  let path: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    const dir = tempDir();
    path = join(dir, 'store.sqlite');
    t = await testServer({ storePath: path, config: noLimits });
    const [pa, pb] = writeLists(dir);
    await importFiles(t.store, { format: 'ftm', paths: [pa], dataset: 'list_a' });
    await importFiles(t.store, { format: 'ftm', paths: [pb], dataset: 'list_b' });
    inProcess = await buildApp({
      store: t.store,
      accounts: t.accounts,
      config: serverConfig({ ...noLimits, xrefWorker: false }),
    });
    await Promise.all([t.app.ready(), inProcess.ready()]);
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await inProcess.close();
    await t.app.close();
    await t.store.close();
  });

  const judge = async (left: string, right: string, decision: string) => {
    const analyst = await t.login('analyst');
    const r = await t.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf },
      payload: { judgements: [{ left, right, decision }] },
    });
    expect(r.statusCode).toBe(201);
  };
  const pairOf = (pairs: PairJson[], left: string) => pairs.find((p) => p.left.id === left);

  it('answers 202 with its stage, applies judgements made meanwhile, and pairs as in process', async () => {
    const first = await t.app.inject({ url: '/xref?wait=0' });
    expect(first.statusCode).toBe(202);
    expect(first.headers['retry-after']).toBe('1');
    expect(first.json()).toMatchObject({ status: 'computing', done: 0, total: 0 });
    expect(['reading', 'indexing', 'pairing']).toContain(first.json().stage);

    // Judged while the worker runs (it starts a thread, reads, indexes and pairs 3,000 entries:
    // far longer than these two requests).
    await judge('a-0', 'b-0', 'same');
    await judge('a-10', 'b-10', 'different');
    expect((await t.app.inject({ url: '/xref?wait=0' })).statusCode).toBe(202);

    const stages = new Set<string>();
    let ready = false;
    while (!ready) {
      expect((await t.app.inject({ url: '/healthz' })).statusCode).toBe(200);
      const r = await t.app.inject({ url: '/xref?wait=0' });
      if (r.statusCode === 200) ready = true;
      else {
        expect(r.statusCode).toBe(202);
        const { stage, done, total } = r.json();
        stages.add(stage);
        expect(done).toBeLessThanOrEqual(total);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    expect(stages.size).toBeGreaterThan(0);
    for (const s of stages) expect(['reading', 'indexing', 'pairing']).toContain(s);

    const body = (await t.app.inject({ url: '/xref?limit=5000' })).json();
    expect(body.status).toBe('ready');
    // The judgements made while it ran: a-0 is the same as b-0, a-10 / b-10 is no longer proposed.
    expect(pairOf(body.pairs, 'a-0')?.decision).toBe('same');
    expect(pairOf(body.pairs, 'a-10')).toBeUndefined();
    const shared = body.pairs.filter((p: PairJson) => p.left.id.slice(2) === p.right.id.slice(2));
    expect(shared.length).toBe(PEOPLE / 10 - 1);

    // The in-process path on the same store gives the same pairs, scores, explanations and decisions.
    const local = (await inProcess.inject({ url: '/xref?limit=5000&wait=60' })).json();
    expect(local.status).toBe('ready');
    expect(body.total).toBe(local.total);
    expect(body.screened).toBe(local.screened);
    expect(body.pairs).toEqual(local.pairs);

    // A judgement after the run is shown at once, without a new run.
    await judge('a-20', 'b-20', 'same');
    const after = (await t.app.inject({ url: '/xref?limit=5000' })).json();
    expect(after.seconds).toBe(body.seconds);
    expect(pairOf(after.pairs, 'a-20')?.decision).toBe('same');
  });

  it('answers a failed worker with a 500 and logs it; the next request starts a new run', async () => {
    const logs: string[] = [];
    const logged = await buildApp({
      store: t.store,
      accounts: t.accounts,
      config: serverConfig(noLimits),
      logger: { level: 'error', stream: { write: (line: string) => void logs.push(line) } },
    });
    await logged.ready();
    // The worker opens the file by its path: moved away, it cannot (the server keeps its handle).
    renameSync(path, `${path}.moved`);
    let failed;
    try {
      failed = await logged.inject({ url: '/xref?wait=30' });
    } finally {
      renameSync(`${path}.moved`, path);
    }
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toEqual({
      error: 'xref_failed',
      detail: expect.stringContaining('pairing the lists failed'),
    });
    expect(failed.body).not.toContain(path);
    expect(logs.some((l) => l.includes('cross-referencing failed') && l.includes('cannot open'))).toBe(true);

    const again = await logged.inject({ url: '/xref?wait=60&limit=1' });
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('ready');
    await logged.close();
    expect(unhandled).toEqual([]);
  });

  it('rejects a run whose worker cannot start, and terminates running workers on close', async () => {
    const broken = new WorkerXref(path, { script: pathToFileURL(join(tempDir(), 'missing.js')) });
    await expect(broken.run({}, () => {})).rejects.toBeInstanceOf(XrefRunError);
    expect(broken.active).toBe(0);

    const workers = new WorkerXref(path);
    const stages: string[] = [];
    const running = workers.run({}, (p) => stages.push(p.stage));
    const queued = workers.run({ threshold: 0.9 }, (p) => stages.push(p.stage));
    const outcomes = Promise.allSettled([running, queued]);
    expect(workers.active).toBe(1);
    expect(stages).toContain('waiting');
    await workers.close();
    expect(workers.active).toBe(0);
    for (const o of await outcomes) {
      expect(o.status).toBe('rejected');
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(XrefRunError);
      expect((o as PromiseRejectedResult).reason.message).toBe('the server is closing');
    }

    // A server closed while its worker runs stops it and closes cleanly.
    const app = await buildApp({ store: t.store, accounts: t.accounts, config: serverConfig(noLimits) });
    await app.ready();
    expect((await app.inject({ url: '/xref?wait=0&threshold=0.95' })).statusCode).toBe(202);
    await app.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });
});
