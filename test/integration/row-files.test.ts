/**
 * Every op that declares rows (`Op.rows`) answers with them as a file: `--format csv|ndjson|
 * parquet [--out]` on the CLI, `?format=` over HTTP. Checked on real data: the seeded ledger
 * (`db seed`: the shipped events, indicators, speed tests, OONI measurements and register
 * snapshots), the OONI Iran 2019 counts (test/fixtures/outages), the 2020 Moscow referendum
 * protocols (test/fixtures/elections) and OONI Explorer measurements (test/fixtures/ooni/explorer);
 * see each folder's SOURCES.md or README. CSV and Parquet are read back by DuckDB and compared
 * with `--json` cell by cell. A list answered a page at a time (events, measurements) gives a
 * file of that page, and says where the next page is: on stderr (CLI) or in a Link header (HTTP).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_OPS as allOps } from '../../src/server/ops/index.js';
import { atPath, flatCell, type FlatTable } from '../../src/op/index.js';
import { EVENT_TABLE } from '../../src/ledger/index.js';
import { MEASUREMENT_TABLE } from '../../src/measure/index.js';
import { createApp } from '../../src/server/app.js';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { duckReader } from '../helpers/duck.js';
import { cli, clock, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir('row-files-');
const db = join(t.dir, 'rows.duckdb');
const out = (name: string) => join(t.dir, name);
let duck: Awaited<ReturnType<typeof duckReader>> | undefined;
const run = (argv: string[]) => cli([...argv, '--db', db]);
const read = (sql: string) => duck!.rows(sql);
/** The token and the webhook secret, as printed once when made: no file may hold them. */
const secrets: string[] = [];

