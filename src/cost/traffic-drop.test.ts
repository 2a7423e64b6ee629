// How deep a disruption was, read from the texts of the real STOP records that state a traffic
// drop (test/fixtures/stop/traffic-drop.csv; Access Now #KeepItOn STOP, 2026-05-20 snapshot).
// The events priced in the last block and its one-line texts are SYNTHETIC, labelled.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { eventScenario } from './event-scenario.js';
import { syntheticEvent } from './testing.js';
import { trafficDrop } from './traffic-drop.js';

const rows = parse<Record<string, string>>(readFileSync(new URL('../../test/fixtures/stop/traffic-drop.csv', import.meta.url)), { columns: true });
const text = (country: string, start: string) => rows.find((r) => r.country === country && r.start_date === start)!.event!;

describe('the traffic drop a record states (real STOP texts)', () => {
  it.each([
    ['2023-01-26', 'Traffic dropped to ~50% lower', 0.25, 0.5, 0.5],
    ['2023-02-10', 'Traffic dropped by ~30-50%', 0.3, 0.4, 0.5],
    ['2023-03-09', 'Traffic dropped by ~50%', 0.25, 0.5, 0.5],
    ['2023-09-21', 'Traffic dropped by ~30%', 0.15, 0.3, 0.3],
    ['2024-03-22', 'Traffic was down 68%', 0.34, 0.68, 0.68],
    ['2024-05-21', 'traffic dropped 82%', 0.41, 0.82, 0.82],
    ['2024-11-17', 'traffic dropped between ~21-50%', 0.21, 0.355, 0.5],
    ['2024-05-05', 'probing signal on IODA dropped ~50%', 0.25, 0.5, 0.5],
    ['2023-01-14', 'probing signal through IODA dropped ~50% lower', 0.25, 0.5, 0.5],
  ])('Ukraine %s: "%s" is %f–%f, most likely %f', (start, quote, low, share, high) => {
    const d = trafficDrop(text('Ukraine', start))!;
    expect(d.quote).toBe(quote);
    expect(d.national).toBe(false);
    expect(d.low).toBeCloseTo(low, 12);
    expect(d.share).toBeCloseTo(share, 12);
    expect(d.high).toBeCloseTo(high, 12);
  });

  it.each([
    ['Afghanistan', '2024-07-16', 'national traffic dropped 20%', 0.2],
    ['Ukraine', '2024-08-26', 'probing signal from IODA dropped ~10% nationally', 0.1],
  ])('%s %s: "%s" is the country\'s traffic, the share of its use a local cut took, not the cut\'s depth', (country, start, quote, drop) => {
    expect(trafficDrop(text(country, start))).toMatchObject({ quote, share: drop, high: drop, low: drop / 2, national: true });
  });

  it('Ukraine 2024-11-28: "Traffic drops exceeded 60%" states a floor, not a drop, and is not read', () => {
    expect(trafficDrop(text('Ukraine', '2024-11-28'))).toBeNull();
  });

  it.each([
    ['2022-11-15', 'dropped country-wide internet traffic immediately by 23%', 0.23],
    ['2022-11-23', 'dropped country-wide internet traffic by as much as 49%', 0.49],
    ['2022-12-16', 'dropped country-wide traffic by 13%', 0.13],
  ])('Ukraine %s, nationwide: "%s" is the depth of a cut of the whole country, and only of one', (start, quote, drop) => {
    const d = trafficDrop(text('Ukraine', start), true)!;
    expect(d).toMatchObject({ quote, share: drop, high: drop, national: false });
    expect(d.low).toBeCloseTo(drop / 2, 12);
    expect(trafficDrop(text('Ukraine', start))).toMatchObject({ national: true });
  });

  it('SYNTHETIC: "dropped to N%" without "lower" leaves N % of the traffic; a drop of 100 % or none is no depth', () => {
    expect(trafficDrop('Traffic dropped to 40% of normal levels.')).toMatchObject({ share: 0.6, low: 0.3, high: 0.6 });
    expect(trafficDrop('Traffic dropped 100% in the city.')).toBeNull();
    expect(trafficDrop('The internet was shut down in the city.')).toBeNull();
  });
});

