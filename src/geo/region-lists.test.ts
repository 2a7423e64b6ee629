// A name the text calls a region ("Mykolayiv Oblast", or a list a plural "Oblasts" closes) that the
// gazetteer has only as its region's seat spelt otherwise, on real STOP area texts (Access Now
// #KeepItOn STOP, snapshot of 2026-05-20: area_name cells quoted unchanged) and the shipped
// gazetteer extract (data/geo/gazetteer.json.gz: GeoNames, CC BY 4.0).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { regionListAt } from './district-lists.js';
import { geocodeArea } from './geocode.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string, scope = 'regional') => geocodeArea(cc, text, scope, iso);
const kinds = (cc: string, text: string) => geo(cc, text).places.map((p) => [p.kind, p.region]);

describe('a transliterated oblast the text calls one is the oblast, not its seat', () => {
  it('"Odesa and Mykolayiv Oblasts" is both oblasts, as "Mykolaiv and Odesa Oblasts" is', () => {
    expect(kinds('UA', 'Odesa and Mykolayiv Oblasts')).toEqual([
      ['region', 'UA-51'],
      ['region', 'UA-48'],
    ]);
    expect(geo('UA', 'Odesa and Mykolayiv Oblasts').population_affected!.estimate).toBe(geo('UA', 'Mykolaiv and Odesa Oblasts').population_affected!.estimate);
    const m = geo('UA', 'Odesa and Mykolayiv Oblasts').places[1]!;
    expect(m).toMatchObject({ confidence: 'low', near_match: { text: 'mykolayiv', name: 'mykolaiv' } });
  });

  it('every name of a list "Oblasts" closes, and one called an oblast alone', () => {
    const eight = 'Dnipropetrovsk, Kharkiv, Kherson, Kirovohrad, Mykolayiv, Odesa, Poltava, Zhytomyr Oblasts';
    expect(geo('UA', eight).places.every((p) => p.kind === 'region')).toBe(true);
    const nine = 'Chernivtsi, Ivano-Frankivsk, Kharkiv, Khmelnytskyi, Poltava, Sumy, Ternopil, Vinnytsia, Zaporizhzhya Oblasts';
    expect(geo('UA', nine).places.map((p) => p.kind)).toEqual(Array(9).fill('region'));
    expect(kinds('UA', 'Vinnytsya Oblast')).toEqual([['region', 'UA-05']]); // SYNTHETIC: the seat's spelling, called an oblast
  });

  it('a name the gazetteer does not know in such a list is no district of the region beside it', () => {
    // "Lajh" (Lahij governorate, misspelt) is not a part of Taiz governorate, which stays named
    const r = geo('YE', 'Parts of Lajh and Taiz governorates');
    expect(r.places.map((p) => [p.kind, p.region, p.part])).toEqual([['region', 'YE-TA', 'parts of']]);
    expect(r.unmatched).toEqual(['lajh']);
    // a place both near and a part gives its fields in the event schema's order (a stored place compares equal)
    expect(Object.keys(r.places[0]!).slice(-2)).toEqual(['near_match', 'part']);
  });

  it('the city where the text does not call it a region; a count of oblasts is no list', () => {
    expect(kinds('UA', 'Mykolayiv')).toEqual([['place', 'UA-48']]); // SYNTHETIC: the city's spelling alone
    expect(regionListAt('At least 15 Oblasts').size).toBe(0);
    expect([...regionListAt('Kyiv City, Kharkiv and Sumy Oblasts')]).toEqual([1, 2]); // SYNTHETIC: "Kyiv City" names its own kind
  });
});
