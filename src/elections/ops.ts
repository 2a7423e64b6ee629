/**
 * Election operations: import (scope `import`), the election list, totals, paper versus
 * electronic, and the fingerprints. The CLI's `elections` commands and the /api/elections
 * routes are these ops; reads are bound to GET routes, the import runs through /api/_ops.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { check, defineOp, report, type HttpBinding } from '../op/index.js';
import { electronicComparison } from './electronic.js';
import { fingerprintsFor, integersFor, shpilkinFor } from './fingerprints.js';
import { importElections, type ImportReport } from './import.js';
import { binWidthBounds, SHPILKIN_MAX_BIN_WIDTH, SHPILKIN_MIN_BIN_WIDTH } from './shpilkin.js';
import { ElectionElectronicSchema, ElectionFingerprintsSchema, ElectionSummarySchema } from './schemas.js';
import { electionRejects, electionSummary, listElections } from './summary.js';

const id = z
  .string()
  .regex(/^(duma|president|referendum)-\d{4}$/, 'an election id such as duma-2021, president-2018 or referendum-2020')
  .meta({ description: 'election id', example: 'duma-2021' });
const region = z.string().min(1).max(200).optional().meta({ description: 'region: English, Russian or ISO 3166-2 (Moscow, город Москва, RU-MOW)' });
const leader = z.string().min(1).max(200).optional().meta({
  description:
    'party or candidate measured: its ballot number (1) where the ballot numbers them, or a name or short name (United Russia, КПРФ, Путин); default the most voted',
});
/** What every fingerprint measures: an election, optionally one region, one leader. */
const measured = { id, region, leader };
const seed = check.seed.optional().meta({ description: `Monte Carlo seed (default 42), 0 to ${check.SEED_MAX}` });
/** Monte Carlo replicates: one cap for the CLI, the route and the ops endpoint (the route also takes 0, which skips the integer test). */
const REPS_MAX = 10_000;
/** Which rows a fingerprint counts (each method states its defaults). */
const rows = {
  includeFlagged: z.boolean().optional().meta({ description: 'count rows whose counts do not add up' }),
  includeElectronic: z.boolean().optional().meta({ description: 'count DEG pseudo-stations' }),
};

/** A GET route under /api/elections/{id}/ that answers 404 for an election not imported. */
const perElection = (tail: string, description: string): HttpBinding => ({
  method: 'get',
  path: `/api/elections/{id}/${tail}`,
  tag: 'elections',
  description,
  errors: { 404: 'Election not imported' },
});

export const electionsImport = defineOp({
  name: 'elections.import',
  summary: 'Import CEC polling-station protocols (zipped or plain CSV), the Moscow 2021 single-mandate table and DEG series',
  write: true,
  scope: 'import',
  files: (i) => i.files,
  localPaths: ['files'],
  upload: 'files',
  input: z.object({
    files: z.array(z.string().refine(isAbsolute, 'must be an absolute path')).min(1, 'give at least one file'),
    election: id.optional(),
    force: z.boolean().optional(),
  }),
  output: report<ImportReport>('files (lines read = stored + rejected), rejects with file, line and reason, flagged rows'),
  run: (ctx, { files, election, force }) => importElections(ctx, files, { election, force }),
});

export const electionsList = defineOp({
  name: 'elections.list',
  summary: 'Imported elections with station, reject and flag counts and the ledger events about their technology',
  write: false,
  input: z.object({}),
  output: z.object({
    items: z.array(
      z.looseObject({
        id: z.string(),
        kind: z.string(),
        year: z.number(),
        title: z.string(),
        stations: z.number().meta({ description: 'polling stations stored' }),
        aggregates: z.number().meta({ description: 'rows stored that are regional totals, not polling stations (the 2024 DEG table)' }),
        files: z.number().meta({ description: 'files imported for it' }),
        rejected: z.number(),
        flagged: z.number(),
        ledger_events: z.array(z.string()),
      }),
    ),
  }),
  rows: { key: 'items' },
  http: { method: 'get', path: '/api/elections', tag: 'elections', description: 'Imported elections' },
  run: (ctx) => listElections(ctx),
});

export const electionsSummary = defineOp({
  name: 'elections.summary',
  summary: 'Totals of an election, region or district: registered, issued, cast, turnout, votes and shares per choice; paper, electronic and together',
  write: false,
  input: z.object({
    id,
    region,
    district: z
      .string()
      .regex(/^[1-9][0-9]{0,5}$/, { error: (iss) => `a single-mandate district (ОИК) number: a whole positive number such as 196, got "${String(iss.input)}"` })
      .optional()
      .meta({ description: 'single-mandate district (ОИК) number, a whole positive number (196)', example: '196' }),
    by: z.enum(['region', 'district']).optional(),
  }),
  output: ElectionSummarySchema,
  rows: { key: 'groups', carry: ['method', 'election', 'source'], needs: { key: 'by', values: ['region', 'district'] } },
  http: perElection('summary', 'Totals {all, paper, electronic}, groups, flags, rejects, source'),
  run: (ctx, q) => electionSummary(ctx, q),
});

