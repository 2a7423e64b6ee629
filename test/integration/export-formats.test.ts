/**
 * The export formats hold the same records and the same fields, on real data: STOP records
 * (test/fixtures/stop/cost-sample.csv and real-sample.csv: area names with commas, cells with
 * quotes and line breaks), the shipped ledger event ru-2018-cloud-ip-range-blocking (Cyrillic
 * actor names) and real OONI measurements (test/fixtures/ooni/explorer). Each export is written
 * with `--out`, read back by DuckDB, and compared with the JSON documents cell by cell; `--out`
 * keeps an existing file unless `--force` is given. The API answers the same files with their
 * content type and a file name.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_COLUMNS, flattenEvent, type LedgerEvent } from '../../src/ledger/index.js';
import { exportMeasurements } from '../../src/measure/index.js';
import { createApp } from '../../src/server/app.js';
import { packagePath } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { cli, clock, tempDir } from '../helpers/index.js';

const t = tempDir('export-formats-');
const db = join(t.dir, 'x.duckdb');
const out = (name: string) => join(t.dir, 'out', name);
let duck: DuckDBInstance;
let conn: DuckDBConnection;
let docs: LedgerEvent[];

const run = async (argv: string[]) => cli([...argv, '--db', db, '--json']);
const rows = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS();
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

beforeAll(async () => {
  for (const argv of [
    ['events', 'import', packagePath('test', 'fixtures', 'stop', 'cost-sample.csv'), '--snapshot', '2026-05-20'],
    ['events', 'import', packagePath('test', 'fixtures', 'stop', 'real-sample.csv'), '--snapshot', '2026-05-20'],
    ['events', 'add', '--file', packagePath('data', 'ledger', 'events', 'ru-2018-cloud-ip-range-blocking.json')],
    ['ingest', packagePath('test', 'fixtures', 'ooni', 'explorer', 'measurements.jsonl.gz')],
  ]) {
    const r = await run(argv);
    expect(r.code, `${argv.join(' ')}: ${r.err}${r.out}`).toBeLessThanOrEqual(3);
  }
  mkdirSync(join(t.dir, 'out'));
  for (const format of ['csv', 'json', 'ndjson', 'parquet']) {
    const r = await run(['events', 'export', '--format', format, '--out', out(`events.${format}`)]);
    expect(r.code, r.err).toBe(0);
  }
  docs = (JSON.parse(readFileSync(out('events.json'), 'utf8')) as { items: LedgerEvent[] }).items;
  duck = await DuckDBInstance.create(':memory:');
  conn = await duck.connect();
}, 180_000);
afterAll(() => {
  conn?.closeSync();
  duck?.closeSync();
  t.cleanup();
});

describe('event exports', () => {
  it('the data holds what CSV must quote: commas, quotes, line breaks and Cyrillic', () => {
    const cells = docs.flatMap((d) => Object.values(flattenEvent(d))).filter((v): v is string => typeof v === 'string');
    expect(docs.length).toBeGreaterThan(90);
    expect(cells.some((c) => c.includes(','))).toBe(true);
    expect(cells.some((c) => c.includes('"'))).toBe(true);
    expect(cells.some((c) => c.includes('\n'))).toBe(true);
    expect(cells.some((c) => /[\u0400-\u04FF]/.test(c))).toBe(true);
  });

  it('every format has every record and every field of the JSON documents', async () => {
    const keys = new Set(docs.flatMap((d) => Object.keys(d)));
    expect([...keys].filter((k) => !(EVENT_COLUMNS as string[]).includes(k))).toEqual([]);
    const ndjson = readFileSync(out('events.ndjson'), 'utf8').trim().split('\n');
    expect(ndjson.map((l) => (JSON.parse(l) as LedgerEvent).id)).toEqual(docs.map((d) => d.id));
    const header = readFileSync(out('events.csv'), 'utf8').split('\r\n')[0];
    expect(header).toBe(EVENT_COLUMNS.join(','));
    const pq = await rows(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(${lit(out('events.parquet'))}))`);
    expect(pq.map((r) => r.column_name)).toEqual(EVENT_COLUMNS);
  });

  it('CSV read back by DuckDB gives each document flattened, cell by cell; absent values and empty lists are empty', async () => {
    const csv = await rows(`SELECT * FROM read_csv(${lit(out('events.csv'))}, all_varchar = true, header = true)`);
    expect(csv.length).toBe(docs.length);
    const byId = new Map(csv.map((r) => [r.id, r]));
    let empties = 0;
    for (const d of docs) {
      const want = Object.fromEntries(Object.entries(flattenEvent(d)).map(([k, v]) => [k, v === null || v === '' ? null : String(v)]));
      expect(byId.get(d.id), d.id).toEqual(want);
      if (d.end === null) empties++;
    }
    expect(empties).toBeGreaterThan(0);
    const raw = readFileSync(out('events.csv'), 'utf8');
    const ongoing = docs.find((d) => d.end === null)!;
    expect(raw).toMatch(new RegExp(`\r\n${ongoing.id},.*,${ongoing.start},,${ongoing.date_precision},`));
  });

  it('Parquet: the same rows, times as timestamps, numbers as numbers, nested fields as JSON', async () => {
    const file = lit(out('events.parquet'));
    const types = Object.fromEntries(
      (await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${file}))`)).map((r) => [r.column_name, r.column_type]),
    );
    expect(types).toMatchObject({
      revision: 'BIGINT',
      created_at: 'TIMESTAMP WITH TIME ZONE',
      updated_at: 'TIMESTAMP WITH TIME ZONE',
      sources: 'JSON',
      places: 'JSON',
      title: 'VARCHAR',
    });
    const pq = await rows(
      `SELECT id, title, "end", revision, epoch_ms(created_at) AS created, sources->0->>'url' AS url, sources->0->>'publisher' AS publisher FROM read_parquet(${file})`,
    );
    expect(pq.length).toBe(docs.length);
    const byId = new Map(pq.map((r) => [r.id, r]));
    for (const d of docs)
      expect(byId.get(d.id), d.id).toEqual({
        id: d.id,
        title: d.title,
        end: d.end,
        revision: BigInt(d.revision),
        created: BigInt(Date.parse(d.created_at)),
        url: d.sources[0]!.url,
        publisher: d.sources[0]!.publisher,
      });
  });
});

describe('event history files', () => {
  it("Parquet: revision BIGINT and the time a TIMESTAMPTZ, as the event export's; the documents JSON", async () => {
    const id = 'ru-2018-cloud-ip-range-blocking';
    const r = await run(['events', 'history', id, '--format', 'parquet', '--out', out('history.parquet')]);
    expect(r.code, r.err).toBe(0);
    const file = lit(out('history.parquet'));
    const types = Object.fromEntries(
      (await rows(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(${file}))`)).map((x) => [x.column_name, x.column_type]),
    );
    expect(types).toEqual({
      revision: 'BIGINT',
      action: 'VARCHAR',
      actor: 'VARCHAR',
      reason: 'VARCHAR',
      at: 'TIMESTAMP WITH TIME ZONE',
      previous: 'JSON',
      current: 'JSON',
    });
    const json = (JSON.parse((await run(['events', 'history', id])).out) as { items: { revision: number; at: string }[] }).items;
    const pq = await rows(`SELECT revision, epoch_ms("at") AS at, current->>'$.revision' AS cur FROM read_parquet(${file}) ORDER BY revision`);
    expect(pq.length).toBeGreaterThan(0);
    expect(pq).toEqual(json.map((x) => ({ revision: BigInt(x.revision), at: BigInt(Date.parse(x.at)), cur: String(x.revision) })));
  });
});

describe('--out', () => {
  it('keeps an existing file unless --force, for every export command, and leaves no temporary file', async () => {
    const target = out('kept.csv');
    writeFileSync(target, 'mine\n');
    for (const argv of [
      ['events', 'export', '--format', 'csv'],
      ['indicators', 'export', '--format', 'csv'],
      ['measurements', 'export', '--format', 'csv'],
      ['cost', 'events', '--format', 'csv', '--country', 'TD'],
    ]) {
      const r = await run([...argv, '--out', target]);
      expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(1);
      expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'INGEST_IO', message: `cannot write ${target}: it exists already; --force replaces it` } });
      expect(readFileSync(target, 'utf8')).toBe('mine\n');
    }
    const r = await run(['events', 'export', '--format', 'csv', '--country', 'RU', '--out', target, '--force']);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^id,title,/);
    expect(readdirSync(join(t.dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it("every export's --json line says the file, the format and the rows it holds (indicators: the shipped register daily series)", async () => {
    const daily = packagePath('data', 'registry', 'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv');
    expect((await run(['registry', 'import', daily])).code).toBeLessThanOrEqual(3);
    for (const what of ['events', 'indicators', 'measurements']) {
      const target = out(`rows-${what}.csv`);
      const r = await run([what, 'export', '--format', 'csv', '--out', target]);
      expect(r.code, r.err).toBe(0);
      const said = JSON.parse(r.out) as { file: string; format: string; rows: number };
      const [{ n }] = (await rows(`SELECT count(*) AS n FROM read_csv(${lit(target)}, all_varchar = true)`)) as [{ n: bigint }];
      expect(n, what).toBeGreaterThan(0n);
      expect(said, what).toMatchObject({ file: target, format: 'csv', rows: Number(n) });
    }
  });

  it('measurements export to a folder that is not there: exit 1 naming the file', async () => {
    const target = join(t.dir, 'nope', 'm.parquet');
    const r = await run(['measurements', 'export', '--format', 'parquet', '--out', target]);
    expect(r.code, r.err).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({
      error: { code: 'INGEST_IO', message: `cannot write ${target}: the folder ${join(t.dir, 'nope')} does not exist` },
    });
  });

  it('measurements: CSV, NDJSON and Parquet hold the same rows and columns; the start time is a timestamp', async () => {
    for (const format of ['csv', 'ndjson', 'parquet']) {
      const r = await run(['measurements', 'export', '--format', format, '--out', out(`m.${format}`)]);
      expect(r.code, r.err).toBe(0);
    }
    const [{ n, types }] = (await rows(
      `SELECT count(*) AS n, (SELECT string_agg(column_type, ',') FROM (DESCRIBE SELECT measurement_start_time, anomaly FROM read_parquet(${lit(out('m.parquet'))}))) AS types FROM read_parquet(${lit(out('m.parquet'))})`,
    )) as [{ n: bigint; types: string }];
    expect(types).toBe('TIMESTAMP WITH TIME ZONE,BOOLEAN');
    const csv = await rows(`SELECT id FROM read_csv(${lit(out('m.csv'))}, all_varchar = true)`);
    expect(n).toBeGreaterThan(10n);
    expect(BigInt(csv.length)).toBe(n);
    const pq = await rows(
      `SELECT id, strftime(measurement_start_time AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS t FROM read_parquet(${lit(out('m.parquet'))})`,
    );
    const json = JSON.parse((await run(['measurements', 'list', '--limit', '1000'])).out) as {
      items: { id: string; measurement_start_time: string }[];
      source: string;
    };
    expect(new Map(pq.map((r) => [r.id, r.t]))).toEqual(new Map(json.items.map((m) => [m.id, m.measurement_start_time])));
    const nd = readFileSync(out('m.ndjson'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // each row as the list gives it, with the source (and licence) the list answer carries
    expect(nd).toEqual(json.items.map((m) => ({ ...m, source: json.source })));
    const header = readFileSync(out('m.csv'), 'utf8').split('\r\n')[0]!.split(',');
    expect(Object.keys(nd[0]!)).toEqual(header);
    const pqCols = await rows(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(${lit(out('m.parquet'))}))`);
    expect(pqCols.map((r) => r.column_name)).toEqual(header);
  });
});

describe('progress', () => {
  it('with --json, NDJSON progress on stderr counts the rows written, and stdout stays one document', async () => {
    for (const [argv, label, unit] of [
      [['measurements', 'export', '--format', 'csv', '--out', out('p.csv')], 'export measurements as csv', 'rows'],
      [['events', 'export', '--format', 'ndjson', '--out', out('p.ndjson')], 'export events', 'events'],
    ] as const) {
      const r = await run([...argv]);
      expect(r.code, r.err).toBe(0);
      const doc = JSON.parse(r.out) as { count: number };
      const events = r.err
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { phase: string; label?: string; unit?: string; total?: number; done?: number });
      expect(events[0]).toMatchObject({ phase: 'start', label, unit });
      expect(events.at(-1)).toMatchObject({ phase: 'stop' });
      expect(events.filter((e) => e.phase === 'update').at(-1)?.done).toBe(doc.count);
      if (unit === 'events') expect(events[0]!.total).toBe(doc.count);
    }
  });

  it('the --json line of every export --out reads as the file line of a listing: file, format and rows', async () => {
    const list = JSON.parse((await run(['events', 'list', '--limit', '2', '--format', 'csv', '--out', out('l.csv'), '--force'])).out) as object;
    expect(Object.keys(list)).toEqual(expect.arrayContaining(['file', 'format', 'rows']));
    for (const argv of [
      ['events', 'export', '--format', 'ndjson', '--out', out('e.ndjson'), '--force'],
      ['measurements', 'export', '--format', 'ndjson', '--out', out('m.ndjson'), '--force'],
    ]) {
      const r = await run(argv);
      expect(r.code, r.err).toBe(0);
      const doc = JSON.parse(r.out) as { file: string; format: string; rows: number };
      expect(doc, argv.join(' ')).toMatchObject({ file: argv[5], format: 'ndjson' });
      // rows is the number of lines written, one row each
      expect(doc.rows, argv.join(' ')).toBe(readFileSync(argv[5]!, 'utf8').trim().split('\n').length);
    }
  });
});

describe('measurement export pages', () => {
  it('read 7 rows at a time, the CSV is the one read in one page, and Parquet has every row', async () => {
    const store = await openStore(db, { readOnly: true });
    try {
      const one = await exportMeasurements({ store }, {}, 'csv');
      const paged = await exportMeasurements({ store }, {}, 'csv', 7);
      expect(one.count).toBeGreaterThan(14);
      expect(paged).toEqual(one);
      const pq = await exportMeasurements({ store }, {}, 'parquet', 7);
      expect(pq.count).toBe(one.count);
      writeFileSync(out('paged.parquet'), pq.body);
      const ids = await rows(`SELECT id FROM read_parquet(${lit(out('paged.parquet'))})`);
      expect(new Set(ids.map((r) => r.id)).size).toBe(one.count);
    } finally {
      await store.close();
    }
  });
});

describe('API exports', () => {
  it('each format with its content type and a file name; the same rows as the CLI', async () => {
    const store = await openStore(db);
    try {
      const app = createApp({ store, clock, dbPath: db });
      const want: Record<string, string> = {
        csv: 'text/csv; charset=utf-8',
        json: 'application/json',
        ndjson: 'application/x-ndjson',
        parquet: 'application/vnd.apache.parquet',
      };
      for (const [format, type] of Object.entries(want)) {
        const r = await app.request(`/api/export/events.${format}`);
        expect(r.status).toBe(200);
        expect(r.headers.get('content-type')).toBe(type);
        expect(r.headers.get('content-disposition')).toBe(`attachment; filename="events.${format}"`);
        const body = Buffer.from(await r.arrayBuffer());
        const file = readFileSync(out(`events.${format}`));
        if (format === 'parquet') expect(body.subarray(0, 4).toString()).toBe('PAR1');
        else expect(body.toString('utf8')).toBe(file.toString('utf8'));
      }
      const m = await app.request('/api/measurements/export.ndjson');
      expect([m.status, m.headers.get('content-type'), m.headers.get('content-disposition')]).toEqual([
        200,
        'application/x-ndjson',
        'attachment; filename="measurements.ndjson"',
      ]);
      expect(await m.text()).toBe(readFileSync(out('m.ndjson'), 'utf8'));
    } finally {
      await store.close();
    }
  });
});
