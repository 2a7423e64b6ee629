// Golden test: the 74 CIDR entries of the 5 May 2018 dump (derived from a truncated copy, so a
// lower bound). Expected figures from the issue (hand-checked against the file).
import { describe, expect, it } from 'vitest';
import { packagePath } from '../shared/index.js';
import { parseIp } from './addresses.js';
import { readDerivedCsv } from './file-import.js';
import { listedSize, size, unionSorted } from './intervals.js';

async function ranges(decision?: string) {
  const { rows } = await readDerivedCsv(packagePath('data', 'registry', 'zapret-info_dump_2018-05-05_TRUNCATED_cidr_entries_DERIVED.csv'));
  const picked = rows.map((r) => r.row).filter((r) => decision === undefined || r.decision_number === decision);
  const parsed = picked.map((r) => parseIp(r.cidr!)!).sort((a, b) => Number(a.first - b.first));
  return { first: parsed.map((p) => Number(p.first)), last: parsed.map((p) => Number(p.last)), n: picked.length };
}

describe('2018-05-05 CIDR entries (golden)', () => {
  it('14,658,304 distinct IPv4 addresses in all; 15,706,880 when overlaps are counted twice', async () => {
    const r = await ranges();
    expect(r.n).toBe(74);
    expect(size(unionSorted(r.first, r.last))).toBe(14_658_304);
    expect(listedSize(r.first, r.last)).toBe(15_706_880);
  });
  it('9,472 under decision 2-1779/2018 (Telegram)', async () => {
    const r = await ranges('2-1779/2018');
    expect(size(unionSorted(r.first, r.last))).toBe(9_472);
  });
  it('13,705,216 distinct under decision 27-31-2015/Ид4082-15', async () => {
    const r = await ranges('27-31-2015/Ид4082-15');
    expect(size(unionSorted(r.first, r.last))).toBe(13_705_216);
  });
});
