// A region known by one name for several units (an alias group: Iraq's Kurdistan Region, Nigeria's
// geopolitical zones), named after a unit inside it, on real STOP area texts (Access Now #KeepItOn
// STOP, snapshot of 2026-05-20) and the shipped gazetteer (data/geo/gazetteer.json.gz: GeoNames).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { geocodeArea } from './geocode.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string, scope = 'regional') => geocodeArea(cc, text, scope, iso);

describe('a region made of several units, named after a unit inside it, says where the unit is', () => {
  it('"Sulaymaniyah, Kurdistan" is Sulaymaniyah, not the four governorates of the Kurdistan Region', () => {
    const r = geo('IQ', 'Sulaymaniyah, Kurdistan');
    expect(r.places.map((p) => [p.kind, p.region])).toEqual([['region', 'IQ-SU']]);
    expect(r.regions).toEqual(['IQ-SU']);
    expect(r.population_affected!.estimate).toBe(geo('IQ', 'Sulaymaniyah').population_affected!.estimate);
    expect(r.unmatched).toEqual([]);
  });

  it('the group alone, or joined to a unit by "and", is the area', () => {
    expect(geo('IQ', 'Kurdistan').places).toHaveLength(4);
    expect(geo('IQ', 'Sulaymaniyah and Kurdistan').places).toHaveLength(4); // SYNTHETIC: a list, not a locator
    // SYNTHETIC: Enugu is one of the five states of Nigeria's South-East zone
    expect(geo('NG', 'Enugu, South-East').places.map((p) => p.region)).toEqual(['NG-EN']);
  });
});
