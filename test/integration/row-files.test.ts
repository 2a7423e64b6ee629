/**
 * Every op that declares rows (`Op.rows`) answers with them as a file: `--format csv|ndjson|
 * parquet [--out]` on the CLI, `?format=` over HTTP. Checked on real data: the shipped Russian
 * Twitter-throttling speed tests (data/throttling/russia-twitter-throttle), the OONI Iran 2019
 * counts (test/fixtures/outages), the 2020 Moscow referendum protocols (test/fixtures/elections)
 * and OONI Explorer measurements (test/fixtures/ooni/explorer); see each folder's SOURCES.md or README.
 * CSV and Parquet are read back by DuckDB and compared with `--json` cell by cell.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_OPS as allOps } from '../../src/server/ops/index.js';
import { flatCell } from '../../src/op/index.js';
import { createApp } from '../../src/server/app.js';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { duckReader } from '../helpers/duck.js';
import { cli, clock, tempDir } from '../helpers/index.js';

const t = tempDir('row-files-');
const db = join(t.dir, 'rows.duckdb');
const out = (name: string) => join(t.dir, name);
let duck: Awaited<ReturnType<typeof duckReader>> | undefined;
const run = (argv: string[]) => cli([...argv, '--db', db]);
const read = (sql: string) => duck!.rows(sql);

beforeAll(async () => {
  for (const argv of [
    ['speedtests', 'import', packagePath('data', 'throttling', 'russia-twitter-throttle')],
    [
      'signals',
      'import',
      '--source',
      'ooni_measurements',
      '--cc',
      'IR',
      '--ooni-counts',
      'day',
      packagePath('test', 'fixtures', 'outages', 'ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv'),
    ],
    ['elections', 'import', packagePath('test', 'fixtures', 'elections', 'kobak-2020-moscow-3tik.csv'), '--election', 'referendum-2020'],
    ['ingest', packagePath('test', 'fixtures', 'ooni', 'explorer', 'measurements.jsonl.gz')],
  ]) {
    const r = await run(argv);
    expect(r.code, `${argv.join(' ')}: ${r.err}`).toBeLessThanOrEqual(3);
  }
  duck = await duckReader();
}, 180_000);
afterAll(() => {
  duck?.close();
  t.cleanup();
});

/** Commands whose ops declare rows, with the rows' key and the fields every row carries. */
const CASES: { name: string; argv: string[]; key: string; carry: string[] }[] = [
  { name: 'speedtests summary', argv: ['speedtests', 'summary', '--cc', 'RU'], key: 'items', carry: ['method', 'data_vintage', 'sources'] },
  { name: 'signals list', argv: ['signals', 'list'], key: 'items', carry: [] },
  { name: 'signals points', argv: ['signals', 'points', '--cc', 'IR'], key: 'items', carry: [] },
  {
    name: 'elections summary --by district',
    argv: ['elections', 'summary', 'referendum-2020', '--by', 'district'],
    key: 'groups',
    carry: ['method', 'election', 'source'],
  },
  { name: 'measurements networks', argv: ['measurements', 'networks'], key: 'items', carry: ['source'] },
  { name: 'hooks deliveries (none)', argv: ['hooks', 'deliveries'], key: 'items', carry: [] },
];

const cell = (v: unknown) => {
  const f = flatCell(v);
  return f === null ? null : typeof f === 'number' ? Number(f.toPrecision(12)) : String(f);
};
/** A cell read back: DuckDB gives numbers, text, booleans (and JSON columns as text). */
const back = (v: unknown) =>
  v === null || v === undefined
    ? null
    : typeof v === 'number'
      ? Number(v.toPrecision(12))
      : typeof v === 'string'
        ? v
        : typeof v === 'boolean'
          ? String(v)
          : JSON.stringify(v);

