/**
 * Measurement operations: ingest, queries, exports, the rule set, rescoring, agreement with
 * OONI's flags, the ingest manifest, evidence links and fingerprints. The CLI's `ingest`,
 * `measurements` and `fingerprints` commands and GET /api/measurements*, /api/networks are
 * these ops. Paths are absolute and read by the process that runs the op (the CLI spools
 * stdin to a file first).
 */
import { basename } from 'node:path';
import { z } from 'zod';
import { check, defineOp, report } from '../op/index.js';
import { AppError, utcSeconds } from '../shared/index.js';
import { agreementFromFiles, agreementFromStore } from './agreement.js';
import { linkMeasurementQuery } from './evidence.js';
import { exportMeasurements, MEASUREMENT_EXPORT_FORMATS, MEASUREMENT_TABLE } from './export.js';
import { importFingerprintFile } from './fingerprints/index.js';
import { DEFAULT_MAX_LINE_BYTES, ingest } from './ingest.js';
import { STATUSES } from './model.js';
import { extractThroughput } from './netevents/index.js';
import { listMeasurements, listNetworks, measurementSummary, showMeasurement } from './query.js';
import { rescoreMeasurements } from './rescore.js';
import { ooniTestName } from './test-names.js';
import { MeasurementListSchema, MeasurementSchema, MeasurementSummarySchema, NetworkListSchema, RulesSchema } from './schemas.js';
import { RULES, RULES_VERSION } from './verdict/index.js';

