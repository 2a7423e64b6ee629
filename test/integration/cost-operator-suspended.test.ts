// An order that suspended one operator's services is priced as that operator's subscribers, not
// everyone in the area: real STOP records (test/fixtures/stop/operator-suspended.csv, Access Now
// #KeepItOn STOP, 2026-05-20 snapshot) with the shipped economic data.
import { describe, expect, it } from 'vitest';
import { costFixture } from '../helpers/cost-ledger.js';

const { json } = costFixture('operator-suspended.csv');

type EventCost = {
  mapping: string[];
  missing?: { field: string }[];
  scenario: { type: string; affected: { share: number; low?: number; high?: number; basis: string } | null };
  estimates: { method: string; median: number }[];
};

describe('an order that suspended one operator', () => {
  it('Iraq, Kurdistan, from 18 February 2025 ("suspension of internet services from Korek Telecom"): the area × 1 of the networks the ledger names in Iraq', async () => {
    const list = await json<{ items: { id: string; start: string }[] }>(['events', 'list', '--country', 'IQ', '--limit', '50']);
    const korek = list.items.find((e) => e.start === '2025-02-18')!;
    const args = ['cost', 'event', korek.id, '--end', '2025-12-31', '--method', 'cost-escalated'];
    const x = await json<EventCost>(args);
    expect(x.missing ?? []).toEqual([]);
    expect(x.scenario.type).toBe('full');
    expect(x.mapping.join(' ')).toMatch(/suspended the services of Iraq: Korek Telecom \("suspension of internet services from Korek Telecom"\)/);
    // The other two records name Asiacell, Fastlink, Kurdistan (a name run into STOP's list), Korek, Mobitel, Tishknet, Earthlink, IQ-Online, KNET, Newroz.
    const k = x.scenario.affected!.basis.match(/1 of the (\d+) networks the ledger names in IQ/);
    expect(Number(k?.[1])).toBe(10);
    // Kurdistan's four governorates are 16.8 % of Iraq's people by the geocoder's rule; Korek 1 of 10 of them, from half to twice that.
    expect(x.scenario.affected!.share).toBeCloseTo(0.0168, 3);
    expect(x.scenario.affected!.low).toBeCloseTo(x.scenario.affected!.share / 2, 10);
    expect(x.scenario.affected!.high).toBeCloseTo(x.scenario.affected!.share * 2, 10);
    // --isp-share is the user's own figure for the operator's share: it replaces the proxy.
    const own = await json<EventCost>([...args, '--isp-share', '0.4']);
    expect(own.mapping.join(' ')).toMatch(/share of the area's subscribers, given in the request \(--isp-share 0.4\)/);
    expect(own.scenario.affected!.share).toBeCloseTo(0.168 * 0.4, 3);
    expect(own.estimates[0]!.median).toBeGreaterThan(3 * x.estimates[0]!.median);
  });

  it('a record of the same operators that says nothing of suspending them is the whole area', async () => {
    const list = await json<{ items: { id: string; start: string }[] }>(['events', 'list', '--country', 'IQ', '--limit', '50']);
    const exams = list.items.find((e) => e.start === '2025-06-01')!;
    const x = await json<EventCost>(['cost', 'event', exams.id, '--method', 'cost-escalated']);
    expect(x.mapping.join(' ')).not.toMatch(/suspended the services/);
  });
});
