// Areas stated as a whole less a named exception, on real STOP area texts (Access Now #KeepItOn
// STOP, snapshot of 2026-05-20: area_name cells quoted unchanged) and the shipped gazetteer
// extract (data/geo/gazetteer.json.gz: GeoNames, CC BY 4.0).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { exceptionOf } from './except.js';
import { geocodeArea, regionPopulations } from './geocode.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string, scope = 'regional') => geocodeArea(cc, text, scope, iso);
const regionPop = (code: string) => regionPopulations(code.slice(0, 2), [code]).found[0]!.population;

describe('exceptionOf', () => {
  it('splits the whole from what it excepts, whatever the word', () => {
    expect(exceptionOf('All regions except Addis Abeba')).toMatchObject({ whole: 'All regions', except: 'Addis Abeba' });
    expect(exceptionOf('All districts of Jammu and Kashmir, but for Ganderbal and Udhampur')).toMatchObject({
      whole: 'All districts of Jammu and Kashmir',
      except: 'Ganderbal and Udhampur',
    });
    expect(exceptionOf('Nationwide (except Kurdistan)')).toMatchObject({ whole: 'Nationwide', except: 'Kurdistan' });
    expect(exceptionOf('Kashmir valley outside of Pulwama, Anantnag, Kulgam and Shopian districts in Jammu and Kashmir State')).toMatchObject({
      whole: 'Kashmir valley',
    });
    expect(exceptionOf('Pulwama and Budgam, Jammu and Kashmir')).toBeNull();
    // in a list the word locates, it does not except (India, 2016-07-09)
    expect(
      exceptionOf(
        'Anantnag city in Anantnag district in Kashmir Valley, Shopian city in Shopian district in Kashmir Valley, Pulwama city (aka Pulgam) in Pulwama district in Kashmir Valley, and Sopore city in Baramulla district in Kashmir Valley, areas of Pulwama district in Jammu region (outside of Kashmir Valley, all in Jammu & Kashmir state',
      ),
    ).toBeNull();
  });
});

describe('an area less a named exception is the whole minus the exception, never the exception alone', () => {
  it('"All regions except Addis Abeba" (Ethiopia, 2018) is the country less Addis Ababa', () => {
    const r = geo('ET', 'All regions except Addis Abeba');
    const aa = regionPop('ET-AA');
    expect(r.population_affected!.estimate).toBeCloseTo(r.population_affected!.national_population - aa, -1);
    expect(r.population_affected!.share).toBeGreaterThan(0.9);
    expect(r.regions).not.toContain('ET-AA');
    expect(r.regions).toContain('ET-OR');
    expect(r.places.map((p) => p.name).join(' ')).toMatch(/except Addis Ababa/);
    expect(r.unmatched).toEqual([]);
  });

  it('"All districts of Jammu and Kashmir, but for Ganderbal and Udhampur" (India, 2020) is Jammu and Kashmir less two mean districts', () => {
    for (const text of [
      'All districts of Jammu and Kashmir, but for Ganderbal and Udhampur',
      'All districts from Jammu and Kashmir, but for Ganderbal and Udhampur G',
    ]) {
      const r = geo('IN', text);
      const jk = regionPop('IN-JK');
      expect(r.population_affected!.estimate, text).toBeCloseTo((jk * 18) / 20, -1);
      expect(r.regions).toEqual(['IN-JK']);
      expect(r.unmatched).not.toContain('but');
      expect(r.places.every((p) => p.population === r.population_affected!.estimate)).toBe(true);
    }
  });

  it('"Kashmir valley outside of Pulwama, Anantnag, Kulgam and Shopian districts …" is the valley less the four districts it names', () => {
    const r = geo('IN', 'Kashmir valley outside of Pulwama, Anantnag, Kulgam and Shopian districts in Jammu and Kashmir State');
    const four = geo('IN', 'Pulwama, Anantnag, Kulgam and Shopian districts in Jammu and Kashmir State');
    // the valley is 10 of Jammu and Kashmir's 20 districts, so the rest is six of them
    const valley = geo('IN', 'Kashmir Valley').population_affected!.estimate;
    expect(valley).toBeCloseTo(regionPop('IN-JK') / 2, -1);
    expect(r.population_affected!.estimate).toBeCloseTo(valley - four.population_affected!.estimate, -1);
  });

  it('"Nationwide (except Kurdistan)" (Iraq, 2016 and 2023) is Iraq less the Kurdistan Region, even in a national record', () => {
    const r = geo('IQ', 'Nationwide (except Kurdistan)', 'national');
    const krd = geo('IQ', 'Kurdistan').population_affected!.estimate;
    expect(r.population_affected!.share).toBeLessThan(1);
    expect(r.population_affected!.estimate).toBeCloseTo(r.population_affected!.national_population - krd, -1);
    // "National except Kurdish areas" (Iraq, 2019): the same region
    expect(geo('IQ', 'National except Kurdish areas', 'national').population_affected!.estimate).toBe(r.population_affected!.estimate);
  });

  it('where the exception cannot be placed, the area is not placed, and the reason says so', () => {
    // "National except Kurdish region" (Iran, 2019): Iran's Kurdish-populated provinces are no fixed set
    const r = geo('IR', 'National except Kurdish region', 'national');
    expect(r.population_affected).toBeNull();
    expect(r.reason).toMatch(/except/);
    expect(r.reason).toMatch(/Kurdish region/);
  });
});
