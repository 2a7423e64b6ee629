/**
 * `db restore` puts only a whole backup of this observatory in place of the database: an empty
 * DuckDB file, another program's database or one at a schema version this code does not know
 * is refused naming why, with the database untouched; and `db backup` stopped part-way (kill -9)
 * leaves no file under the backup's name, so neither a restore nor the retry is misled by one.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { loadMigrations } from '../../src/store/duckdb/migrate.js';
import { cli, runBin, tempDir } from '../helpers/index.js';
import { killInside } from '../helpers/kill.js';

const t = tempDir();
const db = join(t.dir, 'live.duckdb');
afterAll(() => t.cleanup());

/** Run statements on a DuckDB file of the test's own making. */
async function duck(path: string, ...sql: string[]): Promise<void> {
  const inst = await DuckDBInstance.create(path);
  const c = await inst.connect();
  try {
    for (const s of sql) await c.run(s);
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

const stored = async () => JSON.parse((await cli(['measurements', 'list', '--limit', '500', '--json', '--db', db])).out) as { items: unknown[] };

beforeAll(async () => {
  // the real OONI bucket sample, stored as any user's ingest stores it
  const r = await cli(['ingest', packagePath('test', 'fixtures', 'ooni', 'bucket-sample'), '--json', '--db', db]);
  expect(r.code, r.err).toBe(0);
}, 120_000);

describe('db restore refuses a file that is not a backup of this observatory', () => {
  it('SYNTHETIC files: an empty DuckDB file, another program\u2019s database, a newer schema: refused naming why, the database untouched', async () => {
    const before = (await stored()).items.length;
    expect(before).toBeGreaterThan(0);
    const empty = join(t.dir, 'empty.duckdb');
    await duck(empty, 'CHECKPOINT');
    const foreign = join(t.dir, 'foreign.duckdb');
    await duck(foreign, 'CREATE TABLE t (a INTEGER)', 'INSERT INTO t VALUES (1)');
    const newer = join(t.dir, 'newer.duckdb');
    expect((await cli(['db', 'backup', newer, '--db', db])).code).toBe(0);
    await duck(newer, "INSERT INTO schema_migrations VALUES (999, 'from_a_newer_build', 'abcdef0123456789', now())");
    const cases: [string, RegExp][] = [
      [empty, /a DuckDB database with no tables, not a backup made by `splinternet db backup`.*nothing was replaced/],
      [foreign, /a DuckDB database of another program \(its 1 table: t; no schema_migrations\).*nothing was replaced/],
      [newer, /schema version 999, newer than this code's \d+ .*nothing was replaced/],
    ];
    for (const [file, why] of cases) {
      const r = await cli(['db', 'restore', file, '--db', db]);
      expect(r.code, file).toBe(2);
      expect(r.err).toMatch(why);
      expect((await stored()).items.length, file).toBe(before);
    }
  });
});

describe('db restore refuses a file that is not a whole observatory database', () => {
  it('a backup missing a table, missing a column, recording an earlier version than its tables, or another program\u2019s schema_migrations: exit 2 naming what is wrong, the database untouched', async () => {
    const before = (await stored()).items.length;
    const copy = async (name: string, ...sql: string[]) => {
      const file = join(t.dir, name);
      expect((await cli(['db', 'backup', file, '--db', db])).code).toBe(0);
      await duck(file, ...sql);
      return file;
    };
    // real backups of the ingested sample, each damaged one way
    const noTable = await copy('no-table.duckdb', 'DROP TABLE signal_points');
    const noColumn = await copy('no-column.duckdb', 'ALTER TABLE api_tokens DROP COLUMN scopes');
    const v1 = await copy('v1-only.duckdb', 'DELETE FROM schema_migrations WHERE version > 1');
    // SYNTHETIC: golang-migrate's layout of schema_migrations, as another program leaves it
    const gomig = join(t.dir, 'gomigrate.duckdb');
    await duck(
      gomig,
      'CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, dirty BOOLEAN)',
      'INSERT INTO schema_migrations VALUES (5, false)',
      'CREATE TABLE users (id INTEGER, email VARCHAR)',
    );
    const cases: [string, RegExp][] = [
      [noTable, /not a whole observatory database.*missing table signal_points \(against schema version \d+\); nothing was replaced/],
      [noColumn, /missing column api_tokens\.scopes \(against schema version \d+\); nothing was replaced/],
      [v1, /already holds .*which only a migration after its version 1 creates/],
      [gomig, /missing \d+ tables .*missing 3 columns schema_migrations\.applied_at, schema_migrations\.checksum, schema_migrations\.name/],
    ];
    for (const [file, why] of cases) {
      const r = await cli(['db', 'restore', file, '--db', db]);
      expect(r.code, `${file}: ${r.err}`).toBe(2);
      expect(r.err).toMatch(why);
      expect((await stored()).items.length, file).toBe(before);
    }
  });
});

describe('db backup stopped part-way', () => {
  it('kill -9 after the copy is written and before it is named leaves no file at the name; the retry makes a backup that restores', async () => {
    const target = join(t.dir, 'killed.duckdb');
    const k = await killInside('backup', ['db', 'backup', target, '--db', db]);
    expect(k.marker, k.err).not.toBeNull();
    expect(k.signal).toBe('SIGKILL');
    expect(existsSync(target)).toBe(false);
    // the killed run's partial copy is the only other thing it left, under a name that says so
    const left = readdirSync(t.dir).filter((f) => f.includes('killed.duckdb') && f !== 'killed.duckdb');
    expect(left).toEqual([expect.stringMatching(/^\.killed\.duckdb\.partial-\d+$/)]);
    const again = await runBin(['db', 'backup', target, '--json', '--db', db]);
    expect(again.code, again.err).toBe(0);
    expect(statSync(target).size).toBeGreaterThan(0);
    // the retry removes it (its process is gone) and says so
    expect((JSON.parse(again.out) as { removed: string[] }).removed).toEqual(left.map((f) => join(t.dir, f)));
    expect(readdirSync(t.dir).filter((f) => f.includes('killed.duckdb') && f !== 'killed.duckdb')).toEqual([]);
    const into = join(t.dir, 'restored.duckdb');
    const r = await cli(['db', 'restore', target, '--json', '--db', into]);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { rows: number }).rows).toBeGreaterThan(0);
  });
});

/** Another process with the database open for writing, as a CLI import has it; resolves once it holds the file lock. */
function holder(path: string): Promise<{ pid: number; stop: () => Promise<void> }> {
  const code = `const { DuckDBInstance } = await import('@duckdb/node-api');
    const i = await DuckDBInstance.create(${JSON.stringify(path)}); await i.connect();
    process.stdout.write('held\\n'); setTimeout(() => process.exit(0), 60000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: packagePath(), stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', () => resolve({ pid: child.pid!, stop: () => new Promise<void>((r) => (child.once('close', () => r()), child.kill('SIGTERM'))) }));
    child.once('close', (c) => reject(new Error(`the holder exited ${c}`)));
  });
}

describe('db restore and a process that has the database open', () => {
  it('stops at once naming the holder, as every writer does, and replaces nothing', async () => {
    const backup = join(t.dir, 'for-locked.duckdb');
    expect((await cli(['db', 'backup', backup, '--db', db])).code).toBe(0);
    const before = (await stored()).items.length;
    const h = await holder(db);
    try {
      const r = await cli(['db', 'restore', backup, '--db', db]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`the database ${db} is held by another process (pid ${h.pid})`);
      expect(r.err).toContain('nothing was replaced');
    } finally {
      await h.stop();
    }
    expect(readdirSync(t.dir).filter((f) => f.startsWith('live.duckdb.restore-'))).toEqual([]);
    expect((await stored()).items.length).toBe(before);
    const free = await cli(['db', 'restore', backup, '--db', db]);
    expect(free.code, free.err).toBe(0);
  });
});

describe('db restore of a backup that cannot be read', () => {
  it('a backup cut short, or a live database another process holds: exit 2 naming the backup as such, no advice to restore a backup, nothing replaced', async () => {
    const before = (await stored()).items.length;
    const whole = join(t.dir, 'whole.duckdb');
    expect((await cli(['db', 'backup', whole, '--db', db])).code).toBe(0);
    // a real backup cut short, as an interrupted copy leaves it
    const cut = join(t.dir, 'cut.duckdb');
    writeFileSync(cut, readFileSync(whole).subarray(0, Math.floor(statSync(whole).size / 2)));
    const r = await cli(['db', 'restore', cut, '--db', db]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(
      new RegExp(`the backup ${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (is damaged|cannot be opened).*restore another backup; nothing was replaced`),
    );
    expect(r.err).not.toContain('db restore BACKUP');
    const h = await holder(whole);
    try {
      const held = await cli(['db', 'restore', whole, '--db', db]);
      expect(held.code, held.err).toBe(2);
      expect(held.err).toContain(`the backup ${whole} is held by another process (pid ${h.pid}): a live database, not a backup`);
      expect(held.err).not.toContain('splinternet serve');
    } finally {
      await h.stop();
    }
    expect((await stored()).items.length).toBe(before);
  });
});

describe('a database written by a newer build', () => {
  it('SYNTHETIC version row: doctor fails the database check naming both versions; db migrate and a write refuse it, unchanged', async () => {
    const newer = join(t.dir, 'opened-newer.duckdb');
    expect((await cli(['db', 'backup', newer, '--db', db])).code).toBe(0);
    await duck(newer, "INSERT INTO schema_migrations VALUES (999, 'from_a_newer_build', 'abcdef0123456789', now())");
    const doc = await cli(['doctor', '--json', '--db', newer]);
    expect(doc.code).toBe(1);
    const check = (JSON.parse(doc.out) as { checks: { name: string; ok: boolean; detail: string }[] }).checks.find((c) => c.name === 'database')!;
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/is at schema version 999, newer than this code's \d+/);
    const m = await cli(['db', 'migrate', '--db', newer]);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/newer than this code's .*nothing was changed/);
    expect((await cli(['tokens', 'create', '--name', 'x', '--scope', 'read', '--db', newer])).code).toBe(1);
  });

  it('SYNTHETIC version row: db backup copies it as it is (a backup only reads), newer version and all', async () => {
    const newer = join(t.dir, 'to-copy-newer.duckdb');
    expect((await cli(['db', 'backup', newer, '--db', db])).code).toBe(0);
    await duck(newer, "INSERT INTO schema_migrations VALUES (999, 'from_a_newer_build', 'abcdef0123456789', now())");
    const copy = join(t.dir, 'newer-copy.duckdb');
    const b = await cli(['db', 'backup', copy, '--db', newer]);
    expect(b.code, b.err).toBe(0);
    expect(await recordedVersion(copy)).toBe(999);
    expect(await recordedVersion(newer)).toBe(999);
  });
});

interface Doctor {
  checks: { name: string; ok: boolean; detail: string }[];
}
const doctor = async (...args: string[]) => {
  const r = await cli(['doctor', '--json', ...args]);
  const checks = (JSON.parse(r.out) as Doctor).checks;
  return { code: r.code, check: (name: string) => checks.find((c) => c.name === name) };
};
/** The highest version the file records, read straight from it. */
async function recordedVersion(path: string): Promise<number> {
  const inst = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  try {
    return Number((await c.runAndReadAll('SELECT max(version) AS v FROM schema_migrations')).getRowObjectsJS()[0]!.v);
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

describe('doctor and db migrate read the schema a database should have', () => {
  it('a copy of the live database without a table: doctor, doctor --deep and db migrate exit 1 naming it', async () => {
    const file = join(t.dir, 'lacking.duckdb');
    expect((await cli(['db', 'backup', file, '--db', db])).code).toBe(0);
    await duck(file, 'DROP TABLE signal_points');
    const d = await doctor('--deep', '--db', file);
    expect(d.code).toBe(1);
    expect(d.check('database')).toMatchObject({ ok: false });
    expect(d.check('database')!.detail).toMatch(/is not whole: missing table signal_points \(against schema version \d+\).*db restore BACKUP/);
    expect(d.check('tables')).toMatchObject({ ok: false });
    expect(d.check('tables')!.detail).toMatch(/^(\d+) of (\d+) read end to end .*; missing: signal_points$/);
    const [, read, of] = /^(\d+) of (\d+)/.exec(d.check('tables')!.detail)!;
    expect(Number(of)).toBe(Number(read) + 1);
    const m = await cli(['db', 'migrate', '--db', file]);
    expect(m.code).toBe(1);
    expect(m.err).toMatch(/is not whole: missing table signal_points/);
  });

  it('an older database: doctor reports its version and the pending migration, changes nothing (exit 0, 3 with --strict); db migrate applies it', async () => {
    const file = join(t.dir, 'older.duckdb');
    expect((await cli(['db', 'backup', file, '--db', db])).code).toBe(0);
    const code = await recordedVersion(file);
    // the last migration undone: its table dropped, its record removed
    const last = loadMigrations().find((m) => m.version === code)!;
    const created = /CREATE TABLE (\w+)/.exec(last.sql)![1]!;
    await duck(file, `DROP TABLE ${created}`, `DELETE FROM schema_migrations WHERE version = ${code}`);
    const d = await doctor('--db', file);
    expect(d.code).toBe(0);
    expect(d.check('database')).toMatchObject({ ok: true, detail: expect.stringContaining(`schema version ${code - 1}, 1 migration pending (to ${code})`) });
    expect((await cli(['doctor', '--strict', '--db', file])).code).toBe(3);
    expect(await recordedVersion(file)).toBe(code - 1);
    expect((await cli(['db', 'migrate', '--db', file])).code).toBe(0);
    expect(await recordedVersion(file)).toBe(code);
    expect((await doctor('--db', file)).check('database')!.detail).toMatch(new RegExp(`schema version ${code}$`));
  });

  it('a --db that is not there: exit 1 naming it, as every read; nothing created', async () => {
    const file = join(t.dir, 'typo.duckdb');
    const d = await doctor('--db', file);
    expect(d.code).toBe(1);
    expect(d.check('database')).toMatchObject({ ok: false, detail: expect.stringContaining(`no database at ${file}`) });
    expect(existsSync(file)).toBe(false);
  });
});
