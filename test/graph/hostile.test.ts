/**
 * Hostile acts — one party sanctions, strikes or threatens another — are no tie between the two:
 * paths and exposure do not run through them (else every listed party would sit two hops from the
 * authority that listed it), while the evidence stays visible around each party.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exposure } from '../../src/graph/exposure.js';
import { neighbours } from '../../src/graph/neighbours.js';
import type { Network } from '../../src/graph/network.js';
import { findPaths } from '../../src/graph/paths.js';
import { projectStore } from '../../src/graph/projection.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { CLAIMS, fakeClaims, fixtureStore, IDS } from './fixture.js';

let store: SqliteStore;
let net: Network;
const at = (id: string) => net.index.get(id)!;

beforeAll(async () => {
  store = await fixtureStore();
  const hostile = [
    {
      ...CLAIMS[0],
      id: 'h1',
      source_id: IDS.loner,
      target_id: IDS.leader,
      type: 'sanctions',
      domain: 'economic',
    },
    {
      ...CLAIMS[0],
      id: 'h2',
      source_id: IDS.loner,
      target_id: IDS.vessel,
      type: 'strikes',
      domain: 'military',
    },
  ];
  net = (await projectStore(store, { claims: fakeClaims([...CLAIMS, ...hostile]) })).network;
});
afterAll(() => store.close());

describe('hostile acts in the network', () => {
  it('are shown with their evidence around the party that acted', () => {
    const r = neighbours(net, at(IDS.loner), { hops: 1, domains: ['economic', 'military'] });
    expect(r.edges.map((e) => e.type).sort()).toEqual(['sanctions', 'strikes']);
  });

  it('carry no path between the parties they name', () => {
    const r = findPaths(net, at(IDS.leader), at(IDS.vessel), { k: 1 });
    for (const p of r.paths) {
      expect(p.steps.some((s) => s.source === IDS.loner || s.target === IDS.loner)).toBe(false);
    }
  });

  it('give no exposure: the sanctioning party is not close to what it sanctions', () => {
    const r = exposure(net, at(IDS.loner), IDS.loner, { hops: 3 });
    expect(r.exposures.map((x) => x.entity_id)).not.toContain(IDS.leader);
  });
});
