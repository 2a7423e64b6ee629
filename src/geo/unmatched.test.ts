// Names the gazetteer cannot place, beside or in a region and in lists, on real STOP area texts
// (Access Now #KeepItOn STOP, snapshot of 2026-05-20: area_name cells quoted unchanged) and the
// shipped gazetteer extract (data/geo/gazetteer.json.gz: GeoNames, CC BY 4.0).
import { describe, expect, it } from 'vitest';
import { getRegion } from './codes.js';
import { geocodeArea, regionPopulations } from './geocode.js';
import { countryIndex } from './gazetteer.js';
import { unmatchedRuns } from './unmatched.js';

const iso = (c: string) => {
  const r = getRegion(c);
  return r ? [r.name] : [];
};
const geo = (cc: string, text: string, scope = 'local') => geocodeArea(cc, text, scope, iso);
const est = (cc: string, text: string, scope = 'local') => geo(cc, text, scope).population_affected!.estimate;
const meanDistrict = (code: string) => {
  const cc = code.slice(0, 2);
  const a = [...countryIndex(cc, iso).admin1.values()].find((x) => x.iso === code)!;
  return regionPopulations(cc, [code]).found[0]!.population / a.districts;
};

describe('unmatchedRuns', () => {
  it('groups the words no name matched into names, split where the list splits', () => {
    expect(unmatchedRuns('Police district of Awantipora in Jammu and Kashmir', [0, 1]).map((r) => r.words)).toEqual([['police', 'awantipora']]);
    expect(unmatchedRuns('Dawei, Launglong, and Thayetchaung townships, Tanintharyi Region', [1, 2]).map((r) => r.words)).toEqual([
      ['launglong'],
      ['thayetchaung'],
    ]);
  });
});

describe('an unmatched name beside or in a named state is a mean district of it, never the state, whatever word joins them', () => {
  it('"Awantipora in Jammu and Kashmir", "Police district of Awantipora in …" and "Awantipora, Jammu and Kashmir" are one mean district', () => {
    const one = meanDistrict('IN-JK');
    for (const text of ['Awantipora in Jammu and Kashmir', 'Police district of Awantipora in Jammu and Kashmir', 'Awantipora, Jammu and Kashmir']) {
      const r = geo('IN', text);
      expect(r.population_affected!.estimate, text).toBeCloseTo(one, -1);
      expect(r.population_affected!.confidence, text).toBe('low');
      expect(r.places.map((p) => p.kind)).toEqual(['district']);
    }
  });

  it('"Ye township, Mon State" (Myanmar) is one mean district of Mon, not Mon', () => {
    const r = geo('MM', 'Ye township, Mon State');
    expect(r.population_affected!.estimate).toBeCloseTo(meanDistrict('MM-15'), -1);
    expect(r.population_affected!.confidence).toBe('low');
  });

  it('"Dabouq in Amman and Umm al-Naaj in Salt" (Jordan, two neighbourhoods) is not the whole of Amman governorate', () => {
    const r = geo('JO', 'Dabouq in Amman and Umm al-Naaj in Salt', 'regional');
    expect(r.population_affected!.estimate).toBeLessThan(est('JO', 'Amman', 'regional'));
    expect(r.places.some((p) => p.kind === 'region')).toBe(false);
  });
});

describe('a name in a list that cannot be placed counts as a mean district of the region named: adding a name never shrinks the estimate', () => {
  it('nine townships of Ayeyarwady, Lemyethna among them, are at least Lemyethna alone', () => {
    const nine = est(
      'MM',
      'Hainggyi Island, Hinthada, Kyangin, Kyonpyaw, Lemyethna, Myanaung, Nga Yoke Kaung, Tahbaung, and Yegyi townships, Ayeyarwady Region',
      'regional',
    );
    expect(nine).toBeGreaterThanOrEqual(est('MM', 'Lemyethna township, Ayeyarwady Region'));
  });

  it('"Chin State; Kalay and Tamu townships, Sagaing Division" counts Kalay, as "Kalay township, Sagaing Division" does', () => {
    const r = geo('MM', 'Chin State; Kalay and Tamu townships, Sagaing Division', 'regional');
    expect(r.population_affected!.estimate).toBeGreaterThanOrEqual(est('MM', 'Chin State', 'regional') + est('MM', 'Kalay township, Sagaing Division'));
    expect(r.places.map((p) => p.name).join(' ')).toMatch(/kalay/);
  });

  it('"Dawei, Launglong, and Thayetchaung townships, Tanintharyi Region" is three units, not Dawei alone', () => {
    const three = geo('MM', 'Dawei, Launglong, and Thayetchaung townships, Tanintharyi Region', 'regional');
    expect(three.population_affected!.estimate).toBeGreaterThan(est('MM', 'Dawei township, Tanintharyi Region') + meanDistrict('MM-05'));
  });

  it('several regions beside an unknown name stay whole, the name not placed (SYNTHETIC: "Xyzabad" names nothing)', () => {
    const r = geo('TJ', 'Sughd, Khatlon, Dushanbe, Xyzabad', 'regional');
    expect(r.places.map((p) => p.kind)).toEqual(['region', 'region', 'region']);
  });
});

