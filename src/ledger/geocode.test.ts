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
