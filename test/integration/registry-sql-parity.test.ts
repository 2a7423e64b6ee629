// Parity of the bulk dump import (src/registry/dump-stage.ts + the store's SQL, which converts
// canonical IPv4 tokens itself) with the reference parser (parseDumpLine over eachLine, every
// address through the ip-address library): line by line, on every real dump line we ship and on
// SYNTHETIC quirk lines written here (whitespace of every kind, quotes, CR, stray ';', list
// spacing, odd and bad tokens, every prefix length, random addresses).
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32, packagePath, silentProgress } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { parseDumpLine } from '../../src/registry/dump-line.js';
import { importDumpFile, type LineReject } from '../../src/registry/file-import.js';
import { eachLine } from '../../src/registry/lines.js';
import { planFiles } from '../../src/registry/plan.js';
import { tempDir } from '../helpers/index.js';

const t = tempDir();
afterAll(() => t.cleanup());

function syntheticLines(): string[] {
  const rnd = mulberry32(20261126);
  const octet = () => Math.floor(rnd() * 256);
  const random = Array.from({ length: 400 }, () => `${octet()}.${octet()}.${octet()}.${octet()}/${Math.floor(rnd() * 33)}`);
  const prefixes = Array.from({ length: 33 }, (_, p) => `203.0.113.77/${p}`);
  const edges = ['0.0.0.0', '255.255.255.255', '9.99.100.199', '200.249.250.255', '1.2.3.4/0', '1.2.3.4/32', '10.0.0.1/8'];
  const odd = ['01.2.3.4', '1.2.3.04/24', '1.2.3.4/08', '2620:12a:8000::3', '2001:db8::/32', '::ffff:1.2.3.4', '2001:DB8::1'];
  const bad = ['1.2.3.999', '256.1.1.1', '1.2.3', '1.2.3.4.5', '1.2.3.4/33', '1.2.3.4/', 'x.y.z.w', '1.2.3.4/-1'];
  const ok = (ips: string, rest = 'example.org;http://example.org/;суд;2-1/2021;2021-01-01') => `${ips};${rest}`;
  return [
    'Updated: 2021-01-01 00:00:00 +0000',
    ...random.map((r, i) => ok(i % 3 ? r : `${r} | ${random[(i + 1) % random.length]}`)),
    ok(prefixes.join(' | ')),
    ...edges.map((e) => ok(e)),
    ...odd.map((e) => ok(`1.1.1.1 | ${e}`)),
    ...bad.map((e) => ok(`1.1.1.1 | ${e} | 2.2.2.2`)),
    ok('1.2.3.4|5.6.7.8'),
    ok('1.2.3.4 |5.6.7.8'),
    ok(' 1.2.3.4 | 5.6.7.8 '),
    ok('1.2.3.4  |  5.6.7.8'),
    ok('1.2.3.4 | | 5.6.7.8'),
    ok('1.2.3.4\t| 5.6.7.8'),
    ok('1.2.3.4', ' example.org ;http://a/ | http://b/;суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;http://a/  | http://b/;суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;http://a/ |  | http://b/;суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;http://a/ | | http://b/;суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;" http://a/?x=1;y=2 | http://b/ ";суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;http://a/?x=1;y=2;z=3;суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'exa"mple.org;http://a/"q";суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;http://a/\u00a0;\u00a0суд;2-1/2021 ;2021-01-01\u00a0'),
    ok('1.2.3.4', 'example.org;http://a/\rb;суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;суд;2-1/2021;2021-01-01'),
    ok('', ';;суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;;суд;2-1/2021;2021-02-30'),
    ok('1.2.3.4', 'example.org;;;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;;суд; ;2021-01-01'),
    '1.2.3.4;only;three',
    '',
    '   \t ',
    'a;b;c;d;e;f;g;h;i;j',
    ok('1.2.3.4 | '),
    ok('1.2.3.4 || 5.6.7.8'),
    ok('1.2.3.4 | 5.6.7.8 |'),
    ok('|1.2.3.4'),
    ok('1.2.3.4', 'example.org;http://a/ |;суд;2-1/2021;2021-01-01'),
    ok('1.2.3.4', 'example.org;;суд;2-1/2021;2021-1-01'),
    ok('1.2.3.4', 'example.org;;суд;2-1/2021;2021-01-01x'),
    ok('1.2.3.4', 'example.org;;суд;2-1/2021;2021/01/01'),
    '1.2.3.4;;;;;',
    ';x;;a;b;2021-01-01',
    ';;u;a;b;2021-01-01',
    'x;;;a;b;2021-01-01',
    ok('1.2.3.4', 'example.org;;суд;2-1/2021;2021-01-01\r'),
    ok('1.2.3.4', 'example.org;;суд;2-1/2021;2021-01-01'),
  ];
}

interface Seen {
  entries: string[];
  ranges: string[];
  rejects: string[];
}

/** What the reference parser makes of the file, in the store's terms. */
async function reference(path: string, headerLine: boolean): Promise<Seen> {
  const seen: Seen = { entries: [], ranges: [], rejects: [] };
  await eachLine(path, 'windows-1251', (text, line) => {
    if ((line === 1 && headerLine) || text.trim() === '') return;
    const r = parseDumpLine(text);
    if (!r.ok) return void seen.rejects.push(`${line} ${r.reason}: ${r.detail} | ${text.slice(0, 500)}`);
    const e = r.record;
    seen.entries.push([line, e.ips.join(' | '), e.domain, e.urls.join(' | '), e.decisionBody, e.decisionNumber, e.decisionDate].join('\u241f'));
    for (const p of e.parsed) seen.ranges.push([line, p.family, p.first, p.last, p.prefix].join(' '));
  });
  seen.ranges.sort();
  return seen;
}

/** What the bulk path stored. */
async function imported(path: string, name: string): Promise<Seen & { report: Record<string, unknown> }> {
  const db = join(t.dir, `${name}.duckdb`);
  const store = await openStore(db);
  const rejects: LineReject[] = [];
  let report: Record<string, unknown>;
  try {
    const [plan] = await planFiles([path], { dumpTime: '2021-01-01', nowMs: Date.now() });
    const snap = {
      id: plan!.snapshotId!,
      dumpAt: plan!.dumpAt!,
      timeBasis: plan!.timeBasis!,
      kind: 'dump',
      complete: false,
      lowerBound: true,
      doc: {},
      updatedAt: '2026-01-01T00:00:00Z',
    };
    report = { ...(await importDumpFile(store, plan!, snap, snap.updatedAt, silentProgress, rejects)) };
  } finally {
    await store.close();
  }
  const conn = await (await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' })).connect();
  const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowsJS().map((r) => r.map(String));
  const entries = (
    await rows(`SELECT line, ips, domain, urls, decision_body, decision_number, decision_date::VARCHAR FROM registry_entries ORDER BY line`)
  ).map((r) => r.join('\u241f'));
  const ranges = (await rows(`SELECT line, family, first::VARCHAR, last::VARCHAR, prefix FROM registry_ranges`)).map((r) => r.join(' ')).sort();
  conn.closeSync();
  return { entries, ranges, rejects: rejects.map((r) => `${r.line} ${r.reason} | ${r.raw}`), report };
}

describe('bulk dump import equals the reference parser, line by line', () => {
  const synthetic = join(t.dir, 'synthetic-quirks.cp1251.csv');
  writeFileSync(synthetic, encodeCp1251(syntheticLines().join('\n')));
  const cases: [string, string, boolean][] = [
    ['synthetic', synthetic, true],
    ['fixture-2016', packagePath('test', 'fixtures', 'registry-quirks', 'dump-2016-06-13-lines.cp1251.csv'), true],
    ['fixture-2020', packagePath('test', 'fixtures', 'registry-quirks', 'dump-08-2020-02-16-lines.cp1251.csv'), false],
    ['fixture-bad', packagePath('test', 'fixtures', 'registry-quirks', 'synthetic-bad-lines.cp1251.csv'), true],
    ['shipped-2016', packagePath('data', 'registry', 'zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz'), true],
    ['shipped-2020', packagePath('data', 'registry', 'zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz'), false],
  ];
  it.each(cases)(
    '%s',
    async (name, path, headerLine) => {
      const [ref, got] = await Promise.all([reference(path, headerLine), imported(path, name)]);
      expect(got.rejects).toEqual(ref.rejects);
      expect(got.entries).toEqual(ref.entries);
      expect(got.ranges).toEqual(ref.ranges);
      expect(got.report.reconciled).toBe(true);
      expect(got.report.stored).toBe(ref.entries.length);
      expect((got.report.ipv4_tokens as number) + (got.report.ipv6_tokens as number)).toBe(ref.ranges.length);
    },
    60_000,
  );

  it('the synthetic file reaches every path (rejects of each kind, odd tokens, CR, quotes)', async () => {
    const ref = await reference(synthetic, true);
    const reasons = new Set(ref.rejects.map((r) => r.split(' ')[1]!.replace(':', '')));
    expect([...reasons].sort()).toEqual(['bad_date', 'bad_ip', 'empty_record', 'missing_decision', 'too_few_fields']);
    expect(ref.ranges.some((r) => r.split(' ')[1] === '6')).toBe(true);
    expect(ref.entries.some((e) => e.includes('\r'))).toBe(true);
  });
});

describe('bulk dump import: a failure while staging leaves nothing', () => {
  it('a truncated .gz dump (several parts staged, then a read error) stores no file and no row', async () => {
    const lines = [
      'Updated: 2021-01-01 00:00:00 +0000',
      ...Array.from({ length: 450_000 }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255};d${i}.example;;суд;2-${i}/2021;2021-01-01`),
    ];
    const gz = gzipSync(encodeCp1251(lines.join('\n')));
    const path = join(t.dir, 'truncated.cp1251.csv.gz');
    writeFileSync(path, gz);
    const [plan] = await planFiles([path], { dumpTime: '2021-01-01', nowMs: Date.now() });
    writeFileSync(path, gz.subarray(0, Math.floor(gz.length * 0.9))); // truncated after planning: staging fails mid-way
    const store = await openStore(join(t.dir, 'truncated.duckdb'));
    try {
      const snap = {
        id: plan!.snapshotId!,
        dumpAt: plan!.dumpAt!,
        timeBasis: plan!.timeBasis!,
        kind: 'dump',
        complete: false,
        lowerBound: true,
        doc: {},
        updatedAt: '2026-01-01T00:00:00Z',
      };
      await expect(importDumpFile(store, plan!, snap, snap.updatedAt, silentProgress, [])).rejects.toMatchObject({ code: 'INGEST_IO' });
      expect(await store.registry.listFiles()).toEqual([]);
      expect((await store.registry.decisionCounts('2021-01-01T00:00:00Z')).length).toBe(0);
    } finally {
      await store.close();
    }
  }, 60_000);
});

/** UTF-16 text to cp1251 bytes, through the decoder's own table (so the test needs no encoder package). */
function encodeCp1251(text: string): Buffer {
  const table = new TextDecoder('windows-1251').decode(new Uint8Array(256).map((_, i) => i));
  const byChar = new Map([...table].map((c, i) => [c, i]));
  return Buffer.from(
    [...text].map((c) => {
      const b = byChar.get(c);
      if (b === undefined) throw new Error(`not in cp1251: ${c}`);
      return b;
    }),
  );
}
