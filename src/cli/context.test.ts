// Which runs may create the database file: an op that writes may (it is how a store begins), an
// op that only reads may not, so a mistyped --db is an error naming the path, never an empty
// answer from a store made for the occasion.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { detectRun } from '../detect/ops.js';
import { eventsGeocode } from '../ledger/ops.js';
import { measurementsAgreementFiles } from '../measure/ops.js';
import { defineOp } from '../op/index.js';
import { AppError } from '../shared/index.js';
import { CliContext, type Io } from './context.js';

const dir = mkdtempSync(join(tmpdir(), 'splinternet-context-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const quiet = (): Io => ({
  out: new Writable({ write: (_c, _e, cb) => cb() }),
  err: new Writable({ write: (_c, _e, cb) => cb() }),
  env: {},
  isTTY: false,
  setExit: () => undefined,
});

// SYNTHETIC: two ops that touch nothing, one declared as a read and one as a write.
const read = defineOp({
  name: 'test.read',
  summary: 'a read',
  write: false,
  input: z.object({ n: z.number().int() }),
  output: z.object({}),
  run: () => Promise.resolve({}),
});
const write = defineOp({ name: 'test.write', summary: 'a write', write: true, input: z.object({}), output: z.object({}), run: () => Promise.resolve({}) });

describe('a --db path that is not there', () => {
  it('a read is exit 1 (NOT_FOUND) naming the path and the commands that create a database, and creates nothing', async () => {
    const path = join(dir, 'typo.duckdb');
    const e = await new CliContext({ db: path }, quiet()).run(read, { n: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('NOT_FOUND');
    expect((e as AppError).message).toContain(path);
    expect((e as AppError).message).toMatch(/db seed.*db migrate/);
    expect(existsSync(path)).toBe(false);
  });

  it('a read with bad input is still the input error (exit 2), judged before the store', async () => {
    const e = await new CliContext({ db: join(dir, 'typo2.duckdb') }, quiet()).run(read, { n: 1.5 }).catch((x: unknown) => x);
    expect((e as AppError).code).toBe('VALIDATION');
  });

  it('a write creates the database', async () => {
    const path = join(dir, 'new.duckdb');
    await new CliContext({ db: path }, quiet()).run(write, {});
    expect(existsSync(path)).toBe(true);
  });

  it('a write with bad input is the input error (exit 2) and creates nothing: the input is judged before the database opens', async () => {
    const writeN = defineOp({ name: 'test.write-n', summary: 'a write', write: true, input: read.input, output: z.object({}), run: () => Promise.resolve({}) });
    const path = join(dir, 'refused.duckdb');
    const e = await new CliContext({ db: path }, quiet()).run(writeN, { n: 1.5 }).catch((x: unknown) => x);
    expect((e as AppError).code).toBe('VALIDATION');
    expect(existsSync(path)).toBe(false);
    await new CliContext({ db: path }, quiet()).run(writeN, { n: 1 });
    expect(existsSync(path)).toBe(true);
  });
});

// An op that writes for some inputs only (detect with --emit, geocode without --dry-run) is a
// read for the others: on a missing path those are refused like any read.
describe('an op that writes for some inputs only, on a --db path that is not there', () => {
  const fixture = join(import.meta.dirname, '../../test/fixtures/ooni-qa/measurements.jsonl.gz');
  const refused = async (run: (ctx: CliContext) => Promise<unknown>, name: string) => {
    const path = join(dir, `${name}.duckdb`);
    const e = await run(new CliContext({ db: path }, quiet())).catch((x: unknown) => x);
    expect((e as AppError).code).toBe('NOT_FOUND');
    expect((e as AppError).message).toContain(`no database at ${path}`);
    expect(existsSync(path)).toBe(false);
  };

  it('detect without --emit is a read: NOT_FOUND, nothing created', () => refused((c) => c.run(detectRun, { kind: 'outage', cc: 'IR' }), 'detect'));
  it('events geocode --dry-run is a read: NOT_FOUND, nothing created', () => refused((c) => c.run(eventsGeocode, { dry_run: true, country: 'IN' }), 'geocode'));
  it('measurements agreement FILE is a read: NOT_FOUND, nothing created', () =>
    refused((c) => c.run(measurementsAgreementFiles, { paths: [fixture] }), 'agreement'));

  // SYNTHETIC: an op that writes only when asked to save.
  const saves = defineOp({
    name: 'test.saves',
    summary: 'writes when asked',
    write: (i: { save: boolean }) => i.save,
    input: z.object({ save: z.boolean() }),
    output: z.object({}),
    run: () => Promise.resolve({}),
  });
  it('the same op with an input that writes creates the database', async () => {
    await refused((c) => c.run(saves, { save: false }), 'saves-no');
    const path = join(dir, 'saves-yes.duckdb');
    await new CliContext({ db: path }, quiet()).run(saves, { save: true });
    expect(existsSync(path)).toBe(true);
  });
});
