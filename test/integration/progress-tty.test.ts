// Progress as a user sees it: the built CLI run under a real pseudo-terminal (util-linux
// `script`), not a stream that claims to be one. `ooni sync --ingest` (against the S3 test double
// holding real bucket-layout fixtures) and `ingest` draw a bar on stderr when stderr is a
// terminal; when stderr is a file or a pipe they write plain log lines; with --json they write
// NDJSON events only. Escape codes never reach stdout, whatever it is.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runBin, tempDir } from '../helpers/index.js';
import { objectsFrom, startS3Double, type S3Double } from '../helpers/s3-double.js';

const SAMPLE = join(import.meta.dirname, '../fixtures/ooni/bucket-sample');
const PREFIX = 'raw/20221110/10/US/';
const INGEST_DIR = join(SAMPLE, 'raw/20221110');
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux') === true;
if (!hasScript) console.warn('progress-tty: skipped, util-linux `script` (Debian bsdutils) is not installed');

const ESC = '\x1b';
const BAR_CELL = /[█░]/;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the built CLI with a pseudo-terminal as its controlling terminal; `redirect` is shell
 *  redirections applied inside it (e.g. `> out.json`). Returns what reached the terminal. */
function inPty(args: string[], redirect = ''): Promise<{ code: number | null; tty: string }> {
  const cmd = `${[process.execPath, BIN, ...args].map(quote).join(' ')} ${redirect}`;
  return new Promise((resolve) => {
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: { ...process.env, TERM: 'xterm' } });
    let tty = '';
    child.stdout.on('data', (d: Buffer) => (tty += d.toString()));
    child.stderr.on('data', (d: Buffer) => (tty += d.toString()));
    child.on('close', (code) => resolve({ code, tty }));
  });
}

/** The bar's last frame for `label`, escape codes removed. */
const lastFrame = (tty: string, label: string) => {
  const frames = tty.split(`${ESC}[1G`).filter((f) => f.startsWith(`${label} [`));
  // eslint-disable-next-line no-control-regex
  return (frames.at(-1) ?? '').replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '');
};

