/**
 * Outage-signal operations: import IODA-style series (scope import), list stored series and
 * points (public reads, also GET /api/signals/series and /api/signals/points: the evidence
 * behind outage detections), and the rejects of earlier imports.
 */
import { basename, isAbsolute } from 'node:path';
import { z } from 'zod';
import { check, defineOp, report } from '../op/index.js';
import type { RejectRecord, SignalFilter } from '../store/index.js';
import { importSignals, SIGNALS_IMPORT_KIND, type SignalImportReport } from './import.js';

const Filters = z.object({
  cc: check.probeCountryCode.optional(),
  asn: check.asn.optional(),
  // the importer takes the same codes (subdivision codes are renumbered over time, old series keep old codes)
  region: check.regionForm.optional().meta({ description: 'region entity (ISO 3166-2), e.g. IR-07: the evidence of a region outage' }),
  source: z.string().max(64).optional().meta({ description: 'data source, e.g. darknet, active_probing, ooni_measurements' }),
  since: check.instant.optional().meta({ description: 'from this instant (inclusive)' }),
  until: check.instant.optional().meta({ description: 'before this instant (exclusive)' }),
});

const filterOf = (q: z.output<typeof Filters>): SignalFilter => ({
  cc: q.cc,
  source: q.source,
  since: q.since,
  until: q.until,
  ...(q.asn ? { entity_type: 'asn' as const, entity_code: `AS${Number(q.asn.replace(/^AS/i, ''))}` } : {}),
  ...(q.region && !q.asn ? { entity_type: 'region' as const, entity_code: q.region } : {}),
});

/** A source file as the public reads name it: a path on the server by its file name (the server's folders stay private). */
const publicName = (path: string): string => (isAbsolute(path) ? basename(path) : path);

const Point = z.object({
  source: z.string(),
  entity_type: z.enum(['country', 'region', 'asn']),
  entity_code: z.string(),
  t: z.string(),
  value: z.number().nullable(),
  cc: z.string().nullable(),
  entity_name: z.string().nullable(),
  source_file: z.string(),
  line: z.number(),
});
const File = z.object({ path: z.string(), checksum: z.string(), records_read: z.number(), stored: z.number(), rejected: z.number(), imported_at: z.string() });
const Series = z.object({
  source: z.string(),
  entity_type: z.enum(['country', 'region', 'asn']),
  entity_code: z.string(),
  cc: z.string().nullable(),
  entity_name: z.string().nullable(),
  points: z.number(),
  missing: z.number(),
  first: z.string(),
  last: z.string(),
});

export const signalsImport = defineOp({
  name: 'signals.import',
  summary: 'Import outage signal series (IODA-style CSV or JSON; OONI counts with source): idempotent, rejects kept with line and reason',
  write: true,
  scope: 'import',
  files: (i) => i.paths,
  localPaths: ['paths'],
  upload: 'paths',
  input: z.object({
    paths: z.array(z.string().min(1)).min(1),
    source: z.string().min(1).max(64).optional(),
    cc: check.probeCountryCode.optional(),
    ooni_counts: z.enum(['day', 'hour']).optional().meta({
      description:
        "the files are OONI measurement counts per network at this grain: a network's silent bins (measured in the 7 days before) are stored as 0; a bin whose record was rejected stays empty (counted in unfilled)",
    }),
  }),
  output: report<SignalImportReport>('per file and in total: records read + zeros added = stored + rejected, rejects with file and line'),
  run: (ctx, { paths, source, cc, ooni_counts }) => importSignals(ctx, paths, { source, cc, ...(ooni_counts ? { ooniCounts: ooni_counts } : {}) }),
});

export const signalsSeries = defineOp({
  name: 'signals.list',
  summary: 'Stored signal series per (source, entity): points, missing samples, first and last time',
  write: false,
  input: Filters,
  output: z.object({ items: z.array(Series), files: z.array(File) }),
  rows: { key: 'items' },
  http: { method: 'get', path: '/api/signals/series', tag: 'detect', description: 'Series and the files they came from' },
  run: async (ctx, f) => ({
    items: await ctx.store.signals.series(filterOf(f)),
    files: (await ctx.store.signals.listFiles()).map((file) => ({ ...file, path: publicName(file.path) })),
  }),
});

export const signalsPoints = defineOp({
  name: 'signals.points',
  summary: 'Stored signal points (value null = missing sample), each with the file and line it came from: the evidence behind outage detections',
  write: false,
  input: Filters.extend({ limit: check.limit(100_000).default(10_000) }),
  output: z.object({ total: z.number(), items: z.array(Point) }),
  rows: { key: 'items' },
  http: { method: 'get', path: '/api/signals/points', tag: 'detect', description: 'Points ordered by series and time' },
  run: async (ctx, f) => {
    const items = await ctx.store.signals.points(filterOf(f));
    return { total: items.length, items: items.slice(0, f.limit).map((p) => ({ ...p, source_file: publicName(p.source_file) })) };
  },
});

/** A kept reject as answers show it, keys in snake_case as every other answer's. */
interface SignalReject {
  import_kind: string;
  source_file: string;
  line: number;
  reason: string;
  raw: string | null;
}
const shownReject = (r: RejectRecord): SignalReject => ({ import_kind: r.importKind, source_file: r.sourceFile, line: r.line, reason: r.reason, raw: r.raw });

export const signalsRejects = defineOp({
  name: 'signals.rejects',
  summary: 'Rejected signal records of earlier imports, with file, line and reason',
  write: false,
  scope: 'read',
  // the stored file names are absolute: a relative --file names the caller's file
  localPaths: ['file'],
  input: z.object({ file: z.string().optional(), limit: check.limit(100_000).default(200) }),
  output: report<{ total: number; items: SignalReject[] }>('rejects with file, line and reason'),
  rows: { key: 'items', columns: ['import_kind', 'source_file', 'line', 'reason', 'raw'] },
  // `file` is the stored path, or when no file is stored under it, the file name an answer shows
  // for a path the caller cannot see (an upload, a file outside its import folders)
  run: async (ctx, { file, limit }) => {
    let all = await ctx.store.ledger.listRejects(SIGNALS_IMPORT_KIND, file);
    if (file !== undefined && all.length === 0)
      all = (await ctx.store.ledger.listRejects(SIGNALS_IMPORT_KIND)).filter((r) => basename(r.sourceFile) === basename(file));
    return { total: all.length, items: all.slice(0, limit).map(shownReject) };
  },
});

export const signalsOps = [signalsImport, signalsSeries, signalsPoints, signalsRejects];
