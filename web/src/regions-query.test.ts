import { describe, expect, it } from 'vitest';
import { calculatorHref, durationWords, regionsHref, regionsRequest, regionsScenario } from './regions-query.js';

const scenario = (qs: string) => regionsScenario(new URLSearchParams(qs));

describe('the regions page scenario', () => {
  it('sends every value of the URL as given, so the API prices it or refuses it', () => {
    expect(regionsRequest('RU', scenario('type=fixed&currency=EUR'))).toEqual({
      country: 'RU',
      type: 'fixed',
      hours: '24',
      method: undefined,
      currency: 'EUR',
    });
    expect(regionsRequest('RU', scenario('type=bogus&hours=48&method=bogus'))).toMatchObject({ type: 'bogus', hours: '48', method: 'bogus' });
  });

  it('reads the toggle\'s "local" as the local currency and no type as a full shutdown of a day', () => {
    expect(regionsRequest('CN', scenario('currency=local'))).toEqual({ country: 'CN', type: 'full', hours: '24', method: undefined, currency: undefined });
  });

  it('keeps the currency and hours in its own address and in the calculator link', () => {
    const s = scenario('type=mobile&currency=USD&hours=6');
    expect(calculatorHref('RU', s)).toBe('/cost?country=RU&type=mobile&hours=6&method=all&currency=USD');
    expect(regionsHref('RU', s)).toBe('/regions/RU?type=mobile&currency=USD&hours=6');
    expect(calculatorHref('RU', scenario(''))).toBe('/cost?country=RU&type=full&hours=24&method=all');
  });

  it('names the duration as captions say it', () => {
    expect(durationWords('24')).toBe('one-day');
    expect(durationWords('6')).toBe('6-hour');
  });
});
