// A measurement without a report_id is keyed by what it holds, not by how its file spells it: the
// same measurement as a JSONL line, a pretty-printed JSON document or an array element with its
// keys in another order is one row, and different measurements stay different rows. Real data:
// the 7 shipped measurements whose report_id is "" (openvpn, torsf, vanilla_tor, echcheck,
// urlgetter); the JSON layouts and key orders are SYNTHETIC, made here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, silentProgress } from '../shared/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { shippedMatcher } from '../../test/helpers/ooni.js';
import { ingest, type IngestInput } from './ingest.js';
import type { MeasurementRow } from './model.js';
import { processFile } from './reader/process-file.js';
import { GroupWriter } from './writer.js';

type Json = Record<string, unknown>;
const SHIPPED = join(import.meta.dirname, '../../data/ooni/measurements/ooni-real-measurements.jsonl.gz');
const lines = gunzipSync(readFileSync(SHIPPED))
  .toString('utf8')
  .trimEnd()
  .split('\n')
  .filter((l) => !(JSON.parse(l) as Json).report_id);

/** The same value with the keys of every object in reverse order. */
const reversed = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(reversed)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .reverse()
            .map(([k, x]) => [k, reversed(x)]),
        )
      : v;

const t = tempDir();
afterAll(() => t.cleanup());

describe('the key of a measurement without a report_id', () => {
  it('the shipped data has 7 such measurements, all different', () => {
    expect(lines).toHaveLength(7);
    expect(new Set(lines).size).toBe(7);
  });

  it.each<[string, Partial<IngestInput>]>([
    ['js', { workers: 0 }],
    ['duckdb', { engine: 'duckdb' }],
  ])(
    'is the same for a JSONL line, a pretty-printed document and a reordered array element (JSONL read by %s)',
    async (_engine, opts) => {
      const jsonl = join(t.dir, `lines-${_engine}.jsonl`);
      writeFileSync(jsonl, lines.join('\n') + '\n');
      const pretty = join(t.dir, `pretty-${_engine}.json`);
      writeFileSync(pretty, lines.map((l) => JSON.stringify(JSON.parse(l), null, 2)).join('\n') + '\n');
      const array = join(t.dir, `array-${_engine}.json`);
      writeFileSync(
        array,
        JSON.stringify(
          lines.map((l) => reversed(JSON.parse(l))),
          null,
          1,
        ) + '\n',
      );
      const s = await tempStore();
      const run = (p: string, o: Partial<IngestInput>) =>
        ingest({ store: s.store, clock: fixedClock('2026-12-07T08:00:00.000Z'), progress: silentProgress }, { paths: [p], ...o });
      try {
        const first = await run(jsonl, opts);
        expect({ stored: first.stored, duplicates: first.duplicates, rejected: first.rejected }).toEqual({ stored: 7, duplicates: 0, rejected: 0 });
        for (const p of [pretty, array]) {
          const r = await run(p, { workers: 0 });
          expect({ path: p, stored: r.stored, duplicates: r.duplicates, rejected: r.rejected }).toEqual({ path: p, stored: 0, duplicates: 7, rejected: 0 });
        }
        expect((await s.store.measure.counts()).measurements).toBe(7);
      } finally {
        await s.cleanup();
      }
    },
    60_000,
  );

  it('a store that holds one under the id its bytes gave (before ids were canonical) keeps it there: reading the file again adds nothing', async () => {
    const jsonl = join(t.dir, 'older.jsonl');
    writeFileSync(jsonl, lines.join('\n') + '\n');
    const s = await tempStore();
    try {
      // what an older ingest of the file stored: the same rows, under their bytes' ids
      const rows: MeasurementRow[] = [];
      const task = {
        file_id: 'older',
        path: jsonl,
        gz: false,
        bucket_hour: null,
        filters: {},
        max_line_bytes: 1 << 24,
        batch_size: 1000,
        now_ms: Date.parse('2026-12-07T08:00:00Z'),
      };
      await processFile(task, shippedMatcher(), { batch: (r) => Promise.resolve(rows.push(...r)) });
      expect(rows.map((r) => r.bytes_id === undefined || r.bytes_id === r.id)).toEqual(Array(7).fill(false));
      const w = new GroupWriter(s.store.measure, () => '2026-12-07T08:00:00.000Z');
      expect(await w.submit({ rows: rows.map(({ bytes_id, ...r }) => ({ ...r, id: bytes_id! })) })).toBe(7);
      const r = await ingest({ store: s.store, clock: fixedClock('2026-12-07T08:00:00.000Z'), progress: silentProgress }, { paths: [jsonl], workers: 0 });
      expect({ stored: r.stored, duplicates: r.duplicates }).toEqual({ stored: 0, duplicates: 7 });
      expect((await s.store.measure.counts()).measurements).toBe(7);
    } finally {
      await s.cleanup();
    }
  }, 60_000);
});
