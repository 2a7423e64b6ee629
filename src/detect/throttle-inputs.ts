/**
 * The throttling detector over its inputs: (a) crowdsourced speed tests and (b) OONI
 * measurements' network_events throughput, each judged by the same rule (throttle-run.ts) and
 * reported under its own name, so a reader always knows which data a detection stands on.
 */
import type { Store } from '../store/index.js';
import { insufficientSeries, type DataSource, type Detection, type DetectionInput, type SeriesReport } from './detection.js';
import { OONI_INPUT, pairOoniTests, SPEEDTEST_INPUT } from './ooni-throughput.js';
import { DEFAULT_THROTTLE_RUN_PARAMS, judgeThrottling, runSpeedTests, type ThrottleFilter, type ThrottleRunParams } from './throttle-run.js';

export const THROTTLE_INPUTS = [SPEEDTEST_INPUT, OONI_INPUT] as const satisfies readonly DetectionInput[];
export type ThrottleInput = (typeof THROTTLE_INPUTS)[number];

export const OONI_THROTTLE_METHOD =
  'OONI network_events throughput: per measurement, the download rate of its busiest connection (bytes after the first read over first-to-last read time); ' +
  'counted when the transfer moved at least 16 kB; its control is the median rate of at least 2 other targets in the same probe session (report_id). ' +
  'Then the speed-test rule: throttled when target <= 1/4 of control and control >= 1 Mbps; a (country, network, target, day) is throttled when at least 5 measurements count and ' +
  'the 95% Wilson lower bound of the throttled share exceeds 10% (docs/design/030-detection.md §2b).';

export const OONI_THROUGHPUT_SOURCE: DataSource = {
  name: 'OONI measurements (test_keys.network_events), throughput by Splinternet Observatory',
  url: 'https://ooni.org/data',
  licence: 'CC BY-NC-SA 4.0',
  attribution: 'OONI, Open Observatory of Network Interference',
};

type RunResult = { detections: Omit<Detection, 'draft'>[]; series: SeriesReport[] };

const ooniEvidence = { path: '/api/throughput/summary', command: 'throughput summary' };

/** Input (b): OONI measurements with network_events throughput, paired within their session. */
export async function runOoniThroughput(store: Store, f: ThrottleFilter, p: ThrottleRunParams = DEFAULT_THROTTLE_RUN_PARAMS): Promise<RunResult> {
  // the days before the window are history (historyFilter); its figures count the window's measurements
  const points = await store.throughput.points({ cc: f.cc, asn: f.asn === undefined ? undefined : `AS${f.asn}`, until: f.until });
  const { tests, excluded, with_bad_events } = pairOoniTests(points, p, f.target);
  const bad = await store.throughput.badEventCounts({
    cc: f.cc,
    asn: f.asn === undefined ? undefined : `AS${f.asn}`,
    target: f.target,
    since: f.since,
    until: f.until,
  });
  const pending = (await store.throughput.counts()).pending_files;
  const sinceDay = f.since?.slice(0, 10);
  const inScope = points.filter((x) => (f.target === undefined || x.target === f.target) && (sinceDay === undefined || x.day >= sinceDay)).length;
  const figures = {
    measurements_with_network_events: inScope,
    paired: tests.length,
    ...excluded,
    with_bad_events,
    ...Object.fromEntries(Object.entries(bad).map(([k, v]) => [`bad_events_${k}`, v])),
    files_not_extracted: pending,
  };
  if (tests.length === 0) {
    const why =
      inScope === 0
        ? 'no stored OONI measurement with network_events matches the filters'
        : `none of ${inScope} OONI measurements with network_events could be paired (${JSON.stringify(excluded)})`;
    const reason = pending ? `${why}; ${pending} ingested file(s) not yet read for network_events (run splinternet throughput extract)` : why;
    return {
      detections: [],
      series: [
        insufficientSeries(
          {
            kind: 'throttling',
            input: OONI_INPUT,
            probe_cc: f.cc ?? null,
            probe_asn: f.asn === undefined ? null : `AS${f.asn}`,
            target: f.target ?? null,
            figures,
          },
          reason,
        ),
      ],
    };
  }
  const r = judgeThrottling(
    tests,
    { input: OONI_INPUT, sources: () => [OONI_THROUGHPUT_SOURCE], target: null, method: OONI_THROTTLE_METHOD, evidence: ooniEvidence },
    f,
    p,
  );
  // One line per run on what was left out and why, so nothing disappears silently.
  r.series.push({
    kind: 'throttling',
    input: OONI_INPUT,
    probe_cc: f.cc ?? null,
    probe_asn: f.asn === undefined ? null : `AS${f.asn}`,
    target: f.target ?? null,
    layer: null,
    status: 'ok',
    reason: null,
    state: null,
    changes: [],
    figures: { ...figures, note: 'inputs of the OONI throughput series: measurements paired, left out by reason, bad network events by reason' },
  });
  return r;
}

/**
 * Throttling over `f.input`, or every input. With a target, only the inputs judged per target run:
 * a speed-test dataset has one target of its own, so its detections would answer another target.
 */
export async function runThrottling(
  store: Store,
  f: ThrottleFilter & { input?: ThrottleInput },
  p: ThrottleRunParams = DEFAULT_THROTTLE_RUN_PARAMS,
): Promise<RunResult> {
  const out: RunResult = { detections: [], series: [] };
  for (const input of f.input ? [f.input] : f.target !== undefined ? [OONI_INPUT] : THROTTLE_INPUTS) {
    const r = input === SPEEDTEST_INPUT ? await runSpeedTests(store, f, p) : await runOoniThroughput(store, f, p);
    out.detections.push(...r.detections);
    out.series.push(...r.series);
  }
  return out;
}
