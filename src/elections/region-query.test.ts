import { describe, expect, it } from 'vitest';
import { RU_REGIONS } from '../geo/index.js';
import { nearRegions, resolveRegion } from './region-query.js';

describe('--region as people write it', () => {
  it('every region answers to its English name without the designator, and with the designator before or after or in English words (Region, Territory)', () => {
    const designators = [/ Oblast$/, / Krai$/, / Republic$/, /^Republic of /, / Autonomous Okrug$/, / Autonomous Oblast$/];
    let short = 0;
    for (const e of RU_REGIONS) {
      expect(resolveRegion(e.en), e.en).toBe(e.code);
      const re = designators.find((d) => d.test(e.en));
      if (!re) continue;
      const core = e.en.replace(re, '');
      if (core === 'Altai' || core === 'Moscow') continue; // ambiguous, or the city: below
      expect(resolveRegion(core), core).toBe(e.code);
      const other = { ' Oblast$': ' Region', ' Krai$': ' Territory', ' Republic$': 'Republic of ', '^Republic of ': ' Republic' }[re.source];
      if (other) {
        const flipped = other.startsWith(' ') ? `${core}${other}` : `${other}${core}`;
        expect(resolveRegion(flipped), flipped).toBe(e.code);
      }
      short++;
    }
    expect(short).toBeGreaterThan(60);
  });
  it('the usual short names and spellings', () => {
    const cases: [string, string][] = [
      ['Chechnya', 'RU-CE'],
      ['Yakutia', 'RU-SA'],
      ['Sakha (Yakutia)', 'RU-SA'],
      ['Bashkiria', 'RU-BA'],
      ['Udmurtia', 'RU-UD'],
      ['Chuvashia', 'RU-CU'],
      ['North Ossetia', 'RU-SE'],
      ['Kuzbass', 'RU-KEM'],
      ['Yugra', 'RU-KHM'],
      ['St. Petersburg', 'RU-SPE'],
      ['Moscow Region', 'RU-MOS'],
      ['Moscow city', 'RU-MOW'],
      ['city of Moscow', 'RU-MOW'],
      ['Jewish AO', 'RU-YEV'],
      ['Татарстан', 'RU-TA'],
      ['Московская обл.', 'RU-MOS'],
      ['tatarstan', 'RU-TA'],
      // romanised Russian, in the spellings people use
      ['Moskovskaya oblast', 'RU-MOS'],
      ['Moskovskaja obl.', 'RU-MOS'],
      ['gorod Moskva', 'RU-MOW'],
      ['Respublika Tatarstan', 'RU-TA'],
      ['Respublika Sakha (Yakutiya)', 'RU-SA'],
      ['Permskiy kray', 'RU-PER'],
      ['Permsky Krai', 'RU-PER'],
      ['Khanty-Mansiyskiy avtonomnyy okrug', 'RU-KHM'],
      ['Severnaya Osetiya - Alaniya', 'RU-SE'],
      ['Sankt-Peterburg', 'RU-SPE'],
    ];
    for (const [q, code] of cases) expect(resolveRegion(q), q).toBe(code);
  });
  it('"Moscow" is the city (its English name); the oblast needs its designator', () => {
    expect(resolveRegion('Moscow')).toBe('RU-MOW');
    expect(resolveRegion('Moscow Oblast')).toBe('RU-MOS');
  });
  it('a short name that fits several regions is an error listing them; a designator picks one', () => {
    expect(() => resolveRegion('Altai')).toThrow(/"Altai" is ambiguous: it may be Altai Republic \(RU-AL\), Altai Krai \(RU-ALT\)/);
    expect(() => resolveRegion('Moscow Krai')).toThrow(/ambiguous: .*RU-MOS.*RU-MOW|ambiguous: .*RU-MOW.*RU-MOS/);
    expect(resolveRegion('Altai Republic')).toBe('RU-AL');
    expect(resolveRegion('Altay Territory')).toBe('RU-ALT');
  });
  it('a name of no region is left to the stored names (null); a typo gets the regions it is near', () => {
    expect(resolveRegion('Atlantis')).toBeNull();
    expect(nearRegions('Atlantis')).toEqual([]);
    expect(resolveRegion('Tatarstn')).toBeNull();
    expect(nearRegions('Tatarstn')).toEqual(['Republic of Tatarstan (RU-TA)']);
    expect(nearRegions('Sverdlovks Oblast')).toEqual(['Sverdlovsk Oblast (RU-SVE)']);
  });
});
