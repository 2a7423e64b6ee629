/**
 * Helpers for tests on real STOP records: a fixture of test/fixtures/stop (Access Now #KeepItOn
 * STOP, 2026-05-20 snapshot; sources in its SOURCES.md) read by the importer's parser, and a
 * record mapped to a ledger event by the importer's own mapper, so a test prices or geocodes what
 * an import would store.
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../../shared/index.js';
import type { LedgerEvent } from '../model.js';
import { mapStopRow } from './map.js';
import { parseStopCsv, type StopRow } from './parse.js';

/** The records of a fixture file of test/fixtures/stop. */
export const stopFixture = (name: string): StopRow[] => parseStopCsv(readFileSync(packagePath('test', 'fixtures', 'stop', name), 'utf8'), name);

/** The first record whose country starts with `country` and whose start date is `start`; throws if none. */
export function stopRecord(rows: readonly StopRow[], country: string, start: string): StopRow {
  const r = rows.find((x) => x.country.startsWith(country) && x.start_date === start);
  if (!r) throw new Error(`no STOP record of ${country} starting ${start} in the fixture`);
  return r;
}

/**
 * A record as the ledger event the import makes of it, with this id. `ungeocoded` leaves out
 * what the mapping geocoded (regions, places, population), for tests of the pricing alone.
 */
export function stopEvent(r: StopRow, id: string, opts: { ungeocoded?: boolean } = {}): LedgerEvent {
  const m = mapStopRow(r, '2026-05-20');
  if ('reject' in m) throw new Error(m.reject);
  const e = { ...(m.fields as unknown as LedgerEvent), id };
  return opts.ungeocoded ? { ...e, regions: [], places: [], population_affected: null } : e;
}
