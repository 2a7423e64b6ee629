/**
 * Detection ops: speed-test import and summary, OONI network_events throughput extraction and
 * summary, and the detector run (with --emit, drafts). The CLI's `speedtests`, `throughput` and
 * `detect` commands run these in-process or through the server.
 */
import { z } from 'zod';
import { DETECTION_KINDS, THROTTLE_INPUTS, detect, importSpeedTests, speedTestSummary, throughputSummary } from '../../detect/index.js';
import { extractThroughput } from '../../measure/index.js';
import { defineOp } from './types.js';

export const detectFilterSchema = z.object({
  cc: z.string().regex(/^[A-Za-z]{2}$/, 'ISO 3166-1 alpha-2, e.g. RU').optional(),
  asn: z.string().regex(/^(AS)?\d{1,10}$/i, 'an ASN like AS12389 or 12389').optional(),
  since: z.string().optional(),
  until: z.string().optional(),
});

export const detectQuerySchema = detectFilterSchema.extend({
  target: z.string().min(1).optional(),
  kind: z.enum(DETECTION_KINDS).optional(),
  input: z.enum(THROTTLE_INPUTS).optional(),
});

export const detectOps = [
  defineOp({
    name: 'speedtests.import',
    summary: 'Import a crowdsourced speed-test dataset (folder of CSVs or one CSV) with its source and licence',
    write: true,
    input: z.object({ path: z.string().min(1) }),
    run: (ctx, { path }) => importSpeedTests(ctx, path),
  }),
  defineOp({
    name: 'speedtests.summary',
    summary: 'Throttling verdict per (country, network, day) from the speed tests',
    write: false,
    input: detectFilterSchema,
    run: (ctx, f) => speedTestSummary(ctx.store, f),
  }),
  defineOp({
    name: 'throughput.extract',
    summary: 'Read OONI test_keys.network_events of ingested files: per-measurement throughput and TLS handshake time (bad events counted)',
    write: true,
    input: z.object({ force: z.boolean().default(false) }),
    run: (ctx, { force }) => extractThroughput(ctx, { force }),
  }),
  defineOp({
    name: 'throughput.rejects',
    summary: 'Stored bad network events (file, line, measurement, index in network_events, reason) and extraction counts',
    write: false,
    input: z.object({ limit: z.number().int().min(1).max(10000).default(100) }),
    run: async (ctx, { limit }) => ({ counts: await ctx.store.throughput.counts(), items: await ctx.store.throughput.rejects({ limit }) }),
  }),
  defineOp({
    name: 'throughput.summary',
    summary: 'Throttling verdict per (country, network, target, day) from OONI network_events throughput',
    write: false,
    input: detectFilterSchema.extend({ target: z.string().min(1).optional() }),
    run: (ctx, f) => throughputSummary(ctx.store, f),
  }),
  defineOp({
    name: 'detect.run',
    summary: 'Run the block, throttling and shutdown detectors; with emit, create draft ledger events',
    write: true,
    input: detectQuerySchema.extend({
      emit: z.boolean().default(false),
      params: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
    }),
    run: (ctx, { emit, params, ...q }) => detect(ctx, q, { emit, params }),
  }),
];
