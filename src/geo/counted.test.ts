// Areas stated as a count of units, on real STOP area texts (Access Now #KeepItOn STOP, snapshot
// of 2026-05-20: area_name cells quoted unchanged) and the shipped gazetteer extract
// (data/geo/gazetteer.json.gz: GeoNames, CC BY 4.0).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { countedUnits, uncountedUnits } from './counted.js';
import { geocodeArea, regionPopulations } from './geocode.js';
import { countryIndex } from './gazetteer.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string) => geocodeArea(cc, text, 'regional', iso);
const share = (cc: string, text: string) => geo(cc, text).population_affected!.share;
const regionShare = (code: string) => regionPopulations(code.slice(0, 2), [code]).found[0]!.share;
const districtsOf = (cc: string, name: string) => [...countryIndex(cc, iso).admin1.values()].find((a) => a.name === name)!.districts;

describe('countedUnits', () => {
  it('reads a count of regions or districts, its qualifier and "other"', () => {
    expect(countedUnits('40 regions across the country')).toMatchObject({ n: 40, level: 'admin1', other: false, qualifier: null });
    expect(countedUnits('At least 15 Oblasts')).toMatchObject({ n: 15, level: 'admin1', qualifier: 'at least' });
    expect(countedUnits('Karachi and 21 other districts, Sindh')).toMatchObject({ n: 21, level: 'admin2', other: true });
    expect(countedUnits('10 districts, Meghalaya')).toMatchObject({ n: 10, level: 'admin2' });
  });

  it('is not a count where the text names no number of units', () => {
    expect(countedUnits('Multiple Oblasts')).toBeNull();
    expect(countedUnits('Various districts in Bihar')).toBeNull();
    expect(countedUnits('59 universities across the country')).toBeNull();
    expect(countedUnits('3 areas of Cuttack city, Cuttack District, Odisha')).toBeNull();
  });
});

