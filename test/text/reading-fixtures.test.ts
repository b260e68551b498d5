/**
 * The annotated fixtures in bench/data/reading keep the development set's conventions: mentions
 * occur verbatim, relation sentences are whole sentences of the text, types and domains come from
 * the reading vocabulary, and no pair is stated both positively and negatively in one type family.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { familyOf, FAMILIES, loadAnnotatedSet } from '../../src/text/evaluate.js';
import { DOMAINS, PARTY_SCHEMATA } from '../../src/text/extraction.js';
import { ROOT } from '../helpers/cli.js';

const articles = loadAnnotatedSet(join(ROOT, 'bench', 'data', 'reading'));
// The annotation vocabulary: every family the scorer knows but the engine's own 'threat' types.
const SCORED_TYPES = new Set(Object.entries(FAMILIES).flatMap(([f, types]) => (f === 'threat' ? [] : types)));

describe('reading fixtures', () => {
  it('has six articles with gold graphs', () => {
    expect(articles).toHaveLength(6);
  });

  for (const { name: stem, text, equivalences, ...gold } of articles) {
    it(`${stem} follows the annotation conventions`, () => {
      const lines = text.trimEnd().split('\n');
      expect(lines[1]).toBe('');
      const words = text.split(/\s+/).filter((w) => /\w/.test(w)).length;
      expect(words).toBeGreaterThanOrEqual(400);
      expect(words).toBeLessThanOrEqual(550);
      const ids = new Set(gold.entities.map((e) => e.id));
      for (const e of gold.entities) {
        expect(PARTY_SCHEMATA).toContain(e.type);
        for (const m of e.mentions) {
          const re = new RegExp(
            `(?<![\\w])${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${/\w$/.test(m) ? '(?!\\w)' : ''}`,
            'u',
          );
          expect(re.test(text), `${e.id} mention ${m}`).toBe(true);
        }
      }
      const canon = new Map<string, string>();
      for (const group of equivalences) for (const id of group) canon.set(id, group[0]);
      const polarity = new Map<string, Set<boolean>>();
      for (const r of gold.relations) {
        expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
        expect(SCORED_TYPES.has(r.type), r.type).toBe(true);
        expect(DOMAINS).toContain(r.domain);
        expect(lines.slice(2).some((p) => p.includes(r.sentence))).toBe(true);
        expect(r.date === null || /^\d{4}(-\d\d(-\d\d)?)?$/.test(r.date)).toBe(true);
        const pair = [canon.get(r.source) ?? r.source, canon.get(r.target) ?? r.target].sort().join('|');
        const key = `${pair}|${familyOf(r.type)}`;
        polarity.set(key, (polarity.get(key) ?? new Set()).add(r.negated));
      }
      for (const [key, seen] of polarity) expect(seen.size, key).toBe(1);
      expect(gold.relations.some((r) => r.negated)).toBe(true);
      expect(gold.relations.some((r) => r.hedged)).toBe(true);
    });
  }
});
