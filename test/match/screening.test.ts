import { describe, expect, it } from 'vitest';
import { readBook, parseColumnMap } from '../../src/match/book.js';
import { CandidateIndex } from '../../src/match/candidate-index.js';
import { buildQuery } from '../../src/match/query.js';
import { yenteMatch, yenteSearch } from '../../src/match/yente.js';
import { screenBook, bookResultsCsv } from '../../src/logic/screening.js';
import type { EntityRecord } from '../../src/store/store.js';
import { InputError } from '../../src/errors.js';

function rec(
  id: string,
  schema: string,
  properties: Record<string, string[]>,
  datasets = ['test'],
): EntityRecord {
  return {
    id,
    schema,
    caption: properties.name?.[0] ?? id,
    datasets,
    recordIds: { [datasets[0]]: [id.split('-')[1] ?? id] },
    properties,
    firstSeen: '2024-01-01',
    lastSeen: '2024-05-03',
    lastChange: id === 'x-2' ? '2024-05-03' : '2024-01-01',
  };
}

const RECORDS: EntityRecord[] = [
  rec('x-1', 'Person', {
    name: ['MADURO MOROS, Nicolas'],
    birthDate: ['1962-11-23'],
    citizenship: ['ve'],
    idNumber: ['5892464'],
    topics: ['sanction'],
    program: ['VENEZUELA', 'IRAN-CON-ARMS-EO'],
  }),
  rec('x-2', 'Person', {
    name: ['SOLEIMANI, Qasem'],
    alias: ['Qassem Suleimani'],
    topics: ['sanction', 'crime.terror'],
    program: ['SDGT'],
  }),
  rec(
    'x-3',
    'Organization',
    { name: ['HIZBALLAH'], alias: ['Hezbollah', 'Party of God'], topics: ['sanction', 'crime.terror'] },
    ['other'],
  ),
  rec('x-4', 'Vessel', { name: ['EBANO'], imoNumber: ['7406784'], flag: ['pa'], topics: ['sanction'] }),
  rec('x-5', 'Company', { name: ['EX-CLE SOLUCIONES BIOMETRICAS C.A.'], topics: ['sanction'] }),
  rec('x-6', 'Person', {
    name: ['MADURO GUERRA, Nicolas Ernesto'],
    birthDate: ['1990-06-21'],
    topics: ['sanction'],
  }),
  rec('x-7', 'UnknownLink', { subject: ['x-5'], object: ['x-1'] }),
];

const index = CandidateIndex.build(RECORDS);

describe('CandidateIndex', () => {
  it('indexes only screenable entities', () => {
    expect(index.size).toBe(6);
    expect(index.getEntity('x-7')).toBeUndefined();
  });

  it('finds a person across spellings and scripts, with explanations', () => {
    const latin = index.screen({ schema: 'Person', properties: { name: ['Nicolas Maduro'] } });
    expect(latin.hits[0].entity.id).toBe('x-1');
    expect(latin.hits[0].result.explanations.name_match.detail).toMatch(/maduro/i);
    const arabic = index.screen({ schema: 'Person', properties: { name: ['قاسم سليماني'] } });
    expect(arabic.hits.map((h) => h.entity.id)).toEqual(['x-2']);
  });

  it('uses date of birth to tell two people with the same names apart', () => {
    const q = buildQuery({ name: 'Nicolas Maduro', schema: 'Person', dob: '1962-11-23' });
    const out = index.screen(q, { includeNonMatches: true, limit: 5 });
    const byId = Object.fromEntries(out.hits.map((h) => [h.entity.id, h.result.score]));
    expect(byId['x-1']).toBeGreaterThan(byId['x-6'] ?? 0);
  });

  it('matches a vessel by IMO number and never a legal form alone', () => {
    const imo = index.screen(buildQuery({ name: 'Some Ship', schema: 'Vessel', ids: 'IMO 7406784' }));
    expect(imo.hits[0]?.entity.id).toBe('x-4');
    expect(index.screen({ schema: 'Company', properties: { name: ['C.A.'] } }).hits).toEqual([]);
  });

  it('applies exclusions and dataset, topic and change filters', () => {
    const q = { schema: 'Organization', properties: { name: ['Hezbollah'] } };
    expect(index.screen(q).hits[0].entity.id).toBe('x-3');
    expect(index.screen(q, { excludeIds: ['x-3'] }).hits).toEqual([]);
    expect(index.screen(q, { includeDatasets: ['test'] }).hits).toEqual([]);
    expect(index.screen(q, { topics: ['crime.traffick.drug'] }).hits).toEqual([]);
    const soleimani = { schema: 'Person', properties: { name: ['Qasem Soleimani'] } };
    expect(index.screen(soleimani, { changedSince: '2024-05-01' }).hits.map((h) => h.entity.id)).toEqual([
      'x-2',
    ]);
    expect(
      index.screen(
        { schema: 'Person', properties: { name: ['Nicolas Maduro'] } },
        { changedSince: '2024-05-01' },
      ).hits,
    ).toEqual([]);
  });
});

