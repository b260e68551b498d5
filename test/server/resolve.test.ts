import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLists } from '../resolve/helpers.js';
import { testServer, type TestServer } from './helpers.js';

/** A form body exactly as OpenRefine posts it: queries=<JSON>, URL-encoded. */
function openRefineForm(queries: unknown) {
  return {
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    payload: `queries=${encodeURIComponent(JSON.stringify(queries))}`,
  };
}

describe('entity resolution over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer();
    await importLists(t.store);
    await t.app.ready();
    await t.app.inject({ url: '/xref' }); // the index is built on first use
  });
  afterAll(async () => {
    await t.app.close();
    await t.store.close();
  });

  it('proposes cross-list pairs in the xref shape', async () => {
    const r = await t.app.inject({ url: '/xref?dataset=list_a&against=list_b' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const karimov = body.pairs.find((p: { left: { id: string } }) => p.left.id === 'a-karimov');
    expect(karimov).toMatchObject({
      left: {
        id: 'a-karimov',
        dataset: 'list_a',
        caption: 'KARIMOV, Rustam Bakhtiyorovich',
        source_ids: { list_a: ['a-karimov'] },
      },
      right: { id: 'b-karimov', dataset: 'list_b', source_ids: { list_b: ['b-karimov'] } },
      decision: null,
      auto: true,
    });
    expect(karimov.score).toBeGreaterThanOrEqual(0.7);
    // Namesakes with other birth dates are not proposed.
    expect(body.pairs.some((p: { left: { id: string } }) => p.left.id === 'a-haddad-senior')).toBe(false);
    const bad = await t.app.inject({ url: '/xref?dataset=nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('dataset');
  });

  it('lets analysts judge (with CSRF for sessions), not viewers, and audits it', async () => {
    const body = {
      judgements: [{ left: 'a-karimov', right: 'b-karimov', decision: 'same', reason: 'passport' }],
    };
    const viewer = await t.login('viewer');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: { cookie: viewer.cookie, 'x-csrf-token': viewer.csrf },
      payload: body,
    });
    expect(denied.statusCode).toBe(403);
    const analyst = await t.login('analyst');
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: { cookie: analyst.cookie },
      payload: body,
    });
    expect(noCsrf.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: { cookie: analyst.cookie, 'x-csrf-token': analyst.csrf },
      payload: body,
    });
    expect(ok.statusCode).toBe(201);
    const canonical = ok.json().clusters[0].canonicalId as string;
    expect(ok.json().judgements[0]).toMatchObject({ user: 'analyst', decision: 'same' });
    const audit = (
      await t.app.inject({
        url: '/audit?action=judgement_create',
        headers: { authorization: `ApiKey ${await t.keyFor('admin')}` },
      })
    ).json();
    expect(audit.entries[0]).toMatchObject({ actor: 'analyst', action: 'judgement_create' });

    // The merged entity under its canonical id and under a member's id; statements keep their sources.
    const merged = (await t.app.inject({ url: `/entities/${canonical}` })).json();
    expect(merged).toMatchObject({ id: canonical, canonical_id: canonical, datasets: ['list_a', 'list_b'] });
    expect(merged.referents).toEqual(['a-karimov', 'b-karimov']);
    expect(new Set(merged.statements.map((s: { dataset: string }) => s.dataset))).toEqual(
      new Set(['list_a', 'list_b']),
    );
    expect((await t.app.inject({ url: '/entities/b-karimov' })).json().id).toBe(canonical);
    // yente /match: one result for the cluster, with its referents.
    const match = await t.app.inject({
      method: 'POST',
      url: '/match/default',
      payload: { queries: { q1: { schema: 'Person', properties: { name: ['Rustam Karimov'] } } } },
    });
    const results = match.json().responses.q1.results;
    expect(results[0]).toMatchObject({
      id: canonical,
      canonical_id: canonical,
      referents: ['a-karimov', 'b-karimov'],
    });
    expect(results.filter((x: { id: string }) => x.id === canonical)).toHaveLength(1);
    const search = (await t.app.inject({ url: '/search/default?q=karimov' })).json().results;
    expect(search.map((x: { id: string }) => x.id)).toEqual([canonical]);

    // The merged party's list changes and comments are those of both entries; a comment on its
    // canonical id goes to an entry, and the cluster names each entry with its list record.
    const changes = (await t.app.inject({ url: `/entities/${canonical}/changes` })).json().changes;
    expect(new Set(changes.map((c: { entityId: string }) => c.entityId))).toEqual(
      new Set(['a-karimov', 'b-karimov']),
    );
    const analystKey = await t.keyFor('analyst');
    const posted = await t.app.inject({
      method: 'POST',
      url: `/entities/${canonical}/comments`,
      headers: { authorization: `ApiKey ${analystKey}` },
      payload: { text: 'same passport on both lists' },
    });
    expect(posted.statusCode).toBe(201);
    expect(['a-karimov', 'b-karimov']).toContain(posted.json().entityId);
    for (const id of [canonical, 'b-karimov'])
      expect(
        (await t.app.inject({ url: `/entities/${id}/comments` }))
          .json()
          .comments.map((c: { text: string }) => c.text),
      ).toContain('same passport on both lists');
    const cluster = (await t.app.inject({ url: `/resolve/${canonical}` })).json();
    expect(cluster.member_details).toEqual([
      expect.objectContaining({
        id: 'a-karimov',
        datasets: ['list_a'],
        source_ids: { list_a: ['a-karimov'] },
      }),
      expect.objectContaining({
        id: 'b-karimov',
        datasets: ['list_b'],
        source_ids: { list_b: ['b-karimov'] },
      }),
    ]);
    const latest = (await t.app.inject({ url: '/judgements/log' })).json().entries;
    expect(latest[0]).toMatchObject({ left_caption: 'KARIMOV, Rustam Bakhtiyorovich' });

    // Judged pairs carry their decision in /xref.
    const pairs = (await t.app.inject({ url: '/xref?dataset=list_a' })).json().pairs;
    expect(pairs.find((p: { left: { id: string } }) => p.left.id === 'a-karimov').decision).toBe('same');

    // A contradiction is refused with the conflict named; nothing is half-applied.
    const key = await t.keyFor('analyst');
    const conflict = await t.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: { authorization: `ApiKey ${key}` },
      payload: {
        judgements: [
          { left: 'b-karimov', right: 'b-quiet-harbour', decision: 'same' },
          { left: 'a-karimov', right: 'b-quiet-harbour', decision: 'different' },
        ],
      },
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().detail).toMatch(
      /judgements\[1\]: a-karimov and b-quiet-harbour are one entity through/,
    );
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/judgements',
      headers: { authorization: `ApiKey ${key}` },
      payload: { judgements: [{ left: 'a-karimov', right: 'zz-1', decision: 'same' }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect((await t.app.inject({ url: '/judgements' })).json().total).toBe(1);
    const exported = await t.app.inject({ url: '/judgements/export' });
    expect(exported.headers['content-type']).toMatch(/ndjson/);
    expect(JSON.parse(exported.body.trim())).toMatchObject({
      left: 'a-karimov',
      right: 'b-karimov',
      decision: 'same',
    });

    // Shared judgements come back in as JSON lines; a broken line names itself and applies nothing.
    const imported = await t.app.inject({
      method: 'POST',
      url: '/judgements/import',
      headers: { authorization: `ApiKey ${key}`, 'content-type': 'application/x-ndjson' },
      payload: `${exported.body}{"left": "a-velasco", "right": "b-velasco", "decision": "perhaps"}\n`,
    });
    expect(imported.statusCode).toBe(400);
    expect(imported.json()).toMatchObject({ file: 'body', line: 2, field: 'decision' });
    const reimported = await t.app.inject({
      method: 'POST',
      url: '/judgements/import',
      headers: { authorization: `ApiKey ${key}`, 'content-type': 'application/x-ndjson' },
      payload: '{"left": "a-velasco", "right": "b-velasco", "decision": "different", "user": "carol"}\n',
    });
    expect(reimported.statusCode).toBe(201);
    expect(reimported.json().judgements[0]).toMatchObject({ user: 'carol', method: 'import' });

    // Split: members get their own ids back.
    const viewerSplit = await t.app.inject({
      method: 'POST',
      url: '/resolve/split',
      headers: { authorization: `ApiKey ${await t.keyFor('viewer')}` },
      payload: { id: canonical },
    });
    expect(viewerSplit.statusCode).toBe(403);
    const splitted = await t.app.inject({
      method: 'POST',
      url: '/resolve/split',
      headers: { authorization: `ApiKey ${key}` },
      payload: { id: canonical },
    });
    expect(splitted.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/resolve/a-karimov' })).json()).toMatchObject({
      canonical_id: 'a-karimov',
      members: ['a-karimov'],
    });
    expect((await t.app.inject({ url: `/entities/${canonical}` })).statusCode).toBe(404);
    const log = (await t.app.inject({ url: '/judgements/log' })).json().entries;
    expect(log[0]).toMatchObject({ action: 'split', user: 'analyst', left: canonical });
    expect(log.at(-1)).toMatchObject({
      action: 'judge',
      user: 'analyst',
      decision: 'same',
      left: 'a-karimov',
    });
  });

  it('lists the routes in /openapi.json', async () => {
    const paths = Object.keys((await t.app.inject({ url: '/openapi.json' })).json().paths);
    for (const p of [
      '/xref',
      '/judgements',
      '/judgements/export',
      '/judgements/import',
      '/resolve/split',
      '/reconcile',
      '/reconcile/preview',
    ])
      expect(paths).toContain(p);
  });
});

