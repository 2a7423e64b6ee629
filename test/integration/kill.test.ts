/**
 * Crash safety: `db seed` (thousands of events in transactions) is killed with SIGKILL at
 * several points. After each kill the database opens, holds only whole events (each with its
 * revisions, no orphan revision), and a rerun completes with every event exactly once.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { BIN, runBin, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'killed.duckdb');
afterAll(() => t.cleanup());

function seedAndKill(afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'db', 'seed', '--db', db], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function invariants(): Promise<{ events: number; orphans: number; gaps: number; dupes: number }> {
  const inst = await DuckDBInstance.create(db);
  const c = await inst.connect();
  const q = async (sql: string) => Number((await c.runAndReadAll(sql)).getRowObjectsJS()[0]?.n ?? 0);
  try {
    const hasTable = await q(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'events'`);
    if (!hasTable) return { events: 0, orphans: 0, gaps: 0, dupes: 0 };
    return {
      events: await q('SELECT count(*) AS n FROM events'),
      orphans: await q('SELECT count(*) AS n FROM event_revisions r WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.id = r.event_id)'),
      gaps: await q('SELECT count(*) AS n FROM events e WHERE e.revision <> (SELECT count(*) FROM event_revisions r WHERE r.event_id = e.id)'),
      dupes: await q('SELECT count(*) - count(DISTINCT id) AS n FROM events'),
    };
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

describe('kill -9 during writes', () => {
  it('leaves a consistent store at every kill point, and a rerun completes without duplicates', async () => {
    const seen: number[] = [];
    for (const ms of [700, 1800, 3500, 5000]) {
      await seedAndKill(ms);
      const inv = await invariants();
      expect(inv, `after kill at ${ms} ms`).toMatchObject({ orphans: 0, gaps: 0, dupes: 0 });
      seen.push(inv.events);
    }
    console.log(`events visible after each kill: ${seen.join(', ')}`);
    const done = await runBin(['db', 'seed', '--json', '--db', db]);
    expect([0, 3]).toContain(done.code);
    const report = JSON.parse(done.out);
    const final = await invariants();
    expect(final).toMatchObject({ orphans: 0, gaps: 0, dupes: 0 });
    expect(final.events).toBe(report.ledger.events.files + report.stop.events.distinct - report.stop.events.linked_to_seed);
    expect(seen.every((n) => n <= final.events)).toBe(true);
  }, 120_000);
});
