/**
 * Every command that reads or writes a file answers a bad one the same way
 * (docs/design/095-bad-input.md): a path that is not there, or a directory where a file is
 * wanted, is exit 1 (INGEST_IO) naming the path and why in words; a folder with nothing to
 * import is exit 2; an empty or malformed file is never a silent success (exit 2 naming the
 * file, or 3 with a reject naming file and line); an --out path that cannot be written is exit 1.
 * Over HTTP the same path is a 404 (not found, as an unknown id is exit 1 / 404) with the same code
 * and message, for every operation that reads or writes a server file.
 * The files here are synthetic: an empty file, a CSV with an unclosed quote, a JSONL line that
 * is not JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/ledger/index.js';
import { createApp } from '../../src/server/app.js';
import { ALL_OPS } from '../../src/server/ops/index.js';
import { realDirs } from '../../src/shared/index.js';
import { cli, clock, tempDir, tempStore } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'files.duckdb');
const missing = join(t.dir, 'nope', 'missing.csv');
const dir = join(t.dir, 'folder');
const empty = join(t.dir, 'empty.csv');
const badCsv = join(t.dir, 'bad.csv');
const badJsonl = join(t.dir, 'bad.jsonl');

beforeAll(async () => {
  mkdirSync(dir);
  writeFileSync(empty, '');
  writeFileSync(badCsv, 'a,b,c\n1,2\n"unterminated\n');
  writeFileSync(badJsonl, '{"x":1}\nnot json\n');
  const r = await cli(['db', 'migrate', '--json', '--db', db]);
  expect(r.code, r.err).toBe(0);
});
afterAll(() => t.cleanup());

const run = async (args: string[]) => {
  const r = await cli([...args, '--json', '--db', db]);
  return { code: r.code, err: r.err, doc: JSON.parse(r.out || '{}') as { error?: { code: string; message: string } } & Record<string, unknown> };
};

/** Commands that read one file (or files) given as an argument. */
const READERS: Record<string, (file: string) => string[]> = {
  'events import': (f) => ['events', 'import', f, '--snapshot', '2020-01-01'],
  'events add': (f) => ['events', 'add', '--file', f],
  ingest: (f) => ['ingest', f],
  'measurements agreement': (f) => ['measurements', 'agreement', f],
  'fingerprints import': (f) => ['fingerprints', 'import', f],
  'registry import': (f) => ['registry', 'import', f],
  'elections import': (f) => ['elections', 'import', f],
  'speedtests import': (f) => ['speedtests', 'import', f],
  'signals import': (f) => ['signals', 'import', f],
  'data import': (f) => ['data', 'import', 'worldbank', f],
  'db restore': (f) => ['db', 'restore', f],
};
/** Commands that take a folder and import the files in it. */
const FOLDER_READERS = new Set(['ingest', 'speedtests import', 'signals import', 'measurements agreement']);

