/**
 * Registry operations as ops: `splinternet registry ...` runs these in-process or
 * through a running server. File paths must be absolute (the CLI resolves them).
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { importRegistry, registryAsns, registryDecision, registryLookup, registrySummary } from '../../registry/index.js';
import { defineOp } from './types.js';

const snapshotQuery = z.object({
  snapshot: z.string().optional(),
  top: z.number().int().min(1).max(10_000).optional(),
});

export const registryOps = [
  defineOp({
    name: 'registry.import',
    summary: 'Import Zapret-Info dumps, dump parts, the derived CIDR file or the daily series',
    write: true,
    scope: 'import',
    files: (i) => i.files,
    input: z.object({
      files: z.array(z.string().refine(isAbsolute, 'must be an absolute path')).min(1, 'give at least one file'),
      dump_time: z.string().optional(),
      force: z.boolean().optional(),
    }),
    run: (ctx, { files, dump_time, force }) => importRegistry(ctx, files, { dumpTime: dump_time, force }),
  }),
  defineOp({
    name: 'registry.summary',
    summary: 'Address-space summary of a snapshot: distinct IPv4, per body and decision, largest ranges, IPv6, collateral',
    write: false,
    input: snapshotQuery,
    run: (ctx, q) => registrySummary(ctx, q),
  }),
  defineOp({
    name: 'registry.asns',
    summary: "Blocked IPv4 addresses per AS and organisation (today's routing), with the share of each AS's space",
    write: false,
    input: snapshotQuery,
    run: (ctx, q) => registryAsns(ctx, q),
  }),
  defineOp({
    name: 'registry.decision',
    summary: 'One decision across snapshots',
    write: false,
    input: z.object({ number: z.string().min(1) }),
    run: (ctx, { number }) => registryDecision(ctx, number),
  }),
  defineOp({
    name: 'registry.lookup',
    summary: 'Is an IP address or domain listed, under which decision, since when',
    write: false,
    input: z.object({ q: z.string() }),
    run: (ctx, { q }) => registryLookup(ctx, q),
  }),
];