describe('op rows as files', () => {
  it.each(CASES)('$name: CSV and Parquet hold every row and cell of --json; NDJSON the rows whole', async ({ name, argv, key, carry }) => {
    const j = await run([...argv, '--json']);
    expect(j.code, j.err).toBe(0);
    const answer = JSON.parse(j.out) as Record<string, unknown>;
    const rows = answer[key] as Record<string, unknown>[];
    if (!name.includes('(none)')) expect(rows.length, name).toBeGreaterThan(0);
    const base = name.replace(/\W+/g, '-');
    for (const format of ['csv', 'parquet']) {
      const w = await run([...argv, '--format', format, '--out', out(`${base}.${format}`), '--json']);
      expect(w.code, w.err).toBe(0);
      expect(JSON.parse(w.out)).toMatchObject({ format, rows: rows.length });
    }
    const csvFile = out(`${base}.csv`);
    const header = readFileSync(csvFile, 'utf8').split('\r\n')[0]!.split(',');
    // the header is there even for an empty answer, carried fields last
    expect(header.length, name).toBeGreaterThan(carry.length);
    expect(header.slice(header.length - carry.length), name).toEqual(carry);
    if (rows.length === 0) return;
    for (const from of [`read_csv('${csvFile}', header = true, all_varchar = true)`, `read_parquet('${out(`${base}.parquet`)}')`]) {
      const got = await read(`SELECT * FROM ${from}`);
      expect(got.length, from).toBe(rows.length);
      for (const [i, r] of rows.entries())
        for (const col of header) {
          const want = cell(carry.includes(col) ? answer[col] : r[col]);
          const have = from.startsWith('read_csv') && typeof want === 'number' ? back(Number(got[i]![col])) : back(got[i]![col]);
          // Parquet reads a JSON column back as its text; CSV reads every cell as text
          expect(have === null ? null : typeof want === 'number' ? have : String(have), `${name} ${from.slice(0, 9)} row ${i} ${col}`).toEqual(
            want === null ? null : typeof want === 'number' ? want : String(want),
          );
        }
    }
    const nd = await run([...argv, '--format', 'ndjson']);
    const docs = nd.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(docs, name).toEqual(rows.map((r) => ({ ...r, ...Object.fromEntries(carry.map((c) => [c, answer[c]])) })));
  });

  it('bad uses: parquet without --out, --out without --format, an unknown format, an existing --out without --force', async () => {
    const argv = ['signals', 'points', '--cc', 'IR'];
    const pq = await run([...argv, '--format', 'parquet', '--json']);
    expect([pq.code, JSON.parse(pq.out).error.message]).toEqual([2, 'parquet needs --out FILE']);
    const o = await run([...argv, '--out', out('x.csv'), '--json']);
    expect([o.code, JSON.parse(o.out).error.message]).toEqual([2, '--out needs --format csv|ndjson|parquet']);
    const x = await run([...argv, '--format', 'xml', '--json']);
    expect(x.code).toBe(2);
    expect(JSON.parse(x.out).error.message).toBe('--format must be one of csv, ndjson, parquet (json is the default answer), got "xml"');
    expect((await run([...argv, '--format', 'csv', '--out', out('again.csv')])).code).toBe(0);
    expect((await run([...argv, '--format', 'csv', '--out', out('again.csv')])).code).toBe(1);
    expect((await run([...argv, '--format', 'csv', '--out', out('again.csv'), '--force'])).code).toBe(0);
  });

  it('HTTP: ?format= (or Accept) answers the same file as the CLI, a bad one is 400 naming format; /openapi.json documents format on every GET op with rows', async () => {
    const store = await openStore(db);
    try {
      const app = createApp({ store, clock, dbPath: db });
      const res = await app.request('/api/signals/points?cc=IR&format=csv');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="signals.points.csv"');
      const body = await res.text();
      const json = await app.request('/api/signals/points?cc=IR&format=json');
      expect(((await json.json()) as { items: unknown[] }).items.length).toBe(body.trim().split('\r\n').length - 1);
      const pq = await app.request('/api/speedtests/summary?cc=RU&format=parquet');
      expect(pq.headers.get('content-type')).toBe('application/vnd.apache.parquet');
      expect(
        Buffer.from(await pq.arrayBuffer())
          .subarray(0, 4)
          .toString(),
      ).toBe('PAR1');
      // Accept: text/csv gives the same file, even when the JSON answer of that URL is cached; a browser's Accept keeps JSON
      expect((await app.request('/api/signals/points?cc=IR')).headers.get('content-type')).toMatch(/json/);
      const byAccept = await app.request('/api/signals/points?cc=IR', { headers: { accept: 'application/json;q=0.5, text/csv' } });
      expect([byAccept.headers.get('content-type'), byAccept.headers.get('vary')]).toEqual(['text/csv; charset=utf-8', 'Accept']);
      expect(await byAccept.text()).toBe(body);
      const browser = await app.request('/api/signals/points?cc=IR', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(browser.headers.get('content-type')).toMatch(/json/);
      const explicit = await app.request('/api/signals/points?cc=IR&format=json', { headers: { accept: 'text/csv' } });
      expect(explicit.headers.get('content-type')).toMatch(/json/);
      const bad = await app.request('/api/signals/points?format=xml');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { detail: string }).detail).toMatch(/format must be one of csv, ndjson, parquet/);
      const doc = (await (await app.request('/openapi.json')).json()) as {
        paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>>;
      };
      const withRows = allOps.filter((op) => op.rows && op.http?.method === 'get' && !op.http.handwritten);
      expect(withRows.length).toBeGreaterThanOrEqual(8);
      for (const op of withRows) {
        const path = op.http!.path;
        const params = doc.paths[path]?.get?.parameters ?? [];
        expect(
          params.some((p) => p.name === 'format' && p.in === 'query'),
          `${op.name} documents format`,
        ).toBe(true);
      }
    } finally {
      await store.close();
    }
  }, 120_000);
});

// the CLI's CSV and the server's are the same bytes for the same answer
it('signals points: the CLI file and the HTTP file are byte-identical', async () => {
  const cliCsv = (await run(['signals', 'points', '--cc', 'IR', '--format', 'csv'])).out;
  const store = await openStore(db);
  try {
    const res = await createApp({ store, clock, dbPath: db }).request('/api/signals/points?cc=IR&format=csv');
    expect(await res.text()).toBe(cliCsv);
  } finally {
    await store.close();
  }
});
