import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/index.js';
import { eachCountry } from './ledger-events.js';
import { sampleEvent } from '../../test/helpers/index.js';

// SYNTHETIC events: a store written before repeated countries were refused may hold one
const ev = (over: Record<string, unknown>) => ({ ...sampleEvent(over), places: [], population_affected: null }) as unknown as LedgerEvent;

describe('eachCountry', () => {
  it('prices an event once per distinct country it lists, with that country regions', () => {
    const twice = eachCountry(ev({ countries: ['RU', 'RU'] }), 'RU');
    expect(twice.map((e) => e.countries)).toEqual([['RU']]);
    expect(eachCountry(ev({ countries: ['RU', 'RU'] })).map((e) => e.countries)).toEqual([['RU']]);
    const three = eachCountry(ev({ countries: ['RU', 'UA', 'RU'], regions: ['RU-MOW', 'UA-43'] }));
    expect(three.map((e) => [e.countries, e.regions])).toEqual([
      [['RU'], ['RU-MOW']],
      [['UA'], ['UA-43']],
    ]);
  });
  it('keeps a one-country event whole', () => {
    const e = ev({ countries: ['RU'] });
    expect(eachCountry(e, 'RU')).toEqual([e]);
  });
});
