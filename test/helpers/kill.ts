/**
 * Crash tests' two tools: run the built CLI until the writer of a phase reports it is inside its
 * transaction (SPLINTERNET_TEST_PAUSE_IN_TX, see DuckDb.pauseInTx) and kill it with SIGKILL then,
 * so the kill provably lands between the rows and COMMIT; and read a DuckDB file's tables
 * straight from the file (no application code in between) to compare a killed-and-rerun store
 * with one written without interruption.
 */
import { spawn } from 'node:child_process';
import { DuckDBInstance } from '@duckdb/node-api';
import { BIN } from './index.js';

export interface Killed {
  /** The `in-tx phase#n detail` line the writer printed, or null if it never reached the phase. */
  marker: string | null;
  signal: NodeJS.Signals | null;
  err: string;
}

/** Run the CLI with `args` until the writer of `phase` (`name` or `name#n`) is inside its transaction, then kill -9. */
export function killInside(phase: string, args: string[]): Promise<Killed> {
  const want = `in-tx ${phase.includes('#') ? phase : `${phase}#1`} `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, SPLINTERNET_TEST_PAUSE_IN_TX: phase },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    let marker: string | null = null;
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      const line = err.split('\n').find((l) => l.startsWith(want));
      if (line && !marker) {
        marker = line;
        child.kill('SIGKILL');
      }
    });
    // A writer that never reaches the phase must not hang the suite: it ends or is killed here.
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve({ marker, signal, err });
    });
  });
}

/** Run read-only queries on a DuckDB file, each returning one row's `n`. */
export async function readFile<T>(
  path: string,
  read: (q: (sql: string) => Promise<number>, rows: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>,
): Promise<T> {
  const inst = await DuckDBInstance.create(path);
  const c = await inst.connect();
  const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  const q = async (sql: string) => Number((await rows(sql))[0]?.n ?? 0);
  try {
    return await read(q, rows);
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

/**
 * Each table's row count and an order-independent digest of its rows (columns named in `skip`,
 * such as import times, left out): two stores with equal figures hold the same rows.
 */
export function tableDigests(path: string, tables: string[], skip: string[] = []): Promise<Record<string, { rows: number; digest: string }>> {
  return readFile(path, async (_q, rows) => {
    const out: Record<string, { rows: number; digest: string }> = {};
    for (const t of tables) {
      const cols = (await rows(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = '${t}' ORDER BY ordinal_position`))
        .map((r) => r.c as string)
        .filter((c) => !skip.includes(c));
      const r = (await rows(`SELECT count(*) AS n, coalesce(sum(hash(${cols.map((c) => `"${c}"`).join(', ')})), 0)::VARCHAR AS h FROM ${t}`))[0]!;
      out[t] = { rows: Number(r.n), digest: r.h as string };
    }
    return out;
  });
}
