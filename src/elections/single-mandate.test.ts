/**
 * Moscow 2021 single-mandate shares against Meduza's own table (the shipped fixture): every
 * candidate's paper, DEG and total share of ballots cast is the percentage the table prints,
 * in all 15 districts; shares of valid votes stand beside them; a table without percentages
 * gives no cast base and says so with nulls, never a share of valid votes under the cast name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { readMeduza } from './read-moscow.js';
import { castBase, singleMandate } from './single-mandate.js';

const REAL = readFileSync(packagePath('test', 'fixtures', 'elections', 'meduza-moscow-2021-single-mandate.tsv'), 'utf8');
const TABLE = REAL.trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split('\t'))
  .map((c) => ({ candidate: c[0]!, district: Number(c[7]), paper: Number(c[4]), electronic: Number(c[5]), total: Number(c[6]), votes: Number(c[3]) }));
const DISTRICTS = [...new Set(TABLE.map((r) => r.district))];

function byDistrict(text: string) {
  const { rows, rejects } = readMeduza(text, 'meduza.tsv');
  expect(rejects).toEqual([]);
  return new Map(DISTRICTS.map((d) => [d, singleMandate(rows.filter((r) => r.district === d))]));
}

describe('single-mandate shares of ballots cast', () => {
  const all = byDistrict(REAL);

  it("every candidate's paper, DEG and total share is the percentage Meduza prints (171 rows, 15 districts)", () => {
    expect(DISTRICTS).toEqual(Array.from({ length: 15 }, (_, i) => 196 + i));
    const got = [...all.values()].flatMap((d) =>
      d.candidates.map((c) => ({ candidate: c.candidate, district: 0, paper: c.paper_pct, electronic: c.electronic_pct, total: c.total_pct, votes: c.total })),
    );
    const key = (r: { candidate: string; votes: number }) => `${r.candidate}|${r.votes}`;
    const want = new Map(TABLE.map((r) => [key(r), r]));
    expect(got).toHaveLength(171);
    for (const g of got) {
      const w = want.get(key(g))!;
      expect({ paper: g.paper, electronic: g.electronic, total: g.total }, `${w.district} ${w.candidate}`).toEqual({
        paper: w.paper,
        electronic: w.electronic,
        total: w.total,
      });
    }
  });

  it('district 196: Bazhenov 30.29 % on paper and 38.4 % in all of ballots cast; 31.91 % and 39.41 % of valid votes', () => {
    const d = all.get(196)!;
    expect(d.valid_votes).toEqual({ paper: 115_061, electronic: 119_679, total: 234_740 });
    // the base is known to the rounding of two-decimal percentages: a range, and the middle of it;
    // DEG has no invalid ballots (its percentages sum to 100 %), so its base is its valid votes
    expect(d.ballots_range).toEqual({ paper: [121_233, 121_242], electronic: [119_679, 119_684], total: [240_912, 240_921] });
    expect(d.ballots).toEqual({ paper: 121_237, electronic: 119_679, total: 240_916 });
    const b = d.candidates[0]!;
    expect(b).toMatchObject({ candidate: 'Баженов Тимофей Тимофеевич', paper: 36_719, total: 92_522, paper_pct: 30.29, total_pct: 38.4 });
    expect(b).toMatchObject({ paper_pct_of_valid: 31.91, electronic_pct_of_valid: 46.63, total_pct_of_valid: 39.41 });
    expect(d.winner).toEqual({ name: 'Баженов Тимофей Тимофеевич', votes: 92_522, pct: 38.4, pct_of_valid: 39.41 });
    expect(d.paper_leader).toMatchObject({ name: 'Рашкин Валерий Федорович', pct: 31.64 });
  });

  it('every district: valid votes are the candidates summed, ballots cast at least that, total = paper + DEG', () => {
    for (const [no, d] of all) {
      const rows = TABLE.filter((r) => r.district === no);
      expect(d.valid_votes.total, String(no)).toBe(rows.reduce((a, r) => a + r.votes, 0));
      expect(d.ballots!.paper).toBeGreaterThan(d.valid_votes.paper);
      expect(d.ballots!.electronic).toBe(d.valid_votes.electronic);
      expect(d.ballots!.total).toBe(d.ballots!.paper + d.ballots!.electronic);
      for (const k of ['paper', 'electronic', 'total'] as const) {
        const [lo, hi] = d.ballots_range![k];
        expect(lo <= d.ballots![k] && d.ballots![k] <= hi, `${no} ${k}`).toBe(true);
      }
    }
  });

  it('a table without percentages has no cast base: shares of ballots cast are null, shares of valid votes stay', () => {
    const bare = REAL.split('\n')
      .map((l) => {
        const c = l.split('\t');
        return [...c.slice(0, 4), c[7]].join('\t');
      })
      .join('\n');
    const d = byDistrict(bare).get(196)!;
    expect(d.ballots).toBeNull();
    expect(d.ballots_range).toBeNull();
    expect(d.valid_votes.paper).toBe(115_061);
    expect(d.winner).toEqual({ name: 'Баженов Тимофей Тимофеевич', votes: 92_522, pct: null, pct_of_valid: 39.41 });
    expect(d.candidates[0]).toMatchObject({ paper_pct: null, total_pct: null, paper_pct_of_valid: 31.91 });
    expect(d.margin_pct).toBeNull();
  });
});

describe('castBase', () => {
  it('the integers every two-decimal percentage agrees with, or null', () => {
    // 1 of 3 is 33.33 %, 2 of 3 is 66.67 %: only bases 3 (and none near) fit both
    expect(
      castBase(
        [
          { votes: 1, pct: 33.33 },
          { votes: 2, pct: 66.67 },
        ],
        3,
      ),
    ).toEqual([3, 3]);
    // 50 votes at 40 %: 125 ballots to the rounding (124.98-125.02)
    expect(castBase([{ votes: 50, pct: 40 }], 50)).toEqual([125, 125]);
    expect(
      castBase(
        [
          { votes: 50, pct: 40 },
          { votes: 50, pct: 10 },
        ],
        100,
      ),
    ).toBeNull();
    expect(castBase([{ votes: 50, pct: null }], 50)).toBeNull();
    // no base below the valid votes
    expect(castBase([{ votes: 1, pct: 100 }], 5)).toBeNull();
  });
});

describe('readMeduza percentages', () => {
  it("keeps the table's printed percentages; a percentage that is not one is a reject naming it", () => {
    const r = readMeduza(REAL, 'm.tsv');
    expect(r.rows[0]).toMatchObject({ district: 196, paper_pct: 30.29, electronic_pct: 46.63, total_pct: 38.4 });
    const bad = REAL.split('\n');
    bad[1] = bad[1]!.replace('\t30.29\t', '\t30,29\t');
    const j = readMeduza(bad.join('\n'), 'm.tsv');
    expect(j.rejects).toEqual([{ file: 'm.tsv', line: 2, reason: 'bad_record', detail: 'not a percentage: elections_inperson_percent (column 5)' }]);
  });
});
