/**
 * The schema check reads the expected tables and columns from the code's own migrations: a
 * database migrated by them is whole, and each table or column taken away, or a version record
 * taken away under tables that are there, is named.
 */
import { describe, expect, it } from 'vitest';
import { DuckDb } from './db.js';
import { codeSchemaVersion, loadMigrations, migrate } from './migrate.js';
import { checkSchema } from './schema-check.js';

async function migrated(): Promise<DuckDb> {
  const db = await DuckDb.open(':memory:', { readers: 1 });
  await migrate(db);
  return db;
}

describe('checkSchema', () => {
  it('a database the migrations made is whole at the code version, nothing pending', async () => {
    const db = await migrated();
    try {
      const c = await checkSchema(db);
      expect(c).toMatchObject({ schemaVersion: codeSchemaVersion(), pending: 0, missingTables: [], missingColumns: [], ahead: [] });
      expect(c.tables).toContain('schema_migrations');
    } finally {
      await db.close();
    }
  });

  it('names a dropped table and a dropped column', async () => {
    const db = await migrated();
    try {
      await db.run('DROP TABLE signal_points');
      await db.run('ALTER TABLE api_tokens DROP COLUMN scopes');
      const c = await checkSchema(db);
      expect(c.missingTables).toEqual(['signal_points']);
      expect(c.missingColumns).toEqual(['api_tokens.scopes']);
    } finally {
      await db.close();
    }
  });

  it('counts migrations not recorded as pending, and names tables of later migrations already there', async () => {
    const db = await migrated();
    try {
      const last = codeSchemaVersion();
      await db.run('DELETE FROM schema_migrations WHERE version = $1', [last]);
      const c = await checkSchema(db);
      expect(c.schemaVersion).toBeLessThan(last);
      expect(c.pending).toBe(1);
      // the last migration's table is there, though the version says it is not made yet
      const created = /CREATE TABLE (\w+)/.exec(loadMigrations().find((m) => m.version === last)!.sql)?.[1];
      expect(created).toBeDefined();
      expect(c.ahead).toContain(created);
    } finally {
      await db.close();
    }
  });
});
