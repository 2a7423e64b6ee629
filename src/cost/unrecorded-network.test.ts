// The kind of network cut a record did not name, from the cuts of its country that did. The
// events are SYNTHETIC (only the fields the rule reads); the real records are priced in
// test/integration/cost-unrecorded-network.test.ts.
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/index.js';
import { eventScenario } from './event-scenario.js';
import { ParamSet } from './method-kit.js';
import { parseScenario } from './scenario.js';
import { networkKindTable, networkKindsFor } from './unrecorded-network.js';
import { typeWeight } from './weights.js';
import { syntheticEvent } from './testing.js';
import type { CountryData } from './data/econ-data.js';

const cuts = (cc: string, subtypes: string[]) =>
  subtypes.map((subtype) => ({ category: 'shutdown', subtype, countries: [cc], status: 'active' }) as unknown as LedgerEvent);

describe('the kind of an unrecorded network cut', () => {
  const table = networkKindTable([
    ...cuts('IN', ['full', 'full', 'mobile', 'mobile_data', 'mobile', 'mobile']),
    ...cuts('IN', ['fixed', 'unrecorded_network', 'curfew']), // not in the class
    ...cuts('GA', ['full', 'full']),
    ...cuts('JO', ['full', 'mobile']),
    ...[{ category: 'shutdown', subtype: 'full', countries: ['IN', 'PK'], status: 'active' } as unknown as LedgerEvent], // two countries: neither's
    ...[{ category: 'block', subtype: 'platform', countries: ['IN'], status: 'active' } as unknown as LedgerEvent],
  ]);

  it("counts each country's cuts that took the whole network and those of mobile data only", () => {
    expect(table.get('IN')).toEqual({ whole: 2, mobile: 4 });
    expect(table.get('GA')).toEqual({ whole: 2, mobile: 0 });
    expect(table.get('PK')).toBeUndefined();
  });

  it("takes its country's share from five recorded cuts, else every country's, each country once", () => {
    expect(networkKindsFor(table, 'IN')).toMatchObject({ p_whole: 2 / 6, of: 'IN', whole: 2, mobile: 4 });
    const ga = networkKindsFor(table, 'GA')!;
    // IN 1/3, GA 1, JO 1/2: the mean of the three countries' shares, not of their 10 cuts (4/10)
    expect(ga.p_whole).toBeCloseTo((1 / 3 + 1 + 1 / 2) / 3, 12);
    expect(ga.of).toBe('all countries');
    expect(ga.basis).toMatch(/^GA recorded the networks of 2 cut\(s\) only, fewer than 5; /);
    expect(networkKindsFor(new Map(), 'GA')).toBeUndefined();
  });

  const e = syntheticEvent({
    category: 'shutdown',
    subtype: 'unrecorded_network',
    start: '2025-12-26T00:00:00Z',
    end: '2025-12-26T12:00:00Z',
    date_precision: 'hour',
  });

  it('prices the event as the whole network with that chance, else mobile data only; without a class it says what is missing', () => {
    const priced = eventScenario(e, {}, { networkKinds: table });
    expect(priced.missing).toEqual([]);
    expect(priced.input).toMatchObject({ type: 'full', networks_whole_p: 2 / 6 });
    const bare = eventScenario(e);
    expect(bare.missing.map((m) => m.field)).toEqual(['type']);
    const scn = parseScenario(priced.input).scenario;
    expect(scn.unrecorded_networks?.p_whole).toBeCloseTo(1 / 3, 12);
    const ps = new ParamSet();
    const unit = typeWeight(scn, {} as CountryData, 2025, 'ozi', ps, [], []);
    expect(ps.specs.map((p) => [p.name, p.dist])).toEqual([
      ['whole network cut', { kind: 'bernoulli', p: 2 / 6 }],
      ['mobile share', { kind: 'fixed', value: 0.5 }],
    ]);
    expect(unit.fn(Float64Array.from([1, 0.5]))).toBe(1);
    expect(unit.fn(Float64Array.from([0, 0.5]))).toBe(0.5);
    expect(() => parseScenario({ country: 'IN', type: 'mobile', hours: 1, networks_whole_p: 0.3 })).toThrow(/networks_whole_p/);
  });

  it('an outage of named networks no government ordered is priced by their share, not by the kinds of cut', () => {
    const outage: LedgerEvent = {
      ...e,
      actors: [
        { role: 'ordered_by', name: 'Non-government' },
        { role: 'implemented_by', name: 'Airtel' },
      ],
    };
    const s = eventScenario(outage, { isp_share: 0.4 }, { networkKinds: table });
    expect(s.missing).toEqual([]);
    expect(s.input.type).toBe('isp');
    expect(s.input.networks_whole_p).toBeUndefined();
    expect(parseScenario(s.input).scenario).toMatchObject({ type: 'isp', isp_share: 0.4, unrecorded_networks: null });
  });
});
