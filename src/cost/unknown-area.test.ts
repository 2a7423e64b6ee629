// What a record lacks, given by the rest of the ledger: the share of a country cut off when
// nobody placed the area, and the subscriber share of the networks an outage names. Real STOP
// records of Sudan (test/fixtures/stop/sudan.csv; Access Now #KeepItOn STOP, 2026-05-20
// snapshot), mapped by the STOP importer's own mapper. The placed events that make a share
// table are SYNTHETIC (only the fields the rule reads).
import { describe, expect, it } from 'vitest';
import type { LedgerEvent } from '../ledger/index.js';
import { stopEvent, stopFixture } from '../ledger/stop/testing.js';
import { eventScenario } from './event-scenario.js';
import { ParamSet } from './method-kit.js';
import { parseScenario } from './scenario.js';
import type { InputValue } from './types.js';
import { affectedWeight } from './weights.js';
import { areaNotPlaced, isAccessNetwork, MIN_PLACED, namesNoArea, networkShare, networkTable, shareTable, sharesFor } from './unknown-area.js';

const sudan = stopFixture('sudan.csv').map((r, i) => stopEvent(r, `sd-${i}-${r.start_date}`, { ungeocoded: true }));
const on = (start: string) => sudan.find((e) => e.start.startsWith(start))!;

const placed = (cc: string, scope: 'local' | 'regional', shares: number[]) =>
  shares.map((share) => ({ countries: [cc], scope, population_affected: { share } }) as unknown as LedgerEvent);

