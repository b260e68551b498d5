import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brokers } from '../../src/graph/brokers.js';
import { communities } from '../../src/graph/communities.js';
import { convergence } from '../../src/graph/convergence.js';
import { exposure, screenedExposure } from '../../src/graph/exposure.js';
import { requireNode, UnknownPartyError } from '../../src/graph/lookup.js';
import { neighbours } from '../../src/graph/neighbours.js';
import type { Network } from '../../src/graph/network.js';
import { findPaths } from '../../src/graph/paths.js';
import { projectStore } from '../../src/graph/projection.js';
import { scenario } from '../../src/graph/scenario.js';
import { timeline } from '../../src/graph/timeline.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { fakeClaims, fixtureStore, IDS } from './fixture.js';

let store: SqliteStore;
let net: Network;
const at = (id: string) => net.index.get(id)!;

beforeAll(async () => {
  store = await fixtureStore();
  net = (await projectStore(store, { claims: fakeClaims() })).network;
});
afterAll(() => store.close());

describe('neighbours', () => {
  it('lists parties within K hops with their distance and the edges among them', () => {
    const r = neighbours(net, at(IDS.bank), { hops: 1 });
    expect(r.center.id).toBe(IDS.bank);
    expect(r.nodes.map((n) => [n.id, n.distance]).sort()).toEqual(
      [
        [IDS.bank, 0],
        [IDS.guard, 1],
        [IDS.front, 1],
      ].sort(),
    );
    expect(r.edges).toHaveLength(2);
    expect(r.edges.find((e) => e.type === 'ownership')).toMatchObject({
      source: IDS.bank,
      target: IDS.front,
      domain: 'economic',
      strength: 1,
      evidence: [{ kind: 'list', dataset: 'test_list', record_id: 'o1' }],
    });
    expect(r.truncated).toBe(false);
  });

  it('filters by domain, schema and date, and stops at the limit', () => {
    const military = neighbours(net, at(IDS.guard), { hops: 1, domains: ['military'] });
    expect(military.nodes.map((n) => n.id)).toEqual([IDS.guard, IDS.leader]);
    const people = neighbours(net, at(IDS.guard), { hops: 2, schemas: ['Person'] });
    expect(people.nodes.map((n) => n.id)).toEqual([IDS.guard, IDS.leader]);
    const recent = neighbours(net, at(IDS.bank), { hops: 1, until: '2016' });
    expect(recent.nodes.map((n) => n.id)).toEqual([IDS.bank, IDS.front]);
    const small = neighbours(net, at(IDS.guard), { hops: 3, limit: 2 });
    expect(small.nodes).toHaveLength(2);
    expect(small.truncated).toBe(true);
    expect(() => neighbours(net, at(IDS.guard), { domains: ['astrology'] })).toThrow(/unknown domain/);
    expect(() => neighbours(net, at(IDS.guard), { hops: 99 })).toThrow(/hops must be/);
  });
});

describe('paths', () => {
  it('returns the k shortest paths, each step with its evidence, and marks the strongest', () => {
    const r = findPaths(net, at(IDS.leader), at(IDS.proxy), { k: 2 });
    expect(r.paths.map((p) => p.length)).toEqual([3, 4]);
    const [first, second] = r.paths;
    expect(first.nodes).toEqual([IDS.leader, IDS.guard, IDS.branch, IDS.proxy]);
    expect(first.steps[0]).toMatchObject({
      source: IDS.leader,
      target: IDS.guard,
      type: 'supplies',
      domain: 'military',
      direction: 'backward',
      evidence: [{ kind: 'document', sentence: 'The Guard Corps sent drones to the Leader.' }],
    });
    expect(first.steps[1].evidence[0]).toMatchObject({ kind: 'list', record_id: 'l1' });
    expect(first.weight).toBeCloseTo(-Math.log(0.7), 5);
    expect(second.weight).toBeCloseTo(-Math.log(0.7) - Math.log(0.42), 5);
    expect(first.strongest).toBe(true);
    expect(second.strongest).toBe(false);
  });

  it('adds the strongest path when it is longer than the shortest', () => {
    const r = findPaths(net, at(IDS.front), at(IDS.branch), { k: 1 });
    expect(r.paths.map((p) => [p.kind, p.length, p.strongest])).toEqual([
      ['shortest', 2, false],
      ['strongest', 3, true],
    ]);
    expect(r.paths[1].nodes).toEqual([IDS.front, IDS.bank, IDS.guard, IDS.branch]);
    expect(r.paths[1].weight).toBe(0);
  });

  it('says so when there is no path within the hops, and bounds k and hops', () => {
    const r = findPaths(net, at(IDS.loner), at(IDS.guard));
    expect(r.paths).toEqual([]);
    expect(r.message).toMatch(/no path between Lonely Trader and Guard Corps/);
    expect(findPaths(net, at(IDS.leader), at(IDS.proxy), { maxHops: 2 }).paths).toEqual([]);
    expect(() => findPaths(net, at(IDS.leader), at(IDS.proxy), { k: 1000 })).toThrow(/k must be/);
  });
});

