/**
 * Whether a DuckDB file is a backup `db restore` may put in place of the database: one that
 * records the observatory's schema (a `schema_migrations` table with a version) at a version
 * this code knows, and holds every table and column that version implies (and none only a later
 * migration makes). An empty DuckDB file (what a backup killed before it finished used to
 * leave), another program's database, a partial copy, or one written by a newer build is
 * refused with the reason. The same gaps make `doctor` and `db migrate` fail on a live database.
 */
import type { SchemaCheck } from '../store/index.js';

/** The shape of a file as far as these checks read it. */
export type BackupShape = Pick<SchemaCheck, 'tables' | 'schemaVersion'> & Partial<Pick<SchemaCheck, 'missingTables' | 'missingColumns' | 'ahead'>>;

/** At most `n` names, then how many more. */
function some(names: readonly string[], n = 8): string {
  return names.slice(0, n).join(', ') + (names.length > n ? ` and ${names.length - n} more` : '');
}

/**
 * What the file lacks against its recorded version (and what a later migration's it already
 * has), or null when its tables and columns are those its version implies.
 */
export function schemaGaps(shape: BackupShape): string | null {
  const parts: string[] = [];
  const missingTables = shape.missingTables ?? [];
  const missingColumns = shape.missingColumns ?? [];
  const ahead = shape.ahead ?? [];
  if (missingTables.length) parts.push(`missing ${missingTables.length === 1 ? 'table' : `${missingTables.length} tables`} ${some(missingTables)}`);
  if (missingColumns.length) parts.push(`missing ${missingColumns.length === 1 ? 'column' : `${missingColumns.length} columns`} ${some(missingColumns)}`);
  if (ahead.length) parts.push(`already holds ${some(ahead)}, which only a migration after its version ${shape.schemaVersion} creates`);
  return parts.length ? `${parts.join('; ')} (against schema version ${shape.schemaVersion})` : null;
}

/** Why `file` is not a backup this code restores, or null when it is one. */
export function backupRefusal(file: string, shape: BackupShape, codeVersion: number): string | null {
  const made = 'a backup made by `splinternet db backup`';
  if (shape.tables.length === 0)
    return `${file}: a DuckDB database with no tables, not ${made} (a copy that stopped before it finished leaves such a file); nothing was replaced`;
  if (!shape.tables.includes('schema_migrations')) {
    const some = shape.tables.slice(0, 5).join(', ') + (shape.tables.length > 5 ? ', ...' : '');
    return `${file}: a DuckDB database of another program (its ${shape.tables.length} table${shape.tables.length === 1 ? '' : 's'}: ${some}; no schema_migrations), not ${made}; nothing was replaced`;
  }
  if (shape.schemaVersion <= 0) return `${file}: its schema_migrations records no version, so it is not ${made}; nothing was replaced`;
  if (shape.schemaVersion > codeVersion)
    return (
      `${file}: a backup at schema version ${shape.schemaVersion}, newer than this code's ${codeVersion} (made by a newer splinternet, ` +
      'whose tables this code does not know): restore it with that version; nothing was replaced'
    );
  const gaps = schemaGaps(shape);
  if (gaps) return `${file}: not a whole observatory database, so not ${made}: ${gaps}; nothing was replaced`;
  return null;
}
