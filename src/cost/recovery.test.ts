// A cut that ended before its traffic returned, read from real STOP records
// (test/fixtures/stop/recovery.csv; Access Now #KeepItOn STOP, 2026-05-20 snapshot) mapped by the
// importer's own code, and priced by cost-escalated on a SYNTHETIC economy.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent, StopRow } from '../ledger/index.js';
import { geocodeFields } from '../ledger/geocode.js';
import { mapStopRow } from '../ledger/stop/map.js';
import { costEscalated } from './cost-escalated/model.js';
import { eventScenario } from './event-scenario.js';
import { RECOVERY_SHARE, recoveryAfterCut } from './recovery.js';
import { parseScenario } from './scenario.js';
import { countryData, evalPlan } from './testing.js';

const rows = parse<StopRow>(readFileSync(new URL('../../test/fixtures/stop/recovery.csv', import.meta.url)), { columns: true });
const eventOf = (r: StopRow): LedgerEvent => {
  const m = mapStopRow(r, '2026-05-20');
  if ('reject' in m) throw new Error(m.reject);
  const f = m.fields as unknown as LedgerEvent;
  return { ...f, id: `rc-${r.start_date}`, ...geocodeFields({ ...f, title: f.title }) };
};
const iran = eventOf(rows.find((r) => r.start_date === '2025-06-18')!);

describe('a cut that ended before its traffic returned', () => {
  it('reads Iran, June 2025: the blackout ended on Jun. 21 (its middle), traffic back by Jun. 25', () => {
    const r = recoveryAfterCut(iran.summary, Date.parse(iran.start))!;
    expect(new Date(r.ended).toISOString()).toBe('2025-06-21T12:00:00.000Z');
    expect(new Date(r.returned).toISOString()).toBe('2025-06-25T12:00:00.000Z');
    expect(r.quote).toMatch(/^near-total blackout ended on Jun\. 21, it took until Jun\. 25 for traffic to return$/);
  });

  it('does not take other words for a partial return, nor a return before the end', () => {
    for (const r of rows.filter((x) => x.start_date !== '2025-06-18')) expect(recoveryAfterCut(r.event, Date.parse(r.start_date)), r.start_date).toBeNull();
    expect(recoveryAfterCut('The shutdown ended on Jun. 25, it took until Jun. 21 for traffic to return.', Date.parse('2025-06-18'))).toBeNull();
  });

  it('prices the recovery days at the share still cut and says so; the scenario keeps it', () => {
    const { input, mapping } = eventScenario(iran);
    expect(input.narrowed).toMatchObject({ from: '2025-06-21T12:00:00.000Z', share: 0.5, low: 0.05, high: 1 });
    expect(mapping.join(' ')).toMatch(/cut ended before traffic returned .*from 2025-06-21 priced as 50 % of the area cut off/);
    expect(parseScenario(input).scenario.narrowed?.basis).toMatch(/traffic returned by 2025-06-25/);
    // the days before the cut ended stay whole, the days after at the mode, 50 % (SYNTHETIC GDP and users)
    const data = countryData('IR', [
      ['NY.GDP.MKTP.CD', 'IR', 2025, 365e9],
      ['IT.NET.USER.ZS', 'IR', 2025, 80],
    ]);
    const price = (narrowed: boolean) =>
      evalPlan(
        costEscalated.plan({ ...parseScenario({ ...input, narrowed: narrowed ? input.narrowed : undefined, active_share: undefined, draws: 200 }), data }),
      ).reduce((a, b) => a + b, 0);
    // the span as the scenario prices it: the end date's whole day included
    const { start, end } = parseScenario(input).scenario;
    const whole = (Date.parse(end!) - Date.parse(start!)) / 3_600_000;
    const before = (Date.parse('2025-06-21T12:00:00Z') - Date.parse(start!)) / 3_600_000;
    expect([whole, before]).toEqual([192, 84]);
    expect(price(true) / price(false)).toBeCloseTo((before + RECOVERY_SHARE.mode * (whole - before)) / whole, 9);
  });
});
