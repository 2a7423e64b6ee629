/**
 * Every op that reads files declares which input keys are the caller's paths, so the CLI makes
 * them absolute before a server (running in another folder) sees them: an op added with
 * `files` or `upload` and no `localPaths` fails here, as does a declared key that is not an
 * input key or that leaves a file the op reads relative.
 */
import { isAbsolute } from 'node:path';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { executeOp, resolveLocalPaths, type OpContext } from '../../op/index.js';
import { AppError, fixedClock, silentProgress } from '../../shared/index.js';
import type { Store } from '../../store/index.js';
import { ALL_OPS } from './index.js';

const reading = ALL_OPS.filter((op) => op.files !== undefined || op.upload !== undefined);

describe('local paths of the ops that read files', () => {
  it('there are such ops (the list is not empty by mistake)', () => {
    expect(reading.map((op) => op.name)).toEqual(expect.arrayContaining(['speedtests.import', 'signals.import', 'data.import', 'db.backup', 'db.seed']));
  });

  it.each(reading.map((op) => [op.name, op] as const))('%s declares its path keys, the uploaded one among them', (_name, op) => {
    const shape = (op.input as z.ZodObject).shape;
    expect(op.localPaths?.length, `${op.name} has no localPaths`).toBeGreaterThan(0);
    for (const key of op.localPaths!) expect(Object.keys(shape)).toContain(key);
    if (op.upload !== undefined) expect(op.localPaths).toContain(op.upload);
  });

  it.each(reading.filter((op) => op.files).map((op) => [op.name, op] as const))('%s reads only absolute paths once the CLI resolved them', (_name, op) => {
    const shape = (op.input as z.ZodObject).shape;
    // a relative value of each declared key, as a list where the schema takes one
    const raw = Object.fromEntries((op.localPaths ?? []).map((k) => [k, shape[k]!.safeParse(['/a']).success ? ['rel/a.csv'] : 'rel/a.csv']));
    const read = op.files!(resolveLocalPaths(op, raw, '/caller')).filter((p: unknown) => typeof p === 'string');
    expect(read.length).toBeGreaterThan(0);
    for (const p of read) expect(isAbsolute(p), `${op.name} reads ${p}`).toBe(true);
  });
});

/** A remote caller with an admin token whose files grant is /srv/imports. */
const ctx: OpContext = {
  store: {} as Store,
  clock: fixedClock('2026-01-01T00:00:00Z'),
  progress: silentProgress,
  actor: 'token:t',
  grant: { actor: 'token:t', scopes: ['admin'], files: ['/srv/imports'] },
  dbPath: ':memory:',
};

describe('an empty path', () => {
  // a remote caller with an import token: an empty path must not read as the server's folder (403)
  it.each(reading.map((op) => [op.name, op] as const))('%s refuses it as VALIDATION naming the field, whatever the grant', async (_name, op) => {
    const shape = (op.input as z.ZodObject).shape;
    for (const key of op.localPaths!) {
      const list = shape[key]!.safeParse(['/a']).success;
      const err = await executeOp(ctx, op, { [key]: list ? [''] : '' }).then(
        () => null,
        (e: unknown) => e as AppError,
      );
      expect(err, `${op.name} ${key}`).toBeInstanceOf(AppError);
      expect(err!.code, `${op.name} ${key}: ${err!.message}`).toBe('VALIDATION');
      expect(err!.issues.map((i) => i.path[0])).toContain(key);
      expect(err!.message).toMatch(new RegExp(`${key}(\\[0\\])?: an empty path`));
    }
  });
});

describe('a NUL byte in a path', () => {
  it('is refused as VALIDATION naming the field path (paths.1), before any file check', async () => {
    const ingest = reading.find((op) => op.name === 'measurements.ingest')!;
    const err = (await executeOp(ctx, ingest, { paths: ['/srv/imports/a.jsonl', '/srv/imports/sub\0/x'] }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('VALIDATION');
    expect(err.issues).toEqual([{ path: ['paths', 1], message: 'a NUL byte in a file path' }]);
    const backup = reading.find((op) => op.name === 'db.backup')!;
    const one = (await executeOp(ctx, backup, { [backup.localPaths![0]!]: '/srv/imports/b\0' }).catch((e: unknown) => e)) as AppError;
    expect(one.issues[0]!.path).toEqual([backup.localPaths![0]]);
  });
});
