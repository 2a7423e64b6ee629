/**
 * Throttling input (b): OONI measurements' download throughput from `test_keys.network_events`
 * (extracted per measurement by measure/netevents), turned into the same paired tests the
 * speed-test detector judges. The control of a measurement is the median throughput of the
 * other targets measured in the same probe session (same report_id: same line, same minutes),
 * so the line's own speed cancels out as it does in a speed test. Measurements that cannot be
 * paired are counted by reason, never dropped silently. docs/design/030-detection.md §2b.
 */
import type { ThroughputPoint } from '../store/index.js';
import { median } from './stats.js';
import type { SpeedTestInput } from './throttle.js';

export interface OoniPairParams {
  /** A measurement counts when its timed transfer moved at least this many bytes (TCP's initial window is ~14.6 kB: below it, timing shows latency, not bandwidth). */
  ooniMinTransferBytes: number;
  /** Other counted targets of the same session needed to form a control. */
  ooniMinControls: number;
}

export const DEFAULT_OONI_PAIR_PARAMS: OoniPairParams = { ooniMinTransferBytes: 16_384, ooniMinControls: 2 };

export const OONI_INPUT = 'ooni_network_events';
export const SPEEDTEST_INPUT = 'speedtests';

export interface OoniExclusions {
  /** network_events could not be timed (no reads, one instant, failures only). */
  no_throughput: number;
  /** Timed, but over fewer than ooniMinTransferBytes. */
  too_few_bytes: number;
  /** Counted, but the session had too few other counted targets. */
  no_control: number;
}

export interface OoniTest extends SpeedTestInput {
  measurement_id: string;
  report_id: string;
  target: string;
}

const asnNumber = (probeAsn: string) => Number(probeAsn.replace(/^AS/i, '')) || 0;

export function countsOf(pt: ThroughputPoint, p: OoniPairParams): boolean {
  return pt.throughput_kbps !== null && pt.throughput_kbps > 0 && (pt.transfer_bytes ?? 0) >= p.ooniMinTransferBytes;
}

/**
 * Pair each counted measurement with its session's other targets; `target` filters after pairing.
 * Every measurement in scope is paired or left out for one reason (tests + excluded = points);
 * `with_bad_events` counts those with at least one bad network event, paired or not (the rest of
 * their events still timed), apart from the reasons.
 */
export function pairOoniTests(
  points: readonly ThroughputPoint[],
  p: OoniPairParams,
  target?: string,
): { tests: OoniTest[]; excluded: OoniExclusions; with_bad_events: number } {
  const excluded: OoniExclusions = { no_throughput: 0, too_few_bytes: 0, no_control: 0 };
  let withBadEvents = 0;
  const sessions = new Map<string, ThroughputPoint[]>();
  for (const pt of points) {
    if (!pt.report_id || !countsOf(pt, p)) continue;
    let list = sessions.get(pt.report_id);
    if (!list) sessions.set(pt.report_id, (list = []));
    list.push(pt);
  }
  const tests: OoniTest[] = [];
  for (const pt of points) {
    if (target !== undefined && pt.target !== target) continue;
    if (pt.bad_events > 0) withBadEvents++;
    if (pt.throughput_kbps === null || pt.throughput_kbps <= 0) {
      excluded.no_throughput++;
      continue;
    }
    if (!countsOf(pt, p)) {
      excluded.too_few_bytes++;
      continue;
    }
    const others = (sessions.get(pt.report_id ?? '') ?? []).filter((o) => o.target !== pt.target);
    if (others.length < p.ooniMinControls) {
      excluded.no_control++;
      continue;
    }
    const tls = others.map((o) => o.tls_handshake_ms).filter((v): v is number => v !== null);
    tests.push({
      measurement_id: pt.id,
      report_id: pt.report_id!,
      target: pt.target,
      as_country: pt.probe_cc,
      asn: asnNumber(pt.probe_asn),
      as_organization: pt.probe_network_name,
      day: pt.day,
      test_result: pt.throughput_kbps,
      control_result: median(others.map((o) => o.throughput_kbps!))!,
      control_taco_result: null,
      tls_ms: pt.tls_handshake_ms,
      control_tls_ms: median(tls),
    });
  }
  return { tests, excluded, with_bad_events: withBadEvents };
}