describe('an area nobody placed', () => {
  it("takes the quartiles of the country's placed events of the same scope, from five of them", () => {
    const t = shareTable([...placed('SD', 'regional', [0.05, 0.1, 0.2, 0.3, 0.4]), ...placed('SD', 'local', [0.01])]);
    expect(sharesFor(t, { scope: 'regional' }, 'SD')).toEqual({
      n: 5,
      q1: 0.1,
      median: 0.2,
      q3: 0.3,
      of: 'SD',
      scope: 'regional',
      counted: 'events',
      values: [0.05, 0.1, 0.2, 0.3, 0.4],
    });
    expect(sharesFor(t, { scope: 'local' }, 'SD')).toBeUndefined();
    expect(sharesFor(t, { scope: 'national' }, 'SD')).toBeUndefined();
  });

  it('falls back to the median of each country, so that a country of many district shutdowns counts once', () => {
    const india = placed(
      'IN',
      'regional',
      Array.from({ length: 300 }, () => 0.001),
    );
    const others = ['ET', 'IQ', 'MM', 'PK'].flatMap((cc, i) => placed(cc, 'regional', [0.1 * (i + 1)]));
    const s = sharesFor(shareTable([...india, ...others]), { scope: 'regional' }, 'SY')!;
    expect(s).toMatchObject({ n: 5, of: 'all countries', counted: 'countries', median: 0.2 });
    expect(s.q1).toBe(0.1);
  });

  it('ignores national events and whole-country shares', () => {
    const t = shareTable([
      ...placed('SD', 'regional', [1, 1, 1, 1, 1]),
      ...[0.3, 0.3, 0.3, 0.3, 0.3].map((share) => ({ countries: ['SD'], scope: 'national', population_affected: { share } }) as unknown as LedgerEvent),
    ]);
    expect(t.size).toBe(0);
  });

  it('Sudan 2021-11-17 (STOP: more than one state, no area) is priced by the shares of placed events, with their range', () => {
    const e = on('2021-11-17');
    expect(e.scope).toBe('regional');
    expect(areaNotPlaced(e)).toBe(true);
    expect(eventScenario(e).missing.map((m) => m.field)).toEqual(['area']);
    const shares = shareTable(placed('SD', 'regional', [0.05, 0.1, 0.2, 0.3, 0.4]));
    const s = eventScenario(e, {}, { shares });
    expect(s.missing).toEqual([]);
    expect(s.input).toMatchObject({ affected_share: 0.2, affected_low: 0.1, affected_high: 0.3, affected_confidence: 'low' });
    expect(s.mapping.join(' ')).toMatch(
      /area not placed \(no area named\): share of the country cut off by the 5 shutdowns that reached more than one city \(a national one as the whole country\) of SD/,
    );
    const scn = parseScenario(s.input).scenario;
    expect(scn.affected).toMatchObject({ share: 0.2, low: 0.1, high: 0.3, confidence: 'low' });
  });

  it("a record that names no area is priced like its country's shutdowns that reached more than one city, national ones as the whole country", () => {
    // The fixture's own events: Sudan's national shutdowns (Nationwide, National, Entire country)
    // are most of its records that reached more than one state, so the unnamed 2021-11-17 and
    // 2022-06-11 records (the text of the first: "all internet and telecom services were
    // suspended") are priced as the whole country, not as the median regional event.
    const t = shareTable(sudan);
    const nationals = sudan.filter((e) => e.scope === 'national' && (e.category === 'shutdown' || e.category === 'throttling')).length;
    expect(nationals).toBeGreaterThanOrEqual(MIN_PLACED);
    for (const start of ['2021-11-17', '2022-06-11']) {
      const e = on(start);
      expect(namesNoArea(e)).toBe(true);
      expect(sharesFor(t, e, 'SD')).toMatchObject({ n: nationals, q1: 1, median: 1, q3: 1, of: 'SD', scope: 'unnamed', counted: 'events' });
      const s = eventScenario(e, {}, { shares: t });
      expect(s.input).toMatchObject({ affected_share: 1, affected_low: 1, affected_high: 1 });
      // The whole country imputed stays an input that says why (a bare share of 1 is no input).
      expect(parseScenario(s.input).scenario.affected).toMatchObject({ share: 1, low: 1, high: 1, confidence: 'low' });
    }
    expect(parseScenario({ country: 'SD', type: 'full', hours: 1, affected_share: 1 }).scenario.affected).toBeNull();
    // A median of the whole country with a lower quartile below it keeps its range.
    const ranged = parseScenario({ country: 'IQ', type: 'full', hours: 1, affected_share: 1, affected_low: 0.14, affected_high: 1, affected_basis: 'imputed' });
    expect(ranged.scenario.affected).toMatchObject({ share: 1, low: 0.14, high: 1 });
  });

  it('mixes national and placed regional events in that class, and leaves named areas and one-city records to their own scope', () => {
    const national = Array.from(
      { length: 3 },
      () => ({ countries: ['YE'], scope: 'national', category: 'shutdown', population_affected: null }) as unknown as LedgerEvent,
    );
    const law = { countries: ['YE'], scope: 'national', category: 'law', population_affected: null } as unknown as LedgerEvent;
    const t = shareTable([
      ...national,
      law,
      ...placed('YE', 'regional', [0.01, 0.02, 0.04, 0.1]),
      ...placed('YE', 'local', [0.001, 0.002, 0.003, 0.004, 0.005]),
    ]);
    const unnamed = { scope: 'regional', geocode: { status: 'failed', text: '', reason: 'no area named', unmatched: [] } } as unknown as LedgerEvent;
    // 3 national (1) and 4 regional: 0.01 0.02 0.04 0.1 1 1 1; the law is not a shutdown.
    expect(sharesFor(t, unnamed, 'YE')).toMatchObject({ n: 7, q1: 0.04, median: 0.1, q3: 1, scope: 'unnamed' });
    // Priced, the share is one of the class's seven, each equally likely (not a triangular through its quartiles).
    const yemen = { ...on('2021-11-17'), countries: ['YE'] };
    const scn = parseScenario({ ...eventScenario(yemen, {}, { shares: t }).input, country: 'YE' }).scenario;
    expect(scn.affected).toMatchObject({ share: 0.1, values: [0.01, 0.02, 0.04, 0.1, 1, 1, 1] });
    const ps = new ParamSet();
    const inputs: InputValue[] = [];
    affectedWeight(scn, ps, inputs, []);
    expect(ps.specs[0]).toMatchObject({ name: 'affected share', dist: { kind: 'empirical', values: [0.01, 0.02, 0.04, 0.1, 1, 1, 1] } });
    expect(ps.specs[0]!.source).toMatch(/one of the 7 shares of the reference class, each equally likely/);
    expect(inputs[0]).toMatchObject({ name: 'population share cut off', value: 0.1 });
    const vague = {
      scope: 'regional',
      geocode: { status: 'failed', text: 'Houthi-controlled areas', reason: 'the area is not named', unmatched: [] },
    } as unknown as LedgerEvent;
    expect(sharesFor(t, vague, 'YE')).toBeUndefined(); // 4 placed regional events: fewer than MIN_PLACED
    const oneCity = { scope: 'local', geocode: { status: 'failed', text: '', reason: 'no area named', unmatched: [] } } as unknown as LedgerEvent;
    expect(namesNoArea(oneCity)).toBe(false);
    expect(sharesFor(t, oneCity, 'YE')).toMatchObject({ n: 5, median: 0.003, scope: 'local' });
  });

  it('a range that does not hold the share is refused, naming the field', () => {
    expect(() => parseScenario({ country: 'SD', type: 'full', hours: 1, affected_share: 0.2, affected_low: 0.3, affected_high: 0.4 })).toThrow(
      /affected_share/,
    );
  });
});

