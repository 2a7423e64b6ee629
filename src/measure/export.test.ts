// `measurements export` and a page of `measurements list` written as a file hold the same cells
// and Parquet types for the same measurements, the licence column included: one flattening rule
// for measurements, whichever command or route asks.
import { describe, expect, it } from 'vitest';
import { rowsFile } from '../op/index.js';
import type { MeasurementRecord, ParquetColumn, Store, TabularWriter } from '../store/index.js';
import { exportMeasurements } from './export.js';
import { measurementsList } from './ops.js';
import { LIST_FIELDS, listRow, SOURCE } from './query.js';

// SYNTHETIC records: the list fields only (what the export and the list read of a record).
const record = (id: string, rules: string[], layers: string[]) =>
  ({
    id,
    report_id: 'r1',
    input: 'https://t.me/',
    probe_cc: 'RU',
    probe_asn: 'AS12389',
    probe_network_name: 'Rostelecom',
    test_name: 'web_connectivity',
    target: 't.me',
    measurement_start_time: '2021-03-10T12:00:00Z',
    anomaly: true,
    confirmed: false,
    failure: false,
    status: 'blocked',
    layers,
    mechanism: 'dns',
    rules,
  }) as unknown as MeasurementRecord;
const records = [record('m1', ['dns.answer_matches_ctrl', 'tcp.connect_ok'], ['dns']), record('m2', [], [])];

/** A store that answers one page of `records`, and a Parquet writer that keeps what it was asked to write. */
const fake = () => {
  const got: { columns?: ParquetColumn[]; rows?: Record<string, unknown>[] } = {};
  const tabular = {
    toParquet: async (columns: ParquetColumn[], rows: Record<string, unknown>[] | AsyncIterable<Record<string, unknown>[]>) => {
      const all: Record<string, unknown>[] = [];
      if (Array.isArray(rows)) all.push(...rows);
      else for await (const page of rows) all.push(...page);
      Object.assign(got, { columns, rows: all });
      return Buffer.alloc(0);
    },
  } as TabularWriter;
  const store = { measure: { list: () => Promise.resolve(records) }, tabular } as unknown as Store;
  return { got, store, tabular: () => tabular };
};
const answer = { items: records.map(listRow), next_cursor: null, source: SOURCE };

describe('measurements list as a file and measurements export', () => {
  it('CSV: the same header and cells, lists joined with "; ", the licence on every row', async () => {
    const { store } = fake();
    const exported = (await exportMeasurements({ store }, {}, 'csv')).body as string;
    const listed = (await rowsFile(answer, measurementsList.rows!, 'csv', () => store.tabular)).body;
    expect(exported).toBe(listed);
    expect(exported.split('\r\n')[0]).toBe([...LIST_FIELDS, 'source'].join(','));
    expect(exported).toContain(',dns.answer_matches_ctrl; tcp.connect_ok,');
  });

  it('NDJSON: the same documents', async () => {
    const { store } = fake();
    const exported = (await exportMeasurements({ store }, {}, 'ndjson')).body as string;
    expect(exported).toBe((await rowsFile(answer, measurementsList.rows!, 'ndjson', () => store.tabular)).body);
  });

  it('Parquet: the same columns, types (the time a timestamp) and values', async () => {
    const a = fake();
    await exportMeasurements({ store: a.store }, {}, 'parquet');
    const b = fake();
    await rowsFile(answer, measurementsList.rows!, 'parquet', b.tabular);
    expect(b.got.columns).toEqual(a.got.columns);
    expect(b.got.rows).toEqual(a.got.rows);
    expect(a.got.columns!.find((c) => c.name === 'measurement_start_time')?.type).toBe('TIMESTAMPTZ');
    expect(a.got.columns!.find((c) => c.name === 'source')?.type).toBe('VARCHAR');
  });
});
