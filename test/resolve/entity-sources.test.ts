/** Ids kept outside the entity table (document parties of the reading engine) can be judged too. */
import { describe, expect, it } from 'vitest';
import { describeResolved } from '../../src/logic/merged-entity.js';
import { judge, registerEntitySource } from '../../src/resolve/decide.js';
import { Resolver } from '../../src/resolve/resolver.js';
import { storeWithLists } from './helpers.js';

describe('judging a document party against a list entry', () => {
  it('accepts ids a registered source knows, and the merged view names them', async () => {
    const store = await storeWithLists();
    registerEntitySource((_store, ids) => new Set(ids.filter((id) => id === 'doc-karimov-article')));
    await expect(
      judge(store, [{ left: 'doc-unknown', right: 'a-karimov', decision: 'same', user: 'ana' }]),
    ).rejects.toThrow(/no entity has the id "doc-unknown"/);
    await judge(store, [{ left: 'doc-karimov-article', right: 'a-karimov', decision: 'same', user: 'ana' }]);
    const resolver = await Resolver.load(store);
    const view = await describeResolved(store, resolver, 'a-karimov');
    expect(view?.referents).toEqual(['a-karimov', 'doc-karimov-article']);
    expect(view?.entity.id).toBe(resolver.canonicalId('doc-karimov-article'));
    await store.close();
  });
});
