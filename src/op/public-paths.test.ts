/**
 * What a remote caller sees of server paths in an op's answer: paths inside its import folders
 * as they are, every other absolute path by its file name; the local user sees them all.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock, localGrant, silentProgress, type Grant } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { defineOp, executeOp } from './define.js';
import { publicPaths } from './public-paths.js';

const token: Grant = { actor: 'token:1:t', scopes: ['read'], files: ['/srv/imports'] };

describe('publicPaths', () => {
  it('keeps paths inside the import folders, names the rest by file name, leaves relative text alone', () => {
    const answer = {
      files: [
        { path: '/tmp/splinternet-uploads/upload-LQyIJ1/array-ru-cn.json', n: 1 },
        { path: '/srv/imports/sub/a.jsonl', n: 2 },
        { path: '/srv/imports-other/b.csv', n: 3 },
      ],
      rejects: [{ sourceFile: '/work/x/data/ooni/iran.csv', reason: 'bad' }],
      source_file: 'already-a-name.csv',
      api: '/api/measurements?cc=RU',
      list: ['/etc/passwd'],
    };
    expect(publicPaths(answer, token)).toEqual({
      files: [
        { path: 'array-ru-cn.json', n: 1 },
        { path: '/srv/imports/sub/a.jsonl', n: 2 },
        { path: 'b.csv', n: 3 },
      ],
      rejects: [{ sourceFile: 'iran.csv', reason: 'bad' }],
      source_file: 'already-a-name.csv',
      api: '/api/measurements?cc=RU',
      list: ['/etc/passwd'],
    });
  });
  it('returns the very value when nothing changes, and everything as is to the local user', () => {
    const answer = { items: [{ path: '/srv/imports/a.csv' }] };
    expect(publicPaths(answer, token)).toBe(answer);
    const local = { path: '/tmp/x/y.csv' };
    expect(publicPaths(local, localGrant('cli:me'))).toBe(local);
  });
  it('executeOp answers a token holder with file names outside its folders', async () => {
    const op = defineOp({
      name: 'test.paths',
      summary: 'a stored path',
      write: false,
      input: z.object({}),
      output: z.object({ path: z.string() }),
      run: async () => ({ path: '/tmp/splinternet-uploads/upload-1/a.csv' }),
    });
    const ctx = { store: {} as Store, clock: fixedClock('2026-01-01T00:00:00Z'), progress: silentProgress, actor: 't', dbPath: ':memory:' };
    expect(await executeOp({ ...ctx, grant: token }, op, {})).toEqual({ path: 'a.csv' });
    expect(await executeOp({ ...ctx, grant: localGrant('cli:me') }, op, {})).toEqual({ path: '/tmp/splinternet-uploads/upload-1/a.csv' });
  });
});
