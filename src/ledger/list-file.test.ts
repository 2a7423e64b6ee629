// A page of `events list` written as a file holds the cells and Parquet types `events export`
// writes for the same events: one flattening rule for events, whichever command or route asks.
import { describe, expect, it } from 'vitest';
import { rowsFile } from '../op/index.js';
import type { ParquetColumn, TabularWriter } from '../store/index.js';
import { EVENT_COLUMNS, EVENT_PARQUET_COLUMNS, flattenEvent, toCsv } from './export.js';
import { LedgerEventSchema, type LedgerEvent } from './model.js';
import { eventsList } from './ops.js';
import { sampleEvent } from '../../test/helpers/index.js';

// SYNTHETIC events: one with no targets and no people_affected, one with both.
const base = { ...sampleEvent(), status: 'active', revision: 2, created_at: '2026-01-02T03:04:05.000Z', updated_at: '2026-01-03T03:04:05.000Z' };
const events: LedgerEvent[] = [
  LedgerEventSchema.parse({ ...base, id: 'xx-2020-no-targets', targets: [] }),
  LedgerEventSchema.parse({ ...base, id: 'xx-2020-targets', targets: [{ kind: 'platform', name: 'Telegram' }], people_affected: { estimate: 5, note: 'x' } }),
];

/** A Parquet writer that keeps what it was asked to write. */
const capture = () => {
  const got: { columns?: ParquetColumn[]; rows?: Record<string, unknown>[] } = {};
  const tabular = {
    toParquet: (columns: ParquetColumn[], rows: Record<string, unknown>[]) => {
      Object.assign(got, { columns, rows });
      return Promise.resolve(Buffer.alloc(0));
    },
  } as TabularWriter;
  return { got, tabular: () => tabular };
};

describe('events list as a file', () => {
  it('CSV: the same cells as events export (a list of no targets is [], not an empty cell)', async () => {
    const f = await rowsFile({ items: events, next_cursor: null }, eventsList.rows!, 'csv', () => {
      throw new Error('no store needed for CSV');
    });
    expect(f.body).toBe(toCsv(EVENT_COLUMNS, events.map(flattenEvent)));
  });

  it('Parquet: the export columns and types whatever the page holds', async () => {
    for (const page of [[events[0]!], [events[1]!]]) {
      const { got, tabular } = capture();
      await rowsFile({ items: page, next_cursor: 'c' }, eventsList.rows!, 'parquet', tabular);
      expect(got.columns).toEqual(EVENT_PARQUET_COLUMNS);
      expect(got.rows).toEqual(page.map(flattenEvent));
    }
  });
});
