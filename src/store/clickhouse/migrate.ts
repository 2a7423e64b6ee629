/**
 * Versioned, rerunnable ClickHouse migrations (src/store/clickhouse/migrations/NNN_name.sql).
 * ClickHouse without ZooKeeper has no ON CLUSTER DDL, so each migration runs on every shard
 * (its local tables and its own Distributed tables), and each shard records what it applied in
 * its own `schema_migrations`: a migration cut short on one shard is finished there by the next
 * run. Every statement is CREATE ... IF NOT EXISTS, or an ALTER TABLE ... ADD COLUMN the runner
 * skips where the table has the column (18.16 has no ADD COLUMN IF NOT EXISTS), so a rerun after
 * a crash is harmless.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, packagePath } from '../../shared/index.js';
import type { ChNode } from './client.js';
import { ident, Sql, sql } from './sql.js';

export interface ChMigration {
  version: number;
  name: string;
  statements: string[];
  checksum: string;
}

export function loadChMigrations(dir = packagePath('src', 'store', 'clickhouse', 'migrations')): ChMigration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const statements = text
        .split('\n')
        .filter((l) => !l.trim().startsWith('--'))
        .join('\n')
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean);
      return { version: Number(f.slice(0, 3)), name: f.slice(4, -4), statements, checksum: createHash('sha256').update(text).digest('hex').slice(0, 16) };
    });
}

const fill = (stmt: string, db: string, cluster: string) => new Sql(stmt.replaceAll('{db}', ident(db).text).replaceAll('{cluster}', ident(cluster).text));

/** Apply what each shard lacks; returns the schema version (the highest migration every shard has). */
export async function migrateShards(
  shards: ChNode[],
  db: string,
  cluster: string,
  migrations = loadChMigrations(),
): Promise<{ version: number; applied: { shard: string; version: number }[] }> {
  const applied: { shard: string; version: number }[] = [];
  for (const node of shards) {
    await node.run(sql`CREATE DATABASE IF NOT EXISTS ${ident(db)}`);
    await node.run(
      sql`CREATE TABLE IF NOT EXISTS ${ident(db)}.schema_migrations (version UInt32, name String, checksum String, applied_at DateTime('UTC')) ENGINE = MergeTree ORDER BY version`,
    );
    const have = new Map(
      (await node.all<{ version: number; checksum: string }>(sql`SELECT version, checksum FROM ${ident(db)}.schema_migrations`)).map((r) => [
        Number(r.version),
        r.checksum,
      ]),
    );
    for (const m of migrations) {
      const prev = have.get(m.version);
      if (prev !== undefined) {
        if (prev !== m.checksum)
          throw new AppError(
            'STORE',
            `ClickHouse migration ${m.version}_${m.name} changed after it was applied on ${node.name} (checksum ${prev} != ${m.checksum}); add a new migration instead`,
          );
        continue;
      }
      for (const s of m.statements) {
        const statement = fill(s, db, cluster);
        if (!(await columnAdded(node, statement))) await node.run(statement);
      }
      await node.run(sql`INSERT INTO ${ident(db)}.schema_migrations VALUES (${m.version}, ${m.name}, ${m.checksum}, now())`);
      applied.push({ shard: node.name, version: m.version });
    }
  }
  return { version: Math.max(0, ...migrations.map((m) => m.version)), applied };
}

const ADD_COLUMN = /^\s*ALTER\s+TABLE\s+`?(\w+)`?\.`?(\w+)`?\s+ADD\s+COLUMN\s+`?(\w+)`?\s/i;

/** True when the statement adds a column the table already has (a migration cut short on this shard). */
async function columnAdded(node: ChNode, statement: Sql): Promise<boolean> {
  const m = ADD_COLUMN.exec(statement.text);
  if (!m) return false;
  const [, database, table, name] = m;
  const r = await node.all<{ n: number }>(sql`SELECT count() AS n FROM system.columns WHERE database = ${database} AND table = ${table} AND name = ${name}`);
  return Number(r[0]?.n) > 0;
}

/** The schema version every shard has (0 when a shard has none). */
export async function shardSchemaVersion(shards: ChNode[], db: string): Promise<number> {
  let v = Number.POSITIVE_INFINITY;
  for (const node of shards) {
    const exists = await node.all<{ n: number }>(sql`SELECT count() AS n FROM system.tables WHERE database = ${db} AND name = 'schema_migrations'`);
    if (!Number(exists[0]?.n)) return 0;
    const r = await node.all<{ v: number }>(sql`SELECT max(version) AS v FROM ${ident(db)}.schema_migrations`);
    v = Math.min(v, Number(r[0]?.v ?? 0));
  }
  return Number.isFinite(v) ? v : 0;
}
