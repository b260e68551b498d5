/**
 * A loose guard against accidental slowness (the real numbers come from bench/accuracy.ts): with a
 * prepared query and analysed candidates, scoring must take microseconds per pair, not
 * milliseconds, even on a busy machine.
 */
import { describe, expect, it } from 'vitest';
import { analyzeEntityNames, prepareQuery, scoreEntity } from '../../src/match/entity.js';

const NAMES = [
  'MADURO MOROS, Nicolas',
  'SOLEIMANI, Qasem',
  'ISLAMIC REVOLUTIONARY GUARD CORPS',
  'HIZBALLAH',
  'KIM, Jong Un',
  'BIN LADIN, Usama bin Muhammad bin Awad',
  'TACTICAL MISSILES CORPORATION JOINT STOCK COMPANY',
  'SEA PRIDE 2',
  'AL-ASSAD, Bashar',
  'PUTIN, Vladimir Vladimirovich',
  'BANK MELLI IRAN',
  'ROSNEFT OIL COMPANY',
  'GUZMAN LOERA, Joaquin',
];

describe('scoring speed', () => {
  it('scores a prepared query against analysed candidates in well under a millisecond', () => {
    const candidates = NAMES.map((n, i) =>
      analyzeEntityNames({
        schema: i % 3 === 0 ? 'Person' : 'LegalEntity',
        properties: { name: [n], alias: [n.toLowerCase()] },
      }),
    );
    const queries = ['Nicolas Maduro', 'قاسم سليماني', 'Hezbollah', 'Sea Pride II', 'Trading LLC'].map((n) =>
      prepareQuery({ schema: 'LegalEntity', properties: { name: [n] } }),
    );
    const config = { explain: false };
    for (const q of queries) for (const c of candidates) scoreEntity(q, c, config); // warm up
    const rounds = 200;
    const t0 = process.hrtime.bigint();
    for (let r = 0; r < rounds; r++)
      for (const q of queries) for (const c of candidates) scoreEntity(q, c, config);
    const perPair =
      Number(process.hrtime.bigint() - t0) / 1000 / (rounds * queries.length * candidates.length);
    expect(perPair).toBeLessThan(200);
  });
});
