/**
 * One DuckDB instance per database file in this process. DuckDB's file lock is held per process,
 * so a second instance on a file this process already has open is not refused: it gets its own
 * catalog, buffer pool and WAL, sees none of the other's writes, and whichever checkpoints last
 * overwrites the other's (a table created through one instance was gone after both closed).
 * Here every open of a path shares one DuckDb: one writer and one write queue, one read cache
 * and one data version. Each handle's release gives up its share once; the last one closes the
 * file, and an open that arrives while it closes waits and opens it again. A path open
 * read-write is not also opened read-only, nor the reverse: that is refused, naming the mode it
 * is open in. `:memory:` is never shared (each open is its own database). The first open for
 * writing migrates the file and recomputes the summary cells a writer marked and did not get to
 * recompute (killed mid-ingest, or a backup taken mid-ingest), so the cells agree with the rows.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../shared/index.js';
import { DuckDb } from './db.js';
import { refreshLeftCells } from './measure-sql.js';
import { migrate } from './migrate.js';

export interface DuckDbHandle {
  db: DuckDb;
  /** Give up this handle's share; the last one closes the file. A second call does nothing. */
  release: () => Promise<void>;
}

interface Shared {
  readOnly: boolean;
  refs: number;
  db: Promise<DuckDb>;
  /** The migration run of the first opener that asked for one; later openers wait for it. */
  migrated?: Promise<unknown>;
}

const open = new Map<string, Shared>();
const closing = new Map<string, Promise<void>>();

/** The file's identity in this process: its folder with symlinks resolved, and its name. */
export function fileKey(path: string): string | null {
  if (path === ':memory:') return null;
  const abs = resolve(path);
  try {
    return join(realpathSync(dirname(abs)), basename(abs));
  } catch {
    return abs;
  }
}

/** How many handles share the file at `path` in this process (0 when it is not open). */
export function sharedHandles(path: string): number {
  const key = fileKey(path);
  return key === null ? 0 : (open.get(key)?.refs ?? 0);
}

const mode = (readOnly: boolean) => (readOnly ? 'read-only' : 'for writing');

export async function acquireDuckDb(path: string, options: { readOnly?: boolean; migrate?: boolean } = {}): Promise<DuckDbHandle> {
  const readOnly = options.readOnly === true;
  const wantMigrate = options.migrate !== false && !readOnly;
  const key = fileKey(path);
  if (key === null) {
    const db = await DuckDb.open(path, { readOnly });
    try {
      if (wantMigrate) {
        await migrate(db);
        await refreshLeftCells(db);
      }
    } catch (e) {
      await db.close();
      throw e;
    }
    let released = false;
    const release = async (): Promise<void> => {
      if (released) return;
      released = true;
      await db.close();
    };
    return { db, release };
  }

  for (let c = closing.get(key); c; c = closing.get(key)) await c.catch(() => undefined);
  let shared = open.get(key);
  if (shared && shared.readOnly !== readOnly) {
    throw new AppError(
      'STORE_LOCKED',
      `the database ${path} is already open ${mode(shared.readOnly)} in this process; close it before opening it ${mode(readOnly)}`,
    );
  }
  if (!shared) {
    const created: Shared = { readOnly, refs: 0, db: DuckDb.open(path, { readOnly }) };
    open.set(key, created);
    shared = created;
  }
  const s = shared;
  s.refs++;
  let released = false;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    if (--s.refs > 0) return;
    open.delete(key);
    const done = s.db.then(
      (db) => db.close(),
      () => undefined,
    );
    closing.set(key, done);
    try {
      await done;
    } finally {
      if (closing.get(key) === done) closing.delete(key);
    }
  };
  try {
    const db = await s.db;
    if (wantMigrate) {
      s.migrated ??= migrate(db)
        .then(() => refreshLeftCells(db))
        .catch((e: unknown) => {
          s.migrated = undefined;
          throw e;
        });
      await s.migrated;
    }
    return { db, release };
  } catch (e) {
    await release();
    throw e;
  }
}
