import { describe, expect, it } from 'vitest';
import { theirAreas } from './compare.js';

const v = (country: string, period: string, note: string | null) => ({ country, period, note });

describe('theirAreas: the part of a country a Top10VPN row is for', () => {
  it('places the area its table names (the shipped Pakistan 2019 row: Azad Kashmir, PK-JK)', () => {
    const a = theirAreas([
      v('PK', '2019', 'duration 88.0 h, ? users affected; area: Azad Kashmir'),
      v('PK', '2021', 'duration 3.0 h, 97800000.0 users affected'),
    ]);
    expect(a.get('PK|2019')).toEqual({ name: 'Azad Kashmir', regions: new Set(['PK-JK']) });
    expect(a.has('PK|2021')).toBe(false);
  });
  it('a whole-country row beside an area row of the same year keeps the whole country (SYNTHETIC pair)', () => {
    const a = theirAreas([v('IN', '2020', 'duration 10 h, 5 users affected; area: Jammu and Kashmir'), v('IN', '2020', 'duration 4 h, 1 users affected')]);
    expect(a.has('IN|2020')).toBe(false);
  });
  it('an area that cannot be placed has no regions, so the whole country is compared (SYNTHETIC name)', () => {
    const a = theirAreas([v('PK', '2019', 'duration 1 h, ? users affected; area: Nowhere Such Province')]);
    expect(a.get('PK|2019')?.regions.size).toBe(0);
  });
});
