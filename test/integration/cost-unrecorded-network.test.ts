// A cut of the whole network whose record does not say which networks (STOP's affected_network
// "Unknown"), priced from the cuts of its country that did record them: real STOP records
// (test/fixtures/stop/unrecorded-networks.csv, Access Now #KeepItOn STOP, 2026-05-20 snapshot)
// with the shipped economic data.
import { describe, expect, it } from 'vitest';
import { costFixture } from '../helpers/cost-ledger.js';

const { json } = costFixture('unrecorded-networks.csv');

type Estimate = { method: string; low: number; median: number; high: number; inputs: { name: string; value: number | string; source: string }[] };
type EventCost = {
  mapping: string[];
  missing?: { field: string }[];
  scenario: { type: string; unrecorded_networks: { p_whole: number; basis: string } | null };
  estimates: Estimate[];
};

describe('a cut of unrecorded networks', () => {
  it("Chomu town, 26 December 2025: the whole network with the chance India's recorded cuts give (2 of 5), else mobile data only", async () => {
    const list = await json<{ items: { id: string; start: string; subtype: string; title: string }[] }>(['events', 'list', '--country', 'IN', '--limit', '50']);
    const chomu = list.items.find((e) => e.start === '2025-12-26')!;
    expect(chomu).toMatchObject({ subtype: 'unrecorded_network', title: 'Network shutdown in Chomu town, Jaipur District, Rajasthan (India)' });
    const methods = ['--method', 'cost-escalated', '--draws', '4000'];
    const [unknown, full, mobile] = await Promise.all([
      json<EventCost>(['cost', 'event', chomu.id, ...methods]),
      ...(['full', 'mobile'] as const).map((type) =>
        json<{ estimates: Estimate[] }>([
          'cost',
          '--country',
          'IN',
          '--type',
          type,
          '--affected-share',
          '0.5',
          '--start',
          '2025-12-26',
          '--end',
          '2025-12-27',
          ...methods,
        ]),
      ),
    ]);
    expect(unknown.missing ?? []).toEqual([]);
    expect(unknown.scenario.type).toBe('full');
    expect(unknown.scenario.unrecorded_networks?.p_whole).toBeCloseTo(2 / 5, 10);
    expect(unknown.scenario.unrecorded_networks?.basis).toMatch(/2 took the whole network \(mobile and fixed\), 3 mobile data only/);
    expect(unknown.mapping.join(' ')).toMatch(/networks cut not recorded: the whole network with chance 40 %/);
    const est = unknown.estimates[0]!;
    expect(est.inputs.find((i) => i.name === 'whole network cut')).toBeTruthy();
    expect(est.inputs.find((i) => i.name === 'chance the whole network was cut')?.value).toBeCloseTo(0.4, 6);
    // Its interval spans both kinds: the price per unit of area is between mobile only and full.
    // (The event's own area and hours differ from the reference scenarios; compare shapes, not sums.)
    const f = full!.estimates[0]!;
    const m = mobile!.estimates[0]!;
    expect(m.median).toBeLessThan(f.median);
    const spread = est.high / est.low;
    expect(spread).toBeGreaterThan(((f.high / f.low) * (f.median / m.median)) / 2);
  });

  it('a country that recorded too few cuts takes every country’s share, each country once', async () => {
    const list = await json<{ items: { id: string; subtype: string }[] }>(['events', 'list', '--country', 'JO', '--limit', '10']);
    const jo = list.items.find((e) => e.subtype === 'unrecorded_network')!;
    const c = await json<EventCost>(['cost', 'event', jo.id, '--method', 'cost-escalated']);
    expect(c.missing ?? []).toEqual([]);
    // Only India recorded its networks in this fixture: its share (2 of 5) is every country's.
    expect(c.scenario.unrecorded_networks?.p_whole).toBeCloseTo(0.4, 10);
    expect(c.scenario.unrecorded_networks?.basis).toMatch(
      /each country counted once by its own share: 40 % took the whole network \(mobile and fixed\) on average over 1 country/,
    );
    expect(c.estimates[0]!.median).toBeGreaterThan(0);
  });

  it('a service-only record of unknown kind is priced as a block of the service it names', async () => {
    const list = await json<{ items: { id: string; category: string; subtype: string; title: string }[] }>([
      'events',
      'list',
      '--country',
      'TJ',
      '--limit',
      '10',
    ]);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ category: 'block', subtype: 'platform', title: 'Block of Facebook in National (Tajikistan)' });
    const c = await json<EventCost>(['cost', 'event', list.items[0]!.id, '--method', 'cost-escalated']);
    expect(c.scenario.type).toBe('platform');
    expect(c.estimates[0]!.median).toBeGreaterThan(0);
  });
});
