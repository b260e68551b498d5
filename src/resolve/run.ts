/**
 * Cross-referencing a store: load its current entities, the matcher's index and the resolver, and
 * run crossReference. Shared by `tangle xref`, `tangle dedupe` and `GET /xref`.
 */
import { FieldError } from '../errors.js';
import { buildIndex } from '../logic/screening.js';
import type { CandidateIndex } from '../match/candidate-index.js';
import type { EntityRecord, Store } from '../store/store.js';
import { Resolver } from './resolver.js';
import { crossReference, type XrefOptions, type XrefRun } from './xref.js';

export async function xrefStore(
  store: Store,
  options: XrefOptions,
  prepared?: { index: CandidateIndex; records?: EntityRecord[] },
): Promise<XrefRun & { resolver: Resolver }> {
  await checkXrefDatasets(store, options);
  let records = prepared?.records;
  if (!records) {
    records = [];
    for await (const r of store.currentEntities()) records.push(r);
  }
  // The index saved beside the store when the lists have not changed, else built from these records.
  const index = prepared?.index ?? (await buildIndex(store, { cache: true, records }));
  const resolver = await Resolver.load(store);
  return { ...crossReference(index, records, options, resolver), resolver };
}

/** The datasets named on either side exist, else a field error naming the ones that do. */
export async function checkXrefDatasets(store: Store, options: XrefOptions): Promise<void> {
  const known = new Set((await store.listDatasets()).map((d) => d.name));
  for (const [field, names] of [
    ['dataset', options.datasets],
    ['against', options.against],
  ] as const) {
    for (const d of names ?? []) {
      if (!known.has(d))
        throw new FieldError(
          field,
          `no dataset named "${d}" (the store has ${[...known].sort().join(', ') || 'none'})`,
        );
    }
  }
}