describe('exposure', () => {
  it('lists the nearest sanctioned parties with programmes, distance and path', () => {
    const r = exposure(net, at(IDS.front), IDS.front, { hops: 2 });
    expect(r.entity).toMatchObject({ id: IDS.front, sanctioned: false });
    expect(r.exposures.map((x) => [x.entity_id, x.distance])).toEqual([
      [IDS.proxy, 1],
      [IDS.guard, 2],
      [IDS.branch, 2],
    ]);
    expect(r.exposures[1]).toMatchObject({
      programmes: ['IRGC', 'SDGT'],
      path: [IDS.front, IDS.bank, IDS.guard],
    });
    const one = exposure(net, at(IDS.front), IDS.front, { hops: 2, limit: 1 });
    expect(one.exposures).toHaveLength(1);
    expect(one).toMatchObject({ total: 3, truncated: true });
  });

  it('starts a screened name from the entries it matches', () => {
    const r = screenedExposure(
      net,
      'Guard Corp',
      [{ entity_id: IDS.guard, caption: 'Guard Corps of the Republic', score: 0.9 }],
      {
        hops: 1,
      },
    );
    expect(r.entity).toMatchObject({ query: 'Guard Corp', screened: true });
    expect(r.exposures.map((x) => [x.entity_id, x.distance])).toEqual([
      [IDS.guard, 0],
      [IDS.branch, 1],
      [IDS.leader, 1],
    ]);
  });
});

describe('lookup', () => {
  it('finds parties by id or name and suggests close names for unknown ones', () => {
    expect(requireNode(net, 'guard corps of the republic')).toBe(at(IDS.guard));
    try {
      requireNode(net, 'Gaurd Corps of the Republik');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(UnknownPartyError);
      expect((err as UnknownPartyError).suggestions[0]).toEqual({
        id: IDS.guard,
        caption: 'Guard Corps of the Republic',
      });
    }
  });
});

describe('brokers', () => {
  it('computes exact betweenness, degree and PageRank', async () => {
    const r = await brokers(net, { top: 3 });
    expect(r.method).toMatch(/exact/);
    // A five-party ring with a pendant at the guard (the leader) and at the front (the vessel):
    // those two carry the most shortest paths, equally.
    expect(
      r.results
        .slice(0, 2)
        .map((x) => x.entity_id)
        .sort(),
    ).toEqual([IDS.front, IDS.guard].sort());
    expect(r.results[0]).toMatchObject({ degree: 3, error: 0 });
    expect(r.results[0].score).toBe(r.results[1].score);
    expect(r.results[1].score).toBeGreaterThan(r.results[2].score);
    expect(r.results[0].pagerank).toBeGreaterThan(0);
  });

  it('samples sources with a standard error when asked to', async () => {
    const r = await brokers(net, { top: 3, sampled: true, samples: 4, seed: 7, workers: 0 });
    expect(r.method).toMatch(/sampled: 4 of 8/);
    expect(r.sources).toBe(4);
    expect(r.results.some((x) => x.error > 0)).toBe(true);
  });
});

describe('communities and convergence', () => {
  it('finds communities of linked parties and summarises them', () => {
    const r = communities(net);
    const members = r.communities.reduce((n, c) => n + c.size, 0);
    expect(members).toBe(7); // everyone but the lone trader
    expect(r.communities[0].top_members.length).toBeGreaterThan(0);
  });

  it('shows where threat categories meet', () => {
    const r = convergence(net, { ids: [at(IDS.guard)], hops: 1 });
    expect(r.entities[0].categories).toEqual(['terrorism', 'proliferation_arms', 'military']);
    expect(r.meeting_points[0].id).toBe(IDS.guard);
    expect(r.intersections.find((x) => x.categories.join() === 'terrorism')).toMatchObject({
      size: 1,
      entities: [IDS.branch],
    });
    expect(r.pairs).toContainEqual({ a: 'terrorism', b: 'military', size: 1 });
    expect(r.bridges).toContainEqual({
      source: IDS.guard,
      target: IDS.leader,
      source_categories: ['terrorism', 'proliferation_arms', 'military'],
      target_categories: ['proliferation_arms', 'military'],
    });
  });
});

describe('scenario', () => {
  it('shows which connections survive a removal and who takes over', () => {
    const r = scenario(net, { remove: [at(IDS.branch)], groupA: [at(IDS.guard)], groupB: [at(IDS.proxy)] });
    expect(r.connections).toEqual([
      { source: IDS.guard, target: IDS.proxy, before: 2, after: 3, survives: true },
    ]);
    expect(r.brokers_before.map((b) => b.entity_id)).toEqual([IDS.branch]);
    expect(r.take_over.map((b) => b.entity_id).sort()).toEqual([IDS.bank, IDS.front].sort());

    const cut = scenario(net, { remove: [at(IDS.guard)], groupA: [at(IDS.leader)], groupB: [at(IDS.proxy)] });
    expect(cut.connections[0]).toMatchObject({ before: 3, after: null, survives: false });
    expect(cut).toMatchObject({ survived: 0, lost: 1 });
    expect(cut.categories.a.lost).toContain('terrorism');

    const noMilitary = scenario(net, {
      remove: [],
      removeDomains: ['military'],
      groupA: [at(IDS.leader)],
      groupB: [at(IDS.guard)],
    });
    expect(noMilitary.connections[0]).toMatchObject({ before: 1, after: null });
  });
});

describe('timeline', () => {
  it('lists listings, list changes and dated links, oldest first', async () => {
    const r = await timeline(net, at(IDS.guard), undefined, store);
    const kinds = r.events.map((e) => `${e.date} ${e.kind}`);
    expect(kinds[0]).toBe('2019-04-15 listing');
    expect(kinds).toContain('2024-01-01 list_change');
    expect(kinds).toContain('2025-11-15 claim');
    const pair = await timeline(net, at(IDS.guard), at(IDS.leader), store, { limit: 1, offset: 0 });
    expect(pair.total).toBeGreaterThan(1);
    expect(pair.events).toHaveLength(1);
  });
});
