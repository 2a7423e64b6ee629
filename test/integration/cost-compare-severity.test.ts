// The comparison with Top10VPN prices the slowed hours of a record STOP files as "Shutdown,
// Throttle" at the severity it is given: 1 by default (Top10VPN counts an unusable throttle as
// a shutdown), below 1 only the share given. Real STOP records (test/fixtures/stop/
// cut-and-slowed.csv: Belarus, 9 August–7 December 2020, no text) in a fresh ledger with the
// shipped economic data and Top10VPN's transcribed yearly costs.
import { describe, expect, it } from 'vitest';
import { costFixture } from '../helpers/cost-ledger.js';

const { json } = costFixture('cut-and-slowed.csv');
type Row = { year: number; ours: Record<string, number>; our_hours: number; events: { id: string; hours: number }[] };
const belarus2020 = async (extra: string[]) => {
  const r = await json<{ rows: Row[] }>(['cost', 'compare', 'top10vpn', '--country', 'BY', ...extra]);
  return r.rows.find((w) => w.year === 2020)!;
};

describe('cost compare top10vpn: the slowed hours of a "Shutdown, Throttle" record at the severity given', () => {
  it('severity 1 (the default) prices the span as cut throughout; 0 prices the cut share alone; 0.5 adds half the slowed hours', async () => {
    const [whole, explicit, cut, half] = await Promise.all([
      belarus2020([]),
      belarus2020(['--severity', '1']),
      belarus2020(['--severity', '0']),
      belarus2020(['--severity', '0.5']),
    ]);
    const usd = (r: Row) => r.ours['cost-escalated']!;
    expect(usd(explicit)).toBe(usd(whole));
    // 120 days on average (dates without times); the cut share is uniform(0, 1), its mean ½.
    expect(whole.our_hours).toBeCloseTo(2880, 6);
    expect(cut.our_hours).toBeCloseTo(1440, 6);
    expect(half.our_hours).toBeCloseTo(1440, 6); // hours cut; the slowed hours are priced, not counted as cut
    // The cut share's median is ½, but it multiplies a wide k: the product's median is not exactly half.
    expect(usd(cut) / usd(whole)).toBeGreaterThan(0.3);
    expect(usd(cut) / usd(whole)).toBeLessThan(0.7);
    expect(usd(half)).toBeGreaterThan(usd(cut));
    expect(usd(half)).toBeLessThan(usd(whole));
  });
});
