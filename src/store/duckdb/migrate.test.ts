/** A migration's identity is its statements: comments can be reworded, statements cannot. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DuckDb } from './db.js';
import { acceptsChecksum, loadMigrations, migrate, splitStatements } from './migrate.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrate-test-'));
  dirs.push(dir);
  const m = join(dir, 'migrations');
  mkdirSync(m);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(m, name), sql);
  return dir;
}

describe('migration checksums', () => {
  it('accept the whole-text checksums of the shipped migrations before their comments were reworded', async () => {
    const { execFileSync } = await import('node:child_process');
    for (const m of loadMigrations().filter((x) => [20, 50, 80].includes(x.version))) {
      // The earlier wording's statements are the same as today's.
      const file = `src/store/migrations/${String(m.version).padStart(3, '0')}_${m.name}.sql`;
      let earlier: string;
      try {
        earlier = execFileSync('git', ['show', `43400af:${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        continue; // no git history (a source tarball): the recorded constants stand alone
      }
      expect(splitStatements(earlier)).toEqual(splitStatements(m.sql));
      const { createHash } = await import('node:crypto');
      expect(acceptsChecksum(m, createHash('sha256').update(earlier).digest('hex').slice(0, 16))).toBe(true);
    }
  });

  it('ignore comments and keep accepting the full-text checksum stores recorded before', async () => {
    const dir = folder({ '001_t.sql': '-- first wording\nCREATE TABLE t (x INTEGER);\n' });
    const db = await DuckDb.open(join(dir, 'db.duckdb'));
    try {
      const [first] = loadMigrations(join(dir, 'migrations'));
      expect(await migrate(db, [first!])).toBe(1);
      // A store migrated when the checksum covered the whole text still opens.
      await db.run('UPDATE schema_migrations SET checksum = $1', [first!.legacyChecksum]);
      await expect(migrate(db, [first!])).resolves.toBe(1);
      writeFileSync(join(dir, 'migrations', '001_t.sql'), '-- reworded: links a design note\nCREATE TABLE t (x INTEGER);\n');
      const [reworded] = loadMigrations(join(dir, 'migrations'));
      expect(reworded!.checksum).toBe(first!.checksum);
      expect(reworded!.legacyChecksum).not.toBe(first!.legacyChecksum);
      await db.run('UPDATE schema_migrations SET checksum = $1', [first!.checksum]);
      await expect(migrate(db, [reworded!])).resolves.toBe(1);
      writeFileSync(join(dir, 'migrations', '001_t.sql'), '-- reworded\nCREATE TABLE t (x BIGINT);\n');
      const [changed] = loadMigrations(join(dir, 'migrations'));
      await expect(migrate(db, [changed!])).rejects.toThrow(/changed after it was applied/);
    } finally {
      await db.close();
    }
  });

  it("SYNTHETIC migrations: refuse a database at a schema version above the code's, naming both, and change nothing", async () => {
    const dir = folder({ '001_t.sql': 'CREATE TABLE t (x INTEGER);\n', '002_u.sql': 'CREATE TABLE u (x INTEGER);\n' });
    const db = await DuckDb.open(join(dir, 'db.duckdb'));
    try {
      const [first, second] = loadMigrations(join(dir, 'migrations'));
      expect(await migrate(db, [first!, second!])).toBe(2);
      await expect(migrate(db, [first!])).rejects.toThrow(
        /is at schema version 2, newer than this code's 1: a newer splinternet wrote it.*nothing was changed/,
      );
      expect(await db.all('SELECT version FROM schema_migrations ORDER BY 1')).toEqual([{ version: 1 }, { version: 2 }]);
    } finally {
      await db.close();
    }
  });
});
