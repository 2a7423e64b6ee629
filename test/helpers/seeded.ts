/**
 * The ledger seeded from the shipped data (`db seed --json` with the built CLI) once per
 * integration run, in the folder test/integration/global-setup.ts provides: the first file
 * that asks seeds it while holding a lock folder, the others wait for it and copy the result.
 * Each copy is a database of its own (with its companion files `<db>.wal`, `<db>.key`, ...), so
 * what one file writes never reaches another. Without that folder (a file run in another
 * project) the copy is seeded on the spot.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { copyDuckDb } from './duckdb-files.js';
import { runBin } from './index.js';

/** How long a hook that copies the seeded ledger may take: it may be the one seeding (25 s alone, minutes on a loaded machine) or wait for it. */
export const SEED_WAIT_MS = 600_000;

async function seedInto(db: string): Promise<string> {
  const r = await runBin(['db', 'seed', '--json', '--db', db]);
  // exit 3 = partial: the shipped STOP file has rows the ledger rejects (listed and kept)
  if (r.code !== 0 && r.code !== 3) throw new Error(`db seed exited ${r.code}: ${r.err.slice(-2000)}`);
  return r.out;
}

/** Makes `to` a copy of the run's seeded ledger; returns the seed's --json report. */
export async function copySeeded(to: string): Promise<string> {
  const dir = inject('seededDir') as string | undefined;
  if (!dir) return seedInto(to);
  const db = join(dir, 'seeded.duckdb');
  const done = join(dir, 'report.json');
  const failed = join(dir, 'failed.txt');
  let mine = false;
  mkdirSync(dir, { recursive: true });
  try {
    mkdirSync(join(dir, 'lock'));
    mine = true;
  } catch (e) {
    // the lock is there: another file is seeding, wait for its result below
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  if (mine) {
    try {
      writeFileSync(done, await seedInto(db));
    } catch (e) {
      writeFileSync(failed, String(e));
      throw e;
    }
  } else {
    const until = Date.now() + SEED_WAIT_MS;
    while (!existsSync(done)) {
      if (existsSync(failed)) throw new Error(`seeding the shared ledger failed: ${readFileSync(failed, 'utf8')}`);
      if (Date.now() > until) throw new Error(`the shared ledger in ${dir} was not seeded within ${SEED_WAIT_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  copyDuckDb(db, to);
  return readFileSync(done, 'utf8');
}
