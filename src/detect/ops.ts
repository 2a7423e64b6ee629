/**
 * Detection operations: speed-test import and summary, OONI network_events throughput
 * extraction and summary, the detector run (with emit, drafts) and the detections listing.
 * The CLI's `speedtests`, `throughput` and `detect` commands and the /api/speedtests,
 * /api/throughput and /api/detections routes are these ops.
 */
import { z } from 'zod';
import { extractThroughput, type ThroughputExtractReport } from '../measure/index.js';
import { check, defineOp, report } from '../op/index.js';
import { silentProgress } from '../shared/index.js';
import { DETECTION_INPUTS, DETECTION_KINDS } from './detection.js';
import { detect, detectQueryIssues } from './run.js';
import { DetectReportSchema, DetectionListSchema, SpeedTestSummarySchema, ThroughputSummarySchema } from './schemas.js';
import { importSpeedTests, type SpeedTestImportReport } from './speedtests/import.js';
import { speedTestSummary } from './speedtests/summary.js';
import { throughputSummary } from './throughput-summary.js';

/** Country, network and date range: the filters every detection view takes. */
export const DetectFilters = z.object({
  cc: check.probeCountryCode.optional(),
  asn: check.asn.optional().meta({ description: 'one network: network-level detections (no corroboration needed)' }),
  ...check.dateRange,
});

const target = check.target(z.string().min(1)).meta({ description: 'one target (domain or app), e.g. abs.twimg.com' });
/** A detection query's target: the speed tests (one target per dataset) are then not read. */
const detectTarget = check.target(z.string().min(1)).meta({
  description: 'one target (domain or app), e.g. abs.twimg.com: the block detector and the ooni_network_events throttling input run (not speedtests)',
});

export const DetectQuery = DetectFilters.extend({
  target: detectTarget.optional(),
  kind: z.enum(DETECTION_KINDS).optional(),
  input: z
    .enum(DETECTION_INPUTS)
    .optional()
    .meta({ description: "one input (the `input` each detection names): only the kinds that have it run; with `kind`, that kind's own inputs only" }),
});

export const speedtestsImport = defineOp({
  name: 'speedtests.import',
  summary: 'Import a crowdsourced speed-test dataset (folder of CSVs or one CSV) with its source and licence',
  write: true,
  scope: 'import',
  files: (i) => [i.path],
  localPaths: ['path'],
  upload: 'path',
  input: z.object({ path: z.string().min(1) }),
  output: report<SpeedTestImportReport>('files, lines read = stored + rejected, rejects with file and line'),
  run: (ctx, { path }) => importSpeedTests(ctx, path, ctx.grant.files),
});

export const speedtestsSummary = defineOp({
  name: 'speedtests.summary',
  summary: 'Throttling per (country, network, target, day) from crowdsourced speed tests',
  write: false,
  input: DetectFilters.extend({
    target: z.string().min(1).optional().meta({ description: 'one target: the datasets whose target_host it is, as their dataset.json gives it' }),
  }),
  output: SpeedTestSummarySchema,
  rows: { key: 'items', carry: ['method', 'data_vintage', 'sources'] },
  http: { method: 'get', path: '/api/speedtests/summary', tag: 'detect', description: 'One item per (cc, asn, target, day)' },
  run: async (ctx, f) => {
    const s = await speedTestSummary(ctx.store, f);
    return { ...s, params: { ...s.params } };
  },
});

export const throughputExtract = defineOp({
  name: 'throughput.extract',
  summary: 'Read OONI test_keys.network_events of ingested files: per-measurement throughput and TLS handshake time (bad events counted)',
  write: true,
  scope: 'import',
  input: z.object({ force: z.boolean().default(false) }),
  output: report<ThroughputExtractReport>('files read, measurements with events and throughput, bad events by reason'),
  run: (ctx, { force }) => extractThroughput(ctx, { force }),
});

export const throughputRejects = defineOp({
  name: 'throughput.rejects',
  summary: 'Stored bad network events (file, line, measurement, index in network_events, reason) and extraction counts',
  write: false,
  input: z.object({ limit: check.limit(10000).default(100) }),
  output: z.object({
    counts: z.object({ files: z.number(), rows: z.number(), with_throughput: z.number(), bad_events: z.number(), pending_files: z.number() }),
    items: z.array(
      z.object({
        file_id: z.string(),
        path: z.string().nullable(),
        measurement_id: z.string().nullable(),
        line: z.number(),
        event_index: z.number(),
        operation: z.string().nullable(),
        reason: z.string(),
        detail: z.string().nullable(),
      }),
    ),
  }),
  rows: { key: 'items' },
  run: async (ctx, { limit }) => ({ counts: await ctx.store.throughput.counts(), items: await ctx.store.throughput.rejects({ limit }) }),
});

export const throughputSummaryOp = defineOp({
  name: 'throughput.summary',
  summary: 'Throttling per (country, network, target, day) from OONI network_events throughput, each measurement paired with its session',
  write: false,
  input: DetectFilters.extend({ target: target.optional() }),
  output: ThroughputSummarySchema,
  rows: { key: 'items', carry: ['method', 'data_vintage', 'sources'] },
  http: { method: 'get', path: '/api/throughput/summary', tag: 'detect', description: 'One item per (cc, asn, target, day), with what was left out and why' },
  run: async (ctx, f) => {
    const s = await throughputSummary(ctx.store, f);
    return { ...s, params: { ...s.params } };
  },
});

export const detectRun = defineOp({
  name: 'detect.run',
  summary: 'Run the block, throttling and shutdown detectors; with emit, create draft ledger events',
  write: (i) => i.emit,
  input: DetectQuery.extend({
    emit: z.boolean().default(false),
    params: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  }),
  check: (q) => detectQueryIssues(q, q.params),
  output: DetectReportSchema,
  rows: { key: 'items' },
  run: async (ctx, { emit, params, ...q }) => {
    const r = await detect(ctx, q, { emit, params });
    return { ...r, query: { ...r.query }, params: wireParams(r.params) };
  },
});

export const detectionsList = defineOp({
  name: 'detections.list',
  summary: 'Run the detectors (block, throttling, shutdown) over the store; never creates drafts',
  write: false,
  input: DetectQuery,
  check: (q) => detectQueryIssues(q),
  output: DetectionListSchema,
  rows: { key: 'items' },
  http: { method: 'get', path: '/api/detections', tag: 'detect', description: 'Detections, with the ledger status of their drafts, and every series judged' },
  // the document `detect --json` prints for the same query (detect.run without emit)
  run: async (ctx, q) => {
    const r = await detect({ ...ctx, progress: silentProgress }, q);
    return { ...r, query: { ...r.query }, params: wireParams(r.params) };
  },
});

const wireParams = (p: Record<keyof Awaited<ReturnType<typeof detect>>['params'], object>) =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, { ...v }]));

export const detectOps = [speedtestsImport, speedtestsSummary, throughputExtract, throughputRejects, throughputSummaryOp, detectRun, detectionsList];
