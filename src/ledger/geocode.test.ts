// Geocoding a ledger event's area: the record of two countries is a real STOP record
// (test/fixtures/stop/multi-country-unknown-end.csv, Access Now #KeepItOn STOP, 2026-05-20).
import { describe, expect, it } from 'vitest';
import { geocodeFields } from './geocode.js';

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
