// The derived daily series of the register through `registry import`, against a temporary store.
// Rows are the first lines of the shipped series (data/registry, real); the cases that the
// shipped file does not hold (a repeated column, a future day, LF rows under a CRLF header) are
// SYNTHETIC edits of them, said so in each test.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, packagePath, silentProgress } from '../shared/index.js';
import type { Store } from '../store/index.js';
import { tempDir, tempStore } from '../../test/helpers/index.js';
import { importRegistry } from './import.js';

const SHIPPED = readFileSync(packagePath('data', 'registry', 'zapret-info_registry_daily_stats_2012-11_2016-06_DERIVED.csv'), 'utf8').split('\r\n');
const HEADER = SHIPPED[0]!;
const ROWS = SHIPPED.slice(1, 6);

describe('registry import of the daily series', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    dir = tempDir('registry-daily-');
  });
  afterEach(async () => {
    await cleanup();
    dir.cleanup();
  });
  const run = (name: string, text: string) => {
    const path = join(dir.dir, name);
    writeFileSync(path, text);
    return importRegistry({ store, clock: fixedClock('2026-12-06T12:00:00Z'), progress: silentProgress }, [path]);
  };

  it('reads the whole shipped series (CRLF): read = stored, no reject', async () => {
    const r = await run('a_daily_stats_DERIVED.csv', SHIPPED.join('\r\n'));
    expect(r.files[0]).toMatchObject({ lines: 1001, stored: 1000, rejected: 0, reconciled: true });
  });

  it('a row with fewer or more fields than the header, or a commit that is no git hash, is a reject naming it; the others are stored (SYNTHETIC edits of real rows)', async () => {
    const short = ROWS[1]!.split(',').slice(0, 5).join(',');
    const long = `${ROWS[2]!},7`;
    const badCommit = ROWS[3]!.replace(/^([^,]*),[0-9a-f]{40},/, '$1,not-a-sha,');
    const r = await run('b_daily_stats_DERIVED.csv', [HEADER, ROWS[0], short, long, badCommit, ROWS[4]].join('\r\n'));
    expect(r.files[0]).toMatchObject({ stored: 2, rejected: 3, reconciled: true });
    const reasons = r.rejects.map((x) => [x.line, x.reason.split(':')[0]]);
    expect(reasons).toEqual([
      [3, 'bad_fields'],
      [4, 'bad_fields'],
      [5, 'bad_commit'],
    ]);
    expect(r.rejects[0]!.reason).toMatch(/the row has 5 fields, the header \d+/);
  });

  it('refuses a header that repeats a column, naming it (SYNTHETIC: a second "records" column)', async () => {
    const text = [`${HEADER},records`, ...ROWS.map((l) => `${l},999`), ''].join('\r\n');
    await expect(run('dup_daily_stats_DERIVED.csv', text)).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/dup_daily_stats_DERIVED\.csv: line 1: the header repeats column "records"/),
    });
    expect(await store.registry.listDailyStats()).toEqual([]);
  });

  it('rejects a day after today, and counts no register can have, by line (SYNTHETIC edits of the first shipped row)', async () => {
    const row = ROWS[0]!.split(',');
    const edit = (at: Record<number, string>) => row.map((v, i) => at[i] ?? v).join(',');
    const text = [
      HEADER,
      ROWS[1],
      edit({ 0: '2030-11-19', 2: 'Updated: 2030-11-19 09:09:00 +0000' }),
      edit({ 5: '100' }), // records_with_ip 100 > records 61
      edit({ 0: '2012-11-20', 2: 'Updated: 2012-11-20 09:09:00 +0000', 12: '60' }), // the bodies' counts sum above records
      edit({ 0: '2013-11-19' }), // a year after its own Updated: header
      ROWS[1], // the same day again
      '',
    ].join('\r\n');
    const r = await run('future_daily_stats_DERIVED.csv', text);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [3, 'future_date: day "2030-11-19" is after today (the latest date begun anywhere is 2026-12-07)'],
      [4, 'bad_count: records_with_ip = 100 is more than records = 61'],
      [5, 'bad_count: the organ_* counts sum to 111, more than records = 61'],
      [6, 'bad_date: day "2013-11-19" is before the date of its header "Updated: 2012-11-19 09:09:00 +0000" or more than 7 days after it'],
      [7, 'duplicate_day: day "2012-11-21" is given on line 2 already'],
    ]);
    expect(r.files[0]).toMatchObject({ lines: 7, stored: 1, rejected: 5, reconciled: true });
    expect((await store.registry.listDailyStats()).map((d) => d.day)).toEqual([ROWS[1]!.slice(0, 10)]);
  });

  it('reads LF rows under a CRLF header as rows of their own (SYNTHETIC: shipped rows appended on Linux)', async () => {
    const r = await run('mixed_daily_stats_DERIVED.csv', `${HEADER}\r\n${ROWS.join('\n')}\n`);
    expect(r.files[0]).toMatchObject({ lines: 6, stored: 5, rejected: 0, reconciled: true });
    expect((await store.registry.listDailyStats()).map((d) => d.doc.source_line)).toEqual([2, 3, 4, 5, 6]);
  });
});

