import { beforeEach, describe, expect, it } from 'vitest';
import { FieldError } from '../../src/errors.js';
import { claimAsFtm, claimsAsFtm } from '../../src/logic/claims-ftm.js';
import { readDocument, reviewClaim, type ReadingContext } from '../../src/logic/reading.js';
import type { StoredClaim } from '../../src/store/documents.js';
import { documentEntityId, SqliteDocumentStore } from '../../src/store/sqlite-documents.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Extraction } from '../../src/text/extraction.js';
import { createReader } from '../helpers/fake-reader.js';

const TEXT =
  'Iran supplies drones to Venezuela. The Cartel de los Soles reportedly works with Hezbollah in 2024. ' +
  'Nicolás Maduro denies that Venezuela works with Hezbollah.';

describe('document store', () => {
  let store: SqliteStore;
  let documents: SqliteDocumentStore;
  let ctx: ReadingContext;
  let clock: number;

  beforeEach(async () => {
    store = new SqliteStore(':memory:');
    clock = Date.parse('2026-01-02T03:04:05Z');
    documents = new SqliteDocumentStore(store.db, { now: () => new Date((clock += 1000)) });
    const reader = await createReader(store);
    ctx = { store, documents, reader: async () => reader };
  });

  const read = (text: string, meta = {}, options = {}) =>
    readDocument(ctx, { name: 'report.txt', text, format: 'text' }, meta, options);

  it('stores a reading: document, sentences, parties with mentions, claims with evidence offsets', async () => {
    const r = await read(TEXT, { url: 'https://example.org/a', date: '2025-11-20' });
    expect(r.created).toBe(true);
    expect(r.document).toMatchObject({
      title: 'report',
      url: 'https://example.org/a',
      version: 1,
      current: true,
    });
    const doc = (await documents.getDocument(r.document.id))!;
    expect(doc.text).toBe(TEXT);
    expect(doc.sentences).toHaveLength(3);
    const cartel = doc.entities.find((e) => e.name === 'Cartel de los Soles')!;
    expect(cartel.id).toBe(documentEntityId('Organization', 'Cartel de los Soles'));
    expect(cartel.id).toMatch(/^doc-[0-9a-f]{12}$/);
    expect(cartel.mentions).toEqual([{ text: 'Cartel de los Soles', start: 39, end: 58 }]);
    expect(doc.claims).toHaveLength(3);
    for (const c of doc.claims) {
      expect(TEXT.slice(c.start, c.end)).toBe(c.sentence);
      expect(c.status).toBe('proposed');
      expect(c.document).toEqual({
        id: r.document.id,
        title: 'report',
        date: '2025-11-20',
        url: 'https://example.org/a',
      });
    }
    expect(doc.claims.map((c) => [c.type, c.hedged, c.negated])).toEqual([
      ['supplies', false, false],
      ['associate', true, false],
      ['associate', false, true],
    ]);
  });

  it('reading the same text twice stores nothing new', async () => {
    const first = await read(TEXT);
    const again = await read(TEXT, { title: 'another title' });
    expect(again.created).toBe(false);
    expect(again.document.id).toBe(first.document.id);
    expect(await documents.countDocuments({ includeSuperseded: true })).toBe(1);
    expect(await documents.countClaims()).toBe(3);
  });

  it('a changed text at the same url is the next version; reviews of repeated claims carry over', async () => {
    const v1 = await read(TEXT, { url: 'https://example.org/a' });
    const supplies = v1.claims.find((c) => c.type === 'supplies')!;
    await documents.reviewClaim({ claimId: supplies.id, action: 'accept', by: 'ana' });
    const v2 = await read(`${TEXT} Iran sends drones to Hezbollah.`, { url: 'https://example.org/a' });
    expect(v2.document).toMatchObject({ version: 2, previous_id: v1.document.id, current: true });
    expect(v2.replaced).toBe(v1.document.id);
    expect((await documents.getDocument(v1.document.id))!.current).toBe(false);
    expect((await documents.listDocuments()).map((d) => d.id)).toEqual([v2.document.id]);
    expect(await documents.listDocuments({ includeSuperseded: true })).toHaveLength(2);
    // Only the current version's claims, unless asked.
    expect(await documents.countClaims()).toBe(4);
    expect(await documents.countClaims({ includeSuperseded: true })).toBe(7);
    const carried = v2.claims.find((c) => c.type === 'supplies' && c.sentence === supplies.sentence)!;
    expect(carried).toMatchObject({ status: 'accepted', reviewed_by: 'ana' });
    expect((await documents.claimHistory(carried.id))[0]).toMatchObject({
      action: 'carried_over',
      by: 'ana',
    });
    // The same title without a url is another series: a new document, version 1.
    const other = await read(`${TEXT} Tren de Aragua works with Hezbollah.`, { title: 'report' });
    expect(other.document.version).toBe(1);
  });

  it('two documents naming the same unlisted party meet in one node', async () => {
    const a = await read('The Cartel de los Soles works with Hezbollah.', { title: 'first' });
    const b = await read('Tren de Aragua works with the Cartel de los Soles.', { title: 'second' });
    const parties = await documents.listDocumentEntities();
    const cartel = parties.find((p) => p.name === 'Cartel de los Soles')!;
    expect(cartel.documents.sort()).toEqual([a.document.id, b.document.id].sort());
    expect(cartel.first_document_id).toBe(a.document.id);
    expect(parties.filter((p) => p.name === 'Cartel de los Soles')).toHaveLength(1);
    expect(await documents.listClaims({ entityId: cartel.id })).toHaveLength(2);
  });

  it('reviews record who and when, and every change', async () => {
    const r = await read(TEXT);
    const [first, second, third] = r.claims;
    const accepted = await documents.reviewClaim({ claimId: first.id, action: 'accept', by: 'ana' });
    expect(accepted).toMatchObject({ status: 'accepted', reviewed_by: 'ana' });
    expect(accepted.reviewed_at).toMatch(/^2026-01-02T03:\d\d:\d\dZ|^2026-01-02T03:\d\d:\d\d\.\d{3}Z$/);
    const rejected = await documents.reviewClaim({ claimId: second.id, action: 'reject', by: 'ben' });
    expect(rejected).toMatchObject({ status: 'rejected', reviewed_by: 'ben' });
    const edited = await documents.reviewClaim({
      claimId: third.id,
      action: 'edit',
      by: 'ana',
      edit: { type: 'membership', reverse: true, domain: 'political' },
    });
    expect(edited).toMatchObject({
      status: 'accepted',
      type: 'membership',
      domain: 'political',
      source_id: third.target_id,
      target_id: third.source_id,
    });
    const history = await documents.claimHistory(third.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ by: 'ana', action: 'edit' });
    expect(history[0].changes).toEqual({
      source_id: [third.source_id, third.target_id],
      target_id: [third.target_id, third.source_id],
      type: ['associate', 'membership'],
      domain: ['criminal', 'political'],
      status: ['proposed', 'accepted'],
    });
    await expect(
      documents.reviewClaim({ claimId: first.id, action: 'edit', by: 'ana', edit: {} }),
    ).rejects.toThrow(FieldError);
    expect(await documents.listClaims({ status: ['accepted'] })).toHaveLength(2);
    expect(await documents.listClaims({ status: ['rejected', 'proposed'] })).toHaveLength(1);
    expect(await documents.listClaims({ limit: 1, offset: 2 })).toHaveLength(1);
  });

  it('an edit may only point a claim at parties the store knows', async () => {
    const r = await read(TEXT);
    await expect(reviewClaim(ctx, r.claims[0].id, 'edit', 'ana', { source: 'no-such-id' })).rejects.toThrow(
      /source: no entity no-such-id/,
    );
    await expect(reviewClaim(ctx, r.claims[0].id, 'accept', 'ana', { type: 'family' })).rejects.toThrow(
      /need the edit action/,
    );
    expect(await reviewClaim(ctx, 'claim-missing', 'accept', 'ana')).toBeUndefined();
    const hezbollah = r.entities.find((e) => e.name === 'Hezbollah')!.id;
    const moved = await reviewClaim(ctx, r.claims[0].id, 'edit', 'ana', { target: hezbollah });
    expect(moved?.target_id).toBe(hezbollah);
  });

  it('an extraction that does not fit its text is refused and nothing is stored', async () => {
    const bad: Extraction = {
      sentences: [{ start: 0, end: 10 }],
      entities: [
        {
          id: 'e1',
          name: 'Iran',
          schema: 'Country',
          linked_id: null,
          link_confidence: 0,
          ambiguous: false,
          mentions: [],
        },
      ],
      relations: [
        {
          source: 'e1',
          target: 'e2',
          type: 'supplies',
          subtype: null,
          item: null,
          domain: 'energy',
          sentence: 'x',
          start: 0,
          end: 5,
          hedged: false,
          negated: false,
          date: null,
          confidence: 1,
        },
      ],
    };
    await expect(documents.saveReading({ text: 'Iran and more', format: 'text' }, bad)).rejects.toThrow(
      /unknown entities/,
    );
    expect(await documents.countDocuments({ includeSuperseded: true })).toBe(0);
    expect(await documents.listDocumentEntities()).toEqual([]);
  });

  it('exports accepted, not negated claims as FollowTheMoney relationships with their evidence', async () => {
    const r = await read(
      TEXT,
      { url: 'https://example.org/a', publisher: 'Example', date: '2025-11-20' },
      { accept: true, by: 'ana' },
    );
    const ftm = await claimsAsFtm(store, documents);
    const byId = new Map(ftm.map((e) => [e.id, e]));
    expect(byId.get(r.document.id)).toEqual({
      id: r.document.id,
      schema: 'Document',
      properties: {
        title: ['report'],
        sourceUrl: ['https://example.org/a'],
        date: ['2025-11-20'],
        publisher: ['Example'],
      },
    });
    const negated = r.claims.find((c) => c.negated)!;
    expect(byId.has(negated.id)).toBe(false);
    const supplies = byId.get(r.claims[0].id)!;
    expect(supplies.schema).toBe('UnknownLink');
    expect(supplies.properties).toMatchObject({
      subject: [r.claims[0].source_id],
      object: [r.claims[0].target_id],
      role: ['supplies / drones'],
      summary: ['Iran supplies drones to Venezuela.'],
      sourceUrl: ['https://example.org/a'],
      date: ['2025-11-20'],
    });
    expect(supplies.properties.description[0]).toContain(`document ${r.document.id} characters 0-34`);
    const iran = byId.get(r.claims[0].source_id)!;
    expect(iran).toEqual({
      id: iran.id,
      schema: 'PublicBody',
      properties: { name: ['Iran'], proof: [r.document.id] },
    });
    // Two organisations associated: no FtM Associate (people only), so an UnknownLink.
    expect(byId.get(r.claims[1].id)!.schema).toBe('UnknownLink');
    // Nothing is exported while claims are only proposed.
    const fresh = new SqliteStore(':memory:');
    const freshDocs = new SqliteDocumentStore(fresh.db);
    const reader = await createReader(fresh);
    await readDocument(
      { store: fresh, documents: freshDocs, reader: async () => reader },
      { name: 'a.txt', text: TEXT, format: 'text' },
    );
    expect(await claimsAsFtm(fresh, freshDocs)).toEqual([]);
  });
});

