/**
 * The rejects list of one import of one file (import_rejects), written inside the transaction of
 * the rows it accompanies: an importer that records a file as imported (a checksum it skips on
 * the next run) records that file's rejects in the same commit, so neither is ever left without
 * the other. The list keeps one row per line: several rejects of one line (a wide row with two bad
 * cells) are stored as one, their reasons joined by "; " in the order given, so no list is refused.
 */
import type { RejectList, RejectRecord } from '../types.js';
import type { Sql } from './db.js';

/** The rejects of one line made one: the reasons joined by "; ", the first raw text kept. */
export function oneRowPerLine(rejects: RejectRecord[]): RejectRecord[] {
  const byLine = new Map<number, RejectRecord>();
  for (const r of rejects) {
    const held = byLine.get(r.line);
    byLine.set(r.line, held ? { ...held, reason: `${held.reason}; ${r.reason}`, raw: held.raw ?? r.raw } : r);
  }
  return [...byLine.values()];
}

/** Replace the list of (`kind`, `file`) by `rejects`, in the caller's transaction. */
export async function replaceRejectsIn(tx: Sql, kind: string, file: string, rejects: RejectRecord[]): Promise<void> {
  await tx.run('DELETE FROM import_rejects WHERE import_kind = $1 AND source_file = $2', [kind, file]);
  for (const r of oneRowPerLine(rejects)) {
    await tx.run('INSERT INTO import_rejects VALUES ($1, $2, $3, $4, $5, now())', [kind, file, r.line, r.reason, r.raw]);
  }
}

/** The same for a RejectList. */
export const writeRejectList = (tx: Sql, l: RejectList): Promise<void> => replaceRejectsIn(tx, l.importKind, l.sourceFile, l.records);