beforeAll(async () => {
  await copySeeded(db);
  for (const argv of [
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
  const token = await run(['tokens', 'create', '--name', 'row-files', '--json']);
  const hook = await run(['hooks', 'add', 'https://example.org/hook', '--cc', 'RU', '--json']);
  secrets.push((JSON.parse(token.out) as { token: string }).token, (JSON.parse(hook.out) as { secret: string }).secret);
  duck = await duckReader();
}, SEED_WAIT_MS + 180_000);
afterAll(() => {
  duck?.close();
  t.cleanup();
});

/** Commands whose ops declare rows, with the rows' key, the fields every row carries and the record kind's own table if it has one. */
const CASES: { name: string; argv: string[]; key: string; carry: string[]; table?: FlatTable }[] = [
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
  { name: 'events list', argv: ['events', 'list', '--country', 'RU', '--limit', '20'], key: 'items', carry: [], table: EVENT_TABLE },
  { name: 'events history', argv: ['events', 'history', 'ru-2018-telegram-block'], key: 'items', carry: [] },
  { name: 'indicators list', argv: ['indicators', 'list', '--country', 'RU'], key: 'items', carry: [] },
  { name: 'measurements list', argv: ['measurements', 'list', '--limit', '40'], key: 'items', carry: ['source'], table: MEASUREMENT_TABLE },
  { name: 'measurements rules', argv: ['measurements', 'rules'], key: 'items', carry: ['rules_version'] },
  { name: 'cost methods', argv: ['cost', 'methods'], key: 'items', carry: [] },
  { name: 'elections list', argv: ['elections', 'list'], key: 'items', carry: [] },
  {
    name: 'elections integers (a list inside the answer)',
    argv: ['elections', 'integers', 'referendum-2020', '--reps', '50'],
    key: 'result.by_region',
    carry: ['method', 'version', 'election', 'leader', 'source'],
  },
  {
    name: 'elections shpilkin',
    argv: ['elections', 'shpilkin', 'referendum-2020'],
    key: 'result.bins',
    carry: ['method', 'version', 'election', 'source'],
  },
  {
    name: 'registry decision',
    argv: ['registry', 'decision', '2-1779/2018'],
    key: 'snapshots',
    carry: ['decision_number', 'as_data'],
  },
  { name: 'registry lookup', argv: ['registry', 'lookup', '149.154.167.99'], key: 'matches', carry: ['query', 'kind', 'snapshots_searched', 'as', 'note'] },
  { name: 'signals rejects', argv: ['signals', 'rejects'], key: 'items', carry: [] },
  { name: 'tokens list', argv: ['tokens', 'list'], key: 'items', carry: [] },
  { name: 'hooks list', argv: ['hooks', 'list'], key: 'items', carry: [] },
];

/** A cell as written; an empty text (or an empty list, joined) is an empty cell, as CSV cannot tell it from null. */
const cell = (v: unknown) => {
  const f = flatCell(v);
  return f === null || f === '' ? null : typeof f === 'number' ? Number(f.toPrecision(12)) : String(f);
};
/** A cell read back: DuckDB gives numbers, text, booleans, times (and JSON columns as text). */
const back = (v: unknown): string | number | null =>
  v === null || v === undefined || v === ''
    ? null
    : typeof v === 'bigint'
      ? back(Number(v))
      : v instanceof Date
        ? v.toISOString()
        : typeof v === 'number'
          ? Number(v.toPrecision(12))
          : typeof v === 'string'
            ? v
            : typeof v === 'boolean'
              ? String(v)
              : JSON.stringify(v);

describe('op rows as files', () => {
  it.each(CASES)('$name: CSV and Parquet hold every row and cell of --json; NDJSON the rows whole', async ({ name, argv, key, carry, table }) => {
    const j = await run([...argv, '--json']);
    expect(j.code, j.err).toBe(0);
    const answer = JSON.parse(j.out) as Record<string, unknown>;
    const rows = atPath(answer, key) as Record<string, unknown>[];
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
          // a record kind with its own table: that table's cell (a time as the instant it names)
          const kind = table?.columns.find((c) => c.name === col)?.type;
          const given = carry.includes(col) ? answer[col] : r[col];
          const flat = table ? table.flatten({ ...r, ...Object.fromEntries(carry.map((c) => [c, answer[c]])) })[col] : given;
          const want = kind === 'TIMESTAMPTZ' && typeof flat === 'string' ? new Date(flat).toISOString() : cell(flat);
          const read = got[i]![col];
          const have =
            from.startsWith('read_csv') && typeof want === 'number'
              ? back(Number(read))
              : kind === 'TIMESTAMPTZ' && typeof read === 'string'
                ? new Date(read).toISOString()
                : back(read);
          // Parquet reads a JSON column back as its text; CSV reads every cell as text
          expect(have === null ? null : typeof want === 'number' ? have : String(have), `${name} ${from.slice(0, 9)} row ${i} ${col}`).toEqual(
            want === null ? null : typeof want === 'number' ? want : String(want),
          );
        }
    }
    const nd = await run([...argv, '--format', 'ndjson']);
    // a token or a webhook secret is shown once, when made, and never in a file
    for (const text of [readFileSync(csvFile, 'utf8'), nd.out]) for (const secret of secrets) expect(text.includes(secret), name).toBe(false);
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

/** The HTTP route of each command above that has one, with the same input. */
const ROUTES: [string, string[]][] = [
  ['/api/events?country=RU&limit=20', ['events', 'list', '--country', 'RU', '--limit', '20']],
  ['/api/events/ru-2018-telegram-block/revisions', ['events', 'history', 'ru-2018-telegram-block']],
  ['/api/indicators?country=RU', ['indicators', 'list', '--country', 'RU']],
  ['/api/measurements?limit=40', ['measurements', 'list', '--limit', '40']],
  ['/api/measurements/rules', ['measurements', 'rules']],
  ['/api/cost/methods', ['cost', 'methods']],
  ['/api/elections', ['elections', 'list']],
  ['/api/registry/lookup?q=149.154.167.99', ['registry', 'lookup', '149.154.167.99']],
];

describe('lists answered a page at a time, and the HTTP files of the list ops', () => {
  it('the HTTP CSV of each list op is byte-identical to the CLI file', async () => {
    // the CLI first: it opens the database itself
    const files: string[] = [];
    for (const [, argv] of ROUTES) files.push((await run([...argv, '--format', 'csv'])).out);
    const store = await openStore(db);
    try {
      const app = createApp({ store, clock, dbPath: db });
      for (const [i, [url]] of ROUTES.entries()) {
        const res = await app.request(`${url}${url.includes('?') ? '&' : '?'}format=csv`);
        expect([url, res.status, res.headers.get('content-type')]).toEqual([url, 200, 'text/csv; charset=utf-8']);
        expect(await res.text(), url).toBe(files[i]);
      }
    } finally {
      await store.close();
    }
  });

  it('CLI: a file of one page says on stderr where the next page is (and the export that has every row); the last page says nothing; exit 0', async () => {
    const all = JSON.parse((await run(['events', 'list', '--country', 'RU', '--limit', '1000', '--json'])).out) as { items: { id: string }[]; total: number };
    expect(all.items.length).toBe(all.total);
    const first = JSON.parse((await run(['events', 'list', '--country', 'RU', '--limit', '5', '--json'])).out) as {
      items: { id: string }[];
      next_cursor: string;
    };
    expect(first.next_cursor).toEqual(expect.any(String));
    const page = await run(['events', 'list', '--country', 'RU', '--limit', '5', '--format', 'csv']);
    expect(page.code).toBe(0);
    expect(page.out.trimEnd().split('\r\n').length).toBe(1 + 5);
    expect(page.err).toBe(
      `more rows: this file holds the first 5; pass --cursor ${first.next_cursor} for the next page (or splinternet events export for every row)\n`,
    );
    // --out with --json: the JSON line has next_cursor, stderr stays empty
    const said = await run(['events', 'list', '--country', 'RU', '--limit', '5', '--format', 'ndjson', '--out', out('ru-page1.ndjson'), '--json']);
    expect([said.code, said.err]).toEqual([0, '']);
    expect(JSON.parse(said.out)).toEqual({
      file: out('ru-page1.ndjson'),
      format: 'ndjson',
      rows: 5,
      columns: expect.any(Array),
      next_cursor: first.next_cursor,
    });
    // the next page from the cursor, as the note says
    const second = await run([
      'events',
      'list',
      '--country',
      'RU',
      '--limit',
      '5',
      '--cursor',
      first.next_cursor,
      '--format',
      'ndjson',
      '--out',
      out('ru-page2.ndjson'),
    ]);
    expect(second.code).toBe(0);
    expect(second.err).toMatch(
      /^wrote 5 rows \(\d+ columns\) to .*\nmore rows: this file holds the 5 after the cursor given; pass --cursor \S+ for the next page/,
    );
    const ids = (f: string) =>
      readFileSync(out(f), 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id);
    expect([...ids('ru-page1.ndjson'), ...ids('ru-page2.ndjson')]).toEqual(all.items.slice(0, 10).map((e) => e.id));
    // the whole list in one page: no note, next_cursor null
    const whole = await run(['events', 'list', '--country', 'RU', '--limit', '1000', '--format', 'csv', '--out', out('ru-all.csv'), '--json']);
    expect([whole.code, whole.err, JSON.parse(whole.out)]).toEqual([0, '', expect.objectContaining({ rows: all.total, next_cursor: null })]);
    expect((await run(['events', 'list', '--country', 'RU', '--limit', '1000', '--format', 'csv'])).err).toBe('');
    // --format json is the answer itself, which carries next_cursor: no note about a file
    const answer = await run(['events', 'list', '--country', 'RU', '--limit', '1', '--format', 'json', '--json']);
    expect([answer.code, answer.err, (JSON.parse(answer.out) as { next_cursor: unknown }).next_cursor]).toEqual([0, '', expect.any(String)]);
    const m = await run(['measurements', 'list', '--limit', '3', '--format', 'csv']);
    expect([m.code, m.err]).toEqual([
      0,
      expect.stringMatching(
        /^more rows: this file holds the first 3; pass --cursor \S+ for the next page \(or splinternet measurements export for every row\)\n$/,
      ),
    ]);
    // a list that is never paged says nothing
    expect((await run(['indicators', 'list', '--format', 'csv'])).err).toBe('');
  });

  it('HTTP: a file of one page has Link rel="next" to the same query with the cursor; following it gives the next page; the last page and JSON have none', async () => {
    const page = ['events', 'list', '--country', 'RU', '--limit', '5'];
    const cursor = (JSON.parse((await run([...page, '--json'])).out) as { next_cursor: string }).next_cursor;
    const [first, second] = [(await run([...page, '--format', 'csv'])).out, (await run([...page, '--cursor', cursor, '--format', 'csv'])).out];
    const store = await openStore(db);
    try {
      const app = createApp({ store, clock, dbPath: db });
      const res = await app.request('/api/events?country=RU&limit=5&format=csv');
      expect(res.status).toBe(200);
      const link = res.headers.get('link');
      expect(link).toBe(`</api/events?country=RU&limit=5&format=csv&cursor=${encodeURIComponent(cursor)}>; rel="next"`);
      expect(await res.text()).toBe(first);
      const next = await app.request(/<([^>]+)>/.exec(link!)![1]!);
      expect(await next.text()).toBe(second);
      // Accept: text/csv is a file answer too; a cursor already given is replaced, not repeated
      const byAccept = await app.request('/api/measurements?limit=3', { headers: { accept: 'text/csv' } });
      expect(byAccept.headers.get('link')).toMatch(/^<\/api\/measurements\?limit=3&cursor=[^&>]+>; rel="next"$/);
      const m = (await (await app.request('/api/measurements?limit=3')).json()) as { next_cursor: string };
      const again = await app.request(`/api/measurements?cursor=${encodeURIComponent(m.next_cursor)}&limit=3&format=ndjson`);
      expect(again.headers.get('link')).toMatch(/^<\/api\/measurements\?limit=3&format=ndjson&cursor=[^&>]+>; rel="next"$/);
      expect((await app.request('/api/events?country=RU&limit=1000&format=csv')).headers.get('link')).toBeNull();
      expect((await app.request('/api/events?country=RU&limit=5')).headers.get('link')).toBeNull();
      expect((await app.request('/api/indicators?format=csv')).headers.get('link')).toBeNull();
    } finally {
      await store.close();
    }
  });
});