describe('claims as FollowTheMoney relationships', () => {
  const claim = (type: StoredClaim['type'], extra: Partial<StoredClaim> = {}): StoredClaim => ({
    id: `claim-${type}`,
    source_id: 'a',
    target_id: 'b',
    source_local: 'e1',
    target_local: 'e2',
    type,
    subtype: null,
    item: null,
    domain: 'economic',
    hedged: false,
    negated: false,
    date: '2020-02',
    status: 'accepted',
    confidence: 0.9,
    reviewed_by: 'ana',
    reviewed_at: '2026-01-01T00:00:00.000Z',
    document: { id: 'document-1', title: 'T', date: null, url: null },
    sentence: 'A owns B.',
    start: 0,
    end: 9,
    ...extra,
  });

  it('uses the FtM relationship schema when both parties fit it, else UnknownLink', () => {
    expect(claimAsFtm(claim('ownership'), 'Person', 'Company')).toMatchObject({
      schema: 'Ownership',
      properties: { owner: ['a'], asset: ['b'], role: ['ownership'], date: ['2020-02'] },
    });
    expect(claimAsFtm(claim('family', { subtype: 'nephew' }), 'Person', 'Person')).toMatchObject({
      schema: 'Family',
      properties: { person: ['a'], relative: ['b'], relationship: ['nephew'] },
    });
    expect(claimAsFtm(claim('finances', { item: 'gold' }), 'PublicBody', 'Organization')).toMatchObject({
      schema: 'Payment',
      properties: { payer: ['a'], beneficiary: ['b'], purpose: ['gold'] },
    });
    expect(claimAsFtm(claim('membership'), 'Person', 'Organization').schema).toBe('Membership');
    expect(claimAsFtm(claim('employment'), 'Company', 'Organization')).toMatchObject({
      schema: 'UnknownLink',
      properties: { subject: ['a'], object: ['b'], role: ['employment'] },
    });
    expect(
      claimAsFtm(claim('trades_with', { item: 'naphtha' }), 'Company', 'Company').properties.role,
    ).toEqual(['trades with / naphtha']);
  });
});
