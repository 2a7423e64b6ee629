// Ingest of the real OONI bucket-layout sample through the CLI: reconciled counts, idempotent
// re-ingest, path filters, and the RU summary the acceptance asks for.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/index.js';
import { STATUSES } from '../../src/measure/index.js';
import { clock, cli, tempDir } from '../helpers/index.js';

const SAMPLE = join(import.meta.dirname, '../fixtures/ooni/bucket-sample');

describe('splinternet ingest (bucket-layout sample)', () => {
  const t = tempDir();
  const db = join(t.dir, 'm.duckdb');
  afterAll(() => t.cleanup());
  let first: { code: number; out: string };
  beforeAll(async () => {
    first = await cli(['ingest', SAMPLE, '--json', '--db', db, '--workers', '0']);
  });

  it('stores every line and reconciles', () => {
    expect(first.code).toBe(0);
    const r = JSON.parse(first.out);
    expect(r.files.total).toBe(82);
    expect(r.lines_read).toBe(88);
    expect(r.stored + r.duplicates + r.rejected + r.filtered).toBe(r.lines_read);
    expect(r.reconciled).toBe(true);
  });

  it('re-ingesting adds nothing', async () => {
    const again = JSON.parse((await cli(['ingest', SAMPLE, '--json', '--db', db])).out);
    expect(again.files.skipped_unchanged).toBe(82);
    expect(again.stored).toBe(0);
    const forced = JSON.parse((await cli(['ingest', SAMPLE, '--json', '--db', db, '--force', '--workers', '0'])).out);
    expect(forced.stored).toBe(0);
    expect(forced.duplicates).toBe(88);
  });

  it('summary --cc RU shows the telegram, facebook_messenger and tor anomalies and the confirmed block page', async () => {
    const r = await cli(['measurements', 'summary', '--cc', 'RU', '--json', '--db', db]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out);
    const by = (target: string) => s.by_target.find((x: { target: string }) => x.target === target);
    for (const app of ['telegram', 'facebook_messenger', 'tor']) expect(by(app).anomaly_count, app).toBe(1);
    expect(by('rutor.org').confirmed_count).toBe(1);
    expect(by('rutor.org').blocked).toBe(1);
    expect(by('rutor.org').mechanisms).toEqual({ 'http.blockpage': 1 });
    expect(s.totals.n).toBe(5);
    expect(s.source).toMatch(/CC BY-NC-SA 4.0/);
  });

  it('the text summary shows every verdict count the JSON has, per target (README: the AS8402 telegram cell is ok)', async () => {
    for (const args of [['--cc', 'RU', '--asn', 'AS8402', '--target', 'telegram', '--since', '2022-11-01', '--grain', 'day'], ['--cc', 'RU'], []]) {
      const json = JSON.parse((await cli(['measurements', 'summary', ...args, '--json', '--db', db])).out);
      const text = await cli(['measurements', 'summary', ...args, '--db', db]);
      expect(text.code).toBe(0);
      const lines = text.out.split('\n');
      const header = lines[0]!.trim().split(/\s+/);
      for (const s of STATUSES) expect(header, s).toContain(s);
      const rows = lines.slice(2, 2 + json.by_target.length).map((l) => l.trim().split(/\s+/));
      json.by_target.forEach((t: Record<string, unknown>, i: number) => {
        for (const s of STATUSES) expect([t.target, s, rows[i]![header.indexOf(s)]]).toEqual([t.target, s, String(t[s])]);
      });
    }
    const cell = JSON.parse(
      (await cli(['measurements', 'summary', '--cc', 'RU', '--asn', 'AS8402', '--target', 'telegram', '--since', '2022-11-01', '--json', '--db', db])).out,
    );
    expect(cell.totals.ok).toBe(1);
  });

  it('path filters skip files without opening them', async () => {
    const db2 = join(t.dir, 'f.duckdb');
    const r = JSON.parse(
      (await cli(['ingest', SAMPLE, '--json', '--db', db2, '--cc', 'RU', '--test-name', 'telegram,web_connectivity', '--workers', '0'])).out,
    );
    expect(r.files.total).toBe(3); // RU telegram 2022, RU web_connectivity 2020-03 and 2020-10
    expect(r.stored).toBe(3);
    expect(r.files.skipped_by_path).toBeGreaterThan(10);
  });

  it('a test name OONI does not have is exit 2 naming the flag and the accepted names (ingest and every measurements filter); the bucket spelling names the test', async () => {
    for (const args of [
      ['ingest', SAMPLE, '--test-name', 'telegram,nosuch_test'],
      ['measurements', 'summary', '--test-name', 'nosuch_test'],
      ['measurements', 'list', '--test-name', 'nosuch_test'],
      ['measurements', 'export', '--format', 'csv', '--test-name', 'nosuch_test'],
      ['measurements', 'agreement', '--test-name', 'nosuch_test'],
      ['measurements', 'rescore', '--test-name', 'nosuch_test'],
    ]) {
      const r = await cli([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/--test-name: "nosuch_test" is not an OONI test name; accepted: web_connectivity, .*telegram/);
    }
    const folder = JSON.parse((await cli(['measurements', 'summary', '--cc', 'RU', '--test-name', 'FacebookMessenger', '--json', '--db', db])).out);
    expect(folder.totals.n).toBe(1);
    const store = await openStore(db);
    try {
      const app = createApp({ store, clock, dbPath: db });
      // the bucket folder spelling names its test over HTTP as on the CLI
      const bucket = await app.request('/api/measurements?test_name=webconnectivity');
      expect(bucket.status).toBe(200);
      expect(await bucket.json()).toEqual(await (await app.request('/api/measurements?test_name=web_connectivity')).json());
      const typo = await app.request('/api/measurements?test_name=webconectivity');
      expect(typo.status).toBe(400);
      expect(((await typo.json()) as { detail: string }).detail).toMatch(/test_name: "webconectivity" is not an OONI test name/);
    } finally {
      await store.close();
    }
  });

  it('list and show return the issue fields, the evidence and the raw measurement', async () => {
    const l = JSON.parse((await cli(['measurements', 'list', '--cc', 'IR', '--status', 'blocked', '--json', '--db', db])).out);
    expect(l.items.length).toBeGreaterThanOrEqual(2);
    for (const k of [
      'id',
      'report_id',
      'input',
      'probe_cc',
      'probe_asn',
      'test_name',
      'measurement_start_time',
      'anomaly',
      'confirmed',
      'failure',
      'status',
      'layers',
      'mechanism',
      'rules',
    ])
      expect(l.items[0]).toHaveProperty(k);
    const one = JSON.parse((await cli(['measurements', 'show', l.items[0].id, '--json', '--db', db])).out);
    expect(one.raw.report_id).toBe(one.report_id);
    expect(one.evidence.length).toBeGreaterThan(0);
  });

  it('loads a newer fingerprint file without a code change', async () => {
    const csv = readFileSync(join(import.meta.dirname, '../../data/ooni/fingerprints/fingerprints_dns.csv'), 'utf8');
    const newer = join(t.dir, 'fingerprints_dns.csv');
    const eol = csv.includes('\r\n') ? '\r\n' : '\n';
    writeFileSync(newer, csv.trimEnd() + eol + 'synthetic.test_0,nat,,dns,full,192.0.2.77,5,ZZ,test,,SYNTHETIC row for the import test' + eol);
    const r = await cli(['fingerprints', 'import', newer, '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ source: 'ooni-dns', count: 227 });
    const list = JSON.parse((await cli(['fingerprints', 'list', '--json', '--db', db])).out);
    expect(list.items.find((x: { source: string }) => x.source === 'ooni-dns').count).toBe(227);
    const bad = await cli(['fingerprints', 'import', join(t.dir, 'nope.csv'), '--db', db]);
    expect(bad.code).not.toBe(0);
  });
});
