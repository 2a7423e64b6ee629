/**
 * Whether a DuckDB file holds the schema its recorded version implies: every table and column
 * the code's migrations up to that version create (`schema_migrations`'s own columns included),
 * and none that only a later migration creates (migrating it would then fail half-way). The
 * expected schema is read from the migrations themselves, applied to an in-memory database once
 * per version in this process, never written out by hand. Reads only: the file is not changed.
 */
import type { SchemaCheck } from '../types.js';
import { DuckDb } from './db.js';
import { codeSchemaVersion, loadMigrations, migrate, type Migration } from './migrate.js';

/** Table name -> its column names. */
type Shape = Map<string, Set<string>>;

async function shapeOf(db: DuckDb): Promise<Shape> {
  const rows = await db.all<{ t: string; c: string | null }>(
    `SELECT t.table_name AS t, c.column_name AS c
       FROM duckdb_tables() t LEFT JOIN duckdb_columns() c
         ON c.database_name = t.database_name AND c.schema_name = t.schema_name AND c.table_name = t.table_name
      WHERE t.database_name = current_database() AND NOT t.temporary`,
  );
  const shape: Shape = new Map();
  for (const { t, c } of rows) {
    const cols = shape.get(t) ?? new Set<string>();
    if (c !== null) cols.add(c);
    shape.set(t, cols);
  }
  return shape;
}

const expected = new Map<number, Promise<Shape>>();

/** The tables and columns the code's migrations up to `version` create. */
export function expectedShape(version: number, migrations: Migration[] = loadMigrations()): Promise<Shape> {
  let shape = expected.get(version);
  if (!shape) {
    shape = (async () => {
      const mem = await DuckDb.open(':memory:', { readers: 1 });
      try {
        await migrate(
          mem,
          migrations.filter((m) => m.version <= version),
        );
        return await shapeOf(mem);
      } finally {
        await mem.close();
      }
    })();
    expected.set(version, shape);
    shape.catch(() => expected.delete(version));
  }
  return shape;
}

/** The versions the file's schema_migrations records (none when it has no such table or column). */
async function recordedVersions(db: DuckDb, shape: Shape): Promise<number[]> {
  if (!shape.get('schema_migrations')?.has('version')) return [];
  const rows = await db.all<{ v: number | null }>('SELECT version AS v FROM schema_migrations');
  return rows.map((r) => Number(r.v)).filter((v) => Number.isFinite(v));
}

/** Compare the file's tables and columns with those its recorded version implies. */
export async function checkSchema(db: DuckDb, migrations: Migration[] = loadMigrations()): Promise<SchemaCheck> {
  const shape = await shapeOf(db);
  const recorded = await recordedVersions(db, shape);
  const version = Math.max(0, ...recorded);
  const code = codeSchemaVersion(migrations);
  const done = new Set(recorded);
  const check: SchemaCheck = {
    tables: [...shape.keys()].sort(),
    schemaVersion: version,
    codeSchemaVersion: code,
    pending: migrations.filter((m) => !done.has(m.version)).length,
    missingTables: [],
    missingColumns: [],
    ahead: [],
  };
  // a file at a newer version, or recording none, has no schema of this code's to compare with
  if (version === 0 || version > code) return check;
  const want = await expectedShape(version, migrations);
  const full = await expectedShape(code, migrations);
  for (const [table, cols] of want) {
    const have = shape.get(table);
    if (!have) check.missingTables.push(table);
    else for (const c of cols) if (!have.has(c)) check.missingColumns.push(`${table}.${c}`);
  }
  // what only a later migration creates, already there: that migration would fail on it
  for (const [table, cols] of shape) {
    const later = full.get(table);
    if (!later) continue;
    const now = want.get(table);
    if (!now) check.ahead.push(table);
    else for (const c of cols) if (later.has(c) && !now.has(c)) check.ahead.push(`${table}.${c}`);
  }
  for (const list of [check.missingTables, check.missingColumns, check.ahead]) list.sort();
  return check;
}
