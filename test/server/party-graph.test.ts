/**
 * A party no list knows (doc-…) that an analyst judged the same as a list entry, or as another
 * document party: the graph answers by its id, by the list entry's id and by the cluster's
 * canonical id, all with the one merged node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReader } from '../helpers/fake-reader.js';
import { apiKeyHeader, testServer, type TestServer } from './helpers.js';

const TEXT =
  'Iran supplies drones to Hezbollah. Hezbollah works with Tren de Aragua. Cartel de los Soles works with Nicolás Maduro.';
const IRGC = 'us_ofac_sdn-10391';

describe('the graph by the id of a document party merged by a judgement', () => {
  let t: TestServer;
  let analyst: Record<string, string>;
  let ids: Map<string, string>;

  const get = async (url: string) => {
    const r = await t.app.inject({ url });
    return { status: r.statusCode, body: r.json() };
  };
  const judge = async (left: string, right: string): Promise<string> => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: analyst,
      payload: { judgements: [{ left, right, decision: 'same', reason: 'test' }] },
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().clusters[0].canonicalId as string;
  };
  const centre = async (id: string) => {
    const r = await get(`/graph/neighbours/${encodeURIComponent(id)}`);
    expect(r.status, `${id}: ${JSON.stringify(r.body)}`).toBe(200);
    return {
      id: r.body.center.id as string,
      nodes: r.body.nodes.map((n: { id: string }) => n.id) as string[],
    };
  };

  beforeAll(async () => {
    t = await testServer({ readerFactory: createReader, withData: true });
    analyst = apiKeyHeader(await t.keyFor('analyst'));
    const r = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: analyst,
      payload: { text: TEXT, title: 'Brief' },
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    ids = new Map(body.entities.map((e: { name: string; store_id: string }) => [e.name, e.store_id]));
    // Every claim but the last accepted; the Cartel's only claim stays proposed.
    const claims = (await t.app.inject({ url: `/claims?document=${body.document.id}` })).json().claims;
    for (const c of claims) {
      if (c.source_id === ids.get('Cartel de los Soles') || c.target_id === ids.get('Cartel de los Soles'))
        continue;
      await t.app.inject({
        method: 'POST',
        url: `/claims/${c.id}/review`,
        headers: analyst,
        payload: { action: 'accept' },
      });
    }
  });
  afterAll(async () => t.app.close());

  it('answers neighbours, exposure and timeline by the doc id after a judgement with a list entry', async () => {
    const hezbollah = ids.get('Hezbollah')!;
    const tren = ids.get('Tren de Aragua')!;
    expect(hezbollah).toMatch(/^doc-/);
    expect((await centre(hezbollah)).id).toBe(hezbollah);
    // Not true of these two; the test needs a sanctioned list entry to merge a document party into.
    const canonical = await judge(hezbollah, IRGC);

    const byDoc = await centre(hezbollah);
    expect(byDoc.id).toBe(canonical);
    expect(byDoc.nodes).toEqual(expect.arrayContaining([tren, ids.get('Iran')]));
    expect(await centre(canonical)).toEqual(byDoc);
    expect(await centre(IRGC)).toEqual(byDoc);

    const x = await get(`/graph/exposure/${hezbollah}?hops=2`);
    expect(x.status).toBe(200);
    expect(x.body.entity).toMatchObject({ id: canonical, query: hezbollah, sanctioned: true });
    const byCanonical = await get(`/graph/exposure/${canonical}?hops=2`);
    expect(byCanonical.status).toBe(200);
    expect(byCanonical.body.entity).toMatchObject({ id: canonical, sanctioned: true });
    // From the far side, the merged party is the sanctioned one a hop away.
    const fromTren = await get(`/graph/exposure/${tren}?hops=2`);
    expect(fromTren.body.exposures[0]).toMatchObject({
      entity_id: canonical,
      distance: 1,
      path: [tren, canonical],
    });

    // The party and the document say which list entry it was judged the same as.
    const party = await get(`/documents/entities/${hezbollah}`);
    expect(party.body.same_as).toEqual({
      id: canonical,
      entity_id: IRGC,
      caption: 'ISLAMIC REVOLUTIONARY GUARD CORPS',
    });
    expect((await get(`/documents/entities/${tren}`)).body.same_as).toBeNull();
    const doc = await get(`/documents/${party.body.first_document_id}`);
    const entities = new Map(
      doc.body.entities.map((e: { id: string; same_as: unknown }) => [e.id, e.same_as]),
    );
    expect(entities.get(hezbollah)).toMatchObject({ id: canonical, entity_id: IRGC });
    expect(entities.get(tren)).toBeNull();

    const timeline = await get(`/graph/timeline/${hezbollah}`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.entities[0].id).toBe(canonical);
    expect(timeline.body.events.some((e: { kind: string }) => e.kind === 'claim')).toBe(true);
  });

  it('answers by either doc id after two document parties are judged the same', async () => {
    const tren = ids.get('Tren de Aragua')!;
    const iran = ids.get('Iran')!;
    const canonical = await judge(iran, tren);
    const byIran = await centre(iran);
    expect(byIran.id).toBe(canonical);
    expect(await centre(tren)).toEqual(byIran);
    expect(await centre(canonical)).toEqual(byIran);
    const x = await get(`/graph/exposure/${tren}?hops=1`);
    expect(x.status).toBe(200);
    expect(x.body.entity).toMatchObject({ id: canonical, query: tren });
  });

  it('answers by the doc id of a merged party whose own claims are not in the network', async () => {
    const cartel = ids.get('Cartel de los Soles')!;
    expect((await get(`/graph/neighbours/${cartel}`)).status).toBe(404);
    const canonical = await judge(cartel, 'us_ofac_sdn-306');
    expect((await centre(cartel)).id).toBe(canonical);
    expect((await get(`/graph/exposure/${cartel}`)).body.entity).toMatchObject({ id: canonical });
  });
});
