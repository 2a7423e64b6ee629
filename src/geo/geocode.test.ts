// The geocoder on real STOP area texts (copied from data/events, Access Now #KeepItOn STOP) and
// the shipped gazetteer extract (data/geo/gazetteer.json.gz: GeoNames, CC BY 4.0).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { geocodeArea } from './geocode.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string, scope = 'local') => geocodeArea(cc, text, scope, iso);

describe('geocodeArea', () => {
  it('a district named with its state: the district, its mean population, the state as its ISO region', () => {
    const r = geo('IN', 'Jhunjhunu, Rajasthan');
    expect(r.regions).toEqual(['IN-RJ']);
    expect(r.places.map((p) => [p.kind, p.region])).toEqual([['district', 'IN-RJ']]);
    expect(r.places[0]!.population_method).toMatch(/mean district/);
    expect(r.population_affected!.share).toBeGreaterThan(0.0005);
    expect(r.population_affected!.share).toBeLessThan(0.005);
  });

  it('several districts add up; a state alone is the whole state', () => {
    const wb = geo('IN', 'Malda, Murshidabad, Uttar Dinajpur, Coochbehar, Jalpaiguri, Birbhum, and Darjeeling Districts, West Bengal', 'regional');
    expect(wb.places.filter((p) => p.kind === 'district').length).toBeGreaterThanOrEqual(6);
    const tigray = geo('ET', 'Tigray', 'regional');
    expect(tigray.regions).toEqual(['ET-TI']);
    expect(tigray.places[0]!.kind).toBe('region');
  });

  it('a town outside the district-first rule is the place, with its GeoNames population', () => {
    const r = geo('YE', "Ma'rib City");
    expect(r.places[0]).toMatchObject({ kind: 'place', geonames_id: expect.any(Number) as number });
    expect(r.population_affected!.estimate).toBe(r.places[0]!.population);
  });

  it('an unknown district inside a named state counts as one mean district of it, not the whole state (low confidence)', () => {
    const r = geo('IN', 'Xyzabad District, Uttar Pradesh'); // synthetic district name
    expect(r.places[0]).toMatchObject({ kind: 'district', confidence: 'low', region: 'IN-UP' });
    expect(r.population_affected!.share).toBeLessThan(0.01);
  });

  it('what cannot be geocoded says why; national scope is the whole country', () => {
    expect(geo('IN', 'A bunch of cell towers')).toMatchObject({
      population_affected: null,
      reason: expect.stringMatching(/no region, district or place of IN matches/) as string,
    });
    expect(geo('IN', '', 'national').population_affected).toMatchObject({ share: 1, method: expect.stringMatching(/national/) as string });
  });
});