type Result<F extends (...a: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/** The filters of summary, list, export, agreement, rescore and links. */
export const MeasurementFilters = z.object({
  cc: check.probeCountryCode.optional().meta({ description: 'probe_cc: ISO 3166-1 alpha-2, or XK, ZZ as OONI reports them', example: 'RU' }),
  asn: check.asn.optional().meta({ description: 'probe_asn', example: 'AS12389' }),
  test_name: ooniTestName.optional(),
  target: check.target(z.string()).optional().meta({
    description: 'domain or app (telegram, signal, whatsapp, facebook_messenger, tor); a domain in Unicode or with www. finds its stored form',
    example: 'telegram',
  }),
  since: check.since.optional(),
  until: check.until.optional(),
});

const ListQuery = MeasurementFilters.extend({ status: z.enum(STATUSES).optional(), limit: check.limit(10000).optional(), cursor: check.cursor.optional() });

/** The list filters the exports take (no paging). */
export const MeasurementExportQuery = ListQuery.omit({ limit: true, cursor: true });

/** A range bound as the inclusive "YYYY-MM-DD HH:MM:SS" (UTC) the ingest filters compare start times with. */
const secondOf = (v: string | undefined, end: boolean) => {
  const d = check.boundOf(v, end);
  return d && utcSeconds(d);
};

const ingestThroughput = async (ctx: Parameters<typeof extractThroughput>[0]) => {
  const t = await extractThroughput(ctx);
  return {
    files: t.files,
    with_events: t.with_events,
    with_throughput: t.with_throughput,
    bad_events: t.bad_events,
    bad_by_reason: t.bad_by_reason,
    reconciliation: t.reconciliation,
    // the first 20 bad events this extraction found, and the files it could not read
    rejects: t.rejects.slice(0, 20),
    failed: t.per_file.filter((f) => f.error).map((f) => ({ path: f.path, error: f.error })),
  };
};

const lineCapBounds = (iss: { input?: unknown }) => `must be a whole number from 1024 to ${DEFAULT_MAX_LINE_BYTES} (the default cap), got ${String(iss.input)}`;
/** The line cap of one ingest: it may be lowered, never raised past the default (a caller cannot make the server hold a larger line). */
const maxLineBytes = check
  .number((n) => n.int({ error: lineCapBounds }).min(1024, { error: lineCapBounds }).max(DEFAULT_MAX_LINE_BYTES, { error: lineCapBounds }))
  .optional()
  .meta({ description: `reject lines longer than this many bytes (1024 to ${DEFAULT_MAX_LINE_BYTES}, the default)` });

export const measurementsIngest = defineOp({
  name: 'measurements.ingest',
  summary: 'Ingest OONI JSONL / JSONL.gz files or bucket-layout directories',
  write: true,
  scope: 'import',
  files: (i) => i.paths,
  localPaths: ['paths'],
  upload: 'paths',
  input: z.object({
    paths: z.array(z.string()).min(1),
    workers: z.number().int().min(0).max(256).optional(),
    engine: z.enum(['js', 'duckdb']).optional(),
    since: check.since.optional(),
    until: check.until.optional(),
    cc: z.array(check.probeCountryCode).optional(),
    test_name: z.array(ooniTestName).optional(),
    force: z.boolean().optional(),
    max_line_bytes: maxLineBytes,
  }),
  output: report<Result<typeof ingest> & { throughput: Result<typeof ingestThroughput> }>(
    'files, lines read = stored + duplicates + rejected, rejects, and the network_events extraction that follows',
  ),
  // Then read the new files' network_events (throttling input b); its counts ride along.
  run: async (ctx, input) => ({
    ...(await ingest(ctx, { ...input, since: secondOf(input.since, false), until: secondOf(input.until, true) })),
    throughput: await ingestThroughput(ctx),
  }),
});

export const measurementsSummary = defineOp({
  name: 'measurements.summary',
  summary: 'Aggregated cells and per-target totals',
  write: false,
  input: MeasurementFilters.extend({ grain: z.enum(['day', 'hour']).optional() }),
  output: MeasurementSummarySchema,
  http: { method: 'get', path: '/api/measurements/summary', tag: 'measurements', description: 'Summary' },
  run: (ctx, q) => measurementSummary(ctx, q),
});

export const measurementsList = defineOp({
  name: 'measurements.list',
  summary: 'One row per measurement, newest first',
  write: false,
  input: ListQuery,
  output: MeasurementListSchema,
  rows: { key: 'items', carry: ['source'], export: 'measurements.export', table: MEASUREMENT_TABLE },
  http: { method: 'get', path: '/api/measurements', tag: 'measurements', description: 'A page' },
  run: (ctx, q) => listMeasurements(ctx, q),
});

export const measurementsRules = defineOp({
  name: 'measurements.rules',
  summary: 'The verdict rules (id, version, layer, status, doc)',
  write: false,
  input: z.object({}),
  output: RulesSchema,
  rows: { key: 'items', carry: ['rules_version'] },
  http: { method: 'get', path: '/api/measurements/rules', tag: 'measurements', description: 'Rules' },
  run: () => Promise.resolve({ rules_version: RULES_VERSION, items: RULES.map((r) => ({ ...r })) }),
});

/**
 * One measurement, the same document for `splinternet measurements show --json` and GET
 * /api/measurements/{id}: the source file by name only (its path is where this machine or the
 * server keeps it, an internal detail; so is the path inside an unavailability message).
 * `measurements files` lists each ingested file with its path.
 */
export const measurementsGet = defineOp({
  name: 'measurements.get',
  summary: 'One measurement: flags, verdict, evidence, raw',
  write: false,
  input: z.object({ id: z.string() }),
  output: MeasurementSchema,
  http: { method: 'get', path: '/api/measurements/{id}', tag: 'measurements', description: 'The measurement', errors: { 404: 'No such measurement' } },
  run: async (ctx, { id }) => {
    const { path, ...rest } = await showMeasurement(ctx, id);
    const file = path ? basename(path) : null;
    return { ...rest, file, raw_error: path && rest.raw_error ? rest.raw_error.split(path).join(file ?? '') : rest.raw_error };
  },
});

export const measurementsNetworks = defineOp({
  name: 'measurements.networks',
  summary: 'Networks (ASNs) with names and measurement counts',
  write: false,
  input: z.object({ cc: check.probeCountryCode.optional() }),
  output: NetworkListSchema,
  rows: { key: 'items', carry: ['source'] },
  http: { method: 'get', path: '/api/networks', tag: 'measurements', description: 'Networks' },
  run: (ctx, q) => listNetworks(ctx, q),
});

export const measurementsExport = defineOp({
  name: 'measurements.export',
  summary: 'Export list rows as CSV, NDJSON or Parquet (body utf8 or base64)',
  write: false,
  input: MeasurementExportQuery.extend({ format: z.enum(MEASUREMENT_EXPORT_FORMATS) }),
  output: report<{ format: string; body: string; encoding: 'utf8' | 'base64'; count: number }>('the file (utf8 text or base64) and its row count'),
  run: async (ctx, { format, ...q }) => {
    const { body, count } = await exportMeasurements(ctx, q, format);
    return typeof body === 'string'
      ? { format, body, encoding: 'utf8' as const, count }
      : { format, body: body.toString('base64'), encoding: 'base64' as const, count };
  },
});

export const measurementsRescore = defineOp({
  name: 'measurements.rescore',
  summary: 'Re-judge stored measurements with the current rules and fingerprints from their stored rule inputs (source files are not read)',
  write: true,
  scope: 'import',
  input: MeasurementFilters.extend({ batch_size: z.number().int().min(1).max(100000).optional() }),
  output: report<Result<typeof rescoreMeasurements>>('measurements read = rescored + unchanged + needing re-ingest, verdict changes'),
  run: (ctx, q) => rescoreMeasurements(ctx, q),
});

export const measurementsAgreement = defineOp({
  name: 'measurements.agreement',
  summary: "Our verdicts vs the probe's own analysis and OONI's anomaly flag, with every disagreement's rules",
  write: false,
  input: MeasurementFilters,
  output: report<Result<typeof agreementFromStore>>('agreement counts and every disagreement with its rules'),
  run: (ctx, q) => agreementFromStore(ctx, q),
});

export const measurementsAgreementFiles = defineOp({
  name: 'measurements.agreement_files',
  summary: 'Agreement over JSONL / JSONL.gz files scored in memory (nothing stored)',
  // reads files where the server runs: the import scope and the import folders, like ingest
  write: false,
  scope: 'import',
  files: (i) => i.paths,
  localPaths: ['paths'],
  input: z.object({ paths: z.array(z.string()).min(1) }),
  output: report<Result<typeof agreementFromFiles>>('agreement counts and every disagreement with its rules'),
  run: (ctx, { paths }) => agreementFromFiles(ctx, paths),
});

const manifest = async (ctx: Parameters<typeof measurementsList.run>[0], limit: number, rejects: boolean, file_id?: string) => {
  // an id no ingest gave is NOT_FOUND naming it, not an empty list of its rejects
  if (file_id !== undefined && !(await ctx.store.measure.getFile(file_id)))
    throw new AppError('NOT_FOUND', `no ingested file with id "${file_id}" (measurements files lists them)`, { details: { file_id } });
  return manifestOf(ctx, limit, rejects, file_id);
};

const manifestOf = async (ctx: Parameters<typeof measurementsList.run>[0], limit: number, rejects: boolean, file_id?: string) => ({
  files: await ctx.store.measure.listFiles(limit),
  rejects: rejects ? await ctx.store.measure.rejects({ file_id, limit }) : undefined,
  counts: await ctx.store.measure.counts(),
});

export const measurementsFiles = defineOp({
  name: 'measurements.files',
  scope: 'read',
  summary: 'The ingest manifest and rejects',
  write: false,
  input: z.object({ limit: check.limit(10000).optional(), rejects: z.boolean().optional(), file_id: z.string().optional() }),
  output: report<Result<typeof manifest>>('ingested files, rejects with file, line and reason, counts'),
  run: (ctx, { limit, rejects, file_id }) => manifest(ctx, limit ?? 100, rejects === true, file_id),
});

export const measurementsLink = defineOp({
  name: 'measurements.link',
  summary: 'Link a ledger event to a saved measurement query',
  write: true,
  input: MeasurementFilters.extend({ event_id: z.string(), label: z.string().optional(), note: z.string().optional() }),
  output: report<Result<typeof linkMeasurementQuery>>('the evidence link'),
  run: (ctx, { event_id, ...q }) => linkMeasurementQuery(ctx, event_id, q),
});

export const fingerprintsImport = defineOp({
  name: 'fingerprints.import',
  summary: 'Replace one fingerprint set from an OONI CSV/JSON or Censored Planet JSONL file',
  write: true,
  scope: 'import',
  files: (i) => [i.file],
  localPaths: ['file'],
  upload: 'file',
  input: z.object({ file: z.string(), source: z.string().optional(), kind: z.enum(['cp_blockpage', 'cp_false_positive']).optional() }),
  output: report<Result<typeof importFingerprintFile>>('the set replaced, fingerprints stored and rejects'),
  run: (ctx, { file, source, kind }) => importFingerprintFile(ctx, file, { source, kind }),
});

const fingerprintSets = async (ctx: Parameters<typeof measurementsList.run>[0]) => ({ items: await ctx.store.measure.fingerprintSources() });

export const fingerprintsList = defineOp({
  name: 'fingerprints.list',
  summary: 'Fingerprint sets in use',
  write: false,
  input: z.object({}),
  output: report<Result<typeof fingerprintSets>>('fingerprint sets with source, kind and counts'),
  run: (ctx) => fingerprintSets(ctx),
});

// The literal /api/measurements/* paths come before /api/measurements/{id}.
export const measureOps = [
  measurementsIngest,
  measurementsSummary,
  measurementsList,
  measurementsRules,
  measurementsGet,
  measurementsNetworks,
  measurementsExport,
  measurementsRescore,
  measurementsAgreement,
  measurementsAgreementFiles,
  measurementsFiles,
  measurementsLink,
  fingerprintsImport,
  fingerprintsList,
];
