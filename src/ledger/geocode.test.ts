// Geocoding a ledger event's area: the record of two countries is a real STOP record
// (test/fixtures/stop/multi-country-unknown-end.csv, Access Now #KeepItOn STOP, 2026-05-20).
import { describe, expect, it } from 'vitest';
import { geocodeFields, textSaysPartsOf } from './geocode.js';
import { stopEvent, stopFixture, stopRecord } from './stop/testing.js';

describe('an event listing two countries', () => {
  it('is not placed, and its reason names the countries, the one the area is in, and --country', () => {
    const g = geocodeFields({ countries: ['LA', 'MM'], regions: [], geocode: null, scope: 'local' }, 'Tachileik township, Shan State');
    expect(g.population_affected).toBeNull();
    expect(g.geocode?.status).toBe('failed');
    expect(g.geocode?.reason).toMatch(/2 countries \(LA, MM\)/);
    expect(g.geocode?.reason).toMatch(/names a place in MM\)/);
    expect(g.geocode?.reason).toMatch(/--country/);
    expect(g.geocode?.reason).not.toMatch(/geocoded per country/);
  });

  it('the same area under its one country is placed', () => {
    const g = geocodeFields({ countries: ['MM'], regions: [], geocode: null, scope: 'local' }, 'Tachileik township, Shan State');
    expect(g.population_affected?.share).toBeGreaterThan(0);
  });
});

describe('a platform block whose area counts regions across the country (Russia, YouTube throttling from 13 January 2024: "At least 16 regions across Russia")', () => {
  it('is those regions, not the whole country; a block "across the country" without a count is national', () => {
    const g = geocodeFields({ countries: ['RU'], regions: [], geocode: null, scope: 'platform' }, 'At least 16 regions across Russia');
    expect(g.geocode?.status).not.toBe('national');
    expect(g.population_affected?.share).toBeCloseTo(16 / 83, 3);
    // SYNTHETIC pairing: the area of Russia's May 2025 shutdown on a block, which "across the country" alone would make national.
    const counted = geocodeFields({ countries: ['RU'], regions: [], geocode: null, scope: 'platform' }, '40 regions across the country');
    expect(counted.geocode?.status).not.toBe('national');
    expect(counted.population_affected?.share).toBeCloseTo(40 / 83, 3);
    const all = geocodeFields({ countries: ['RU'], regions: [], geocode: null, scope: 'platform' }, 'across the country');
    expect(all.geocode?.status).toBe('national');
  });
});

// Real STOP records whose own text says the area was parts of what it names, or whose area says
// so: test/fixtures/stop/parts-of.csv (Access Now #KeepItOn STOP, 2026-05-20).
describe('an area its record calls parts of the units it names', () => {
  const rows = stopFixture('parts-of.csv');
  const mapped = (country: string, start: string) => {
    const r = stopRecord(rows, country, start);
    return { r, f: stopEvent(r, `po-${start}`) };
  };

  it('Iran, 29 December 2025 ("disruptions … in areas of Bushehr, Ilam, …"): the provinces count for half, the cities whole, the area text unchanged', () => {
    const { r, f } = mapped('Iran', '2025-12-29');
    expect(textSaysPartsOf(r.event, r.area_name)).toBe(true);
    expect(f.geocode?.text).toBe(r.area_name);
    const parts = f.places.filter((p) => p.part).map((p) => p.name);
    const whole = f.places.filter((p) => !p.part);
    expect(parts.length).toBeGreaterThan(0);
    expect(f.places.filter((p) => p.part).every((p) => p.kind !== 'place')).toBe(true);
    expect(whole.every((p) => p.kind === 'place')).toBe(true);
    const read = geocodeFields({ countries: ['IR'], regions: [], geocode: null, scope: 'regional' }, r.area_name);
    expect(f.population_affected!.share).toBeLessThan(read.population_affected!.share);
  });

  it('"parts of" in the area itself is read once; a text that names no part of the area leaves it whole', () => {
    const pk = mapped('Pakistan', '2024-11-21'); // area "Islamabad and parts of Khyber-Pakhtunkhwa and Punjab"
    expect(pk.f.places.map((p) => [p.name, !!p.part])).toEqual([
      ['Islamabad', false],
      ['Khyber Pakhtunkhwa', true],
      ['Punjab', true],
    ]);
    expect(textSaysPartsOf('Mobile internet was suspended in Rawalpindi.', 'Rawalpindi')).toBe(false);
    expect(textSaysPartsOf(mapped('Pakistan', '2019-03-23').r.event, 'Islamabad & Rawalpindi')).toBe(true); // "in parts of Islamabad and Rawalpindi"
  });
});

// SYNTHETIC events: Tajikistan's ISO 3166-2 regions as a hand-written event lists them (the
// codes are real; the events are not records).
describe('an event whose area is its ISO 3166-2 regions', () => {
  const tj = (regions: string[]) => geocodeFields({ countries: ['TJ'], regions, geocode: null, scope: 'regional' });
  const share = (regions: string[]) => tj(regions).population_affected?.share ?? 0;

  it('places each code by its own population, so a wider area never costs less than a part of it', () => {
    const du = share(['TJ-DU']);
    expect(du).toBeGreaterThan(0.1);
    const duRa = tj(['TJ-DU', 'TJ-RA']);
    expect(duRa.places.map((p) => p.region)).toEqual(['TJ-DU', 'TJ-RA']);
    expect(duRa.population_affected!.share).toBeGreaterThan(du);
    expect(tj(['TJ-RA']).geocode?.status).toBe('ok');
    const all = tj(['TJ-SU', 'TJ-KT', 'TJ-DU', 'TJ-RA', 'TJ-GB']);
    expect(all.places).toHaveLength(5);
    expect(all.population_affected!.share).toBeGreaterThan(0.99);
  });

  it('a code no gazetteer unit has, by code or by name, is reported as not placed; the placed codes keep their share', () => {
    // ET-SN, ISO's code of the SNNPR (split since into Sidama, South West, Central and South Ethiopia), names no GeoNames unit
    const g = geocodeFields({ countries: ['ET'], regions: ['ET-AM', 'ET-SN'], geocode: null, scope: 'regional' });
    const amhara = geocodeFields({ countries: ['ET'], regions: ['ET-AM'], geocode: null, scope: 'regional' });
    expect(g.geocode?.status).toBe('partial');
    expect(g.geocode?.reason).toMatch(/ET-SN .*not placed/);
    expect(g.regions).toEqual(['ET-AM', 'ET-SN']);
    expect(g.population_affected!.share).toBe(amhara.population_affected!.share);
  });
});
