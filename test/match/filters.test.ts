/**
 * Filters (dataset, schema, topic, excluded ids) decide which entities compete for the candidate
 * places, not which of the chosen candidates are shown: a common name must not lose its true
 * match in the asked dataset to candidates from elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../../src/match/candidate-index.js';
import { yenteMatch, yenteSearch } from '../../src/match/yente.js';
import type { EntityRecord } from '../../src/store/store.js';

function rec(id: string, schema: string, name: string, dataset: string, topics: string[]): EntityRecord {
  return {
    id,
    schema,
    caption: name,
    datasets: [dataset],
    recordIds: { [dataset]: [id] },
    properties: { name: [name], topics },
    firstSeen: '2024-01-01',
    lastSeen: '2024-01-01',
    lastChange: '2024-01-01',
  };
}

// 300 exact namesakes elsewhere outrank, by key overlap, the entry in the dataset asked for, which
// lacks one of the query's words; they are more than the 150 candidates scored.
const crowd = Array.from({ length: 300 }, (_, i) =>
  rec(`other-${i}`, i % 2 ? 'Person' : 'Organization', 'Mohammed Ali Hassan', 'other_list', ['role.pep']),
);
const target = rec('target-1', 'Organization', 'Mohammed Hassan', 'target_list', ['sanction']);
const index = CandidateIndex.build([...crowd, target]);
const query = { schema: 'LegalEntity', properties: { name: ['Mohammed Ali Hassan'] } };
const found = (options: Parameters<CandidateIndex['screen']>[1]) =>
  index.screen(query, { includeNonMatches: true, limit: 500, ...options }).hits.map((h) => h.entity.id);

describe('filters applied while candidates are gathered', () => {
  it('the unfiltered query is crowded out (what the filters must not suffer from)', () => {
    expect(found({})).not.toContain('target-1');
  });

  it('finds the match in the asked dataset, topic, schema, or with the crowd excluded', () => {
    expect(found({ includeDatasets: ['target_list'] })).toEqual(['target-1']);
    expect(found({ excludeDatasets: ['other_list'] })).toEqual(['target-1']);
    expect(found({ topics: ['sanction'] })).toEqual(['target-1']);
    expect(found({ excludeIds: crowd.map((e) => e.id) })).toEqual(['target-1']);
    const orgsOnly = index.screen(
      { schema: 'LegalEntity', properties: { name: ['Mohammed Ali Hassan'] } },
      { includeNonMatches: true, limit: 500, excludeSchemata: ['Person'] },
    );
    expect(orgsOnly.hits.map((h) => h.entity.schema)).not.toContain('Person');
  });

  it('holds for /match/{dataset}, include_dataset and /search', () => {
    const body = { queries: { q: query } };
    const viaPath = yenteMatch(index, 'target_list', body, { threshold: 0 });
    expect(viaPath.responses.q!.results.map((r) => r.id)).toEqual(['target-1']);
    const viaParam = yenteMatch(index, 'default', body, { threshold: 0, include_dataset: ['target_list'] });
    expect(viaParam.responses.q!.results.map((r) => r.id)).toEqual(['target-1']);
    const search = yenteSearch(index, 'target_list', { q: 'Mohammed Ali Hassan' });
    expect(search.results.map((r) => r.id)).toEqual(['target-1']);
  });

  it('a Person query competes only among entities that can be people', () => {
    const people = index.screen(
      { schema: 'Person', properties: { name: ['Mohammed Ali Hassan'] } },
      { includeNonMatches: true, limit: 500 },
    );
    expect(people.hits.length).toBe(150);
    expect(people.hits.every((h) => h.entity.schema === 'Person')).toBe(true);
  });
});
