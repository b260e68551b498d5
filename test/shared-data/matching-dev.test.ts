/**
 * Accuracy on the labelled dev pairs in ../shared/data/matching (entity-checks.yml, from
 * nomenklatura) and rank agreement with OFAC's search tool. The floors are what tangle-v1 reaches
 * today minus a small margin: a change that loses accuracy fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEntityChecks, readOfacScores } from '../../bench/accuracy.js';
import { prepareQuery, scoreEntity } from '../../src/match/entity.js';
import { evaluateAt, scorePairs, spearman } from '../../src/match/evaluate.js';
import { hasSharedData, shared } from '../helpers/shared-data.js';

describe.skipIf(!hasSharedData)('matching dev set', () => {
  const pairs = hasSharedData
    ? readEntityChecks(readFileSync(shared('matching', 'entity-checks.yml'), 'utf8'))
    : [];

  it('reads all labelled pairs', () => {
    expect(pairs.length).toBe(228);
    expect(pairs.filter((p) => p.match).length).toBe(127);
    const multiLine = pairs.find((p) => (p.query.properties.name?.[0] ?? '').includes('АДАПТАЦИИ'));
    expect(multiLine).toBeDefined();
    expect(pairs.some((p) => p.candidate.properties.fatherName?.[0] === 'Viktorovich')).toBe(true);
  });

  it('reaches F1 ≥ 0.95 at the default threshold', () => {
    const e = evaluateAt(scorePairs(pairs), 0.7);
    expect(e.f1).toBeGreaterThanOrEqual(0.95);
    expect(e.precision).toBeGreaterThanOrEqual(0.97);
    expect(e.recall).toBeGreaterThanOrEqual(0.92);
  });

  it('beats the Jaro-Winkler baseline by a wide margin', () => {
    const jw = evaluateAt(scorePairs(pairs, { algorithm: 'jaro-winkler' }), 0.9);
    const v1 = evaluateAt(scorePairs(pairs), 0.7);
    expect(v1.f1 - jw.f1).toBeGreaterThan(0.2);
  });

  it('ranks candidates broadly like OFAC’s search tool', () => {
    const rows = readOfacScores(
      readFileSync(shared('matching', 'ofac-search-tool-scores.csv'), 'utf8'),
      'ofac-search-tool-scores.csv',
    );
    expect(rows.length).toBe(170);
    const ours = rows.map(
      (r) =>
        scoreEntity(prepareQuery({ schema: 'LegalEntity', properties: { name: [r.query] } }), {
          schema: 'LegalEntity',
          properties: { name: [r.result] },
        }).score,
    );
    const theirs = rows.map((r) => Math.max(0, r.ofac));
    expect(spearman(ours, theirs)).toBeGreaterThan(0.55);
  });
});
