/**
 * Numbered SQL migrations (src/store/migrations/NNN_name.sql), applied in order when a store
 * opens and recorded in `schema_migrations` with a checksum. The migrations one open applies run
 * in one transaction, so a crash mid-migration leaves the version the store had (a new file
 * gets its whole schema with one commit, not one per migration).
 * Number ranges per domain keep parallel work from colliding: 001-019 ledger/spine,
 * 020-039 cost, 040-059 measure, 060-079 registry, 080-099 detect.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, packagePath } from '../../shared/index.js';
import type { DuckDb } from './db.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Hash of the statements only: editing a comment does not change a migration's identity. */
  checksum: string;
  /** Hash of the whole file text, as recorded by stores migrated before comments were excluded. */
  legacyChecksum: string;
}

/**
 * Whole-text checksums that stores recorded for earlier wordings of a migration's comments
 * (the statements are unchanged; migrate.test.ts holds that). Later comment edits need no entry,
 * since the checksum now covers statements only.
 */
const EARLIER_WORDINGS: Readonly<Record<number, readonly string[]>> = {
  20: ['5c62fbfc34b09e92'],
  50: ['632aeb1914769d50'],
  80: ['53924929b2de14d9'],
};

/** Whether a recorded checksum names this migration (its statements, or a whole text it had). */
export function acceptsChecksum(m: Migration, recorded: string): boolean {
  return recorded === m.checksum || recorded === m.legacyChecksum || (EARLIER_WORDINGS[m.version] ?? []).includes(recorded);
}

function sha16(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function loadMigrations(dir = packagePath('src', 'store', 'migrations')): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const sql = readFileSync(join(dir, f), 'utf8');
      return {
        version: Number(f.slice(0, 3)),
        name: f.slice(4, -4),
        sql,
        checksum: sha16(splitStatements(sql).join(';\n')),
        legacyChecksum: sha16(sql),
      };
    });
}

/** The schema version this code migrates to: its highest migration. */
export function codeSchemaVersion(migrations = loadMigrations()): number {
  return migrations.reduce((v, m) => Math.max(v, m.version), 0);
}

/**
 * Apply what is missing; return the schema version (highest applied migration). A database at a
 * version above the code's (written by a newer build) is refused before anything is applied.
 */
export async function migrate(db: DuckDb, migrations = loadMigrations()): Promise<number> {
  await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, checksum VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
  const applied = new Map(
    (await db.all<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map((r) => [r.version, r.checksum]),
  );
  const newest = Math.max(0, ...applied.keys());
  const known = codeSchemaVersion(migrations);
  if (newest > known)
    throw new AppError(
      'STORE',
      `the database ${db.path} is at schema version ${newest}, newer than this code's ${known}: a newer splinternet wrote it, with tables this code does not know. ` +
        'Use that version, or restore a backup made by this one (`splinternet db restore BACKUP`) after copying this one as it is (`splinternet db backup FILE`); nothing was changed',
      { details: { schema_version: newest, code_schema_version: known } },
    );
  const missing: Migration[] = [];
  for (const m of migrations) {
    const seen = applied.get(m.version);
    if (seen === undefined) missing.push(m);
    else if (!acceptsChecksum(m, seen)) {
      throw new AppError('STORE', `migration ${m.version}_${m.name} changed after it was applied (checksum ${seen} != ${m.checksum})`);
    }
  }
  if (missing.length)
    await db.tx(async (tx) => {
      // one script (DuckDB runs it statement by statement in one call), then one row per migration
      await tx.run(missing.flatMap((m) => splitStatements(m.sql)).join(';\n'));
      await tx.run(
        `INSERT INTO schema_migrations VALUES ${missing.map((_, i) => `($${3 * i + 1}, $${3 * i + 2}, $${3 * i + 3}, now())`).join(', ')}`,
        missing.flatMap((m) => [m.version, m.name, m.checksum]),
      );
      await db.pauseInTx('migrate', `versions=${missing.map((m) => m.version).join(',')}`);
    });
  return schemaVersion(db);
}

export async function schemaVersion(db: DuckDb): Promise<number> {
  const t = await db.cachedAll(`SELECT 1 FROM information_schema.tables WHERE table_name = 'schema_migrations'`);
  if (t.length === 0) return 0;
  const rows = await db.cachedAll<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}

/** Split on semicolons at line ends, dropping comment-only chunks. Migrations avoid ';' in strings. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
