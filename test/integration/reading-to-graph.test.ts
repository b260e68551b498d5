/**
 * The parts meet over HTTP: a document read by an analyst proposes claims; the network shows them
 * only on request until a reviewer accepts one; a negated claim never becomes a link; a judgement
 * that a document party is a list entry makes the two one node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReader } from '../helpers/fake-reader.js';
import { apiKeyHeader, testServer, type TestServer } from '../server/helpers.js';

const TEXT =
  'Iran supplies drones to Venezuela. The Cartel de los Soles reportedly works with Hezbollah in 2024. ' +
  'Nicolás Maduro denies that Venezuela works with Hezbollah.';

interface Edge {
  source: string;
  target: string;
  type: string;
  evidence: Array<{ kind: string; sentence?: string }>;
}

describe('reading → review → resolution → graph', () => {
  let t: TestServer;
  let analyst: Record<string, string>;
  let claims: Array<{ id: string; type: string; negated: boolean; source_id: string; target_id: string }>;

  beforeAll(async () => {
    t = await testServer({ withData: true, readerFactory: createReader });
    analyst = apiKeyHeader(await t.keyFor('analyst'));
    const r = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: analyst,
      payload: { text: TEXT, title: 'Drones', date: '2025-11-20' },
    });
    expect(r.statusCode).toBe(201);
    claims = (await t.app.inject({ url: '/claims' })).json().claims;
  });
  afterAll(async () => t.app.close());

  const edgesAround = async (id: string, proposed = false): Promise<Edge[]> => {
    const r = await t.app.inject({ url: `/graph/neighbours/${encodeURIComponent(id)}?proposed=${proposed}` });
    return r.statusCode === 200 ? (r.json().edges as Edge[]) : [];
  };

  it('shows proposed claims only on request, and an accepted claim with its sentence', async () => {
    const supplies = claims.find((c) => c.type === 'supplies')!;
    expect(await edgesAround(supplies.source_id)).toEqual([]);
    expect((await edgesAround(supplies.source_id, true)).map((e) => e.type)).toEqual(['supplies']);

    const review = await t.app.inject({
      method: 'POST',
      url: `/claims/${supplies.id}/review`,
      headers: analyst,
      payload: { action: 'accept' },
    });
    expect(review.statusCode).toBe(200);
    const [edge] = await edgesAround(supplies.source_id);
    expect(edge.type).toBe('supplies');
    expect(edge.evidence[0]).toMatchObject({
      kind: 'document',
      sentence: 'Iran supplies drones to Venezuela.',
    });
  });

  it('never makes a link of a negated claim, even when it is accepted', async () => {
    const denied = claims.find((c) => c.negated)!;
    await t.app.inject({
      method: 'POST',
      url: `/claims/${denied.id}/review`,
      headers: analyst,
      payload: { action: 'accept' },
    });
    const edges = await edgesAround(denied.source_id, true);
    expect(edges.some((e) => e.evidence.some((x) => x.sentence?.includes('denies')))).toBe(false);
  });

  it('merges a document party with a list entry into one node once judged the same', async () => {
    const cartel = claims.find((c) => c.type === 'associate' && !c.negated)!;
    const party = cartel.source_id.startsWith('doc-') ? cartel.source_id : cartel.target_id;
    const judged = await t.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: analyst,
      payload: { judgements: [{ left: party, right: 'us_ofac_sdn-22790', decision: 'same' }] },
    });
    expect(judged.statusCode).toBeLessThan(300);
    const canonical = (await t.app.inject({ url: `/resolve/${party}` })).json();
    const node = canonical.canonical_id ?? canonical.id;
    const edges = await edgesAround(node, true);
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.every((e) => e.source !== party && e.target !== party)).toBe(true);
  });
});