/** The most rejects one call gives; a file of rejects gives this many unless its limit says fewer. */
export const REJECTS_MAX = 100_000;

export const electionsRejects = defineOp({
  name: 'elections.rejects',
  summary: "Every rejected line of an election's imported files, with file, line, reason and detail (the import and summary show the first 20)",
  write: false,
  // what an import refused is listed to token holders only, as every other reject listing (080)
  scope: 'read',
  input: z.object({ id, limit: check.limit(REJECTS_MAX).default(200) }),
  output: z.object({
    election: z.string(),
    total: z.number().meta({ description: 'rejects stored for the election, all of them' }),
    items: z.array(z.object({ file: z.string(), line: z.number(), reason: z.string(), detail: z.string() })),
  }),
  rows: { key: 'items', carry: ['election'], fileLimit: { field: 'limit', all: REJECTS_MAX } },
  http: perElection(
    'rejects',
    `Rejected lines by file and line; total counts every one. A file (?format=csv|ndjson|parquet) holds every reject up to ${REJECTS_MAX.toLocaleString('en-US')} unless limit is given; X-Rows-Total then says how many there are when the file holds fewer`,
  ),
  run: (ctx, q) => electionRejects(ctx, q),
});

export const electionsElectronic = defineOp({
  name: 'elections.electronic',
  summary: 'Paper versus electronic (DEG) per district: leaders, winner, margins, whether DEG changed the winner; DEG votes per 20-minute bin',
  write: false,
  input: z.object({ id, region, series: z.boolean().optional().meta({ description: 'also give each district its own DEG series per candidate and party' }) }),
  output: ElectionElectronicSchema,
  rows: { key: 'districts', carry: ['method', 'election', 'source'] },
  http: perElection(
    'electronic',
    'Per-district comparison, the DEG timeline (votes decrypted per 20-minute bin, summed over the districts), caveats and source',
  ),
  run: (ctx, q) => electronicComparison(ctx, q),
});

export const electionsFingerprints = defineOp({
  name: 'elections.fingerprints',
  summary: 'Turnout and leader-share histograms (0.1 point), turnout x leader-share heat map, Shpilkin curve and estimate, integer-percentage excess',
  write: false,
  input: z.object({
    ...measured,
    reps: check.whole(0, REPS_MAX).optional().meta({ description: 'Monte Carlo replicates (default 1000; 0 skips the integer test)' }),
    seed,
  }),
  output: ElectionFingerprintsSchema,
  http: perElection('fingerprints', 'Each figure with its method, version and parameters'),
  run: (ctx, q) => fingerprintsFor(ctx, q),
});

export const electionsIntegers = defineOp({
  name: 'elections.integers',
  summary: 'Integer-percentage fingerprint: excess of stations at integer turnout or leader share over a seeded binomial Monte Carlo',
  write: false,
  input: z.object({ ...measured, reps: check.whole(1, REPS_MAX).optional().meta({ description: 'Monte Carlo replicates (default 1000)' }), seed, ...rows }),
  output: report<Awaited<ReturnType<typeof integersFor>>>('method, version, params, stations, excess per election and region'),
  rows: {
    key: 'result.by_region',
    carry: ['method', 'version', 'election', 'leader', 'source'],
    columns: ['region', 'stations', 'either'],
  },
  run: (ctx, q) => integersFor(ctx, q),
});

/** Turnout bin width in points: bounded below so the estimate's bins and smoothing stay bounded work. */
const binWidth = check
  .number((n) =>
    n.min(SHPILKIN_MIN_BIN_WIDTH, { error: (iss) => binWidthBounds(iss.input) }).max(SHPILKIN_MAX_BIN_WIDTH, { error: (iss) => binWidthBounds(iss.input) }),
  )
  .optional()
  .meta({ description: `turnout bin width in points, ${SHPILKIN_MIN_BIN_WIDTH}-${SHPILKIN_MAX_BIN_WIDTH} (default 1)` });

export const electionsShpilkin = defineOp({
  name: 'elections.shpilkin',
  summary: "Shpilkin's estimate: leader's clean share at the turnout mode and the anomalous votes above it",
  write: false,
  input: z.object({ ...measured, binWidth, ...rows }),
  output: report<Awaited<ReturnType<typeof shpilkinFor>>>('method, version, params, turnout mode, clean share, anomalous votes, bins'),
  rows: {
    key: 'result.bins',
    carry: ['method', 'version', 'election', 'source'],
    columns: ['turnout_from', 'valid', 'leader', 'others', 'leader_share', 'expected_leader'],
  },
  run: (ctx, q) => shpilkinFor(ctx, q),
});

export const electionsOps = [
  electionsImport,
  electionsList,
  electionsSummary,
  electionsRejects,
  electionsElectronic,
  electionsFingerprints,
  electionsIntegers,
  electionsShpilkin,
];
