// registry lookup on the shipped dumps: every match is counted (a shared hosting address of the
// 2016 dump is listed in more than a thousand records), the matches list is a page with a cursor
// that the CLI and the route both give, and a record two of whose ranges hold the address is one
// entry of its decision. The expected figures are recounted here from the raw files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { clock, cli, tempDir } from '../helpers/index.js';

const data = (f: string) => packagePath('data', 'registry', f);
const DUMP_2016 = data('zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz');
const CIDR_2018 = data('zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv');
const json = <T = any>(r: { out: string }) => JSON.parse(r.out) as T;

/** Records of the raw 2016 dump whose ips field lists `ip`, and their decision numbers. */
function rawListing(ip: string): { records: number; decisions: Set<string> } {
  const text = new TextDecoder('windows-1251').decode(gunzipSync(readFileSync(DUMP_2016)));
  let records = 0;
  const decisions = new Set<string>();
  for (const line of text.split('\n').slice(1)) {
    const f = line.replace(/\r$/, '').split(';');
    if (f.length < 6 || !f[0]!.split('|').some((t) => t.trim() === ip)) continue;
    records++;
    decisions.add(f[f.length - 2]!.trim());
  }
  return { records, decisions };
}

describe('registry lookup counts every match', () => {
  const t = tempDir();
  const db = join(t.dir, 'reg.duckdb');
  beforeAll(async () => {
    const r = await cli(['registry', 'import', DUMP_2016, CIDR_2018, '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
  });
  afterAll(() => t.cleanup());

  it('93.158.210.29: matches_total, entries and decisions cover all its records, beyond a thousand', async () => {
    const raw = rawListing('93.158.210.29');
    expect(raw.records).toBeGreaterThan(1000);
    const l = json(await cli(['registry', 'lookup', '93.158.210.29', '--json', '--db', db]));
    expect(l.matches_total).toBe(raw.records);
    expect(l.entries_total).toBe(raw.records);
    expect(l.decisions.reduce((s: number, d: { entries: number }) => s + d.entries, 0)).toBe(raw.records);
    expect(new Set(l.decisions.map((d: { decision_number: string }) => d.decision_number))).toEqual(raw.decisions);
    expect(l.matches).toHaveLength(50);
    expect(l.next_cursor).toEqual(expect.any(String));
  });

  it('pages through every match with --limit and --cursor; the route gives the same pages', async () => {
    const raw = rawListing('185.31.209.105');
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const argv: string[] = ['registry', 'lookup', '185.31.209.105', '--limit', '1000', '--json', '--db', db, ...(cursor ? ['--cursor', cursor] : [])];
      const l: any = json(await cli(argv));
      expect(l.matches_total).toBe(raw.records);
      for (const m of l.matches) seen.add(`${m.source_file}:${m.line}:${m.matched}`);
      cursor = l.next_cursor;
      pages++;
    } while (cursor);
    expect([pages, seen.size]).toEqual([Math.ceil(raw.records / 1000), raw.records]);

    const store = await openStore(db);
    try {
      const app = createApp({ store, clock, dbPath: db });
      const first = json(await cli(['registry', 'lookup', '185.31.209.105', '--limit', '1000', '--json', '--db', db]));
      const http = (await (await app.request('/api/registry/lookup?q=185.31.209.105&limit=1000')).json()) as typeof first;
      expect(http).toEqual(first);
      const second = (await (await app.request(`/api/registry/lookup?q=185.31.209.105&limit=1000&cursor=${first.next_cursor}`)).json()) as typeof first;
      expect(second.matches).toHaveLength(raw.records - 1000);
      expect(second.next_cursor).toBeNull();
      expect((await app.request('/api/registry/lookup?q=185.31.209.105&cursor=abc')).status).toBe(400);
    } finally {
      await store.close();
    }
  });

  it('a file of matches says on stderr that it holds one page and how to get the next', async () => {
    const r = await cli(['registry', 'lookup', '93.158.210.29', '--format', 'csv', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(51);
    expect(r.err).toMatch(/more rows: this file holds the first 50; pass --cursor \S+ for the next page/);
  });

  // SYNTHETIC dump of one line: record 256 of the 5 May 2018 dump as the derived file gives it (its
  // ranges 34.192.0.0/10 and 34.248.0.0/13 under 27-31-2015/Ид4082-15), written back as one dump record.
  it('SYNTHETIC one dump record two of whose ranges hold the address is one entry of its decision, two matches', async () => {
    const rows = readFileSync(CIDR_2018, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const record = rows.filter((r) => r[0] === '34.248.0.0/13')[0]!;
    const ranges = rows.filter((r) => r[6] === record[6]).map((r) => r[0]!);
    expect(ranges).toEqual(expect.arrayContaining(['34.192.0.0/10', '34.248.0.0/13']));
    const [body, number, date] = record.slice(2, 5) as [string, string, string];
    const line = `${ranges.join(' | ')};;;${body};${number};${date}`;
    const file = join(t.dir, 'dump-2021-03-01.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('Updated: 2021-03-01 10:00:00 +0000\n'), encodeCp1251(line + '\n')]));
    const own = join(t.dir, 'one.duckdb');
    expect((await cli(['registry', 'import', file, '--db', own])).code).toBe(0);
    const l = json(await cli(['registry', 'lookup', '34.250.0.1', '--json', '--db', own]));
    expect(l.matches.map((m: { matched: string; line: number }) => [m.matched, m.line])).toEqual([
      ['34.192.0.0/10', 2],
      ['34.248.0.0/13', 2],
    ]);
    expect([l.matches_total, l.entries_total]).toEqual([2, 1]);
    const s = json(await cli(['registry', 'summary', '--json', '--db', own]));
    const inSummary = s.top_decisions.find((d: { decision_number: string }) => d.decision_number === number).entries;
    expect(l.decisions.map((d: { decision_number: string; entries: number }) => [d.decision_number, d.entries])).toEqual([[number, inSummary]]);
    expect(inSummary).toBe(1);
  });
});

/** windows-1251 bytes of a text of ASCII and Russian letters (А-я, Ё, ё). */
function encodeCp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const u = c.charCodeAt(0);
      if (u < 0x80) return u;
      if (u >= 0x410 && u <= 0x44f) return u - 0x410 + 0xc0;
      if (u === 0x401) return 0xa8;
      if (u === 0x451) return 0xb8;
      throw new Error(`no windows-1251 byte for ${c}`);
    }),
  );
}
