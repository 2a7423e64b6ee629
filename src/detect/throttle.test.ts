import { describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE_PARAMS as P, isThrottled, summaryItem, throttleDays, verdictChanges, verdictFor, type SpeedTestInput } from './throttle.js';

const test = (day: string, target: number, control: number, asn = 64500, cc = 'XA'): SpeedTestInput => ({
  as_country: cc,
  asn,
  as_organization: `Synthetic network ${asn}`,
  day,
  test_result: target,
  control_result: control,
  control_taco_result: null,
});

describe('throttling from paired speed tests (synthetic cells)', () => {
  it('calls a test throttled only when the target is far slower than a fast enough control', () => {
    expect(isThrottled({ test_result: 140, control_result: 5000 }, P)).toBe(true);
    expect(isThrottled({ test_result: 4000, control_result: 5000 }, P)).toBe(false);
    // A slow line (control under 1 Mbps) cannot show a cap: not counted, not throttled.
    expect(isThrottled({ test_result: 100, control_result: 600 }, P)).toBe(false);
  });

  it('needs enough tests, and a share clearly above the background rate', () => {
    expect(verdictFor(4, 4, P)).toBe('insufficient');
    expect(verdictFor(10, 8, P)).toBe('throttled');
    expect(verdictFor(10, 1, P)).toBe('not_throttled');
    expect(verdictFor(300, 60, P)).toBe('throttled'); // 20 %, tight interval: a partial throttle
    expect(verdictFor(300, 30, P)).toBe('not_throttled'); // 10 %: indistinguishable from noise
  });

  it('summarises per (country, network, target, day) with medians over the counted tests', () => {
    const days = throttleDays([
      ...Array.from({ length: 6 }, () => test('2021-01-02', 130, 4000)),
      test('2021-01-02', 3000, 4000),
      test('2021-01-02', 50, 500), // slow line: not counted
      test('2021-01-01', 3000, 3500, 64501),
    ]);
    expect(days.map((d) => [d.asn, d.day])).toEqual([
      ['AS64500', '2021-01-02'],
      ['AS64501', '2021-01-01'],
    ]);
    expect(summaryItem(days[0]!)).toEqual({
      cc: 'XA',
      asn: 'AS64500',
      as_name: 'Synthetic network 64500',
      day: '2021-01-02',
      target: null,
      tests_read: 8,
      n: 7,
      share_throttled: 0.857,
      median_target_kbps: 130,
      median_control_kbps: 4000,
      verdict: 'throttled',
    });
    expect(days[0]).toMatchObject({ n_total: 8, n_throttled: 6, throttled_target_kbps: 130 });
    expect(days[1]).toMatchObject({ n: 1, verdict: 'insufficient' });
  });

  it('never produces NaN: a day without counted tests has null share and medians', () => {
    const [d] = throttleDays([test('2021-01-01', 50, 400)]);
    expect(d).toMatchObject({ n: 0, share_throttled: null, median_target_kbps: null, verdict: 'insufficient' });
    expect(JSON.stringify(d)).not.toMatch(/NaN|Infinity/);
  });

  it('reports verdict changes, skipping insufficient days', () => {
    const v = (day: string, verdict: 'throttled' | 'not_throttled' | 'insufficient') => ({
      cc: 'XA',
      asn: 'AS1',
      as_name: null,
      day,
      target: null,
      tests_read: 9,
      n: 9,
      share_throttled: 0,
      median_target_kbps: 1,
      median_control_kbps: 1,
      verdict,
    });
    expect(
      verdictChanges([
        v('2021-01-01', 'not_throttled'),
        v('2021-01-02', 'insufficient'),
        v('2021-01-03', 'throttled'),
        v('2021-01-04', 'throttled'),
        v('2021-01-05', 'not_throttled'),
      ]),
    ).toEqual([
      { day: '2021-01-03', from: 'not_throttled', to: 'throttled', previous_day: '2021-01-01' },
      { day: '2021-01-05', from: 'throttled', to: 'not_throttled', previous_day: '2021-01-04' },
    ]);
  });
});
