import { describe, expect, it } from 'vitest';
import { checkWindow, syncPrefixes, testDir, wantedKey, windowHours } from './plan.js';

describe('ooni sync plan', () => {
  it('walks upload hours across a day boundary, inclusive', () => {
    expect(windowHours({ since: '2021-02-28T22', until: '2021-03-01T01' })).toEqual(['20210228/22', '20210228/23', '20210301/00', '20210301/01']);
  });
  it('one prefix per hour, country and bucket test folder; without a country, one per hour', () => {
    expect(
      syncPrefixes({ since: '2021-03-01T00', until: '2021-03-01T00', cc: ['RU', 'RU', 'IR'], test_name: ['web_connectivity', 'webconnectivity'] }),
    ).toEqual(['raw/20210301/00/RU/webconnectivity/', 'raw/20210301/00/IR/webconnectivity/']);
    expect(syncPrefixes({ since: '2021-03-01T00', until: '2021-03-01T01' })).toEqual(['raw/20210301/00/', 'raw/20210301/01/']);
    expect(testDir('facebook_messenger')).toBe('facebookmessenger');
  });
  it('keeps measurement files of the asked tests only', () => {
    const w = { since: '2021-03-01T00', until: '2021-03-01T00', test_name: ['web_connectivity'] };
    expect(wantedKey('raw/20210301/00/RU/webconnectivity/2021030100_RU_webconnectivity.n0.0.jsonl.gz', w)).toBe(true);
    expect(wantedKey('raw/20210301/00/RU/telegram/2021030100_RU_telegram.n0.0.jsonl.gz', w)).toBe(false);
    expect(wantedKey('raw/20210301/00/RU/webconnectivity/2021030100_RU_webconnectivity.n0.0.tar.gz', w)).toBe(false);
  });
  it('rejects a reversed, malformed or huge window naming the flag', () => {
    expect(() => windowHours({ since: '2021-03-02T00', until: '2021-03-01T00' })).toThrow(/--until .* is before --since/);
    expect(() => windowHours({ since: '2021-13-01T00', until: '2021-03-01T00' })).toThrow(/--since must be/);
    expect(() => windowHours({ since: '2000-01-01T00', until: '2030-01-01T00' })).toThrow(/more than 100000 hours/);
    expect(() => windowHours({ since: '2021-02-29T00', until: '2021-03-01T00' })).toThrow(/--since must be .* got "2021-02-29T00"/);
    expect(() => windowHours({ since: '2021-03-01T00', until: '2021-03-01T24' })).toThrow(/--until must be/);
  });
  it('checks countries and test names against what OONI reports, before any listing', () => {
    const w = { since: '2021-03-01T00', until: '2021-03-01T00' };
    expect(checkWindow({ ...w, cc: ['ru', 'XK', 'ZZ'], test_name: ['webconnectivity'] })).toMatchObject({
      cc: ['RU', 'XK', 'ZZ'],
      test_name: ['web_connectivity'],
    });
    expect(() => checkWindow({ ...w, cc: ['XX'] })).toThrow(/--cc must be ISO 3166-1 alpha-2 codes, got "XX"/);
    expect(() => checkWindow({ ...w, test_name: ['nosuch_test'] })).toThrow(/--test: "nosuch_test" is not an OONI test name; accepted: web_connectivity/);
  });
});
