import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Indicator } from './api.js';
import { packagePath } from '../../src/shared/index.js';
import { chartRows } from './indicator-rows.js';

/** The shipped yearly series (5 values, 2012-2016). */
const yearly = JSON.parse(readFileSync(packagePath('data', 'ledger', 'indicators', 'ru-blocking-register-records.json'), 'utf8')) as Indicator;
const LB = 'lower bound: the snapshot is truncated, partial or derived';
const source = { url: 'urn:x', title: 'x', publisher: 'Zapret-Info', published: null, archive_url: null, locator: null };
/** SYNTHETIC series with the shipped snapshots' figures (2016 truncated, 2018 derived, 2020 one part: all lower bounds). */
const blocked = {
  id: 'ru-registry-blocked-ipv4',
  title: "Russia's blocking register: distinct IPv4 addresses blocked",
  unit: 'addresses',
  values: [
    ['2016-06-13', 13_073],
    ['2018-05-05', 14_658_304],
    ['2020-02-16', 2_645],
  ].map(([period, value]) => ({ period, value, source, note: LB, disputed: false })),
} as unknown as Indicator;
/** SYNTHETIC daily values, one day apart. */
const daily = {
  id: 'ru-registry-records',
  title: "Russia's blocking register: records",
  unit: 'records',
  values: ['2015-06-01', '2015-06-02', '2015-06-03'].map((period, i) => ({ period, value: 10_000 + i, source, note: null, disputed: false })),
} as unknown as Indicator;

describe('chartRows', () => {
  it('never joins lower-bound snapshot figures: each is a point alone, flagged', () => {
    const rows = chartRows([blocked], { log: true });
    expect(rows.map((r) => [r.period, r.lower_bound, r.alone])).toEqual([
      ['2016-06-13', true, true],
      ['2018-05-05', true, true],
      ['2020-02-16', true, true],
    ]);
    expect(new Set(rows.map((r) => r.segment)).size).toBe(3);
  });
  it('does not step a line across years between sparse points (the shipped yearly series)', () => {
    const rows = chartRows([yearly]);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.alone && !r.lower_bound)).toBe(true);
  });
  it('joins daily values of one series into one line', () => {
    const rows = chartRows([daily]);
    expect(new Set(rows.map((r) => r.segment))).toEqual(new Set(['ru-registry-records#1']));
    expect(rows.some((r) => r.alone)).toBe(false);
  });
});
