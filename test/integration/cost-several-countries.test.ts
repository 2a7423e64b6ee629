// A record of several countries is an event in each of them when the ledger is compared with
// Top10VPN per country and year: real STOP records (test/fixtures/stop/several-countries.csv,
// Access Now #KeepItOn STOP, 2026-05-20 snapshot) with the shipped economic data.
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../../src/ledger/index.js';
import { eachCountry } from '../../src/cost/ledger-events.js';
import { costFixture } from '../helpers/cost-ledger.js';

const { json } = costFixture('several-countries.csv');

type Row = {
  country: string;
  year: number;
  ours: Record<string, number>;
  our_hours: number;
  events: { id: string; hours: number; usd: number }[];
  theirs: number | null;
};
type Compare = { rows: Row[]; notes: string[] };

describe('a record of several countries, in the comparison', () => {
  it("Kenya, 25 June 2024: counted in Kenya's row and in each neighbour it cut, for the 7.25 hours its text states", async () => {
    const c = await json<Compare>(['cost', 'compare', 'top10vpn']);
    const id = (r: Row | undefined) => r?.events.find((e) => e.id.startsWith('stop-bi-2024-06-25'));
    for (const cc of ['BI', 'KE', 'RW', 'TZ', 'UG']) {
      const row = c.rows.find((r) => r.country === cc && r.year === 2024);
      const ev = id(row);
      expect(ev, cc).toBeTruthy();
      expect(Math.abs(ev!.hours - 7.25)).toBeLessThanOrEqual(0.05); // hours are given to a tenth
      expect(ev!.usd).toBeGreaterThan(0);
    }
    const ke = c.rows.find((r) => r.country === 'KE' && r.year === 2024)!;
    // beside the Telegram block of November; Top10VPN's row for Kenya 2024 is there to compare
    expect(ke.events.map((e) => e.id).sort()).toEqual([expect.stringMatching(/^stop-bi-2024-06-25/), expect.stringMatching(/^stop-ke-2024-11-07/)]);
    expect(ke.theirs).toBe(75_000_000);
    // each country's own output: Kenya's hour costs more than Burundi's
    expect(id(ke)!.usd).toBeGreaterThan(id(c.rows.find((r) => r.country === 'BI' && r.year === 2024))!.usd);
    expect(c.notes.join(' ')).toMatch(/a record of several countries .* counts in each country it lists/);
    // --country keeps that country's part only
    const one = await json<Compare>(['cost', 'compare', 'top10vpn', '--country', 'UG']);
    expect(one.rows.filter((r) => r.events.length).map((r) => `${r.country} ${r.year}`)).toEqual(['UG 2024']);
    expect(new Set(one.rows.map((r) => r.country))).toEqual(new Set(['UG']));
    // Cameroon and the Central African Republic, 23 October 2025: in both
    for (const cc of ['CM', 'CF']) expect(c.rows.find((r) => r.country === cc && r.year === 2025)?.events).toHaveLength(1);
  });

  it('cost events --country prices that country’s part; without it the record is listed as missing its country', async () => {
    type Items = { events_read: number; items: { event_id: string; country: string; usd_median: number | null; missing: string | null }[] };
    const ug = await json<Items>(['cost', 'events', '--country', 'UG', '--method', 'cost-escalated', '--draws', '200', '--format', 'json']);
    const part = ug.items.find((i) => i.event_id.startsWith('stop-bi-2024-06-25'))!;
    expect(part).toMatchObject({ country: 'UG', missing: null });
    expect(part.usd_median).toBeGreaterThan(0);
    const all = await json<Items>(['cost', 'events', '--method', 'cost-escalated', '--draws', '200', '--format', 'json']);
    const whole = all.items.find((i) => i.event_id.startsWith('stop-bi-2024-06-25'))!;
    expect(whole.country).toBe('BI; KE; RW; TZ; UG');
    expect(whole.missing).toMatch(/^country: the event lists BI, KE, RW, TZ, UG; price one country at a time with --country/);
  });

  it('a copy per country keeps that country’s regions and places none of its area', () => {
    const e = {
      id: 'x',
      countries: ['LA', 'MM'],
      regions: ['MM-17', 'LA-BK'],
      places: [{ name: 'Tachileik' }],
      population_affected: { share: 0.01 },
    } as unknown as LedgerEvent;
    const [la, mm] = eachCountry(e);
    expect(la).toMatchObject({ countries: ['LA'], regions: ['LA-BK'], places: [], population_affected: null });
    expect(mm).toMatchObject({ countries: ['MM'], regions: ['MM-17'] });
    expect(eachCountry(e, 'MM')).toHaveLength(1);
    const single: LedgerEvent = { ...e, countries: ['MM'] };
    expect(eachCountry(single)[0]).toBe(single);
  });
});
