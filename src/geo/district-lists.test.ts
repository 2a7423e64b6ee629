// Lists a plural "districts" closes, on real STOP area texts (Access Now #KeepItOn STOP, snapshot
// of 2026-05-20: area_name cells quoted unchanged) and the shipped gazetteer extract (GeoNames).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { geocodeArea } from './geocode.js';
import { districtListAt } from './district-lists.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string, scope = 'regional') => geocodeArea(cc, text, scope, iso);

describe('a trailing plural "districts" makes every name of its list a district', () => {
  it('marks the names before "districts", not the region after it', () => {
    const at = districtListAt('Kapurthala, Jalandhar, Hoshiarpur and Sahid Bhagat Singh Nagar districts of Punjab');
    expect([0, 1, 2, 3, 6].map((i) => at.has(i))).toEqual([true, true, true, true, true]);
    expect(at.has(7)).toBe(false); // punjab
  });

  it('"Khuzdar, Mastung, Nushki, Quetta, and Sibi districts, Balochistan" is five districts, as "Kech district, Balochistan" is one', () => {
    const five = geo('PK', 'Khuzdar, Mastung, Nushki, Quetta, and Sibi districts, Balochistan');
    const kech = geo('PK', 'Kech district, Balochistan', 'local');
    expect(five.places.map((p) => p.kind)).toEqual(Array(5).fill('district'));
    expect(five.population_affected!.estimate).toBeCloseTo(5 * kech.population_affected!.estimate, -2);
  });

  it('the 17 districts of Punjab (Pakistan, 2024-07-13) are districts, not towns', () => {
    const r = geo(
      'PK',
      'Bahawalpur, Bahawalnagar, Bhakkar, DG Khan, Faisal\u00adabad, Gujranwala, Gujrat, Hafizabad, Jhang, Mandi Bahauddin, Mianwali, Narowal, Rahim Yar Khan, Rajanpur, Rawal\u00adpindi, Toba Tek Singh, and Wazirabad districts, Punjab',
    );
    expect(r.places.every((p) => p.kind === 'district')).toBe(true);
    expect(r.population_affected!.share).toBeGreaterThan(0.15);
  });
});