describe('a disruption priced by its depth (SYNTHETIC events with real texts)', () => {
  const area = { estimate: 1_000_000, share: 0.2, method: 'test', confidence: 'high', national_population: 5_000_000, year: 2023, sources: [], note: null };
  const cut = (summary: string) =>
    syntheticEvent({
      category: 'shutdown',
      subtype: 'full',
      countries: ['UA'],
      scope: 'regional',
      start: '2023-02-10',
      end: '2023-02-11',
      summary,
      population_affected: area as never,
    });

  it("scales the area's share by the drop, with its range, and says so", () => {
    const { input, mapping } = eventScenario(cut(text('Ukraine', '2023-02-10')));
    expect(input.affected_share).toBeCloseTo(0.2 * 0.4, 12);
    expect(input.affected_low).toBeCloseTo(0.2 * 0.3, 12);
    expect(input.affected_high).toBeCloseTo(0.2 * 0.5, 12);
    expect(input.affected_confidence).toBe('low');
    expect(mapping.join(' ')).toMatch(
      /its text says how far traffic fell \("Traffic dropped by ~30-50%"\): priced as that share of the area cut off, 30 %–50 %, most likely 40 %/,
    );
  });

  it("a nationwide record not ordered by a government that names networks and states the country's drop (Ukraine, 2022-12-16) is priced by that drop, not as those networks' outage", () => {
    const strike = syntheticEvent({
      category: 'shutdown',
      subtype: 'full',
      countries: ['UA'],
      scope: 'national',
      start: '2022-12-16',
      end: '2022-12-16',
      summary: text('Ukraine', '2022-12-16'),
      actors: [
        { role: 'ordered_by', name: 'Non-government' },
        { role: 'implemented_by', name: 'Ukraine: Kyivstar' },
      ],
    });
    const { input, missing } = eventScenario(strike);
    expect(missing).toEqual([]);
    expect(input).toMatchObject({ type: 'full', affected_share: 0.13 });
    // The same record without the country's figure is an outage of the networks it names.
    const named = eventScenario({ ...strike, summary: 'Air strikes knocked out power and internet connectivity.' });
    expect(named.input.type).toBe('isp');
    expect(named.missing.map((m) => m.field)).toEqual(['isp_share']);
  });

  it("the country's drop in the record of a smaller area bounds the area's share at the mode and each end (Ukraine 2024-08-26, real text)", () => {
    const { input, mapping } = eventScenario(cut(text('Ukraine', '2024-08-26')));
    expect(input.affected_share).toBeCloseTo(0.1, 12);
    expect(input.affected_low).toBeCloseTo(0.05, 12);
    expect(input.affected_high).toBeCloseTo(0.1, 12);
    expect(input.affected_confidence).toBe('low');
    expect(mapping.join(' ')).toMatch(
      /the country's traffic fell \("probing signal from IODA dropped ~10% nationally"\).*priced as 5 %–10 %, most likely 10 % of the country/,
    );
  });

  it("a country's drop no smaller than the area's share leaves the area as it was, and says so (Kabul 2024, real text)", () => {
    const { input, mapping } = eventScenario(cut(text('Afghanistan', '2024-07-16')));
    expect(input.affected_share).toBe(0.2);
    expect(mapping.join(' ')).toMatch(/no less than the area's share of the country \(20 %\): the area priced as cut off/);
  });

  it('a text with no drop, or a block, is left alone', () => {
    expect(eventScenario(cut('The internet was shut down in Kharkiv.')).input.affected_share).toBe(0.2);
    const block = {
      ...cut(text('Ukraine', '2023-02-10')),
      category: 'block' as const,
      subtype: 'platform',
      targets: [{ kind: 'platform' as const, name: 'Facebook' }],
    };
    expect(eventScenario(block).mapping.join(' ')).not.toMatch(/traffic fell/);
  });
});
