import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyHeader,
  FIXTURES,
  multipart,
  SDN_V1,
  testServer,
  type TestServer,
  type UploadFile,
} from './helpers.js';
import { tempDir } from '../helpers/temp.js';

const BAD = join(FIXTURES, 'bad', 'sdn.csv');
// Uploads go to a directory of this test's own, which must be empty after every request.
const UPLOADS = tempDir('tangle-test-uploads-');
const uploadDirs = () => readdirSync(UPLOADS).length;

let t: TestServer;
let admin: Record<string, string>;

beforeAll(async () => {
  t = await testServer({ config: { uploadDir: UPLOADS } });
  admin = apiKeyHeader(await t.keyFor('admin'));
});
afterAll(async () => {
  await t.app.close();
  await t.store.close();
});

function upload(
  fields: Record<string, string>,
  files: UploadFile[],
  headers = admin,
  dataset = 'us_ofac_sdn',
) {
  const body = multipart(fields, files);
  return t.app.inject({
    method: 'POST',
    url: `/datasets/${dataset}/import`,
    payload: body.payload,
    headers: { ...headers, ...body.headers },
  });
}

const sdnV1: UploadFile = { name: 'sdn-2024-05-02.csv', content: readFileSync(SDN_V1) };

describe('POST /datasets/{name}/import', () => {
  it('imports an uploaded OFAC file as a new version, dated from its name, and audits it', async () => {
    const r = await upload({ format: 'ofac-csv' }, [sdnV1]);
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body).toMatchObject({
      dataset: 'us_ofac_sdn',
      version: '2024-05-02',
      format: 'ofac-csv',
      removed: 0,
    });
    expect(body.entities).toBeGreaterThan(0);
    expect(body.added).toBe(body.entities);
    const datasets = (await t.app.inject({ url: '/datasets' })).json().datasets;
    expect(datasets).toEqual([expect.objectContaining({ name: 'us_ofac_sdn', latestVersion: '2024-05-02' })]);
    const entity = await t.app.inject({ url: '/entities/us_ofac_sdn-22790' });
    expect(entity.json().caption).toBe('MADURO MOROS, Nicolas');
    const [entry] = await t.accounts.listAudit({ action: 'import' });
    expect(entry).toMatchObject({
      actor: 'admin',
      via: 'api_key',
      target: 'us_ofac_sdn@2024-05-02',
      detail: { files: ['sdn-2024-05-02.csv'], entities: body.entities },
    });
    expect(uploadDirs()).toBe(0);
  });

  it('rejects a malformed file naming file and line, and leaves the store exactly as it was', async () => {
    const before = await t.store.stats();
    const versions = await t.store.listVersions();
    const r = await upload({ format: 'ofac-csv', versionDate: '2024-06-01' }, [
      { name: 'sdn.csv', content: readFileSync(BAD) },
    ]);
    expect(r.statusCode).toBe(400);
    const body = r.json();
    expect(body).toMatchObject({ error: 'bad_input', file: 'sdn.csv', line: 3 });
    expect(body.detail).toMatch(/^sdn\.csv, line 3/);
    expect(body.detail).not.toContain(tmpdir());
    expect(await t.store.stats()).toEqual(before);
    expect(await t.store.listVersions()).toEqual(versions);
    expect(uploadDirs()).toBe(0);
    const [failed] = await t.accounts.listAudit({ action: 'import_failed' });
    expect(failed).toMatchObject({ actor: 'admin', target: 'us_ofac_sdn', detail: { error: body.detail } });
  });

  it('refuses an older version than the latest', async () => {
    const before = await t.store.stats();
    const r = await upload({ format: 'ofac-csv', versionDate: '2020-01-01' }, [sdnV1]);
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toMatch(/date order/);
    expect(await t.store.stats()).toEqual(before);
  });

  it('names the form field at fault', async () => {
    const cases: Array<[Record<string, string>, UploadFile[], string, RegExp]> = [
      [{}, [sdnV1], 'format', /is required/],
      [{ format: 'xls' }, [sdnV1], 'format', /not a known format.*ofac-csv/],
      [{ format: 'ofac-csv', versionDate: '2 May 2024' }, [sdnV1], 'versionDate', /not a date/],
      [{ format: 'ofac-csv', versionDate: '2024-13-45' }, [sdnV1], 'versionDate', /not a date/],
      [{ format: 'ofac-csv', colour: 'red' }, [sdnV1], 'colour', /not a field/],
      [{ format: 'ofac-csv' }, [], 'files', /at least one/],
      [{ format: 'ofac-csv' }, [sdnV1, sdnV1], 'files', /two files are named/],
      [{ format: 'ofac-csv' }, [{ name: '...', content: 'x' }], 'files', /not a usable file name/],
    ];
    const before = await t.store.stats();
    for (const [fields, files, field, detail] of cases) {
      const r = await upload(fields, files);
      expect([r.statusCode, r.json().field]).toEqual([400, field]);
      expect(r.json().detail).toMatch(detail);
      expect(uploadDirs()).toBe(0);
    }
    expect(await t.store.stats()).toEqual(before);
  });

  it('names a file the format does not know, by its uploaded name', async () => {
    const r = await upload({ format: 'ofac-csv', versionDate: '2024-06-02' }, [
      { name: 'notes.txt', content: 'hello\n' },
    ]);
    expect(r.statusCode).toBe(400);
    expect(r.json().detail).toMatch(/^notes\.txt/);
  });

  it('keeps only the base name of an uploaded path', async () => {
    const r = await upload({ format: 'ofac-csv', versionDate: '2024-06-03' }, [
      { name: '../../etc/sdn.csv', content: readFileSync(SDN_V1) },
    ]);
    expect(r.statusCode).toBe(201);
    expect((await t.accounts.listAudit({ action: 'import' }))[0].detail).toMatchObject({
      version: '2024-06-03',
    });
  });

  it('needs multipart/form-data', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/datasets/us_ofac_sdn/import',
      headers: admin,
      payload: { format: 'ofac-csv' },
    });
    expect([r.statusCode, r.json().error]).toEqual([415, 'unsupported_media_type']);
  });

  it('validates the dataset name', async () => {
    const r = await upload({ format: 'ofac-csv' }, [sdnV1], admin, 'bad%20name');
    expect([r.statusCode, r.json().field]).toEqual([400, 'name']);
  });

  it('is for admins only, and needs the CSRF token with a session', async () => {
    const analyst = apiKeyHeader(await t.keyFor('analyst'));
    expect((await upload({ format: 'ofac-csv' }, [sdnV1], analyst)).statusCode).toBe(403);
    expect((await upload({ format: 'ofac-csv' }, [sdnV1], {})).statusCode).toBe(401);
    const { cookie, csrf } = await t.login('admin');
    const noToken = await upload({ format: 'ofac-csv' }, [sdnV1], { cookie });
    expect([noToken.statusCode, noToken.json().error]).toEqual([403, 'csrf_token_missing']);
    const withToken = await upload({ format: 'ofac-csv', versionDate: '2024-06-04' }, [sdnV1], {
      cookie,
      'x-csrf-token': csrf,
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('refuses a file over the upload limit with 413, storing nothing', async () => {
    const s = await testServer({ config: { uploadFileLimit: 500, uploadDir: UPLOADS }, users: ['admin'] });
    const key = apiKeyHeader(await s.keyFor('admin'));
    const body = multipart({ format: 'ofac-csv' }, [sdnV1]);
    expect(sdnV1.content.length).toBeGreaterThan(500);
    const r = await s.app.inject({
      method: 'POST',
      url: '/datasets/x/import',
      payload: body.payload,
      headers: { ...key, ...body.headers },
    });
    expect([r.statusCode, r.json().error]).toEqual([413, 'payload_too_large']);
    expect(await s.store.isEmpty()).toBe(true);
    expect(uploadDirs()).toBe(0);
    await s.app.close();
  });
});
