/**
 * `splinternet watch --every 5s` as a process, on the real IODA fixture (test/fixtures/outages,
 * CC BY 3.0) converted to the documented CSV with a header and a cc column: a dropped file is
 * imported, detected, emitted and delivered to a receiver on 127.0.0.1 within one cycle; SIGTERM
 * exits 0; a restart, and a restart after kill -9 mid-cycle, repeat none of it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, cli, tempDir } from '../helpers/index.js';
import { Receiver } from '../helpers/receiver.js';

const t = tempDir();
const db = join(t.dir, 'watch.duckdb');
const inbox = join(t.dir, 'in');
mkdirSync(inbox);
const receiver = new Receiver();
const IODA = join(import.meta.dirname, '../fixtures/outages/ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');

function startWatch(): { child: ChildProcess; out: () => string; lines: (re: RegExp, n?: number) => Promise<void>; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'watch', '--every', '5s', '--signals-dir', inbox, '--port', '0', '--db', db], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout.on('data', (c: Buffer) => (text += c.toString()));
  child.stderr.on('data', (c: Buffer) => (text += c.toString()));
  const exit = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const lines = async (re: RegExp, n = 1) => {
    for (let i = 0; i < 600 && (text.match(new RegExp(re.source, 'g')) ?? []).length < n; i++) await new Promise((r) => setTimeout(r, 100));
    expect((text.match(new RegExp(re.source, 'g')) ?? []).length, text).toBeGreaterThanOrEqual(n);
  };
  return { child, out: () => text, lines, exit };
}

afterAll(async () => {
  await receiver.stop();
  t.cleanup();
});

describe('watch --every 5s', () => {
  it('picks up a dropped file, detects, emits and delivers within one cycle; restarts repeat nothing', async () => {
    await receiver.start();
    const hook = JSON.parse((await cli(['hooks', 'add', receiver.url, '--kind', 'outage', '--json', '--db', db])).out) as { secret: string };
    expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);

    const w = startWatch();
    await w.lines(/watch cycle-/);
    const csv = [
      'datasource,value,asn,as_name,timestamp,cc',
      ...readFileSync(IODA, 'utf8')
        .trim()
        .split(/\r?\n/)
        .map((l) => `${l},IR`),
    ].join('\n');
    writeFileSync(join(inbox, 'ioda-as44244.csv'), csv);
    await w.lines(/1 new input\(s\) \(0 failed, 0 settling\), 3996 points, 0 rejected, 1 detection\(s\), 1 new draft\(s\), 1 notice\(s\) queued/);
    await w.lines(/webhooks: 1 delivered/);
    expect(receiver.got).toHaveLength(1);
    expect(JSON.parse(receiver.got[0]!.body)).toMatchObject({ type: 'event.draft', event: { category: 'shutdown', countries: ['IR'], detector: 'outage' } });
    w.child.kill('SIGTERM');
    expect(await w.exit).toBe(0);

    // kill -9 in the middle of a cycle (a second, changed file is being imported), then a restart.
    writeFileSync(join(inbox, 'ioda-as44244-copy.csv'), csv.replace('darknet,126,', 'darknet,127,'));
    const k = startWatch();
    await new Promise((r) => setTimeout(r, 1500));
    k.child.kill('SIGKILL');
    await k.exit;
    const r = startWatch();
    await r.lines(/watch cycle-.*0 new draft\(s\), 0 notice\(s\) queued/, 2);
    r.child.kill('SIGTERM');
    expect(await r.exit).toBe(0);
    expect(receiver.got).toHaveLength(1);
    const status = JSON.parse((await cli(['watch-status', '--json', '--db', db])).out) as { inputs_seen: number; deliveries: Record<string, number> };
    expect(status.inputs_seen).toBe(2);
    expect(status.deliveries).toEqual({ pending: 0, delivered: 1, dead: 0 });
    const drafts = JSON.parse((await cli(['detect', '--kind', 'outage', '--asn', 'AS44244', '--json', '--db', db])).out) as {
      items: { draft: { status: string } | null }[];
    };
    expect(drafts.items).toHaveLength(1);
    expect(drafts.items[0]!.draft?.status).toBe('draft');
  }, 120_000);
});
