import { describe, expect, it } from 'vitest';
import type { ThroughputPoint } from '../store/index.js';
import { DEFAULT_OONI_PAIR_PARAMS as P, pairOoniTests } from './ooni-throughput.js';
import { DEFAULT_THROTTLE_PARAMS, isThrottled, throttleDays } from './throttle.js';

let n = 0;
const pt = (
  report: string | null,
  target: string,
  kbps: number | null,
  bytes: number | null = 100_000,
  over: Partial<ThroughputPoint> = {},
): ThroughputPoint => ({
  id: `m${++n}`,
  report_id: report,
  probe_cc: 'XA',
  probe_asn: 'AS64500',
  probe_network_name: 'Synthetic network',
  target,
  test_name: 'web_connectivity',
  measurement_start_time: '2021-03-10T06:00:00Z',
  day: '2021-03-10',
  throughput_kbps: kbps,
  transfer_bytes: bytes,
  tls_handshake_ms: 40,
  bad_events: 0,
  ...over,
});

describe('pairing OONI measurements with their session (synthetic points)', () => {
  it('takes the median of the other targets of the same report as the control', () => {
    const { tests, excluded } = pairOoniTests(
      [pt('r1', 'slow.example', 130), pt('r1', 'a.example', 6000), pt('r1', 'b.example', 8000), pt('r1', 'c.example', 100)],
      P,
      'slow.example',
    );
    expect(tests).toHaveLength(1);
    // Others: 6000, 8000 and 100 kbps -> median 6000: one slow control does not hide the cap.
    expect(tests[0]).toMatchObject({ target: 'slow.example', test_result: 130, control_result: 6000, as_country: 'XA', asn: 64500, report_id: 'r1' });
    expect(isThrottled(tests[0]!, DEFAULT_THROTTLE_PARAMS)).toBe(true);
    expect(excluded).toEqual({ no_throughput: 0, too_few_bytes: 0, no_control: 0 });
  });

  it('counts what it leaves out: untimed, too small, no control in the session', () => {
    const points = [
      pt('r1', 'a.example', null),
      pt('r1', 'b.example', 5000, 4000),
      pt('r2', 'c.example', 5000),
      pt('r2', 'd.example', 7000),
      pt(null, 'e.example', 5000, 100_000, { bad_events: 2 }),
    ];
    const { tests, excluded, with_bad_events } = pairOoniTests(points, P);
    expect(tests).toHaveLength(0);
    expect(excluded).toEqual({ no_throughput: 1, too_few_bytes: 1, no_control: 3 });
    expect(with_bad_events).toBe(1);
  });

  it('counts a measurement with bad events apart from what it leaves out: read = paired + left out', () => {
    // the rest of a.example's events timed: it is paired, and counted as having bad events
    const points = [
      pt('r1', 'a.example', 5000, 100_000, { bad_events: 1 }),
      pt('r1', 'b.example', 6000),
      pt('r1', 'c.example', 7000),
      pt('r1', 'd.example', null),
    ];
    const { tests, excluded, with_bad_events } = pairOoniTests(points, P);
    expect(tests).toHaveLength(3);
    expect(with_bad_events).toBe(1);
    expect(tests.length + Object.values(excluded).reduce((a, b) => a + b, 0)).toBe(points.length);
  });

  it('feeds the same per-day judge as the speed tests, per target', () => {
    const pts = [];
    for (let s = 0; s < 6; s++) pts.push(pt(`r${s}`, 'slow.example', 120), pt(`r${s}`, 'a.example', 9000), pt(`r${s}`, 'b.example', 7000));
    const { tests } = pairOoniTests(pts, P);
    const days = throttleDays(tests);
    expect(days.map((d) => [d.target, d.n, d.verdict])).toEqual([
      ['a.example', 6, 'not_throttled'],
      ['b.example', 6, 'not_throttled'],
      ['slow.example', 6, 'throttled'],
    ]);
  });
});
