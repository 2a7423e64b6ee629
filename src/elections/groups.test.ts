/**
 * Group keys and district numbers on the names the shipped files write: 2016 names a district
 * "39 Алтайский край - Барнаульский", 2021 "ОИК №39"; a region in NFD or with other spacing is
 * the region it spells (SYNTHETIC respellings of real names).
 */
import { describe, expect, it } from 'vitest';
import type { ElectionArrays, ElectionTotalsRow } from '../store/index.js';
import { districtNumber, groupKey, mergedRegions, mergedTotals } from './groups.js';

describe('districtNumber', () => {
  it('reads the number of the 2016 and 2021 spellings and of their variants', () => {
    expect(districtNumber('39 Алтайский край - Барнаульский')).toBe(39);
    expect(districtNumber('225 Ямало-Ненецкий автономный округ - Ямало-Ненецкий')).toBe(225);
    expect(districtNumber('ОИК №39')).toBe(39);
    expect(districtNumber('ОИК № 22')).toBe(22);
    expect(districtNumber('ОИК №022')).toBe(22);
    expect(districtNumber('Барнаульский 39')).toBe(39);
    expect(districtNumber('Барнаульский')).toBeNull();
    expect(districtNumber(null)).toBeNull();
  });
});

describe('merged groups', () => {
  const row = (region: string, district: string | null, electronic: boolean, stations: number, votes: number[]): ElectionTotalsRow => ({
    region,
    region_code: 'RU-ME',
    district,
    electronic,
    stations,
    aggregates: 0,
    flagged: 0,
    registered: stations * 1000,
    issued: stations * 500,
    cast: stations * 490,
    valid: stations * 480,
    invalid: stations * 10,
    votes,
  });

  it('one region in NFC and NFD, one ОИК with and without a space after №, are one group per side', () => {
    const nfc = 'Республика Марий Эл';
    expect(groupKey({ region: nfc.normalize('NFD'), district: 'ОИК № 22' })).toBe(groupKey({ region: nfc, district: 'ОИК №22' }));
    const m = mergedTotals([
      row(nfc, 'ОИК №22', false, 260, [1, 2]),
      row(nfc.normalize('NFD'), 'ОИК № 22', false, 261, [3, 4]),
      row(nfc, 'ОИК №22', true, 1, [5, 6]),
    ]);
    expect(m.map((r) => [r.region, r.district, r.electronic, r.stations, r.registered, r.votes])).toEqual([
      [nfc, 'ОИК №22', false, 521, 521_000, [4, 6]],
      [nfc, 'ОИК №22', true, 1, 1000, [5, 6]],
    ]);
  });

  it("the fingerprints' regions of one name are one region", () => {
    const a = {
      n: 3,
      region: Uint16Array.from([0, 1, 2]),
      regions: ['Алтайский край', 'Алтайский  край'.normalize('NFD'), 'Республика Алтай'],
    } as unknown as ElectionArrays;
    const m = mergedRegions(a);
    expect(m.regions).toEqual(['Алтайский край', 'Республика Алтай']);
    expect([...m.region]).toEqual([0, 0, 1]);
  });
});
