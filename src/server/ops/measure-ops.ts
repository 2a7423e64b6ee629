/**
 * Measurement ops: ingest, queries, exports, fingerprints and evidence links. The CLI runs them
 * in-process or, while `serve` holds the database, through POST /api/_ops/:name. Paths are
 * absolute and read by the process that runs the op (the CLI spools stdin to a file first).
 */
import { z } from 'zod';
import {
  agreementFromFiles,
  agreementFromStore,
  exportMeasurements,
  extractThroughput,
  importFingerprintFile,
  ingest,
  linkMeasurementQuery,
  listMeasurements,
  listNetworks,
  measurementSummary,
  rescoreMeasurements,
  showMeasurement,
  MEASUREMENT_EXPORT_FORMATS,
  RULES,
  RULES_VERSION,
  STATUSES,
} from '../../measure/index.js';
import { defineOp } from './types.js';

export const measurementFiltersSchema = z.object({
  cc: z.string().optional(),
  asn: z.string().optional(),
  test_name: z.string().optional(),
  target: z.string().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
});

const listSchema = measurementFiltersSchema.extend({ status: z.enum(STATUSES).optional(), limit: z.number().int().min(1).max(10000).optional(), cursor: z.string().optional() });

export const measureOps = [
  defineOp({
    name: 'measurements.ingest',
    summary: 'Ingest OONI JSONL / JSONL.gz files or bucket-layout directories',
    write: true,
    scope: 'import',
    files: (i) => i.paths,
    input: z.object({
      paths: z.array(z.string()).min(1),
      workers: z.number().int().min(0).max(256).optional(),
      engine: z.enum(['js', 'duckdb']).optional(),
      since: z.string().optional(),
      until: z.string().optional(),
      cc: z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO alpha-2, upper case')).optional(),
      test_name: z.array(z.string()).optional(),
      force: z.boolean().optional(),
      max_line_bytes: z.number().int().min(1024).optional(),
    }),
    // Then read the new files' network_events (throttling input b); its counts ride along.
    run: async (ctx, input) => {
      const r = await ingest(ctx, input);
      const t = await extractThroughput(ctx);
      return { ...r, throughput: { files: t.files, with_events: t.with_events, with_throughput: t.with_throughput, bad_events: t.bad_events, bad_by_reason: t.bad_by_reason, reconciliation: t.reconciliation } };
    },
  }),
  defineOp({ name: 'measurements.summary', summary: 'Aggregated cells and per-target totals', write: false, input: measurementFiltersSchema.extend({ grain: z.enum(['day', 'hour']).optional() }), run: (ctx, q) => measurementSummary(ctx, q) }),
  defineOp({ name: 'measurements.list', summary: 'One row per measurement', write: false, input: listSchema, run: (ctx, q) => listMeasurements(ctx, q) }),
  defineOp({ name: 'measurements.show', summary: 'One measurement: verdict, evidence and raw JSON', write: false, input: z.object({ id: z.string() }), run: (ctx, { id }) => showMeasurement(ctx, id) }),
  defineOp({ name: 'measurements.networks', summary: 'Networks (ASNs) with names and counts', write: false, input: z.object({ cc: z.string().optional() }), run: (ctx, q) => listNetworks(ctx, q) }),
  defineOp({
    name: 'measurements.export',
    summary: 'Export list rows as CSV or Parquet (body utf8 or base64)',
    write: false,
    input: listSchema.omit({ limit: true, cursor: true }).extend({ format: z.enum(MEASUREMENT_EXPORT_FORMATS) }),
    run: async (ctx, { format, ...q }) => {
      const { body, count } = await exportMeasurements(ctx, q, format);
      return typeof body === 'string' ? { format, body, encoding: 'utf8' as const, count } : { format, body: body.toString('base64'), encoding: 'base64' as const, count };
    },
  }),
  defineOp({ name: 'measurements.rules', summary: 'The verdict rule set', write: false, input: z.object({}), run: () => Promise.resolve({ rules_version: RULES_VERSION, items: RULES }) }),
  defineOp({
    name: 'measurements.rescore',
    summary: 'Re-judge stored measurements with the current rules and fingerprints from their stored rule inputs (source files are not read)',
    write: true,
    scope: 'import',
    input: measurementFiltersSchema.extend({ batch_size: z.number().int().min(1).max(100000).optional() }),
    run: (ctx, q) => rescoreMeasurements(ctx, q),
  }),
  defineOp({ name: 'measurements.agreement', summary: 'Our verdicts vs the probe\'s own analysis and OONI\'s anomaly flag, with every disagreement\'s rules', write: false, input: measurementFiltersSchema, run: (ctx, q) => agreementFromStore(ctx, q) }),
  defineOp({
    name: 'measurements.agreement_files',
    summary: 'Agreement over JSONL / JSONL.gz files scored in memory (nothing stored)',
    // reads files where the server runs: the import scope and the import folders, like ingest
    write: true,
    scope: 'import',
    files: (i) => i.paths,
    input: z.object({ paths: z.array(z.string()).min(1) }),
    run: (ctx, { paths }) => agreementFromFiles(ctx, paths),
  }),
  defineOp({
    name: 'measurements.files',
    scope: 'read',
    summary: 'The ingest manifest and rejects',
    write: false,
    input: z.object({ limit: z.number().int().min(1).max(10000).optional(), rejects: z.boolean().optional(), file_id: z.string().optional() }),
    run: async (ctx, { limit, rejects, file_id }) => ({
      files: await ctx.store.measure.listFiles(limit ?? 100),
      rejects: rejects ? await ctx.store.measure.rejects({ file_id, limit: limit ?? 100 }) : undefined,
      counts: await ctx.store.measure.counts(),
    }),
  }),
  defineOp({
    name: 'measurements.link',
    summary: 'Link a ledger event to a saved measurement query',
    write: true,
    input: measurementFiltersSchema.extend({ event_id: z.string(), label: z.string().optional(), note: z.string().optional() }),
    run: (ctx, { event_id, ...q }) => linkMeasurementQuery(ctx, event_id, q),
  }),
  defineOp({
    name: 'fingerprints.import',
    summary: 'Replace one fingerprint set from an OONI CSV/JSON or Censored Planet JSONL file',
    write: true,
    scope: 'import',
    files: (i) => [i.file],
    input: z.object({ file: z.string(), source: z.string().optional(), kind: z.enum(['cp_blockpage', 'cp_false_positive']).optional() }),
    run: (ctx, { file, source, kind }) => importFingerprintFile(ctx, file, { source, kind }),
  }),
  defineOp({ name: 'fingerprints.list', summary: 'Fingerprint sets in use', write: false, input: z.object({}), run: async (ctx) => ({ items: await ctx.store.measure.fingerprintSources() }) }),
];
