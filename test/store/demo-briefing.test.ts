import { describe, expect, it } from 'vitest';
import { BUNDLED_BRIEFING, ensureBundledBriefing } from '../../src/logic/bundled.js';
import { importFiles } from '../../src/logic/import.js';
import { SqliteDocumentStore } from '../../src/store/sqlite-documents.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { createReader } from '../helpers/fake-reader.js';
import { SDN_V1 } from '../server/helpers.js';

async function storeWith(dataset: string) {
  const store = new SqliteStore(':memory:');
  await importFiles(store, { format: 'ofac-csv', paths: [SDN_V1], dataset });
  const documents = new SqliteDocumentStore(store.db);
  const reader = await createReader(store);
  return { store, documents, reader: async () => reader };
}

describe('the demonstration briefing', () => {
  it('is read into a store holding only the bundled lists, with its claims accepted, once', async () => {
    const { store, documents, reader } = await storeWith('us_ofac_sdn');
    const outcome = (await ensureBundledBriefing(store, documents, reader))!;
    expect(outcome.document).toMatchObject({ title: BUNDLED_BRIEFING.title, date: '2025-11-20', version: 1 });
    expect(outcome.claims.length).toBeGreaterThan(5);
    expect(outcome.claims.every((c) => c.status === 'accepted' && c.reviewed_by === 'tangle-demo')).toBe(
      true,
    );
    // Maduro is linked to his OFAC entry.
    expect(outcome.entities.find((e) => e.name === 'Nicolás Maduro')?.linked_id).toBe('us_ofac_sdn-22790');
    expect(await ensureBundledBriefing(store, documents, reader)).toBeUndefined();
    expect(await documents.countDocuments()).toBe(1);
  });

  it('is not read into a store that holds lists of its own', async () => {
    const { store, documents, reader } = await storeWith('my_list');
    expect(await ensureBundledBriefing(store, documents, reader)).toBeUndefined();
    expect(await documents.countDocuments()).toBe(0);
  });
});
