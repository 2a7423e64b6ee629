// A block its sources say did not stop the service, priced for the share of its use it did stop.
// The event is the ledger's own record of Russia's 2018–2020 Telegram block (data/ledger/events).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/index.js';
import { CIRCUMVENTED_EFFECT, CIRCUMVENTED_TAG } from './circumvented.js';
import type { CountryData } from './data/econ-data.js';
import { eventScenario } from './event-scenario.js';
import { ParamSet } from './method-kit.js';
import { parseScenario } from './scenario.js';
import { syntheticEvent } from './testing.js';
import { typeWeight } from './weights.js';

const telegram = syntheticEvent(
  JSON.parse(readFileSync(new URL('../../data/ledger/events/ru-2018-telegram-block.json', import.meta.url), 'utf8')) as Partial<LedgerEvent>,
);

describe('a block that did not stop the service', () => {
  it('is marked so in the ledger only with a source that says it', () => {
    expect(telegram.tags).toContain(CIRCUMVENTED_TAG);
    expect(telegram.sources.map((s) => s.locator)).toContain('line 298: "did not prevent the service from functioning but ended up paralyzing millions of IP"');
  });

  it('is priced for the share of the platform it stopped, uniform between none and half; untagged, for all of it', () => {
    const s = eventScenario(telegram);
    expect(s.missing).toEqual([]);
    expect(s.input).toMatchObject({ type: 'platform', platform: 'telegram', block_effect: CIRCUMVENTED_EFFECT });
    expect(s.mapping.join('\n')).toMatch(/did not stop the service \(tag circumvented\).*uniform 0–50 %/);
    const plain = eventScenario({ ...telegram, tags: telegram.tags.filter((t) => t !== CIRCUMVENTED_TAG) });
    expect(plain.input.block_effect).toBeUndefined();

    const scn = parseScenario({ ...s.input, hours: 24, start: undefined, end: undefined }).scenario;
    expect(scn.block_effect).toEqual(CIRCUMVENTED_EFFECT);
    const ps = new ParamSet();
    const notes: string[] = [];
    const unit = typeWeight(scn, { country: 'RU' } as CountryData, 2019, 'subscriptions', ps, [], notes);
    expect(ps.specs.map((p) => [p.name, p.dist.kind])).toEqual([
      ['platform weight (telegram)', 'triangular'],
      ["share of the platform's use the block stopped", 'uniform'],
    ]);
    expect(ps.specs[1]!.dist).toEqual({ kind: 'uniform', low: 0, high: 0.5 });
    // weight × effect: the product of the two draws
    expect(unit.fn(Float64Array.from([0.03, 0.2]))).toBeCloseTo(0.006, 12);
    expect(unit.fn(Float64Array.from([0.03, 0]))).toBe(0);
    expect(notes.join('\n')).toMatch(/did not stop the service/);
  });

  it('refuses an effect outside [0,1], an empty range, or on anything but a platform block, naming block_effect', () => {
    const base = { country: 'RU', hours: 24, type: 'platform', platform: 'telegram' };
    for (const bad of [
      { ...base, block_effect: { low: 0, high: 1.5, basis: 'x' } },
      { ...base, block_effect: { low: 0.4, high: 0.4, basis: 'x' } },
      { ...base, type: 'full', platform: undefined, block_effect: { low: 0, high: 0.5, basis: 'x' } },
    ])
      expect(() => parseScenario(bad)).toThrow(/block_effect/);
  });
});
