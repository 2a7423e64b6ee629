// Every unit the geocoder places carries the ISO 3166-2 code the ISO list (npm iso-3166) has for
// it, on real STOP area texts (Access Now #KeepItOn STOP, snapshot of 2026-05-20: area_name cells
// quoted unchanged) and the shipped gazetteer extract (data/geo/gazetteer.json.gz: GeoNames).
import { describe, expect, it } from 'vitest';
import { getRegion, regionsOf } from './codes.js';
import { geocodeArea } from './geocode.js';
import { countryIndex } from './gazetteer.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string, scope = 'regional') => geocodeArea(cc, text, scope, iso);

describe('ISO 3166-2 codes of the units placed', () => {
  it('"Kurdistan (Erbil, Sulaymaniyah, Duhok)" (Iraq) files every governorate under its code, Duhok under IQ-DA', () => {
    const r = geo('IQ', 'Kurdistan (Erbil, Sulaymaniyah, Duhok)');
    expect(r.regions).toEqual(expect.arrayContaining(['IQ-AR', 'IQ-SU', 'IQ-DA']));
    expect(r.places.find((p) => p.name === 'Duhok')?.region).toBe('IQ-DA');
  });

  it('"Baku, Fuzuli" (Azerbaijan) files Baku under AZ-BA', () => {
    const r = geo('AZ', 'Baku, Fuzuli');
    expect(r.regions).toEqual(expect.arrayContaining(['AZ-BA', 'AZ-FUZ']));
    expect(r.places.every((p) => p.region !== null)).toBe(true);
  });

  it('Gaza\'s cities carry their governorate\'s code (PS-*), and "Gaza Strip" lists the five governorates in its regions', () => {
    const cities = geo('PS', 'Deir El Balah, Gaza City, Khan Yunis, Rafah');
    expect(cities.places.map((p) => p.region)).toEqual(['PS-DEB', 'PS-GZA', 'PS-KYS', 'PS-RFH']);
    const jenin = geo('PS', 'Jenin, West Bank', 'local');
    expect(jenin.places.map((p) => p.region)).toEqual(['PS-JEN']);
    // the West Bank named as context files the event under Jenin alone, not under the eleven governorates
    expect(jenin.regions).toEqual(['PS-JEN']);
    expect(geo('PS', 'Beit Hanoun, Beit Lahia, Jabalia').regions).toEqual(['PS-NGZ']);
    expect([...geo('PS', 'Gaza Strip').regions].sort()).toEqual(['PS-DEB', 'PS-GZA', 'PS-KYS', 'PS-NGZ', 'PS-RFH']);
  });

  it('a code is never given twice in a country, and only codes of the ISO list are given', () => {
    for (const cc of ['AZ', 'IQ', 'PS', 'VN', 'DE', 'IL', 'LK', 'OM', 'QA', 'LB', 'LA', 'MY', 'BH']) {
      const idx = countryIndex(cc, iso);
      const codes = [...idx.admin1.values()].map((a) => a.iso).filter((x): x is string => !!x);
      expect(new Set(codes).size, cc).toBe(codes.length);
      const known = new Set(regionsOf(cc).map((r) => r.code));
      expect(
        codes.filter((c) => !known.has(c)),
        cc,
      ).toEqual([]);
    }
  });

  it("admin-1 units the ISO list codes, checked by hand, carry their code (SYNTHETIC list of names; the units are GeoNames')", () => {
    const expected: [string, string, string][] = [
      ['AZ', 'Baki', 'AZ-BA'],
      ['AZ', 'Nakhchivan', 'AZ-NX'],
      ['AZ', 'Shusha', 'AZ-SUS'],
      ['IQ', 'Duhok', 'IQ-DA'],
      ['VN', 'Hanoi', 'VN-HN'],
      ['VN', 'Da Nang City', 'VN-DN'],
      ['DE', 'Bavaria', 'DE-BY'],
      ['IL', 'Jerusalem', 'IL-JM'],
      ['LK', 'Western Province', 'LK-1'],
      ['OM', 'Muscat', 'OM-MA'],
      ['TH', 'Bangkok', 'TH-10'],
      ['CU', 'Havana', 'CU-03'],
      ['LB', 'Bekaa', 'LB-BI'],
    ];
    for (const [cc, name, code] of expected) {
      const a = [...countryIndex(cc, iso).admin1.values()].find((x) => x.name === name);
      expect(a?.iso, `${cc} ${name}`).toBe(code);
    }
  });
});
