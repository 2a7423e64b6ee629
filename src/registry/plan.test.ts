import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/index.js';
import { packagePath } from '../shared/index.js';
import { cp1251Decoder, eachLine, fileSha256 } from './lines.js';
import { headerTime, impossibleHeaderDate, planFiles, snapshotFromTime } from './plan.js';

const data = (f: string) => packagePath('data', 'registry', f);
/** "Now" for the plans below. */
const NOW = Date.parse('2026-01-02T03:04:05Z');

describe('dump header and snapshot times', () => {
  it('reads the Updated header', () => {
    expect(headerTime('Updated: 2016-06-13 12:04:00 +0000')).toBe('2016-06-13T12:04:00Z');
    expect(headerTime('Updated: 2018-05-05 16:25:00 +0300')).toBe('2018-05-05T13:25:00Z');
    expect(headerTime('104.16.173.117;;;суд;2-1687/2013;2013-05-23')).toBeNull();
  });
  it('date-only and full snapshot ids', () => {
    expect(snapshotFromTime('2020-02-16')).toEqual({ id: '2020-02-16', dumpAt: '2020-02-16T00:00:00.000Z' });
    expect(snapshotFromTime('2018-05-05T13:25:00Z')?.id).toBe('2018-05-05T13:25:00Z');
    expect(snapshotFromTime('yesterday')).toBeNull();
  });
  it('refuses a day or time the calendar does not have, never rolling it over to another day', () => {
    for (const t of ['2020-02-30', '2021-02-29', '2020-04-31T10:00:00Z', '2020-02-30 10:00', '2020-02-16T24:00:00Z']) expect(snapshotFromTime(t), t).toBeNull();
    expect(snapshotFromTime('2020-02-29')?.id).toBe('2020-02-29');
    expect(headerTime('Updated: 2021-02-30 10:00:00 +0000')).toBeNull();
    expect(impossibleHeaderDate('Updated: 2021-02-30 10:00:00 +0000')).toBe('2021-02-30 10:00:00');
    expect(impossibleHeaderDate('Updated: 2016-06-13 25:04:00 +0000')).toBe('2016-06-13 25:04:00');
    expect(impossibleHeaderDate('Updated: 2016-06-13 12:04:00 +0000')).toBeNull();
  });
});

describe('cp1251 decoding and file reading', () => {
  it('this Node decodes windows-1251 (full ICU)', () => {
    expect(cp1251Decoder().decode(Uint8Array.from([0xd1, 0xf3, 0xe4]))).toBe('Суд');
  });
  it('reads a gzipped dump line by line with the sha256 of the original bytes', async () => {
    const lines: string[] = [];
    const r = await eachLine(data('zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz'), 'windows-1251', (t) => lines.push(t));
    expect(r.lines).toBe(5362);
    expect(lines[0]).toContain('Генпрокуратура');
    expect(await fileSha256(data('zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz'))).toBe(
      'b0dbc9a0e228ee6375bc0988624ef3f9289a64300fb3ed93764987c03c7d2a3d',
    );
  });
  it('drops CR of CRLF files', async () => {
    const lines: string[] = [];
    await eachLine(data('zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'), 'utf-8', (t) => lines.push(t));
    expect(lines[0]!.endsWith('record_line')).toBe(true);
    expect(readFileSync(data('zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'), 'latin1')).toContain('\r\n');
  });
});

