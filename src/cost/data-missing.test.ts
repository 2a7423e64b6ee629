/**
 * A valid scenario the database holds no economic data for is a data gap (404 NOT_FOUND naming
 * what is missing and the command that loads it), never a 400 on the input; a country a method
 * cannot price by design stays a 400. The data is the shipped files as `db seed` stores them
 * (shippedCountry), or SYNTHETIC: an empty CountryData, a store where nothing was imported.
 */
import { describe, expect, it } from 'vitest';
import { isAppError } from '../shared/index.js';
import { parseScenario, type ScenarioInput } from './scenario.js';
import { priceScenarioWith } from './service.js';
import { countryData, shippedCountry } from './testing.js';

const priceWith = (input: ScenarioInput, data: 'shipped' | 'none') => {
  const { scenario, span } = parseScenario({ draws: 200, type: 'full', hours: 24, ...input });
  const datasets = [data === 'shipped' ? shippedCountry(scenario.country) : countryData(scenario.country, [])];
  try {
    priceScenarioWith(scenario, span, datasets);
    return null;
  } catch (e) {
    if (!isAppError(e)) throw e;
    return e;
  }
};

describe('a scenario without its economic data', () => {
  it('ozi-regional for RU with no Rosstat tables (SYNTHETIC empty store): NOT_FOUND naming the command, not "RU only (not RU)"', () => {
    const e = priceWith({ country: 'RU', method: ['ozi-regional'] }, 'none');
    expect(e?.code).toBe('NOT_FOUND');
    expect(e?.message).toContain('this database holds no regional GRP and regional internet penetration for RU');
    expect(e?.message).toContain('splinternet db seed');
    expect(e?.message).not.toContain('(not RU)');
  });

  it('every method for a country with no GDP (SYNTHETIC empty store): NOT_FOUND', () => {
    for (const cc of ['RU', 'PK']) expect(priceWith({ country: cc }, 'none')?.code, cc).toBe('NOT_FOUND');
  });

  it('ozi-regional for a country it does not model (CN, shipped data): still a 400 on the input', () => {
    const e = priceWith({ country: 'CN', method: ['ozi-regional'] }, 'shipped');
    expect(e?.code).toBe('VALIDATION');
    expect(e?.message).toContain("ozi-regional prices Russia's regions (RU) only");
  });

  it('with the shipped data, RU is priced by ozi-regional', () => {
    expect(priceWith({ country: 'RU', method: ['ozi-regional'] }, 'shipped')).toBeNull();
  });

  it('KP, whose GDP no shipped file holds: NOT_FOUND naming the command that loads GDP, once however many methods lack it', () => {
    const e = priceWith({ country: 'KP' }, 'shipped');
    expect(e?.code).toBe('NOT_FOUND');
    expect(e?.message).toMatch(/no GDP \(current US\$\) for KP/);
    const command = '`splinternet data import worldbank FILE --indicator NY.GDP.MKTP.CD` (or the shipped data with `splinternet db seed`)';
    expect(e?.message.endsWith(`; load the missing data with ${command}`)).toBe(true);
    expect(e?.message.split('splinternet data import').length).toBe(2);
    expect(e?.details.load_commands).toEqual([command]);
  });

  it('SL, whose fixed broadband no shipped file holds, priced as mobile-only: NOT_FOUND naming the command and --mobile-share; with a share given it is priced', () => {
    const e = priceWith({ country: 'SL', type: 'mobile' }, 'shipped');
    expect(e?.code).toBe('NOT_FOUND');
    expect(e?.message).toContain(
      'no fixed broadband subscriptions (IT.NET.BBND.P2) for SL, so mobile cannot be split from fixed (a single scenario can give the share: cost --mobile-share',
    );
    const command = '`splinternet data import owid FILE --indicator IT.NET.BBND.P2` (or the shipped data with `splinternet db seed`)';
    expect(e?.details.load_commands).toEqual([command]);
    expect(e?.message.endsWith(`; load the missing data with ${command}`)).toBe(true);
    expect(priceWith({ country: 'SL', type: 'mobile', mobile_share: 0.9 }, 'shipped')).toBeNull();
    expect(priceWith({ country: 'SL', type: 'full' }, 'shipped')).toBeNull();
  });

  it('a country with GDP and no internet-user figures (SYNTHETIC data): NOT_FOUND naming the command that loads IT.NET.USER.ZS', () => {
    const { scenario, span } = parseScenario({ draws: 200, type: 'full', hours: 24, country: 'PK', method: ['deloitte-2016'] });
    try {
      priceScenarioWith(scenario, span, [countryData('PK', [['NY.GDP.MKTP.CD', 'PK', 2020, 3e11]])]);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('NOT_FOUND');
      expect((e as Error).message).toMatch(
        /no internet users \(% of population\) for PK; load the missing data with `splinternet data import worldbank FILE --indicator IT\.NET\.USER\.ZS`/,
      );
    }
  });
});
