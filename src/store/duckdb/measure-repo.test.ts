// The ingest manifest as written by one commit group (SYNTHETIC records: the manifest's own
// bookkeeping, no measurement data): several files started, rejected and finished together must
// give the rows that applying each record in order would give, whatever the group holds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempStore } from '../../../test/helpers/index.js';
import type { IngestFileRecord, MeasurementRejectRecord, Store } from '../index.js';

const file = (id: string, over: Partial<IngestFileRecord> = {}): IngestFileRecord => ({
  file_id: id,
  path: `/data/${id}.jsonl`,
  size: 100,
  mtime_ms: 1,
  checksum: null,
  status: 'running',
  lines_read: 0,
  stored: 0,
  duplicates: 0,
  rejected: 0,
  bytes_read: 0,
  started_at: '2026-01-01T00:00:00.000Z',
  finished_at: null,
  rules_version: 'r1',
  filters: null,
  ...over,
});
const reject = (fileId: string, line: number, detail: string): MeasurementRejectRecord => ({
  file_id: fileId,
  path: `/data/${fileId}.jsonl`,
  line,
  byte_offset: line * 10,
  reason: 'malformed_json',
  detail,
  raw_prefix: null,
});
const NOW = '2026-01-01T00:00:00.000Z';

describe('DuckDB measure repo: a commit group of manifest records', () => {
  let t: Awaited<ReturnType<typeof tempStore>>;
  let store: Store;
  beforeEach(async () => {
    t = await tempStore();
    store = t.store;
  });
  afterEach(() => t.cleanup());

  it('starts, rejects and finishes of several files in one group land as if applied one by one', async () => {
    await store.measure.writeGroup(
      { rows: [], rejects: [reject('a', 1, 'old')], start: [file('a')], finish: [file('a', { status: 'failed', finished_at: NOW })] },
      NOW,
    );
    expect(await store.measure.rejects({ file_id: 'a', limit: 10 })).toHaveLength(1);

    // 'a' starts again (its old rejects go), 'b' and 'c' are new; a reject key given twice keeps the last
    await store.measure.writeGroup(
      {
        rows: [],
        rejects: [reject('a', 2, 'first'), reject('a', 2, 'second'), reject('b', 7, 'bad')],
        start: [file('a', { size: 200 }), file('b'), file('c')],
        finish: [
          file('a', { status: 'done', lines_read: 3, stored: 2, rejected: 1, checksum: 'x1', finished_at: NOW }),
          file('b', { status: 'done', lines_read: 1, rejected: 1, checksum: 'x2', finished_at: NOW }),
        ],
      },
      NOW,
    );
    const files = Object.fromEntries((await store.measure.listFiles(10)).map((f) => [f.file_id, f]));
    expect(Object.keys(files).sort()).toEqual(['a', 'b', 'c']);
    expect(files.a).toMatchObject({ size: 200, status: 'done', lines_read: 3, stored: 2, rejected: 1, checksum: 'x1' });
    expect(files.b).toMatchObject({ status: 'done', rejected: 1, checksum: 'x2' });
    expect(files.c).toMatchObject({ status: 'running', checksum: null, finished_at: null });
    expect((await store.measure.rejects({ file_id: 'a', limit: 10 })).map((j) => [j.line, j.detail])).toEqual([[2, 'second']]);
    expect((await store.measure.rejects({ file_id: 'b', limit: 10 })).map((j) => j.line)).toEqual([7]);
  });

  it('filesOf: the rows with any of the ids or at any of the paths (every read of a path), by started_at, in one read', async () => {
    const at = (m: number) => `2026-01-01T00:0${m}:00.000Z`;
    await store.measure.writeGroup(
      {
        rows: [],
        rejects: [],
        // 'p1' and 'p2' are two reads of one path (its size changed), 'q' another file, 'r' one not asked for
        start: [
          file('p2', { path: '/data/p.jsonl', size: 200, started_at: at(2) }),
          file('p1', { path: '/data/p.jsonl', started_at: at(1) }),
          file('q', { started_at: at(3) }),
          file('r', { started_at: at(0) }),
        ],
        finish: [],
      },
      NOW,
    );
    const ids = (rows: IngestFileRecord[]) => rows.map((f) => f.file_id);
    expect(ids(await store.measure.filesOf(['p2', 'q'], ['/data/p.jsonl', '/data/q.jsonl']))).toEqual(['p1', 'p2', 'q']);
    expect(ids(await store.measure.filesOf(['q'], []))).toEqual(['q']);
    expect(ids(await store.measure.filesOf([], ['/data/p.jsonl']))).toEqual(['p1', 'p2']);
    expect(await store.measure.filesOf(['nope'], ['/data/nope.jsonl'])).toEqual([]);
    expect(await store.measure.filesOf([], [])).toEqual([]);
  });

  it('many rejects in one group (more than one statement holds) are all kept', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => reject('z', i + 1, `line ${i + 1}`));
    await store.measure.writeGroup({ rows: [], rejects: many, start: [file('z')], finish: [] }, NOW);
    expect(await store.measure.rejects({ file_id: 'z', limit: 5000 })).toHaveLength(1234);
  });
});
