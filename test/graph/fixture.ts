/**
 * A small network written for these tests: an armed force, its foreign branch, a proxy, a bank,
 * a front company, a vessel, a head of state and a party no list knows — list relationships of
 * several kinds, and claims (accepted, proposed, hedged, negated) from an in-memory claim source.
 */
import { EntityDraft } from '../../src/model/entity.js';
import type { ClaimParty, ClaimSource, GraphClaim } from '../../src/graph/claims.js';
import { SqliteStore } from '../../src/store/sqlite.js';

function draft(schema: string, id: string, props: Record<string, string[]>): EntityDraft {
  const e = new EntityDraft(schema, id, id.replace(/^\w+-/, ''));
  for (const [prop, values] of Object.entries(props))
    for (const v of values) e.add(prop, v, { origin: `fixture ${id}` });
  return e;
}

export const IDS = {
  guard: 'tl-guard',
  branch: 'tl-branch',
  proxy: 'tl-proxy',
  bank: 'tl-bank',
  front: 'tl-front',
  vessel: 'tl-vessel',
  leader: 'tl-leader',
  loner: 'tl-loner',
  cartel: 'doc-cartel',
};

export async function fixtureStore(): Promise<SqliteStore> {
  const store = new SqliteStore(':memory:');
  const entities = [
    draft('Organization', IDS.guard, { name: ['Guard Corps of the Republic'], country: ['ir'] }),
    draft('Organization', IDS.branch, { name: ['Expeditionary Branch'] }),
    draft('Organization', IDS.proxy, { name: ['Party of the Faithful'] }),
    draft('Company', IDS.bank, { name: ['Ansar Credit Institution'] }),
    draft('Company', IDS.front, { name: ['Front Trading LLC'] }),
    draft('Vessel', IDS.vessel, { name: ['Sea Star'], owner: [IDS.front] }),
    draft('Person', IDS.leader, { name: ['Leader of the Republic'], nationality: ['ve'] }),
    draft('Person', IDS.loner, { name: ['Lonely Trader'], nationality: ['ve'] }),
    draft('Sanction', 'tl-s1', {
      entity: [IDS.guard],
      program: ['IRGC', 'SDGT'],
      listingDate: ['2019-04-15'],
    }),
    draft('Sanction', 'tl-s2', { entity: [IDS.branch], program: ['SDGT'], listingDate: ['2007-10-25'] }),
    draft('Sanction', 'tl-s3', { entity: [IDS.proxy], program: ['FTO'], listingDate: ['1997-10-08'] }),
    draft('Sanction', 'tl-s4', { entity: [IDS.leader], program: ['VENEZUELA'], listingDate: ['2017-07-31'] }),
    draft('Address', 'tl-a1', { full: ['Somewhere street 1'] }),
    draft('UnknownLink', 'tl-l1', { subject: [IDS.guard], object: [IDS.branch], role: ['Linked To'] }),
    draft('UnknownLink', 'tl-l2', { subject: [IDS.branch], object: [IDS.proxy], role: ['Linked To'] }),
    draft('UnknownLink', 'tl-l3', { subject: [IDS.bank], object: [IDS.guard], role: ['Linked To'] }),
    draft('Ownership', 'tl-o1', { owner: [IDS.bank], asset: [IDS.front], startDate: ['2015-03-01'] }),
  ];
  await store.importVersion({
    dataset: 'test_list',
    title: 'Test list',
    format: 'test',
    versionDate: '2024-01-01',
    files: ['fixture'],
    entities,
    warnings: [],
  });
  return store;
}

function claim(
  over: Partial<GraphClaim> & Pick<GraphClaim, 'id' | 'source_id' | 'target_id' | 'type'>,
): GraphClaim {
  return {
    subtype: null,
    item: null,
    domain: 'economic',
    hedged: false,
    negated: false,
    date: '2025-11-15',
    status: 'accepted',
    confidence: 0.9,
    document: {
      id: 'doc-1',
      title: 'A report on the partnership',
      date: '2025-11-20',
      url: 'https://example.org/report',
    },
    sentence: 'A sentence written for this test.',
    start: 0,
    end: 33,
    ...over,
  };
}

export const CLAIMS: GraphClaim[] = [
  claim({
    id: 'c1',
    source_id: IDS.guard,
    target_id: IDS.leader,
    type: 'supplies',
    item: 'drones',
    domain: 'military',
    sentence: 'The Guard Corps sent drones to the Leader.',
    start: 10,
    end: 52,
  }),
  claim({
    id: 'c2',
    source_id: IDS.proxy,
    target_id: IDS.cartel,
    type: 'traffics',
    domain: 'criminal',
    status: 'proposed',
  }),
  claim({ id: 'c3', source_id: IDS.leader, target_id: IDS.front, type: 'controls', negated: true }),
  claim({ id: 'c4', source_id: IDS.front, target_id: IDS.proxy, type: 'finances', hedged: true }),
  claim({ id: 'c5', source_id: IDS.loner, target_id: IDS.bank, type: 'pays', status: 'rejected' }),
];

/** An in-memory claim source, filtering by status as the document store does. */
export function fakeClaims(claims: GraphClaim[] = CLAIMS): ClaimSource & { calls: number } {
  const parties: ClaimParty[] = [{ id: IDS.cartel, schema: 'Organization', caption: 'Cartel of the Suns' }];
  return {
    calls: 0,
    async listClaims(q) {
      this.calls++;
      return claims.filter((c) => !q.status || q.status.includes(c.status));
    },
    async listParties(ids) {
      return parties.filter((p) => ids.includes(p.id));
    },
  };
}
