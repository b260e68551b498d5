import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { EntityDraft } from '../../src/model/entity.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { ImportRequest } from '../../src/store/store.js';

function person(id: string, name: string, extra: Record<string, string[]> = {}): EntityDraft {
  const e = new EntityDraft('Person', id, id.split('-')[1]);
  e.add('name', name, { origin: `test line ${id}` });
  for (const [prop, values] of Object.entries(extra)) for (const v of values) e.add(prop, v);
  return e;
}

function request(date: string, entities: EntityDraft[], dataset = 'test_list'): ImportRequest {
  return {
    dataset,
    title: 'Test list',
    format: 'test',
    versionDate: date,
    files: ['x.csv'],
    entities,
    warnings: [],
  };
}

let store: SqliteStore;
afterEach(() => store?.close());

describe('SqliteStore', () => {
  it('stores every value as a statement with dataset, record id, origin and version', async () => {
    store = new SqliteStore(':memory:');
    const r = await store.importVersion(
      request('2024-01-01', [person('t-1', 'Alpha One', { birthDate: ['1960-01-02'], nationality: ['ir'] })]),
    );
    expect(r).toMatchObject({ version: '2024-01-01', entities: 1, statements: 3, added: 1, removed: 0 });
    const e = (await store.getEntity('t-1'))!;
    expect(e.schema).toBe('Person');
    expect(e.caption).toBe('Alpha One');
    expect(e.properties).toEqual({ name: ['Alpha One'], birthDate: ['1960-01-02'], nationality: ['ir'] });
    const name = e.statements.find((s) => s.prop === 'name')!;
    expect(name).toMatchObject({
      dataset: 'test_list',
      recordId: '1',
      origin: 'test line t-1',
      propType: 'name',
      firstSeen: '2024-01-01',
      lastSeen: '2024-01-01',
      firstVersion: '2024-01-01',
      current: true,
    });
  });

  it('computes added, removed and changed entities and property changes across versions', async () => {
    store = new SqliteStore(':memory:');
    await store.importVersion(request('2024-01-01', [person('t-1', 'Alpha'), person('t-2', 'Beta')]));
    const r2 = await store.importVersion(
      request('2024-02-01', [person('t-1', 'Alpha', { birthDate: ['1970'] }), person('t-3', 'Gamma')]),
    );
    expect(r2).toMatchObject({ added: 1, removed: 1, changed: 1, unchanged: 0 });
    const changes = await store.listChanges({ dataset: 'test_list' });
    expect(changes.map((c) => [c.kind, c.entityId, c.version])).toEqual([
      ['added', 't-3', '2024-02-01'],
      ['changed', 't-1', '2024-02-01'],
      ['removed', 't-2', '2024-02-01'],
    ]);
    expect(changes.find((c) => c.kind === 'changed')!.properties).toEqual({
      birthDate: { added: ['1970'], removed: [] },
    });
    // Unchanged re-import: no changes, last seen moves on, first seen stays.
    const r3 = await store.importVersion(
      request('2024-03-01', [person('t-1', 'Alpha', { birthDate: ['1970'] }), person('t-3', 'Gamma')]),
    );
    expect(r3).toMatchObject({ added: 0, removed: 0, changed: 0, unchanged: 2 });
    const alpha = (await store.getEntity('t-1'))!;
    expect(alpha.firstSeen).toBe('2024-01-01');
    expect(alpha.lastSeen).toBe('2024-03-01');
    const dob = alpha.statements.find((s) => s.prop === 'birthDate')!;
    expect([dob.firstSeen, dob.lastSeen]).toEqual(['2024-02-01', '2024-03-01']);
    // The delisted entity keeps its history and reads as inactive.
    const beta = (await store.getEntity('t-2'))!;
    expect(beta.active).toBe(false);
    expect(beta.lastSeen).toBe('2024-01-01');
    expect(beta.properties.name).toEqual(['Beta']);
    expect(beta.statements.every((s) => !s.current)).toBe(true);
    // Relisting counts as added again and keeps the first-seen date.
    await store.importVersion(
      request('2024-04-01', [person('t-1', 'Alpha', { birthDate: ['1970'] }), person('t-2', 'Beta')]),
    );
    const relisted = (await store.getEntity('t-2'))!;
    expect(relisted.active).toBe(true);
    expect(relisted.firstSeen).toBe('2024-01-01');
    const history = await store.listChanges({ entityId: 't-2' });
    expect(history.map((c) => `${c.version}:${c.kind}`)).toEqual([
      '2024-01-01:added',
      '2024-02-01:removed',
      '2024-04-01:added',
    ]);
  });

  it('writes imports larger than one insert batch completely, first and later versions alike', async () => {
    store = new SqliteStore(':memory:');
    // 257 entities, 3 values each: neither count is a multiple of the 100-row batches.
    const people = (n: number, extra: (i: number) => Record<string, string[]> = () => ({})) =>
      Array.from({ length: n }, (_, i) =>
        person(`t-${1000 - i}`, `Person ${i}`, { ...extra(i), birthDate: ['1970'] }),
      );
    const r1 = await store.importVersion(request('2024-01-01', people(257)));
    expect(r1).toMatchObject({ entities: 257, statements: 514, added: 257 });
    expect(await store.stats()).toMatchObject({
      activeEntities: 257,
      statements: 514,
      currentStatements: 514,
    });
    const first = await store.listChanges({ version: '2024-01-01', limit: 10_000 });
    expect(first).toHaveLength(257);
    expect(new Set(first.map((c) => c.entityId)).size).toBe(257);
    expect(first.every((c) => c.kind === 'added')).toBe(true);
    // Every 3rd entity gains a nationality; the last 10 leave; 5 new ones arrive.
    const next = people(247, (i): Record<string, string[]> => (i % 3 === 0 ? { nationality: ['ir'] } : {}));
    next.push(...Array.from({ length: 5 }, (_, i) => person(`t-new${i}`, `New ${i}`)));
    const r2 = await store.importVersion(request('2024-02-01', next));
    expect(r2).toMatchObject({ entities: 252, added: 5, changed: 83, removed: 10, unchanged: 164 });
    const stats = await store.stats();
    expect(stats).toMatchObject({
      activeEntities: 252,
      statements: 514 + 83 + 5,
      currentStatements: 494 + 83 + 5,
    });
    const e = (await store.getEntity('t-1000'))!;
    expect(e.properties).toEqual({ name: ['Person 0'], birthDate: ['1970'], nationality: ['ir'] });
    expect(e.statements.find((s) => s.prop === 'name')).toMatchObject({ origin: 'test line t-1000' });
  });

  it("reports a first version's entities as added without storing a record for each", async () => {
    store = new SqliteStore(':memory:');
    await store.importVersion(request('2024-01-01', [person('t-1', 'Alpha'), person('t-2', 'Beta')]));
    const stored = () => (store.db.prepare('SELECT COUNT(*) AS n FROM changes').get() as { n: number }).n;
    expect(stored()).toBe(0);
    const added = (q: object) =>
      store.listChanges(q).then((cs) => cs.map((c) => [c.version, c.kind, c.entityId, c.caption, c.schema]));
    expect(await added({ version: '2024-01-01' })).toEqual([
      ['2024-01-01', 'added', 't-1', 'Alpha', 'Person'],
      ['2024-01-01', 'added', 't-2', 'Beta', 'Person'],
    ]);
    expect(await added({ entityId: 't-2', dataset: 'test_list', kind: 'added' })).toEqual([
      ['2024-01-01', 'added', 't-2', 'Beta', 'Person'],
    ]);
    expect(await added({ version: '2024-01-01', kind: 'removed' })).toEqual([]);
    expect(await added({ version: '2024-01-01', dataset: 'other' })).toEqual([]);
    expect(await added({ dataset: 'test_list' })).toEqual([]);
    // Alpha is renamed twice, Beta changes a value but keeps its caption: the first version still
    // reports them as they were added, each once.
    await store.importVersion(
      request('2024-02-01', [person('t-1', 'Alpha Renamed'), person('t-2', 'Beta', { birthDate: ['1970'] })]),
    );
    await store.importVersion(request('2024-03-01', [person('t-1', 'Alpha Again'), person('t-3', 'Gamma')]));
    expect(await added({ version: '2024-01-01' })).toEqual([
      ['2024-01-01', 'added', 't-1', 'Alpha', 'Person'],
      ['2024-01-01', 'added', 't-2', 'Beta', 'Person'],
    ]);
    expect((await added({ entityId: 't-1' })).map((c) => `${c[0]}:${c[1]}:${c[3]}`)).toEqual([
      '2024-01-01:added:Alpha',
      '2024-02-01:changed:Alpha Renamed',
      '2024-03-01:changed:Alpha Again',
    ]);
    // Beta, removed in March and relisted under another name in April, keeps its first record.
    await store.importVersion(
      request('2024-04-01', [person('t-1', 'Alpha Again'), person('t-2', 'Beta Two')]),
    );
    expect((await added({ entityId: 't-2' })).map((c) => `${c[0]}:${c[1]}:${c[3]}`)).toEqual([
      '2024-01-01:added:Beta',
      '2024-02-01:changed:Beta',
      '2024-03-01:removed:Beta',
      '2024-04-01:added:Beta Two',
    ]);
    // A later version's additions are stored as before; versions keep their counts.
    expect(await added({ version: '2024-03-01', kind: 'added' })).toEqual([
      ['2024-03-01', 'added', 't-3', 'Gamma', 'Person'],
    ]);
    expect((await store.listVersions('test_list'))[0]).toMatchObject({ added: 2, entities: 2 });
  });

  it('hashes entities as stores made by earlier versions did', async () => {
    store = new SqliteStore(':memory:');
    const bare = new EntityDraft('Person', 't-2', '2');
    await store.importVersion(request('2024-01-01', [person('t-1', 'Alpha', { birthDate: ['1970'] }), bare]));
    const hashes = store.db.prepare('SELECT id, hash FROM entities ORDER BY id').raw(true).all();
    const sha1 = (s: string) => createHash('sha1').update(s).digest('base64url');
    expect(hashes).toEqual([
      ['t-1', sha1('Person\nbirthDate\u001f1970\nname\u001fAlpha')],
      ['t-2', sha1('Person\n')],
    ]);
  });

  it("lists a changed entity's new properties and values in the order the reader gave them", async () => {
    store = new SqliteStore(':memory:');
    await store.importVersion(request('2024-01-01', [person('t-1', 'Alpha')]));
    await store.importVersion(
      request('2024-02-01', [
        person('t-1', 'Alpha', { nationality: ['ir'], alias: ['Zed', 'Abe'], birthDate: ['1970'] }),
      ]),
    );
    const [change] = await store.listChanges({ version: '2024-02-01' });
    expect(Object.keys(change.properties)).toEqual(['nationality', 'alias', 'birthDate']);
    expect(change.properties.alias.added).toEqual(['Zed', 'Abe']);
  });

  it('rejects versions older than the latest and leaves the store as it was', async () => {
    store = new SqliteStore(':memory:');
    await store.importVersion(request('2024-05-03', [person('t-1', 'Alpha')]));
    const before = await store.stats();
    await expect(store.importVersion(request('2024-05-02', [person('t-2', 'Beta')]))).rejects.toThrow(
      /date order/,
    );
    expect(await store.stats()).toEqual(before);
    expect(await store.listVersions()).toHaveLength(1);
  });

  it('rolls back a failing import completely', async () => {
    store = new SqliteStore(':memory:');
    await store.importVersion(request('2024-01-01', [person('t-1', 'Alpha')]));
    const before = await store.stats();
    const dup = [person('t-2', 'Beta'), person('t-2', 'Beta again')];
    await expect(store.importVersion(request('2024-02-01', dup))).rejects.toThrow(/twice/);
    expect(await store.stats()).toEqual(before);
  });

  it('labels a second import on the same date distinctly', async () => {
    store = new SqliteStore(':memory:');
    await store.importVersion(request('2024-01-01', [person('t-1', 'Alpha')]));
    const r = await store.importVersion(request('2024-01-01', [person('t-1', 'Alpha')]));
    expect(r.version).toBe('2024-01-01.2');
    expect(r.unchanged).toBe(1);
  });

  it('finds entities by name and the relationships that point at them', async () => {
    store = new SqliteStore(':memory:');
    const a = person('t-1', 'MADURO MOROS, Nicolas');
    const b = new EntityDraft('Company', 't-2', '2');
    b.add('name', 'EX-CLE SOLUCIONES BIOMETRICAS C.A.');
    const link = new EntityDraft('UnknownLink', 't-2-link', '2');
    link.add('subject', 't-2');
    link.add('object', 't-1');
    link.add('role', 'Linked To');
    await store.importVersion(request('2024-01-01', [a, b, link]));
    expect((await store.findByName('maduro moros, nicolas')).map((e) => e.id)).toEqual(['t-1']);
    const refs = await store.getReferencing('t-1');
    expect(refs.map((e) => e.id)).toEqual(['t-2-link']);
    expect(refs[0].properties.subject).toEqual(['t-2']);
  });

  it('merges an entity listed by two datasets and streams current entities', async () => {
    store = new SqliteStore(':memory:');
    const le = new EntityDraft('LegalEntity', 'shared-1', '1');
    le.add('name', 'Acme');
    const co = new EntityDraft('Company', 'shared-1', 'A-1');
    co.add('name', 'Acme');
    co.add('registrationNumber', '123');
    await store.importVersion(request('2024-01-01', [le], 'list_a'));
    await store.importVersion(request('2024-01-01', [co, person('t-9', 'Zed')], 'list_b'));
    const merged = (await store.getEntity('shared-1'))!;
    expect(merged.schema).toBe('Company');
    expect(merged.datasets).toEqual(['list_a', 'list_b']);
    expect(merged.recordIds).toEqual({ list_a: ['1'], list_b: ['A-1'] });
    const all = [];
    for await (const e of store.currentEntities()) all.push(e);
    expect(all.map((e) => [e.id, e.schema, e.datasets.join('+')])).toEqual([
      ['shared-1', 'Company', 'list_a+list_b'],
      ['t-9', 'Person', 'list_b'],
    ]);
    expect(all[0].properties).toEqual({ name: ['Acme'], registrationNumber: ['123'] });
    const onlyA = [];
    for await (const e of store.currentEntities({ datasets: ['list_a'] })) onlyA.push(e);
    expect(onlyA.map((e) => e.id)).toEqual(['shared-1']);
    // A reader that needs a few properties gets those, and still every entity (Zed has none of them).
    const lean = [];
    for await (const e of store.currentEntities({ properties: ['registrationNumber'] })) lean.push(e);
    expect(lean.map((e) => [e.id, e.properties])).toEqual([
      ['shared-1', { registrationNumber: ['123'] }],
      ['t-9', {}],
    ]);
    const people = [];
    for await (const e of store.currentEntities({ schemata: ['Person'] })) people.push(e);
    expect(people.map((e) => [e.id, e.properties.name])).toEqual([['t-9', ['Zed']]]);
  });
});

describe('repeated identical files', () => {
  it('records a new version without reading when the checksum matches, and not otherwise', async () => {
    const s = new SqliteStore(':memory:');
    const base = { dataset: 'test_list', title: 'T', format: 'test', files: ['x.csv'] };
    await s.importVersion({
      ...request('2024-01-01', [person('t-1', 'Alpha'), person('t-2', 'Beta')]),
      checksum: 'abc',
    });
    expect(await s.repeatVersion({ ...base, versionDate: '2024-02-01', checksum: 'other' })).toBeUndefined();
    const r = await s.repeatVersion({ ...base, versionDate: '2024-02-01', checksum: 'abc' });
    expect(r).toMatchObject({
      version: '2024-02-01',
      entities: 2,
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 2,
    });
    const alpha = (await s.getEntity('t-1'))!;
    expect([alpha.firstSeen, alpha.lastSeen, alpha.active]).toEqual(['2024-01-01', '2024-02-01', true]);
    await expect(s.repeatVersion({ ...base, versionDate: '2023-12-01', checksum: 'abc' })).rejects.toThrow(
      /date order/,
    );
    await s.close();
  });
});
