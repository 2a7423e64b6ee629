import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { readDegSeries, readMeduza } from './read-moscow.js';

const fixture = (f: string) => readFileSync(packagePath('test', 'fixtures', 'elections', f), 'utf8');
const PARTY = 'denull-moscow-2021-deg-party-20min.js';
const SINGLE = 'denull-moscow-2021-deg-single-mandate-20min.js';
const FIRST_BIN_196 = '[1631854800000,233,71,162,98,1145,91,43,21,33,20,9,32,12,33]';
const sum = (rows: { votes: number }[]) => rows.reduce((a, r) => a + r.votes, 0);

describe('DEG series: every bin is one time of one district, every series one candidate', () => {
  it('the shipped files read whole: no reject, 2,105,472 and 2,003,956 votes', () => {
    const p = readDegSeries(fixture(PARTY), PARTY, undefined, 'duma-2021');
    const s = readDegSeries(fixture(SINGLE), SINGLE, undefined, 'duma-2021');
    expect([p.rejects, s.rejects]).toEqual([[], []]);
    expect([sum(p.rows), sum(s.rows)]).toEqual([2_105_472, 2_003_956]);
  });

  it('a bin repeated in a district is a reject naming the district, the bin and the bin it repeats (never the value of its time); the first is kept, never a mix (SYNTHETIC: one repeated row)', () => {
    const text = fixture(PARTY);
    const extra = '[1631854800000,1000,1000,1000,1000,1000,1000,1000,1000,1000,1000,1000,1000,1000,1000]';
    const r = readDegSeries(text.replace(FIRST_BIN_196, `${FIRST_BIN_196},\n    ${extra}`), 'dup-bin.js', undefined, 'duma-2021');
    expect(r.rejects).toHaveLength(1);
    expect(r.rejects[0]).toMatchObject({ reason: 'duplicate_bin', line: 5 });
    expect(r.rejects[0]!.detail).toBe('district 196, bin 2: its time is already bin 1 of the district; not stored');
    expect(sum(r.rows)).toBe(2_105_472);
    expect(r.linesRead).toBe(readDegSeries(text, PARTY).linesRead + 1);
  });

  it('two candidates of one name in a district: each of its bins is a duplicate_candidate reject at its own line naming both positions; none is stored, lines read = stored + rejected (SYNTHETIC: a name copied)', () => {
    const whole = readDegSeries(fixture(SINGLE), SINGLE, undefined, 'duma-2021');
    const bins207 = whole.rows.filter((x) => x.district === 207);
    const n = new Set(bins207.map((x) => x.t)).size;
    const text = fixture(SINGLE).replace('"ПАНГАЕВ Андрей Валерьевич"', '"ПАВЛИНОВ Аркадий Борисович"');
    const r = readDegSeries(text, 'namesake.js', undefined, 'duma-2021');
    expect(r.rejects).toHaveLength(n);
    expect(new Set(r.rejects.map((x) => x.reason))).toEqual(new Set(['duplicate_candidate']));
    expect(r.rejects[0]!.detail).toMatch(new RegExp(`^district 207, bin 1 of ${n}: candidates 5 and 6 have one name`));
    expect(r.rejects[0]!.detail).not.toMatch(/ПАВЛИНОВ/);
    expect(r.rows.filter((x) => x.district === 207)).toEqual([]);
    expect(r.linesRead).toBe(whole.linesRead);
    expect(r.linesRead).toBe(new Set(r.rows.map((x) => `${x.district}|${x.t}`)).size + r.rejects.length);
  });

  it('a district that is no ОИК number (1-225): each of its bins is a reject at its own line, lines read as for the good file (SYNTHETIC: 196 made 999 or 0)', () => {
    const text = fixture(PARTY);
    const whole = readDegSeries(text, PARTY, undefined, 'duma-2021');
    const n = new Set(whole.rows.filter((x) => x.district === 196).map((x) => x.t)).size;
    for (const to of ['"999":', '"0":']) {
      const r = readDegSeries(text.replace('"196":', to), 'bad.js', undefined, 'duma-2021');
      expect(r.rejects, to).toHaveLength(n);
      expect(r.rejects.every((x) => x.reason === 'bad_record')).toBe(true);
      expect(r.rejects[0]).toMatchObject({ line: 4, detail: `a district key that is no single-mandate district number (1-225), bin 1 of ${n}: not stored` });
      expect(r.rejects[n - 1]!.line).toBeGreaterThan(r.rejects[0]!.line);
      expect(r.linesRead).toBe(whole.linesRead);
      expect(r.rows.length).toBe(whole.rows.length - whole.rows.filter((x) => x.district === 196).length);
    }
  });

  it('a bin off the 20-minute grid or outside the voting days is a reject (SYNTHETIC: one field changed)', () => {
    const text = fixture(PARTY);
    const cases: [string, string, RegExp][] = [
      [FIRST_BIN_196, FIRST_BIN_196.replace('1631854800000', '0'), /district 196, bin 1: its time is outside the voting days/],
      [FIRST_BIN_196, FIRST_BIN_196.replace('1631854800000', '1631854860000'), /district 196, bin 1: its time is not on the 20-minute grid/],
    ];
    for (const [from, to, detail] of cases) {
      const r = readDegSeries(text.replace(from, to), 'bad.js', undefined, 'duma-2021');
      expect(
        r.rejects.map((x) => x.reason),
        to,
      ).toEqual(['bad_record']);
      expect(r.rejects[0]!.detail).toMatch(detail);
      // The detail names the field at fault, never the rejected value.
      expect(r.rejects[0]!.detail).not.toMatch(/999|"0"|1631854860000|time 0/);
    }
  });
});