describe('customer books', () => {
  it('maps columns, screens every row and summarises by programme', () => {
    const text = [
      'Customer Ref,Full Name,Kind,Born',
      'C-1,Nicolas Maduro Moros,Person,1962',
      'C-2,Acme Bakery Ltd,Company,',
      'C-3,Qassem Suleimani,Person,',
    ].join('\n');
    const rows = readBook(
      text,
      'book.csv',
      parseColumnMap(['id=Customer Ref', 'name="Full Name"', 'schema=Kind', 'dob=Born']),
    );
    expect(rows.map((r) => r.id)).toEqual(['C-1', 'C-2', 'C-3']);
    const { results, summary } = screenBook(index, rows, {});
    expect(summary).toMatchObject({ rows: 3, rowsWithMatches: 2, matches: 2 });
    expect(summary.byProgramme).toMatchObject({ VENEZUELA: 1, 'IRAN-CON-ARMS-EO': 1, SDGT: 1 });
    expect(results[0].results[0]).toMatchObject({
      entity_id: 'x-1',
      source_ids: { test: ['1'] },
      match: true,
    });
    expect(results[1].results).toEqual([]);
    const csv = bookResultsCsv(results);
    expect(csv.split('\n')[0]).toBe(
      'row_id,query_name,rank,entity_id,caption,schema,score,match,programmes,datasets,source_ids,why',
    );
    expect(csv).toMatch(/^C-2,Acme Bakery Ltd,,/m);
  });

  it('names the row and field of bad input', () => {
    const err = (text: string, map: string[] = []) => {
      try {
        readBook(text, 'b.csv', parseColumnMap(map));
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      throw new Error('no error');
    };
    expect(err('id,full_name\n1,x\n')).toMatch(/b\.csv, line 1, field "name": the header has no name column/);
    expect(err('id,name\n1,""\n')).toBe('b.csv, line 2, field "name": name is empty');
    expect(err('id,name\n1,ok\n2\n')).toMatch(/line 3: expected 2 fields/);
    expect(err('name,dob\nA,1970-02-31\n')).toMatch(/line 2, field "dob": "1970-02-31" is not a date/);
    expect(err('name,schema\nA,Spaceship\n')).toMatch(/line 2, field "schema": unknown schema "Spaceship"/);
    expect(err(`name\n${'x'.repeat(10_000)}\n`)).toMatch(/line 2, field "name": name is too long/);
    expect(err('name\n"a\u0007b"\n')).toMatch(/control character \(U\+0007\)/);
    expect(err('name\n"unclosed\n')).toMatch(/unterminated quote/);
    expect(err('name,country\nA,Atlantis\n')).toMatch(/field "country": unknown country "Atlantis"/);
    expect(err('name\n')).toMatch(/header but no rows/);
    expect(err('n\nA\n', ['name=Missing'])).toMatch(/--map name="Missing": no such column/);
  });
});

describe('yente-compatible match and search', () => {
  it("answers a yente /match body unchanged, in yente's response shape", () => {
    const body = {
      weights: { country_mismatch: -0.3 },
      queries: {
        q1: {
          schema: 'Person',
          properties: { name: ['Nicolas Maduro'], birthDate: ['1962'], nationality: ['ve'] },
        },
        q2: { schema: 'Vessel', properties: { name: ['EBANO'], imoNumber: ['7406784'] } },
      },
    };
    const res = yenteMatch(index, 'default', body, { limit: 3 });
    expect(res.limit).toBe(3);
    const q1 = res.responses.q1;
    expect(q1.status).toBe(200);
    expect(q1.query).toEqual({ id: null, schema: 'Person', properties: body.queries.q1.properties });
    expect(q1.results[0]).toMatchObject({
      id: 'x-1',
      caption: 'MADURO MOROS, Nicolas',
      schema: 'Person',
      datasets: ['test'],
      referents: [],
      target: true,
      first_seen: '2024-01-01',
      match: true,
    });
    expect(q1.results[0].score).toBeGreaterThan(0.7);
    expect(Object.keys(q1.results[0].explanations)).toContain('name_match');
    expect(q1.total).toEqual({ value: q1.results.filter((r) => r.match).length, relation: 'eq' });
    expect(res.responses.q2.results[0].id).toBe('x-4');
  });

  it('rejects bad requests naming the field', () => {
    const q = { queries: { a: { schema: 'Person', properties: { name: ['X'] } } } };
    expect(() => yenteMatch(index, 'default', q, { algorithm: 'nope' })).toThrow(
      /^algorithm: unknown algorithm/,
    );
    expect(() =>
      yenteMatch(index, 'default', { queries: { a: { schema: 'Address', properties: { full: ['x'] } } } }),
    ).toThrow(/queries\.a\.schema: schema "Address" is not matchable/);
    expect(() =>
      yenteMatch(index, 'default', {
        queries: { a: { schema: 'Person', properties: { imoNumber: ['1'] } } },
      }),
    ).toThrow(/queries\.a\.properties\.imoNumber: Person has no property/);
    expect(() => yenteMatch(index, 'default', { ...q, weights: { bogus_feature: 1 } })).toThrow(
      /^weights\.bogus_feature: algorithm \S+ has no feature/,
    );
    expect(() => yenteMatch(index, 'default', { ...q, config: { x: 1 } })).toThrow(/^config:/);
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`q${i}`, q.queries.a]));
    expect(() => yenteMatch(index, 'default', { queries: many })).toThrow(/at most 100 queries/);
    expect(() => yenteMatch(index, 'default', q, { limit: 501 })).toThrow(/^limit:/);
    expect(() => yenteMatch(index, 'default', q, { exclude_entity_ids: Array(51).fill('x') })).toThrow(
      /^exclude_entity_ids:/,
    );
  });

  it('searches by text with filters and facets', () => {
    const res = yenteSearch(index, 'default', { q: 'maduro', limit: 10 });
    expect(res.results.map((r) => r.id).sort()).toEqual(['x-1', 'x-6']);
    expect(res.total.value).toBe(2);
    expect(res.facets.schema.values).toEqual([{ name: 'Person', label: 'Person', count: 2 }]);
    const filtered = yenteSearch(index, 'default', { q: 'maduro', filter: ['birthDate:1962-11-23'] });
    expect(filtered.results.map((r) => r.id)).toEqual(['x-1']);
    expect(yenteSearch(index, 'other', { q: 'maduro' }).total.value).toBe(0);
    expect(() => yenteSearch(index, 'default', { q: 'x', filter: ['nocolon'] })).toThrow(/^filter:/);
  });
});