describe('a village or village tract located in a township counts as that township: one mean district, not one per name', () => {
  const one = () => meanDistrict('MM-05');
  it('"Minthar village tract, Yebyu township, Tanintharyi Region" is one mean district, as "Zardi village, Yebyu township, …" is', () => {
    for (const text of ['Minthar village tract, Yebyu township, Tanintharyi Region', 'Zardi village, Yebyu township, Tanintharyi Region']) {
      const r = geo('MM', text, 'regional');
      expect(r.population_affected!.estimate, text).toBeCloseTo(one(), -1);
      expect(r.places.map((p) => p.name)).toEqual(['yebyu']);
    }
  });

  it('"Man San village tract and Namtu town, Namtu township, Shan State" is Namtu township alone', () => {
    expect(est('MM', 'Man San village tract and Namtu town, Namtu township, Shan State', 'regional')).toBeCloseTo(meanDistrict('MM-17'), -1);
  });

  it('"A and B villages, Tanintharyi township, Tanintharyi Region": a township named as its region is one mean district of it, whatever the villages are called', () => {
    for (const text of [
      'Chaung Nyi Ko and Yarmpho villages, Tanintharyi township, Tanintharyi Region',
      'Htone Makha and Thabaw-Lake villages, Tanintharyi township, Tanintharyi Region',
    ]) {
      const r = geo('MM', text, 'regional');
      expect(r.population_affected!.estimate, text).toBeCloseTo(one(), -1);
      expect(r.regions).toEqual(['MM-05']);
      expect(r.places.map((p) => p.kind)).toEqual(['district']);
    }
  });

  it('"Lakhanpur and Bhindi Bridge areas, Kathua District, Jammu & Kashmir" (India) is Kathua district alone: a bridge ends an item of the list too', () => {
    expect(est('IN', 'Lakhanpur and Bhindi Bridge areas, Kathua District, Jammu & Kashmir', 'regional')).toBeCloseTo(meanDistrict('IN-JK'), -1);
  });
});

describe('a region named as one item of a list of cities or regions is placed whole; a name beside it is another item, not a district of it', () => {
  const regionOf = (r: ReturnType<typeof geo>) => r.places.filter((p) => p.kind === 'region').map((p) => p.region);
  it('"Hanoi, Saigon" (Viet Nam) is Hanoi and Ho Chi Minh City, as "Hanoi, Ho Chi Minh City" is: about a fifth of the country', () => {
    const r = geo('VN', 'Hanoi, Saigon', 'regional');
    expect(r.regions).toEqual(['VN-HN', 'VN-SG']);
    expect(r.unmatched).toEqual([]);
    expect(r.population_affected!.share).toBeCloseTo(geo('VN', 'Hanoi, Ho Chi Minh City', 'regional').population_affected!.share, 6);
    expect(r.population_affected!.share).toBeGreaterThan(0.15);
  });

  it('"Cities of Almaty and Nur-Sultan" (Kazakhstan, 2021) is both cities: Nur-Sultan is Astana (so named 2019-2022)', () => {
    const r = geo('KZ', 'Cities of Almaty and Nur-Sultan', 'regional');
    expect(r.unmatched).toEqual([]);
    expect(r.regions).toEqual(expect.arrayContaining(['KZ-75', 'KZ-71']));
  });

  it('a name no alias or gazetteer entry knows, after a region named first, is not placed in it: the region stays whole (SYNTHETIC: "Xyzabad")', () => {
    const alone = geo('VN', 'Hanoi', 'regional');
    const r = geo('VN', 'Hanoi, Xyzabad', 'regional');
    expect(regionOf(r)).toEqual(['VN-HN']);
    expect(r.population_affected!.estimate).toBe(alone.population_affected!.estimate);
    expect(r.unmatched).toEqual(['xyzabad']);
  });

  it('in a list of cities, a name is not a district of a region named further on as one more item ("…, DI Khan, Rawalpindi, …, Islamabad, …", Pakistan 2016)', () => {
    const text =
      'Cities of Karachi, Sukkur, Hyderabad, Kotli, Multan, Lahore, DI Khan, Rawalpindi, Rawalakot, Sargodha, Jafferabad, Jhal Magsi, Bagh, Muzaffarabad, Peshawar, Bannu, Gilgit , Bahawalpur, Quetta, Multan, Karachi, Islamabad, Peshawar, and Faisalabad';
    const r = geo('PK', text, 'regional');
    expect(r.places.filter((p) => p.population_method.includes('unmatched name(s) inside Islamabad'))).toEqual([]);
    expect(r.places.find((p) => p.region === 'PK-IS')?.kind).toBe('region');
  });

  it('a name in a list the region closes still counts in it ("Mindat township, Chin State and Kyaukhtu, Pauk, and Yaw, Magway Region")', () => {
    const r = geo('MM', 'Mindat township, Chin State and Kyaukhtu, Pauk, and Yaw, Magway Region', 'regional');
    expect(r.places.some((p) => p.kind === 'district' && p.region === 'MM-03' && p.name.includes('kyaukhtu'))).toBe(true);
  });

  it('a region named by a direction is a part of it that the names after it locate ("Western Oromia, Wellega, Kellem", Ethiopia 2020: two zones, not Oromia)', () => {
    const r = geo('ET', 'Western Oromia, Wellega, Kellem', 'regional');
    expect(r.places.map((p) => p.kind)).toEqual(['district']);
    expect(r.population_affected!.estimate).toBeLessThan(geo('ET', 'Oromia', 'regional').population_affected!.estimate / 5);
  });
});
