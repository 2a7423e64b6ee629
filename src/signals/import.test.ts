/**
 * A signal file's import record says what the store holds of it: when another file's import takes
 * over its points (the same series and times), its record is updated and its next import re-reads
 * it, so no point disappears while its file is reported stored and unchanged. SYNTHETIC files
 * (two samples of one series): the shipped files never share a series.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { fixedClock } from '../shared/index.js';
import { expandSignalPaths, importSignalFile, SIGNAL_FILE_NAMES } from './import.js';

const HEAD = 'datasource,value,timestamp,asn,cc\n';
let t: Awaited<ReturnType<typeof tempStore>>;
const tmp = tempDir();
beforeAll(async () => {
  t = await tempStore();
});
afterAll(async () => {
  await t.cleanup();
  tmp.cleanup();
});

describe('signals import of files that share points', () => {
  it('a file whose points another file took over, then dropped, is re-read by its next import and its points are back', async () => {
    const deps = { store: t.store, clock: fixedClock('2026-01-01T00:00:00Z') };
    const p = join(tmp.dir, 'p.csv');
    const q = join(tmp.dir, 'q.csv');
    const pText = `${HEAD}darknet,10,2020-01-01 00:00:00,AS64740,IR\ndarknet,11,2020-01-01 00:05:00,AS64740,IR\n`;
    writeFileSync(p, pText);
    writeFileSync(q, pText); // the same export saved under another name
    expect((await importSignalFile(deps, p)).file).toMatchObject({ status: 'imported', stored: 2 });
    expect((await importSignalFile(deps, q)).file).toMatchObject({ status: 'imported', stored: 2, overwritten: 2 });
    expect(await t.store.signals.getFile(p)).toMatchObject({ stored: 0 });
    writeFileSync(q, `${HEAD}darknet,5,2020-01-01 00:00:00,AS64741,IR\n`); // q edited: AS64740 no longer in it
    expect((await importSignalFile(deps, q)).file).toMatchObject({ status: 'imported', replaced: 2 });
    const again = await importSignalFile(deps, p);
    expect(again.file).toMatchObject({ status: 'imported', stored: 2 });
    expect((await t.store.signals.points({ entity_code: 'AS64740' })).map((x) => [x.value, x.source_file])).toEqual([
      [10, p],
      [11, p],
    ]);
    expect((await importSignalFile(deps, p)).file.status).toBe('unchanged');
  });

  it('an unchanged rerun, which reads nothing, reports no missing or out-of-order count rather than 0', async () => {
    const deps = { store: t.store, clock: fixedClock('2026-01-01T00:00:00Z') };
    const r = join(tmp.dir, 'r.csv');
    writeFileSync(r, `${HEAD}darknet,,2020-01-01 00:05:00,AS64742,IR\ndarknet,10,2020-01-01 00:00:00,AS64742,IR\n`);
    expect((await importSignalFile(deps, r)).file).toMatchObject({ status: 'imported', missing: 1, out_of_order: 1 });
    expect((await importSignalFile(deps, r)).file).toMatchObject({ status: 'unchanged', records_read: 2, missing: null, out_of_order: null });
  });

  it('a CSV header giving one field in two columns is refused whole, naming them; nothing is stored (SYNTHETIC headers)', async () => {
    const deps = { store: t.store, clock: fixedClock('2026-01-01T00:00:00Z') };
    const cases: [string, string, RegExp][] = [
      ['s4.csv', 'datasource,value,asn,cc,timestamp,count\ndarknet,10,12345,IR,2019-11-14 08:10:00,5\n', /value \("value", "count"\)/],
      ['s5.csv', 'datasource,asn,cc,timestamp,time,value\ndarknet,12346,IR,2019-11-14 08:10:00,2020-01-01 00:00:00,7\n', /timestamp \("timestamp", "time"\)/],
      ['s6.csv', 'datasource,value,asn,cc,timestamp,cc\ndarknet,10,12347,IR,2019-11-14 08:10:00,TR\n', /cc \("cc", "cc"\)/],
    ];
    for (const [name, text, named] of cases) {
      const path = join(tmp.dir, name);
      writeFileSync(path, text);
      const r = await importSignalFile(deps, path);
      expect(r.file.status, name).toBe('failed');
      expect(r.file.error, name).toMatch(named);
      expect(r.file.error, name).toMatch(/^line 1: the header gives .*ambiguous; nothing was stored$/);
      expect(r.file.stored, name).toBe(0);
    }
    for (const code of ['AS12345', 'AS12346', 'AS12347']) expect(await t.store.signals.points({ entity_code: code }), code).toEqual([]);
  });

  it('a copy of a file imported without a country keeps the country its series has in the store (SYNTHETIC series)', async () => {
    const deps = { store: t.store, clock: fixedClock('2026-01-01T00:00:00Z') };
    const body = 'darknet,10,2020-01-01 00:00:00,AS64750\ndarknet,11,2020-01-01 00:05:00,AS64750\n';
    const first = join(tmp.dir, 'with-cc.csv');
    const copy = join(tmp.dir, 'copy.csv');
    writeFileSync(first, `datasource,value,timestamp,asn\n${body}`);
    writeFileSync(copy, `datasource,value,timestamp,asn\n${body}`);
    expect((await importSignalFile(deps, first, { cc: 'IR' })).file).toMatchObject({ status: 'imported', stored: 2 });
    const r = await importSignalFile(deps, copy);
    expect(r.file).toMatchObject({ status: 'imported', overwritten: 2 });
    expect(r.without_country).toEqual([]);
    expect((await t.store.signals.points({ entity_code: 'AS64750' })).map((p) => [p.cc, p.source_file])).toEqual([
      ['IR', copy],
      ['IR', copy],
    ]);
    expect(await t.store.signals.series({ cc: 'IR', entity_code: 'AS64750' })).toHaveLength(1);
  });
});

describe('signals import of a gzip file cut in its bytes', () => {
  it('fails the file with one "cannot read PATH: ..." sentence, not the prefix twice (the real IODA export, gzipped and cut)', async () => {
    const deps = { store: t.store, clock: fixedClock('2026-01-01T00:00:00Z') };
    const real = readFileSync(join(import.meta.dirname, '../../test/fixtures/outages/ioda_AS44244_IranCell_darknet_activeprobing_20191114-20191123_5min.csv'));
    const cut = join(tmp.dir, 'cut.csv.gz');
    writeFileSync(cut, gzipSync(real).subarray(0, 9000));
    const r = await importSignalFile(deps, cut);
    expect(r.file.error).toMatch(new RegExp(`^cannot read ${cut}: `));
    expect(r.file.error).not.toMatch(/cannot read.*cannot read/);
  });
});

describe('signals import of a folder', () => {
  it('a folder stands for every file a signal import reads, gzipped ones included (SYNTHETIC files), in name order', async () => {
    const dir = join(tmp.dir, 'walk');
    mkdirSync(dir);
    writeFileSync(join(dir, 'b.csv'), `${HEAD}darknet,10,2020-01-01 00:00:00,AS64740,IR\n`);
    writeFileSync(join(dir, 'a.csv.gz'), gzipSync(`${HEAD}darknet,12,2020-01-01 00:00:00,AS64741,IR\n`));
    writeFileSync(join(dir, 'notes.txt'), 'not a signal file\n');
    expect(expandSignalPaths([dir]).map((p) => basename(p))).toEqual(['a.csv.gz', 'b.csv']);
  });

  it('a folder of nothing a signal import reads is refused naming every accepted kind', () => {
    const dir = join(tmp.dir, 'none');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(() => expandSignalPaths([dir])).toThrow(SIGNAL_FILE_NAMES);
  });
});
