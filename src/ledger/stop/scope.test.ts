import { describe, expect, it } from 'vitest';
import { namesWholeCountry } from './map.js';

// Area texts, countries and geo_scope answers as they are spelled in the STOP snapshot of 2026-05-20.
const MANY_REGIONS = 'It affected locations in more than one state, province, or region';
const ONE_REGION = 'It affected more than one city in the same state, province, or region';
const ONE_CITY = 'It only affected one city, county, or village';

describe('namesWholeCountry', () => {
  it.each([
    ['Nationwide', 'Iran (Islamic Republic of)'],
    ['National except Kurdish region', 'Iraq'],
    ['Nation wide ', 'Togo'],
    ['Nationwde', 'Myanmar'],
    ['Countrywide shutdown', 'Myanmar'],
    ['Near country-wide', 'Myanmar'],
    ['Entire country', 'Chad'],
    ['Eswatini/Eswatini', 'Eswatini'],
    ['Entire South Sudan', 'South Sudan'],
    ['Tanzania', 'Tanzania, United Republic of'],
  ])('"%s" (%s) is the whole country', (area, country) => {
    expect(namesWholeCountry(area, country, MANY_REGIONS)).toBe(true);
  });
  it.each([
    ['Aerocity Hotel, Indira Gandhi International Airport, New Delhi, Delhi 110037', 'India', ONE_CITY],
    ['National Capital Territory of Dehli, and Western Uttar Pradesh / Ghazipur border site with Delhi', 'India', ONE_REGION],
    ['Somaliland', 'Somaliland', ONE_REGION],
    ['Djibouti', 'Djibouti', ONE_CITY],
    ['Kashmir', 'India', MANY_REGIONS],
    ['', 'Yemen', MANY_REGIONS],
    // A count of units across the country is those units (Russia, May 2025; Bangladesh, July 2024).
    ['40 regions across the country', 'Russian Federation', MANY_REGIONS],
    ['59 universities across the country', 'Bangladesh', MANY_REGIONS],
  ])('"%s" (%s, %s) is not', (area, country, geo) => {
    expect(namesWholeCountry(area, country, geo)).toBe(false);
  });
  it('reads "more than one city in the same region" as more than one city', () => {
    expect(namesWholeCountry('Eswatini', 'Eswatini', ONE_REGION)).toBe(true);
    expect(namesWholeCountry('Eswatini', 'Eswatini', ONE_CITY)).toBe(false);
  });
});
