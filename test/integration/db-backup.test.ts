/**
 * Operations on the database file: `db backup` takes a consistent copy while `serve` runs and
 * writes go on; `db restore` replaces a database with a backup only after reading every row
 * of it (and never under a running server); `doctor --deep` reads every table and calls a
 * database with a damaged data block corrupt, with the way out, exit 1.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { corruptCopy } from '../helpers/corrupt.js';
import { runBin, startServer, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir();
const db = join(t.dir, 'live.duckdb');
const backups = join(t.dir, 'backups');
const backup = join(backups, 'backup.duckdb');
const restored = join(t.dir, 'restored.duckdb');
afterAll(() => t.cleanup());

/** Rows per table, straight from the file. */
async function counts(path: string): Promise<Record<string, number>> {
  const inst = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const c = await inst.connect();
  try {
    const tables = (await c.runAndReadAll('SELECT table_name AS t FROM duckdb_tables() ORDER BY 1')).getRowObjectsJS().map((r) => r.t as string);
    const out: Record<string, number> = {};
    for (const name of tables) out[name] = Number((await c.runAndReadAll(`SELECT count(*) AS n FROM "${name}"`)).getRowObjectsJS()[0]!.n);
    return out;
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

beforeAll(async () => {
  mkdirSync(backups);
  await copySeeded(db);
}, SEED_WAIT_MS);

describe('db backup, db restore, doctor --deep', () => {
  it('backs up a served database while writes go on, and restores it with every row', async () => {
    // --no-warm: the warm-up fills the dashboard's response cache, which nothing here reads
    const server = await startServer(db, ['--no-warm']);
    try {
      // writes through the server (the CLI routes to it) while the backup is taken
      const writes = Promise.all([1, 2, 3, 4].map((i) => runBin(['tokens', 'create', '--name', `during-${i}`, '--scope', 'read', '--json', '--db', db])));
      const b = await runBin(['db', 'backup', backup, '--json', '--db', db]);
      expect(b.code, b.err).toBe(0);
      expect(JSON.parse(b.out)).toMatchObject({ path: backup });
      for (const w of await writes) expect(w.code, w.err).toBe(0);
      // a completed backup leaves only FILE: no partial copy, no WAL of it
      expect(readdirSync(backups)).toEqual(['backup.duckdb']);
      const again = await runBin(['db', 'backup', backup, '--db', db]);
      expect(again.code).toBe(1);
      expect(again.err).toContain('never overwrites');
      const refused = await runBin(['db', 'restore', backup, '--db', db]);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/holds .*stop it, then restore/);
    } finally {
      await server.stop();
    }
    // the same without a server: the CLI's own process writes the copy
    const alone = await runBin(['db', 'backup', join(backups, 'alone.duckdb'), '--json', '--db', db]);
    expect(alone.code, alone.err).toBe(0);
    expect(JSON.parse(alone.out)).toMatchObject({ removed: [] });
    expect(readdirSync(backups).sort()).toEqual(['alone.duckdb', 'backup.duckdb']);
    const copied = await counts(backup);
    const live = await counts(db);
    expect(copied.events).toBe(live.events);
    expect(copied.api_tokens).toBeGreaterThanOrEqual(0);
    expect(copied.api_tokens).toBeLessThanOrEqual(live.api_tokens!);
    const deep = await runBin(['doctor', '--deep', '--json', '--db', backup]);
    expect(deep.code, deep.out).toBe(0);

    const r = await runBin(['db', 'restore', backup, '--json', '--db', restored]);
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out) as { tables: number; rows: number };
    const after = await counts(restored);
    expect(after).toEqual(copied);
    expect(report.rows).toBe(Object.values(copied).reduce((a, b) => a + b, 0));
  });

  it('doctor --deep calls a damaged file corrupt with the way out (exit 1); restore refuses it', async () => {
    const bad = join(t.dir, 'bad.duckdb');
    await corruptCopy(db, bad, ['registry_entries']);
    const plain = await runBin(['doctor', '--json', '--db', bad]);
    expect(plain.code, 'the shallow doctor does not read the data blocks').toBe(0);
    const r = await runBin(['doctor', '--deep', '--json', '--db', bad]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { ok: boolean; checks: { name: string; ok: boolean; detail: string }[] };
    const failed = doc.checks.filter((c) => !c.ok);
    expect(failed.map((c) => c.name)).toEqual(['tables', 'table registry_entries']);
    expect(failed[1]!.detail).toMatch(/^corrupt: .*db restore BACKUP/);
    // the embedded store named explicitly (--store duckdb, or SPLINTERNET_STORE=duckdb) is the same store: read as deep
    const named = await runBin(['doctor', '--deep', '--json', '--store', 'duckdb', '--db', bad]);
    expect(named.code).toBe(1);
    expect((JSON.parse(named.out) as typeof doc).checks.filter((c) => !c.ok).map((c) => c.name)).toEqual(['tables', 'table registry_entries']);
    const restore = await runBin(['db', 'restore', bad, '--db', join(t.dir, 'never.duckdb')]);
    expect(restore.code).toBe(2);
    expect(restore.err).toMatch(/the backup .* is damaged, not a sound backup: registry_entries: .*restore another backup; nothing was replaced/);
    expect(restore.err).not.toContain('db restore BACKUP');
  });
});
