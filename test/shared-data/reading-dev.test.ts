/**
 * The reading engine on the shared development set, with the bundled lists as its gazetteer:
 * loose floors (the set is small; these catch breakage, not tune numbers).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundledData } from '../../src/logic/bundled.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { f1, loadAnnotatedSet, scoreArticle, sumScores, type ArticleScore } from '../../src/text/evaluate.js';
import { createReader } from '../../src/text/reader.js';
import { hasSharedData, shared } from '../helpers/shared-data.js';

describe.skipIf(!hasSharedData)('reading the dev set', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tangle-reading-dev-'));
  let total: ArticleScore;

  beforeAll(async () => {
    const store = new SqliteStore(join(dir, 'store.sqlite'));
    await ensureBundledData(store);
    const reader = await createReader(store);
    await store.close();
    const articles = loadAnnotatedSet(shared('reading'));
    expect(articles.length).toBeGreaterThanOrEqual(4);
    total = sumScores(articles.map((a) => scoreArticle(a, reader.read(a.text))));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the parties', () => {
    expect(f1(total.entities).f).toBeGreaterThan(0.85);
    expect(total.schemaCorrect / total.entities.tp).toBeGreaterThan(0.85);
  });

  it('links listed parties and makes almost no wrong links', () => {
    expect(total.linkCorrect / total.linkTotal).toBeGreaterThan(0.75);
    expect(total.wrongLinks).toBeLessThanOrEqual(2);
  });

  it('finds the relations and never emits a negated one as positive', () => {
    expect(f1(total.relations).f).toBeGreaterThan(0.7);
    expect(total.negatedAsPositive).toBe(0);
    expect(total.hedgedAgree / total.relations.tp).toBeGreaterThan(0.8);
  });
});