describe('registry import of the daily series: cells no register can have', () => {
  let store: Store;
  let cleanup: () => Promise<void> | void;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
    dir = tempDir('registry-daily-cells-');
  });
  afterEach(async () => {
    await cleanup();
    dir.cleanup();
  });
  const run = (name: string, text: string) => {
    const path = join(dir.dir, name);
    writeFileSync(path, text);
    return importRegistry({ store, clock: fixedClock('2026-12-06T12:00:00Z'), progress: silentProgress }, [path]);
  };
  const cols = HEADER.split(',');
  const at = (name: string) => cols.indexOf(name);
  const edit = (line: string, set: Record<string, string>) => {
    const row = line.split(',');
    for (const [k, v] of Object.entries(set)) row[at(k)] = v;
    return row.join(',');
  };

  it('an empty or missing count cell is a reject naming its line and column, never a 0 (SYNTHETIC edits of shipped rows)', async () => {
    const allEmpty = ROWS[0]!
      .split(',')
      .map((v, i) => (i >= at('records') && cols[i] !== 'complete' ? '' : v))
      .join(',');
    const text = [
      HEADER,
      allEmpty, // every count empty, as a row of a failed recount
      edit(ROWS[1]!, { organ_ФСКН: '' }), // one body's count empty
      edit(ROWS[2]!, { records: ' ' }),
      ROWS[3]!.split(',').slice(0, at('organ_other')).join(','), // the last column cut off
      ROWS[4],
      '',
    ].join('\r\n');
    const r = await run('empty_daily_stats_DERIVED.csv', text);
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [2, 'bad_count: column "records" is empty (a missing count is not 0)'],
      [3, 'bad_count: column "organ_ФСКН" is empty (a missing count is not 0)'],
      [4, 'bad_count: column "records" is empty (a missing count is not 0)'],
      // a row cut short is read as a whole or not at all: its field count is named
      [5, `bad_fields: the row has ${at('organ_other')} fields, the header ${cols.length}`],
    ]);
    expect(r.files[0]).toMatchObject({ lines: 6, stored: 1, rejected: 4, reconciled: true });
    expect((await store.registry.listDailyStats()).map((d) => d.day)).toEqual([ROWS[4]!.slice(0, 10)]);
  });

  it('rejects token counts no register can have and an updated_header that is not a header (SYNTHETIC edits of shipped rows)', async () => {
    const first = ROWS[0]!.split(',');
    const ip = Number(first[at('records_with_ip')]);
    const text = [
      HEADER,
      edit(ROWS[0]!, { ip_tokens: String(ip - 1) }), // fewer tokens than records with an address
      edit(ROWS[1]!, { cidr_tokens: '1000' }), // more CIDR tokens than tokens
      edit(ROWS[2]!, { records_with_ip: '0' }), // tokens listed, yet no record with an address
      edit(ROWS[3]!, { updated_header: 'not a header' }),
      edit(ROWS[4]!, { updated_header: '' }),
      SHIPPED[6], // one real row kept: a file whose every row is rejected is refused whole
      '',
    ].join('\r\n');
    const r = await run('tokens_daily_stats_DERIVED.csv', text);
    const tokens = (i: number) => ROWS[i]!.split(',')[at('ip_tokens')];
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([
      [2, `bad_count: ip_tokens = ${ip - 1} is less than records_with_ip = ${ip} (each such record lists an address)`],
      [3, `bad_count: cidr_tokens = 1000 is more than ip_tokens = ${tokens(1)}`],
      [4, `bad_count: ip_tokens = ${tokens(2)} is more than 0, but records_with_ip = 0`],
      [5, 'bad_header: updated_header "not a header" is not an "Updated: YYYY-MM-DD HH:MM:SS +0000" header'],
      [6, 'bad_header: updated_header "" is not an "Updated: YYYY-MM-DD HH:MM:SS +0000" header'],
    ]);
    expect(r.files[0]).toMatchObject({ lines: 7, stored: 1, rejected: 5, reconciled: true });
  });
});
