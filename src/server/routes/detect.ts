/**
 * Detection API: GET /api/detections (the detectors over the store, same filters as the CLI),
 * GET /api/speedtests/summary (throttling per network and day), GET /api/throughput/summary
 * (the same from OONI network_events, per target), and the human review of drafts:
 * POST /api/events/{id}/confirm and /dismiss (token and reason required; the write guard on
 * /api/events/* in app.ts checks the token before the body is read).
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { DETECTION_INPUTS, DETECTION_KINDS, THROTTLE_INPUTS, detect, speedTestSummary, throughputSummary } from '../../detect/index.js';
import { setStatus } from '../../ledger/index.js';
import { silentProgress } from '../../shared/index.js';
import type { AppDeps } from '../deps.js';
import { bearerSecurity, json, newRouter, problem } from '../openapi.js';
import { jsonBody } from '../validate.js';

const Filters = z.object({
  cc: z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2, e.g. RU').optional(),
  asn: z.string().regex(/^(AS)?\d{1,10}$/i, 'an ASN like AS12389 or 12389').optional().openapi({ description: 'one network: network-level detections (no corroboration needed)' }),
  since: z.string().optional().openapi({ description: 'YYYY[-MM[-DD]] or ISO instant' }),
  until: z.string().optional().openapi({ description: 'YYYY[-MM[-DD]] or ISO instant, inclusive' }),
});

const DetectionsQuery = Filters.extend({
  target: z.string().min(1).optional().openapi({ description: 'one target (domain or app): block detector and the OONI throttling input' }),
  kind: z.enum(DETECTION_KINDS).optional(),
  input: z.enum(THROTTLE_INPUTS).optional().openapi({ description: 'throttling only: one input (default both)' }),
});

const DetectionSchema = z
  .object({
    id: z.string().openapi({ description: 'deterministic; also the id of its draft ledger event' }),
    kind: z.enum(DETECTION_KINDS),
    input: z.enum(DETECTION_INPUTS).openapi({ description: 'the data the detection stands on: ooni_verdicts (block), ooni_volume (shutdown), speedtests or ooni_network_events (throttling)' }),
    scope: z.enum(['country', 'network']),
    probe_cc: z.string(),
    probe_asn: z.string().nullable(),
    networks: z.array(z.string()),
    target: z.string().nullable(),
    layer: z.string().nullable(),
    start: z.string(),
    end: z.string().nullable().openapi({ description: 'null = still in state when the data ends' }),
    start_censored: z.boolean(),
    data_until: z.string(),
    strength: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    summary: z.string(),
    evidence_query: z.object({ api: z.string(), cli: z.string(), params: z.record(z.string(), z.string()) }),
    per_network: z.array(z.record(z.string(), z.unknown())),
    method: z.string(),
    sources: z.array(z.object({ name: z.string(), url: z.string().nullable(), licence: z.string(), attribution: z.string().nullable().optional() })),
    draft: z.object({ id: z.string(), status: z.string(), revision: z.number() }).nullable(),
  })
  .openapi('Detection');

const SeriesSchema = z
  .object({
    kind: z.enum(DETECTION_KINDS),
    input: z.enum(DETECTION_INPUTS).optional(),
    probe_cc: z.string().nullable(),
    probe_asn: z.string().nullable(),
    as_name: z.string().nullable().optional(),
    target: z.string().nullable(),
    layer: z.string().nullable(),
    status: z.enum(['ok', 'insufficient']),
    reason: z.string().nullable(),
    state: z.string().nullable(),
    changes: z.array(z.record(z.string(), z.unknown())),
    figures: z.record(z.string(), z.unknown()),
  })
  .openapi('DetectionSeries');

const DetectionList = z
  .object({
    items: z.array(DetectionSchema),
    series: z.array(SeriesSchema).openapi({ description: 'every series looked at: what it found, or why its data was insufficient' }),
    kinds: z.array(z.enum(DETECTION_KINDS)),
    methods: z.record(z.string(), z.string()),
    params: z.record(z.string(), z.unknown()),
  })
  .openapi('DetectionList');

const ThrottleDaySchema = z
  .object({
    cc: z.string(),
    asn: z.string().openapi({ example: 'AS12389' }),
    as_name: z.string().nullable(),
    day: z.string().openapi({ example: '2021-03-13' }),
    n: z.number().openapi({ description: 'tests that count (control reached 1 Mbps)' }),
    share_throttled: z.number().nullable(),
    median_target_kbps: z.number().nullable(),
    median_control_kbps: z.number().nullable(),
    verdict: z.enum(['throttled', 'not_throttled', 'insufficient']),
  })
  .openapi('ThrottleDay');

const SpeedTestSummarySchema = z
  .object({
    items: z.array(ThrottleDaySchema),
    method: z.string(),
    params: z.record(z.string(), z.number()),
    sources: z.array(z.object({ name: z.string(), url: z.string().nullable(), licence: z.string(), attribution: z.string().nullable().optional() })),
    data_vintage: z.object({ first_day: z.string().nullable(), last_day: z.string().nullable() }),
  })
  .openapi('SpeedTestSummary');

const ThroughputDaySchema = z
  .object({
    cc: z.string(),
    asn: z.string().openapi({ example: 'AS8359' }),
    as_name: z.string().nullable(),
    target: z.string().openapi({ example: 'abs.twimg.com' }),
    day: z.string(),
    n: z.number().openapi({ description: 'measurements paired with their session whose control reached 1 Mbps' }),
    share_throttled: z.number().nullable(),
    median_target_kbps: z.number().nullable(),
    median_control_kbps: z.number().nullable(),
    verdict: z.enum(['throttled', 'not_throttled', 'insufficient']),
    median_tls_handshake_ms: z.number().nullable(),
    median_control_tls_handshake_ms: z.number().nullable(),
  })
  .openapi('ThroughputDay');

const count = z.number().int();
const ThroughputSummarySchema = z
  .object({
    items: z.array(ThroughputDaySchema),
    input: z.literal('ooni_network_events'),
    measurements_with_network_events: count,
    paired: count,
    excluded: z.object({ no_throughput: count, too_few_bytes: count, no_control: count, with_bad_events: count }).openapi({ description: 'measurements left out of the pairing, by reason' }),
    bad_events: z.record(z.string(), count).openapi({ description: 'network events that could not be used, by reason (missing_num_bytes, negative_num_bytes, missing_t, non_monotonic_t, ...)' }),
    files_not_extracted: count.openapi({ description: 'ingested files whose network_events were not read yet (splinternet throughput extract)' }),
    method: z.string(),
    params: z.record(z.string(), z.number()),
    sources: z.array(z.object({ name: z.string(), url: z.string().nullable(), licence: z.string(), attribution: z.string().nullable().optional() })),
    data_vintage: z.object({ first_day: z.string().nullable(), last_day: z.string().nullable() }),
  })
  .openapi('ThroughputSummary');

const EventSchema = z.record(z.string(), z.unknown());
const idParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'det-throttling-ru-all-2021031300-1a2b3c4d' }) });

export function detectRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/detections',
      tags: ['detect'],
      summary: 'Run the detectors (block, throttling, shutdown) over the store; never creates drafts',
      request: { query: DetectionsQuery },
      responses: { 200: json(DetectionList, 'Detections, with the ledger status of their drafts, and every series judged'), 400: problem('Bad filter') },
    }),
    async (c) => {
      const { items, series, kinds, methods, params } = await detect({ ...deps, progress: silentProgress, actor: 'api' }, c.req.valid('query'));
      return c.json({ items, series, kinds, methods, params: params as unknown as Record<string, unknown> }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/speedtests/summary',
      tags: ['detect'],
      summary: 'Throttling per (country, network, day) from crowdsourced speed tests',
      request: { query: Filters },
      responses: { 200: json(SpeedTestSummarySchema, 'One item per (cc, asn, day)'), 400: problem('Bad filter') },
    }),
    async (c) => {
      const s = await speedTestSummary(deps.store, c.req.valid('query'));
      return c.json({ ...s, params: s.params as unknown as Record<string, number> }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/throughput/summary',
      tags: ['detect'],
      summary: 'Throttling per (country, network, target, day) from OONI network_events throughput, each measurement paired with its session',
      request: { query: Filters.extend({ target: z.string().min(1).optional().openapi({ description: 'one target, e.g. abs.twimg.com' }) }) },
      responses: { 200: json(ThroughputSummarySchema, 'One item per (cc, asn, target, day), with what was left out and why'), 400: problem('Bad filter') },
    }),
    async (c) => {
      const s = await throughputSummary(deps.store, c.req.valid('query'));
      return c.json({ ...s, params: s.params as unknown as Record<string, number> }, 200);
    },
  );

  for (const action of ['confirm', 'dismiss'] as const) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `/api/events/{id}/${action}`,
        tags: ['detect'],
        summary: action === 'confirm' ? 'Confirm a draft event: it becomes active and shows in default views (token and reason required)' : 'Dismiss a draft event (token and reason required)',
        security: bearerSecurity,
        request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ reason: z.string().min(3) }) } }, required: true } },
        responses: {
          200: json(EventSchema, action === 'confirm' ? 'Confirmed (status active)' : 'Dismissed'),
          400: problem('No reason'),
          401: problem('No token'),
          403: problem('Bad token'),
          404: problem('No such event'),
          409: problem('Not a draft'),
        },
      }),
      async (c) => {
        const body = (await jsonBody(c)) as { reason?: unknown };
        const reason = typeof body?.reason === 'string' ? body.reason : '';
        return c.json(await setStatus(deps, c.req.valid('param').id, action, { actor: c.get('actor'), reason }), 200);
      },
    );
  }
  return r;
}