describe('planFiles', () => {
  it('recognises the shipped files and gives each its snapshot', async () => {
    const p = await planFiles(
      [
        data('zapret-info_dump-08_2020-02-16_part.cp1251.csv.gz'),
        data('zapret-info_dump_2016-06-13_first20000lines.cp1251.csv.gz'),
        data('zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'),
        data('zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv'),
      ],
      { nowMs: NOW },
    );
    expect(p.map((f) => [f.sourceFile, f.format, f.snapshotId, f.timeBasis, f.complete])).toEqual([
      ['zapret-info_dump-08_2020-02-16_part.cp1251.csv', 'dump_part', '2020-02-16', 'provenance', false],
      ['zapret-info_dump_2016-06-13_first20000lines.cp1251.csv', 'dump', '2016-06-13T12:04:00Z', 'header', false],
      ['zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv', 'cidr_derived', '2018-05-05T13:25:00Z', 'provenance', false],
      ['zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv', 'daily_stats', null, null, true],
    ]);
  });
  it('refuses a file that is not a registry file, naming it', async () => {
    await expect(planFiles([packagePath('package.json')], { nowMs: NOW })).rejects.toThrow(/package\.json: not a registry file/);
  });
  it('refuses a bad --dump-time', async () => {
    await expect(planFiles([], { dumpTime: 'soon', nowMs: NOW })).rejects.toThrow(/--dump-time "soon"/);
  });

  describe('a dump time after now (beyond the clock-skew allowance)', () => {
    const t = tempDir();
    afterAll(() => t.cleanup());
    const dump = (name: string, header: string) => {
      const path = join(t.dir, name);
      writeFileSync(path, Buffer.from(`${header}\n1.2.3.4;example.org;;court;2-1/2021;2021-01-01\n`, 'latin1'));
      return path;
    };

    it('in the "Updated:" header is refused naming the file and its line 1', async () => {
      const path = dump('future.csv', 'Updated: 2099-01-02 00:00:00 +0000');
      const e = await planFiles([path], { nowMs: NOW }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['files', 'future.csv', 'line 1'] }] });
      expect((e as Error).message).toBe(
        `${path}: line 1: the "Updated:" header names 2099-01-02T00:00:00Z, after now (2026-01-02T03:04:05.000Z; 10 minutes allowed for clock skew)`,
      );
    });

    it('in --dump-time is refused naming the option, whether or not a file needs it', async () => {
      const e = await planFiles([], { dumpTime: '2099-05-05', nowMs: NOW }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['dump_time'] }] });
      expect((e as Error).message).toBe('--dump-time "2099-05-05" is after now (2026-01-02T03:04:05.000Z; 10 minutes allowed for clock skew)');
    });

    it('in the file name (a headerless part) is refused naming the file and the option that would set it', async () => {
      const path = join(t.dir, 'dump-08_2099-01-01.csv');
      writeFileSync(path, Buffer.from('1.2.3.4;example.org;;court;2-1/2021;2021-01-01\n', 'latin1'));
      const e = await planFiles([path], { nowMs: NOW }).catch((x: unknown) => x);
      expect(e).toMatchObject({ code: 'VALIDATION', issues: [{ path: ['files', 'dump-08_2099-01-01.csv'] }] });
      expect((e as Error).message).toMatch(/dump-08_2099-01-01\.csv: the date in its name, 2099-01-01, is after now .*give the dump time with --dump-time/);
    });

    it('within the allowance is taken', async () => {
      const path = dump('skew.csv', 'Updated: 2026-01-02 03:10:00 +0000');
      expect((await planFiles([path], { nowMs: NOW }))[0]).toMatchObject({ snapshotId: '2026-01-02T03:10:00Z', timeBasis: 'header' });
      expect((await planFiles([], { dumpTime: '2026-01-02', nowMs: NOW })).length).toBe(0);
    });
  });

  describe('a dump with no record after its "Updated:" header (an empty or truncated download, SYNTHETIC)', () => {
    const t = tempDir();
    afterAll(() => t.cleanup());
    it('is refused naming the file, whatever blank lines follow the header', async () => {
      for (const body of ['Updated: 2021-03-03 00:00:00 +0000\n', 'Updated: 2021-03-03 00:00:00 +0000', 'Updated: 2021-03-03 00:00:00 +0000\r\n\r\n  \n']) {
        const path = join(t.dir, 'empty-dump-2021.cp1251.csv');
        writeFileSync(path, Buffer.from(body, 'latin1'));
        const e = await planFiles([path], { nowMs: NOW }).catch((x: unknown) => x);
        expect(e).toMatchObject({
          code: 'VALIDATION',
          issues: [{ path: ['files', 'empty-dump-2021.cp1251.csv'], message: 'no record after the "Updated:" header' }],
        });
        expect((e as Error).message).toBe(
          `${path}: holds its "Updated:" header and no record: an empty or truncated download, not a register of 0 entries; nothing was stored`,
        );
      }
    });
    it('is taken beside the headerless parts it heads (a dump-00 that holds the header only)', async () => {
      const head = join(t.dir, 'dump-00.csv');
      writeFileSync(head, Buffer.from('Updated: 2021-03-03 00:00:00 +0000\n', 'latin1'));
      const part = join(t.dir, 'dump-01.csv');
      writeFileSync(part, Buffer.from('1.2.3.4;example.org;;court;2-1/2021;2021-01-01\n', 'latin1'));
      expect((await planFiles([head, part], { nowMs: NOW })).map((p) => p.snapshotId)).toEqual(['2021-03-03T00:00:00Z', '2021-03-03T00:00:00Z']);
    });
  });
});

