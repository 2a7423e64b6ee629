import { describe, expect, it } from 'vitest';
import { getRegion, regionsOf } from './codes.js';
import { CN_PROVINCES, RU_REGIONS, canonicalStatsRegion, matchRegionName, nameKey, regionNames, statsRegionsOf } from './region-names.js';

describe('Russian region table', () => {
  it('has 85 unique codes: the 83 ISO subjects plus Crimea and Sevastopol', () => {
    const codes = RU_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(85);
    const iso = regionsOf('RU')
      .map((r) => r.code)
      .filter((c) => !['RU-CR', 'RU-SEV'].includes(c));
    expect(iso).toHaveLength(83);
    expect([...codes].sort()).toEqual([...iso, 'UA-40', 'UA-43'].sort());
    for (const c of codes) expect(getRegion(c), c).toBeDefined();
  });

  it('maps Rosstat names, Russian and English, including their typos', () => {
    expect(matchRegionName('RU', 'г. Москва')).toEqual({ kind: 'region', code: 'RU-MOW' });
    expect(matchRegionName('RU', 'Moscow city')).toEqual({ kind: 'region', code: 'RU-MOW' });
    expect(matchRegionName('RU', 'Московская область')).toEqual({ kind: 'region', code: 'RU-MOS' });
    expect(matchRegionName('RU', 'Республика Алтай')).toEqual({ kind: 'region', code: 'RU-AL' });
    expect(matchRegionName('RU', 'Алтайский край')).toEqual({ kind: 'region', code: 'RU-ALT' });
    expect(matchRegionName('RU', 'Khanty-MansiAutonomous Area – Yugra')).toEqual({ kind: 'region', code: 'RU-KHM' });
    expect(matchRegionName('RU', 'Ханты-Мансийский автономный округ - Югра')).toEqual({ kind: 'region', code: 'RU-KHM' });
    expect(matchRegionName('RU', 'Arkhangelsk Region lessautonomous area')).toEqual({ kind: 'region', code: 'RU-ARK' });
    expect(matchRegionName('RU', 'Bryansk  Region')).toEqual({ kind: 'region', code: 'RU-BRY' });
    expect(matchRegionName('RU', 'Республика Крым')).toEqual({ kind: 'region', code: 'UA-43' });
    expect(matchRegionName('RU', 'г. Севастополь')).toEqual({ kind: 'region', code: 'UA-40' });
  });

  it('never maps the okrug-inclusive oblast rows to a subject (no double counting)', () => {
    expect(matchRegionName('RU', 'Тюменская область')).toMatchObject({
      kind: 'aggregate',
      reason: 'oblast_with_okrugs',
      includes: ['RU-TYU', 'RU-KHM', 'RU-YAN'],
    });
    expect(matchRegionName('RU', 'Архангельская область')).toMatchObject({ kind: 'aggregate', includes: ['RU-ARK', 'RU-NEN'] });
    expect(matchRegionName('RU', 'Тюменская область без автономных округов')).toEqual({ kind: 'region', code: 'RU-TYU' });
    expect(matchRegionName('RU', 'Уральский федеральный округ')).toMatchObject({ kind: 'aggregate', reason: 'federal_district' });
    expect(matchRegionName('RU', 'Российская Федерация')).toMatchObject({ kind: 'aggregate', reason: 'country' });
    expect(matchRegionName('RU', 'Atlantis')).toEqual({ kind: 'unknown' });
  });

  it('gives names in three languages for every code, and resolves RU-CR / RU-SEV', () => {
    for (const r of RU_REGIONS)
      expect(
        Object.values(regionNames(r.code) ?? {}).every((n) => n.length > 0),
        r.code,
      ).toBe(true);
    expect(regionNames('RU-ALT')).toEqual({ en: 'Altai Krai', ru: 'Алтайский край', zh: '阿尔泰边疆区' });
    expect(regionNames('RU-CR')?.en).toBe('Crimea');
    expect(canonicalStatsRegion('RU-SEV')).toBe('UA-40');
    expect(canonicalStatsRegion('RU-XXX')).toBeUndefined();
  });
});

describe('Chinese province table', () => {
  it('covers all 34 ISO codes; NBS tables cover the 31 mainland ones', () => {
    expect(CN_PROVINCES.map((p) => p.code).sort()).toEqual(
      regionsOf('CN')
        .map((r) => r.code)
        .sort(),
    );
    expect(statsRegionsOf('CN')).toHaveLength(31);
  });

  it('maps NBS names, Chinese names and GB/T 2260 prefixes', () => {
    expect(matchRegionName('CN', 'Xinjiang')).toEqual({ kind: 'region', code: 'CN-XJ' });
    expect(matchRegionName('CN', 'Inner Mongolia')).toEqual({ kind: 'region', code: 'CN-NM' });
    expect(matchRegionName('CN', 'Tibet')).toEqual({ kind: 'region', code: 'CN-XZ' });
    expect(matchRegionName('CN', '新疆维吾尔自治区')).toEqual({ kind: 'region', code: 'CN-XJ' });
    expect(matchRegionName('CN', 'CN-65')).toEqual({ kind: 'region', code: 'CN-XJ' });
    expect(matchRegionName('CN', 'Shaanxi')).toEqual({ kind: 'region', code: 'CN-SN' });
    expect(matchRegionName('CN', 'Shanxi')).toEqual({ kind: 'region', code: 'CN-SX' });
  });
});

it('normalises case, dashes and whitespace', () => {
  expect(nameKey('North Ossetia – Alania')).toBe(nameKey('north ossetia-alania'));
  expect(nameKey('Ёлка')).toBe('елка');
});
