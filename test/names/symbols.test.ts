/** Emoji and symbols are not parts of a name: they must not cost a screening its match. */
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../../src/match/candidate-index.js';
import { normalizeName } from '../../src/names/normalize.js';
import type { EntityRecord } from '../../src/store/store.js';

const record = (id: string, schema: string, name: string): EntityRecord => ({
  id,
  schema,
  caption: name,
  datasets: ['test'],
  recordIds: { test: [id] },
  properties: { name: [name], topics: ['sanction'] },
  firstSeen: '2024-01-01',
  lastSeen: '2024-01-01',
  lastChange: '2024-01-01',
});

describe('symbols and pictographs', () => {
  it('are dropped in normalisation, letters of every script kept', () => {
    expect(normalizeName('Nicolas Maduro 💰')).toBe('nicolas maduro');
    expect(normalizeName('Mahan Air ✈')).toBe('mahan air');
    expect(normalizeName('Rosneft™ ©®')).toBe('rosneft');
    expect(normalizeName('👍🏽 Ivan ❤️ Petrov 1️⃣')).toBe('ivan petrov 1');
    expect(normalizeName('€ Banco $ Sur')).toBe('banco sur');
    expect(normalizeName('محمد 💰')).not.toBe('');
    expect(normalizeName('金正恩 ✈')).toBe(normalizeName('金正恩'));
    expect(normalizeName('Владимир Путин 🇷🇺')).toBe('vladimir putin');
  });

  it('do not cost a screening its match', () => {
    const index = CandidateIndex.build([
      record('p-1', 'Person', 'MADURO MOROS, Nicolas'),
      record('c-1', 'Company', 'MAHAN AIR'),
      record('c-2', 'Company', 'ROSNEFT OIL COMPANY'),
    ]);
    const best = (schema: string, name: string) => {
      const hit = index.screen({ schema, properties: { name: [name] } }).hits[0];
      return hit ? [hit.entity.id, hit.result.score] : [];
    };
    const plain = best('Person', 'Nicolas Maduro')[1];
    expect(best('Person', 'Nicolas Maduro 💰')).toEqual(['p-1', plain]);
    expect(best('Company', 'Mahan Air ✈')).toEqual(['c-1', best('Company', 'Mahan Air')[1]]);
    expect(best('Company', 'Rosneft Oil Company™')).toEqual([
      'c-2',
      best('Company', 'Rosneft Oil Company')[1],
    ]);
  });
});
