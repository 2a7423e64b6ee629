// Parts of a named unit, on real STOP area texts (Access Now #KeepItOn STOP, snapshot of
// 2026-05-20: area_name cells quoted unchanged) and the shipped gazetteer extract
// (data/geo/gazetteer.json.gz: GeoNames, CC BY 4.0).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { geocodeArea } from './geocode.js';
import { normName, words } from './gazetteer.js';
import { PART_SHARE, partRanges } from './parts.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string) => geocodeArea(cc, text, 'regional', iso);
const places = (cc: string, text: string) => geo(cc, text).places.map((p) => [p.name, p.population, p.part ?? null] as const);

describe('partRanges', () => {
  const named = (text: string) => {
    const tokens = words(text).filter((t) => normName(t).length);
    return partRanges(text).map((r) => tokens.slice(r.from, Math.min(r.to, tokens.length)).join(' '));
  };

  it('reaches to the end of its list item, or through a list a plural unit noun closes', () => {
    expect(named('Islamabad and parts of Khyber-Pakhtunkhwa and Punjab')).toEqual(['khyber pakhtunkhwa punjab']);
    expect(named('Parts of Birbhum, Malda, and Murshidabad Districts, West Bengal')).toEqual(['birbhum malda murshidabad']);
    expect(named('Parts of Balochistan and Ali Pur Chatha, Bhakkar, Chakwal, Dera Ghazi Khan')).toEqual(['balochistan ali pur chatha']);
    // "the capital" holds no name word; Tizi Ouzou, after the comma, stays whole
    expect(named('Bordj Menaiel, parts of the capital, and Tizi Ouzou')).toEqual(['']);
    expect(named('Tarn Taran, Ferozepur, Moga and Sangrur Districts, parts of Sahibzada Ajit Singh Nagar and Amritsar Districts, Punjab')).toEqual([
      'sahibzada ajit singh nagar amritsar',
    ]);
  });

  it('reads units not counted as a part: "Several cities in Uttar Pradesh", "Various districts in Bihar"', () => {
    expect(partRanges('Several cities in Uttar Pradesh')).toEqual([{ from: 0, to: 2, phrase: 'several cities in' }]);
    expect(named('Various districts in Bihar')).toEqual(['bihar']);
    expect(named('Kulgam, Srinagar, and multiple areas in Jammu and Kashmir')).toEqual(['jammu kashmir']);
    // no "in" or "of" after the units: nothing is said to be a part
    expect(partRanges('Imphal and several other places, Manipur')).toEqual([]);
    const up = geo('IN', 'Several cities in Uttar Pradesh').population_affected!.share;
    expect(up).toBeCloseTo(geo('IN', 'Uttar Pradesh').population_affected!.share * PART_SHARE, 6);
  });

  it('is no range where the text names no part ("part of no state", "adjoining areas," with no "of")', () => {
    expect(partRanges('Chandigarh city (at the intersection of the Punjab and Haryana but part of no state), and the Sriganganagar district')).toEqual([]);
    expect(partRanges('Srinagar, Budgam, Awantipora and adjoining areas, southern Pulwama district')).toEqual([]);
  });
});

describe('a part of a named unit', () => {
  it('is half of each region or district named after the phrase; names before it stay whole', () => {
    const whole = new Map(geo('PK', 'Islamabad, Khyber-Pakhtunkhwa and Punjab').places.map((p) => [p.name, p.population]));
    const parts = places('PK', 'Islamabad and parts of Khyber-Pakhtunkhwa and Punjab');
    expect(parts.map(([n]) => n)).toEqual([...whole.keys()]);
    for (const [name, population, part] of parts) {
      const w = whole.get(name)!;
      if (name === 'Islamabad') expect([population, part]).toEqual([w, null]);
      else {
        // half the unrounded population, rounded: within 1 of half the rounded whole
        expect(part).toBe('parts of');
        expect(Math.abs(population - w * PART_SHARE)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('halves districts listed after it, and says so with low confidence', () => {
    const g = geo('IN', 'Parts of Birbhum, Malda, and Murshidabad Districts, West Bengal');
    expect(g.places.map((p) => [p.name, p.kind, p.part])).toEqual([
      ['Birbhum', 'district', 'parts of'],
      ['Malda District', 'district', 'parts of'],
      ['Murshidabad', 'district', 'parts of'],
    ]);
    expect(g.places.every((p) => p.confidence === 'low' && /"parts of" [^:]+: 50 % of its population/.test(p.population_method))).toBe(true);
    const half = geo('IN', 'Several parts of Rajasthan').population_affected!.share;
    expect(half).toBeCloseTo(geo('IN', 'Rajasthan').population_affected!.share * PART_SHARE, 6);
  });

  it('keeps a city whole: a part of a town is not told apart', () => {
    const [jaipur] = places('IN', 'Ramganj and other parts of Jaipur city in Rajasthan state');
    expect(jaipur).toEqual(['Jaipur', geo('IN', 'Jaipur city in Rajasthan state').places[0]!.population, null]);
  });
});
