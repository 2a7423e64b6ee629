/**
 * POST /api/_uploads/{op}: an uploaded file is stored under a name derived from its file name,
 * never the random temporary folder, so sending the same file again is a rerun (unchanged, or
 * its earlier rows replaced), never a second copy; and the name the answer shows is the name
 * the rejects filter takes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appOnTempStore } from '../../../test/helpers/index.js';
import { packagePath } from '../../shared/index.js';

const env = appOnTempStore();

const upload = async (op: string, filename: string, body: Uint8Array | string) => {
  const r = await env.app.request(`/api/_uploads/${op}?filename=${filename}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: r.status, json: (await r.json()) as { result: Record<string, unknown> } };
};
const op = async (name: string, body: unknown) => {
  const r = await env.app.request(`/api/_ops/${name}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return JSON.parse((await r.text()).trim().split('\n').at(-1)!) as { result: Record<string, unknown> };
};

// SYNTHETIC: one good record, two rejected (a negative value, an impossible date)
const SIGNALS =
  'datasource,value,asn,cc,timestamp\ndarknet,10,AS64500,IR,2019-11-14 00:00:00\ndarknet,-1,AS64500,IR,2019-11-14 00:05:00\ndarknet,12,AS64500,IR,2019-02-30 00:30:00\n';

describe('uploads are stored under their file name', () => {
  it('signals: the same file sent twice is unchanged, its rejects kept once and found by the name the answer shows', async () => {
    const first = await upload('signals.import', 'a.csv', SIGNALS);
    expect(first.status).toBe(200);
    const files = (r: { result: Record<string, unknown> }) => r.result.files as { path: string; status: string; rejected: number }[];
    expect(files(first.json)[0]).toMatchObject({ path: 'a.csv', status: 'imported', rejected: 2 });
    const again = await upload('signals.import', 'a.csv', SIGNALS);
    expect(files(again.json)[0]).toMatchObject({ path: 'a.csv', status: 'unchanged' });
    const all = await op('signals.rejects', {});
    expect(all.result.total).toBe(2);
    const byName = await op('signals.rejects', { file: 'a.csv' });
    expect(byName.result.total).toBe(2);
    expect((byName.result.items as { source_file: string }[]).map((x) => x.source_file)).toEqual(['a.csv', 'a.csv']);
  });

  it('speed tests: the dataset is named after the uploaded file, and sending it again replaces its rows', async () => {
    const body = readFileSync(packagePath('test', 'fixtures', 'speedtests-bad', '2021-03', '13.csv'));
    const first = await upload('speedtests.import', '13.csv', body);
    expect(first.status).toBe(200);
    expect(first.json.result.dataset).toBe('13.csv');
    expect(JSON.stringify(first.json)).not.toMatch(/upload-/);
    const again = await upload('speedtests.import', '13.csv', body);
    expect(again.json.result.dataset).toBe('13.csv');
    expect(again.json.result.replaced).toBe(first.json.result.stored);
    // the same bytes under another name: stored once, named where
    const renamed = await upload('speedtests.import', '13-copy.csv', body);
    expect(renamed.json.result).toMatchObject({ stored: 0, unchanged: [{ file: '13-copy.csv', stored_as: '13.csv/13.csv' }] });
  });
});

describe('an import cap sent over HTTP', () => {
  it('may lower the line cap but never raise it past the default: a 400 naming max_line_bytes, on uploads and /api/_ops', async () => {
    const r = await env.app.request(`/api/_uploads/measurements.ingest?filename=big.jsonl&max_line_bytes=1000000000000`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/octet-stream' },
      body: '{}\n',
    });
    expect(r.status).toBe(400);
    const p = (await r.json()) as { detail: string; errors: { path: string }[] };
    expect(p.errors.map((e) => e.path)).toEqual(['max_line_bytes']);
    expect(p.detail).toMatch(/max_line_bytes: .*16777216.*got 1000000000000/);
    const viaOps = await env.app.request(`/api/_ops/measurements.ingest`, {
      method: 'POST',
      headers: { authorization: `Bearer ${env.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ paths: ['/nowhere/x.jsonl'], max_line_bytes: 16 * 1024 * 1024 + 1 }),
    });
    expect(viaOps.status).toBe(400);
    expect(await viaOps.text()).toMatch(/max_line_bytes/);
  });
});
