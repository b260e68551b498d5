/** Parties that only documents name (doc-… ids) can be judged against list entries too. */
import { describe, expect, it } from 'vitest';
import { describeResolved } from '../../src/logic/merged-entity.js';
import { readDocument } from '../../src/logic/reading.js';
import { judge } from '../../src/resolve/decide.js';
import { Resolver } from '../../src/resolve/resolver.js';
import { openDocuments } from '../../src/store/open-documents.js';
import { documentEntityId } from '../../src/store/sqlite-documents.js';
import { createReader } from '../helpers/fake-reader.js';
import { storeWithLists } from './helpers.js';

describe('judging a document party against a list entry', () => {
  it('accepts ids the document store knows, and the merged view names them', async () => {
    const store = await storeWithLists();
    const reader = await createReader(store);
    const documents = openDocuments(store);
    await readDocument(
      { store, documents, reader: async () => reader },
      {
        name: 'report.txt',
        text: 'The Cartel de los Soles reportedly works with Hezbollah in 2024.',
        format: 'text',
      },
      {},
      {},
    );
    const party = documentEntityId('Organization', 'Cartel de los Soles');
    expect(await documents.hasDocumentEntity(party)).toBe(true);
    await expect(
      judge(store, [{ left: 'doc-unknown', right: 'a-karimov', decision: 'same', user: 'ana' }]),
    ).rejects.toThrow(/no entity has the id "doc-unknown"/);
    await judge(store, [{ left: party, right: 'a-karimov', decision: 'same', user: 'ana' }]);
    const resolver = await Resolver.load(store);
    const view = await describeResolved(store, resolver, 'a-karimov');
    expect(view?.referents).toEqual(['a-karimov', party].sort());
    expect(view?.entity.id).toBe(resolver.canonicalId(party));
    await store.close();
  });
});
