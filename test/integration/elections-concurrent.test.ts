// Imports of overlapping election files at once (the real Moscow 2021 stations and
// single-mandate results, each under two file names; in one process, or two CLI processes through
// the server that holds the database) store every station and every district result once: the
// duplicate check and the insert are one write. Migration 102 turns copies an
// older store holds (from imports that raced before) into rejects, so read = stored + rejected
// holds. The rows of the older store are SYNTHETIC (five made-up stations).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importElections } from '../../src/elections/import.js';
import { silentProgress } from '../../src/shared/index.js';
import { openStore } from '../../src/store/index.js';
import { DuckDb } from '../../src/store/duckdb/db.js';
import { loadMigrations, migrate } from '../../src/store/duckdb/migrate.js';
import { electionFixture as fx } from '../helpers/elections.js';
import { clock, runBin, startServer, tempDir } from '../helpers/index.js';

const t = tempDir();
afterAll(() => t.cleanup());

/** The same real file under another name (a regional cut downloaded twice). */
const copy = (f: string, as: string) => {
  const to = join(t.dir, as);
  copyFileSync(fx(f), to);
  return to;
};

const STATION_KEY = "concat_ws('|', region, coalesce(oik, ''), coalesce(tik, ''), coalesce(uik, ''))";

describe('concurrent election imports', () => {
  it('two imports of overlapping files at once store each station and each district result once; every file reconciles', async () => {
    const db = join(t.dir, 'race.duckdb');
    const stations = [fx('kobak-2021-moscow.csv.zip'), copy('kobak-2021-moscow.csv.zip', 'moscow-again-2021.csv.zip')];
    const results = [fx('meduza-moscow-2021-single-mandate.tsv'), copy('meduza-moscow-2021-single-mandate.tsv', 'meduza-again-2021.tsv')];
    const store = await openStore(db);
    try {
      const ctx = { store, clock, progress: silentProgress };
      const reports = await Promise.all([
        importElections(ctx, [stations[0]!, results[0]!]),
        importElections(ctx, [stations[1]!, results[1]!]),
        importElections(ctx, [stations[1]!]),
      ]);
      const files = reports.flatMap((r) => r.files);
      for (const f of files) expect(f.lines_read, f.file).toBe(f.stored + f.rejected);
      const protocol = files.filter((f) => f.format === 'protocol' && f.status === 'imported');
      const single = files.filter((f) => f.format === 'single_mandate');
      // what was read twice is stored once: the second file's rows are rejects naming the first
      expect(protocol.reduce((a, f) => a + f.stored, 0)).toBe(3660);
      expect(single.reduce((a, f) => a + f.stored, 0)).toBe(171);
      const rejected = [...protocol, ...single].flatMap((f) => f.rejects);
      expect(rejected.length).toBeGreaterThan(0);
      expect(rejected.every((r) => /^(duplicate_station|duplicate_result)$/.test(r.reason) && /is already stored from /.test(r.detail))).toBe(true);

      const s = await store.elections.totals('duma-2021', 'election', {});
      expect(s.reduce((a, r) => a + Number(r.stations), 0)).toBe(3660);
      const e = await store.elections.get('duma-2021');
      expect(e!.files.filter((f) => f.format === 'protocol').reduce((a, f) => a + f.stored, 0)).toBe(3660);
      expect(e!.files.filter((f) => f.format === 'single_mandate').reduce((a, f) => a + f.stored, 0)).toBe(171);
      for (const f of e!.files) expect(f.lines_read, f.file).toBe(f.stored + f.rejected);
      expect((await store.elections.districtResults('duma-2021')).length).toBe(171);
    } finally {
      await store.close();
    }
    // and in the file itself: no key twice, the rejects stored beside
    const raw = await DuckDb.open(db);
    try {
      const [dups] = await raw.all<{ n: number }>(
        `SELECT count(*) - count(DISTINCT ${STATION_KEY}) AS n FROM election_stations WHERE election_id = 'duma-2021'`,
      );
      expect(dups!.n).toBe(0);
      const [rej] = await raw.all<{ n: number }>(`SELECT count(*) AS n FROM election_rejects WHERE reason = 'duplicate_station'`);
      expect(rej!.n).toBe(3660);
    } finally {
      await raw.close();
    }
  });

  it('two CLI processes importing at once through the server that holds the database store each station once', async () => {
    const db = join(t.dir, 'served.duckdb');
    const server = await startServer(db);
    try {
      const [a, b] = await Promise.all([
        runBin(['elections', 'import', fx('kobak-2021-moscow.csv.zip'), '--json', '--db', db]),
        runBin(['elections', 'import', copy('kobak-2021-moscow.csv.zip', 'moscow-served-2021.csv.zip'), '--json', '--db', db]),
      ]);
      const files = [a, b].map((r) => {
        expect([0, 3], r.err).toContain(r.code);
        return JSON.parse(r.out).files[0];
      });
      for (const f of files) expect(f.lines_read).toBe(f.stored + f.rejected);
      expect(files.map((f) => f.stored).sort()).toEqual([0, 3660]);
      const list = JSON.parse((await runBin(['elections', 'list', '--json', '--db', db])).out);
      expect(list.items ?? list).toEqual([expect.objectContaining({ id: 'duma-2021', stations: 3660, files: 2, rejected: 3660 })]);
    } finally {
      await server.stop();
    }
  });

  it('a store that holds a station twice (two imports that raced before the check and the insert were one write) keeps the first copy and turns the other into a reject of its file', async () => {
    const path = join(t.dir, 'old.duckdb');
    const older = loadMigrations().filter((m) => m.version !== 102);
    const db = await DuckDb.open(path);
    try {
      await migrate(db, older);
      await db.run(`INSERT INTO elections VALUES ('duma-2021', 'duma', 2021, 'State Duma election (party list)')`);
      const files = [
        ['a-2021.csv', '2026-01-01T00:00:00Z', 3, 0],
        ['b-2021.csv', '2026-01-02T00:00:00Z', 2, 1],
      ] as const;
      for (const [file, at, stored, flagged] of files)
        await db.run(`INSERT INTO election_files VALUES ('duma-2021', $1, 'protocol', 'x', $2, $2, 0, $3, $4::TIMESTAMPTZ)`, [file, stored, flagged, at]);
      const row = (file: string, line: number, uik: string, flags = '') =>
        db.run(
          `INSERT INTO election_stations (election_id, file, line, region, oik, tik, uik, kind, electronic, flags, votes) VALUES ('duma-2021', $1, $2, 'город Москва', '1', 'ТИК 1', $3, 'station', false, $4, [1, 2])`,
          [file, line, uik, flags],
        );
      await row('a-2021.csv', 2, 'УИК №1');
      await row('a-2021.csv', 3, 'УИК №2');
      await row('a-2021.csv', 4, 'УИК №3');
      await row('b-2021.csv', 2, 'УИК №2', 'turnout_over_100');
      await row('b-2021.csv', 3, 'УИК №4');
      await migrate(db);
      const st = await db.all<{ file: string; uik: string }>('SELECT file, uik FROM election_stations ORDER BY file, line');
      expect(st).toEqual([
        { file: 'a-2021.csv', uik: 'УИК №1' },
        { file: 'a-2021.csv', uik: 'УИК №2' },
        { file: 'a-2021.csv', uik: 'УИК №3' },
        { file: 'b-2021.csv', uik: 'УИК №4' },
      ]);
      expect(await db.all('SELECT file, line, reason, detail FROM election_rejects')).toEqual([
        { file: 'b-2021.csv', line: 2, reason: 'duplicate_station', detail: 'station город Москва|1|ТИК 1|УИК №2 is already stored from a-2021.csv' },
      ]);
      expect(await db.all('SELECT file, lines_read, stored, rejected, flagged FROM election_files ORDER BY file')).toEqual([
        { file: 'a-2021.csv', lines_read: 3, stored: 3, rejected: 0, flagged: 0 },
        { file: 'b-2021.csv', lines_read: 2, stored: 1, rejected: 1, flagged: 0 },
      ]);
    } finally {
      await db.close();
    }
  });
});
