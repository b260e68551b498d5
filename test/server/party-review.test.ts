/** Reviewing a party no list knows over HTTP: accept, reject, correct; a rejected party makes no link. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReader } from '../helpers/fake-reader.js';
import { apiKeyHeader, testServer, type TestServer } from './helpers.js';

const TEXT = 'Iran supplies drones to Venezuela. Hezbollah works with Tren de Aragua.';

describe('document party review over HTTP', () => {
  let t: TestServer;
  let analyst: Record<string, string>;
  let viewer: Record<string, string>;
  let ids: Map<string, string>;
  let documentId: string;

  beforeAll(async () => {
    t = await testServer({ readerFactory: createReader });
    analyst = apiKeyHeader(await t.keyFor('analyst'));
    viewer = apiKeyHeader(await t.keyFor('viewer'));
    const r = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: analyst,
      payload: { text: TEXT, title: 'Brief' },
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    documentId = body.document.id;
    ids = new Map(body.entities.map((e: { name: string; store_id: string }) => [e.name, e.store_id]));
    // Accept every claim, so that the network shows them.
    for (const c of (await t.app.inject({ url: `/claims?document=${documentId}` })).json().claims)
      await t.app.inject({
        method: 'POST',
        url: `/claims/${c.id}/review`,
        headers: analyst,
        payload: { action: 'accept' },
      });
  });
  afterAll(async () => t.app.close());

  const neighbours = async (id: string) =>
    (await t.app.inject({ url: `/graph/neighbours/${encodeURIComponent(id)}` }))
      .json()
      .nodes?.map((n: { id: string }) => n.id) ?? [];

  it('shows a proposed party with its documents and claims', async () => {
    const tren = ids.get('Tren de Aragua')!;
    expect(tren).toMatch(/^doc-/);
    const r = await t.app.inject({ url: `/documents/entities/${tren}` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      id: tren,
      name: 'Tren de Aragua',
      status: 'proposed',
      documents: [documentId],
      history: [],
    });
    expect(r.json().claims).toHaveLength(1);
    expect((await t.app.inject({ url: '/documents/entities/doc-nope' })).statusCode).toBe(404);
  });

  it('lists where documents name the party, with the sentence around each mention', async () => {
    // The same party in a second document, twice, with no claim (the claims below stay one).
    const second = await t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: analyst,
      payload: { text: 'Tren de Aragua grows. “They” say 🚢 Tren de Aragua sails.', title: 'Follow-up' },
    });
    expect(second.statusCode).toBe(201);
    const secondId = second.json().document.id;
    const tren = ids.get('Tren de Aragua')!;
    const r = await t.app.inject({ url: `/documents/entities/${tren}`, headers: viewer });
    expect(r.statusCode).toBe(200);
    expect(r.json().documents.sort()).toEqual([documentId, secondId].sort());
    expect(r.json().mentions).toEqual([
      {
        document_id: documentId,
        title: 'Brief',
        text: 'Tren de Aragua',
        start: TEXT.indexOf('Tren'),
        end: TEXT.indexOf('Tren') + 14,
        sentence_start: TEXT.indexOf('Hezbollah'),
        sentence_end: TEXT.length,
        sentence: 'Hezbollah works with Tren de Aragua.',
      },
      expect.objectContaining({
        document_id: secondId,
        title: 'Follow-up',
        start: 0,
        end: 14,
        sentence: 'Tren de Aragua grows.',
      }),
      expect.objectContaining({
        document_id: secondId,
        text: 'Tren de Aragua',
        sentence: '“They” say 🚢 Tren de Aragua sails.',
      }),
    ]);
    const spec = (await t.app.inject({ url: '/openapi.json' })).json();
    const schema = spec.paths['/documents/entities/{id}'].get.responses['200'];
    expect(JSON.stringify(schema)).toContain('sentence_start');
  });

  it('lets an analyst reject a party: its claims leave the network and the FtM export, and it is audited', async () => {
    const tren = ids.get('Tren de Aragua')!;
    const hezbollah = ids.get('Hezbollah')!;
    expect(await neighbours(hezbollah)).toContain(tren);
    const denied = await t.app.inject({
      method: 'POST',
      url: `/documents/entities/${tren}/review`,
      headers: viewer,
      payload: { action: 'reject' },
    });
    expect(denied.statusCode).toBe(403);
    const r = await t.app.inject({
      method: 'POST',
      url: `/documents/entities/${tren}/review`,
      headers: analyst,
      payload: { action: 'reject', reason: 'a place name misread' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().party.status).toBe('rejected');
    expect(r.json().history).toEqual([
      expect.objectContaining({
        by: 'analyst',
        action: 'reject',
        changes: { status: ['proposed', 'rejected'] },
        reason: 'a place name misread',
      }),
    ]);
    expect(await neighbours(hezbollah)).not.toContain(tren);
    const doc = (await t.app.inject({ url: `/documents/${documentId}` })).json();
    expect(doc.entities.find((e: { id: string }) => e.id === tren).status).toBe('rejected');
    // The claim itself is kept (it may be edited to another party), only the link is gone.
    expect((await t.app.inject({ url: `/documents/entities/${tren}` })).json().claims).toHaveLength(1);
    const audit = await t.accounts.listAudit({ action: 'party_review' });
    expect(audit.map((a) => [a.actor, a.target])).toEqual([['analyst', tren]]);
  });

  it('corrects a name and schema everywhere the party shows, and refuses bad fields', async () => {
    const hezbollah = ids.get('Hezbollah')!;
    const bad = await t.app.inject({
      method: 'POST',
      url: `/documents/entities/${hezbollah}/review`,
      headers: analyst,
      payload: { action: 'edit', schema: 'Spaceship' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('schema');
    const blank = await t.app.inject({
      method: 'POST',
      url: `/documents/entities/${hezbollah}/review`,
      headers: analyst,
      payload: { action: 'edit', name: '   ' },
    });
    expect(blank.json().field).toBe('name');
    const nothing = await t.app.inject({
      method: 'POST',
      url: `/documents/entities/${hezbollah}/review`,
      headers: analyst,
      payload: { action: 'edit' },
    });
    expect(nothing.statusCode).toBe(400);
    const mixed = await t.app.inject({
      method: 'POST',
      url: `/documents/entities/${hezbollah}/review`,
      headers: analyst,
      payload: { action: 'accept', name: 'X' },
    });
    expect(mixed.json().field).toBe('action');
    const r = await t.app.inject({
      method: 'POST',
      url: `/documents/entities/${hezbollah}/review`,
      headers: analyst,
      payload: { action: 'edit', name: 'Hizballah', schema: 'Organization' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().party).toMatchObject({ name: 'Hizballah', status: 'accepted' });
    const doc = (await t.app.inject({ url: `/documents/${documentId}` })).json();
    expect(doc.entities.find((e: { id: string }) => e.id === hezbollah).name).toBe('Hizballah');
    // The network names a corrected party as corrected.
    const iran = ids.get('Iran')!;
    await t.app.inject({
      method: 'POST',
      url: `/documents/entities/${iran}/review`,
      headers: analyst,
      payload: { action: 'edit', name: 'Islamic Republic of Iran' },
    });
    const hood = (await t.app.inject({ url: `/graph/neighbours/${encodeURIComponent(iran)}` })).json();
    expect(hood.center.caption).toBe('Islamic Republic of Iran');
  });
});
