/**
 * The block detector on a real OONI series: https://www.womenonwaves.org/ measured from Brazil,
 * 911 measurements 2018-11 .. 2019-09 (test/fixtures/ooni-br-series, CC BY-NC-SA 4.0, OONI).
 * Anomalies are occasional until March 2019, then the majority: one onset, in early March.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { cusum, type HourScore } from './cusum.js';

interface Row {
  anomaly: boolean | null;
  measurement_start_time: string;
}

function hourly(rows: Row[]): HourScore[] {
  const cells = new Map<number, { k: number; n: number }>();
  for (const r of rows) {
    const t = Date.parse(`${r.measurement_start_time.slice(0, 13).replace(' ', 'T')}:00:00Z`);
    const c = cells.get(t) ?? { k: 0, n: 0 };
    c.n++;
    if (r.anomaly === true) c.k++;
    cells.set(t, c);
  }
  return [...cells].map(([t, c]) => ({ t, y: c.k / c.n, n: c.n }));
}

describe('CUSUM on the real Brazil series', () => {
  const rows = JSON.parse(readFileSync(packagePath('test', 'fixtures', 'ooni-br-series', 'detector_query_ww_BR_2018.json'), 'utf8')) as Row[];

  it('reads all 911 measurements', () => {
    expect(rows).toHaveLength(911);
    expect(hourly(rows).reduce((a, h) => a + h.n, 0)).toBe(911);
  });

  it('finds one onset in early March 2019 and nothing in the months before', () => {
    const r = cusum(hourly(rows));
    expect(r.changes).toHaveLength(1);
    const [c] = r.changes;
    expect(c!.direction).toBe('onset');
    expect(new Date(c!.t).toISOString()).toMatch(/^2019-03-0/);
    expect(c!.meanScore).toBeGreaterThan(0.5);
    expect(r.state).toBe('blocked');
  });
});
