import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportNetwork } from '../../src/graph/export.js';
import type { Network } from '../../src/graph/network.js';
import { projectStore } from '../../src/graph/projection.js';
import { model } from '../../src/model/model.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { fakeClaims, fixtureStore, IDS } from './fixture.js';

let store: SqliteStore;
let net: Network;
const text = (format: Parameters<typeof exportNetwork>[1], o = {}) =>
  [...exportNetwork(net, format, o)].join('');

beforeAll(async () => {
  store = await fixtureStore();
  net = (await projectStore(store, { claims: fakeClaims(), includeProposed: true })).network;
});
afterAll(() => store.close());

describe('exports', () => {
  it('writes well-formed GraphML and GEXF with store ids', () => {
    for (const format of ['graphml', 'gexf'] as const) {
      const xml = text(format);
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(xml).toContain(`id="${IDS.guard}"`);
      expect(xml.match(/<edge /g)).toHaveLength(net.edgeCount);
    }
    expect(text('gexf')).toMatch(
      /<edge id="\d+" source="[^"]+" target="[^"]+" type="(directed|undirected)" weight="[\d.]+"/,
    );
  });

  it('writes FollowTheMoney entities whose properties exist in their schema', () => {
    const lines = text('ftm')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; schema: string; properties: Record<string, string[]> });
    expect(lines).toHaveLength(net.nodeCount + net.edgeCount);
    for (const e of lines) {
      const schema = model.get(e.schema);
      for (const prop of Object.keys(e.properties))
        expect(schema.getProperty(prop), `${e.schema}.${prop}`).toBeDefined();
    }
    expect(lines.find((e) => e.id === 'tl-o1')).toMatchObject({
      schema: 'Ownership',
      properties: { owner: [IDS.bank], asset: [IDS.front] },
    });
    expect(lines.find((e) => e.id === 'c1')).toMatchObject({
      schema: 'UnknownLink',
      properties: {
        role: ['supplies'],
        summary: ['The Guard Corps sent drones to the Leader.'],
        sourceUrl: ['https://example.org/report'],
      },
    });
    expect(new Set(lines.map((e) => e.id)).size).toBe(lines.length);
  });

  it('writes CSV nodes and edges, and Cypher statements, for a neighbourhood', () => {
    const around = net.index.get(IDS.bank)!;
    const nodes = text('csv', { around, hops: 1, part: 'nodes' }).trim().split('\n');
    expect(nodes[0]).toBe('id,caption,schema,datasets,programmes,categories,sanctioned');
    expect(
      nodes
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual([IDS.bank, IDS.front, IDS.guard].sort());
    const cypher = text('cypher', { around, hops: 1 }).trim().split('\n');
    expect(cypher[0]).toMatch(/^CREATE CONSTRAINT/);
    expect(cypher.every((l) => l.endsWith(';'))).toBe(true);
    expect(cypher.some((l) => /CREATE \(a\)-\[r:OWNERSHIP\]->\(b\)/.test(l))).toBe(true);
    expect(() => text('csv', { around, hops: 99 })).toThrow(/hops must be/);
  });
});
