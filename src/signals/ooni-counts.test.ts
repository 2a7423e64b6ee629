/**
 * The count conversion's rules on small synthetic rows (the real-data figures are in
 * test/integration/ooni-count-signal.test.ts): hours sum into days, zeros only within the
 * lookback, only whole bins inside the range, AS0 and bad codes dropped, ASN spellings merged.
 */
import { describe, expect, it } from 'vitest';
import { absentZeros, countFileZeros, ooniCountPoints, type CountRow } from './ooni-counts.js';
import { parseSignals } from './parse.js';
import type { SignalPointRecord } from '../store/index.js';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2024-01-01T00:00:00Z');
const row = (asn: string, t: number, n: number, cc = 'IR'): CountRow => ({ probe_cc: cc, probe_asn: asn, t, n });
const values = (pts: ReturnType<typeof ooniCountPoints>, asn: string) => pts.filter((p) => p.entity_code === asn).map((p) => [p.t.slice(0, 13), p.value]);

describe('ooniCountPoints (synthetic rows)', () => {
  it('sums hours into days, merges ASN spellings, adds zeros within the lookback only', () => {
    const rows = [row('AS1', T0 + 2 * H, 5), row('1', T0 + 20 * H, 7), row('as1', T0 + D, 3), row('AS0', T0, 9), row('AS2', T0, 1, 'Iran')];
    const pts = ooniCountPoints(rows, { bin: 'day', since: T0, until: T0 + 5 * D, lookbackDays: 2, file: 'f' });
    expect(values(pts, 'AS1')).toEqual([
      ['2024-01-01T00', 12],
      ['2024-01-02T00', 3],
      ['2024-01-03T00', 0],
      ['2024-01-04T00', 0],
    ]);
    expect(pts.map((p) => p.entity_code)).toEqual(['AS1', 'AS1', 'AS1', 'AS1']);
    expect(pts.map((p) => p.line)).toEqual([1, 2, 3, 4]);
  });

  it('only whole bins inside [since, until); rows before since only feed the lookback', () => {
    const rows = [row('AS7', T0 - D + H, 4), row('AS7', T0 + 3 * H, 2)];
    const pts = ooniCountPoints(rows, { bin: 'hour', since: T0 + 30 * 60_000, until: T0 + 5 * H + 10 * 60_000, lookbackDays: 1, file: 'f' });
    expect(values(pts, 'AS7')).toEqual([
      ['2024-01-01T01', 0], // 24 h after the last measurement: still within the day's lookback
      ['2024-01-01T03', 2], // 02:00 is 25 h after it: no point
      ['2024-01-01T04', 0],
    ]);
  });

  it('a network never measured in range or lookback has no point at all', () => {
    expect(ooniCountPoints([row('AS9', T0 - 10 * D, 50)], { bin: 'day', since: T0, until: T0 + 3 * D, lookbackDays: 7, file: 'f' })).toEqual([]);
  });
});

describe('absentZeros (synthetic points of a count file)', () => {
  const pt = (asn: string, day: number, value: number | null, cc: string | null = 'IR', line = day + 2): SignalPointRecord => ({
    source: 'ooni_measurements',
    entity_type: 'asn',
    entity_code: asn,
    t: new Date(T0 + day * D).toISOString(),
    value,
    cc,
    entity_name: null,
    source_file: 'f.csv',
    line,
  });
  it("adds a 0 only where the file has no point, within the lookback, over the file's days; never for a series without a country", () => {
    // AS1 measured on days 0 and 1, missing (null) on day 2, silent after; AS2 only on day 5; AS3 has no country
    const pts = [pt('AS1', 0, 10), pt('AS1', 1, 12), pt('AS1', 2, null), pt('AS2', 5, 4), pt('AS3', 0, 8, null)];
    const z = absentZeros(pts, 'day', 3);
    expect(z.map((p) => [p.entity_code, p.t.slice(0, 10), p.value, p.line, p.source, p.cc])).toEqual([
      ['AS1', '2024-01-04', 0, 0, 'ooni_measurements', 'IR'],
      ['AS1', '2024-01-05', 0, 0, 'ooni_measurements', 'IR'],
    ]);
    // the missing sample of day 2 stays missing; nothing after day 5, the file's last day
    expect(absentZeros([], 'day')).toEqual([]);
  });
});

describe('countFileZeros (SYNTHETIC count file with a rejected record)', () => {
  it('leaves the bin of a rejected record empty, never 0, and counts it as unfilled', () => {
    const csv = [
      '"count","test_day","probe_asn"',
      '50,"2019-11-10 00:00:00",64600',
      '40,"2019-11-11 00:00:00",64600',
      '45,"2019-11-12 12:00:00",64600',
      '30,"2019-11-15 00:00:00",64600',
    ].join('\n');
    const parsed = parseSignals(csv, { file: 'oc.csv', source: 'ooni_measurements', cc: 'IR', nowMs: Date.parse('2026-01-01T00:00:00Z'), bin: 'day' });
    expect(parsed.rejects.map((r) => r.line)).toEqual([4]);
    const { zeros, unfilled } = countFileZeros(parsed, 'day');
    // 11-12 had a record (rejected: off the grain): no point; 11-13 and 11-14 are silent: 0
    expect(zeros.map((z) => [z.t.slice(0, 10), z.value])).toEqual([
      ['2019-11-13', 0],
      ['2019-11-14', 0],
    ]);
    expect(unfilled).toBe(1);
  });
});
