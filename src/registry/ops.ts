/**
 * Register operations: `splinternet registry import|summary|asns|decision|lookup` and
 * GET /api/registry/*. The views' return types are checked against the published schemas
 * (schemas.ts). File paths must be absolute (the CLI resolves them).
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { check, defineOp, report } from '../op/index.js';
import { registryDecision } from './decision.js';
import { importRegistry, type ImportReport } from './import.js';
import { registryLookup } from './lookup.js';
import { RegistryAsnsSchema, RegistryDecisionSchema, RegistryLookupSchema, RegistrySummarySchema } from './schemas.js';
import { registryAsns, registrySummary } from './views.js';

const SnapshotQuery = z.object({
  snapshot: z.string().optional().meta({
    description: 'snapshot id or date (YYYY-MM-DD); default: the latest complete snapshot, else the one with the most blocked IPv4 space',
    example: '2018-05-05',
  }),
  top: check.limit(10_000).optional().meta({ description: 'rows per list (default 10 for summary, 20 for asns)' }),
});

const noSnapshots = { 404: 'No snapshots imported' } as const;

export const registryImport = defineOp({
  name: 'registry.import',
  summary: 'Import Zapret-Info dumps, dump parts, the derived CIDR file or the daily series',
  write: true,
  scope: 'import',
  files: (i) => i.files,
  localPaths: ['files'],
  upload: 'files',
  input: z.object({
    files: z.array(z.string().refine(isAbsolute, 'must be an absolute path')).min(1, 'give at least one file'),
    dump_time: z.string().optional(),
    force: z.boolean().optional(),
  }),
  output: report<ImportReport>('files, snapshots, lines read = stored + rejected, rejects with file and line, indicators, evidence links'),
  run: (ctx, { files, dump_time, force }) => importRegistry(ctx, files, { dumpTime: dump_time, force }),
});

export const registrySummaryOp = defineOp({
  name: 'registry.summary',
  summary: 'Distinct IPv4 addresses blocked (exact union), per decision body and decision, largest ranges, IPv6, target vs collateral',
  write: false,
  input: SnapshotQuery,
  output: RegistrySummarySchema,
  http: {
    method: 'get',
    path: '/api/registry/summary',
    description: 'Summary of one snapshot (with its lower-bound flag), method and AS data vintage',
    errors: noSnapshots,
  },
  run: (ctx, q) => registrySummary(ctx, q),
});

export const registryAsnsOp = defineOp({
  name: 'registry.asns',
  summary: "Blocked IPv4 addresses per AS and organisation (today's routing), and the share of each AS's announced space",
  write: false,
  input: SnapshotQuery,
  output: RegistryAsnsSchema,
  rows: { key: 'items', carry: ['method', 'snapshot', 'as_data'] },
  http: { method: 'get', path: '/api/registry/asns', description: 'Organisations and ASes of one snapshot, largest first', errors: noSnapshots },
  run: (ctx, q) => registryAsns(ctx, q),
});

export const registryDecisionOp = defineOp({
  name: 'registry.decision',
  summary: 'One decision across snapshots: entries, distinct IPv4, collateral, organisations hit',
  write: false,
  input: z.object({ number: z.string().min(1).meta({ description: 'decision number; its "/" may be sent as is or as %2F', example: '2-1779/2018' }) }),
  output: RegistryDecisionSchema,
  // each row has its own snapshot's bodies and dates; only what holds for every snapshot is carried
  rows: { key: 'snapshots', carry: ['decision_number', 'as_data'] },
  http: { method: 'get', path: '/api/registry/decisions/{number}', rest: 'number', errors: { 404: 'Decision not in any snapshot' } },
  run: (ctx, { number }) => registryDecision(ctx, number),
});

export const registryLookupOp = defineOp({
  name: 'registry.lookup',
  summary: 'Is an IP address or domain listed, under which decision, since when',
  write: false,
  input: z.object({
    q: z.string().min(1).meta({ description: 'one IPv4/IPv6 address or a domain (a URL is looked up by its host)', example: '149.154.167.99' }),
    limit: check.limit(1000).optional().meta({ description: 'matches per page (1-1000, default 50); the other figures count every match' }),
    cursor: check.cursor.optional(),
  }),
  output: RegistryLookupSchema,
  rows: { key: 'matches', carry: ['query', 'kind', 'snapshots_searched', 'as', 'note'] },
  http: { method: 'get', path: '/api/registry/lookup' },
  run: (ctx, { q, limit, cursor }) => registryLookup(ctx, q, { limit, cursor }),
});

export const registryOps = [registryImport, registrySummaryOp, registryAsnsOp, registryDecisionOp, registryLookupOp];
