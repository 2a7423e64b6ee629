// `indicators export` holds the same values in every format: each value's whole source (its
// locator, the place in the source, and its archive copy included) and `disputed` as a boolean.
import { describe, expect, it } from 'vitest';
import type { ParquetColumn, Store, TabularWriter } from '../store/index.js';
import { exportIndicators } from './export.js';

// SYNTHETIC series: two sources that disagree on 2019, one with a locator and an archive copy.
const source = (url: string, more: object = {}) => ({ url, title: 'T', publisher: 'P', published: '2020', archive_url: null, locator: null, ...more });
const values = [
  {
    seriesId: 'xx-cases',
    period: '2019',
    value: 53,
    doc: { source: source('https://a.example/', { locator: 'table 2, row RU', archive_url: 'https://web.archive.org/a' }), note: null },
  },
  { seriesId: 'xx-cases', period: '2019', value: 57, doc: { source: source('https://b.example/'), note: 'restated' } },
];
const got: { columns?: ParquetColumn[]; rows?: Record<string, unknown>[] } = {};
const store = {
  ledger: {
    listIndicatorSeries: () => Promise.resolve([{ id: 'xx-cases', country: 'RU', origin: 'seed', doc: { title: 'Cases', description: '', unit: 'cases' } }]),
    listIndicatorValues: () => Promise.resolve(values),
  },
  tabular: {
    toParquet: (columns: ParquetColumn[], rows: Record<string, unknown>[]) => {
      Object.assign(got, { columns, rows });
      return Promise.resolve(Buffer.alloc(0));
    },
  } as TabularWriter,
} as unknown as Store;

describe('indicators export, flat formats', () => {
  it('NDJSON: the source locator and archive copy on the row, disputed a boolean', async () => {
    const rows = ((await exportIndicators({ store }, {}, 'ndjson')) as string)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows[0]).toMatchObject({ source_locator: 'table 2, row RU', source_archive_url: 'https://web.archive.org/a', disputed: true });
    expect(rows[1]).toMatchObject({ source_locator: null, source_archive_url: null, disputed: true });
  });

  it('CSV: the same columns', async () => {
    const [header, first] = ((await exportIndicators({ store }, {}, 'csv')) as string).split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['source_archive_url', 'source_locator', 'disputed']));
    expect(first).toContain('table 2, row RU');
  });

  it('Parquet: the same columns, disputed BOOLEAN', async () => {
    await exportIndicators({ store }, {}, 'parquet');
    expect(got.columns!.find((c) => c.name === 'disputed')?.type).toBe('BOOLEAN');
    expect(got.columns!.map((c) => c.name)).toEqual(expect.arrayContaining(['source_archive_url', 'source_locator']));
    expect(got.rows![0]).toMatchObject({ source_locator: 'table 2, row RU', disputed: true });
  });
});
