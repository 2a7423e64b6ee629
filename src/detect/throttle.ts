/**
 * Throttling from paired speed tests: each test downloads from the target and from a control
 * server in the same minute on the same line, so the line's own speed cancels out. A test is
 * throttled when the target is far slower than the control; a (country, network, target, day) is
 * throttled when the share of such tests is clearly above the test's background rate.
 * Thresholds and why: docs/design/030-detection.md. No country or network is named here:
 * everything comes from the data.
 */
import { median, round, wilsonLower } from './stats.js';

export interface ThrottleParams {
  /** A test counts only when the control reached this speed (kbps); slower lines cannot show a cap. */
  minControlKbps: number;
  /** A counted test is throttled when target <= maxRatio x control. */
  maxRatio: number;
  /** Fewer counted tests than this in a cell -> insufficient. */
  minTests: number;
  /** Share of throttled-looking tests on unaffected networks (false positives of the test). */
  backgroundShare: number;
  /** z of the Wilson lower bound that must exceed backgroundShare (1.96 = 95%). */
  z: number;
}

export const DEFAULT_THROTTLE_PARAMS: ThrottleParams = { minControlKbps: 1000, maxRatio: 0.25, minTests: 5, backgroundShare: 0.1, z: 1.96 };

export type ThrottleVerdict = 'throttled' | 'not_throttled' | 'insufficient';

export interface SpeedTestInput {
  as_country: string;
  asn: number;
  as_organization: string | null;
  day: string;
  test_result: number;
  control_result: number;
  control_taco_result: number | null;
  /** What the test measured: its dataset's target_host (speed tests), its own target (OONI); tests of two targets are never pooled. */
  target?: string | null;
  /** OONI inputs: TLS handshake time of the measurement and the median of its session's controls (ms). */
  tls_ms?: number | null;
  control_tls_ms?: number | null;
}

/** One (country, network, target, day): the shape of `speedtests summary --json` items. */
export interface ThrottleDay {
  cc: string;
  asn: string;
  as_name: string | null;
  day: string;
  /** What the tests measured: a speed-test dataset's target_host, an OONI input's target; null when a dataset names none. */
  target: string | null;
  /** Tests read that day, counted or not. */
  tests_read: number;
  /** Tests that count (control >= minControlKbps). */
  n: number;
  share_throttled: number | null;
  median_target_kbps: number | null;
  median_control_kbps: number | null;
  verdict: ThrottleVerdict;
}

/** A day with the extra numbers the detector uses (not part of the summary shape). */
export interface ThrottleDayDetail extends ThrottleDay {
  n_total: number;
  n_throttled: number;
  /** Throttled tests whose control domain containing the target's short-link string was slow too. */
  n_taco_slow: number;
  /** Median target / control speed of the throttled tests only: the cap and what the line could do. */
  throttled_target_kbps: number | null;
  throttled_control_kbps: number | null;
}

export const asnLabel = (asn: number): string => `AS${asn}`;

/** Decimals of a day's median speeds: those of the data (2) and of a mean of two, so a median at the rule's edge reads as it was judged. */
export const KBPS_DIGITS = 3;

export function isCounted(t: Pick<SpeedTestInput, 'control_result'>, p: ThrottleParams): boolean {
  return t.control_result >= p.minControlKbps;
}

export function isThrottled(t: Pick<SpeedTestInput, 'test_result' | 'control_result'>, p: ThrottleParams): boolean {
  return isCounted(t, p) && t.test_result <= p.maxRatio * t.control_result;
}

export function verdictFor(n: number, k: number, p: ThrottleParams): ThrottleVerdict {
  if (n < p.minTests) return 'insufficient';
  return wilsonLower(k, n, p.z) > p.backgroundShare ? 'throttled' : 'not_throttled';
}

/** Group tests (sorted or not) into per-(country, network, target, day) cells with verdicts, sorted. */
export function throttleDays(tests: Iterable<SpeedTestInput>, p: ThrottleParams = DEFAULT_THROTTLE_PARAMS): ThrottleDayDetail[] {
  const cells = new Map<string, SpeedTestInput[]>();
  for (const t of tests) {
    const key = `${t.as_country}\u0000${t.target ?? ''}\u0000${String(t.asn).padStart(10, '0')}\u0000${t.day}`;
    let list = cells.get(key);
    if (!list) cells.set(key, (list = []));
    list.push(t);
  }
  return [...cells.keys()].sort().map((key) => {
    const list = cells.get(key)!;
    const first = list[0]!;
    const counted = list.filter((t) => isCounted(t, p));
    const throttled = counted.filter((t) => isThrottled(t, p));
    const name = list.find((t) => t.as_organization)?.as_organization ?? null;
    return {
      cc: first.as_country,
      asn: asnLabel(first.asn),
      as_name: name,
      day: first.day,
      target: first.target ?? null,
      tests_read: list.length,
      n: counted.length,
      share_throttled: counted.length ? round(throttled.length / counted.length, 3) : null,
      median_target_kbps: round(median(counted.map((t) => t.test_result)), KBPS_DIGITS),
      median_control_kbps: round(median(counted.map((t) => t.control_result)), KBPS_DIGITS),
      verdict: verdictFor(counted.length, throttled.length, p),
      n_total: list.length,
      n_throttled: throttled.length,
      n_taco_slow: throttled.filter((t) => t.control_taco_result !== null && t.control_taco_result <= p.maxRatio * t.control_result).length,
      throttled_target_kbps: round(median(throttled.map((t) => t.test_result))),
      throttled_control_kbps: round(median(throttled.map((t) => t.control_result))),
    };
  });
}

/** The summary shape: exactly the published keys (ThrottleDaySchema in detect/schemas.ts). */
export const summaryItem = (d: ThrottleDay): ThrottleDay => ({
  cc: d.cc,
  asn: d.asn,
  as_name: d.as_name,
  day: d.day,
  target: d.target,
  tests_read: d.tests_read,
  n: d.n,
  share_throttled: d.share_throttled,
  median_target_kbps: d.median_target_kbps,
  median_control_kbps: d.median_control_kbps,
  verdict: d.verdict,
});

export interface VerdictChange {
  day: string;
  from: ThrottleVerdict;
  to: ThrottleVerdict;
  /** The last decided day before the change (insufficient days in between are skipped). */
  previous_day: string;
}

/** Changes of the decided verdict (throttled <-> not_throttled) along one network's days. */
export function verdictChanges(days: readonly ThrottleDay[]): VerdictChange[] {
  const out: VerdictChange[] = [];
  let prev: ThrottleDay | null = null;
  for (const d of days) {
    if (d.verdict === 'insufficient') continue;
    if (prev && prev.verdict !== d.verdict) out.push({ day: d.day, from: prev.verdict, to: d.verdict, previous_day: prev.day });
    prev = d;
  }
  return out;
}
