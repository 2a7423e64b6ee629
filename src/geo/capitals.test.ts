// Capitals named by their role, on real STOP area texts (Access Now #KeepItOn STOP, snapshot of
// 2026-05-20: area_name cells quoted unchanged) and the shipped gazetteer extract (GeoNames).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { geocodeArea } from './geocode.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string, scope = 'local') => geocodeArea(cc, text, scope, iso);

describe('a capital named by its role is its seat', () => {
  it('"Capital, Rajasthan" (India, 2019) is Jaipur, not Rajasthan', () => {
    const r = geo('IN', 'Capital, Rajasthan');
    expect(r.places.map((p) => [p.kind, p.name])).toEqual([['place', 'Jaipur']]);
    expect(r.regions).toEqual(['IN-RJ']);
  });

  it('"Federal capital (Islamabad/Rawalpindi) and all provincial capitals" (Pakistan, 2016) counts Lahore, Karachi, Peshawar and Quetta', () => {
    const r = geo('PK', 'Federal capital (Islamabad/Rawalpindi) and all provincial capitals', 'regional');
    const names = r.places.map((p) => p.name);
    for (const city of ['Lahore', 'Karachi', 'Peshawar', 'Quetta']) expect(names).toContain(city);
    expect(r.places.find((p) => p.region === 'PK-IS')!.kind).toBe('region'); // the federal capital is not a province's seat
    expect(r.unmatched).toEqual([]);
  });

  it('"the capital" is the country\'s ("Bordj Menaiel, parts of the capital, and Tizi Ouzou", Algeria)', () => {
    expect(geo('DZ', 'Bordj Menaiel, parts of the capital, and Tizi Ouzou', 'regional').places.map((p) => p.name)).toContain('Algiers');
  });
});
