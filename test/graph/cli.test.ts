import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, tangle, tempDb } from '../helpers/cli.js';

const SDN = join(ROOT, 'test', 'fixtures', 'cli', 'sdn-2024-05-03.csv');
const out = mkdtempSync(join(tmpdir(), 'tangle-graph-cli-'));

describe('tangle graph', () => {
  const db = tempDb();
  afterAll(() => {
    rmSync(dirname(db), { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('finds the path between two list entries with the list record as evidence', () => {
    expect(tangle(['import', 'ofac-csv', SDN, '--db', db]).status).toBe(0);
    const r = tangle(['graph', 'path', 'MADURO MOROS, Nicolas', 'us_ofac_sdn-30421', '--db', db, '--json']);
    expect(r.stderr).toBe('');
    const { paths } = JSON.parse(r.stdout);
    expect(paths[0]).toMatchObject({ length: 1, weight: 0 });
    expect(paths[0].steps[0]).toMatchObject({
      source: 'us_ofac_sdn-22790',
      target: 'us_ofac_sdn-30421',
      type: 'linked_to',
      evidence: [{ kind: 'list', dataset: 'us_ofac_sdn', version: '2024-05-03', record_id: '30421' }],
    });
  });

  it('reports exposure with the exposure contract', () => {
    const r = tangle(['graph', 'exposure', 'us_ofac_sdn-30421', '--db', db, '--json']);
    const body = JSON.parse(r.stdout);
    expect(body.entity).toMatchObject({ id: 'us_ofac_sdn-30421' });
    expect(body.exposures).toEqual([
      expect.objectContaining({
        entity_id: 'us_ofac_sdn-22790',
        caption: 'MADURO MOROS, Nicolas',
        programmes: ['IRAN-CON-ARMS-EO', 'VENEZUELA'],
        distance: 1,
        path: ['us_ofac_sdn-30421', 'us_ofac_sdn-22790'],
      }),
    ]);
  });

  it('exits with 2 and close names for an unknown party, and for a bad option', () => {
    const r = tangle(['graph', 'neighbours', 'MADURO MOROS, Nicola', '--db', db]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /no party in the network has the id or name "MADURO MOROS, Nicola"; did you mean:\n {2}us_ofac_sdn-22790 {2}MADURO MOROS, Nicolas/,
    );
    const bad = tangle(['graph', 'neighbours', 'us_ofac_sdn-22790', '--hops', '1000', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--hops: 1000 is out of range/);
  });

  it('exports GraphML and CSV files', () => {
    const graphml = join(out, 'g.graphml');
    expect(tangle(['graph', 'export', '--format', 'graphml', '-o', graphml, '--db', db]).status).toBe(0);
    expect(readFileSync(graphml, 'utf8')).toContain('<node id="us_ofac_sdn-22790">');
    const csv = join(out, 'g.csv');
    const r = tangle([
      'graph',
      'export',
      '--format',
      'csv',
      '-o',
      csv,
      '--around',
      'us_ofac_sdn-22790',
      '--hops',
      '1',
      '--db',
      db,
    ]);
    expect(r.status).toBe(0);
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readFileSync(join(out, 'g.nodes.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