describe("Meduza's single-mandate table: one line per result, percentages that agree", () => {
  const MEDUZA = 'meduza-moscow-2021-single-mandate.tsv';
  const BAZHENOV = 'Баженов Тимофей Тимофеевич\t36719\t55803\t92522\t30.29\t46.63\t38.4\t196';

  it('the shipped table reads whole: 171 rows, none flagged, no reject', () => {
    const r = readMeduza(fixture(MEDUZA), MEDUZA);
    expect([r.rows.length, r.rejects, r.rows.filter((x) => x.flags.length)]).toEqual([171, [], []]);
  });

  it('a line repeated exactly is a duplicate_result reject naming the first line (SYNTHETIC: one line copied)', () => {
    const text = fixture(MEDUZA);
    expect(text).toContain(BAZHENOV);
    const r = readMeduza(text.replace(BAZHENOV, `${BAZHENOV}\n${BAZHENOV}`), 'dup.tsv');
    expect(r.rows).toHaveLength(171);
    expect(r.rejects).toEqual([{ file: 'dup.tsv', line: 3, reason: 'duplicate_result', detail: 'the line repeats line 2 exactly; not stored' }]);
  });

  it('a district that is no ОИК number is a reject naming the column (SYNTHETIC: 196 made 999)', () => {
    const r = readMeduza(fixture(MEDUZA).replace(BAZHENOV, BAZHENOV.replace(/196$/, '999')), 'dist.tsv');
    expect(r.rejects.map((x) => [x.line, x.reason])).toEqual([[2, 'bad_record']]);
    expect(r.rejects[0]!.detail).toBe('elections_aik (column 8): not a single-mandate district number (1-225); not stored');
  });

  it('a percentage no ballots-cast base agrees with flags its row pct_no_base (SYNTHETIC: 30.29 made 55.55)', () => {
    const r = readMeduza(fixture(MEDUZA).replace(BAZHENOV, BAZHENOV.replace('30.29', '55.55')), 'pct.tsv');
    expect(r.rejects).toEqual([]);
    expect(r.rows.filter((x) => x.flags.length).map((x) => [x.line, x.flags])).toEqual([[2, ['pct_no_base']]]);
  });
});
