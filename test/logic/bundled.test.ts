/**
 * The bundled snapshot a fresh install loads: the 2024-05-03 SDN list with the alias, address and
 * remarks files of OFAC's December 2025 release, and the UN list. The seed case's own actors must
 * be found by the names everyone uses for them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundledData } from '../../src/logic/bundled.js';
import type { ImportOutcome } from '../../src/logic/import.js';
import { buildIndex } from '../../src/logic/screening.js';
import { SqliteStore } from '../../src/store/sqlite.js';

describe('the bundled data', () => {
  const store = new SqliteStore(':memory:');
  let outcomes: ImportOutcome[];
  beforeAll(async () => {
    outcomes = await ensureBundledData(store);
  });
  afterAll(() => store.close());

  it('knows PDVSA and CONVIASA by their aliases, each naming the file it came from', async () => {
    const [pdvsa] = await store.findByName('PDVSA');
    expect(pdvsa).toMatchObject({ id: 'us_ofac_sdn-26367', caption: 'PETROLEOS DE VENEZUELA, S.A.' });
    const [conviasa] = await store.findByName('CONVIASA');
    expect(conviasa?.id).toBe('us_ofac_sdn-28230');
    const entity = await store.getEntity('us_ofac_sdn-28230');
    const alias = entity!.statements.find((s) => s.value === 'CONVIASA')!;
    expect(alias.origin).toMatch(/^alt-2025-12\.csv line \d+$/);
    expect(alias.firstSeen).toBe('2024-05-03');
    const address = entity!.statements.find((s) => s.prop === 'address' || s.propType === 'address');
    expect(address?.origin ?? '').toMatch(/^add-2025-12\.csv line \d+$/);
    const name = entity!.statements.find((s) => s.prop === 'name')!;
    expect(name.origin).toMatch(/^sdn-2024-05-03\.csv line \d+$/);
  });

  it('screens "Conviasa" to the airline', async () => {
    const index = await buildIndex(store);
    const hits = index.screen({ schema: 'Company', properties: { name: ['Conviasa'] } }).hits;
    expect(hits[0]?.entity.id).toBe('us_ofac_sdn-28230');
  });

  it('warns about every alias and address row it could not join to a 2024-05-03 entry', () => {
    const sdn = outcomes.find((o) => o.dataset === 'us_ofac_sdn')!;
    expect(sdn.version).toBe('2024-05-03');
    const unjoined = sdn.warningList.filter((w) =>
      /is for ent_num \d+, which is not in the primary file/.test(w),
    );
    expect(unjoined.some((w) => w.startsWith('alt-2025-12.csv'))).toBe(true);
    expect(unjoined.some((w) => w.startsWith('add-2025-12.csv'))).toBe(true);
    expect(unjoined.length).toBeGreaterThan(1000);
  });
});
