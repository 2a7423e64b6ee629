// `measurements rescore` on real measurements (the 50 OONI QA scenarios, the 89 shipped real
// measurements, the 28 Explorer fixtures): re-judging from the stored rule inputs changes
// nothing while the rules and fingerprints are the same; a fingerprint set change and a
// SYNTHETIC rule change (a test double of the scorer) change rows and the cells follow, in one
// transaction per page; a rerun changes nothing; measurements stored without rule inputs are
// counted as needing re-ingest (exit 3) until `ingest --force` fills them in.
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, rescoreMeasurements, scoreMeasurement } from '../../src/measure/index.js';
import { silentProgress } from '../../src/shared/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { cli, clock, tempDir } from '../helpers/index.js';

const ROOT = join(import.meta.dirname, '../..');
const FILES = [
  join(ROOT, 'test/fixtures/ooni-qa/measurements.jsonl.gz'),
  join(ROOT, 'data/ooni/measurements/ooni-real-measurements.jsonl.gz'),
  join(ROOT, 'test/fixtures/ooni/explorer/measurements.jsonl.gz'),
];

describe('measurements rescore', () => {
  const t = tempDir();
  const db = join(t.dir, 'r.duckdb');
  let store: Store;
  const deps = () => ({ store, clock, progress: silentProgress });
  /** Every stored verdict (status per id) and the cells' status totals, to check that cells follow the rows. */
  const snapshot = async () => {
    const rows = await store.measure.list({ limit: 100000 });
    const cells = await store.measure.cells({ grain: 'day' });
    const fromCells: Record<string, number> = {};
    for (const c of cells)
      for (const s of ['ok', 'blocked', 'likely_blocked', 'down', 'invalid', 'insufficient'] as const) fromCells[s] = (fromCells[s] ?? 0) + c[s];
    const fromRows: Record<string, number> = { ok: 0, blocked: 0, likely_blocked: 0, down: 0, invalid: 0, insufficient: 0 };
    for (const r of rows) fromRows[r.status]!++;
    return { byId: new Map(rows.map((r) => [r.id, r])), fromCells, fromRows };
  };

  beforeAll(async () => {
    store = await openStore(db);
    const r = await ingest(deps(), { paths: FILES, workers: 0 });
    expect(r.reconciled).toBe(true);
    expect(r.stored).toBeGreaterThan(130);
  });
  afterAll(async () => {
    await store.close();
    t.cleanup();
  });

  it('with the same rules and fingerprints, every stored measurement is re-judged and none changes', async () => {
    const r = await rescoreMeasurements(deps(), { batch_size: 40 });
    expect(r).toMatchObject({ changed: 0, needs_reingest: 0, unreadable: 0, reconciled: true, transitions: [] });
    expect(r.rescored).toBe(r.measurements);
    expect(r.measurements).toBeGreaterThan(130);
  });

  it('a fingerprint set change reaches the stored verdicts and the cells; a rerun changes nothing', async () => {
    const before = await snapshot();
    const blockedByFp = [...before.byId.values()].filter((m) => m.rules.includes('http.blockpage_fingerprint'));
    expect(blockedByFp.length).toBeGreaterThan(0);
    // OONI's HTTP fingerprints withdrawn: block pages they confirmed are no longer proof
    const [src] = (await store.measure.fingerprintSources()).filter((s) => s.source === 'ooni-http');
    await store.measure.replaceFingerprints([{ source: { ...src!, count: 0, checksum: 'empty' }, items: [] }]);
    const r = await rescoreMeasurements(deps(), { batch_size: 25 });
    expect(r.transitions.find((x) => x.from === 'blocked')?.n).toBeGreaterThan(0);
    const after = await snapshot();
    // each such page is re-judged without the fingerprint, or, where the rules now search a large body
    // the kept facts cannot answer for, left as it was and counted (never judged on a guess)
    const still = blockedByFp.filter((m) => after.byId.get(m.id)!.rules.includes('http.blockpage_fingerprint'));
    expect(still.length).toBe(r.needs_source);
    expect(r.left_examples.filter((e) => e.reason.includes('Censored Planet signatures'))).toHaveLength(Math.min(10, r.needs_source));
    expect(r.changed).toBeGreaterThanOrEqual(blockedByFp.length - still.length);
    expect(r.reconciled).toBe(true);
    expect(after.fromRows.blocked).toBeLessThan(before.fromRows.blocked!);
    expect(after.fromCells).toEqual(after.fromRows);
    // every transition the report names is what the rows show
    const moved = new Map<string, number>();
    for (const [id, m] of before.byId) {
      const now = after.byId.get(id)!;
      if (now.status !== m.status) moved.set(`${m.status}>${now.status}`, (moved.get(`${m.status}>${now.status}`) ?? 0) + 1);
    }
    expect(Object.fromEntries(r.transitions.map((x) => [`${x.from}>${x.to}`, x.n]))).toEqual(Object.fromEntries(moved));
    const again = await rescoreMeasurements(deps(), {});
    expect(again).toMatchObject({ changed: 0, needs_source: r.needs_source });
  });

  it('SYNTHETIC rule change (scorer test double): only the filtered country changes, cells follow, and the real rules restore it', async () => {
    const before = await snapshot();
    const okBy = new Map<string, number>();
    for (const m of before.byId.values()) if (m.status === 'ok') okBy.set(m.probe_cc, (okBy.get(m.probe_cc) ?? 0) + 1);
    const cc = [...okBy].sort((a, b) => b[1] - a[1])[0]![0];
    const ru = [...before.byId.values()].filter((m) => m.probe_cc === cc && m.status === 'ok');
    expect(ru.length).toBeGreaterThan(0);
    const okIsDown: typeof scoreMeasurement = (p, m, o) => {
      const s = scoreMeasurement(p, m, o);
      return s.verdict.status === 'ok' ? { ...s, verdict: { ...s.verdict, status: 'down', rules: [...s.verdict.rules, 'test.double'] } } : s;
    };
    const r = await rescoreMeasurements(deps(), { cc }, okIsDown);
    expect(r.transitions).toEqual([{ from: 'ok', to: 'down', n: ru.length }]);
    expect(r.measurements).toBe([...before.byId.values()].filter((m) => m.probe_cc === cc).length);
    const after = await snapshot();
    expect(after.fromRows.down).toBe(before.fromRows.down! + ru.length);
    expect(after.fromCells).toEqual(after.fromRows);
    expect([...after.byId.values()].filter((m) => m.probe_cc !== cc).map((m) => m.status)).toEqual(
      [...before.byId.values()].filter((m) => m.probe_cc !== cc).map((m) => m.status),
    );
    const back = await rescoreMeasurements(deps(), { cc });
    expect(back.transitions).toEqual([{ from: 'down', to: 'ok', n: ru.length }]);
    expect((await snapshot()).fromRows).toEqual(before.fromRows);
  });

  it('a run that dies midway leaves rows and cells consistent (earlier pages kept, the failing page rolled back) and a rerun completes it', async () => {
    const before = await snapshot();
    let n = 0;
    const dies: typeof scoreMeasurement = (p, m, o) => {
      if (++n > 30) throw new Error('killed');
      const s = scoreMeasurement(p, m, o);
      return { ...s, verdict: { ...s.verdict, status: 'insufficient', rules: [...s.verdict.rules, 'test.double'] } };
    };
    await expect(rescoreMeasurements(deps(), { batch_size: 20 }, dies)).rejects.toThrow('killed');
    const mid = await snapshot();
    const moved = [...mid.byId.values()].filter((m) => m.rules.includes('test.double'));
    expect(moved.length).toBe(20); // the first page only: the second died before its transaction committed
    expect(mid.fromCells).toEqual(mid.fromRows);
    const done = await rescoreMeasurements(deps(), {});
    expect(done.changed).toBe(20);
    const after = await snapshot();
    expect(after.fromRows).toEqual(before.fromRows);
    expect(after.fromCells).toEqual(after.fromRows);
  });

  it('the CLI reports measurements stored without rule inputs as needing re-ingest (exit 3) until ingest --force fills them in', async () => {
    await store.close();
    const inst = await DuckDBInstance.create(db);
    const conn = await inst.connect();
    await conn.run("DELETE FROM measurement_rule_inputs WHERE id IN (SELECT id FROM measurements WHERE test_name <> 'web_connectivity')");
    conn.closeSync();
    inst.closeSync();
    const r = await cli(['measurements', 'rescore', '--json', '--db', db]);
    expect(r.code).toBe(3);
    const rep = JSON.parse(r.out);
    expect(rep.needs_reingest).toBeGreaterThan(0);
    expect(rep.rescored + rep.needs_reingest + rep.needs_source).toBe(rep.measurements);
    const human = await cli(['measurements', 'rescore', '--db', db]);
    expect(human.out).toMatch(/stored before rule inputs were kept: re-ingest their files with `splinternet ingest --force/);
    expect((await cli(['ingest', '--force', '--workers', '0', '--json', '--db', db, ...FILES])).code).toBe(0);
    // a forced re-ingest also refreshes the kept inputs (with today's fingerprints), so the page left as it was is judged now
    const filled = await cli(['measurements', 'rescore', '--json', '--db', db]);
    expect(JSON.parse(filled.out)).toMatchObject({ needs_reingest: 0, needs_source: 0, reconciled: true });
    expect(filled.code).toBe(0);
    expect(JSON.parse((await cli(['measurements', 'rescore', '--json', '--db', db])).out)).toMatchObject({ changed: 0, needs_source: 0 });
    store = await openStore(db);
  });

  it('on a store that keeps no rule inputs (ClickHouse) it refuses as a usage error naming the store', async () => {
    const info = await store.info();
    const bare: Store = { ...store, measure: { ...store.measure, rescore: undefined }, info: () => Promise.resolve({ ...info, kind: 'clickhouse' }) };
    await expect(rescoreMeasurements({ ...deps(), store: bare }, {})).rejects.toMatchObject({
      code: 'USAGE',
      message: expect.stringContaining('not supported on the clickhouse store') as string,
    });
  });

  it("rule inputs kept from the DuckDB engine's projection rescore to the same verdicts", async () => {
    const t2 = tempDir();
    const other = await openStore(join(t2.dir, 'd.duckdb'));
    try {
      const d = { store: other, clock, progress: silentProgress };
      const r = await ingest(d, { paths: [FILES[1]!], engine: 'duckdb' });
      expect(r.fast?.projected).toBeGreaterThan(50);
      expect(await rescoreMeasurements(d, {})).toMatchObject({ rescored: r.stored, changed: 0, needs_reingest: 0, needs_source: 0 });
    } finally {
      await other.close();
      t2.cleanup();
    }
  });

  it('rejects a bad filter with the field named (exit 1 with a validation error)', async () => {
    const r = await cli(['measurements', 'rescore', '--cc', 'RUS', '--json', '--db', db]);
    expect(r.code).not.toBe(0);
    expect(r.err + r.out).toMatch(/cc/);
  });
});
