/** Every sdn_uid in the reading fixtures is an entry of the OFAC SDN list of 3 May 2024. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { hasSharedData, shared } from '../helpers/shared-data.js';

describe.skipIf(!hasSharedData)('reading fixtures against the SDN list', () => {
  it('names only listed uids', () => {
    const csv = gunzipSync(readFileSync(shared('ofac', 'sdn-history', 'sdn-2024-05-03.csv.gz'))).toString(
      'utf8',
    );
    const listed = new Map<number, string>();
    for (const m of csv.matchAll(/^(\d+),"([^"]*)"/gm)) listed.set(Number(m[1]), m[2]);
    const dir = join(ROOT, 'bench', 'data', 'reading');
    let checked = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.gold.json'))) {
      const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        entities: Array<{ name: string; sdn_uid?: number }>;
      };
      for (const e of gold.entities) {
        if (e.sdn_uid === undefined) continue;
        expect(listed.has(e.sdn_uid), `${file} ${e.name} uid ${e.sdn_uid}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBe(41);
    expect(listed.get(22790)).toBe('MADURO MOROS, Nicolas');
  });
});
