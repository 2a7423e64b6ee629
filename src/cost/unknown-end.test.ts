// Durations given to events whose end nobody recorded. The events here are SYNTHETIC (only the
// fields the rule reads); the rule on real STOP records is tested in
// test/integration/cost-ledger.test.ts.
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/index.js';
import { durationTable, durationsFor, endNotRecorded } from './unknown-end.js';

const ev = (cc: string, start: string, end: string | null, category = 'shutdown', notes: string | null = null) =>
  ({ countries: [cc], category, subtype: category === 'shutdown' ? 'full' : 'platform', start, end, notes }) as unknown as LedgerEvent;
const ended = (cc: string, days: number[], category = 'shutdown') =>
  days.map((d) => ev(cc, '2024-01-01', new Date(Date.parse('2024-01-01') + (d - 1) * 86_400_000).toISOString().slice(0, 10), category));

describe('durations of ended events', () => {
  it('gives quartiles per country and kind in whole days, end day included', () => {
    const t = durationTable([...ended('MM', [1, 2, 3, 6, 30, 32, 70])]);
    expect(durationsFor(t, ev('MM', '2025-01-01', null), 'MM')).toEqual({ n: 7, q1: 3, median: 6, q3: 32, of: 'MM' });
  });

  it('falls back to every country below five ended events of the country, and keeps blocks apart from shutdowns', () => {
    const t = durationTable([...ended('MM', [1, 2, 3, 6]), ...ended('IN', [2, 2, 2, 4]), ...ended('VE', [1, 1, 1, 1, 1], 'block')]);
    expect(durationsFor(t, ev('MM', '2025-01-01', null), 'MM')).toMatchObject({ n: 8, of: 'all countries', median: 2 });
    expect(durationsFor(t, ev('VE', '2025-01-01', null, 'block'), 'VE')).toMatchObject({ n: 5, of: 'VE', median: 1 });
    expect(durationsFor(t, ev('IN', '2025-01-01', null, 'block'), 'IN')).toMatchObject({ of: 'all countries', n: 5 });
  });

  it('applies only where the source says the end was not recorded, not to ongoing events', () => {
    expect(endNotRecorded(ev('MM', '2025-01-01', null, 'shutdown', 'End date not recorded (shutdown_status "Unknown").'))).toBe(true);
    expect(endNotRecorded(ev('TD', '2018-03-28', null, 'shutdown', 'Marked ongoing in the 2026-05-20 STOP snapshot.'))).toBe(false);
    expect(endNotRecorded(ev('MM', '2025-01-01', '2025-01-02', 'shutdown', 'End date not recorded'))).toBe(false);
  });
});