describe('a counted area is that many units of its whole, not all of it', () => {
  it('"40 regions across the country" (Russia, May 2025) is 40 of its 83 regions: 40/83 of its people', () => {
    const r = geo('RU', '40 regions across the country');
    expect(r.reason).toBeNull();
    expect(r.population_affected!.share).toBeCloseTo(40 / 83, 3);
    expect(r.places[0]!.population_method).toMatch(/^40 of the country's 83 first-level regions, which ones not recorded/);
    expect(r.population_affected!.confidence).toBe('low');
  });

  it('"At least 15 Oblasts" (Ukraine, August 2024) is 15 of its 27 units, and says the figure is a lower bound as stated', () => {
    const r = geo('UA', 'At least 15 Oblasts');
    expect(r.population_affected!.share).toBeCloseTo(15 / 27, 3);
    expect(r.places[0]!.population_method).toMatch(/"at least 15": the figure as stated/);
  });

  it('"10 districts of Assam" is 10 of Assam\'s districts, not the whole state', () => {
    const n = districtsOf('IN', 'Assam');
    expect(share('IN', '10 districts of Assam')).toBeCloseTo((regionShare('IN-AS') * 10) / n, 4);
    expect(share('IN', '28 Districts, Assam')).toBeCloseTo((regionShare('IN-AS') * 28) / n, 4);
    expect(geo('IN', '10 districts of Assam').regions).toEqual(['IN-AS']);
    // Pakistan, 26 August 2024: Punjab alone is half the country.
    expect(share('PK', '10 districts of Punjab')).toBeCloseTo((regionShare('PK-PB') * 10) / districtsOf('PK', 'Punjab'), 4);
  });

  it('"Karachi and 21 other districts, Sindh" is Karachi and 21 more districts of Sindh', () => {
    const r = geo('PK', 'Karachi and 21 other districts, Sindh');
    expect(r.places.map((p) => p.name)).toEqual(['Karachi', '21 districts of Sindh not named']);
    const sindh = regionShare('PK-SD');
    expect(r.population_affected!.share).toBeGreaterThan(sindh / 2);
    expect(r.population_affected!.share).toBeLessThanOrEqual(sindh + 1e-9);
  });

  it('named districts count among the districts counted: only the rest are added', () => {
    const r = geo('IN', '15 districts of Arunachal Pradesh (Lower Subansiri, Upper Subansiri)');
    expect(r.places.map((p) => p.name)).toEqual(['Lower Subansiri', 'Upper Subansiri', '13 districts of Arunachal Pradesh not named']);
  });

  it('the regions a count of districts lies in are all of them (Yemen, July 2020: 15 districts of four governorates)', () => {
    const r = geo('YE', "Amran Governorate, Saada, Sana'a and  Al-Jawf (15 districts)");
    expect(r.regions).toEqual(expect.arrayContaining(['YE-AM', 'YE-SN', 'YE-JA']));
    expect(r.places.at(-1)!.name).toMatch(/^15 districts of .* not named$/);
  });
});

describe('units added without a count are a part of the rest: "Ndjamena and some provinces"', () => {
  it('reads the added units at the end of the area, not a part of a named unit nor a phrase with more after it', () => {
    expect(uncountedUnits('Ndjamena and some provinces')).toEqual({ phrase: 'some provinces', level: 'admin1' });
    expect(uncountedUnits('Baghdad and several other cities')).toEqual({ phrase: 'several other cities', level: 'below' });
    expect(uncountedUnits('Dhaka and other cities')).toEqual({ phrase: 'other cities', level: 'below' });
    expect(uncountedUnits('Several cities in Uttar Pradesh')).toBeNull();
    expect(uncountedUnits('Kulgam, Srinagar, and multiple areas in Jammu and Kashmir')).toBeNull();
    expect(uncountedUnits('Ramganj and other parts of Jaipur city in Rajasthan state')).toBeNull();
    expect(uncountedUnits('Natthankwin, Penwegon, Mone townships and multiple areas to the east of the Sittaung river, Bago Region')).toBeNull();
    // SYNTHETIC phrasings of the same family
    expect(uncountedUnits('Kinshasa and other major cities')).toEqual({ phrase: 'other major cities', level: 'below' });
    expect(uncountedUnits('Baghdad and other southern provinces.')).toEqual({ phrase: 'other southern provinces', level: 'admin1' });
    expect(uncountedUnits('Tehran and other parts of the country')).toEqual({ phrase: 'other parts of the country', level: 'admin1' });
    // a word of who lives there, and where the rest lies, are read (real STOP texts: Pakistan 2024, Ukraine 2023)
    expect(uncountedUnits('Gwadar and other major Baloch cities and towns, Balochistan')).toEqual({
      phrase: 'other major Baloch cities and towns, Balochistan',
      level: 'below',
    });
    expect(uncountedUnits('Crimea and other occupied territories of Ukraine')).toEqual({ phrase: 'other occupied territories of Ukraine', level: 'admin1' });
  });

  it("Chad, 27 February 2021: N'Djamena and half of the rest of Chad's people, not N'Djamena alone", () => {
    const r = geo('TD', 'Ndjamena and some provinces');
    const nd = regionShare('TD-ND');
    expect(r.places.map((p) => [p.name, p.kind, p.confidence])).toEqual([
      ['N’Djaména', 'region', 'high'],
      ['some provinces (not named)', 'region', 'low'],
    ]);
    expect(r.population_affected!.share).toBeCloseTo(nd + (1 - nd) / 2, 3);
    expect(r.population_affected!.confidence).toBe('low');
    expect(r.places[1]!.population_method).toMatch(/^"some provinces": 50 % of the people of the country outside the units named/);
  });

  it('cities added to a region are a part of the rest of the country (Iraq, 11 May 2021)', () => {
    const bg = regionShare('IQ-BG');
    expect(share('IQ', 'Baghdad and several other cities')).toBeCloseTo(bg + (1 - bg) / 2, 3);
  });
  it('cities added to units below one region are a part of the rest of that region (SYNTHETIC text)', () => {
    const r = geo('IN', 'Jodhpur and other cities');
    expect(r.places.map((p) => [p.kind, p.region])).toEqual([
      ['district', 'IN-RJ'],
      ['place', 'IN-RJ'],
    ]);
    expect(r.places[1]!.population_method).toMatch(/of the people of Rajasthan outside the units named/);
    expect(r.population_affected!.share).toBeLessThan(regionShare('IN-RJ'));
  });
});

describe('"Crimea and other occupied territories of Ukraine" (Ukraine, 2023): Crimea whole and a part of the rest', () => {
  it('is Crimea, not a tenth of it, and the other territories as a part of unstated size of the rest of the country', () => {
    const r = geo('UA', 'Crimea and other occupied territories of Ukraine');
    expect(uncountedUnits('Crimea and other occupied territories of Ukraine')).toMatchObject({ level: 'admin1' });
    expect(r.places[0]).toMatchObject({ kind: 'region', region: 'UA-43' });
    expect(r.places[0]!.population).toBe(Math.round(regionPopulations('UA', ['UA-43']).found[0]!.population));
    expect(r.places).toHaveLength(2);
    expect(r.population_affected!.share).toBeGreaterThan(regionShare('UA-43'));
  });
});
