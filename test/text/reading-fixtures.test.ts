/**
 * The annotated fixtures in bench/data/reading keep the development set's conventions: mentions
 * occur verbatim, relation sentences are whole sentences of the text, types and domains come from
 * the reading vocabulary, and no pair is stated both positively and negatively in one type family.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOMAINS, PARTY_SCHEMATA } from '../../src/text/extraction.js';
import { ROOT } from '../helpers/cli.js';

const DIR = join(ROOT, 'bench', 'data', 'reading');
const FAMILIES: Record<string, string> = {
  ownership: 'control',
  controls: 'control',
  directorship: 'control',
  operates: 'control',
  membership: 'membership',
  employment: 'membership',
  associate: 'association',
  allied_with: 'association',
  family: 'kinship',
  pays: 'financial',
  finances: 'financial',
  supplies: 'trade',
  transports: 'trade',
  trades_with: 'trade',
  sanctions: 'sanctions',
  strikes: 'violence',
};

interface Gold {
  entities: Array<{ id: string; name: string; type: string; mentions: string[]; sdn_uid?: number }>;
  relations: Array<{
    source: string;
    target: string;
    type: string;
    domain: string;
    sentence: string;
    negated: boolean;
    hedged: boolean;
    date: string | null;
  }>;
}

const articles = readdirSync(DIR)
  .filter((f) => /^article_\d+\.txt$/.test(f))
  .map((f) => f.replace(/\.txt$/, ''));
const equivalences = JSON.parse(readFileSync(join(DIR, 'equivalences.json'), 'utf8')) as Record<
  string,
  string[][]
>;

describe('reading fixtures', () => {
  it('has six articles with gold graphs', () => {
    expect(articles).toHaveLength(6);
  });

  for (const stem of articles) {
    it(`${stem} follows the annotation conventions`, () => {
      const text = readFileSync(join(DIR, `${stem}.txt`), 'utf8');
      const gold = JSON.parse(readFileSync(join(DIR, `${stem}.gold.json`), 'utf8')) as Gold;
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
      for (const group of equivalences[stem] ?? []) for (const id of group) canon.set(id, group[0]);
      const polarity = new Map<string, Set<boolean>>();
      for (const r of gold.relations) {
        expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
        expect(FAMILIES[r.type]).toBeDefined();
        expect(DOMAINS).toContain(r.domain);
        expect(lines.slice(2).some((p) => p.includes(r.sentence))).toBe(true);
        expect(r.date === null || /^\d{4}(-\d\d(-\d\d)?)?$/.test(r.date)).toBe(true);
        const pair = [canon.get(r.source) ?? r.source, canon.get(r.target) ?? r.target].sort().join('|');
        const key = `${pair}|${FAMILIES[r.type]}`;
        polarity.set(key, (polarity.get(key) ?? new Set()).add(r.negated));
      }
      for (const [key, seen] of polarity) expect(seen.size, key).toBe(1);
      expect(gold.relations.some((r) => r.negated)).toBe(true);
      expect(gold.relations.some((r) => r.hedged)).toBe(true);
    });
  }
});
