import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ourCountryYear, publishedArea, uniqueIds, type CompareRowLike } from './world-cost.js';

// Real rows: `cost compare top10vpn --country PK --json` on the seeded database (test/fixtures/costs/SOURCES.md).
const pk = JSON.parse(readFileSync(new URL('../../test/fixtures/costs/compare-pk-2016-2019.json', import.meta.url), 'utf8')) as {
  method: string;
  rows: (CompareRowLike & { year: number; their_area: string | null })[];
};
const year = (y: number) => pk.rows.find((r) => r.year === y)!;

describe('ourCountryYear', () => {
  it('keeps the events priced outside a Top10VPN area in the country-year figure (PK 2019, Azad Kashmir)', () => {
    const r = year(2019);
    expect(r.their_area).toBe('Azad Kashmir');
    const outside = r.events_outside_area.reduce((a, e) => a + (e.usd ?? 0), 0);
    expect(outside).toBeGreaterThan(300e6);
    const got = ourCountryYear(r, pk.method)!;
    expect(got.usd).toBeCloseTo(r.ours[pk.method]! + outside, 0);
    expect(got.ids).toEqual([...r.events.map((e) => e.id), ...r.events_outside_area.filter((e) => e.usd).map((e) => e.id)]);
  });
  it('is the row total where Top10VPN covers the whole country (PK 2018)', () => {
    const r = year(2018);
    expect(r.events_outside_area).toEqual([]);
    expect(ourCountryYear(r, pk.method)!.usd).toBe(r.ours[pk.method]);
  });
  it('is null when nothing is priced under the method', () => {
    expect(ourCountryYear(year(2018), 'no-such-method')).toBeNull();
  });
});

describe('uniqueIds', () => {
  it('lists an event priced in several years once', () => {
    const ids = pk.rows.flatMap((r) => r.events.map((e) => e.id));
    const once = uniqueIds(ids);
    expect(once.length).toBe(new Set(ids).size);
    expect(once.length).toBeLessThan(ids.length); // the FATA shutdown is priced in every year
  });
});

describe('publishedArea', () => {
  it('reads the area a published value is for from its note, and null for the whole country', () => {
    expect(publishedArea('duration 88.0 h, ? users affected; area: Azad Kashmir')).toBe('Azad Kashmir');
    expect(publishedArea('duration 4196.0 h, 8400000.0 users affected')).toBeNull();
    expect(publishedArea(null)).toBeNull();
  });
});