describe('completeness: a whole dump whatever its name, a part only among parts', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const fixture = (f: string) => readFileSync(packagePath('test', 'fixtures', 'registry-quirks', f));
  /** The real 2016 lines (with their "Updated:" header) and the real headerless 2020 part lines. */
  const whole = fixture('dump-2016-06-13-lines.cp1251.csv');
  const headerless = fixture('dump-08-2020-02-16-lines.cp1251.csv');
  const put = (name: string, bytes: Buffer) => {
    const path = join(t.dir, name);
    writeFileSync(path, name.endsWith('.gz') ? gzipSync(bytes) : bytes);
    return path;
  };

  it('a dump with its own "Updated:" header is complete under any name, a date in it included', async () => {
    const names = [
      'dump-2016-06-13-lines.cp1251.csv',
      'dump-2016-06-13.csv',
      'dump-2016-06-13.csv.gz',
      'dump-20160613.csv',
      'dump-2016.csv',
      'dump-1.csv',
      'dump_2016-06-13.csv',
      'dump.csv',
      'zapret-2016-06-13.csv',
    ];
    for (const name of names) {
      const [p] = await planFiles([put(name, whole)], { nowMs: NOW });
      expect([name, p!.format, p!.snapshotId, p!.complete]).toEqual([name, 'dump', '2016-06-13T12:04:00Z', true]);
    }
  });

  it('headerless parts are complete only as dump-00..NN without a gap, headed by 00', async () => {
    const dir = (sub: string) => join(t.dir, sub);
    const { mkdirSync } = await import('node:fs');
    const set = async (sub: string, names: string[]) => {
      mkdirSync(dir(sub), { recursive: true });
      const paths = names.map((n) => put(join(sub, n), n.includes('-00') ? whole : headerless));
      return (await planFiles(paths, { nowMs: NOW })).map((p) => [p.sourceFile, p.format, p.complete]);
    };
    expect(await set('a', ['dump-00.csv', 'dump-01.csv', 'dump-02.csv'])).toEqual([
      ['dump-00.csv', 'dump', true],
      ['dump-01.csv', 'dump_part', true],
      ['dump-02.csv', 'dump_part', true],
    ]);
    expect(await set('b', ['dump-00.csv', 'dump-02.csv'])).toEqual([
      ['dump-00.csv', 'dump', false],
      ['dump-02.csv', 'dump_part', false],
    ]);
    // a part whose name also holds the dump's date is still a part
    expect(await set('c', ['dump-00_2016-06-13.csv', 'dump-01_2016-06-13.csv'])).toEqual([
      ['dump-00_2016-06-13.csv', 'dump', true],
      ['dump-01_2016-06-13.csv', 'dump_part', true],
    ]);
    mkdirSync(dir('d'), { recursive: true });
    const lone = await planFiles([put(join('d', 'dump-01.csv'), headerless)], { dumpTime: '2020-02-16', nowMs: NOW });
    expect(lone.map((p) => [p.format, p.complete])).toEqual([['dump_part', false]]);
  });
});
