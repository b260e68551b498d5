/** A query naming a person ranks the person above an organisation named after him or her. */
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../../src/match/candidate-index.js';
import type { EntityRecord } from '../../src/store/store.js';

const rec = (id: string, schema: string, properties: Record<string, string[]>): EntityRecord => ({
  id,
  schema,
  caption: properties.name![0]!,
  datasets: ['test'],
  recordIds: { test: [id] },
  properties,
  firstSeen: '2024-01-01',
  lastSeen: '2024-01-01',
  lastChange: '2024-01-01',
});

// As the lists write them: the person by his primary name, the organisation with his name in an alias.
const index = CandidateIndex.build([
  rec('person', 'Person', { name: ['BIN LADIN, Usama bin Muhammad bin Awad'] }),
  rec('org', 'Organization', { name: ['AL-QAIDA'], alias: ['Usama Bin Laden Network', 'The Base'] }),
  rec('fund', 'Organization', { name: ['KIM IL SUNG FOUNDATION'] }),
  rec('kim', 'Person', { name: ['KIM, Il Sung'] }),
]);
const ranked = (schema: string, name: string) =>
  index.screen({ schema, properties: { name: [name] } }, { includeNonMatches: true, limit: 5 }).hits;

describe('an organisation named after a person', () => {
  it('ranks below the person for a query that names the person', () => {
    for (const schema of ['Thing', 'LegalEntity']) {
      const hits = ranked(schema, 'Osama bin Laden');
      expect(hits.map((h) => h.entity.id).slice(0, 2)).toEqual(['person', 'org']);
      expect(hits[1]!.result.explanations.name_match!.detail).toMatch(
        /an organisation named after the person the query names/,
      );
      expect(ranked(schema, 'Kim Il Sung')[0]!.entity.id).toBe('kim');
    }
  });

  it('still ranks first for a query that names the organisation', () => {
    expect(ranked('LegalEntity', 'Usama Bin Laden Network')[0]!.entity.id).toBe('org');
    expect(ranked('Organization', 'Kim Il Sung Foundation')[0]!.entity.id).toBe('fund');
  });
});
