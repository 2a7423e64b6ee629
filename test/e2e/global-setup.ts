/**
 * Once per browser run, before any e2e file: builds the dashboard and seeds one DuckDB database
 * from the shipped data. Each file's harness copies that database (a file of its own, so a
 * file's extra imports never reach another file) instead of building and seeding again. With
 * E2E_STORE (a ClickHouse cluster) nothing is seeded here: the harness seeds the cluster.
 * When the integration run before it kept its seeded ledger (SPLINTERNET_TEST_SEEDED_DIR, set by
 * .ci/run), that ledger is copied instead: the same `db seed` of the same tree, not run twice.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertFreshBundle, BIN } from '../helpers/bin.js';
import { copyDuckDb } from '../helpers/duckdb-files.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded template database, or '' when the harness seeds its own store. */
    e2eSeeded: string;
  }
}

/** Runs a command to its end; rejects naming it and its stderr's tail unless it exits with one of `okCodes`. */
function run(cmd: string, args: string[], okCodes = [0]): Promise<void> {
  return new Promise((ok, fail) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    p.on('error', fail);
    p.on('close', (code) => (okCodes.includes(code ?? -1) ? ok() : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

export default async function setup(project: TestProject): Promise<() => void> {
  assertFreshBundle();
  // The web build and the seed are independent (the seed runs the CLI built before the suite):
  // side by side they keep both cores busy.
  const build = process.env.E2E_SKIP_BUILD ? Promise.resolve() : run('npm', ['run', 'build:web', '--silent']);
  if (process.env.E2E_STORE) {
    await build;
    project.provide('e2eSeeded', '');
    return () => undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'splinternet-e2e-seed-'));
  const db = join(dir, 'seeded.duckdb');
  // exit 3 = some shipped rows rejected (listed and kept in the database)
  const kept = process.env.SPLINTERNET_TEST_SEEDED_DIR;
  const seed =
    kept && existsSync(join(kept, 'report.json'))
      ? Promise.resolve().then(() => copyDuckDb(join(kept, 'seeded.duckdb'), db))
      : run(process.execPath, [BIN, 'db', 'seed', '--db', db], [0, 3]);
  const results = await Promise.allSettled([build, seed]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    rmSync(dir, { recursive: true, force: true });
    throw failed.reason;
  }
  project.provide('e2eSeeded', db);
  return () => rmSync(dir, { recursive: true, force: true });
}
