/**
 * The signal-point read sends only numbers per point and each series' texts once: what it returns
 * is, point for point and in the same order, what a plain SELECT of the table gives. On the
 * shipped IODA IranCell file (3,996 points in two series: more than one result chunk) and the OONI
 * Iran daily counts, plus a SYNTHETIC file that takes over part of one IODA series under other
 * texts (no name, no country), so one series holds two sets of texts from two files.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempStore } from '../../../test/helpers/index.js';
import { fixedClock, packagePath } from '../../shared/index.js';
import { importSignalFile } from '../../signals/index.js';
import type { SignalFilter, SignalPointRecord } from '../types.js';

const tmp = tempDir();
let t: Awaited<ReturnType<typeof tempStore>>;
const files = ['ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv', 'ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv'];
const got = new Map<string, SignalPointRecord[]>();
const filters: Record<string, SignalFilter> = {
  all: {},
  iran: { cc: 'IR' },
  irancell: { entity_type: 'asn', entity_code: 'AS44244' },
  window: { since: '2019-11-16T00:00:00Z', until: '2019-11-18T00:00:00Z' },
  none: { entity_code: 'AS1' },
};

beforeAll(async () => {
  t = await tempStore();
  const deps = { store: t.store, clock: fixedClock('2026-01-01T00:00:00Z') };
  const [ioda, counts] = files.map((f) => {
    copyFileSync(packagePath('test', 'fixtures', 'outages', f), join(tmp.dir, f));
    return join(tmp.dir, f);
  });
  expect((await importSignalFile(deps, ioda!)).file).toMatchObject({ status: 'imported', stored: 3996 });
  // the README's command for this file: the source and country are not in it
  const c = (await importSignalFile(deps, counts!, { source: 'ooni_measurements', cc: 'IR', ooniCounts: 'day' })).file;
  expect(c.status).toBe('imported');
  expect(c.stored).toBeGreaterThan(90);
  const over = join(tmp.dir, 'ioda_override_synthetic.csv');
  writeFileSync(over, 'datasource,value,timestamp,asn\ndarknet,1,2019-11-16 12:00:00+00:00,44244\ndarknet,,2019-11-16 12:05:00+00:00,44244\n');
  expect((await importSignalFile(deps, over)).file).toMatchObject({ status: 'imported', stored: 2 });
  for (const [name, f] of Object.entries(filters)) got.set(name, await t.store.signals.points(f));
  await t.store.close();
}, 60_000);
afterAll(async () => {
  await t.cleanup();
  tmp.cleanup();
});

async function plain(where: string): Promise<SignalPointRecord[]> {
  const db = await DuckDBInstance.create(t.path, { access_mode: 'READ_ONLY' });
  const c = await db.connect();
  try {
    const r = await c.runAndReadAll(
      `SELECT source, entity_type, entity_code, strftime(t AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS t, value, cc, entity_name, source_file, line::DOUBLE AS line
       FROM signal_points WHERE ${where} ORDER BY source, entity_type, entity_code, t`,
    );
    return r.getRowObjectsJS() as unknown as SignalPointRecord[];
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

describe('signal points read', () => {
  it('every point of the store, in series order, equals a plain SELECT', async () => {
    const all = got.get('all')!;
    expect(all.length).toBeGreaterThan(4000);
    expect(all).toEqual(await plain('TRUE'));
  });

  it('one series holds the texts of each of its files: the synthetic points have no name or country, the rest keep IranCell', () => {
    const darknet = got.get('irancell')!.filter((p) => p.source === 'darknet');
    const synthetic = darknet.filter((p) => p.source_file.endsWith('ioda_override_synthetic.csv'));
    expect(synthetic.map((p) => [p.t, p.value, p.entity_name, p.cc, p.line])).toEqual([
      ['2019-11-16T12:00:00.000Z', 1, null, null, 2],
      ['2019-11-16T12:05:00.000Z', null, null, null, 3],
    ]);
    const before = darknet[darknet.indexOf(synthetic[0]!) - 1]!;
    expect([before.t, before.entity_name]).toEqual(['2019-11-16T11:55:00.000Z', 'IranCell']);
  });

  it('the filters select as the plain SELECT with the same conditions', async () => {
    expect(got.get('irancell')).toEqual(await plain(`entity_type = 'asn' AND entity_code = 'AS44244'`));
    expect(got.get('window')).toEqual(await plain(`t >= TIMESTAMPTZ '2019-11-16 00:00:00+00' AND t < TIMESTAMPTZ '2019-11-18 00:00:00+00'`));
    expect(got.get('iran')!.length).toBeGreaterThan(0);
    expect(got.get('none')).toEqual([]);
  });
});
