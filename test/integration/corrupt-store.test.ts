/**
 * A corrupt database must fail fast and say so: a seeded file whose data blocks (not its
 * header) are overwritten opens, and the first read of a damaged table fails while the
 * sibling reads of the same fan-out still run. The command must exit 1 with an error naming
 * the file as corrupt and the way out, and must not hang or crash while closing the store
 * under those sibling reads. Each case runs several times because the failure it guards
 * against was a race (it hung, crashed with SIGSEGV or exited 1 from run to run).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corruptCopy } from '../helpers/corrupt.js';
import { BIN, tempDir } from '../helpers/index.js';
import { copySeeded, SEED_WAIT_MS } from '../helpers/seeded.js';

const t = tempDir();
const seeded = join(t.dir, 'seeded.duckdb');
afterAll(() => t.cleanup());

/** Generous: a healthy run takes 2-5 s on a loaded machine; a hang never ends. */
const LIMIT_MS = 45_000;

function runWithLimit(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string; out: string; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [BIN, ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, err, out, ms: Date.now() - started });
    });
  });
}

beforeAll(async () => {
  await copySeeded(seeded);
}, SEED_WAIT_MS);

const cases = [
  { name: 'registry summary, entries damaged', tables: ['registry_entries'], args: ['registry', 'summary', '--json'] },
  { name: 'registry summary, file list damaged', tables: ['registry_files'], args: ['registry', 'summary', '--json'] },
  {
    name: 'cost, economic values damaged',
    tables: ['econ_values'],
    args: ['cost', '--country', 'RU', '--type', 'full', '--hours', '24', '--draws', '200', '--json'],
  },
];

describe('a corrupt database', () => {
  it.each(cases)('$name: exits 1 with a clear error, every time, without hanging', async ({ name, tables, args }) => {
    const db = join(t.dir, `${tables.join('-')}.duckdb`);
    const blocks = await corruptCopy(seeded, db, tables);
    expect(blocks.length).toBeGreaterThan(0);
    for (let run = 1; run <= 3; run++) {
      const r = await runWithLimit([...args, '--db', db]);
      const where = `${name}, run ${run} (${r.ms} ms, signal ${r.signal}): ${r.err.slice(-400)}`;
      expect(r.signal, where).toBeNull();
      expect(r.code, where).toBe(1);
      expect(r.err, where).toContain(`the database ${db} is corrupt`);
      expect(r.err, where).toMatch(/Recover: .*restore/);
      expect(r.err, where).not.toContain('internal error');
      const doc = JSON.parse(r.out) as { error: { code: string; corrupt: boolean } };
      expect(doc.error).toMatchObject({ code: 'STORE', corrupt: true });
    }
  });

  it('the undamaged original still reads (the damage is in the copies only)', async () => {
    const r = await runWithLimit(['registry', 'summary', '--json', '--db', seeded]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toHaveProperty('ipv4');
  });
});
