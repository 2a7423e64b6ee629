// Hours actually cut within a date range, on real STOP exam-shutdown records (test/fixtures/
// stop/exam-shutdowns.csv, Access Now #KeepItOn STOP, 2026-05-20 snapshot) priced with the
// shipped economic data, and compared with Top10VPN's transcribed yearly figures.
import { describe, expect, it } from 'vitest';
import { costFixture } from '../helpers/cost-ledger.js';

const { json } = costFixture('exam-shutdowns.csv');

type Event = {
  mapping: string[];
  scenario: { hours: number; active: { share: number; low: number; high: number } | null };
  estimates: { median: number; inputs: { name: string }[] }[];
};
type Compare = {
  rows: {
    country: string;
    year: number;
    ratio: number | null;
    theirs: number | null;
    our_hours: number;
    their_hours: number | null;
    events: { id: string; hours: number }[];
    cause: string | null;
  }[];
};

describe('exam shutdowns are priced for the hours they lasted', () => {
  it('Iraq, 5–13 February 2023 (9 times, 4:00am to 12:00pm): 72 of 216 hours, a third of the whole span', async () => {
    const list = await json<{ items: { id: string; start: string; category: string }[] }>(['events', 'list', '--country', 'IQ', '--limit', '200']);
    const id = list.items.find((e) => e.start === '2023-02-05')!.id;
    const [part, whole] = await Promise.all([
      json<Event>(['cost', 'event', id, '--method', 'cost-escalated']),
      json<Event>(['cost', 'event', id, '--method', 'cost-escalated', '--platform-weight', '1']),
    ]);
    expect(part.scenario.hours).toBe(216);
    expect(part.scenario.active).toMatchObject({ share: 72 / 216, low: 72 / 216, high: 72 / 216 });
    expect(part.mapping.join(' ')).toMatch(/priced for 72 h of the 216 h/);
    expect(whole.scenario.active?.share).toBe(72 / 216);
    // the share is one input of the estimate, listed once
    expect(part.estimates[0]!.inputs.filter((i) => i.name === 'active share of the span')).toHaveLength(1);
  });

  it('compare counts the hours cut, and names a cause for every country-year beyond 3×', async () => {
    const c = await json<Compare>(['cost', 'compare', 'top10vpn', '--country', 'IQ']);
    const y2023 = c.rows.find((r) => r.year === 2023)!;
    const sum = y2023.events.reduce((s, e) => s + e.hours, 0);
    expect(y2023.our_hours).toBeCloseTo(sum, 0);
    // the six 2023 records span 1,920 hours of dates; the schedules in their text give far fewer
    expect(y2023.our_hours).toBeLessThan(400);
    expect(y2023.our_hours).toBeGreaterThan(150);
    for (const r of c.rows.filter((x) => x.ratio !== null && (x.ratio > 3 || x.ratio < 1 / 3))) expect(r.cause).toBeTruthy();
    // a year only Top10VPN prices says why we have no figure
    const theirsOnly = c.rows.filter((x) => x.ratio === null && x.theirs !== null);
    expect(theirsOnly.length).toBeGreaterThan(0);
    for (const r of theirsOnly) expect(r.cause).toMatch(/^only Top10VPN prices this year/);
  });
});
