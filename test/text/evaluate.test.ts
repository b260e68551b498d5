import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { f1, loadAnnotatedSet, scoreArticle, type GoldArticle } from '../../src/text/evaluate.js';
import type { Extraction } from '../../src/text/extraction.js';

const gold: GoldArticle = {
  name: 'a',
  text: 'x',
  entities: [
    { id: 'g1', name: 'United States', type: 'Country', mentions: ['Washington', 'U.S.'] },
    { id: 'g2', name: 'Treasury', type: 'PublicBody', mentions: ['Treasury'] },
    { id: 'g3', name: 'Bluefin Trading FZE', type: 'Company', mentions: ['Bluefin Trading'], sdn_uid: 123 },
    { id: 'g4', name: 'Karim Vahedi', type: 'Person', mentions: ['Karim Vahedi'] },
  ],
  relations: [
    {
      source: 'g2',
      target: 'g3',
      type: 'sanctions',
      domain: 'economic',
      sentence: 's',
      negated: false,
      hedged: false,
      date: '2020',
    },
    {
      source: 'g1',
      target: 'g4',
      type: 'sanctions',
      domain: 'economic',
      sentence: 's',
      negated: true,
      hedged: false,
      date: null,
    },
    {
      source: 'g4',
      target: 'g3',
      type: 'ownership',
      domain: 'economic',
      sentence: 's',
      negated: false,
      hedged: true,
      date: null,
    },
  ],
  equivalences: [['g1', 'g2']],
};

const mention = (text: string) => ({ text, start: 0, end: text.length });
const pred: Extraction = {
  sentences: [],
  entities: [
    {
      id: 'e1',
      name: 'Washington',
      schema: 'Country',
      linked_id: null,
      link_confidence: 0,
      ambiguous: false,
      mentions: [mention('Washington')],
    },
    {
      id: 'e2',
      name: 'Bluefin Trading',
      schema: 'Company',
      linked_id: 'us_ofac_sdn-123',
      link_confidence: 0.9,
      ambiguous: false,
      mentions: [mention('Bluefin Trading')],
    },
    {
      id: 'e3',
      name: 'Karim Vahedi',
      schema: 'Person',
      linked_id: 'us_ofac_sdn-9',
      link_confidence: 0.8,
      ambiguous: false,
      mentions: [mention('Karim Vahedi')],
    },
    {
      id: 'e4',
      name: 'Nowhere',
      schema: 'Location',
      linked_id: null,
      link_confidence: 0,
      ambiguous: false,
      mentions: [mention('Nowhere')],
    },
  ],
  relations: [
    // Washington for the Treasury: one equivalence group.
    {
      source: 'e1',
      target: 'e2',
      type: 'sanctions',
      subtype: null,
      item: null,
      domain: 'economic',
      sentence: 's',
      start: 0,
      end: 1,
      hedged: false,
      negated: false,
      date: '2020',
      confidence: 1,
    },
    // A negated claim emitted as positive.
    {
      source: 'e1',
      target: 'e3',
      type: 'sanctions',
      subtype: null,
      item: null,
      domain: 'economic',
      sentence: 's',
      start: 0,
      end: 1,
      hedged: false,
      negated: false,
      date: null,
      confidence: 1,
    },
    // Same family (control), wrong direction: not a match.
    {
      source: 'e2',
      target: 'e3',
      type: 'controls',
      subtype: null,
      item: null,
      domain: 'economic',
      sentence: 's',
      start: 0,
      end: 1,
      hedged: true,
      negated: false,
      date: null,
      confidence: 1,
    },
  ],
};

describe('reading scorer', () => {
  const s = scoreArticle(gold, pred);

  it('matches entities by shared mentions and counts schema and link agreement', () => {
    expect(s.entities).toEqual({ tp: 3, fp: 1, fn: 1 });
    expect(s.schemaCorrect).toBe(3);
    expect(s.linkCorrect).toBe(1);
    expect(s.linkTotal).toBe(1);
    expect(s.wrongLinks).toBe(1);
  });

  it('matches relations through equivalence groups and type families, directed where the family is', () => {
    expect(s.relations).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(s.negatedAsPositive).toBe(1);
    expect(s.dateAgree).toBe(2);
    expect(f1(s.relations).f).toBeCloseTo(2 / 3);
  });

  const dir = mkdtempSync(join(tmpdir(), 'tangle-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads article_N.txt with article_N.gold.json and equivalences.json, in numeric order', () => {
    for (const n of [2, 10]) {
      writeFileSync(join(dir, `article_${n}.txt`), `Text ${n}`);
      writeFileSync(join(dir, `article_${n}.gold.json`), JSON.stringify({ entities: [], relations: [] }));
    }
    writeFileSync(join(dir, 'article_3.gold.json'), JSON.stringify({ entities: [], relations: [] }));
    writeFileSync(join(dir, 'equivalences.json'), JSON.stringify({ article_10: [['e1', 'e2']] }));
    const set = loadAnnotatedSet(dir);
    expect(set.map((a) => a.name)).toEqual(['article_2', 'article_10']);
    expect(set[1]!.equivalences).toEqual([['e1', 'e2']]);
    expect(loadAnnotatedSet(join(dir, 'missing'))).toEqual([]);
  });
});
