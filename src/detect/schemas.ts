/**
 * The published shapes of detection results: what GET /api/speedtests/summary,
 * GET /api/throughput/summary and GET /api/detections answer (and the CLI prints with --json).
 * The summary functions' return types are checked against these by src/detect/ops.ts.
 */
import { z } from 'zod';
import { DETECTION_KINDS, DataSourceSchema, DetectionSchema, SeriesReportSchema } from './detection.js';

const count = z.number().int();
const verdict = z.enum(['throttled', 'not_throttled', 'insufficient']);
const vintage = z.object({ first_day: z.string().nullable(), last_day: z.string().nullable() });
const window = z
  .object({
    since: z.string().nullable().meta({ description: 'the start of the first day counted (UTC), null when no since was given' }),
    until: z.string().nullable().meta({ description: 'the end of the last day counted (UTC, exclusive), null when no until was given' }),
    widened: z
      .boolean()
      .meta({ description: 'true when since or until was a time inside a day: the whole UTC day is counted, so the period is wider than asked' }),
  })
  .meta({ description: 'verdicts are per UTC day: the period counted, since/until moved out to whole days' });
const params = z.record(z.string(), z.number()).meta({ description: 'the thresholds the verdicts used' });

export const ThrottleDaySchema = z
  .object({
    cc: z.string(),
    asn: z.string().meta({ example: 'AS12389' }),
    as_name: z.string().nullable(),
    day: z.string().meta({ example: '2021-03-13' }),
    target: z
      .string()
      .nullable()
      .meta({ description: "what the tests measured (the dataset's target_host; null when the dataset names none): tests of two targets are never pooled" }),
    tests_read: z.number().meta({ description: 'tests read that day, counted or not' }),
    n: z.number().meta({ description: 'tests that count (control reached 1 Mbps)' }),
    share_throttled: z.number().nullable(),
    median_target_kbps: z.number().nullable(),
    median_control_kbps: z.number().nullable(),
    verdict,
  })
  .meta({ id: 'ThrottleDay' });

export const SpeedTestSummarySchema = z
  .object({ items: z.array(ThrottleDaySchema), window, method: z.string(), params, sources: z.array(DataSourceSchema), data_vintage: vintage })
  .meta({ id: 'SpeedTestSummary' });

export const ThroughputDaySchema = ThrottleDaySchema.extend({
  asn: z.string().meta({ example: 'AS8359' }),
  target: z.string().meta({ example: 'abs.twimg.com' }),
  tests_read: z.number().meta({ description: 'measurements paired with their session, counted or not' }),
  n: z.number().meta({ description: 'measurements paired with their session whose control reached 1 Mbps' }),
  median_tls_handshake_ms: z.number().nullable(),
  median_control_tls_handshake_ms: z.number().nullable(),
}).meta({ id: 'ThroughputDay' });

export const ThroughputSummarySchema = z
  .object({
    items: z.array(ThroughputDaySchema),
    window,
    input: z.literal('ooni_network_events'),
    measurements_with_network_events: count,
    paired: count,
    excluded: z
      .object({ no_throughput: count, too_few_bytes: count, no_control: count })
      .meta({ description: 'measurements left out of the pairing, by reason: measurements_with_network_events = paired + their sum' }),
    with_bad_events: count.meta({
      description: 'measurements with at least one bad network event, paired or left out (the rest of their events still timed); counted apart from excluded',
    }),
    bad_events: z
      .record(z.string(), count)
      .meta({ description: 'network events that could not be used, by reason (missing_num_bytes, negative_num_bytes, missing_t, non_monotonic_t, ...)' }),
    files_not_extracted: count.meta({ description: 'ingested files whose network_events were not read yet (splinternet throughput extract)' }),
    method: z.string(),
    params,
    sources: z.array(DataSourceSchema),
    data_vintage: vintage,
  })
  .meta({ id: 'ThroughputSummary' });

export const EmitReportSchema = z.object({
  created: count,
  existing: count,
  existing_by_status: z.record(z.string(), count).meta({ description: 'existing events by status: draft, active (confirmed), dismissed, retracted' }),
  ids: z.array(z.string()),
  same_outage: z
    .array(z.object({ id: z.string(), event_id: z.string(), status: z.string() }))
    .meta({ description: 'detections not created: the same finding (kind, input, country, network or target, overlapping period) is already event event_id' }),
  skipped: z.array(z.object({ id: z.string(), reason: z.string() })).meta({ description: 'detections the ledger cannot hold as events' }),
  ended: z.array(z.object({ id: z.string(), end: z.string() })).meta({
    description: "drafts emitted while their outage was ongoing, given the end the data now shows (a new revision of the same draft, action 'detector-update')",
  }),
  end_not_applied: z.array(z.object({ id: z.string(), event_id: z.string(), status: z.string(), end: z.string(), reason: z.string() })).meta({
    description: 'events ongoing in the ledger whose detection now has an end, not changed because a person edited or confirmed them: the end to set by hand',
  }),
});

/**
 * What the detectors found: one document for `splinternet detect --json` (detect.run) and GET
 * /api/detections (detections.list), the query as read and what --emit did included (null
 * without it: only detect.run with emit creates drafts).
 */
export const DetectionListSchema = z
  .object({
    items: z.array(DetectionSchema),
    series: z.array(SeriesReportSchema).meta({ description: 'every series looked at: what it found, or why its data was insufficient' }),
    kinds: z.array(z.enum(DETECTION_KINDS)),
    methods: z.record(z.string(), z.string()),
    params: z.record(z.string(), z.record(z.string(), z.unknown())).meta({ description: 'the detector parameters used, per kind' }),
    emitted: EmitReportSchema.nullable().meta({
      description: 'the drafts `detect --emit` created or found in the ledger; null when none were asked for (always, on GET /api/detections)',
    }),
    query: z.record(z.string(), z.unknown()).meta({ description: 'the query as read: the filters given, normalised (country in upper case)' }),
  })
  .meta({ id: 'DetectionList' });

/** `splinternet detect --json` answers the document GET /api/detections does. */
export const DetectReportSchema = DetectionListSchema;