describe('bad files: one answer per kind of mistake', () => {
  it('a path that is not there: exit 1 naming it, for every reader', async () => {
    for (const [name, argv] of Object.entries(READERS)) {
      const r = await run(argv(missing));
      expect(r.code, `${name}: ${r.err}`).toBe(1);
      expect(r.doc.error, name).toMatchObject({ code: 'INGEST_IO', message: `cannot read ${missing}: no such file or directory` });
    }
    const seed = await run(['db', 'seed', '--data-dir', join(t.dir, 'nope')]);
    expect(seed.code, seed.err).toBe(1);
    expect(seed.doc.error?.message).toBe(`cannot read ${join(t.dir, 'nope')}: no such file or directory`);
  });

  it('a directory where a file is wanted: exit 1; an empty folder to import: exit 2', async () => {
    for (const [name, argv] of Object.entries(READERS)) {
      const r = await run(argv(dir));
      if (FOLDER_READERS.has(name)) {
        // ingest and agreement read a folder's OONI files: an empty one reads nothing, said as zero files
        if (name === 'speedtests import' || name === 'signals import') {
          expect(r.code, `${name}: ${r.err}`).toBe(2);
          expect(r.doc.error?.message, name).toMatch(new RegExp(`${dir} holds no`));
        } else expect(r.code, `${name}: ${r.err}`).not.toBe(1);
      } else {
        expect(r.code, `${name}: ${r.err}`).toBe(1);
        expect(r.doc.error, name).toMatchObject({ code: 'INGEST_IO', message: `cannot read ${dir}: it is a directory; name a file` });
      }
    }
    // before: exit 3 after seeding everything else, the ledger part reading 0 files
    const seed = await run(['db', 'seed', '--data-dir', dir]);
    expect(seed.code, seed.err).toBe(2);
    expect(seed.doc.error?.message).toBe(`--data-dir ${dir} holds neither an events/ nor an indicators/ folder (the layout of data/ledger)`);
  });

  it('an empty or malformed file is never a silent success', async () => {
    for (const [name, argv] of Object.entries(READERS)) {
      for (const f of [empty, badCsv, badJsonl]) {
        const r = await run(argv(f));
        const key = `${name} ${f}`;
        // OONI readers take an empty file as zero measurements: nothing to lose, nothing stored (exit 0)
        if ((name === 'ingest' || name === 'measurements agreement') && f === empty) continue;
        expect(r.code, `${key}: ${r.err}`).not.toBe(0);
        // an error naming the file, or the import's report with the file and what was wrong in it
        if (r.doc.error) expect(r.doc.error.message, key).toContain(f.split('/').pop()!);
        else {
          expect(JSON.stringify(r.doc), key).toContain(f.split('/').pop()!);
          expect(JSON.stringify(r.doc), key).toMatch(/"line":\s*\d+|"error":\s*"/);
        }
      }
    }
  });

  it('malformed JSON is named with its line', async () => {
    const r = await run(['events', 'add', '--file', badJsonl]);
    expect(r.code, r.err).toBe(2);
    expect(r.doc.error?.message).toMatch(new RegExp(`^${badJsonl}: line 2, column \\d+: not valid JSON`));
  });

  it("an ingested file's id that no ingest gave: exit 1 naming it, not an empty list of its rejects", async () => {
    const r = await run(['measurements', 'files', '--rejects', '--file-id', 'nope']);
    expect(r.code, r.err).toBe(1);
    expect(r.doc.error).toMatchObject({ code: 'NOT_FOUND', message: 'no ingested file with id "nope" (measurements files lists them)' });
  });

  it('an output file that cannot be written: exit 1 naming it', async () => {
    const out = join(t.dir, 'nope', 'x.csv');
    for (const argv of [
      ['events', 'export', '--format', 'csv', '--out', out],
      ['indicators', 'export', '--format', 'csv', '--out', out],
      ['cost', 'events', '--format', 'csv', '--out', out],
      ['db', 'backup', out],
    ]) {
      const r = await run(argv);
      expect(r.code, `${argv.join(' ')}: ${r.err}`).toBe(1);
      expect(r.doc.error, argv.join(' ')).toMatchObject({
        code: 'INGEST_IO',
        message: `cannot write ${out}: the folder ${join(t.dir, 'nope')} does not exist`,
      });
    }
    const r = await run(['events', 'export', '--format', 'csv', '--out', dir]);
    expect(r.doc.error?.message).toBe(`cannot write ${dir}: it is a directory; name a file`);
  });
});

/** Server-file ops that take a folder of files (a folder is what they read, not a mistake). */
const FOLDER_OPS = new Set(['measurements.ingest', 'measurements.agreement_files', 'speedtests.import', 'signals.import', 'db.seed']);
/** Input fields an op needs besides its path, to reach the file. */
const OTHER_FIELDS: Record<string, Record<string, unknown>> = { 'events.import': { snapshot: '2020-01-01' }, 'data.import': { kind: 'worldbank' } };

describe('over HTTP: a server file that is not there is a 404, with the code and message the CLI gives with exit 1', () => {
  it('every op that reads or writes a server file: a missing path (and a directory where a file is wanted) is 404 INGEST_IO naming it', async () => {
    const { store, cleanup } = await tempStore();
    try {
      const { token } = await createToken({ store, clock }, 'SYNTHETIC-admin', { scopes: ['admin'], createdBy: 'test' });
      const app = createApp({ store, clock, dbPath: ':memory:', importDirs: realDirs([t.dir]) });
      const fileOps = ALL_OPS.filter((o) => o.files && o.localPaths?.length);
      expect(fileOps.length).toBeGreaterThan(10);
      for (const op of fileOps) {
        const key = op.localPaths![0]!;
        const field = (op.input as unknown as { shape: Record<string, { _zod: { def: { type: string; innerType?: unknown } } }> }).shape[key]!;
        const list = JSON.stringify(field._zod.def).includes('"type":"array"');
        const cases: [string, string][] = [
          [
            missing,
            op.name === 'db.backup'
              ? `cannot write ${missing}: the folder ${join(t.dir, 'nope')} does not exist`
              : `cannot read ${missing}: no such file or directory`,
          ],
        ];
        if (!FOLDER_OPS.has(op.name) && op.name !== 'db.backup') cases.push([dir, `cannot read ${dir}: it is a directory; name a file`]);
        for (const [path, message] of cases) {
          const r = await app.request(`/api/_ops/${op.name}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ ...OTHER_FIELDS[op.name], [key]: list ? [path] : path }),
          });
          const text = await r.text();
          // an op that fails before any progress answers its problem+json status; after, the NDJSON error line
          const problem = (r.headers.get('content-type')?.includes('ndjson') ? JSON.parse(text.trim().split('\n').pop()!).problem : JSON.parse(text)) as {
            status: number;
            code: string;
            detail: string;
          };
          expect([op.name, path, problem.status, problem.code, problem.detail]).toEqual([op.name, path, 404, 'INGEST_IO', message]);
        }
      }
    } finally {
      await cleanup();
    }
  });
});
