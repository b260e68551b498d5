import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireNode } from '../../src/graph/lookup.js';
import { neighbours } from '../../src/graph/neighbours.js';
import { exposure } from '../../src/graph/exposure.js';
import { projectStore } from '../../src/graph/projection.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { CLAIMS, fakeClaims, fixtureStore, IDS } from './fixture.js';

let store: SqliteStore;
beforeEach(async () => {
  store = await fixtureStore();
});
afterEach(() => store.close());

describe('projection of the store', () => {
  it('makes parties nodes, folds sanctions into them, and leaves addresses and sanctions out', async () => {
    const { network: net, stats } = await projectStore(store);
    expect(net.nodes.map((n) => n.id).sort()).toEqual(
      [IDS.guard, IDS.branch, IDS.proxy, IDS.bank, IDS.front, IDS.vessel, IDS.leader, IDS.loner].sort(),
    );
    const guard = net.nodes[net.index.get(IDS.guard)!];
    expect(guard.programmes).toEqual(['IRGC', 'SDGT']);
    expect(guard.listings[0]).toMatchObject({ programme: 'IRGC', date: '2019-04-15', dataset: 'test_list' });
    expect(net.sanctioned[net.index.get(IDS.guard)!]).toBe(1);
    expect(net.sanctioned[net.index.get(IDS.bank)!]).toBe(0);
    // Three Linked To, one ownership, one vessel owner; the shared nationality is no edge.
    expect(stats).toMatchObject({ nodes: 8, edges: 5, listEdges: 5, claimEdges: 0 });
  });

  it('gives list edges their record as evidence and their type and direction', async () => {
    const { network: net } = await projectStore(store);
    const bank = net.index.get(IDS.bank)!;
    const front = net.index.get(IDS.front)!;
    const [e] = net.edgesBetween(bank, front);
    expect(net.types[net.edgeType[e]]).toBe('ownership');
    expect(net.edgeDirected[e]).toBe(1);
    expect(net.edgeSource[e]).toBe(bank);
    expect(net.edgeDates[e]).toBe('2015-03-01');
    expect(net.edgeEvidence[e]).toEqual([
      { kind: 'list', dataset: 'test_list', version: '2024-01-01', record_id: 'o1', entity_id: 'tl-o1' },
    ]);
    const vessel = net.index.get(IDS.vessel)!;
    const [owner] = net.edgesBetween(front, vessel);
    expect(net.edgeSource[owner]).toBe(front);
    expect(net.types[net.edgeType[owner]]).toBe('ownership');
  });

  it('adds accepted claims, proposed ones only on request, never negated or rejected ones', async () => {
    const claims = fakeClaims();
    const accepted = await projectStore(store, { claims });
    expect(accepted.stats).toMatchObject({ claimEdges: 2, claimsSkipped: 1 });
    const net = accepted.network;
    const leader = net.index.get(IDS.leader)!;
    const front = net.index.get(IDS.front)!;
    expect(net.edgesBetween(leader, front)).toEqual([]);
    expect(net.index.has(IDS.cartel)).toBe(false);
    const [hedged] = net.edgesBetween(front, net.index.get(IDS.proxy)!);
    expect(net.edgeStrength[hedged]).toBeCloseTo(0.42, 6);
    const [supplies] = net.edgesBetween(net.index.get(IDS.guard)!, leader);
    expect(net.edgeStrength[supplies]).toBeCloseTo(0.7, 6);
    expect(net.edgeEvidence[supplies][0]).toMatchObject({
      kind: 'document',
      document_id: 'doc-1',
      sentence: 'The Guard Corps sent drones to the Leader.',
      start: 10,
      end: 52,
      hedged: false,
      status: 'accepted',
    });

    const withProposed = await projectStore(store, { claims, includeProposed: true });
    expect(withProposed.stats.claimEdges).toBe(3);
    const cartel = withProposed.network.index.get(IDS.cartel)!;
    expect(withProposed.network.nodes[cartel]).toMatchObject({
      caption: 'Cartel of the Suns',
      schema: 'Organization',
    });
    const [proposed] = withProposed.network.edgesBetween(cartel, withProposed.network.index.get(IDS.proxy)!);
    expect(withProposed.network.edgeStrength[proposed]).toBeCloseTo(0.4, 6);
  });

  it('derives threat categories from programmes and claims', async () => {
    const { network: net } = await projectStore(store, { claims: fakeClaims() });
    const cats = (id: string) => net.categories[net.index.get(id)!];
    expect(cats(IDS.guard) & 1).toBe(1); // terrorism (SDGT)
    // The drones claim: proliferation/arms and military on both ends.
    expect(cats(IDS.leader)).toBe((1 << 3) | (1 << 6));
    expect(cats(IDS.bank)).toBe(0);
  });

  it('merges entities that share a canonical id into one node', async () => {
    const canonicalId = (id: string) => (id === IDS.branch ? IDS.guard : id);
    const { network: net } = await projectStore(store, { canonicalId });
    expect(net.index.has(IDS.branch)).toBe(false);
    const guard = net.nodes[net.index.get(IDS.guard)!];
    expect(guard.members.sort()).toEqual([IDS.branch, IDS.guard].sort());
    expect(guard.programmes.sort()).toEqual(['IRGC', 'SDGT']);
    // The link between the two merged entities disappears; the branch's link to the proxy stays.
    expect(net.edgesBetween(net.index.get(IDS.guard)!, net.index.get(IDS.proxy)!)).toHaveLength(1);
    expect(net.edgeCount).toBe(4);
  });

  it('finds a document party merged into a list entry by its own id, the entry id and the canonical id', async () => {
    const merged = 'tgl-aaaaaaaaaaaaaaaa';
    const cluster = [IDS.cartel, IDS.leader];
    const canonicalId = (id: string) => (cluster.includes(id) ? merged : id);
    const clusters = () => [{ canonicalId: merged, members: cluster }];
    for (const includeProposed of [true, false]) {
      // With proposed claims the cartel's own claim is in the network; without, only the judgement.
      const { network: net } = await projectStore(store, {
        claims: fakeClaims(),
        canonicalId,
        clusters,
        includeProposed,
      });
      expect(net.index.has(IDS.cartel)).toBe(false);
      const node = requireNode(net, IDS.cartel);
      expect(requireNode(net, merged)).toBe(node);
      expect(requireNode(net, IDS.leader)).toBe(node);
      expect(net.nodes[node].members.sort()).toEqual([IDS.cartel, IDS.leader]);
      expect(net.nodes[node].caption).toBe('Leader of the Republic');
      expect(neighbours(net, requireNode(net, IDS.cartel)).center.id).toBe(merged);
      const x = exposure(net, requireNode(net, IDS.cartel), IDS.cartel, { hops: 2 });
      expect(x.entity).toMatchObject({ id: merged, query: IDS.cartel, sanctioned: true });
      expect(x.exposures.map((e) => e.entity_id)).toContain(IDS.guard);
      if (includeProposed) expect(x.exposures.map((e) => e.entity_id)).toContain(IDS.proxy);
    }
  });

  it('makes one node of two document parties judged the same, found by either id', async () => {
    const merged = 'tgl-bbbbbbbbbbbbbbbb';
    const other = 'doc-other';
    const claims = fakeClaims([
      ...CLAIMS,
      { ...CLAIMS[1], id: 'c6', source_id: IDS.bank, target_id: other, status: 'accepted' },
    ]);
    const canonicalId = (id: string) => (id === IDS.cartel || id === other ? merged : id);
    const { network: net } = await projectStore(store, { claims, canonicalId, includeProposed: true });
    const node = requireNode(net, other);
    expect(requireNode(net, IDS.cartel)).toBe(node);
    expect(requireNode(net, merged)).toBe(node);
    expect(net.nodes[node].members.sort()).toEqual([IDS.cartel, other].sort());
    expect(
      neighbours(net, node)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual([merged, IDS.bank, IDS.proxy].sort());
  });
});
