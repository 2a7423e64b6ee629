// Which runs may create the database file: an op that writes may (it is how a store begins), an
// op that only reads may not, so a mistyped --db is an error naming the path, never an empty
// answer from a store made for the occasion.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
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
});
