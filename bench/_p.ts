import { join } from 'node:path';
import { importFiles } from '../src/logic/import.js';
import { CandidateIndex } from '../src/match/candidate-index.js';
import { SqliteStore } from '../src/store/sqlite.js';
const S = '/work/shared/data';
const store = new SqliteStore(':memory:');
let t = performance.now();
await importFiles(store, { format: 'ofac-csv', paths: [join(S, 'ofac/sdn-history/sdn-2024-05-03.csv.gz')] });
console.log('import sdn', performance.now() - t);
await importFiles(store, { format: 'un-xml', paths: [join(S, 'un/un-consolidated-2026-02-27.xml.gz')] });
t = performance.now();
const recs = [...store.currentEntitiesSync()];
console.log('load', performance.now() - t);
t = performance.now();
const idx = CandidateIndex.build(recs);
console.log('build', performance.now() - t, idx.size);
const names = recs
  .filter((r) => r.schema === 'Person')
  .slice(0, 1500)
  .map((r) => r.caption);
t = performance.now();
for (const n of names) idx.screen({ schema: 'Person', properties: { name: [n] } }, { limit: 5 });
console.log('per query', (performance.now() - t) / names.length);
