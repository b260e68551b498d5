/**
 * Cross-referencing the real SDN, UN and CSL lists: known parties listed by several of them are
 * proposed (and merged automatically when a passport agrees), namesakes with other birth dates
 * are not, and the pairs carry the lists' own record ids.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/logic/import.js';
import { CandidateIndex } from '../../src/match/candidate-index.js';
import { crossReference, type XrefRun } from '../../src/resolve/xref.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { EntityRecord } from '../../src/store/store.js';
import { hasSharedData, shared } from '../helpers/shared-data.js';

describe.skipIf(!hasSharedData)('xref on the real lists', () => {
  const store = new SqliteStore(':memory:');
  let run: XrefRun;
  const pair = (a: string, b: string) =>
    run.pairs.find((p) => (p.left.id === a && p.right.id === b) || (p.left.id === b && p.right.id === a));

  beforeAll(async () => {
    await importFiles(store, {
      format: 'ofac-csv',
      paths: [shared('ofac', 'sdn-history', 'sdn-2024-05-03.csv.gz')],
    });
    await importFiles(store, {
      format: 'un-xml',
      paths: [shared('un', 'un-consolidated-2026-02-27.xml.gz')],
    });
    await importFiles(store, { format: 'us-csl', paths: [shared('us-csl', 'csl-2019.csv')] });
    const records: EntityRecord[] = [];
    for await (const r of store.currentEntities()) records.push(r);
    run = crossReference(CandidateIndex.build(records), records);
  }, 120_000);
  afterAll(async () => store.close());

  it('merges a UN and an SDN listing with the same passport automatically', () => {
    const p = pair('un_sc_sanctions-110409', 'us_ofac_sdn-10584');
    expect(p).toMatchObject({ auto: true, decision: null });
    expect(p!.sharedIds).toContainEqual({ kind: 'passport', value: 'D08531177' });
    expect(p!.left.recordIds).toEqual({ un_sc_sanctions: ['110409'] });
    expect(p!.right.recordIds).toEqual({ us_ofac_sdn: ['10584'] });
  });

  it('proposes a CSL row and the SDN entry its entity number names', () => {
    expect(pair('us_trade_csl-10727', 'us_ofac_sdn-10727')).toBeDefined();
  });

  it('does not propose a father and son of one name (born 1947 and 1983)', () => {
    // SABAWI IBRAHIM AL-TIKRITI's son IBRAHIM SABAWI on the UN list against the father on the SDN list.
    const p = pair('un_sc_sanctions-6908130', 'us_ofac_sdn-7878');
    expect(p?.auto ?? false).toBe(false);
  });

  it('pairs only across datasets by default', () => {
    for (const p of run.pairs) expect(p.left.datasets[0]).not.toBe(p.right.datasets[0]);
  });
});
