// A cut that ended before its traffic returned, or part of which came back, read from real STOP records
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
    expect(new Date(r.returned!).toISOString()).toBe('2025-06-25T12:00:00.000Z');
    expect(r.quote).toMatch(/^near-total blackout ended on Jun\. 21, it took until Jun\. 25 for traffic to return$/);
  });

  it('reads a dated partial return: some networks back at a time (Tripoli 2025), the internet partly back "the next day" (Yasuj 2021)', () => {
    const read = (start: string) => {
      const r = rows.find((x) => x.start_date === start)!;
      return recoveryAfterCut(r.event, Date.parse(r.start_date))!;
    };
    const tripoli = read('2025-05-16');
    expect(new Date(tripoli.ended).toISOString()).toBe('2025-05-17T01:30:00.000Z');
    expect(tripoli.returned).toBeNull();
    expect(tripoli.quote).toBe('Some networks returned around 1:30 UTC+0 on May 17');
    // "around four o'clock" names no am or pm: the day's middle
    const yasuj = read('2021-06-20');
    expect(new Date(yasuj.ended).toISOString()).toBe('2021-06-21T12:00:00.000Z');
    expect(yasuj.quote).toBe('The internet was partially restored the next day');
  });

  it('does not take an undated partial return, a service brought back, or a return before the end', () => {
    // Ukraine 2024 (the partial return is the span's end, "between Nov. 20 and Nov. 23"), Sudan 2024 ("partial returns … in select cities"), Myanmar ("partially restored Ooredoo service")
    for (const r of rows.filter((x) => ['Ukraine', 'Sudan', 'Myanmar'].includes(x.country)))
      expect(recoveryAfterCut(r.event, Date.parse(r.start_date)), `${r.country} ${r.count_year}`).toBeNull();
    expect(recoveryAfterCut('The shutdown ended on Jun. 25, it took until Jun. 21 for traffic to return.', Date.parse('2025-06-18'))).toBeNull();
    expect(recoveryAfterCut('Some networks returned on Jun. 10.', Date.parse('2025-06-18'))).toBeNull();
  });

  it('prices the hours after a partial return at the share still cut; a "Shutdown, Throttle" record so read is not split (Yasuj)', () => {
    const tripoli = eventScenario(eventOf(rows.find((r) => r.country === 'Libya')!));
    // Tripoli's share of Libya, × triangular(5 %, 50 %, 100 %) from 01:30
    const n = tripoli.input.narrowed!;
    const area = tripoli.input.affected_share!;
    expect(n.from).toBe('2025-05-17T01:30:00.000Z');
    expect([n.low / area, n.share / area, n.high / area].map((x) => Number(x.toFixed(9)))).toEqual([0.05, 0.5, 1]);
    expect(tripoli.mapping.join(' ')).toMatch(
      /part of the cut came back before its end \("Some networks returned around 1:30 UTC\+0 on May 17"\): from 2025-05-17T01:30Z/,
    );
    const yasuj = eventScenario(eventOf(rows.find((r) => r.start_date === '2021-06-20')!));
    expect(yasuj.input.narrowed?.from).toBe('2021-06-21T12:00:00.000Z');
    expect(yasuj.input.cut_part).toBeUndefined();
    expect(yasuj.mapping.join(' ')).toMatch(/"Shutdown, Throttle".*its text states the hours cut/);
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
