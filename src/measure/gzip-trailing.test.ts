// Bytes after the last gzip member of a .jsonl.gz (zero padding from a block-padded download or a
// dd/tar copy, or any other trailing bytes) never stop an ingest: every engine ends with a report
// that reconciles, every complete line before those bytes is stored, zero padding is ignored as
// gzip ignores it (the file's report says so), and other trailing bytes are one reject naming the
// file and the byte where they start. Real data: the 89 shipped measurements, gzip'd as shipped;
// the trailing bytes are SYNTHETIC.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { ingest, type IngestInput } from './ingest.js';
import { extractThroughput } from './netevents/index.js';
import { showMeasurement } from './query.js';

const SHIPPED = join(import.meta.dirname, '../../data/ooni/measurements/ooni-real-measurements.jsonl.gz');
const shipped = readFileSync(SHIPPED);
const LINES = 89;

const ENGINES: [string, Partial<IngestInput>][] = [
  ['js, in this thread', { workers: 0 }],
  ['js, one worker', { workers: 1 }],
  ['js, default workers', {}],
  ['duckdb', { engine: 'duckdb' }],
];

const t = tempDir();
afterAll(() => t.cleanup());

async function run(name: string, bytes: Buffer, opts: Partial<IngestInput>) {
  const p = join(t.dir, name);
  writeFileSync(p, bytes);
  const s = await tempStore();
  try {
    const r = await ingest({ store: s.store, clock: fixedClock('2026-12-07T08:00:00.000Z'), progress: silentProgress }, { paths: [p], ...opts });
    expect(r.reconciled, r.reconciliation).toBe(true);
    expect(r.lines_read).toBe(r.stored + r.duplicates + r.rejected + r.filtered);
    return { r, path: p, counts: await s.store.measure.counts() };
  } finally {
    await s.cleanup();
  }
}

describe.each(ENGINES)('a .jsonl.gz with bytes after its last member (%s)', (_label, opts) => {
  // SYNTHETIC: one zero byte and 512 zero bytes of padding after the shipped file
  it.each([1, 512])(
    '%i zero byte(s) of padding: all 89 lines stored, no reject, the padding named in the report',
    async (zeros) => {
      const { r } = await run(`pad${zeros}.jsonl.gz`, Buffer.concat([shipped, Buffer.alloc(zeros)]), opts);
      expect(r.files).toMatchObject({ ingested: 1, failed: 0 });
      expect({ lines_read: r.lines_read, stored: r.stored, rejected: r.rejected }).toEqual({ lines_read: LINES, stored: LINES, rejected: 0 });
      expect(r.per_file[0]).toMatchObject({ status: 'done', error: null });
      expect(r.per_file[0]!.ignored).toBe(
        `${zeros} zero byte(s) after the last gzip member, from byte ${shipped.length} of the file: padding, ignored as gzip ignores it`,
      );
    },
    60_000,
  );

  // SYNTHETIC: the 4 bytes "JUNK" after the shipped file
  it('trailing garbage: all 89 lines stored, and one trailing_garbage reject naming the file and the byte it starts at', async () => {
    const { r, path } = await run('junk.jsonl.gz', Buffer.concat([shipped, Buffer.from('JUNK')]), opts);
    expect(r.files).toMatchObject({ ingested: 1, failed: 0 });
    expect({ lines_read: r.lines_read, stored: r.stored, rejected: r.rejected }).toEqual({ lines_read: LINES + 1, stored: LINES, rejected: 1 });
    expect(r.rejects).toEqual([
      expect.objectContaining({
        path,
        line: LINES + 1,
        reason: 'trailing_garbage',
        detail: `4 byte(s) after the last gzip member, from byte ${shipped.length} of the file, are not gzip data; every line before them was read`,
      }),
    ]);
  }, 60_000);

  // SYNTHETIC: one real measurement gzip'd, then text (the whole file is one read of the inflater)
  it('a small file with trailing text: its one measurement stored, one reject', async () => {
    const first = gunzipSync(shipped).toString('utf8').split('\n')[0]!;
    const one = gzipSync(Buffer.from(`${first}\n`));
    const { r } = await run('trail.jsonl.gz', Buffer.concat([one, Buffer.from('GARBAGE-TRAILING-BYTES')]), opts);
    expect({ lines_read: r.lines_read, stored: r.stored, rejected: r.rejected }).toEqual({ lines_read: 2, stored: 1, rejected: 1 });
    expect(r.rejects[0]).toMatchObject({
      line: 2,
      reason: 'trailing_garbage',
      detail: expect.stringContaining(`22 byte(s) after the last gzip member, from byte ${one.length}`),
    });
  }, 60_000);
});

// SYNTHETIC: the 4 bytes "JUNK" after the shipped file; the last lines sit in the chunk that holds them
describe('reading back a .jsonl.gz with bytes after its last member', () => {
  it('measurements show gives every stored line, and throughput extraction reads the whole file', async () => {
    const p = join(t.dir, 'junk-show.jsonl.gz');
    writeFileSync(p, Buffer.concat([shipped, Buffer.from('JUNK')]));
    const s = await tempStore();
    const deps = { store: s.store, clock: fixedClock('2026-12-07T08:00:00.000Z'), progress: silentProgress };
    try {
      expect((await ingest(deps, { paths: [p], workers: 0 })).stored).toBe(LINES);
      const rows = await s.store.measure.list({ limit: 1000 });
      expect(rows).toHaveLength(LINES);
      const shown = await Promise.all(rows.map((m) => showMeasurement(s, m.id)));
      expect(shown.filter((m) => m.raw_error !== null).map((m) => m.raw_error)).toEqual([]);
      const x = await extractThroughput(deps);
      expect(x.per_file).toEqual([expect.objectContaining({ path: p, status: 'done', error: null, lines_read: LINES })]);
    } finally {
      await s.cleanup();
    }
  }, 60_000);
});