describe.skipIf(!hasScript)('progress on a real terminal (built CLI under `script`)', () => {
  const t = tempDir();
  const db = join(t.dir, 'p.duckdb');
  const dest = join(t.dir, 'ooni');
  const objects = objectsFrom(SAMPLE, PREFIX);
  let s3: S3Double;
  const sync = () => [
    'ooni',
    'sync',
    '--since',
    '2022-11-10T10',
    '--until',
    '2022-11-10T10',
    '--cc',
    'US',
    '--bucket-url',
    s3.url,
    '--dest',
    dest,
    '--db',
    db,
    '--ingest',
    '--workers',
    '0',
  ];
  beforeAll(async () => {
    s3 = await startS3Double({ bucket: 'ooni-tty', objects });
  });
  afterAll(async () => {
    await s3.close();
    t.cleanup();
  });

  it('ooni sync --ingest draws a bar with bytes, files and stored measurements; the report follows it', async () => {
    const bytes = [...objects.values()].reduce((s, b) => s + b.length, 0);
    expect(objects.size).toBe(4);
    const r = await inPty(sync());
    expect(r.code, r.tty).toBe(0);
    expect(r.tty).toContain(`${ESC}[?25l`); // cursor hidden while the bar draws, shown again after
    expect(r.tty).toContain(`${ESC}[?25h`);
    const frame = lastFrame(r.tty, 'ooni sync');
    expect(frame).toMatch(BAR_CELL);
    expect(frame).toContain(`100% ${(bytes / 1000).toFixed(1)} kB/${(bytes / 1000).toFixed(1)} kB`);
    expect(frame).toMatch(/\| \d+(\.\d+)? [kM]?B\/s \|/);
    expect(frame).toContain('files_done=4 files_total=4 downloaded=4 unchanged=0 corrupt=0 failed=0 stored=4');
    expect(r.tty).toContain('listed 4 = ignored 0 + downloaded 4 + unchanged 0 + corrupt 0 + failed 0');
  });

  it('with --json on a terminal: no bar, NDJSON progress on stderr, counts on stdout that reconcile (rerun stores none)', async () => {
    const out = join(t.dir, 'sync.json');
    const r = await inPty([...sync(), '--json'], `> ${quote(out)}`);
    expect(r.code, r.tty).toBe(0);
    expect(r.tty).not.toContain(ESC);
    expect(r.tty).not.toMatch(BAR_CELL);
    const events = r.tty
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { type: string; phase: string; label?: string });
    expect(events.every((e) => e.type === 'progress')).toBe(true);
    expect(events.filter((e) => e.phase === 'start').map((e) => e.label)).toEqual(['ooni sync: listing', 'ooni sync']);
    const j = JSON.parse(readFileSync(out, 'utf8'));
    expect(j.files).toMatchObject({ listed: 4, downloaded: 0, unchanged: 4 });
    expect(j.reconciled).toBe(true);
    expect(j.ingest).toMatchObject({ stored: 0, reconciled: true });
  });

  it('stderr not a terminal (a file): log lines, no escape codes; stdout on the terminal gets only the report', async () => {
    const err = join(t.dir, 'sync.err');
    const r = await inPty(sync(), `2> ${quote(err)}`);
    expect(r.code).toBe(0);
    const log = readFileSync(err, 'utf8');
    expect(log).not.toContain(ESC);
    expect(log).not.toMatch(BAR_CELL);
    expect(log).toMatch(/^ooni sync: started \(\d+ total\)$/m);
    expect(log).toMatch(/^ooni sync: done in \d+\.\d s$/m);
    expect(r.tty).not.toMatch(BAR_CELL);
    expect(r.tty).toContain('listed 4 = ignored 0 + downloaded 0 + unchanged 4');
  });

  it('stdout redirected to a file, stderr on the terminal: the bar shows on the terminal, the file holds the plain report', async () => {
    const out = join(t.dir, 'sync.txt');
    const r = await inPty(sync(), `> ${quote(out)}`);
    expect(r.code).toBe(0);
    expect(lastFrame(r.tty, 'ooni sync')).toContain('files_done=4 files_total=4');
    const report = readFileSync(out, 'utf8');
    expect(report).not.toContain(ESC);
    expect(report).toMatch(/^listed 4 = ignored 0 \+ downloaded 0 \+ unchanged 4/m);
  });

  it('ingest draws a bar with bytes and files on a terminal; through a pipe it logs lines; --json gives NDJSON only', async () => {
    const idb = join(t.dir, 'i.duckdb');
    const r = await inPty(['ingest', INGEST_DIR, '--db', idb, '--workers', '0']);
    expect(r.code, r.tty).toBe(0);
    const frame = lastFrame(r.tty, 'ingest');
    expect(frame).toMatch(BAR_CELL);
    expect(frame).toMatch(/100% \d+\.\d+ kB\/\d+\.\d+ kB \| \d+(\.\d+)? [kM]?B\/s \| ETA \d+s \| files_done=11 measurements=11 rejected=0/);
    expect(r.tty).toContain('lines_read 11 = stored 11 + duplicates 0 + rejected 0 + filtered 0');

    const piped = await runBin(['ingest', INGEST_DIR, '--db', idb, '--workers', '0', '--force']);
    expect(piped.code, piped.err).toBe(0);
    expect(piped.err + piped.out).not.toContain(ESC);
    expect(piped.err).toMatch(/^ingest: started \(\d+ total\)$/m);
    expect(piped.out).toContain('lines_read 11 = stored 0 + duplicates 11');

    const json = await inPty(['ingest', INGEST_DIR, '--db', idb, '--workers', '0', '--json'], `> ${quote(join(t.dir, 'ingest.json'))}`);
    expect(json.code).toBe(0);
    expect(json.tty).not.toContain(ESC);
    expect(
      json.tty
        .split(/\r?\n/)
        .filter(Boolean)
        .every((l) => (JSON.parse(l) as { type: string }).type === 'progress'),
    ).toBe(true);
    expect(JSON.parse(readFileSync(join(t.dir, 'ingest.json'), 'utf8'))).toMatchObject({ lines_read: 0, files: { skipped_unchanged: 11 } });
  });
});