describe('OpenRefine reconciliation at /reconcile', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await testServer();
    await importLists(t.store);
    await t.app.ready();
  });
  afterAll(async () => {
    await t.app.close();
    await t.store.close();
  });

  it('serves the v0.2 manifest', async () => {
    const res = await t.app.inject({ url: '/reconcile', headers: { host: 'tangle.test' } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const m = res.json();
    expect(m.versions).toContain('0.2');
    expect(m).toMatchObject({
      identifierSpace: 'http://tangle.test/entities/',
      view: { url: 'http://tangle.test/entities/{{id}}' },
      preview: { url: 'http://tangle.test/reconcile/preview?id={{id}}' },
      suggest: { entity: { service_url: 'http://tangle.test', service_path: '/reconcile/suggest/entity' } },
    });
    expect(m.defaultTypes).toContainEqual({ id: 'Person', name: 'Person' });
  });

  it('answers a batch posted form-encoded, with type and property constraints', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/reconcile',
      ...openRefineForm({
        q0: {
          query: 'Rustam Karimov',
          type: 'Person',
          properties: [{ pid: 'birthDate', v: '1971-03-14' }],
          type_strict: 'should',
        },
        q1: {
          query: 'Samir Fouad Haddad',
          type: 'Person',
          properties: [{ pid: 'birthDate', v: '1982-07-11' }],
          limit: 2,
        },
        q2: { query: 'blue heron', limit: 6 },
      }),
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.q0.result[0]).toMatchObject({ type: [{ id: 'Person', name: 'Person' }] });
    expect(['a-karimov', 'b-karimov']).toContain(body.q0.result[0].id);
    expect(body.q0.result[0].score).toBeGreaterThan(80);
    // The birth date picks the junior Haddad over the senior namesake.
    expect(body.q1.result[0].id).toBe('b-haddad-junior');
    expect(body.q1.result.length).toBeLessThanOrEqual(2);
    expect(body.q2.result.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['a-blue-heron', 'b-blue-heron']),
    );
    // GET with queries in the query string works the same.
    const get = await t.app.inject({
      url: `/reconcile?queries=${encodeURIComponent(JSON.stringify({ q0: { query: 'Marta Velasco' } }))}`,
    });
    expect(get.json().q0.result[0].id).toMatch(/velasco/);
  });

  it('names the bad field of a query', async () => {
    const bad = async (queries: unknown) =>
      (await t.app.inject({ method: 'POST', url: '/reconcile', ...openRefineForm(queries) })).json();
    expect((await bad({ q0: { query: 'x', type: 'Spaceship' } })).field).toBe('queries.q0.type');
    expect(
      (await bad({ q0: { query: 'x', type: 'Vessel', properties: [{ pid: 'birthDate', v: '1970' }] } }))
        .field,
    ).toBe('queries.q0.properties[0].pid');
    expect((await bad({ q0: { query: '' } })).field).toBe('queries.q0.query');
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/reconcile',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'queries=%7Bnot-json',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().field).toBe('queries');
  });

  it('suggests entities, types and properties', async () => {
    const e = (await t.app.inject({ url: '/reconcile/suggest/entity?prefix=nordlicht' })).json();
    expect(e.result.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['a-nordlicht', 'b-nordlicht']),
    );
    const ty = (await t.app.inject({ url: '/reconcile/suggest/type?prefix=pers' })).json();
    expect(ty.result).toContainEqual({ id: 'Person', name: 'Person' });
    const p = (await t.app.inject({ url: '/reconcile/suggest/property?prefix=birth&type=Person' })).json();
    expect(p.result).toContainEqual({ id: 'birthDate', name: 'Birth date' });
  });

  it('previews an entity as HTML with list text escaped', async () => {
    const r = await t.app.inject({ url: '/reconcile/preview?id=b-quiet-harbour' });
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(r.body).toContain('QUIET HARBOUR LOGISTICS LTD');
    expect(r.body).not.toMatch(/<script/i);
    expect((await t.app.inject({ url: '/reconcile/preview?id=nope' })).statusCode).toBe(404);
  });
});