describe('the networks an outage names, among those the ledger names in the country', () => {
  const table = networkTable(sudan);

  it("reads STOP's telcos_involved cells once per network, whatever their spelling", () => {
    // "MTN, Sudani (Sudatel), Zain", "Sudan: MTN", "Sudan: Canar"; the run-together
    // "MTN Sudani (Sudatel) Zain Mobitel" and "Kanartel and Mobitel" are not networks of their own.
    expect([...table.get('SD')!].sort()).toEqual(['canar', 'mtn', 'sudani', 'zain']);
  });

  it('Sudan 2024-02-02 (no government ordered it; MTN and Sudani) is 2 of 4 networks, an equal-share proxy with its range', () => {
    const e = on('2024-02-02');
    expect(eventScenario(e).missing.map((m) => m.field)).toEqual(['isp_share']);
    const s = eventScenario(e, {}, { networks: table });
    expect(s.missing).toEqual([]);
    expect(s.input).toMatchObject({ type: 'full', affected_share: 0.5, affected_low: 0.25, affected_high: 1, affected_confidence: 'low' });
    expect(s.mapping.join(' ')).toMatch(/2 of the 4 networks the ledger names in SD \(canar, mtn, sudani, zain\)/);
    // A share given by the user wins over the proxy.
    expect(eventScenario(e, { isp_share: 0.7 }, { networks: table }).input).toMatchObject({ type: 'isp', isp_share: 0.7 });
  });

  it('counts no regulator, state body or broadcaster among the networks (the seed ledger names Roskomnadzor as an implementer; VGTRK is a broadcaster)', () => {
    const ru = (name: string, id: string) => ({ ...sudan[0]!, id, countries: ['RU'], actors: [{ role: 'implemented_by', name }] }) as LedgerEvent;
    const names = [
      'Roskomnadzor',
      'Roskomnadzor (TSPU/DPI equipment at operators)',
      'Russia: VGTRK',
      'Government of the Russian Federation',
      'Russia: ASVT',
      'Russia: MTS',
    ];
    expect([...networkTable(names.map((n, i) => ru(n, `ru-${i}`))).get('RU')!].sort()).toEqual(['asvt', 'mts']);
    expect(['Russian Federation: Miranda Media', 'Iraq: Korek Telecom', 'Sudan: MTN'].every(isAccessNetwork)).toBe(true);
  });

  it('Sudan 2024-02-06 (Zain alone) is 1 of 4', () => {
    expect(eventScenario(on('2024-02-06'), {}, { networks: table }).input.affected_share).toBe(0.25);
  });

  it('gives no proxy when the ledger knows no network beyond those named', () => {
    expect(networkShare(table, 'SD', ['Sudan: MTN', 'Sudan: Sudani (Sudatel)', 'Sudan: Zain', 'Sudan: Canar'])).toBeUndefined();
    expect(networkShare(table, 'TD', ['Chad: Sudatchad'])).toBeUndefined();
  });
});
