/**
 * Once per browser run, before any e2e file: builds the dashboard and seeds one DuckDB database
 * from the shipped data. Each file's harness copies that database (a file of its own, so a
 * file's extra imports never reach another file) instead of building and seeding again. With
 * E2E_STORE (a ClickHouse cluster) nothing is seeded here: the harness seeds the cluster.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded template database, or '' when the harness seeds its own store. */
    e2eSeeded: string;
  }
}

function run(cmd: string, args: string[], okCodes = [0]): void {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!okCodes.includes(r.status ?? -1)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
}

export default function setup(project: TestProject): () => void {
  if (!process.env.E2E_SKIP_BUILD) run('npm', ['run', 'build:web', '--silent']);
  if (process.env.E2E_STORE) {
    project.provide('e2eSeeded', '');
    return () => undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'splinternet-e2e-seed-'));
  const db = join(dir, 'seeded.duckdb');
  // exit 3 = some shipped rows rejected (listed and kept in the database)
  run(process.execPath, [join(process.cwd(), 'dist/src/cli/bin.js'), 'db', 'seed', '--db', db], [0, 3]);
  project.provide('e2eSeeded', db);
  return () => rmSync(dir, { recursive: true, force: true });
}
