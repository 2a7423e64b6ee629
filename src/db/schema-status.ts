/**
 * What `doctor` says of a database's schema, read without changing the file: its recorded
 * version, the migrations the code has that it does not record (pending: applied by
 * `db migrate`, never by doctor), a version newer than the code's, and any table or column its
 * version implies that it lacks (which no migration adds back).
 */
import type { SchemaCheck } from '../store/index.js';
import { schemaGaps } from './backup-check.js';

/** The way out of a database that lacks what its schema version implies: migrations cannot add it back. */
export const SCHEMA_GAP_ADVICE =
  'a migration already recorded is never applied again, so `splinternet db migrate` cannot add it back: ' +
  '`splinternet db restore BACKUP` from a whole copy made by `splinternet db backup`, or rebuild a new file with `splinternet db seed` and re-run your imports';

export interface SchemaStatus {
  /** False when the file cannot be used by this code as it is (newer, not an observatory's, or missing tables or columns). */
  ok: boolean;
  /** True when migrations are pending: the file is sound but older than the code. */
  pending: boolean;
  detail: string;
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function schemaStatus(path: string, s: SchemaCheck): SchemaStatus {
  const v = s.schemaVersion;
  if (v > s.codeSchemaVersion)
    return {
      ok: false,
      pending: false,
      detail:
        `the database ${path} is at schema version ${v}, newer than this code's ${s.codeSchemaVersion}: a newer splinternet wrote it, with tables this code does not know; ` +
        'use that version (`splinternet db backup FILE` copies it as it is)',
    };
  if (v === 0 && s.tables.length > 0)
    return {
      ok: false,
      pending: false,
      detail: `${path} records no observatory schema version (${plural(s.tables.length, 'table')}, ${s.tables.includes('schema_migrations') ? 'schema_migrations without a version' : 'no schema_migrations'}): not an observatory database`,
    };
  const gaps = schemaGaps(s);
  if (gaps) return { ok: false, pending: false, detail: `${path}, schema version ${v}, is not whole: ${gaps}; ${SCHEMA_GAP_ADVICE}` };
  if (s.pending > 0)
    return {
      ok: true,
      pending: true,
      detail:
        `${path}, schema version ${v}, ${plural(s.pending, 'migration')} pending (to ${s.codeSchemaVersion}): ` +
        '`splinternet db migrate` applies them (so does any command that opens it for writing); doctor changed nothing',
    };
  return { ok: true, pending: false, detail: `${path}, schema version ${v}` };
}
