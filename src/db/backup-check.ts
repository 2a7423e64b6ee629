/**
 * Whether a DuckDB file is a backup `db restore` may put in place of the database: one that
 * records the observatory's schema (a `schema_migrations` table with a version) at a version
 * this code knows. An empty DuckDB file (what a backup killed before it finished used to leave),
 * another program's database, or one written by a newer build is refused with the reason.
 */

export interface BackupShape {
  /** The file's tables, by name. */
  tables: readonly string[];
  /** The highest version its schema_migrations records (0 when it records none). */
  schemaVersion: number;
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
  return null;
}