describe('typos in list words', () => {
  it('finds a name whose only distinctive word has two letters swapped', () => {
    const small = CandidateIndex.build([
      rec('y-1', 'Company', { name: ['AVESTO OOO'] }),
      rec('y-2', 'Company', { name: ['AVRORA OOO'] }),
      rec('y-3', 'Company', { name: ['VESTA TRADING OOO'] }),
    ]);
    // AVETSO shares only two of six 3-grams with AVESTO: found through the swapped spelling.
    const out = small.screen({ schema: 'Company', properties: { name: ['AVETSO OOO'] } });
    expect(out.hits.map((h) => h.entity.id)).toEqual(['y-1']);
    expect(out.hits[0]!.result.match).toBe(true);
    // The near words of AVETSO are remembered: asking again, in another name, gives the same hit.
    const again = small.screen({ schema: 'Company', properties: { name: ['avetso limited'] } });
    expect(again.hits.map((h) => h.entity.id)).toEqual(['y-1']);
    expect(again.hits[0]!.result.score).toBe(out.hits[0]!.result.score);
  });
});

describe('romanisations of list words', () => {
  it('finds a name written in another romanisation, both ways round', () => {
    // Many Sergeis, so that the given name alone does not bring the right one up.
    const others = Array.from({ length: 300 }, (_, i) =>
      rec(`s-${i}`, 'Person', { name: [`Sergei Petrov${'abcdefghij'[i % 10]}${i}`] }),
    );
    const small = CandidateIndex.build([
      ...others,
      rec('r-1', 'Person', { name: ['LAVROV, Sergei'] }),
      rec('r-2', 'Person', { name: ['KOWALTSCHUK, Juri'] }),
    ]);
    const ids = (name: string) =>
      small
        .screen({ schema: 'Person', properties: { name: [name] } }, { candidates: 20 })
        .hits.map((h) => h.entity.id);
    expect(ids('Sergej Lawrow')).toEqual(['r-1']); // f:lavrov looked up as t:lavrov
    expect(ids('Yuri Kovalchuk')).toEqual(['r-2']); // the list's f:kovalchuk looked up by the query
  });
});

describe('typos in legal forms', () => {
  it('reads a misspelt legal form as the form, not as a distinctive word', async () => {
    const { scoreEntity } = await import('../../src/match/entity.js');
    const pairs: Array<[string, string]> = [
      ['ARTA SYSTEM LIMIETD', 'ARTA SYSTEM LIMITED'],
      ['JOINT STOCK COPMANY VREMYA CH', 'JOINT STOCK COMPANY VREMYA CH'],
      ['GLOBAL KEY LIMITED LIBAILITY COMPANY', 'GLOBAL KEY LIMITED LIABILITY COMPANY'],
    ];
    for (const [q, c] of pairs) {
      const r = scoreEntity(
        { schema: 'Company', properties: { name: [q] } },
        { schema: 'Company', properties: { name: [c] } },
      );
      expect(r.match, `${q} ~ ${c}: ${r.score}`).toBe(true);
    }
    // …while a different company with the same legal form stays apart.
    const other = scoreEntity(
      { schema: 'Company', properties: { name: ['ARTA SYSTEM LIMIETD'] } },
      { schema: 'Company', properties: { name: ['ORBITA SYSTEMS LIMITED'] } },
    );
    expect(other.match).toBe(false);
  });
});

describe('hostile names', () => {
  it('scores names made of JavaScript property names without crashing', () => {
    for (const n of ['constructor', '__proto__ toString', 'hasOwnProperty valueOf']) {
      const out = index.screen({ schema: 'Person', properties: { name: [n] } }, { includeNonMatches: true });
      expect(Array.isArray(out.hits)).toBe(true);
    }
  });
});
