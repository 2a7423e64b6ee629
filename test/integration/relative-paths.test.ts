/**
 * A relative path given to an import while `serve` holds the database names the file in the
 * CLI's working directory, never a file of the same name in the server's: the server reads the
 * file the user pointed at. The server runs in another folder that holds a different file of
 * each name, so reading the wrong one shows in the report. Real data: the shipped speed tests
 * (data/throttling), the OONI count series (test/fixtures) and Rosstat's regional GRP (data/costs),
 * see their SOURCES.md.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../src/shared/index.js';
import { runBin, startServer, tempDir } from '../helpers/index.js';

const t = tempDir();
const db = join(t.dir, 'served.duckdb');
const here = join(t.dir, 'client');
const there = join(t.dir, 'server');
let server: Awaited<ReturnType<typeof startServer>>;

const speed = (day: string) => packagePath('data', 'throttling', 'russia-twitter-throttle', '2021-03', `${day}.csv`);
const OONI_COUNTS = packagePath('test', 'fixtures', 'outages', 'ooni_measurements_iran_by_probeasn_daily_20191110-20191123.csv');
const IODA = packagePath('test', 'fixtures', 'outages', 'ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv');
const OECD_GDP = packagePath('test', 'fixtures', 'costs', 'RUS_regional_gdp_2020_2021_OECD_ids__LGEAW_RUS.xlsx.csv');
const ROSSTAT_GRP = packagePath('data', 'costs', 'rosstat_GRP_by_region_2021__yearbook2023.csv');

/** The same name in both folders, different content. */
function pair(name: string, mine: string, decoy: string): void {
  copyFileSync(mine, join(here, name));
  copyFileSync(decoy, join(there, name));
}

beforeAll(async () => {
  for (const d of [here, there]) mkdirSync(d, { recursive: true });
  pair('speed.csv', speed('28'), speed('27'));
  pair('counts.csv', OONI_COUNTS, IODA);
  pair('grp.csv', ROSSTAT_GRP, OECD_GDP);
  server = await startServer(db, [], {}, there);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  t.cleanup();
});

/** Run in the CLI folder; the real files hold a few rows each import rejects (exit 3). */
const run = async (args: string[]) => {
  const r = await runBin([...args, '--json', '--db', db], {}, here);
  expect([0, 3], r.err).toContain(r.code);
  return JSON.parse(r.out) as Record<string, unknown>;
};

describe('relative paths through a running server', () => {
  it('speedtests import reads the file in the CLI folder', async () => {
    // 28.csv holds 286 data lines, the decoy 27.csv 282
    expect(await run(['speedtests', 'import', 'speed.csv'])).toMatchObject({ files: 1, lines_read: 286 });
  });

  it('signals import reads the file in the CLI folder', async () => {
    const r = await run(['signals', 'import', 'counts.csv', '--source', 'ooni_measurements', '--cc', 'IR']);
    expect(r.files).toMatchObject([{ path: join(here, 'counts.csv'), status: 'imported', format: expect.any(String) }]);
    expect(r.stored).toBeGreaterThan(90);
  });

  it('data import reads the file in the CLI folder', async () => {
    const r = await run(['data', 'import', 'rosstat-grp', 'grp.csv', '--year', '2021']);
    expect(r).toMatchObject({ file: join(here, 'grp.csv') });
    expect(r.values).toBeGreaterThan(50);
  });
});
